import { CommitmentContext, DecidedAction, draftRevisedCommitment } from './revised-commitment.util';

const SIGNATURE = 'Customer service, Northwind Distribution';

/** DOMAIN.md's reference order: SO-1001, requested 2026-12-02, line 2 priced 9 % under its 50.00 contract. */
function referenceContext(actions: DecidedAction[]): CommitmentContext {
  return {
    orderNumber: 'SO-1001',
    customerName: 'Northwind Facilities Group',
    requestedDate: '2026-12-02',
    currency: 'EUR',
    lines: [
      { lineNo: 1, sku: 'SKU-00001', quantity: 120, unitPrice: 4.6 },
      // 50.00 × (1 − 0.09) = 45.50
      { lineNo: 2, sku: 'SKU-00002', quantity: 40, unitPrice: 45.5 },
    ],
    actions,
    signature: SIGNATURE,
  };
}

/** A four-line order for the branches the reference order does not exercise. */
function wideContext(
  actions: DecidedAction[],
  customerName: string | null = 'Harbor Foods',
): CommitmentContext {
  return {
    orderNumber: 'SO-2040',
    customerName,
    requestedDate: '2026-12-07',
    currency: 'USD',
    lines: [
      { lineNo: 4, sku: 'SKU-00040', quantity: 12, unitPrice: 310 },
      { lineNo: 1, sku: 'SKU-00010', quantity: 100, unitPrice: 2.5 },
      { lineNo: 3, sku: 'SKU-00030', quantity: 8, unitPrice: 99.9 },
      { lineNo: 2, sku: 'SKU-00020', quantity: 60, unitPrice: 12.25 },
    ],
    actions,
    signature: SIGNATURE,
  };
}

const draftFor = (actions: DecidedAction[]) => draftRevisedCommitment(wideContext(actions));

describe('draftRevisedCommitment: the reference scenario', () => {
  const actions: DecidedAction[] = [
    {
      action: 'ALTERNATE_DC',
      parameters: {
        lineNo: 1,
        dcCode: 'DC-SOUTH',
        quantity: 120,
        carrierCode: 'CAR-A',
        shipDate: '2026-12-02',
      },
    },
    { action: 'APPROVE_PRICE_OVERRIDE', parameters: { lineNo: 2, amount: 1820, belowMarginFloor: false } },
    {
      action: 'REBOOK_CARRIER',
      parameters: { dcCode: 'DC-NORTH', carrierCode: 'CAR-B', shipDate: '2026-12-03' },
    },
  ];

  it('tells the customer the one thing they see, the day later, and nothing about the DC or the price', () => {
    const draft = draftRevisedCommitment(referenceContext(actions));

    expect(draft.subject).toBe('Order SO-1001: revised delivery commitment');
    expect(draft.body).toBe(
      [
        'Dear Northwind Facilities Group,',
        '',
        'We have had to revise our commitment on order SO-1001, which you asked us to ship on 2026-12-02:',
        '- The whole order ships on 2026-12-03 instead of 2026-12-02',
        '',
        'Your order now ships complete on 2026-12-03.',
        '',
        'If this change does not work for you, please reply to this message and we will find another way.',
        '',
        'Kind regards,',
        'Customer service, Northwind Distribution',
      ].join('\n'),
    );
    expect(draft.changes).toEqual(['The whole order ships on 2026-12-03 instead of 2026-12-02']);
    expect(draft.revisedDate).toBe('2026-12-03');
    expect(draft.needsSending).toBe(true);
  });

  it('confirms the order as ordered when the carrier is rebooked on the requested date', () => {
    const onTime = actions.map((decided) =>
      decided.action === 'REBOOK_CARRIER'
        ? { ...decided, parameters: { ...decided.parameters, shipDate: '2026-12-02' } }
        : decided,
    );
    const draft = draftRevisedCommitment(referenceContext(onTime));

    expect(draft.subject).toBe('Order SO-1001: confirmed as ordered');
    expect(draft.body).toBe(
      [
        'Dear Northwind Facilities Group,',
        '',
        'Order SO-1001 is confirmed as ordered: everything ships on 2026-12-02, as requested.',
        '',
        'If you have any questions, please reply to this message.',
        '',
        'Kind regards,',
        'Customer service, Northwind Distribution',
      ].join('\n'),
    );
    expect(draft.changes).toEqual([]);
    expect(draft.revisedDate).toBeNull();
    expect(draft.needsSending).toBe(false);
  });
});

describe('draftRevisedCommitment: one rule per action', () => {
  describe('ALTERNATE_DC', () => {
    it('is invisible when the other warehouse ships on the requested date, or no date was stored', () => {
      for (const shipDate of ['2026-12-07', '2026-12-05', null]) {
        const draft = draftFor([
          { action: 'ALTERNATE_DC', parameters: { lineNo: 1, dcCode: 'DC-EAST', quantity: 100, shipDate } },
        ]);
        expect(draft.changes).toEqual([]);
        expect(draft.needsSending).toBe(false);
      }
      expect(
        draftFor([{ action: 'ALTERNATE_DC', parameters: { lineNo: 1, dcCode: 'DC-EAST' } }]).changes,
      ).toEqual([]);
    });

    it('becomes a date change for the line when the other warehouse ships after the requested date', () => {
      const draft = draftFor([
        {
          action: 'ALTERNATE_DC',
          parameters: { lineNo: 1, dcCode: 'DC-EAST', quantity: 100, shipDate: '2026-12-09' },
        },
      ]);
      expect(draft.changes).toEqual([
        'Line 1 (SKU-00010): ships from another of our warehouses on 2026-12-09 instead of 2026-12-07',
      ]);
      expect(draft.revisedDate).toBe('2026-12-09');
      expect(draft.body).toContain('\nYour order now ships complete on 2026-12-09.\n');
    });
  });

  describe('SPLIT_SHIPMENT', () => {
    it('words the two parts and dates the order by its last part', () => {
      const draft = draftFor([
        {
          action: 'SPLIT_SHIPMENT',
          parameters: {
            lineNo: 2,
            dcCode: 'DC-NORTH',
            quantity: 45,
            remainingQuantity: 15,
            remainderShipDate: '2026-12-14',
          },
        },
      ]);
      expect(draft.changes).toEqual(['Line 2 (SKU-00020): 45 now, 15 on 2026-12-14']);
      expect(draft.revisedDate).toBe('2026-12-14');
      expect(draft.body).toContain('\nThe last part ships on 2026-12-14.\n');
      expect(draft.body).not.toContain('ships complete');
    });

    it('derives the rest from the line when remainingQuantity was not stored (60 − 45 = 15)', () => {
      const draft = draftFor([
        {
          action: 'SPLIT_SHIPMENT',
          parameters: { lineNo: 2, quantity: 45, remainderShipDate: '2026-12-14' },
        },
      ]);
      expect(draft.changes).toEqual(['Line 2 (SKU-00020): 45 now, 15 on 2026-12-14']);
    });

    it('is no split when nothing is left over (60 − 60 = 0)', () => {
      const draft = draftFor([
        {
          action: 'SPLIT_SHIPMENT',
          parameters: { lineNo: 2, quantity: 60, remainderShipDate: '2026-12-14' },
        },
      ]);
      expect(draft.needsSending).toBe(false);
    });

    it('still tells of two deliveries when the rest follows in time, without moving the overall date', () => {
      const draft = draftFor([
        {
          action: 'SPLIT_SHIPMENT',
          parameters: { lineNo: 2, quantity: 45, remainingQuantity: 15, remainderShipDate: '2026-12-07' },
        },
      ]);
      expect(draft.changes).toEqual(['Line 2 (SKU-00020): 45 now, 15 on 2026-12-07']);
      expect(draft.revisedDate).toBeNull();
      expect(draft.body).not.toContain('last part');
      expect(draft.needsSending).toBe(true);
    });
  });

  describe('BACKORDER', () => {
    it('reads the date from fillDate, as the recommender stores it', () => {
      const draft = draftFor([
        {
          action: 'BACKORDER',
          parameters: { lineNo: 3, dcCode: 'DC-NORTH', quantity: 8, fillDate: '2026-12-18' },
        },
      ]);
      expect(draft.changes).toEqual([
        'Line 3 (SKU-00030): ships complete on 2026-12-18 instead of 2026-12-07',
      ]);
      expect(draft.revisedDate).toBe('2026-12-18');
      expect(draft.body).toContain('\nYour order now ships complete on 2026-12-18.\n');
    });

    it('reads shipDate too, and prefers it to fillDate when both were stored', () => {
      expect(
        draftFor([{ action: 'BACKORDER', parameters: { lineNo: 3, shipDate: '2026-12-16' } }]).revisedDate,
      ).toBe('2026-12-16');
      const both = draftFor([
        { action: 'BACKORDER', parameters: { lineNo: 3, shipDate: '2026-12-16', fillDate: '2026-12-18' } },
      ]);
      expect(both.changes).toEqual([
        'Line 3 (SKU-00030): ships complete on 2026-12-16 instead of 2026-12-07',
      ]);
    });

    it('is no change when the line is filled by the requested date', () => {
      expect(
        draftFor([{ action: 'BACKORDER', parameters: { lineNo: 3, fillDate: '2026-12-07' } }]).needsSending,
      ).toBe(false);
    });
  });

  describe('SUBSTITUTE', () => {
    it('names both SKUs, asks for acceptance and keeps the date', () => {
      const draft = draftFor([
        {
          action: 'SUBSTITUTE',
          parameters: { lineNo: 4, substituteSku: 'SKU-00041', dcCode: 'DC-NORTH', quantity: 12 },
        },
      ]);
      expect(draft.changes).toEqual([
        'Line 4 (SKU-00040): ships as SKU-00041 instead of SKU-00040, once you confirm you accept the substitute',
      ]);
      expect(draft.revisedDate).toBeNull();
      expect(draft.body).toBe(
        [
          'Dear Harbor Foods,',
          '',
          'We have had to revise our commitment on order SO-2040, which you asked us to ship on 2026-12-07:',
          '- Line 4 (SKU-00040): ships as SKU-00041 instead of SKU-00040, once you confirm you accept the substitute',
          '',
          'Please reply to confirm you accept the substitute product; if this change does not work for you, ' +
            'say so in your reply and we will find another way.',
          '',
          'Kind regards,',
          'Customer service, Northwind Distribution',
        ].join('\n'),
      );
    });

    it('asks to confirm every substitute when there are several', () => {
      const draft = draftFor([
        { action: 'SUBSTITUTE', parameters: { lineNo: 4, substituteSku: 'SKU-00041' } },
        { action: 'SUBSTITUTE', parameters: { lineNo: 1, substituteSku: 'SKU-00011' } },
      ]);
      expect(draft.body).toContain(
        '\nPlease reply to confirm you accept the substitute products; if any of these changes do not work',
      );
    });
  });

  describe('REBOOK_CARRIER', () => {
    it('is invisible on the requested date and moves the whole order after it', () => {
      const sameDay = draftFor([
        {
          action: 'REBOOK_CARRIER',
          parameters: { dcCode: 'DC-NORTH', carrierCode: 'CAR-C', shipDate: '2026-12-07' },
        },
      ]);
      expect(sameDay.needsSending).toBe(false);

      const later = draftFor([
        {
          action: 'REBOOK_CARRIER',
          parameters: { dcCode: 'DC-NORTH', carrierCode: 'CAR-C', shipDate: '2026-12-08' },
        },
      ]);
      expect(later.changes).toEqual(['The whole order ships on 2026-12-08 instead of 2026-12-07']);
      expect(later.revisedDate).toBe('2026-12-08');
    });
  });

  describe('CORRECT_PRICE', () => {
    it('gives the corrected unit price with 2 decimals and the currency, beside the ordered one', () => {
      const draft = draftFor([{ action: 'CORRECT_PRICE', parameters: { lineNo: 3, price: 104 } }]);
      expect(draft.changes).toEqual([
        'Line 3 (SKU-00030): unit price corrected to 104.00 USD (ordered at 99.90 USD)',
      ]);
      expect(draft.revisedDate).toBeNull();
      expect(draft.body).not.toContain('ships complete');
      expect(draft.needsSending).toBe(true);
    });

    it('is no change when the price is already the ordered one', () => {
      expect(
        draftFor([{ action: 'CORRECT_PRICE', parameters: { lineNo: 3, price: 99.9 } }]).needsSending,
      ).toBe(false);
    });

    it('labels a line the order no longer lists by its number only', () => {
      const draft = draftFor([{ action: 'CORRECT_PRICE', parameters: { lineNo: 9, price: 7.5 } }]);
      expect(draft.changes).toEqual(['Line 9: unit price corrected to 7.50 USD']);
    });
  });

  it('APPROVE_PRICE_OVERRIDE keeps the ordered price: no change', () => {
    const draft = draftFor([{ action: 'APPROVE_PRICE_OVERRIDE', parameters: { lineNo: 2, amount: 735 } }]);
    expect(draft.needsSending).toBe(false);
    expect(draft.subject).toBe('Order SO-2040: confirmed as ordered');
  });

  describe('REQUIRE_PREPAYMENT', () => {
    it('asks for the amount by the date, without moving the ship date', () => {
      const draft = draftFor([
        {
          action: 'REQUIRE_PREPAYMENT',
          parameters: { amount: 12500, currency: 'USD', expectedBy: '2026-12-04' },
        },
      ]);
      expect(draft.changes).toEqual([
        'Payment of 12500.00 USD is needed by 2026-12-04 before the order ships',
      ]);
      expect(draft.revisedDate).toBeNull();
      expect(draft.body).toBe(
        [
          'Dear Harbor Foods,',
          '',
          'We have had to revise our commitment on order SO-2040, which you asked us to ship on 2026-12-07:',
          '- Payment of 12500.00 USD is needed by 2026-12-04 before the order ships',
          '',
          'If this change does not work for you, please reply to this message and we will find another way.',
          '',
          'Kind regards,',
          'Customer service, Northwind Distribution',
        ].join('\n'),
      );
    });

    it('still asks for payment when no date was stored', () => {
      const draft = draftFor([{ action: 'REQUIRE_PREPAYMENT', parameters: { amount: 980.5 } }]);
      expect(draft.changes).toEqual(['Payment of 980.50 USD is needed before the order ships']);
    });
  });

  it('treats credit release, expedite, master data, resync, escalation and notification as invisible', () => {
    const draft = draftFor([
      {
        action: 'CREDIT_RELEASE',
        parameters: { amount: 4000, currency: 'USD', overLimit: true, overdue: false },
      },
      { action: 'EXPEDITE', parameters: { dcCode: 'DC-NORTH', shipDate: '2026-12-07' } },
      { action: 'FIX_MASTER_DATA', parameters: { lineNo: 3, records: 'PRODUCT', sku: 'SKU-00030' } },
      { action: 'RESYNC_ERP', parameters: { commandId: 'cmd-7' } },
      { action: 'ESCALATE', parameters: { owner: 'am.jones' } },
      { action: 'NOTIFY_CUSTOMER', parameters: {} },
    ]);
    expect(draft).toEqual({
      subject: 'Order SO-2040: confirmed as ordered',
      body: [
        'Dear Harbor Foods,',
        '',
        'Order SO-2040 is confirmed as ordered: everything ships on 2026-12-07, as requested.',
        '',
        'If you have any questions, please reply to this message.',
        '',
        'Kind regards,',
        'Customer service, Northwind Distribution',
      ].join('\n'),
      revisedDate: null,
      changes: [],
      needsSending: false,
    });
  });
});

describe('draftRevisedCommitment: several changes', () => {
  const actions: DecidedAction[] = [
    { action: 'CORRECT_PRICE', parameters: { lineNo: 2, price: 11.8 } },
    { action: 'SUBSTITUTE', parameters: { lineNo: 4, substituteSku: 'SKU-00041', quantity: 12 } },
    {
      action: 'SPLIT_SHIPMENT',
      parameters: { lineNo: 2, quantity: 40, remainingQuantity: 20, remainderShipDate: '2026-12-11' },
    },
    { action: 'REQUIRE_PREPAYMENT', parameters: { amount: 6000, expectedBy: '2026-12-03' } },
    { action: 'BACKORDER', parameters: { lineNo: 1, quantity: 100, fillDate: '2026-12-15' } },
    { action: 'REBOOK_CARRIER', parameters: { carrierCode: 'CAR-C', shipDate: '2026-12-09' } },
    { action: 'ALTERNATE_DC', parameters: { lineNo: 3, dcCode: 'DC-WEST', shipDate: '2026-12-07' } },
  ];

  it('lists header changes first, then lines in order, dates before prices, and dates by the last part', () => {
    const draft = draftFor(actions);

    // Latest ship date: max(2026-12-11 split rest, 2026-12-15 backorder, 2026-12-09 rebook) = 2026-12-15.
    expect(draft.revisedDate).toBe('2026-12-15');
    expect(draft.changes).toEqual([
      'The whole order ships on 2026-12-09 instead of 2026-12-07',
      'Payment of 6000.00 USD is needed by 2026-12-03 before the order ships',
      'Line 1 (SKU-00010): ships complete on 2026-12-15 instead of 2026-12-07',
      'Line 2 (SKU-00020): 40 now, 20 on 2026-12-11',
      'Line 2 (SKU-00020): unit price corrected to 11.80 USD (ordered at 12.25 USD)',
      'Line 4 (SKU-00040): ships as SKU-00041 instead of SKU-00040, once you confirm you accept the substitute',
    ]);
    expect(draft.body).toBe(
      [
        'Dear Harbor Foods,',
        '',
        'We have had to revise our commitment on order SO-2040, which you asked us to ship on 2026-12-07:',
        '- The whole order ships on 2026-12-09 instead of 2026-12-07',
        '- Payment of 6000.00 USD is needed by 2026-12-03 before the order ships',
        '- Line 1 (SKU-00010): ships complete on 2026-12-15 instead of 2026-12-07',
        '- Line 2 (SKU-00020): 40 now, 20 on 2026-12-11',
        '- Line 2 (SKU-00020): unit price corrected to 11.80 USD (ordered at 12.25 USD)',
        '- Line 4 (SKU-00040): ships as SKU-00041 instead of SKU-00040, once you confirm you accept the substitute',
        '',
        'The last part ships on 2026-12-15.',
        '',
        'Please reply to confirm you accept the substitute product; if any of these changes do not work for you, ' +
          'say so in your reply and we will find another way.',
        '',
        'Kind regards,',
        'Customer service, Northwind Distribution',
      ].join('\n'),
    );
    expect(draft.needsSending).toBe(true);
  });

  it('gives the same text whatever order the actions arrive in, and leaves its input untouched', () => {
    const context = wideContext(actions);
    const snapshot = JSON.parse(JSON.stringify(context));
    const forward = draftRevisedCommitment(context);

    expect(draftRevisedCommitment(wideContext([...actions].reverse()))).toEqual(forward);
    expect(draftRevisedCommitment(context)).toEqual(forward);
    expect(context).toEqual(snapshot);
  });
});

describe('draftRevisedCommitment: what it leaves out', () => {
  it('ignores an action it does not know', () => {
    const draft = draftFor([
      { action: 'TELEPORT', parameters: { lineNo: 1, shipDate: '2026-12-20' } },
      { action: 'CORRECT_PRICE', parameters: { lineNo: 1, price: 2.75 } },
    ]);
    expect(draft.changes).toEqual([
      'Line 1 (SKU-00010): unit price corrected to 2.75 USD (ordered at 2.50 USD)',
    ]);
    expect(draft.revisedDate).toBeNull();
  });

  it('leaves out an action missing what its sentence needs, rather than invent a date or a price', () => {
    const draft = draftFor([
      { action: 'REBOOK_CARRIER', parameters: { shipDate: '12/09/2026' } },
      { action: 'BACKORDER', parameters: { lineNo: 3 } },
      { action: 'SPLIT_SHIPMENT', parameters: { lineNo: 2, quantity: 40, remainderShipDate: null } },
      { action: 'SPLIT_SHIPMENT', parameters: { lineNo: 7, quantity: 5, remainderShipDate: '2026-12-11' } },
      { action: 'SUBSTITUTE', parameters: { lineNo: 4, substituteSku: ' ' } },
      { action: 'CORRECT_PRICE', parameters: { lineNo: '3', price: 104 } },
      { action: 'CORRECT_PRICE', parameters: { lineNo: 3, price: '104' } },
      { action: 'REQUIRE_PREPAYMENT', parameters: { amount: 0, expectedBy: '2026-12-04' } },
    ]);
    expect(draft.changes).toEqual([]);
    expect(draft.needsSending).toBe(false);
  });
});

describe('draftRevisedCommitment: the greeting', () => {
  it('greets "Dear customer" when the name is unknown or blank', () => {
    for (const customerName of [null, '   ']) {
      const draft = draftRevisedCommitment(
        wideContext([{ action: 'REBOOK_CARRIER', parameters: { shipDate: '2026-12-08' } }], customerName),
      );
      expect(draft.body.split('\n')[0]).toBe('Dear customer,');
    }
  });
});
