import { parseArgs } from 'node:util';
import { STREAMS } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES, demoErpEvents, DemoSizeName } from '@ordex/demo-data';
import { createLogger, JetStreamBus, publishEvent } from '@ordex/platform';

/**
 * `node dist/tools/demo/publish-demo.js [--size small|full]`: loads the demo distributor into a
 * production deployment by publishing its ERP events to NATS JetStream (NATS_URL). Event ids are
 * stable, so running it twice publishes nothing new.
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
  const events = demoErpEvents(buildDemoDistributor(DEMO_SIZES[size]));
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
}

main().catch((error: unknown) => {
  process.stderr.write(`publish-demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
