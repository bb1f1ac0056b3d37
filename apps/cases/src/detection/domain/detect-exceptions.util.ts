import { ExceptionCategory } from '@ordex/contracts';
import type { OrderContext, OrderStatus } from '../order-context';
import { creditHoldException } from './credit-hold.rule';
import { erpSyncVerdict } from './erp-sync.rule';
import { isUnknownSku, masterDataHeaderException, masterDataLineException } from './master-data.rule';
import { priceMismatchException } from './price-mismatch.rule';
import { routingRuleException } from './routing-rule.rule';
import { shipmentConstraintException } from './shipment-constraint.rule';
import { stockShortageException } from './stock-shortage.rule';
import { compareText } from './compare-text.util';

/** How ordex runs exception detection for an order. */
export interface DetectionSettings {
  /** The instant detection runs at (the cases service's clock). */
  asOf: Date;
  /** How long the ERP may take to acknowledge a command before it is an ERP_SYNC exception. */
  acknowledgementTimeoutMs: number;
}

/** One exception ordex finds on an order, for the whole order or one of its lines. */
export interface DetectedException {
  category: ExceptionCategory;
  /** Null for the whole order. */
  lineNo: number | null;
  /** One sentence for people, with the figures, e.g. "120 × SKU-00001 needed at DC-NORTH by 2026-12-02; 20 available by then (DC-SOUTH has 500)". */
  reason: string;
  /** The figures the verdict rests on (goes onto the audit trail as the decision's inputs); plain JSON values only. */
  facts: Record<string, string | number | boolean | null | string[]>;
}

/** What detection concludes about one order. */
export interface DetectionOutcome {
  /** Sorted by category then lineNo (nulls first); at most one per (category, lineNo). */
  exceptions: DetectedException[];
  /** The earliest future instant at which the verdict could change by time alone (a pending ERP command reaching its timeout); null when none. */
  recheckAt: Date | null;
}

/** Orders in these states are past exception handling (released to the warehouse, shipped, cancelled): detection returns no exceptions for them. */
export const SETTLED_ORDER_STATUSES: ReadonlySet<OrderStatus> = new Set<OrderStatus>([
  'RELEASED',
  'PARTIALLY_RELEASED',
  'SHIPPED',
  'CANCELLED',
]);

/**
 * Finds every exception an order raises right now, from what the graph answers about it.
 * `dcByRegion` maps a ship-to region to the DC that serves it.
 */
export function detectExceptions(
  order: OrderContext,
  dcByRegion: ReadonlyMap<string, string>,
  settings: DetectionSettings,
): DetectionOutcome {
  if (SETTLED_ORDER_STATUSES.has(order.status)) return { exceptions: [], recheckAt: null };

  const dcCode = assignedDcOf(order, dcByRegion);
  // A line whose SKU the product master does not know has no stock or price to judge.
  const knownLines = order.lines.filter((line) => !isUnknownSku(line));
  const shortages = knownLines.map((line) => stockShortageException(order, line, dcCode)).filter(isPresent);
  const erp = erpSyncVerdict(order.erpCommands, settings);

  const found = [
    masterDataHeaderException(order),
    ...order.lines.map(masterDataLineException),
    ...shortages,
    ...knownLines.map(priceMismatchException),
    creditHoldException(order),
    shipmentConstraintException(order, dcCode),
    routingRuleException(order, dcCode, shortages),
    erp.exception,
  ].filter(isPresent);

  return { exceptions: uniqueAndSorted(found), recheckAt: erp.recheckAt };
}

/** The DC the order ships from unless something is wrong: the routing rule's preferred DC, else the DC of the ship-to's region; null when neither is known. */
export function assignedDcOf(order: OrderContext, dcByRegion: ReadonlyMap<string, string>): string | null {
  const preferredDc = order.customer?.routingRules?.preferredDc ?? null;
  if (preferredDc !== null) return preferredDc;
  return order.shipTo === null ? null : (dcByRegion.get(order.shipTo.region) ?? null);
}

function isPresent<T>(value: T | null): value is T {
  return value !== null;
}

/** The first exception wins when two share a (category, lineNo), e.g. an order repeating a line number. */
function uniqueAndSorted(exceptions: DetectedException[]): DetectedException[] {
  const byKey = new Map<string, DetectedException>();
  for (const exception of exceptions) {
    const key = `${exception.category}#${exception.lineNo ?? ''}`;
    if (!byKey.has(key)) byKey.set(key, exception);
  }
  return [...byKey.values()].sort(compareExceptions);
}

function compareExceptions(a: DetectedException, b: DetectedException): number {
  if (a.category !== b.category) return compareText(a.category, b.category);
  if (a.lineNo === b.lineNo) return 0;
  if (a.lineNo === null) return -1;
  if (b.lineNo === null) return 1;
  return a.lineNo - b.lineNo;
}
