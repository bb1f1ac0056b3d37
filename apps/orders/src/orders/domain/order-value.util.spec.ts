import { orderValue } from './order-value.util';

describe('orderValue', () => {
  it('sums quantity × unit price over the lines', () => {
    expect(
      orderValue([
        { quantity: 120, unitPrice: 12.5 },
        { quantity: 40, unitPrice: 9.1 },
      ]),
    ).toBe(1864);
  });

  it('adds in cents, so many small lines do not drift', () => {
    const lines = Array.from({ length: 3 }, (_, i) => ({ quantity: 1, unitPrice: i === 2 ? 0.2 : 0.1 }));
    expect(orderValue(lines)).toBe(0.4);
    expect(orderValue([{ quantity: 3, unitPrice: 0.1 }])).toBe(0.3);
  });

  it('is zero for an order without lines', () => {
    expect(orderValue([])).toBe(0);
  });
});
