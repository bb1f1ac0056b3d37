import { fromCents, minimumPriceForMargin, roundUpTo, toCents, withBasisPoints } from './money.util';

describe('money', () => {
  it('converts to and from cents without float error', () => {
    expect(toCents(4.6)).toBe(460);
    expect(toCents(0.1 + 0.2)).toBe(30);
    expect(fromCents(4550)).toBe(45.5);
  });

  it('applies basis points rounded half away from zero', () => {
    expect(withBasisPoints(5000, -900)).toBe(4550); // 50.00 − 9 % = 45.50 exactly
    expect(withBasisPoints(333, 500)).toBe(350); // 349.65 → 350
    expect(withBasisPoints(10, -500)).toBe(10); // 9.5 → 10 (half away from zero)
  });

  it('finds the lowest price that keeps a margin', () => {
    // cost 3.50, 12 % margin: 3.50 / 0.88 = 3.977… → 3.98, whose margin is 12.06 %.
    expect(minimumPriceForMargin(350, 12)).toBe(398);
    expect(minimumPriceForMargin(880, 12)).toBe(1000); // exactly 12 % at 10.00
  });

  it('rounds up to a step', () => {
    expect(roundUpTo(40_001, 5_000)).toBe(45_000);
    expect(roundUpTo(40_000, 5_000)).toBe(40_000);
  });
});
