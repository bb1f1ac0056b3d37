import { BUS_DEFAULTS, MAX_IN_FLIGHT } from './event-bus';
import { resolveConsumerSpec, retryDelayMs } from './consumer-spec.util';

describe('resolveConsumerSpec', () => {
  it('fills in the bus defaults and drops duplicate subjects', () => {
    expect(resolveConsumerSpec({ durable: 'svc-a', subjects: ['x.y', 'x.y'] })).toEqual({
      durable: 'svc-a',
      subjects: ['x.y'],
      maxDeliver: BUS_DEFAULTS.maxDeliver,
      backoffMs: BUS_DEFAULTS.backoffMs,
      ackWaitMs: BUS_DEFAULTS.ackWaitMs,
      maxInFlight: MAX_IN_FLIGHT,
      orderedByKey: undefined,
      observer: undefined,
    });
  });

  it.each([
    [{ durable: 'bad.name', subjects: ['x'] }, 'Durable name'],
    [{ durable: 'ok', subjects: [] }, 'at least one subject'],
    [{ durable: 'ok', subjects: ['x'], maxDeliver: 0 }, 'maxDeliver'],
    [{ durable: 'ok', subjects: ['x'], backoffMs: [-1] }, 'backoffMs'],
    [{ durable: 'ok', subjects: ['x'], ackWaitMs: 0 }, 'ackWaitMs'],
    [{ durable: 'ok', subjects: ['x'], maxInFlight: 0 }, 'maxInFlight'],
    [{ durable: 'ok', subjects: ['x'], maxInFlight: 1.5 }, 'maxInFlight'],
  ])('rejects %j', (spec, message) => {
    expect(() => resolveConsumerSpec(spec)).toThrow(message);
  });
});

describe('retryDelayMs', () => {
  it('uses one entry per retry and repeats the last one', () => {
    expect([1, 2, 3, 4, 5].map((count) => retryDelayMs([10, 20, 30], count))).toEqual([10, 20, 30, 30, 30]);
  });

  it('retries immediately without a backoff', () => {
    expect(retryDelayMs([], 3)).toBe(0);
  });
});
