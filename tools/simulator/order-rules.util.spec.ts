import type { Contract, RoutingRule } from '@ordex/contracts';
import {
  aboveMarginFloor,
  contractInForce,
  creditClean,
  inboundBy,
  priceOutsideTolerance,
  ruleAllows,
  windowAccepts,
  withinTolerance,
} from './order-rules.util';

const contract: Contract = {
  id: 'CT-1',
  customerId: 'C-1',
  sku: 'SKU-1',
  family: null,
  price: 100,
  tolerancePct: 3,
  marginFloorPct: 10,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
};
const rule: RoutingRule = {
  customerId: 'C-1',
  shipComplete: false,
  allowedDcs: ['DC-NORTH'],
  preferredDc: 'DC-NORTH',
  deliveryWindows: [{ weekday: 2, opensAt: '08:00', closesAt: '12:00' }],
  allowedCarriers: [],
  excludedCarriers: ['CAR-A'],
};

describe('order rules', () => {
  it('passes a price exactly at the tolerance and refuses a cent beyond', () => {
    expect(withinTolerance(97, contract)).toBe(true);
    expect(withinTolerance(103, contract)).toBe(true);
    expect(withinTolerance(96.99, contract)).toBe(false);
    expect(withinTolerance(103.01, contract)).toBe(false);
  });

  it('plants prices outside the tolerance, pushed past a boundary that rounding reached', () => {
    expect(priceOutsideTolerance(contract, true, 200)).toBe(95);
    expect(priceOutsideTolerance(contract, false, 600)).toBe(109);
    const cheap = { ...contract, price: 0.1 };
    expect(withinTolerance(priceOutsideTolerance(cheap, true, 1), cheap)).toBe(false);
  });

  it('checks the margin floor in basis points (at the floor passes)', () => {
    expect(aboveMarginFloor(100, 90, contract)).toBe(true);
    expect(aboveMarginFloor(100, 90.01, contract)).toBe(false);
  });

  it('knows contract validity, inbound by a date and credit standing', () => {
    expect(contractInForce(contract, '2026-12-31')).toBe(true);
    expect(contractInForce(contract, '2027-01-01')).toBe(false);
    const pos = [
      { id: 'P1', sku: 'S', dcCode: 'D', quantity: 5, eta: '2026-11-05' },
      { id: 'P2', sku: 'S', dcCode: 'D', quantity: 7, eta: '2026-11-09' },
    ];
    expect(inboundBy(pos, '2026-11-05')).toBe(5);
    expect(inboundBy(undefined, '2026-11-05')).toBe(0);
    const credit = { creditLimit: 1000, openReceivables: 600, overdueDays: 0 };
    expect(creditClean(credit, 30_000, 10_000)).toBe(true);
    expect(creditClean(credit, 30_000, 10_001)).toBe(false);
    expect(creditClean({ ...credit, overdueDays: 1 }, 0, 0)).toBe(false);
  });

  it('reads routing rules: allowed DCs, usable carriers, delivery weekdays', () => {
    expect(ruleAllows(rule, 'DC-NORTH', ['CAR-A', 'CAR-B'])).toBe(true);
    expect(ruleAllows(rule, 'DC-SOUTH', ['CAR-B'])).toBe(false);
    expect(ruleAllows(rule, 'DC-NORTH', ['CAR-A'])).toBe(false);
    expect(ruleAllows(undefined, 'DC-SOUTH', [])).toBe(true);
    expect(windowAccepts(rule, 2)).toBe(true);
    expect(windowAccepts(rule, 3)).toBe(false);
  });
});
