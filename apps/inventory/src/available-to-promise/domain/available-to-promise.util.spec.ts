import {
  availableToPromise,
  AvailableToPromiseInput,
  dcPromise,
  rankDcsThatCanFill,
  selectDcCodes,
} from './available-to-promise.util';

describe('dcPromise', () => {
  const date = '2026-12-10';

  it('counts a purchase order due exactly on the date, not one due the day after', () => {
    // 120 on hand − 40 allocated = 80 now; +30 due on the 10th = 110 by the 10th; the 50 due on
    // the 11th does not count. 80 < 100, 110 ≥ 100: fillable by the date, not now.
    const promise = dcPromise(
      'DC-A',
      { onHand: 120, allocated: 40 },
      [
        { dcCode: 'DC-A', quantity: 50, eta: '2026-12-11' },
        { dcCode: 'DC-A', quantity: 30, eta: '2026-12-10' },
      ],
      100,
      date,
    );
    expect(promise).toEqual({
      dcCode: 'DC-A',
      onHand: 120,
      allocated: 40,
      availableNow: 80,
      inboundByDate: 30,
      availableByDate: 110,
      fillableNow: false,
      canFillByDate: true,
      earliestFillDate: '2026-12-10',
    });
  });

  it('gives the ETA after the date at which the quantity is first covered', () => {
    // 80 now; the 30 due on the 11th brings 110 ≥ 100 on the 11th, after the date.
    const promise = dcPromise(
      'DC-A',
      { onHand: 120, allocated: 40 },
      [{ dcCode: 'DC-A', quantity: 30, eta: '2026-12-11' }],
      100,
      date,
    );
    expect(promise).toMatchObject({
      inboundByDate: 0,
      availableByDate: 80,
      canFillByDate: false,
      earliestFillDate: '2026-12-11',
    });
  });

  it('walks purchase orders in ETA order whatever order they come in', () => {
    // 0 now; 20 on the 2nd (20), 100 on the 9th (120 ≥ 100), 500 on the 1st of January.
    const promise = dcPromise(
      'DC-E',
      undefined,
      [
        { dcCode: 'DC-E', quantity: 500, eta: '2027-01-01' },
        { dcCode: 'DC-E', quantity: 100, eta: '2026-12-09' },
        { dcCode: 'DC-E', quantity: 20, eta: '2026-12-02' },
      ],
      100,
      date,
    );
    expect(promise).toMatchObject({
      onHand: 0,
      allocated: 0,
      availableNow: 0,
      inboundByDate: 120,
      availableByDate: 120,
      canFillByDate: true,
      earliestFillDate: '2026-12-09',
    });
  });

  it('never has negative stock when more is allocated than on hand', () => {
    // 10 − 25 → 0, not −15: the 60 due on the 5th is all it has by the date.
    const promise = dcPromise(
      'DC-B',
      { onHand: 10, allocated: 25 },
      [{ dcCode: 'DC-B', quantity: 60, eta: '2026-12-05' }],
      60,
      date,
    );
    expect(promise).toMatchObject({
      availableNow: 0,
      inboundByDate: 60,
      availableByDate: 60,
      canFillByDate: true,
      earliestFillDate: '2026-12-05',
    });
  });

  it('ignores closed purchase order lines (quantity 0)', () => {
    const promise = dcPromise(
      'DC-B',
      { onHand: 5, allocated: 0 },
      [
        { dcCode: 'DC-B', quantity: 0, eta: '2026-12-01' },
        { dcCode: 'DC-B', quantity: 10, eta: '2026-12-20' },
      ],
      10,
      date,
    );
    expect(promise).toMatchObject({
      availableNow: 5,
      inboundByDate: 0,
      availableByDate: 5,
      canFillByDate: false,
      earliestFillDate: '2026-12-20',
    });
  });

  it('has no earliest fill date when it can fill now, or when inbound never covers the quantity', () => {
    const inbound = [{ dcCode: 'DC-C', quantity: 10, eta: '2026-12-01' }];
    expect(dcPromise('DC-C', { onHand: 150, allocated: 0 }, inbound, 100, date)).toMatchObject({
      availableNow: 150,
      inboundByDate: 10,
      availableByDate: 160,
      fillableNow: true,
      canFillByDate: true,
      earliestFillDate: null,
    });
    // 40 + 10 = 50 < 100: never.
    expect(dcPromise('DC-C', { onHand: 40, allocated: 0 }, inbound, 100, date)).toMatchObject({
      availableByDate: 50,
      canFillByDate: false,
      earliestFillDate: null,
    });
  });

  it('can fill exactly the quantity available (≥, not >)', () => {
    expect(dcPromise('DC-A', { onHand: 100, allocated: 0 }, [], 100, date)).toMatchObject({
      fillableNow: true,
      canFillByDate: true,
    });
    expect(
      dcPromise(
        'DC-A',
        { onHand: 99, allocated: 0 },
        [{ dcCode: 'DC-A', quantity: 1, eta: date }],
        100,
        date,
      ),
    ).toMatchObject({
      fillableNow: false,
      canFillByDate: true,
      availableByDate: 100,
      earliestFillDate: date,
    });
  });
});

describe('availableToPromise', () => {
  const input: AvailableToPromiseInput = {
    sku: 'SKU-1',
    quantity: 100,
    date: '2026-12-10',
    skuKnown: true,
    dcCodes: ['DC-A', 'DC-B', 'DC-C', 'DC-D', 'DC-E'],
    stock: [
      { dcCode: 'DC-A', onHand: 120, allocated: 40 },
      { dcCode: 'DC-B', onHand: 10, allocated: 25 },
      { dcCode: 'DC-C', onHand: 150, allocated: 0 },
      { dcCode: 'DC-X', onHand: 999, allocated: 0 },
    ],
    inbound: [
      { dcCode: 'DC-A', quantity: 30, eta: '2026-12-10' },
      { dcCode: 'DC-A', quantity: 50, eta: '2026-12-11' },
      { dcCode: 'DC-B', quantity: 60, eta: '2026-12-05' },
      { dcCode: 'DC-B', quantity: 0, eta: '2026-12-01' },
      { dcCode: 'DC-B', quantity: 70, eta: '2026-12-20' },
      { dcCode: 'DC-C', quantity: 10, eta: '2026-12-01' },
      { dcCode: 'DC-E', quantity: 100, eta: '2026-12-09' },
      { dcCode: 'DC-E', quantity: 20, eta: '2026-12-02' },
      { dcCode: 'DC-X', quantity: 999, eta: '2026-12-01' },
    ],
  };

  it('answers per DC asked for and overall (hand-computed)', () => {
    const atp = availableToPromise(input);
    expect(atp.byDc.map((dc) => [dc.dcCode, dc.availableNow, dc.inboundByDate, dc.availableByDate])).toEqual([
      ['DC-A', 80, 30, 110],
      ['DC-B', 0, 60, 60],
      ['DC-C', 150, 10, 160],
      ['DC-D', 0, 0, 0],
      ['DC-E', 0, 120, 120],
    ]);
    expect(atp.byDc.map((dc) => [dc.fillableNow, dc.canFillByDate, dc.earliestFillDate])).toEqual([
      [false, true, '2026-12-10'],
      [false, false, '2026-12-20'],
      [true, true, null],
      [false, false, null],
      [false, true, '2026-12-09'],
    ]);
    expect(atp).toMatchObject({
      sku: 'SKU-1',
      quantity: 100,
      date: '2026-12-10',
      skuKnown: true,
      // DC-X is not asked for: its 999 on hand and 999 inbound do not count.
      totalAvailableNow: 230,
      totalAvailableByDate: 450,
      fillableFromOneDcByDate: true,
      // DC-C can ship now; then by the date, most first: DC-E 120, DC-A 110.
      dcsThatCanFillByDate: ['DC-C', 'DC-E', 'DC-A'],
    });
  });

  it('is not fillable from one DC when only the DCs together cover the quantity', () => {
    const atp = availableToPromise({ ...input, quantity: 200 });
    expect(atp.totalAvailableByDate).toBe(450);
    expect(atp.fillableFromOneDcByDate).toBe(false);
    expect(atp.dcsThatCanFillByDate).toEqual([]);
    // DC-B: 0 + 60 + 70 = 130 < 200 — never; DC-A: 80 + 30 + 50 = 160 < 200 — never.
    expect(atp.byDc.map((dc) => dc.earliestFillDate)).toEqual([null, null, null, null, null]);
  });

  it('promises nothing for a SKU the product master does not have, whatever rows exist', () => {
    const atp = availableToPromise({ ...input, skuKnown: false });
    expect(atp).toMatchObject({
      skuKnown: false,
      totalAvailableNow: 0,
      totalAvailableByDate: 0,
      fillableFromOneDcByDate: false,
      dcsThatCanFillByDate: [],
    });
    for (const dc of atp.byDc) {
      expect(dc).toEqual({
        dcCode: dc.dcCode,
        onHand: 0,
        allocated: 0,
        availableNow: 0,
        inboundByDate: 0,
        availableByDate: 0,
        fillableNow: false,
        canFillByDate: false,
        earliestFillDate: null,
      });
    }
    expect(atp.byDc).toHaveLength(5);
  });

  it('answers for the DCs asked only', () => {
    const atp = availableToPromise({ ...input, dcCodes: ['DC-B'] });
    expect(atp).toMatchObject({
      totalAvailableNow: 0,
      totalAvailableByDate: 60,
      fillableFromOneDcByDate: false,
      dcsThatCanFillByDate: [],
    });
  });
});

describe('rankDcsThatCanFill', () => {
  const dc = (dcCode: string, fillableNow: boolean, availableByDate: number, canFillByDate = true) => ({
    dcCode,
    onHand: 0,
    allocated: 0,
    availableNow: 0,
    inboundByDate: 0,
    availableByDate,
    fillableNow,
    canFillByDate,
    earliestFillDate: null,
  });

  it('puts DCs that can ship now first, then most available by the date, then code', () => {
    expect(
      rankDcsThatCanFill([
        dc('DC-1', false, 500),
        dc('DC-2', true, 100),
        dc('DC-3', true, 300),
        dc('DC-5', false, 200),
        dc('DC-4', false, 200),
        dc('DC-6', false, 900, false),
      ]),
    ).toEqual(['DC-3', 'DC-2', 'DC-1', 'DC-4', 'DC-5']);
  });
});

describe('selectDcCodes', () => {
  const known = ['DC-EAST', 'DC-NORTH', 'DC-SOUTH'];

  it('is every known DC when none is asked for', () => {
    expect(selectDcCodes(known, undefined)).toEqual({ codes: known, unknown: [] });
    expect(selectDcCodes(known, null)).toEqual({ codes: known, unknown: [] });
  });

  it('narrows to the DCs asked for, in the known order, once each', () => {
    expect(selectDcCodes(known, ['DC-SOUTH', 'DC-EAST', 'DC-SOUTH'])).toEqual({
      codes: ['DC-EAST', 'DC-SOUTH'],
      unknown: [],
    });
  });

  it('names the codes no DC has', () => {
    expect(selectDcCodes(known, ['DC-SOUTH', 'DC-MARS'])).toEqual({
      codes: ['DC-SOUTH'],
      unknown: ['DC-MARS'],
    });
  });
});
