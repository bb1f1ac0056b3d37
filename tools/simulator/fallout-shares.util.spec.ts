import { DEFAULT_FALLOUT, parseFalloutShares } from './fallout-shares.util';

describe('--fallout shares', () => {
  it('replaces the named categories and keeps the defaults of the others', () => {
    expect(parseFalloutShares('STOCK_SHORTAGE=0.2, ERP_SYNC=0')).toEqual({
      ...DEFAULT_FALLOUT,
      STOCK_SHORTAGE: 0.2,
      ERP_SYNC: 0,
    });
    expect(parseFalloutShares('')).toEqual(DEFAULT_FALLOUT);
  });

  it.each([
    ['STOCK_SHORTAGE', 'is not CATEGORY=share'],
    ['LATE_TRUCK=0.1', 'unknown category LATE_TRUCK'],
    ['PRICE_MISMATCH=1.5', 'PRICE_MISMATCH share must be a number between 0 and 1 (got 1.5)'],
    ['PRICE_MISMATCH=abc', 'between 0 and 1'],
  ])('refuses %s', (text, message) => {
    expect(() => parseFalloutShares(text)).toThrow(message);
  });
});
