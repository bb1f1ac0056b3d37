/**
 * The life of a hold that ordex asks the ERP for. ordex never changes a hold by itself: a request
 * moves it to a *_REQUESTED state and sends a command; only the ERP's acknowledgement settles it.
 *
 *   (place) ─► REQUESTED ──accepted──► ACTIVE ──(release)──► RELEASE_REQUESTED ──accepted──► RELEASED
 *                  └──────rejected──► REJECTED        ▲                 │
 *                                                     └────rejected─────┘
 */
export enum HoldState {
  REQUESTED = 'REQUESTED',
  ACTIVE = 'ACTIVE',
  REJECTED = 'REJECTED',
  RELEASE_REQUESTED = 'RELEASE_REQUESTED',
  RELEASED = 'RELEASED',
}

/** What became of a command, as the ERP's acknowledgement says (PENDING until it arrives). */
export enum ErpCommandState {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}

/** The hold commands (the values of the canonical ErpCommandType). */
export type HoldCommandType = 'PLACE_HOLD' | 'RELEASE_HOLD';
export type AckOutcome = 'ACCEPTED' | 'REJECTED';

/** States in which a hold counts as on the order (asked for, in force, or being released). */
export const OPEN_HOLD_STATES: readonly HoldState[] = [
  HoldState.REQUESTED,
  HoldState.ACTIVE,
  HoldState.RELEASE_REQUESTED,
];

/** Order statuses (canonical OrderStatus values) on which no hold can be placed or released. */
export const CLOSED_ORDER_STATUSES: readonly string[] = ['CANCELLED', 'SHIPPED'];

export const MAX_REASON_LENGTH = 500;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** Why a hold may not be placed on or released from an order in `status`; null when it may. */
export function closedOrderRefusal(orderNumber: string, status: string): string | null {
  return CLOSED_ORDER_STATUSES.includes(status)
    ? `order ${orderNumber} is ${status}: holds can no longer be placed or released`
    : null;
}

/**
 * Why a hold of `type` may not be placed, given the states of the order's holds of that type;
 * null when it may. One open hold per type and order: a second would be a duplicate in the ERP.
 */
export function placeRefusal(type: string, statesOfType: readonly HoldState[]): string | null {
  const open = statesOfType.find((state) => OPEN_HOLD_STATES.includes(state));
  return open ? `a ${type} hold is already ${open} on this order` : null;
}

/** The state a release request moves a hold to, or why it may not be released. */
export function releaseTransition(
  state: HoldState,
): { next: HoldState.RELEASE_REQUESTED } | { refusal: string } {
  if (state === HoldState.ACTIVE) return { next: HoldState.RELEASE_REQUESTED };
  return { refusal: `the hold is ${state}, only an ACTIVE hold can be released` };
}

/**
 * The state the ERP's answer to a hold command moves the hold to; null when the hold is not
 * waiting for that answer (the command does not belong to the hold's current step).
 */
export function acknowledgedTransition(
  state: HoldState,
  commandType: HoldCommandType,
  outcome: AckOutcome,
): HoldState | null {
  if (commandType === 'PLACE_HOLD' && state === HoldState.REQUESTED) {
    return outcome === 'ACCEPTED' ? HoldState.ACTIVE : HoldState.REJECTED;
  }
  if (commandType === 'RELEASE_HOLD' && state === HoldState.RELEASE_REQUESTED) {
    return outcome === 'ACCEPTED' ? HoldState.RELEASED : HoldState.ACTIVE;
  }
  return null;
}

/**
 * The reason as stored and sent (trimmed), or what is wrong with it. Its length is counted in
 * characters (Unicode code points), so an accented or emoji reason is not cut short; NUL is
 * refused because PostgreSQL text cannot hold it and the ERP contract forbids it.
 */
export function readReason(reason: string): { reason: string } | { problem: string } {
  const trimmed = reason.trim();
  if (!trimmed) return { problem: 'reason must not be empty' };
  if ([...trimmed].length > MAX_REASON_LENGTH) {
    return { problem: `reason is over ${MAX_REASON_LENGTH} characters` };
  }
  if (trimmed.includes('\u0000')) return { problem: 'reason must not contain a NUL character' };
  return { reason: trimmed };
}

/** The idempotency key as stored (null when none was given), or what is wrong with it. */
export function readIdempotencyKey(
  key: string | null | undefined,
): { key: string | null } | { problem: string } {
  if (key === null || key === undefined) return { key: null };
  if (!key.trim()) return { problem: 'idempotencyKey must not be blank' };
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    return { problem: `idempotencyKey is over ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` };
  }
  if (key.includes('\u0000')) return { problem: 'idempotencyKey must not contain a NUL character' };
  return { key };
}

/** The request a command was made for, to tell a retry from another request under the same key. */
export interface HoldCommandTarget {
  commandType: HoldCommandType;
  orderNumber?: string;
  holdType?: string;
  holdId?: string;
}

/**
 * Whether `retry` asks for the same thing as the command first made under its idempotency key:
 * the same command on the same order and hold type (a placement) or the same hold (a release).
 * The reason is not compared: a client retrying with reworded text still means the same request.
 */
export function isSameRequest(first: Required<HoldCommandTarget>, retry: HoldCommandTarget): boolean {
  if (first.commandType !== retry.commandType) return false;
  return retry.commandType === 'PLACE_HOLD'
    ? first.orderNumber === retry.orderNumber && first.holdType === retry.holdType
    : first.holdId === retry.holdId;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID. Any other value for a uuid column makes PostgreSQL fail the whole query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
