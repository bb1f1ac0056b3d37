import { divideRounded, fromCents, fromScaled, toCents, toScaled } from './fixed-point.util';

describe('toScaled', () => {
  it('reads the decimal a float was written as, not its binary approximation', () => {
    expect(toScaled(97.01, 4)).toBe(970100n);
    expect(toScaled(0.3, 4)).toBe(3000n);
    expect(toScaled(1.005, 2)).toBe(101n); // 1.005 × 100 is 100.49999… in floats
    expect(toScaled(3, 3)).toBe(3000n);
    expect(toScaled(0, 2)).toBe(0n);
  });

  it('rounds digits beyond the scale half away from zero, like a numeric column', () => {
    expect(toScaled(12.34565, 4)).toBe(123457n);
    expect(toScaled(12.34564, 4)).toBe(123456n);
    expect(toScaled(-2.5, 0)).toBe(-3n);
    expect(toScaled(-0.125, 2)).toBe(-13n);
  });

  it('reads exponent notation', () => {
    expect(toScaled(1e-7, 4)).toBe(0n);
    expect(toScaled(5e-5, 4)).toBe(1n);
    expect(toScaled(1.5e21, 2)).toBe(150000000000000000000000n);
  });

  it('refuses what is not a finite number', () => {
    expect(() => toScaled(Number.NaN, 2)).toThrow(RangeError);
    expect(() => toScaled(Number.POSITIVE_INFINITY, 2)).toThrow(RangeError);
  });
});

describe('fromScaled, toCents and fromCents', () => {
  it('convert between amounts and whole units', () => {
    expect(fromScaled(970100n, 4)).toBe(97.01);
    expect(fromScaled(-301n, 2)).toBe(-3.01);
    expect(toCents(100000.01)).toBe(10000001);
    expect(toCents(0.1 + 0.2)).toBe(30);
    expect(fromCents(10000001)).toBe(100000.01);
  });
});

describe('divideRounded', () => {
  it('rounds the quotient half away from zero', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(4n, 3n)).toBe(1n);
    expect(divideRounded(-4n, 3n)).toBe(-1n);
    expect(divideRounded(0n, 7n)).toBe(0n);
  });

  it('refuses a denominator that is not positive', () => {
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
  });
});
