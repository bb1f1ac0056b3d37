import {
  checkPrice,
  contractKindFor,
  ContractTerms,
  lastContractEndedBefore,
  selectContract,
} from './price-check.util';

const contract = (overrides: Partial<ContractTerms>): ContractTerms => ({
  id: 'CT-1',
  sku: 'SKU-1',
  family: null,
  price: 100,
  tolerancePct: 3,
  marginFloorPct: 15,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  ...overrides,
});
const familyContract = contract({ id: 'CT-FAM', sku: null, family: 'FASTENERS', price: 90 });
const listing = { family: 'FASTENERS', listPrice: 120, unitCost: 80 };

describe('contractKindFor', () => {
  it('tells a SKU contract from a family contract, and neither for another SKU or family', () => {
    expect(contractKindFor(contract({}), 'SKU-1', 'FASTENERS')).toBe('SKU');
    expect(contractKindFor(familyContract, 'SKU-1', 'FASTENERS')).toBe('FAMILY');
    expect(contractKindFor(contract({}), 'SKU-2', 'FASTENERS')).toBeNull();
    expect(contractKindFor(familyContract, 'SKU-1', 'HINGES')).toBeNull();
    expect(contractKindFor(familyContract, 'SKU-1', null)).toBeNull();
  });
});

describe('selectContract', () => {
  it('prefers a SKU contract over a family contract', () => {
    const sku = contract({ id: 'CT-SKU' });
    expect(selectContract([familyContract, sku], 'SKU-1', 'FASTENERS', '2026-06-01')).toEqual({
      contract: sku,
      kind: 'SKU',
    });
  });

  it('prefers the SKU contract even when the family contract started later', () => {
    const sku = contract({ id: 'CT-SKU', validFrom: '2026-01-01' });
    const fam = { ...familyContract, validFrom: '2026-05-01' };
    expect(selectContract([fam, sku], 'SKU-1', 'FASTENERS', '2026-06-01')?.contract.id).toBe('CT-SKU');
  });

  it('falls back to the family contract when no SKU contract is in force', () => {
    const expired = contract({ id: 'CT-SKU', validTo: '2026-03-31' });
    expect(selectContract([expired, familyContract], 'SKU-1', 'FASTENERS', '2026-06-01')).toEqual({
      contract: familyContract,
      kind: 'FAMILY',
    });
  });

  it('does not match a family contract when the SKU has no known family', () => {
    expect(selectContract([familyContract], 'SKU-1', null, '2026-06-01')).toBeNull();
  });

  it("ignores other SKUs' contracts", () => {
    expect(selectContract([contract({ sku: 'SKU-2' })], 'SKU-1', 'FASTENERS', '2026-06-01')).toBeNull();
  });

  it('applies a contract on its first and on its last day', () => {
    const c = contract({ validFrom: '2026-03-01', validTo: '2026-03-31' });
    expect(selectContract([c], 'SKU-1', null, '2026-03-01')?.contract).toBe(c);
    expect(selectContract([c], 'SKU-1', null, '2026-03-31')?.contract).toBe(c);
  });

  it('does not apply a contract that expired the day before the order, nor one not yet started', () => {
    expect(selectContract([contract({ validTo: '2026-06-30' })], 'SKU-1', null, '2026-07-01')).toBeNull();
    expect(selectContract([contract({ validFrom: '2026-07-02' })], 'SKU-1', null, '2026-07-01')).toBeNull();
  });

  it('takes the contract that started last when several of one kind are in force', () => {
    const older = contract({ id: 'CT-OLD', validFrom: '2026-01-01' });
    const newer = contract({ id: 'CT-NEW', validFrom: '2026-05-01' });
    expect(selectContract([newer, older], 'SKU-1', null, '2026-06-01')?.contract.id).toBe('CT-NEW');
    expect(selectContract([older, newer], 'SKU-1', null, '2026-06-01')?.contract.id).toBe('CT-NEW');
  });

  it('breaks a tie on the start day by the greatest id, whatever the load order', () => {
    const a = contract({ id: 'CT-A', validFrom: '2026-05-01' });
    const b = contract({ id: 'CT-B', validFrom: '2026-05-01' });
    expect(selectContract([a, b], 'SKU-1', null, '2026-06-01')?.contract.id).toBe('CT-B');
    expect(selectContract([b, a], 'SKU-1', null, '2026-06-01')?.contract.id).toBe('CT-B');
  });
});

describe('lastContractEndedBefore', () => {
  it('gives the latest end among SKU and family contracts that ended before the day', () => {
    const contracts = [
      contract({ id: 'CT-1', validFrom: '2025-01-01', validTo: '2025-06-30' }),
      { ...familyContract, validFrom: '2025-07-01', validTo: '2026-05-31' },
      contract({ id: 'CT-OTHER', sku: 'SKU-2', validTo: '2026-05-30' }),
    ];
    expect(lastContractEndedBefore(contracts, 'SKU-1', 'FASTENERS', '2026-06-01')).toBe('2026-05-31');
    expect(lastContractEndedBefore(contracts, 'SKU-1', null, '2026-06-01')).toBe('2025-06-30');
  });

  it('does not count a contract ending on the day (it is still in force) or later', () => {
    expect(
      lastContractEndedBefore([contract({ validTo: '2026-06-01' })], 'SKU-1', null, '2026-06-01'),
    ).toBeNull();
    expect(lastContractEndedBefore([], 'SKU-1', null, '2026-06-01')).toBeNull();
  });
});

describe('checkPrice', () => {
  const line = (unitPrice: number, orderedOn = '2026-06-01') => ({ sku: 'SKU-1', unitPrice, orderedOn });

  it('reports the signed deviation from the contract price, rounded half away from zero to two decimals', () => {
    expect(checkPrice(line(91), [contract({ price: 100 })], listing)).toMatchObject({
      hasContract: true,
      contractKind: 'SKU',
      contractId: 'CT-1',
      contractPrice: 100,
      deviationPct: -9,
      withinTolerance: false,
    });
    expect(checkPrice(line(102.125), [contract({ price: 100 })], listing).deviationPct).toBe(2.13);
    expect(checkPrice(line(97.875), [contract({ price: 100 })], listing).deviationPct).toBe(-2.13);
    expect(checkPrice(line(34.33), [contract({ price: 33.33 })], listing).deviationPct).toBe(3);
  });

  it('accepts a price exactly at the tolerance boundary, above or below, and not one cent beyond', () => {
    const at = (price: number) => checkPrice(line(price), [contract({ price: 100 })], listing);
    expect(at(103)).toMatchObject({ deviationPct: 3, withinTolerance: true });
    expect(at(97)).toMatchObject({ deviationPct: -3, withinTolerance: true });
    expect(at(103.01)).toMatchObject({ deviationPct: 3.01, withinTolerance: false });
    expect(at(96.99)).toMatchObject({ deviationPct: -3.01, withinTolerance: false });
  });

  it('decides the boundary exactly where floats would not (10.30 vs 10.00 is 3.000000000000007 % in floats)', () => {
    const ten = [contract({ price: 10 })];
    expect(checkPrice(line(10.3), ten, listing).withinTolerance).toBe(true);
    expect(checkPrice(line(9.7), ten, listing).withinTolerance).toBe(true);
    expect(checkPrice(line(1.03), [contract({ price: 1 })], listing).withinTolerance).toBe(true);
    expect(checkPrice(line(10.31), ten, listing).withinTolerance).toBe(false);
  });

  it('judges the exact deviation, not the rounded one shown', () => {
    // 1 / 33.33 = 3.0003 %: shown as 3, yet beyond a 3 % tolerance.
    expect(checkPrice(line(34.33), [contract({ price: 33.33 })], listing)).toMatchObject({
      deviationPct: 3,
      withinTolerance: false,
    });
    // A tolerance of 3.001 % (numeric(7,3)) lets it through.
    expect(
      checkPrice(line(34.33), [contract({ price: 33.33, tolerancePct: 3.001 })], listing).withinTolerance,
    ).toBe(true);
  });

  it('compares the margin over unit cost with the contract floor, the floor itself included', () => {
    const atFloor = checkPrice(line(100), [contract({ marginFloorPct: 20 })], listing);
    expect(atFloor).toMatchObject({ marginPct: 20, marginFloorPct: 20, aboveMarginFloor: true });
    const under = checkPrice(line(99.99), [contract({ marginFloorPct: 20, price: 99.99 })], listing);
    expect(under).toMatchObject({ marginPct: 19.99, aboveMarginFloor: false });
  });

  it('decides a margin at the floor exactly where floats would not (0.70 over 0.56 is 19.999… % in floats)', () => {
    const cheap = { family: 'FASTENERS', listPrice: 0.8, unitCost: 0.56 };
    const check = checkPrice(line(0.7), [contract({ price: 0.7, marginFloorPct: 20 })], cheap);
    expect(check).toMatchObject({ marginPct: 20, aboveMarginFloor: true });
    const other = { family: 'FASTENERS', listPrice: 1.2, unitCost: 0.92 };
    expect(checkPrice(line(1.15), [contract({ price: 1.15, marginFloorPct: 20 })], other)).toMatchObject({
      marginPct: 20,
      aboveMarginFloor: true,
    });
  });

  it('reports a negative margin when the price is under the unit cost', () => {
    expect(checkPrice(line(64), [contract({ price: 64 })], listing)).toMatchObject({
      marginPct: -25,
      aboveMarginFloor: false,
    });
  });

  it('leaves the margin unknown when the SKU is not on the price list, but a SKU contract still applies', () => {
    expect(checkPrice(line(100), [contract({})], null)).toMatchObject({
      skuKnown: false,
      hasContract: true,
      contractKind: 'SKU',
      listPrice: null,
      marginPct: null,
      aboveMarginFloor: null,
    });
  });

  it('reports no contract with every contract figure null, keeping the list price and margin', () => {
    expect(checkPrice(line(100), [], listing)).toEqual({
      skuKnown: true,
      hasContract: false,
      contractKind: null,
      contractId: null,
      contractPrice: null,
      listPrice: 120,
      deviationPct: null,
      tolerancePct: null,
      withinTolerance: null,
      marginPct: 20,
      marginFloorPct: null,
      aboveMarginFloor: null,
      lastContractEndedOn: null,
    });
  });

  it('names the day the last contract ended when none is in force (expired yesterday)', () => {
    const expired = contract({ validTo: '2026-05-31' });
    expect(checkPrice(line(100), [expired], listing)).toMatchObject({
      hasContract: false,
      lastContractEndedOn: '2026-05-31',
    });
    expect(checkPrice(line(100), [expired, familyContract], listing)).toMatchObject({
      hasContract: true,
      contractKind: 'FAMILY',
      lastContractEndedOn: null,
    });
  });

  it('prices by the family contract through the price-list family', () => {
    expect(checkPrice(line(90), [familyContract], listing)).toMatchObject({
      contractKind: 'FAMILY',
      contractId: 'CT-FAM',
      deviationPct: 0,
      withinTolerance: true,
    });
  });

  it('never divides by a zero price', () => {
    expect(checkPrice(line(0), [contract({ price: 0 })], listing)).toMatchObject({
      deviationPct: null,
      withinTolerance: true,
      marginPct: null,
      aboveMarginFloor: null,
    });
    expect(checkPrice(line(0.01), [contract({ price: 0 })], listing)).toMatchObject({
      deviationPct: null,
      withinTolerance: false,
    });
  });
});
