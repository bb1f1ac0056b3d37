import { substituteSkus } from './substitutes.util';

describe('substituteSkus', () => {
  it('keeps the listed order', () => {
    expect(substituteSkus('SKU-1', ['SKU-9', 'SKU-3', 'SKU-5'])).toEqual(['SKU-9', 'SKU-3', 'SKU-5']);
  });

  it('lists a SKU once and never the product itself', () => {
    expect(substituteSkus('SKU-1', ['SKU-3', 'SKU-1', 'SKU-3', 'SKU-2'])).toEqual(['SKU-3', 'SKU-2']);
  });

  it('is empty when nothing is approved', () => {
    expect(substituteSkus('SKU-1', [])).toEqual([]);
  });
});
