import {
  acknowledgedTransition,
  closedOrderRefusal,
  HoldState,
  isSameRequest,
  isUuid,
  placeRefusal,
  readIdempotencyKey,
  readReason,
  releaseTransition,
} from './hold-transition.util';

const ALL_STATES = Object.values(HoldState);

describe('acknowledgedTransition', () => {
  it('settles a requested placement: accepted → ACTIVE, rejected → REJECTED', () => {
    expect(acknowledgedTransition(HoldState.REQUESTED, 'PLACE_HOLD', 'ACCEPTED')).toBe(HoldState.ACTIVE);
    expect(acknowledgedTransition(HoldState.REQUESTED, 'PLACE_HOLD', 'REJECTED')).toBe(HoldState.REJECTED);
  });

  it('settles a requested release: accepted → RELEASED, rejected → back to ACTIVE', () => {
    expect(acknowledgedTransition(HoldState.RELEASE_REQUESTED, 'RELEASE_HOLD', 'ACCEPTED')).toBe(
      HoldState.RELEASED,
    );
    expect(acknowledgedTransition(HoldState.RELEASE_REQUESTED, 'RELEASE_HOLD', 'REJECTED')).toBe(
      HoldState.ACTIVE,
    );
  });

  it('moves nothing that is not waiting for that answer', () => {
    for (const state of ALL_STATES) {
      for (const outcome of ['ACCEPTED', 'REJECTED'] as const) {
        if (state !== HoldState.REQUESTED) {
          expect(acknowledgedTransition(state, 'PLACE_HOLD', outcome)).toBeNull();
        }
        if (state !== HoldState.RELEASE_REQUESTED) {
          expect(acknowledgedTransition(state, 'RELEASE_HOLD', outcome)).toBeNull();
        }
      }
    }
  });
});

describe('releaseTransition', () => {
  it('asks the ERP to release an ACTIVE hold', () => {
    expect(releaseTransition(HoldState.ACTIVE)).toEqual({ next: HoldState.RELEASE_REQUESTED });
  });

  it.each([HoldState.REQUESTED, HoldState.REJECTED, HoldState.RELEASE_REQUESTED, HoldState.RELEASED])(
    'refuses to release a %s hold, naming its state',
    (state) => {
      expect(releaseTransition(state)).toEqual({
        refusal: `the hold is ${state}, only an ACTIVE hold can be released`,
      });
    },
  );
});

describe('placeRefusal', () => {
  it('allows a type the order has no open hold of (none, or only settled ones)', () => {
    expect(placeRefusal('CREDIT', [])).toBeNull();
    expect(placeRefusal('CREDIT', [HoldState.RELEASED, HoldState.REJECTED])).toBeNull();
  });

  it.each([HoldState.REQUESTED, HoldState.ACTIVE, HoldState.RELEASE_REQUESTED])(
    'refuses a second hold of a type that is %s',
    (state) => {
      expect(placeRefusal('CREDIT', [HoldState.RELEASED, state])).toBe(
        `a CREDIT hold is already ${state} on this order`,
      );
    },
  );
});

describe('closedOrderRefusal', () => {
  it('refuses cancelled and shipped orders only', () => {
    expect(closedOrderRefusal('SO-1', 'CANCELLED')).toBe(
      'order SO-1 is CANCELLED: holds can no longer be placed or released',
    );
    expect(closedOrderRefusal('SO-1', 'SHIPPED')).toContain('SHIPPED');
    for (const status of ['RECEIVED', 'VALIDATING', 'ON_HOLD', 'RELEASED', 'PARTIALLY_RELEASED']) {
      expect(closedOrderRefusal('SO-1', status)).toBeNull();
    }
  });
});

describe('readReason', () => {
  it('trims the reason', () => {
    expect(readReason('  over limit  ')).toEqual({ reason: 'over limit' });
  });

  it('refuses an empty or blank reason', () => {
    expect(readReason('')).toEqual({ problem: 'reason must not be empty' });
    expect(readReason(' \n\t ')).toEqual({ problem: 'reason must not be empty' });
  });

  it('takes exactly 500 characters, counted as characters not UTF-16 units, and refuses 501', () => {
    expect(readReason('x'.repeat(500))).toEqual({ reason: 'x'.repeat(500) });
    expect(readReason('x'.repeat(501))).toEqual({ problem: 'reason is over 500 characters' });
    // 500 emoji are 1,000 UTF-16 code units but 500 characters.
    expect(readReason('🧾'.repeat(500))).toEqual({ reason: '🧾'.repeat(500) });
    expect(readReason('🧾'.repeat(501))).toEqual({ problem: 'reason is over 500 characters' });
  });

  it('refuses a NUL character', () => {
    expect(readReason('a\u0000b')).toEqual({ problem: 'reason must not contain a NUL character' });
  });
});

describe('readIdempotencyKey', () => {
  it('takes no key, or a key as given', () => {
    expect(readIdempotencyKey(undefined)).toEqual({ key: null });
    expect(readIdempotencyKey(null)).toEqual({ key: null });
    expect(readIdempotencyKey('retry-1')).toEqual({ key: 'retry-1' });
  });

  it('refuses a blank, overlong or NUL-bearing key', () => {
    expect(readIdempotencyKey('  ')).toEqual({ problem: 'idempotencyKey must not be blank' });
    expect(readIdempotencyKey('k'.repeat(200))).toEqual({ key: 'k'.repeat(200) });
    expect(readIdempotencyKey('k'.repeat(201))).toEqual({
      problem: 'idempotencyKey is over 200 characters',
    });
    expect(readIdempotencyKey('a\u0000')).toEqual({
      problem: 'idempotencyKey must not contain a NUL character',
    });
  });
});

describe('isSameRequest', () => {
  const place = {
    commandType: 'PLACE_HOLD' as const,
    orderNumber: 'SO-1',
    holdType: 'CREDIT',
    holdId: 'h-1',
  };
  const release = {
    commandType: 'RELEASE_HOLD' as const,
    orderNumber: 'SO-1',
    holdType: 'CREDIT',
    holdId: 'h-1',
  };

  it('recognises a retried placement: same order and hold type', () => {
    expect(isSameRequest(place, { commandType: 'PLACE_HOLD', orderNumber: 'SO-1', holdType: 'CREDIT' })).toBe(
      true,
    );
    expect(isSameRequest(place, { commandType: 'PLACE_HOLD', orderNumber: 'SO-2', holdType: 'CREDIT' })).toBe(
      false,
    );
    expect(isSameRequest(place, { commandType: 'PLACE_HOLD', orderNumber: 'SO-1', holdType: 'PRICE' })).toBe(
      false,
    );
  });

  it('recognises a retried release: same hold', () => {
    expect(isSameRequest(release, { commandType: 'RELEASE_HOLD', holdId: 'h-1' })).toBe(true);
    expect(isSameRequest(release, { commandType: 'RELEASE_HOLD', holdId: 'h-2' })).toBe(false);
  });

  it('never takes one command type for the other', () => {
    expect(isSameRequest(place, { commandType: 'RELEASE_HOLD', holdId: 'h-1' })).toBe(false);
    expect(
      isSameRequest(release, { commandType: 'PLACE_HOLD', orderNumber: 'SO-1', holdType: 'CREDIT' }),
    ).toBe(false);
  });
});

describe('isUuid', () => {
  it('tells a UUID from anything PostgreSQL would refuse for a uuid column', () => {
    expect(isUuid('0b5c9f4e-8a1d-4c1e-9f3a-2d7e6b1c0a99')).toBe(true);
    expect(isUuid('CMD-1')).toBe(false);
    expect(isUuid('')).toBe(false);
  });
});
