import {
  available,
  contractInForce,
  creditExposureCents,
  inboundBy,
  orderValueCents,
  preferredDcOf,
} from './order-context.util';

describe('order context rules', () => {
  const contract = (
    id: string,
    sku: string | null,
    family: string | null,
    validFrom: string,
    validTo: string,
  ) => ({
    id,
    sku,
    family,
    validFrom,
    validTo,
  });
  const contracts = [
    contract('sku-old', 'SKU-1', null, '2025-07-01', '2026-06-30'),
    contract('sku-now', 'SKU-1', null, '2026-01-01', '2026-12-31'),
    contract('sku-next', 'SKU-1', null, '2027-01-01', '2027-12-31'),
    contract('family', null, 'FASTENERS', '2026-01-01', '2026-12-31'),
  ];

  it('prices by the SKU contract in force, else the family contract, else none', () => {
    expect(contractInForce(contracts, 'SKU-1', 'FASTENERS', '2026-11-26')?.id).toBe('sku-now');
    expect(contractInForce(contracts, 'SKU-1', 'FASTENERS', '2026-12-31')?.id).toBe('sku-now'); // last day
    expect(contractInForce(contracts, 'SKU-1', 'FASTENERS', '2027-01-01')?.id).toBe('sku-next');
    expect(contractInForce(contracts, 'SKU-2', 'FASTENERS', '2026-11-26')?.id).toBe('family');
    expect(contractInForce(contracts, 'SKU-2', 'HVAC', '2026-11-26')).toBeNull();
    expect(contractInForce(contracts, 'SKU-2', null, '2026-11-26')).toBeNull();
  });

  it('ships from the routing rule’s preferred DC, else the ship-to region’s DC', () => {
    expect(preferredDcOf({ preferredDc: 'DC-SOUTH' }, 'DC-NORTH')).toBe('DC-SOUTH');
    expect(preferredDcOf({ preferredDc: null }, 'DC-NORTH')).toBe('DC-NORTH');
    expect(preferredDcOf(undefined, null)).toBeNull();
  });

  it('counts availability and inbound by date', () => {
    expect(available({ onHand: 20, allocated: 0 })).toBe(20);
    expect(available({ onHand: 5, allocated: 9 })).toBe(0);
    expect(available(undefined)).toBe(0);
    const inbound = [
      { dcCode: 'DC-NORTH', quantity: 200, eta: '2026-12-09' },
      { dcCode: 'DC-NORTH', quantity: 50, eta: '2026-12-02' },
      { dcCode: 'DC-SOUTH', quantity: 70, eta: '2026-12-01' },
    ];
    expect(inboundBy(inbound, 'DC-NORTH', '2026-12-02')).toBe(50); // the ETA day counts
    expect(inboundBy(inbound, 'DC-NORTH', '2026-12-09')).toBe(250);
  });

  it('values orders and credit exposure in cents', () => {
    // SO-1001: 120 × 4.60 + 40 × 45.50 = 552.00 + 1,820.00 = 2,372.00
    const value = orderValueCents({
      lines: [
        { lineNo: 1, sku: 'SKU-00001', quantity: 120, unitPrice: 4.6 },
        { lineNo: 2, sku: 'SKU-00002', quantity: 40, unitPrice: 45.5 },
      ],
    });
    expect(value).toBe(237_200);
    expect(creditExposureCents(12_000_000, [value, 100])).toBe(12_237_300);
  });
});
