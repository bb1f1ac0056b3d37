import { createEvent, ErpEventPayloads, ErpEventType } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES } from '@ordex/demo-data';
import { eventually, graphql } from '@ordex/testing';
import { EmbeddedStack, startEmbeddedStack } from '../embedded/embedded-stack';

jest.setTimeout(180_000);

/** Detection judges at this instant: the demo distributor's "today" (27 Nov 2026), before any cut-off. */
const AS_OF = new Date('2026-11-27T06:00:00Z');

const CREDIT_NOTE = 'cust over credit limit - finance says hold until payment received';
const TRUCK_NOTE = 'carrier has no capacity on the requested date, truck is full';
const GATE_NOTE = 'pls call John before delivery, gate 4';

interface NoteTriageView {
  text: string;
  category: string | null;
  confidence: number;
  source: string;
  modelVersion: string | null;
  team: string | null;
  matchesDetected: boolean;
  triagedAt: string;
}

interface CaseView {
  id: string;
  evaluatedErpVersion: number | null;
  noteTriage: NoteTriageView | null;
  exceptions: { category: string; status: string }[];
  auditTrail: { action: string; payload: string }[];
}

/**
 * Order notes through the real services, bus and gateway (embedded): the cases service reads each
 * order's notes with its context, triages them with the shipped model into the exception taxonomy
 * and keeps the answer on the order's case (with the team that owns the category), triages them
 * again when the ERP changes them, clears the triage when they are removed, and records each on
 * the case's audit trail.
 */
describe('triage of order notes', () => {
  let stack: EmbeddedStack;
  let auth: Record<string, string>;
  let sequence = 0;
  const reference = buildDemoDistributor(DEMO_SIZES.small).orders.find((o) => o.orderNumber === 'SO-1001')!;
  const ORDER = 'SO-9951';
  const erp = <K extends ErpEventType>(type: K, subject: string, data: ErpEventPayloads[K]) =>
    stack.publish(createEvent(type, subject, data, { source: 'erp', id: `note-triage-e2e-${++sequence}` }));
  const caseOf = async () => {
    const { data, errors } = await graphql<{ order: { case: CaseView | null } | null }>(
      stack.gatewayUrl!,
      `
        query ($n: ID!) {
          order(orderNumber: $n) {
            case {
              id
              evaluatedErpVersion
              noteTriage {
                text
                category
                confidence
                source
                modelVersion
                team
                matchesDetected
                triagedAt
              }
              exceptions {
                category
                status
              }
              auditTrail {
                action
                payload
              }
            }
          }
        }
      `,
      { n: ORDER },
      auth,
    );
    if (errors) throw new Error(errors[0].message);
    return data?.order?.case ?? null;
  };
  /** Publishes this version of the order with these notes, and its case once it has evaluated it. */
  const version = async (erpVersion: number, notes: string | null) => {
    const order = { ...reference, orderNumber: ORDER, erpVersion, notes };
    await erp(erpVersion === 1 ? 'erp.order.created.v1' : 'erp.order.changed.v1', ORDER, order);
    return eventually(async () => {
      const kase = await caseOf();
      return kase?.evaluatedErpVersion === erpVersion ? kase : undefined;
    }, 60_000);
  };
  const openCategories = (kase: CaseView) =>
    kase.exceptions
      .filter((e) => e.status === 'OPEN')
      .map((e) => e.category)
      .sort();
  const audited = (kase: CaseView, action: string) =>
    kase.auditTrail.filter((e) => e.action === action).map((e) => JSON.parse(e.payload));

  beforeAll(async () => {
    process.env.DETECTION_SETTLE_DELAY_MS = '100';
    process.env.DETECTION_POLL_INTERVAL_MS = '100';
    process.env.DETECTION_RETRY_DELAY_MS = '200';
    stack = await startEmbeddedStack({
      port: 0,
      demo: 'small',
      logLevel: 'silent',
      clock: () => AS_OF,
      // The committed supergraph predates Order.notes and Case.noteTriage until it is regenerated.
    });
    auth = { authorization: `Bearer ${await stack.token({ roles: ['admin'] })}` };
  });
  afterAll(async () => {
    await stack?.stop();
    for (const name of [
      'DETECTION_SETTLE_DELAY_MS',
      'DETECTION_POLL_INTERVAL_MS',
      'DETECTION_RETRY_DELAY_MS',
    ])
      delete process.env[name];
  });

  it('triages a credit note on a new case for finance (credit), though detection found no credit hold', async () => {
    const kase = await version(1, CREDIT_NOTE);
    // The reference order's three exceptions: none of them a credit hold.
    expect(openCategories(kase)).toEqual(['PRICE_MISMATCH', 'SHIPMENT_CONSTRAINT', 'STOCK_SHORTAGE']);
    expect(kase.noteTriage).toEqual({
      text: CREDIT_NOTE,
      category: 'CREDIT_HOLD',
      confidence: expect.any(Number),
      source: 'model',
      modelVersion: expect.stringMatching(/^text-triage-/),
      team: 'FINANCE_CREDIT',
      matchesDetected: false,
      triagedAt: AS_OF.toISOString(),
    });
    expect(kase.noteTriage!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(audited(kase, 'note.triaged')).toEqual([
      {
        text: CREDIT_NOTE,
        category: 'CREDIT_HOLD',
        confidence: kase.noteTriage!.confidence,
        source: 'model',
        modelVersion: kase.noteTriage!.modelVersion,
        team: 'FINANCE_CREDIT',
        matchesDetected: false,
        triagedAt: AS_OF.toISOString(),
        erpVersion: 1,
      },
    ]);
  });

  it('triages the notes again when a new ERP version changes them, and only then', async () => {
    const kase = await version(2, TRUCK_NOTE);
    expect(kase.noteTriage).toMatchObject({
      text: TRUCK_NOTE,
      category: 'SHIPMENT_CONSTRAINT',
      source: 'model',
      team: 'TRANSPORTATION',
      // The reference order's requested date has no carrier capacity: detection found it too.
      matchesDetected: true,
    });
    expect(openCategories(kase)).toContain('SHIPMENT_CONSTRAINT');
    expect(
      audited(kase, 'note.triaged').map(({ text, category, team, matchesDetected, erpVersion }) => ({
        text,
        category,
        team,
        matchesDetected,
        erpVersion,
      })),
    ).toEqual([
      {
        text: CREDIT_NOTE,
        category: 'CREDIT_HOLD',
        team: 'FINANCE_CREDIT',
        matchesDetected: false,
        erpVersion: 1,
      },
      {
        text: TRUCK_NOTE,
        category: 'SHIPMENT_CONSTRAINT',
        team: 'TRANSPORTATION',
        matchesDetected: true,
        erpVersion: 2,
      },
    ]);

    const unchanged = await version(3, TRUCK_NOTE);
    expect(unchanged.noteTriage).toEqual(kase.noteTriage);
    expect(audited(unchanged, 'note.triaged')).toHaveLength(2);
  });

  it('clears the triage when the notes are removed', async () => {
    const kase = await version(4, null);
    expect(kase.noteTriage).toBeNull();
    expect(audited(kase, 'note.cleared')).toEqual([{ category: 'SHIPMENT_CONSTRAINT', erpVersion: 4 }]);
  });

  it('gives a note about none of the categories no category and no team: a person reads it', async () => {
    const kase = await version(5, GATE_NOTE);
    expect(kase.noteTriage).toMatchObject({
      text: GATE_NOTE,
      category: null,
      source: 'model',
      team: null,
      matchesDetected: false,
    });
    expect(kase.noteTriage!.confidence).toBeLessThan(0.5);
    expect(audited(kase, 'note.triaged').at(-1)).toMatchObject({
      text: GATE_NOTE,
      category: null,
      team: null,
      erpVersion: 5,
    });
  });
});
