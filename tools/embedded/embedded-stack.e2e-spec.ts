import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  eventually,
  expectReferenceOrder,
  graphql,
  REFERENCE_ORDER_QUERY,
  ReferenceOrderResult,
} from '@ordex/testing';
import { DEMO_SIZES } from '@ordex/demo-data';
import { EmbeddedStack, startEmbeddedStack } from './embedded-stack';

jest.setTimeout(120_000);

/** A query through the gateway as a customer-service user of the embedded dev issuer. */
async function ask<T = Record<string, unknown>>(
  stack: EmbeddedStack,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const token = await stack.token({ roles: ['customer-service'] });
  return graphql<T>(stack.gatewayUrl!, query, variables, { authorization: `Bearer ${token}`, ...headers });
}

describe('embedded mode', () => {
  describe('with every subgraph up', () => {
    let stack: EmbeddedStack;
    beforeAll(async () => {
      stack = await startEmbeddedStack({ port: 0, demo: 'small', logLevel: 'silent' });
    });
    afterAll(() => stack?.stop());

    it('answers a federated query across orders, inventory and pricing', async () => {
      const response = await ask<ReferenceOrderResult>(stack, REFERENCE_ORDER_QUERY, {
        orderNumber: 'SO-1001',
      });
      expect(response.errors).toBeUndefined();
      expectReferenceOrder(response.data!.order);
    });

    it('counts operations and requests in the Prometheus metrics of the gateway and the subgraphs', async () => {
      await ask(stack, REFERENCE_ORDER_QUERY, { orderNumber: 'SO-1001' });
      const sample = (text: string, metric: string, labels: string[]) =>
        text
          .split('\n')
          .find((line) => line.startsWith(`${metric}{`) && labels.every((l) => line.includes(l)));
      const gateway = await (await fetch(stack.gatewayUrl!.replace('/graphql', '/metrics'))).text();
      const operations = sample(gateway, 'ordex_graphql_operations_total', [
        'operation="ReferenceOrder"',
        'outcome="ok"',
        'service="gateway"',
      ]);
      expect(Number(operations?.split(' ').pop())).toBeGreaterThanOrEqual(1);
      const inventory = await (
        await fetch(stack.subgraphUrls.inventory!.replace('/graphql', '/metrics'))
      ).text();
      const requests = sample(inventory, 'ordex_http_request_duration_seconds_count', [
        'route="/graphql"',
        'service="inventory"',
      ]);
      expect(Number(requests?.split(' ').pop())).toBeGreaterThanOrEqual(1);
      const ready = await (
        await fetch(stack.subgraphUrls.orders!.replace('/graphql', '/health/ready'))
      ).json();
      expect(ready).toMatchObject({
        status: 'ok',
        info: {
          database: { status: 'up' },
          eventBus: { status: 'up', adapter: 'in-process', consumerLag: { 'orders-erp-intake': 0 } },
        },
      });
      const orders = await (await fetch(stack.subgraphUrls.orders!.replace('/graphql', '/metrics'))).text();
      const lag = sample(orders, 'ordex_consumer_lag', ['consumer="orders-erp-intake"']);
      expect(lag?.split(' ').pop()).toBe('0');
    });

    it('tells the other services about every order it mirrors, through the orders outbox', async () => {
      const metricsUrl = stack.subgraphUrls.orders!.replace('/graphql', '/metrics');
      const published = await eventually(async () => {
        const line = (await (await fetch(metricsUrl)).text())
          .split('\n')
          .find((l) => l.startsWith('ordex_outbox_published_total'));
        const count = Number(line?.split(' ').pop());
        return count >= DEMO_SIZES.small.orders ? count : undefined;
      });
      expect(published).toBe(DEMO_SIZES.small.orders);
      const ready = await (
        await fetch(stack.subgraphUrls.orders!.replace('/graphql', '/health/ready'))
      ).json();
      expect((ready as { info: Record<string, unknown> }).info.outbox).toMatchObject({
        status: 'up',
        backlog: 0,
        degraded: false,
      });
    });

    it('refuses a request without a token from the dev issuer', async () => {
      const anonymous = await graphql(stack.gatewayUrl!, '{ __typename }');
      expect(anonymous.status).toBe(401);
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const direct = await graphql(
        stack.subgraphUrls.orders!,
        '{ __typename }',
        {},
        {
          authorization: `Bearer ${await stack.token({ roles: ['admin'] })}`,
        },
      );
      expect(direct.status).toBe(401);
    });

    it('carries the correlation id from the gateway request to the response', async () => {
      const response = await ask(stack, '{ __typename }', {}, { 'x-correlation-id': 'smoke-test-1' });
      expect(response.headers.get('x-correlation-id')).toBe('smoke-test-1');
    });

    it('returns a typed error, no stack trace, for an invalid query', async () => {
      const response = await ask(stack, '{ order(orderNumber: 1) { nope } }');
      expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.js:\d+/);
    });

    it('keeps answering the other subgraphs when one stops', async () => {
      await stack.stopSubgraph('pricing');
      const response = await ask<ReferenceOrderResult>(stack, REFERENCE_ORDER_QUERY, {
        orderNumber: 'SO-1001',
      });
      expect(response.data!.order!.lines[0].availability!.totalAvailable).toBeGreaterThan(0);
      expect(response.data!.order!.lines[0].priceCheck).toBeNull();
      expect(response.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', service: 'pricing' }),
          }),
        ]),
      );
      expect(JSON.stringify(response.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    });
  });

  it('starts the gateway while a subgraph is down and serves the rest', async () => {
    const stack = await startEmbeddedStack({
      port: 0,
      demo: 'small',
      logLevel: 'silent',
      subgraphs: ['orders', 'inventory', 'logistics', 'cases', 'analytics'],
    });
    try {
      const response = await ask<ReferenceOrderResult>(stack, REFERENCE_ORDER_QUERY, {
        orderNumber: 'SO-1001',
      });
      expect(response.data!.order!.customer!.name).toBe('Northwind Facilities Group');
      expect(response.data!.order!.lines.every((l) => l.availability !== null && l.priceCheck === null)).toBe(
        true,
      );
      expect(response.errors?.some((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE')).toBe(true);
    } finally {
      await stack.stop();
    }
  });

  it('keeps its data under the data directory across restarts and seeds only once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ordex-embedded-'));
    try {
      const first = await startEmbeddedStack({ dataDir, port: 0, demo: 'small', logLevel: 'silent' });
      expect(first.demoEventsPublished).toBeGreaterThan(0);
      const tokenFromFirstRun = await first.token({ roles: ['warehouse'] });
      await first.stop();

      const second = await startEmbeddedStack({ dataDir, port: 0, demo: 'small', logLevel: 'silent' });
      try {
        expect(second.demoEventsPublished).toBe(0);
        const response = await eventually(async () => {
          const r = await ask<ReferenceOrderResult>(second, REFERENCE_ORDER_QUERY, {
            orderNumber: 'SO-1001',
          });
          return r.data?.order ? r : undefined;
        });
        expect(response.errors).toBeUndefined();
        expectReferenceOrder(response.data!.order);
        // The dev issuer's key lives in the data directory: earlier tokens stay valid.
        const again = await graphql(
          second.gatewayUrl!,
          '{ __typename }',
          {},
          {
            authorization: `Bearer ${tokenFromFirstRun}`,
          },
        );
        expect(again.status).toBe(200);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
