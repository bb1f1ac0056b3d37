import { buildDemoDistributor, demoErpEvents } from '@ordex/demo-data';
import { ContextStack, startContextStack } from './context-stack.test-support';
import { ORDER_CONTEXT_QUERY, OrderContextResult } from './order-context.query';

jest.setTimeout(180_000);

/**
 * N+1 guard: the gateway query of a page of orders with every context field costs each subgraph
 * the same number of SQL statements for 100 orders as for 10 (real PostgreSQL, counted by the
 * subgraphs' own statement counters).
 */
describe('SQL statements per subgraph for the order context query', () => {
  let ctx: ContextStack;
  beforeAll(async () => {
    ctx = await startContextStack();
    // A small distributor with more than 100 orders, each with one to five lines.
    await ctx.load(demoErpEvents(buildDemoDistributor({ customers: 30, products: 120, orders: 130 })));
  });
  afterAll(() => ctx?.stop());

  async function statementsFor(first: number): Promise<{ counts: Record<string, number>; lines: number }> {
    const before = await ctx.graphqlStatements();
    const response = await ctx.ask<OrderContextResult>(ORDER_CONTEXT_QUERY, {
      first,
      asOf: '2026-11-30T08:00:00Z',
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.orders).toHaveLength(first);
    const after = await ctx.graphqlStatements();
    const counts = Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - before[name]]));
    return { counts, lines: response.data!.orders.reduce((n, o) => n + o.lines.length, 0) };
  }

  it('does not grow with the number of orders', async () => {
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(hundred.lines).toBeGreaterThan(ten.lines * 5);
    for (const subgraph of ['orders', 'inventory', 'pricing', 'logistics']) {
      expect({ subgraph, statements: hundred.counts[subgraph] }).toEqual({
        subgraph,
        statements: ten.counts[subgraph],
      });
      expect(hundred.counts[subgraph]).toBeGreaterThan(0);
      expect(hundred.counts[subgraph]).toBeLessThanOrEqual(12);
    }
  });
});
