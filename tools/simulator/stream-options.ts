import type { CustomerSegment, EventEnvelope, ExceptionCategory } from '@ordex/contracts';
import type { DemoDistributor } from '@ordex/demo-data';
import { DEFAULT_ARRIVAL_PROFILE, profileProblems, type ArrivalProfile } from './arrival-profile.util';
import { DEFAULT_FALLOUT, EXCEPTION_CATEGORIES, type FalloutShares } from './fallout-shares.util';

export interface ErpStreamOptions {
  seed: number;
  demo: DemoDistributor;
  /** Simulated start, local time of the distributor: YYYY-MM-DD or YYYY-MM-DDTHH:MM. */
  start: string;
  /** IANA zone of the distributor's local time (default: the first depot's, else Europe/Berlin). */
  timeZone?: string;
  profile?: Partial<ArrivalProfile>;
  fallout?: Partial<FalloutShares>;
  /** CREDIT_HOLD's share is multiplied by this on the last 3 working days of a month. */
  monthEndCreditFactor?: number;
  /** Share of orders that get 1–3 changed versions. */
  changeShare?: number;
  /** Share of orders the ERP cancels. */
  cancelShare?: number;
  /** Share of order events sent a second time with the same event id. */
  duplicateShare?: number;
  /** Share of changed versions after which an older version is re-sent (new event id). */
  resendShare?: number;
  /**
   * Causes planted for root-cause analysis to find: a customer segment with bad contracts (its
   * contract orders fall out on price `patternFactor` times as often) and a product family whose
   * supplier delivers late (orders with its SKUs fall out on stock `patternFactor` times as often).
   */
  patterns?: PlantedPatterns;
}

/** See {@link ErpStreamOptions.patterns}; month-end credit pressure is `monthEndCreditFactor`. */
export interface PlantedPatterns {
  badContractSegment?: CustomerSegment | null;
  supplierDelayFamily?: string | null;
  /** How many times the usual share (default 4). */
  patternFactor?: number;
}

export type ResolvedStreamOptions = Required<Omit<ErpStreamOptions, 'profile' | 'fallout' | 'patterns'>> & {
  profile: ArrivalProfile;
  fallout: FalloutShares;
  patterns: Required<PlantedPatterns>;
  startMs: number;
};

export const STREAM_DEFAULTS = {
  monthEndCreditFactor: 3,
  changeShare: 0.15,
  cancelShare: 0.03,
  duplicateShare: 0.02,
  resendShare: 0.1,
};

/** Resolves defaults and refuses what cannot be simulated, with one message listing every problem. */
export function resolveStreamOptions(options: ErpStreamOptions): ResolvedStreamOptions {
  const resolved: ResolvedStreamOptions = {
    ...STREAM_DEFAULTS,
    ...(definedOnly(options) as ErpStreamOptions),
    timeZone: options.timeZone ?? firstDepotZone(options.demo) ?? 'Europe/Berlin',
    profile: {
      ...DEFAULT_ARRIVAL_PROFILE,
      ordersPerHour: defaultOrdersPerHour(options.demo),
      ...definedOnly(options.profile ?? {}),
    },
    fallout: { ...DEFAULT_FALLOUT, ...definedOnly(options.fallout ?? {}) },
    patterns: {
      badContractSegment: null,
      supplierDelayFamily: null,
      patternFactor: 4,
      ...definedOnly(options.patterns ?? {}),
    },
    startMs: parseStart(options.start),
  };
  const problems = profileProblems(resolved.profile);
  if (!Number.isInteger(resolved.seed) || resolved.seed < 0 || resolved.seed > 0xffffffff)
    problems.push('seed must be an integer between 0 and 4294967295');
  if (Number.isNaN(resolved.startMs)) problems.push(`start "${options.start}" is not YYYY-MM-DD[THH:MM]`);
  for (const name of ['changeShare', 'cancelShare', 'duplicateShare', 'resendShare'] as const) {
    if (!(resolved[name] >= 0 && resolved[name] <= 1)) problems.push(`${name} must be between 0 and 1`);
  }
  for (const category of EXCEPTION_CATEGORIES) {
    const share = resolved.fallout[category];
    if (!(share >= 0 && share <= 1)) problems.push(`fallout share of ${category} must be between 0 and 1`);
  }
  if (!(resolved.monthEndCreditFactor >= 0)) problems.push('monthEndCreditFactor must be ≥ 0');
  if (!(resolved.patterns.patternFactor >= 1)) problems.push('patternFactor must be ≥ 1');
  const { supplierDelayFamily } = resolved.patterns;
  if (supplierDelayFamily && !options.demo.products.some((p) => p.family === supplierDelayFamily))
    problems.push(
      `supplierDelayFamily ${supplierDelayFamily} is not a product family of the demo distributor`,
    );
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: resolved.timeZone });
  } catch {
    problems.push(`unknown time zone ${resolved.timeZone}`);
  }
  if (problems.length > 0) throw new Error(`invalid simulation options: ${problems.join('; ')}`);
  return resolved;
}

/**
 * One order per customer every twelve business hours: order volumes the demo's credit limits can
 * carry (a busier stream would push most customers over their limits by open orders alone).
 */
export function defaultOrdersPerHour(demo: DemoDistributor): number {
  return Math.max(1, demo.customers.length / 12);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function parseStart(start: string): number {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?$/.exec(start);
  if (!match) return NaN;
  const ms = Date.parse(`${match[1]}T${match[2] ?? '00:00'}:00.000Z`);
  return new Date(ms).toISOString().slice(0, 10) === match[1] ? ms : NaN;
}

function firstDepotZone(demo: DemoDistributor): string | undefined {
  for (const carrier of demo.carriers as unknown[]) {
    const depots = (carrier as { depots?: { timeZone?: string }[] }).depots;
    if (depots?.[0]?.timeZone) return depots[0].timeZone;
  }
  return undefined;
}

export type SimEventKind =
  | 'order'
  | 'change'
  | 'late-first-version'
  | 'cancel'
  | 'ship'
  | 'duplicate'
  | 'resend'
  | 'credit'
  | 'capacity'
  | 'routing-rule';

/** The ground truth of one generated order: what was planted in it (never part of the ERP payload). */
export interface OrderLabel {
  orderNumber: string;
  customerId: string;
  /** The instant the order arrived. */
  orderedAt: string;
  /** Arrived on one of the last 3 working days of its month. */
  monthEnd: boolean;
  /** The date the customer was promised at the first version (YYYY-MM-DD). */
  requestedDate: string;
  categories: ExceptionCategory[];
  /** How each category was planted, in words. */
  details: string[];
  /** The free text the ERP sends on every version of the order (`Order.notes`); null when none. */
  note: string | null;
  /** The planted category the note speaks of; null for a neutral note or none. */
  noteCategory: ExceptionCategory | null;
}

/**
 * How an order ended, known only when the ERP shipped or cancelled it (an order still open when
 * the stream stops has none). The customer's own date changes move the promise: an order shipped
 * on the date the customer last asked for is on time.
 */
export interface OutcomeLabel {
  orderNumber: string;
  /** The date promised at the first version (YYYY-MM-DD). */
  requestedDate: string;
  /** The date the customer last asked for before the outcome: the first one unless the customer moved it. */
  promisedDate: string;
  /** The local date of the SHIPPED version; null when the order was cancelled. */
  shipDate: string | null;
  cancelled: boolean;
  /** Shipped after the promised date (a cancelled order is never late). */
  late: boolean;
  /** Working days from the promised date to the ship date, 0 when on time or cancelled. */
  daysLate: number;
}

/** A line of the labels file: an order's label when it arrives, its outcome when it ends. */
export type LabelRecord = ({ kind: 'order' } & OrderLabel) | ({ kind: 'outcome' } & OutcomeLabel);

export interface SimulatedEvent {
  /** Position in the stream, from 1. */
  seq: number;
  /** Simulated local time (ms, see sim-calendar.util). */
  at: number;
  kind: SimEventKind;
  orderNumber?: string;
  event: EventEnvelope<unknown>;
  /** On the first event of each order. */
  label?: OrderLabel;
  /** On the event that ends an order: its SHIPPED version or its cancellation. */
  outcome?: OutcomeLabel;
}
