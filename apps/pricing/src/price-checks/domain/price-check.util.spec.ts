import { checkPrice, ContractTerms, selectContract } from './price-check.util';

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

describe('selectContract', () => {
  it('prefers a SKU contract over a family contract', () => {
    const sku = contract({ id: 'CT-SKU' });
    expect(selectContract([familyContract, sku], 'SKU-1', 'FASTENERS', '2026-06-01')?.id).toBe('CT-SKU');
  });

  it('falls back to the family contract when no SKU contract is in force', () => {
    const expired = contract({ id: 'CT-SKU', validTo: '2026-03-31' });
    expect(selectContract([expired, familyContract], 'SKU-1', 'FASTENERS', '2026-06-01')?.id).toBe('CT-FAM');
  });

  it('does not match a family contract when the SKU has no known family', () => {
    expect(selectContract([familyContract], 'SKU-1', null, '2026-06-01')).toBeNull();
  });

  it('applies a contract on its first and on its last day', () => {
    const c = contract({ validFrom: '2026-03-01', validTo: '2026-03-31' });
    expect(selectContract([c], 'SKU-1', null, '2026-03-01')).toBe(c);
    expect(selectContract([c], 'SKU-1', null, '2026-03-31')).toBe(c);
  });

  it('does not apply a contract that expired the day before the order, nor one not yet started', () => {
    expect(selectContract([contract({ validTo: '2026-06-30' })], 'SKU-1', null, '2026-07-01')).toBeNull();
    expect(selectContract([contract({ validFrom: '2026-07-02' })], 'SKU-1', null, '2026-07-01')).toBeNull();
  });

  it('takes the contract that started last when several of one kind are in force', () => {
    const older = contract({ id: 'CT-OLD', validFrom: '2026-01-01' });
    const newer = contract({ id: 'CT-NEW', validFrom: '2026-05-01' });
    expect(selectContract([newer, older], 'SKU-1', null, '2026-06-01')?.id).toBe('CT-NEW');
  });
});

describe('checkPrice', () => {
  const line = (unitPrice: number) => ({ sku: 'SKU-1', unitPrice, orderedOn: '2026-06-01' });

  it('reports the signed deviation from the contract price, rounded to two decimals', () => {
    const check = checkPrice(line(91), [contract({ price: 100 })], listing);
    expect(check).toMatchObject({
      hasContract: true,
      contractId: 'CT-1',
      contractPrice: 100,
      deviationPct: -9,
      withinTolerance: false,
    });
    expect(checkPrice(line(102.129), [contract({ price: 100 })], listing).deviationPct).toBe(2.13);
  });

  it('accepts a price exactly at the tolerance boundary, above or below', () => {
    expect(checkPrice(line(103), [contract({ price: 100 })], listing)).toMatchObject({
      deviationPct: 3,
      withinTolerance: true,
    });
    expect(checkPrice(line(97), [contract({ price: 100 })], listing)).toMatchObject({
      deviationPct: -3,
      withinTolerance: true,
    });
    expect(checkPrice(line(103.01), [contract({ price: 100 })], listing).withinTolerance).toBe(false);
  });

  it('compares the margin over unit cost with the contract floor, the floor itself included', () => {
    const atFloor = checkPrice(line(100), [contract({ marginFloorPct: 20 })], listing);
    expect(atFloor).toMatchObject({ marginPct: 20, marginFloorPct: 20, aboveMarginFloor: true });
    const under = checkPrice(line(100), [contract({ marginFloorPct: 25 })], listing);
    expect(under).toMatchObject({ marginPct: 20, aboveMarginFloor: false });
  });

  it('leaves the margin unknown when the SKU has no price-list entry', () => {
    const check = checkPrice(line(100), [contract({})], null);
    expect(check).toMatchObject({
      hasContract: true,
      listPrice: null,
      marginPct: null,
      aboveMarginFloor: null,
    });
  });

  it('reports no contract with every contract figure null, keeping the list price and margin', () => {
    expect(checkPrice(line(100), [], listing)).toEqual({
      hasContract: false,
      contractId: null,
      contractPrice: null,
      listPrice: 120,
      deviationPct: null,
      tolerancePct: null,
      withinTolerance: null,
      marginPct: 20,
      marginFloorPct: null,
      aboveMarginFloor: null,
    });
  });

  it('prices by the family contract through the price-list family', () => {
    expect(checkPrice(line(90), [familyContract], listing)).toMatchObject({
      contractId: 'CT-FAM',
      deviationPct: 0,
      withinTolerance: true,
    });
  });

  it('never divides by a zero price', () => {
    const check = checkPrice(line(0), [contract({ price: 0 })], listing);
    expect(check).toMatchObject({
      deviationPct: null,
      withinTolerance: true,
      marginPct: null,
      aboveMarginFloor: null,
    });
  });
});
