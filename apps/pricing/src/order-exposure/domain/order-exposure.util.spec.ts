import { OrderStatus, type Order } from '@ordex/contracts';
import { isOpenStatus, orderValueCents, toOrderExposure } from './order-exposure.util';

describe('isOpenStatus', () => {
  it('counts every status but shipped and cancelled as open', () => {
    const open = Object.values(OrderStatus).filter(isOpenStatus);
    expect(open.sort()).toEqual(
      [
        OrderStatus.RECEIVED,
        OrderStatus.VALIDATING,
        OrderStatus.ON_HOLD,
        OrderStatus.RELEASED,
        OrderStatus.PARTIALLY_RELEASED,
      ].sort(),
    );
  });
});

describe('orderValueCents', () => {
  it('sums quantity × unit price in whole cents', () => {
    expect(
      orderValueCents([
        { quantity: 120, unitPrice: 12.5 },
        { quantity: 40, unitPrice: 9.1 },
      ]),
    ).toBe(186400);
  });

  it('adds without float drift', () => {
    expect(orderValueCents([{ quantity: 3, unitPrice: 0.1 }])).toBe(30);
    expect(orderValueCents(Array.from({ length: 10 }, () => ({ quantity: 1, unitPrice: 0.1 })))).toBe(100);
  });

  it('rounds each line to the cent, half away from zero, from its four-decimal price', () => {
    // 3 × 0.3335 = 1.0005 → 1.00; 1 × 1.005 = 1.005 → 1.01 (1.005 × 100 is 100.4999… in floats).
    expect(orderValueCents([{ quantity: 3, unitPrice: 0.3335 }])).toBe(100);
    expect(orderValueCents([{ quantity: 1, unitPrice: 1.005 }])).toBe(101);
    expect(
      orderValueCents([
        { quantity: 1, unitPrice: 0.005 },
        { quantity: 1, unitPrice: 0.005 },
      ]),
    ).toBe(2);
  });

  it('is zero without lines', () => {
    expect(orderValueCents([])).toBe(0);
  });
});

describe('toOrderExposure', () => {
  const order = (status: OrderStatus): Order => ({
    orderNumber: 'SO-1',
    erpVersion: 3,
    customerId: 'C-1',
    orderedOn: '2026-06-01',
    requestedDate: '2026-06-10',
    currency: 'EUR',
    status,
    lines: [
      { lineNo: 1, sku: 'SKU-1', quantity: 2, unitPrice: 10.25 },
      { lineNo: 2, sku: 'SKU-2', quantity: 1, unitPrice: 0.5 },
    ],
  });

  it('keeps the customer, version, value and whether the order is open', () => {
    expect(toOrderExposure(order(OrderStatus.ON_HOLD))).toEqual({
      orderNumber: 'SO-1',
      erpVersion: 3,
      customerId: 'C-1',
      valueCents: 2100,
      open: true,
    });
    expect(toOrderExposure(order(OrderStatus.SHIPPED)).open).toBe(false);
  });
});
