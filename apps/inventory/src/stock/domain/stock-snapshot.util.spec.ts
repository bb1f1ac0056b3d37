import { snapshotProblem } from './stock-snapshot.util';

describe('snapshotProblem', () => {
  const level = (sku: string, dcCode = 'DC-1') => ({ sku, dcCode, onHand: 10, allocated: 2 });
  const snapshot = (levels: ReturnType<typeof level>[]) => ({
    dcCode: 'DC-1',
    asOf: '2026-11-20T06:00:00Z',
    levels,
  });

  it('accepts a snapshot of one DC with each SKU once, or an empty one', () => {
    expect(snapshotProblem(snapshot([level('SKU-1'), level('SKU-2')]))).toBeNull();
    expect(snapshotProblem(snapshot([]))).toBeNull();
  });

  it('rejects a level of another DC', () => {
    expect(snapshotProblem(snapshot([level('SKU-1'), level('SKU-2', 'DC-2')]))).toBe(
      'stock snapshot of DC-1 holds a level of DC-2',
    );
  });

  it('rejects a SKU listed twice', () => {
    expect(snapshotProblem(snapshot([level('SKU-1'), level('SKU-1')]))).toBe(
      'stock snapshot of DC-1 lists SKU-1 twice',
    );
  });
});
