import { createEvent, decodeEvent, encodeEvent, EventDecodeError } from './envelope';
import { ERP_EVENTS } from './erp-events';
import { EXCEPTION_CATEGORY_OWNER, ExceptionCategory, Team } from '../generated/canonical.generated';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('event envelope', () => {
  it('round-trips a CloudEvent with correlation and causation ids', () => {
    const event = createEvent(
      'erp.carrier.changed.v1',
      'CAR-1',
      { code: 'CAR-1', name: 'Northline' },
      {
        source: 'erp',
        correlationId: 'corr-1',
        causationId: 'cause-1',
      },
    );
    const decoded = decodeEvent(encodeEvent(event));
    expect(decoded).toMatchObject({
      specversion: '1.0',
      type: 'erp.carrier.changed.v1',
      subject: 'CAR-1',
      correlationid: 'corr-1',
      causationid: 'cause-1',
      data: { code: 'CAR-1', name: 'Northline' },
    });
    expect(decoded.id).toBe(event.id);
  });

  it('takes the event id as correlation id when the producer gave none', () => {
    const decoded = decodeEvent(
      json({ specversion: '1.0', id: 'e-1', source: 'erp', type: 't.a.b.v1', subject: 'k', data: {} }),
    );
    expect(decoded.correlationid).toBe('e-1');
  });

  it.each([
    ['malformed JSON', new TextEncoder().encode('{"id":'), 'malformed JSON'],
    ['not an object', new TextEncoder().encode('[1,2]'), 'not a JSON object'],
    [
      'missing type',
      new TextEncoder().encode(JSON.stringify({ specversion: '1.0', id: 'x', source: 'erp', subject: 's' })),
      'invalid CloudEvent',
    ],
    [
      'missing subject',
      new TextEncoder().encode(JSON.stringify({ specversion: '1.0', id: 'x', source: 'erp', type: 't' })),
      'subject',
    ],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'malformed JSON'],
    [
      'missing id',
      json({ specversion: '1.0', source: 'erp', type: 't', subject: 's' }),
      'id must be a non-empty string',
    ],
    [
      'numeric id',
      json({ specversion: '1.0', id: 7, source: 'erp', type: 't', subject: 's' }),
      'id must be a non-empty string',
    ],
    [
      'missing specversion',
      json({ id: 'x', source: 'erp', type: 't', subject: 's' }),
      'specversion must be "1.0"',
    ],
    [
      'specversion 2.0',
      json({ specversion: '2.0', id: 'x', source: 'erp', type: 't', subject: 's' }),
      'specversion must be "1.0"',
    ],
    [
      'object correlation id',
      json({ specversion: '1.0', id: 'x', source: 'erp', type: 't', subject: 's', correlationid: {} }),
      'correlationid must be',
    ],
    [
      'XML content',
      json({
        specversion: '1.0',
        id: 'x',
        source: 'erp',
        type: 't',
        subject: 's',
        datacontenttype: 'text/xml',
      }),
      'datacontenttype',
    ],
  ])('rejects %s with a reason', (_name, bytes, reason) => {
    expect(() => decodeEvent(bytes)).toThrow(EventDecodeError);
    expect(() => decodeEvent(bytes)).toThrow(reason);
  });
});

describe('canonical contracts', () => {
  it('gives every exception category an owning team', () => {
    expect(Object.keys(EXCEPTION_CATEGORY_OWNER).sort()).toEqual(Object.values(ExceptionCategory).sort());
    expect(EXCEPTION_CATEGORY_OWNER.PRICE_MISMATCH).toBe(Team.FINANCE_PRICING);
  });

  it('validates ERP payloads with the generated schemas', () => {
    const spec = ERP_EVENTS['erp.order.created.v1'];
    const good = {
      orderNumber: 'SO-1',
      erpVersion: 1,
      customerId: 'C-1',
      shipToId: null,
      orderedOn: '2026-11-20',
      requestedDate: '2026-12-01',
      currency: 'EUR',
      status: 'RECEIVED',
      lines: [{ lineNo: 1, sku: 'SKU-1', quantity: 5, unitPrice: 9.5 }],
    };
    expect(spec.schema().safeParse(good).success).toBe(true);
    expect(spec.key(good as never)).toBe('SO-1');
    for (const broken of [
      { ...good, requestedDate: '01/12/2026' },
      { ...good, requestedDate: '2026-02-30' },
      { ...good, erpVersion: 2 ** 31 },
      { ...good, currency: 'EU\u0000R' },
    ]) {
      expect(spec.schema().safeParse(broken).success).toBe(false);
    }
  });
});
