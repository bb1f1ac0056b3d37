import { ExceptionCategory } from '@ordex/contracts';
import type { OrderContext, OrderLineContext, ShipmentOptionContext } from '../../detection/order-context';
import { compareText } from '../../detection/domain/compare-text.util';
import { RecommendedAction } from '../recommended-action.enum';

/** What inventory says about a short line's SKU and its approved substitutes (the integrator fetches it only for short lines). */
export interface ProductContext {
  sku: string;
  unitCost: number;
  substitutes: {
    sku: string;
    unitCost: number;
    listPrice: number;
    stock: { dcCode: string; available: number }[];
  }[];
}

/** The prices ordex puts on actions whose cost the order's context does not state. */
export interface RecommendationSettings {
  /** Fee the supplier charges to expedite an inbound purchase order line. Default 150. */
  expediteInboundFee: number;
  /** Premium transport over the cheapest option, as a share of its cost (e.g. 0.5 = +50 %). Default 0.6. */
  expediteTransportPremium: number;
  /**
   * Cost of moving a line's stock from another DC when no shipment option from it is known; also
   * the estimate for a line's second shipment when its DC has no priced option. Default 40.
   */
  transferCostPerLine: number;
  /**
   * Cost of the credit risk taken when releasing over the limit, as a share of the amount released.
   * It is an annual rate charged in full: ordex does not know how long the exposure lasts. Default 0.02.
   */
  creditRiskRate: number;
}

/** The settings ordex recommends with unless the operator configures others. */
export const DEFAULT_RECOMMENDATION_SETTINGS: RecommendationSettings = Object.freeze({
  expediteInboundFee: 150,
  expediteTransportPremium: 0.6,
  transferCostPerLine: 40,
  creditRiskRate: 0.02,
});

/** An open exception of the case, as detection raised it (its facts are the figures it rests on). */
export interface ExceptionRef {
  category: string;
  lineNo: number | null;
  facts: Record<string, unknown>;
  reason: string;
}

/** What an action needs to be executed, as plain JSON values. */
export type ActionParameters = Record<string, string | number | boolean | null>;

/** One next best action proposed for a case, with what it costs and changes. */
export interface RecommendationCandidate {
  /** The exception it answers (category + lineNo); null for the whole case (customer notice). */
  exception: { category: string; lineNo: number | null } | null;
  action: RecommendedAction;
  /** Money spent to do it (≥ 0), order currency, rounded to cents. */
  cost: number;
  /** Change in the order's margin against leaving it as ordered (signed), order currency, rounded to cents. */
  marginEffect: number;
  /**
   * Days later than the requested date the affected goods ship (0 = on time): working days for a
   * shipment option's delay (as logistics gives them), calendar days up to a fill or payment date.
   */
  dateEffectDays: number;
  /** 0..1: how likely it resolves the exception as proposed, rounded to 2 decimals. */
  confidence: number;
  /** One sentence with the figures, e.g. "Ship line 1 (120 × SKU-00001) from DC-SOUTH, which has 500 by 2026-12-02 (+38.40 transport)". */
  reason: string;
  /** What executing it needs, e.g. {lineNo, dcCode, quantity} / {lineNo, price} / {amount} / {dcCode, carrierCode, shipDate} / {substituteSku}. */
  parameters: ActionParameters;
  /** 1-based rank within the case, 1 = best. */
  rank: number;
}

/** Everything {@link recommendActions} reads; "today" included, so the same input always gives the same answer. */
export interface RecommendationInput {
  order: OrderContext;
  /** The case's open exceptions, in the order the case lists them (the order of the answer). */
  exceptions: ExceptionRef[];
  /** Product facts for the short lines' SKUs; a SKU missing here has no substitutes. */
  products: ProductContext[];
  /** The DC the order ships from; null when detection could not assign one. */
  assignedDc: string | null;
  /** Today, YYYY-MM-DD. */
  asOf: string;
  settings?: RecommendationSettings;
}

/** Calendar days from today until a prepayment the customer is asked for has arrived. */
const PAYMENT_LEAD_DAYS = 3;
/** At most this many substitutes per short line, so the case stays readable. */
const MAX_SUBSTITUTES = 2;

/** How likely each action resolves its exception as proposed. */
const CONFIDENCE = {
  alternateDcOnDate: 0.9,
  alternateDcLate: 0.75,
  split: 0.8,
  backorder: 0.7,
  backorderShipComplete: 0.5,
  substitute: 0.6,
  expediteInbound: 0.5,
  correctPriceUnderContract: 0.9,
  correctPriceOverContract: 0.8,
  priceOverride: 0.6,
  creditRelease: 0.7,
  creditReleaseOverdue: 0.4,
  prepayment: 0.6,
  rebook: 0.85,
  expediteTransport: 0.55,
  escalate: 0.5,
  fixMasterData: 0.9,
  resyncErp: 0.8,
  notifyCustomer: 0.9,
} as const;

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A candidate before ranking, with the date its goods would ship under it (for the customer notice). */
interface Proposal extends Omit<RecommendationCandidate, 'exception' | 'rank'> {
  /** The date the affected goods ship under this action (the requested date when on time). */
  shipDate: string;
}

/** What every proposer reads besides the exception itself. */
interface Situation {
  order: OrderContext;
  products: ProductContext[];
  assignedDc: string | null;
  asOf: string;
  settings: RecommendationSettings;
  shipComplete: boolean;
}

/**
 * Proposes the next best actions for a case: for each open exception, the actions that could
 * resolve it, each priced from the order's real context (stock by DC, shipment options, contract,
 * credit); then, once for the case, a notice to the customer when any proposal moves the date or
 * swaps a product. An action whose precondition fails is left out; an exception nothing specific
 * answers is escalated to the account owner, so every exception has at least one proposal.
 *
 * Ranking, deterministic: within each exception, candidates go by dateEffectDays ascending, then
 * net cost (cost − marginEffect) ascending, then confidence descending, then action name, then the
 * order proposed (substitutes in the product's listed order); exceptions keep the order given; the
 * case-level notice comes last. rank runs 1..n over the whole list. Money is rounded to cents half
 * away from zero, confidence to 2 decimals.
 */
export function recommendActions(input: RecommendationInput): RecommendationCandidate[] {
  if (!isIsoDate(input.asOf)) throw new RangeError(`asOf must be a YYYY-MM-DD date, not ${input.asOf}`);
  const situation: Situation = {
    order: input.order,
    products: input.products,
    assignedDc: input.assignedDc,
    asOf: input.asOf,
    settings: input.settings ?? DEFAULT_RECOMMENDATION_SETTINGS,
    shipComplete: input.order.customer?.routingRules?.shipComplete === true,
  };
  const answered = input.exceptions.map((exception) => ({
    exception,
    proposals: proposalsFor(exception, situation).sort(byPreference),
  }));
  const notice = customerNotice(answered, situation);

  const ranked: Omit<RecommendationCandidate, 'rank'>[] = [
    ...answered.flatMap(({ exception, proposals }) =>
      proposals.map((proposal) =>
        candidate({ category: exception.category, lineNo: exception.lineNo }, proposal),
      ),
    ),
    ...(notice === null ? [] : [candidate(null, notice)]),
  ];
  return ranked.map((entry, index) => ({ ...entry, rank: index + 1 }));
}

/** The exception's proposals, or an escalation when nothing specific answers it. */
function proposalsFor(exception: ExceptionRef, situation: Situation): Proposal[] {
  const specific = specificProposals(exception, situation);
  return specific.length > 0 ? specific : [escalation(exception.reason, situation)];
}

function specificProposals(exception: ExceptionRef, situation: Situation): Proposal[] {
  switch (exception.category) {
    case ExceptionCategory.STOCK_SHORTAGE:
      return stockShortageProposals(exception, situation);
    case ExceptionCategory.PRICE_MISMATCH:
      return priceMismatchProposals(exception, situation);
    case ExceptionCategory.CREDIT_HOLD:
      return creditHoldProposals(exception, situation);
    case ExceptionCategory.SHIPMENT_CONSTRAINT:
      return shipmentConstraintProposals(exception, situation);
    case ExceptionCategory.ROUTING_RULE:
      return routingRuleProposals(exception, situation);
    case ExceptionCategory.MASTER_DATA:
      return [masterDataFix(exception, situation)];
    case ExceptionCategory.ERP_SYNC:
      return [erpResync(exception, situation)];
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// STOCK_SHORTAGE

/**
 * A short line: source it from the alternate DC detection named, split it, backorder it, offer
 * an approved substitute stocked at the assigned DC, or pay the supplier to expedite the inbound
 * stock. With neither an alternate DC nor a fill date, the ordered SKU cannot ship at all, so the
 * line is also escalated (a substitute alone needs the customer's consent).
 */
function stockShortageProposals(exception: ExceptionRef, situation: Situation): Proposal[] {
  const line = lineOf(situation.order, exception.lineNo);
  if (line === null) return [];
  const facts = exception.facts;
  const alternateDc = textFact(facts, 'alternateDc');
  const fillDate = dateFact(facts, 'earliestFillDate');
  const dcCode = situation.assignedDc ?? textFact(facts, 'dcCode');
  const availableNow = numberFact(facts, 'availableByRequestedDate') ?? 0;
  const requestedDate = situation.order.requestedDate;

  const proposals: Proposal[] = [];
  if (alternateDc !== null) proposals.push(alternateDcProposal(line, alternateDc, situation));
  if (fillDate !== null) {
    if (!situation.shipComplete && availableNow > 0 && availableNow < line.quantity) {
      proposals.push(splitProposal(line, dcCode, availableNow, fillDate, situation));
    }
    proposals.push(backorderProposal(line, dcCode, fillDate, situation));
    if (fillDate > requestedDate && requestedDate >= situation.asOf) {
      proposals.push(inboundExpedite(line, dcCode, availableNow, fillDate, situation));
    }
  }
  proposals.push(...substituteProposals(line, dcCode, situation));
  if (alternateDc === null && fillDate === null) {
    proposals.push(
      escalation(
        `${lineLabel(line)} cannot be filled at ${dcCode ?? 'the assigned DC'} and no other DC or inbound ` +
          `supply covers it`,
        situation,
      ),
    );
  }
  return proposals;
}

/**
 * Ship the line from another DC with its cheapest shipment option, charged at the line's share
 * of the order value; without a known option, the flat transfer cost.
 */
function alternateDcProposal(line: OrderLineContext, dcCode: string, situation: Situation): Proposal {
  const { order, settings } = situation;
  const option = cheapestOption(bookableOptions(order, dcCode));
  const stockThere = line.availability?.byDc.find((entry) => entry.dcCode === dcCode);
  const has = stockThere ? `which has ${stockThere.availableByRequestedDate}` : 'which has it all';
  const where = `Ship ${lineLabel(line)} from ${dcCode}, ${has} by ${order.requestedDate}`;
  const parameters = { lineNo: line.lineNo, dcCode, quantity: line.quantity };

  if (option === null) {
    const cost = money(settings.transferCostPerLine);
    return {
      action: RecommendedAction.ALTERNATE_DC,
      cost,
      marginEffect: 0,
      dateEffectDays: 0,
      confidence: CONFIDENCE.alternateDcLate,
      reason: `${where} (+${formatMoney(cost)} transfer: no shipment option from ${dcCode} is known)`,
      parameters: { ...parameters, carrierCode: null, shipDate: null },
      shipDate: order.requestedDate,
    };
  }
  const cost = money(option.cost * lineShare(line, order));
  const delay = optionDelay(option, order.requestedDate);
  const when =
    delay === 0
      ? ` (+${formatMoney(cost)} transport)`
      : `, shipping on ${option.shipDate} with ${option.carrierCode} (${plusDays(delay)}, ` +
        `+${formatMoney(cost)} transport)`;
  return {
    action: RecommendedAction.ALTERNATE_DC,
    cost,
    marginEffect: 0,
    dateEffectDays: delay,
    confidence: option.onRequestedDate ? CONFIDENCE.alternateDcOnDate : CONFIDENCE.alternateDcLate,
    reason: `${where}${when}`,
    parameters: { ...parameters, carrierCode: option.carrierCode, shipDate: option.shipDate },
    shipDate: option.shipDate ?? order.requestedDate,
  };
}

/** Ship what the DC has by the requested date now and the rest on the fill date: a second shipment. */
function splitProposal(
  line: OrderLineContext,
  dcCode: string | null,
  availableNow: number,
  fillDate: string,
  situation: Situation,
): Proposal {
  const { order, settings } = situation;
  const option = dcCode === null ? null : cheapestOption(bookableOptions(order, dcCode));
  const cost = money(option === null ? settings.transferCostPerLine : option.cost * lineShare(line, order));
  const delay = calendarDaysLate(order.requestedDate, fillDate);
  const remaining = line.quantity - availableNow;
  return {
    action: RecommendedAction.SPLIT_SHIPMENT,
    cost,
    marginEffect: 0,
    dateEffectDays: delay,
    confidence: CONFIDENCE.split,
    reason:
      `Ship ${availableNow} of ${lineLabel(line)} from ${dcCode ?? 'the assigned DC'} on ${order.requestedDate} ` +
      `and the remaining ${remaining} on ${fillDate} (${plusDays(delay)} for the rest, ` +
      `+${formatMoney(cost)} second shipment)`,
    parameters: {
      lineNo: line.lineNo,
      dcCode,
      quantity: availableNow,
      remainingQuantity: remaining,
      remainderShipDate: fillDate,
    },
    shipDate: laterDate(order.requestedDate, fillDate),
  };
}

/** Ship the whole line once stock arrives; with ship-complete, the whole order waits for it. */
function backorderProposal(
  line: OrderLineContext,
  dcCode: string | null,
  fillDate: string,
  situation: Situation,
): Proposal {
  const { order, shipComplete } = situation;
  const delay = calendarDaysLate(order.requestedDate, fillDate);
  const wait = shipComplete
    ? `; the customer takes complete shipments only, so the whole order waits until then`
    : '';
  return {
    action: RecommendedAction.BACKORDER,
    cost: 0,
    marginEffect: 0,
    dateEffectDays: delay,
    confidence: shipComplete ? CONFIDENCE.backorderShipComplete : CONFIDENCE.backorder,
    reason:
      `Backorder ${lineLabel(line)} at ${dcCode ?? 'the assigned DC'} until ${fillDate} ` +
      `(${plusDays(delay)})${wait}`,
    parameters: { lineNo: line.lineNo, dcCode, quantity: line.quantity, fillDate },
    shipDate: laterDate(order.requestedDate, fillDate),
  };
}

/**
 * Pay the supplier to bring the inbound stock forward to the requested date; proposed only while
 * that date has not passed, and assumed on time if the supplier agrees (hence the low confidence).
 */
function inboundExpedite(
  line: OrderLineContext,
  dcCode: string | null,
  availableNow: number,
  fillDate: string,
  situation: Situation,
): Proposal {
  const { order, settings } = situation;
  const cost = money(settings.expediteInboundFee);
  const shortfall = line.quantity - availableNow;
  return {
    action: RecommendedAction.EXPEDITE,
    cost,
    marginEffect: 0,
    dateEffectDays: 0,
    confidence: CONFIDENCE.expediteInbound,
    reason:
      `Ask the supplier to bring ${shortfall} × ${line.sku} for line ${line.lineNo} to ` +
      `${dcCode ?? 'the assigned DC'} by ${order.requestedDate} instead of ${fillDate} ` +
      `(+${formatMoney(cost)} expedite fee, if the supplier agrees)`,
    parameters: {
      lineNo: line.lineNo,
      sku: line.sku,
      dcCode,
      quantity: shortfall,
      needBy: order.requestedDate,
    },
    shipDate: order.requestedDate,
  };
}

/**
 * Offer approved substitutes (in the product's listed order, at most two) that the DC holds in
 * full. The customer keeps the ordered price, so the margin moves by the difference in unit cost.
 */
function substituteProposals(
  line: OrderLineContext,
  dcCode: string | null,
  situation: Situation,
): Proposal[] {
  const product = situation.products.find((entry) => entry.sku === line.sku);
  if (product === undefined || dcCode === null) return [];
  return product.substitutes
    .map((substitute) => ({
      substitute,
      available: substitute.stock.find((entry) => entry.dcCode === dcCode)?.available ?? 0,
    }))
    .filter(({ available }) => available >= line.quantity)
    .slice(0, MAX_SUBSTITUTES)
    .map(({ substitute, available }) => {
      const marginEffect = money((product.unitCost - substitute.unitCost) * line.quantity);
      return {
        action: RecommendedAction.SUBSTITUTE,
        cost: 0,
        marginEffect,
        dateEffectDays: 0,
        confidence: CONFIDENCE.substitute,
        reason:
          `Offer ${substitute.sku} instead of ${line.sku} for line ${line.lineNo} (${line.quantity} needed, ` +
          `${available} at ${dcCode}), unit cost ${formatMoney(substitute.unitCost)} vs ` +
          `${formatMoney(product.unitCost)} (${signedMoney(marginEffect)} margin); the customer must accept`,
        parameters: { lineNo: line.lineNo, substituteSku: substitute.sku, dcCode, quantity: line.quantity },
        shipDate: situation.order.requestedDate,
      };
    });
}

// ---------------------------------------------------------------------------------------------
// PRICE_MISMATCH

/**
 * A line off its contract price or under the margin floor: correct it to the contract (when there
 * is a contract price to correct to, and it differs) or keep it with a pricing approval. The
 * override's cost is the revenue it leaks against the contract; its parameters carry what the
 * approval authority decides on (the line value and whether the margin is under the floor).
 */
function priceMismatchProposals(exception: ExceptionRef, situation: Situation): Proposal[] {
  const line = lineOf(situation.order, exception.lineNo);
  if (line === null) return [];
  const facts = exception.facts;
  const contractPrice = numberFact(facts, 'contractPrice');
  const contractId = textFact(facts, 'contractId');
  const marginPct = numberFact(facts, 'marginPct');
  const marginFloorPct = numberFact(facts, 'marginFloorPct');
  const requestedDate = situation.order.requestedDate;
  const contract = contractId === null ? 'the contract' : `contract ${contractId}`;

  const proposals: Proposal[] = [];
  if (contractPrice !== null && contractPrice !== line.unitPrice) {
    const marginEffect = money((contractPrice - line.unitPrice) * line.quantity);
    const underContract = line.unitPrice < contractPrice;
    proposals.push({
      action: RecommendedAction.CORRECT_PRICE,
      cost: 0,
      marginEffect,
      dateEffectDays: 0,
      confidence: underContract ? CONFIDENCE.correctPriceUnderContract : CONFIDENCE.correctPriceOverContract,
      reason:
        `Correct ${lineLabel(line)} from ${formatMoney(line.unitPrice)} to the price of ${contract}, ` +
        `${formatMoney(contractPrice)} (${signedMoney(marginEffect)} margin` +
        (underContract ? ')' : '; the customer is overcharged today)'),
      parameters: { lineNo: line.lineNo, price: contractPrice },
      shipDate: requestedDate,
    });
  }

  const leakage = money(
    contractPrice === null ? 0 : Math.max(0, (contractPrice - line.unitPrice) * line.quantity),
  );
  const lineValue = money(line.unitPrice * line.quantity);
  const belowMarginFloor = marginPct !== null && marginFloorPct !== null && marginPct < marginFloorPct;
  const versus =
    contractPrice === null
      ? 'no contract price'
      : leakage > 0
        ? `${formatMoney(leakage)} under ${contract}`
        : `at or above ${contract}`;
  const margin =
    marginPct === null
      ? ''
      : `, margin ${formatPct(marginPct)}` +
        (marginFloorPct === null
          ? ''
          : belowMarginFloor
            ? ` under the ${formatPct(marginFloorPct)} floor`
            : ` (floor ${formatPct(marginFloorPct)})`);
  proposals.push({
    action: RecommendedAction.APPROVE_PRICE_OVERRIDE,
    cost: leakage,
    marginEffect: 0,
    dateEffectDays: 0,
    confidence: CONFIDENCE.priceOverride,
    reason:
      `Keep ${lineLabel(line)} at ${formatMoney(line.unitPrice)} (${formatMoney(lineValue)}) with a pricing ` +
      `approval: ${versus}${margin}`,
    parameters: {
      lineNo: line.lineNo,
      price: line.unitPrice,
      amount: lineValue,
      belowMarginFloor,
      marginPct,
      contractPrice,
    },
    shipDate: requestedDate,
  });
  return proposals;
}

// ---------------------------------------------------------------------------------------------
// CREDIT_HOLD

/**
 * A credit hold: release the order (the amount over the limit, or the whole order when only
 * receivables are overdue) at the cost of the risk taken, or ask for prepayment. Prepayment is
 * expected PAYMENT_LEAD_DAYS after today, so it delays the order only by what that overruns the
 * requested date.
 */
function creditHoldProposals(exception: ExceptionRef, situation: Situation): Proposal[] {
  const { order, settings, asOf } = situation;
  const facts = exception.facts;
  const overLimitBy = numberFact(facts, 'overLimitBy');
  const overLimit = facts.withinLimit === false && overLimitBy !== null && overLimitBy > 0;
  const overdue = facts.overdue === true;
  const overdueDays = numberFact(facts, 'overdueDays');
  const amount = money(overLimit && overLimitBy !== null ? overLimitBy : order.orderValue);
  const riskCost = money(amount * settings.creditRiskRate);
  const overdueText = overdue ? `receivables overdue ${overdueDays ?? '?'} days` : '';
  const why = overLimit
    ? `${formatMoney(amount)} ${order.currency} over the credit limit` +
      (overdue ? ` and ${overdueText}` : '')
    : `${formatMoney(amount)} ${order.currency} with ${overdueText}`;

  const paymentDate = addDays(asOf, PAYMENT_LEAD_DAYS);
  const paymentDelay = calendarDaysLate(order.requestedDate, paymentDate);
  return [
    {
      action: RecommendedAction.CREDIT_RELEASE,
      cost: riskCost,
      marginEffect: 0,
      dateEffectDays: 0,
      confidence: overdue ? CONFIDENCE.creditReleaseOverdue : CONFIDENCE.creditRelease,
      reason:
        `Release ${order.orderNumber} for ${order.customerId}, ${why} ` +
        `(+${formatMoney(riskCost)} credit risk at ${formatPct(settings.creditRiskRate * 100)})`,
      parameters: { amount, currency: order.currency, overLimit, overdue },
      shipDate: order.requestedDate,
    },
    {
      action: RecommendedAction.REQUIRE_PREPAYMENT,
      cost: 0,
      marginEffect: 0,
      dateEffectDays: paymentDelay,
      confidence: CONFIDENCE.prepayment,
      reason:
        `Ask ${order.customerId} to prepay ${order.orderNumber} (${formatMoney(order.orderValue)} ${order.currency}); ` +
        `payment expected by ${paymentDate}` +
        (paymentDelay === 0 ? `, in time for ${order.requestedDate}` : ` (${plusDays(paymentDelay)})`),
      parameters: { amount: money(order.orderValue), currency: order.currency, expectedBy: paymentDate },
      shipDate: laterDate(order.requestedDate, paymentDate),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// SHIPMENT_CONSTRAINT

/**
 * Nothing ships from the DC on the requested date: rebook to its best option (another carrier on
 * the date, else the earliest ship date) at the premium over its cheapest option. When that
 * delays, premium transport on the requested date is offered too, while that date has not passed,
 * but only if the exception's blockers include CUTOFF_PASSED: a premium pickup after the regular
 * cut-off is something a carrier sells. When every carrier is full (CAPACITY_FULL), no carrier
 * collects that day (NO_COLLECTION) or detection names no blockers, there is no premium to buy
 * that would move the goods that day, so only the rebooking is proposed.
 */
function shipmentConstraintProposals(exception: ExceptionRef, situation: Situation): Proposal[] {
  const { order, settings, asOf } = situation;
  const dcCode = situation.assignedDc ?? textFact(exception.facts, 'dcCode');
  if (dcCode === null) return [];
  const options = bookableOptions(order, dcCode);
  const best = bestRebooking(options);
  const cheapest = cheapestOption(options);
  if (best === null || cheapest === null) return [];

  const rebooking = rebookProposal(best, cheapest.cost, situation, (cost, delay) =>
    delay === 0
      ? `Rebook ${order.orderNumber} with ${best.carrierCode} from ${dcCode} on the requested ` +
        `${order.requestedDate} (+${formatMoney(cost)} over the cheapest option)`
      : `Move ${order.orderNumber} to ${best.shipDate} with ${best.carrierCode} from ${dcCode}, the earliest ` +
        `ship date on offer (${plusDays(delay)}, +${formatMoney(cost)} over the cheapest option)`,
  );
  const premiumPickupOnSale = textListFact(exception.facts, 'blockers').includes('CUTOFF_PASSED');
  if (rebooking.dateEffectDays === 0 || order.requestedDate < asOf || !premiumPickupOnSale)
    return [rebooking];

  const premium = money(cheapest.cost * settings.expediteTransportPremium);
  const expedite: Proposal = {
    action: RecommendedAction.EXPEDITE,
    cost: premium,
    marginEffect: 0,
    dateEffectDays: 0,
    confidence: CONFIDENCE.expediteTransport,
    reason:
      `Book premium transport from ${dcCode} on the requested ${order.requestedDate} ` +
      `(+${formatMoney(premium)}: ${formatPct(settings.expediteTransportPremium * 100)} over the cheapest ` +
      `option, ${formatMoney(cheapest.cost)} with ${cheapest.carrierCode})`,
    parameters: { dcCode, shipDate: order.requestedDate },
    shipDate: order.requestedDate,
  };
  return [rebooking, expedite];
}

// ---------------------------------------------------------------------------------------------
// ROUTING_RULE

/**
 * The plan breaks a customer rule: escalate to the account owner, who settles it with the
 * customer; and where the broken rule is the DC or the carrier, rebook to the best option the
 * customer allows. Moving to another DC is proposed only where that DC has every line in stock by
 * the requested date, or the move would swap one exception for another.
 */
function routingRuleProposals(exception: ExceptionRef, situation: Situation): Proposal[] {
  const { order, assignedDc } = situation;
  const facts = exception.facts;
  const broken = textListFact(facts, 'broken');
  const proposals = [escalation(exception.reason, situation)];
  if (!broken.includes('DC_NOT_ALLOWED') && !broken.includes('NO_ALLOWED_CARRIER')) return proposals;

  const allowedDcs = textListFact(facts, 'allowedDcs');
  const allowedCarriers = textListFact(facts, 'allowedCarriers');
  const excludedCarriers = textListFact(facts, 'excludedCarriers');
  const allowed = (order.shipmentOptions ?? []).filter(
    (option) =>
      option.shipDate !== null &&
      (allowedDcs.length === 0 || allowedDcs.includes(option.dcCode)) &&
      (allowedCarriers.length === 0 || allowedCarriers.includes(option.carrierCode)) &&
      !excludedCarriers.includes(option.carrierCode) &&
      (option.dcCode === assignedDc || hasEveryLineInStock(order, option.dcCode)),
  );
  const best = bestRebooking(allowed);
  if (best === null) return proposals;

  const baseline =
    cheapestOption(assignedDc === null ? [] : bookableOptions(order, assignedDc)) ?? cheapestOption(allowed);
  const move =
    best.dcCode === assignedDc
      ? `from ${best.dcCode}`
      : `from ${best.dcCode} instead of ${assignedDc ?? 'no DC'}`;
  const rebooking = rebookProposal(
    best,
    baseline?.cost ?? best.cost,
    situation,
    (cost, delay) =>
      `Ship ${order.orderNumber} with ${best.carrierCode} ${move} on ${best.shipDate}, as the customer's rules ` +
      `allow (${delay === 0 ? 'on time' : plusDays(delay)}, +${formatMoney(cost)} over the cheapest option)`,
  );
  return [...proposals, rebooking];
}

/** A rebooking onto `option`, priced as its premium over `baselineCost`; `describe` words it from cost and delay. */
function rebookProposal(
  option: ShipmentOptionContext,
  baselineCost: number,
  situation: Situation,
  describe: (cost: number, delay: number) => string,
): Proposal {
  const requestedDate = situation.order.requestedDate;
  const cost = money(Math.max(0, option.cost - baselineCost));
  const delay = optionDelay(option, requestedDate);
  return {
    action: RecommendedAction.REBOOK_CARRIER,
    cost,
    marginEffect: 0,
    dateEffectDays: delay,
    confidence: CONFIDENCE.rebook,
    reason: describe(cost, delay),
    parameters: { dcCode: option.dcCode, carrierCode: option.carrierCode, shipDate: option.shipDate },
    shipDate: option.shipDate ?? requestedDate,
  };
}

/** The option to rebook to: one on the requested date if any, else the earliest ship date; then cheapest, DC, carrier. */
function bestRebooking(options: ShipmentOptionContext[]): ShipmentOptionContext | null {
  const onDate = options.filter((option) => option.onRequestedDate);
  const pool = onDate.length > 0 ? onDate : options;
  return (
    [...pool].sort(
      (a, b) =>
        compareText(a.shipDate ?? '', b.shipDate ?? '') ||
        a.cost - b.cost ||
        compareText(a.dcCode, b.dcCode) ||
        compareText(a.carrierCode, b.carrierCode),
    )[0] ?? null
  );
}

function hasEveryLineInStock(order: OrderContext, dcCode: string): boolean {
  return order.lines.every((line) => {
    if (line.availability === null) return true;
    const atDc = line.availability.byDc.find((entry) => entry.dcCode === dcCode);
    return (atDc?.availableByRequestedDate ?? 0) >= line.quantity;
  });
}

// ---------------------------------------------------------------------------------------------
// MASTER_DATA, ERP_SYNC, escalation

/** Fix the master record; the reason says which record, from the exception's facts. */
function masterDataFix(exception: ExceptionRef, situation: Situation): Proposal {
  const facts = exception.facts;
  const fixes: { record: string; text: string }[] = [];
  const customerId = textFact(facts, 'customerId');
  const shipToId = textFact(facts, 'shipToId');
  const sku = textFact(facts, 'sku');
  const lastContractEndedOn = textFact(facts, 'lastContractEndedOn');
  if (facts.customerKnown === false) {
    fixes.push({ record: 'CUSTOMER', text: `add customer ${customerId ?? '?'} to the customer master` });
  }
  if (facts.shipToKnown === false) {
    fixes.push({
      record: 'SHIP_TO',
      text: shipToId === null ? 'get the missing ship-to from the customer' : `add ship-to ${shipToId}`,
    });
  }
  if (facts.hasCreditAccount === false) {
    fixes.push({ record: 'CREDIT_ACCOUNT', text: `open a credit account for customer ${customerId ?? '?'}` });
  }
  if (facts.skuKnown === false) {
    fixes.push({ record: 'PRODUCT', text: `add SKU ${sku ?? '?'} to the product master` });
  } else if (lastContractEndedOn !== null) {
    fixes.push({
      record: 'CONTRACT',
      text: `renew the contract for SKU ${sku ?? '?'} (the last one ended on ${lastContractEndedOn})`,
    });
  }
  const what = fixes.length > 0 ? fixes.map((fix) => fix.text).join('; ') : exception.reason;
  return {
    action: RecommendedAction.FIX_MASTER_DATA,
    cost: 0,
    marginEffect: 0,
    dateEffectDays: 0,
    confidence: CONFIDENCE.fixMasterData,
    reason: `Fix the master data: ${what}`,
    parameters: {
      lineNo: exception.lineNo,
      records: fixes.length > 0 ? fixes.map((fix) => fix.record).join(',') : null,
      customerId,
      shipToId,
      sku,
    },
    shipDate: situation.order.requestedDate,
  };
}

/** Resynchronise the order with the ERP (resending the oldest unacknowledged command, if any). */
function erpResync(exception: ExceptionRef, situation: Situation): Proposal {
  const { order } = situation;
  return {
    action: RecommendedAction.RESYNC_ERP,
    cost: 0,
    marginEffect: 0,
    dateEffectDays: 0,
    confidence: CONFIDENCE.resyncErp,
    reason: `Resync ${order.orderNumber} with the ERP: ${exception.reason}`,
    parameters: {
      orderNumber: order.orderNumber,
      erpVersion: order.erpVersion,
      commandId: textFact(exception.facts, 'oldestCommandId'),
    },
    shipDate: order.requestedDate,
  };
}

/** Hand the matter to the customer's account owner. */
function escalation(why: string, situation: Situation): Proposal {
  const { order } = situation;
  return {
    action: RecommendedAction.ESCALATE,
    cost: 0,
    marginEffect: 0,
    dateEffectDays: 0,
    confidence: CONFIDENCE.escalate,
    reason: `Escalate to the account owner of ${order.customerId}: ${why}`,
    parameters: { customerId: order.customerId },
    shipDate: order.requestedDate,
  };
}

// ---------------------------------------------------------------------------------------------
// Case level

/**
 * Tell the customer once when any proposal for an exception other than ERP_SYNC (which the
 * customer never sees) moves the date or swaps a product. The revised commitment is the latest
 * ship date among the best-ranked proposal of each such exception; the notice also says how late
 * the other options could go and which lines may get a substitute.
 */
function customerNotice(
  answered: { exception: ExceptionRef; proposals: Proposal[] }[],
  situation: Situation,
): Proposal | null {
  const { order } = situation;
  const visible = answered.filter(({ exception }) => exception.category !== ExceptionCategory.ERP_SYNC);
  const all = visible.flatMap(({ proposals }) => proposals);
  const substituteLines = [
    ...new Set(
      visible
        .filter(({ proposals }) => proposals.some((p) => p.action === RecommendedAction.SUBSTITUTE))
        .map(({ exception }) => exception.lineNo)
        .filter((lineNo): lineNo is number => lineNo !== null),
    ),
  ].sort((a, b) => a - b);
  if (!all.some((proposal) => proposal.dateEffectDays > 0) && substituteLines.length === 0) return null;

  const best = visible.map(({ proposals }) => proposals[0]);
  const commitment = best.reduce(
    (latest, proposal) => laterDate(latest, proposal.shipDate),
    order.requestedDate,
  );
  const latestOption = all.reduce((latest, proposal) => laterDate(latest, proposal.shipDate), commitment);
  const delay = Math.max(0, ...best.map((proposal) => proposal.dateEffectDays));

  const headline =
    commitment > order.requestedDate
      ? `Tell ${order.customerId} the revised commitment for ${order.orderNumber}: shipping on ${commitment} ` +
        `instead of the requested ${order.requestedDate}`
      : `Tell ${order.customerId} that ${order.orderNumber} still ships on the requested ${order.requestedDate} ` +
        `with the best-ranked actions`;
  const later = latestOption > commitment ? `; other options move it as late as ${latestOption}` : '';
  const substitutes =
    substituteLines.length === 0
      ? ''
      : `; approved substitutes are offered for ${substituteLines.length === 1 ? 'line' : 'lines'} ` +
        substituteLines.join(', ');
  return {
    action: RecommendedAction.NOTIFY_CUSTOMER,
    cost: 0,
    marginEffect: 0,
    dateEffectDays: delay,
    confidence: CONFIDENCE.notifyCustomer,
    reason: `${headline}${later}${substitutes}`,
    parameters: {
      customerId: order.customerId,
      requestedDate: order.requestedDate,
      commitmentDate: commitment,
      latestOptionDate: latestOption,
    },
    shipDate: commitment,
  };
}

// ---------------------------------------------------------------------------------------------
// Ranking and output

function byPreference(a: Proposal, b: Proposal): number {
  return (
    a.dateEffectDays - b.dateEffectDays ||
    netCostCents(a) - netCostCents(b) ||
    b.confidence - a.confidence ||
    compareText(a.action, b.action)
  );
}

/** cost − marginEffect in whole cents, so equal amounts compare equal whatever the float noise. */
function netCostCents(proposal: Proposal): number {
  return Math.round(proposal.cost * 100) - Math.round(proposal.marginEffect * 100);
}

function candidate(
  exception: RecommendationCandidate['exception'],
  proposal: Proposal,
): Omit<RecommendationCandidate, 'rank'> {
  return {
    exception,
    action: proposal.action,
    cost: money(proposal.cost),
    marginEffect: money(proposal.marginEffect),
    dateEffectDays: proposal.dateEffectDays,
    confidence: roundHalfAwayFromZero(proposal.confidence, 2),
    reason: proposal.reason,
    parameters: proposal.parameters,
  };
}

// ---------------------------------------------------------------------------------------------
// Order figures

function lineOf(order: OrderContext, lineNo: number | null): OrderLineContext | null {
  return lineNo === null ? null : (order.lines.find((line) => line.lineNo === lineNo) ?? null);
}

/** "line 1 (120 × SKU-00001)". */
function lineLabel(line: OrderLineContext): string {
  return `line ${line.lineNo} (${line.quantity} × ${line.sku})`;
}

/**
 * The line's share of the order value, which a shipment's cost is spread by; capped at 1, and 1
 * for an order without value (the line then carries the whole shipment).
 */
function lineShare(line: OrderLineContext, order: OrderContext): number {
  if (!(order.orderValue > 0)) return 1;
  return Math.min(1, Math.max(0, (line.unitPrice * line.quantity) / order.orderValue));
}

/** The DC's options that can actually be booked (they have a ship date). */
function bookableOptions(order: OrderContext, dcCode: string): ShipmentOptionContext[] {
  return (order.shipmentOptions ?? []).filter(
    (option) => option.dcCode === dcCode && option.shipDate !== null,
  );
}

/** Cheapest first; ties by earlier ship date, then carrier code. */
function cheapestOption(options: ShipmentOptionContext[]): ShipmentOptionContext | null {
  return (
    [...options].sort(
      (a, b) =>
        a.cost - b.cost ||
        compareText(a.shipDate ?? '', b.shipDate ?? '') ||
        compareText(a.carrierCode, b.carrierCode),
    )[0] ?? null
  );
}

/** The option's delay in days (its working-day delayDays); 0 on the requested date. */
function optionDelay(option: ShipmentOptionContext, requestedDate: string): number {
  if (option.onRequestedDate) return 0;
  if (option.delayDays !== null) return Math.max(0, option.delayDays);
  return option.shipDate === null ? 0 : calendarDaysLate(requestedDate, option.shipDate);
}

// ---------------------------------------------------------------------------------------------
// Facts (plain JSON from detection)

function numberFact(facts: Record<string, unknown>, key: string): number | null {
  const value = facts[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function textFact(facts: Record<string, unknown>, key: string): string | null {
  const value = facts[key];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function dateFact(facts: Record<string, unknown>, key: string): string | null {
  const value = textFact(facts, key);
  return value !== null && isIsoDate(value) ? value : null;
}

function textListFact(facts: Record<string, unknown>, key: string): string[] {
  const value = facts[key];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

// ---------------------------------------------------------------------------------------------
// Dates (YYYY-MM-DD, compared as text) and numbers

function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && Number.isFinite(Date.parse(`${value}T00:00:00Z`));
}

/** Calendar days from `from` to `to`, 0 when `to` is not later (or either is not a date). */
function calendarDaysLate(from: string, to: string): number {
  if (!isIsoDate(from) || !isIsoDate(to)) return 0;
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
  return Math.max(0, days);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function laterDate(a: string, b: string): string {
  return compareText(a, b) >= 0 ? a : b;
}

/** Rounds to cents, half away from zero. */
function money(value: number): number {
  return roundHalfAwayFromZero(value, 2);
}

/**
 * Half away from zero at `decimals`, after clearing binary noise (1.005 is stored as
 * 1.00499999…, yet means 1.005); never returns −0.
 */
function roundHalfAwayFromZero(value: number, decimals: number): number {
  const scaled = Number((Math.abs(value) * 10 ** decimals).toPrecision(15));
  const rounded = (Math.sign(value) * Math.round(scaled)) / 10 ** decimals;
  return rounded === 0 ? 0 : rounded;
}

function formatMoney(value: number): string {
  return value.toFixed(2);
}

/** "+180.00", "−200.00" (a true minus sign), "0.00". */
function signedMoney(value: number): string {
  if (value === 0) return '0.00';
  return `${value > 0 ? '+' : '−'}${formatMoney(Math.abs(value))}`;
}

/** "3 %", "34.07 %": a percentage as people write it. */
function formatPct(value: number): string {
  return `${roundHalfAwayFromZero(value, 2)} %`;
}

/** "+1 day", "+7 days". */
function plusDays(days: number): string {
  return days === 1 ? '+1 day' : `+${days} days`;
}
