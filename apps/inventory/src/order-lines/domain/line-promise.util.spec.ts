import { lineAvailability } from '../../stock/domain/availability.util';
import { linePromise, LinePromiseInput } from './line-promise.util';

describe('linePromise', () => {
  const input: LinePromiseInput = {
    sku: 'SKU-1',
    requested: 100,
    requestedDate: '2026-12-10',
    skuKnown: true,
    stock: [
      { dcCode: 'DC-NORTH', onHand: 40, allocated: 10 },
      { dcCode: 'DC-SOUTH', onHand: 90, allocated: 0 },
    ],
    inbound: [
      { dcCode: 'DC-SOUTH', quantity: 10, eta: '2026-12-10' },
      { dcCode: 'DC-NORTH', quantity: 80, eta: '2026-12-11' },
      { dcCode: 'DC-WEST', quantity: 150, eta: '2026-12-03' },
      { dcCode: 'DC-EAST', quantity: 0, eta: '2026-12-01' },
    ],
  };

  it('keeps the answer now exactly as lineAvailability gives it', () => {
    const promise = linePromise(input);
    const now = lineAvailability('SKU-1', 100, input.stock);
    expect(promise).toMatchObject({
      sku: now.sku,
      requested: now.requested,
      totalAvailable: now.totalAvailable,
      fillableFromOneDc: now.fillableFromOneDc,
    });
    expect(
      promise.byDc.slice(0, 2).map(({ dcCode, onHand, allocated, available }) => ({
        dcCode,
        onHand,
        allocated,
        available,
      })),
    ).toEqual(now.byDc);
  });

  it('adds the figures by the requested date, and the DCs with open inbound only (hand-computed)', () => {
    // DC-NORTH: 30 now, 80 due the day after: 30 by the date, 110 on the 11th.
    // DC-SOUTH: 90 now + 10 due on the date = 100 by the date (exactly the quantity).
    // DC-WEST: no stock row, 150 due on the 3rd. DC-EAST: its only PO is closed: not listed.
    const promise = linePromise(input);
    expect(promise.byDc).toEqual([
      {
        dcCode: 'DC-NORTH',
        onHand: 40,
        allocated: 10,
        available: 30,
        inboundByRequestedDate: 0,
        availableByRequestedDate: 30,
        canFillByRequestedDate: false,
        earliestFillDate: '2026-12-11',
      },
      {
        dcCode: 'DC-SOUTH',
        onHand: 90,
        allocated: 0,
        available: 90,
        inboundByRequestedDate: 10,
        availableByRequestedDate: 100,
        canFillByRequestedDate: true,
        earliestFillDate: '2026-12-10',
      },
      {
        dcCode: 'DC-WEST',
        onHand: 0,
        allocated: 0,
        available: 0,
        inboundByRequestedDate: 150,
        availableByRequestedDate: 150,
        canFillByRequestedDate: true,
        earliestFillDate: '2026-12-03',
      },
    ]);
    expect(promise).toMatchObject({
      requestedDate: '2026-12-10',
      skuKnown: true,
      totalAvailable: 120,
      fillableFromOneDc: false,
      totalAvailableByRequestedDate: 280,
      fillableFromOneDcByRequestedDate: true,
    });
  });

  it('promises nothing by the date for an unknown SKU, and lists no inbound-only DC', () => {
    const promise = linePromise({ ...input, skuKnown: false });
    expect(promise).toMatchObject({
      skuKnown: false,
      totalAvailable: 120,
      totalAvailableByRequestedDate: 0,
      fillableFromOneDcByRequestedDate: false,
    });
    expect(promise.byDc.map((dc) => [dc.dcCode, dc.availableByRequestedDate, dc.earliestFillDate])).toEqual([
      ['DC-NORTH', 0, null],
      ['DC-SOUTH', 0, null],
    ]);
  });

  it('lists nothing for a SKU no DC holds or expects', () => {
    expect(linePromise({ ...input, stock: [], inbound: [] })).toEqual({
      sku: 'SKU-1',
      requested: 100,
      totalAvailable: 0,
      fillableFromOneDc: false,
      requestedDate: '2026-12-10',
      skuKnown: true,
      totalAvailableByRequestedDate: 0,
      fillableFromOneDcByRequestedDate: false,
      byDc: [],
    });
  });
});
