import { MAX_DELIVERY_ATTEMPTS, retryDelayAfter } from './delivery-schedule.util';

describe('retryDelayAfter', () => {
  it('backs off after each failed attempt, then gives up', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelayAfter)).toEqual([
      1_000, 5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000,
    ]);
    expect(MAX_DELIVERY_ATTEMPTS).toBe(8);
    expect(retryDelayAfter(8)).toBeUndefined();
  });
});
