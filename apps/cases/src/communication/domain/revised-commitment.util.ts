/** What was decided on one part of the order (an action taken on the case). */
export interface DecidedAction {
  /** RecommendedAction value: ALTERNATE_DC, SPLIT_SHIPMENT, SUBSTITUTE, BACKORDER, CORRECT_PRICE, APPROVE_PRICE_OVERRIDE, CREDIT_RELEASE, REQUIRE_PREPAYMENT, REBOOK_CARRIER, EXPEDITE, NOTIFY_CUSTOMER, FIX_MASTER_DATA, RESYNC_ERP, ESCALATE */
  action: string;
  /** DONE actions only are passed in; parameters as stored, e.g. {lineNo, dcCode, quantity}, {lineNo, price}, {shipDate, carrierCode, dcCode}, {lineNo, quantity, remainingQuantity, remainderShipDate}, {lineNo, substituteSku, quantity}, {amount, expectedBy} */
  parameters: Record<string, string | number | boolean | null>;
}

export interface CommitmentContext {
  /** The customer's own reference is not known to ordex; the ERP order number is used. */
  orderNumber: string;
  /** null (or blank) → "Dear customer". */
  customerName: string | null;
  /** YYYY-MM-DD, as originally requested. */
  requestedDate: string;
  currency: string;
  lines: { lineNo: number; sku: string; quantity: number; unitPrice: number }[];
  actions: DecidedAction[];
  /** The person or team signing: e.g. "Customer service, Northwind Distribution". */
  signature: string;
}

export interface CommitmentDraft {
  subject: string;
  /** Plain text, lines separated by \n; no HTML. */
  body: string;
  /** The new overall ship date if it moved (the latest date any part now ships), else null. */
  revisedDate: string | null;
  /** One entry per change told to the customer, in order-line order (header changes first), for the UI. */
  changes: string[];
  /** False when nothing the customer sees changed (e.g. only an internal transfer on time, or an approved override keeping their price): then no message needs sending, but a draft is still returned saying everything ships as ordered. */
  needsSending: boolean;
}

/** One thing the customer is told, with what the draft needs to order it and to word the rest of the body. */
interface CustomerChange {
  /** null for changes to the whole order, which come first. */
  lineNo: number | null;
  /** Order of changes on the same line (or of header changes): dates and quantities before prices. */
  rank: number;
  text: string;
  /** The date this part of the order now ships, when the change sets one. */
  shipsOn: string | null;
  /** The order now ships in parts (worded "The last part ships on …"). */
  splitsOrder: boolean;
  /** The customer must accept it before it ships. */
  needsAcceptance: boolean;
}

type OrderLine = CommitmentContext['lines'][number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Drafts the "revised commitment" message customer service sends when a case's resolution changes
 * what the customer was promised. ordex only drafts; a person reviews and sends it, so the draft
 * tells the customer what changed for them and nothing about how the distributor got there.
 *
 * What each DONE action tells the customer:
 * - ALTERNATE_DC: nothing while its `shipDate` is absent or not after the requested date (where the
 *   goods come from is invisible to the customer); a later `shipDate` is a change: the line ships
 *   from another of our warehouses on that date.
 * - SPLIT_SHIPMENT: "Line N (SKU): Q now, R on <remainderShipDate>"; R is `remainingQuantity`, or the
 *   line's quantity minus Q when it was not stored; nothing left over is no split. The order now
 *   ships in parts, even when the rest follows in time.
 * - BACKORDER: the line ships complete on its date, read from `shipDate` (a date a person agreed) or
 *   else `fillDate` (what the recommender stores: when stock arrives). Only a date after the
 *   requested date is a change: a line filled in time ships as promised.
 * - SUBSTITUTE: the line ships as `substituteSku` instead of the ordered SKU, once the customer
 *   accepts; the closing asks them to confirm.
 * - REBOOK_CARRIER: a `shipDate` after the requested date moves the whole order (a change); the same
 *   date, or another carrier on it, is invisible to the customer.
 * - CORRECT_PRICE: the line's unit price is corrected to `price` (2 decimals and the order's
 *   currency, with the ordered price beside it when the line is known), because it changes their
 *   invoice; a "correction" to the price already ordered is no change.
 * - REQUIRE_PREPAYMENT: payment of `amount` (order currency) is needed by `expectedBy` before the
 *   order ships; without `expectedBy` the request is worded without a date. The payment date is
 *   not a ship date: the order ships once the customer pays, which they control.
 * - APPROVE_PRICE_OVERRIDE (the ordered price stands), CREDIT_RELEASE, EXPEDITE (bought to stay on
 *   time), FIX_MASTER_DATA, RESYNC_ERP, ESCALATE and NOTIFY_CUSTOMER change nothing the customer
 *   sees; unknown actions are ignored too.
 * An action missing what its sentence needs (an integer `lineNo`, a YYYY-MM-DD date, a quantity, a
 * price or amount) is left out like an unknown one: the draft never invents a date or a price.
 *
 * Changes are listed header first (whole-order date, prepayment), then by line number, then dates
 * and quantities before prices; the order of `actions` does not matter, so the same decisions
 * always give the same text. `revisedDate` is the latest date any part now ships, when that is
 * after the requested date; the body words it "The last part ships on …" when a split sends the
 * order in parts, else "Your order now ships complete on …". Dates stay YYYY-MM-DD, unambiguous for customers in any country, and
 * amounts use a plain "1234.50" so the text does not depend on a locale.
 */
export function draftRevisedCommitment(context: CommitmentContext): CommitmentDraft {
  const changes = context.actions
    .map((action) => customerChange(action, context))
    .filter((change): change is CustomerChange => change !== null)
    .sort(compareChanges);
  const revisedDate = latestDateAfter(
    context.requestedDate,
    changes.map((change) => change.shipsOn),
  );
  const greeting = `Dear ${context.customerName?.trim() || 'customer'},`;
  const closing = ['Kind regards,', context.signature];

  if (changes.length === 0) {
    return {
      subject: `Order ${context.orderNumber}: confirmed as ordered`,
      body: [
        greeting,
        '',
        `Order ${context.orderNumber} is confirmed as ordered: everything ships on ${context.requestedDate}, as requested.`,
        '',
        'If you have any questions, please reply to this message.',
        '',
        ...closing,
      ].join('\n'),
      revisedDate: null,
      changes: [],
      needsSending: false,
    };
  }

  const dateSentence =
    revisedDate === null
      ? []
      : [
          changes.some((change) => change.splitsOrder)
            ? `The last part ships on ${revisedDate}.`
            : `Your order now ships complete on ${revisedDate}.`,
          '',
        ];
  return {
    subject: `Order ${context.orderNumber}: revised delivery commitment`,
    body: [
      greeting,
      '',
      `We have had to revise our commitment on order ${context.orderNumber}, which you asked us to ship on ${context.requestedDate}:`,
      ...changes.map((change) => `- ${change.text}`),
      '',
      ...dateSentence,
      replyRequest(changes.length, changes.filter((change) => change.needsAcceptance).length),
      '',
      ...closing,
    ].join('\n'),
    revisedDate,
    changes: changes.map((change) => change.text),
    needsSending: true,
  };
}

/** What one decided action tells the customer, or null when they see no difference. */
function customerChange(decided: DecidedAction, context: CommitmentContext): CustomerChange | null {
  const parameters = decided.parameters;
  const requestedDate = context.requestedDate;
  switch (decided.action) {
    case 'REBOOK_CARRIER': {
      const shipDate = dateParameter(parameters, 'shipDate');
      if (shipDate === null || shipDate <= requestedDate) return null;
      return headerChange(0, `The whole order ships on ${shipDate} instead of ${requestedDate}`, shipDate);
    }
    case 'REQUIRE_PREPAYMENT': {
      const amount = numberParameter(parameters, 'amount');
      if (amount === null || amount <= 0) return null;
      const expectedBy = dateParameter(parameters, 'expectedBy');
      const by = expectedBy === null ? '' : ` by ${expectedBy}`;
      return headerChange(
        1,
        `Payment of ${money(amount, context.currency)} is needed${by} before the order ships`,
        null,
      );
    }
    case 'ALTERNATE_DC':
      return lineChange(parameters, context, 0, (label) => {
        const shipDate = dateParameter(parameters, 'shipDate');
        if (shipDate === null || shipDate <= requestedDate) return null;
        return {
          text: `${label}: ships from another of our warehouses on ${shipDate} instead of ${requestedDate}`,
          shipsOn: shipDate,
        };
      });
    case 'SPLIT_SHIPMENT':
      return lineChange(parameters, context, 1, (label, line) => {
        const now = numberParameter(parameters, 'quantity');
        const remainderShipDate = dateParameter(parameters, 'remainderShipDate');
        if (now === null || remainderShipDate === null) return null;
        const rest =
          numberParameter(parameters, 'remainingQuantity') ?? (line === null ? null : line.quantity - now);
        if (rest === null || rest <= 0) return null;
        return {
          text: `${label}: ${now} now, ${rest} on ${remainderShipDate}`,
          shipsOn: remainderShipDate,
          splitsOrder: true,
        };
      });
    case 'BACKORDER':
      return lineChange(parameters, context, 2, (label) => {
        const shipDate = dateParameter(parameters, 'shipDate') ?? dateParameter(parameters, 'fillDate');
        if (shipDate === null || shipDate <= requestedDate) return null;
        return {
          text: `${label}: ships complete on ${shipDate} instead of ${requestedDate}`,
          shipsOn: shipDate,
        };
      });
    case 'SUBSTITUTE':
      return lineChange(parameters, context, 3, (label, line) => {
        const substituteSku = textParameter(parameters, 'substituteSku');
        if (substituteSku === null) return null;
        const ordered = line === null ? 'the ordered product' : line.sku;
        return {
          text: `${label}: ships as ${substituteSku} instead of ${ordered}, once you confirm you accept the substitute`,
          needsAcceptance: true,
        };
      });
    case 'CORRECT_PRICE':
      return lineChange(parameters, context, 4, (label, line) => {
        const price = numberParameter(parameters, 'price');
        if (price === null || price < 0 || (line !== null && price === line.unitPrice)) return null;
        const ordered = line === null ? '' : ` (ordered at ${money(line.unitPrice, context.currency)})`;
        return { text: `${label}: unit price corrected to ${money(price, context.currency)}${ordered}` };
      });
    default:
      return null;
  }
}

function headerChange(rank: number, text: string, shipsOn: string | null): CustomerChange {
  return { lineNo: null, rank, text, shipsOn, splitsOrder: false, needsAcceptance: false };
}

/**
 * A change to the line named by the `lineNo` parameter, labelled "Line N (SKU)" ("Line N" when the
 * line is not among the order's lines); `describe` returns null when the customer sees no change.
 */
function lineChange(
  parameters: DecidedAction['parameters'],
  context: CommitmentContext,
  rank: number,
  describe: (
    label: string,
    line: OrderLine | null,
  ) =>
    (Partial<Pick<CustomerChange, 'shipsOn' | 'splitsOrder' | 'needsAcceptance'>> & { text: string }) | null,
): CustomerChange | null {
  const lineNo = parameters['lineNo'];
  if (typeof lineNo !== 'number' || !Number.isInteger(lineNo)) return null;
  const line = context.lines.find((candidate) => candidate.lineNo === lineNo) ?? null;
  const described = describe(line === null ? `Line ${lineNo}` : `Line ${lineNo} (${line.sku})`, line);
  if (described === null) return null;
  return {
    lineNo,
    rank,
    text: described.text,
    shipsOn: described.shipsOn ?? null,
    splitsOrder: described.splitsOrder ?? false,
    needsAcceptance: described.needsAcceptance ?? false,
  };
}

/** Header changes first, then by line, then by kind; the text breaks any remaining tie. */
function compareChanges(a: CustomerChange, b: CustomerChange): number {
  const lineA = a.lineNo ?? Number.NEGATIVE_INFINITY;
  const lineB = b.lineNo ?? Number.NEGATIVE_INFINITY;
  if (lineA !== lineB) return lineA < lineB ? -1 : 1;
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

/** The latest of `dates` when it is after `requestedDate`, else null (YYYY-MM-DD compares as text). */
function latestDateAfter(requestedDate: string, dates: (string | null)[]): string | null {
  const latest = dates.reduce<string | null>(
    (max, date) => (date !== null && (max === null || date > max) ? date : max),
    null,
  );
  return latest !== null && latest > requestedDate ? latest : null;
}

/** The closing: asks for a reply if a change does not work, and for confirmation of any substitute. */
function replyRequest(changeCount: number, substituteCount: number): string {
  const which = changeCount === 1 ? 'this change does' : 'any of these changes do';
  if (substituteCount === 0)
    return `If ${which} not work for you, please reply to this message and we will find another way.`;
  const what = substituteCount === 1 ? 'the substitute product' : 'the substitute products';
  return (
    `Please reply to confirm you accept ${what}; if ${which} not work for you, ` +
    `say so in your reply and we will find another way.`
  );
}

function money(amount: number, currency: string): string {
  return `${amount.toFixed(2)} ${currency}`;
}

function dateParameter(parameters: DecidedAction['parameters'], key: string): string | null {
  const value = parameters[key];
  return typeof value === 'string' && ISO_DATE.test(value) ? value : null;
}

function numberParameter(parameters: DecidedAction['parameters'], key: string): number | null {
  const value = parameters[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function textParameter(parameters: DecidedAction['parameters'], key: string): string | null {
  const value = parameters[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
