import { createEvent, ErpEventPayloads, ErpEventType } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES } from '@ordex/demo-data';
import { eventually, graphql } from '@ordex/testing';
import { EmbeddedStack, startEmbeddedStack } from '../embedded/embedded-stack';

jest.setTimeout(180_000);

/** The demo distributor's "today" (27 Nov 2026), before any cut-off. */
const AS_OF = new Date('2026-11-27T06:00:00Z');

interface ExceptionView {
  category: string;
  lineNo: number | null;
  status: string;
  clearReason: string | null;
}

/**
 * Auto-clear of the categories the detection suite does not walk through (it clears stock, price,
 * shipment and ERP sync): a credit hold when the ERP raises the limit and the customer has paid,
 * a routing-rule break when the customer accepts split shipments, a master-data gap when the ERP
 * corrects the order. Each clears by itself, with the change that cleared it as the reason.
 */
describe('auto-clear of credit, routing and master-data exceptions', () => {
  let stack: EmbeddedStack;
  let auth: Record<string, string>;
  const demo = buildDemoDistributor(DEMO_SIZES.small);
  let sequence = 0;
  const erp = <K extends ErpEventType>(type: K, subject: string, data: ErpEventPayloads[K]) =>
    stack.publish(createEvent(type, subject, data, { source: 'erp', id: `auto-clear-${++sequence}` }));
  const exceptionsOf = async (orderNumber: string) => {
    const { data, errors } = await graphql<{ order: { case: { exceptions: ExceptionView[] } | null } }>(
      stack.gatewayUrl!,
      'query($n: ID!) { order(orderNumber: $n) { case { exceptions { category lineNo status clearReason } } } }',
      { n: orderNumber },
      auth,
    );
    if (errors) throw new Error(errors[0].message);
    return data!.order.case?.exceptions ?? [];
  };
  const settled = async () => {
    await stack.idle();
    await eventually(async () => {
      const [row] = await stack.sql<{ n: string }>(
        "SELECT count(*) AS n FROM cases.evaluation_request WHERE due_at < now() + interval '5 seconds'",
      );
      return Number(row.n) === 0 ? true : undefined;
    }, 60_000);
  };
  const cleared = async (orderNumber: string, category: string, lineNo: number | null = null) => {
    const found = (await exceptionsOf(orderNumber)).find(
      (e) => e.category === category && e.lineNo === lineNo,
    );
    return found;
  };

  /** The first of `orders` whose case has an open exception of `category` (the header one). */
  const withOpen = async (orders: typeof demo.orders, category: string) => {
    for (const order of orders) {
      if ((await cleared(order.orderNumber, category))?.status === 'OPEN') return order;
    }
    throw new Error(`no order with an open ${category} among ${orders.length}`);
  };

  beforeAll(async () => {
    stack = await startEmbeddedStack({ port: 0, demo: 'small', logLevel: 'silent', clock: () => AS_OF });
    auth = { authorization: `Bearer ${await stack.token({ roles: ['admin'] })}` };
    await settled();
  });
  afterAll(() => stack?.stop());

  it('clears a credit hold when the ERP raises the limit and the receivables are paid', async () => {
    const customerId = demo.planted.credit.overLimit[0];
    const order = await withOpen(
      demo.orders.filter((o) => o.customerId === customerId),
      'CREDIT_HOLD',
    );
    const credit = demo.credit.find((c) => c.customerId === customerId)!;
    await erp('erp.credit.updated.v2', customerId, {
      ...credit,
      creditLimit: 10_000_000,
      openReceivables: 0,
      overdueAmount: 0,
      overdueDays: 0,
    });
    await settled();
    const exception = await cleared(order.orderNumber, 'CREDIT_HOLD');
    expect(exception?.status).toBe('CLEARED');
    expect(exception?.clearReason).toContain(`erp.credit.updated.v2: ${customerId}`);
  });

  it('clears a ship-complete break when the customer accepts split shipments', async () => {
    const shipComplete = new Set(demo.routingRules.filter((r) => r.shipComplete).map((r) => r.customerId));
    const order = await withOpen(
      demo.orders.filter((o) => shipComplete.has(o.customerId)),
      'ROUTING_RULE',
    );
    const rule = demo.routingRules.find((r) => r.customerId === order.customerId)!;
    await erp('erp.routing-rule.changed.v1', order.customerId, { ...rule, shipComplete: false });
    await settled();
    const exception = await cleared(order.orderNumber, 'ROUTING_RULE');
    expect(exception?.status).toBe('CLEARED');
    expect(exception?.clearReason).toContain(`erp.routing-rule.changed.v1: ${order.customerId}`);
  });

  it('clears a master-data gap when the ERP corrects the order', async () => {
    const line = demo.planted.unknownSkuLines[0];
    const order = demo.orders.find((o) => o.orderNumber === line.orderNumber)!;
    expect((await cleared(order.orderNumber, 'MASTER_DATA', line.lineNo))?.status).toBe('OPEN');
    // The ERP drops the line with the SKU nobody knows (the customer ordered something else).
    await erp('erp.order.changed.v1', order.orderNumber, {
      ...order,
      erpVersion: order.erpVersion + 1,
      lines: order.lines.filter((l) => l.lineNo !== line.lineNo),
    });
    await settled();
    const exception = await cleared(order.orderNumber, 'MASTER_DATA', line.lineNo);
    expect(exception?.status).toBe('CLEARED');
    expect(exception?.clearReason).toBe(
      `no longer detected at ERP version ${order.erpVersion + 1} (erp.order.changed.v1: ${order.orderNumber} v${order.erpVersion + 1})`,
    );
  });
});
