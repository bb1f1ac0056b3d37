import { parseArgs } from 'node:util';
import { STREAMS } from '@ordex/contracts';
import {
  buildDemoDistributor,
  DEMO_SIZES,
  DemoDistributor,
  demoErpEvents,
  DemoSizeName,
} from '@ordex/demo-data';
import { createLogger, JetStreamBus, publishEvent } from '@ordex/platform';

/**
 * `node dist/tools/demo/publish-demo.js [--size small|full]`: loads the demo distributor into a
 * production deployment by publishing its ERP events to NATS JetStream (NATS_URL). Event ids are
 * stable, so running it twice publishes nothing new. Ends with the events per type and where the
 * demo's planted exceptions are.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'small' } } });
  const size = values.size as DemoSizeName;
  if (!(size in DEMO_SIZES)) throw new Error(`--size must be one of ${Object.keys(DEMO_SIZES).join(', ')}`);
  const servers = (process.env.NATS_URL ?? 'nats://127.0.0.1:4222').split(',');
  const bus = await JetStreamBus.connect({
    servers,
    name: 'ordex-demo-loader',
    failIfUnreachable: true,
    streams: STREAMS.map((s) => ({ name: s.name, subjects: [...s.subjects] })),
    logger: createLogger('demo-loader', 'warn'),
  });
  const demo = buildDemoDistributor(DEMO_SIZES[size]);
  const events = demoErpEvents(demo);
  let duplicates = 0;
  for (const [index, event] of events.entries()) {
    if ((await publishEvent(bus, event)).duplicate) duplicates++;
    if ((index + 1) % 500 === 0 || index + 1 === events.length)
      process.stdout.write(`published ${index + 1}/${events.length}\n`);
  }
  await bus.close();
  process.stdout.write(
    `demo distributor (${size}): ${events.length - duplicates} new ERP events, ${duplicates} already known\n`,
  );
  process.stdout.write(`${eventsByType(events)}\n${plantedSummary(demo)}\n`);
}

function eventsByType(events: { type: string }[]): string {
  const counts = new Map<string, number>();
  for (const { type } of events) counts.set(type, (counts.get(type) ?? 0) + 1);
  return [...counts].map(([type, count]) => `  ${type}: ${count}`).join('\n');
}

/** Where the demo's exceptions are, so a demo can start from them (libs/demo-data/README.md). */
function plantedSummary({ orders, planted }: DemoDistributor): string {
  const ordersWith = (numbers: string[]) => new Set(numbers).size;
  const hit = planted.fullCarrierDays.flatMap((d) => d.orderNumbers);
  return [
    `planted exceptions (of ${orders.length} orders; SO-1001 is DOMAIN.md's reference order):`,
    `  STOCK_SHORTAGE: ${planted.shortLines.length} short lines in ${ordersWith(planted.shortLines.map((l) => l.orderNumber))} orders`,
    `  PRICE_MISMATCH: ${planted.offContractLines.length} lines off contract in ${ordersWith(planted.offContractLines.map((l) => l.orderNumber))} orders`,
    `  CREDIT_HOLD: ${planted.credit.overLimit.length} customers over their limit, ${planted.credit.overdue.length} overdue`,
    `  SHIPMENT_CONSTRAINT: ${planted.fullCarrierDays.map((d) => `${d.dcCode} ${d.shipDate}`).join(', ')} full (${hit.length} orders)`,
    `  MASTER_DATA: ${planted.unknownSkuLines.length} lines for unknown SKUs, ${planted.unmeasuredVolume.length} products without a volume`,
  ].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`publish-demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
