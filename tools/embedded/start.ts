import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigurationError, loadConfig, port } from '@ordex/platform';
import { startEmbeddedStack } from './embedded-stack';

/** `npm start`: the whole platform in one process on embedded defaults. */
const EXAMPLE_QUERY = `query ReferenceOrder {
  order(orderNumber: "SO-1001") {
    orderNumber status requestedDate orderValue
    customer { name segment tier routingRules { preferredDc shipComplete } }
    lines {
      lineNo sku quantity unitPrice
      availability { totalAvailable byDc { dcCode available availableByRequestedDate } }
      priceCheck { contractPrice deviationPct withinTolerance }
    }
    shipmentOptions(asOf: "2026-11-30T08:00:00Z") {
      dcCode carrierCode shipDate onRequestedDate requestedDateBlockers cost
    }
    holds { type state }
    case { status exceptions { category lineNo owner reason } }
  }
}`;

/** A command to the ERP; the embedded stack's simulated ERP connector answers it. */
const HOLD_MUTATION = `mutation HoldReferenceOrder {
  placeOrderHold(orderNumber: "SO-1001", type: STOCK, reason: "Line 1 is short at DC-NORTH") {
    hold { id state } command { commandId status }
  }
}`;

/** The team whose view the example query shows. */
const DEMO_ROLE = 'customer-service';

const schema = z.object({
  PORT: port(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  ORDEX_DATA_DIR: z.string().min(1).default('./data'),
  ORDEX_DEMO: z.enum(['small', 'full', 'none'], { message: 'must be small, full or none' }).default('small'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { demo: { type: 'string' }, port: { type: 'string' } },
    strict: true,
  });
  const env = {
    ...process.env,
    ...(values.demo ? { ORDEX_DEMO: values.demo } : {}),
    ...(values.port ? { PORT: values.port } : {}),
  };
  const config = loadConfig('embedded', schema, env);
  const started = Date.now();
  const stack = await startEmbeddedStack({
    dataDir: config.ORDEX_DATA_DIR,
    host: config.HOST,
    port: config.PORT,
    logLevel: config.LOG_LEVEL,
    demo: config.ORDEX_DEMO,
    erpConnector: true,
    progress: (line) => process.stdout.write(`ordex: ${line}\n`),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const body = JSON.stringify({ query: EXAMPLE_QUERY.replace(/\s+/g, ' ') });
  const token = await stack.token({ roles: [DEMO_ROLE] });
  process.stdout.write(
    [
      '',
      `ordex is ready in ${seconds} s: ${stack.gatewayUrl}`,
      `  data: ${config.ORDEX_DATA_DIR}${stack.demoEventsPublished ? ` (demo distributor loaded: ${stack.demoEventsPublished} ERP events)` : ''}`,
      '',
      'Example query (the reference order, across orders, inventory, pricing and logistics):',
      EXAMPLE_QUERY,
      '',
      `Demo token (${DEMO_ROLE}, valid 8 h; npm run token -- --role <role> for others):`,
      token,
      '',
      `curl -s ${stack.gatewayUrl} -H 'content-type: application/json' -H 'authorization: Bearer ${token}' -d '${body}'`,
      '',
      'Ask the ERP (simulated here; it answers in about 2 s) to hold the order, then query holds again:',
      HOLD_MUTATION,
      '',
      'ordex: ready',
      '',
    ].join('\n'),
  );
  const shutdown = async () => {
    process.stdout.write('ordex: stopping\n');
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`ordex: could not start: ${message}\n`);
  process.exit(1);
});
