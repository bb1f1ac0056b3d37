import { milligramsToKg, orderWeight, toMilligrams } from './order-weight.util';

describe('orderWeight', () => {
  const weights: Record<string, number> = { BOLT: 0.0005, PUMP: 12.5, PIPE: 2.1 };
  const weightOf = (sku: string) => weights[sku];

  it('sums quantity × unit weight exactly, in milligrams', () => {
    // 3 × 2.1 kg = 6.3 kg (as floats 6.300000000000001); 1000 × 0.5 g = 0.5 kg; 2 × 12.5 kg = 25 kg.
    const weight = orderWeight(
      [
        { sku: 'PIPE', quantity: 3 },
        { sku: 'BOLT', quantity: 1000 },
        { sku: 'PUMP', quantity: 2 },
      ],
      weightOf,
    );
    expect(weight).toEqual({ weightMg: 31_800_000, unknownSkus: [] });
    expect(milligramsToKg(weight.weightMg)).toBe(31.8);
  });

  it('counts unknown SKUs as zero and lists each once, sorted', () => {
    expect(
      orderWeight(
        [
          { sku: 'ZZ-9', quantity: 4 },
          { sku: 'PUMP', quantity: 1 },
          { sku: 'AA-1', quantity: 1 },
          { sku: 'ZZ-9', quantity: 1 },
        ],
        weightOf,
      ),
    ).toEqual({ weightMg: 12_500_000, unknownSkus: ['AA-1', 'ZZ-9'] });
  });

  it('is zero for an order without lines', () => {
    expect(orderWeight([], weightOf)).toEqual({ weightMg: 0, unknownSkus: [] });
  });

  it('converts kilograms to milligrams without float residue', () => {
    expect(toMilligrams(2.1)).toBe(2_100_000);
    expect(toMilligrams(0.000001)).toBe(1);
  });
});
