import { createWriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { STREAMS } from '@ordex/contracts';
import { createLogger, JetStreamBus } from '@ordex/platform';
import { GraphqlSink, NatsSink, type EventSink } from './event-sink';
import { parseRunOptions, USAGE } from './run-options';
import { runSimulation } from './run-simulation';
import { SimulatedErpConnector } from './simulated-erp-connector';

/**
 * `npm run simulate -- …`: publishes the simulated ERP's order stream through ordex's intake
 * (NATS JetStream or the gateway's submitErpEvents) and, with --answer-commands, answers ordex's
 * commands as the ERP would. Prints progress and a summary; see USAGE.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const options = parseRunOptions(args);
  const answering = options.answerCommands;
  const bus =
    options.target.kind === 'nats' || answering
      ? await JetStreamBus.connect({
          servers: options.commandServers,
          name: 'ordex-erp-simulator',
          failIfUnreachable: true,
          streams: STREAMS.map((s) => ({ name: s.name, subjects: [...s.subjects] })),
          logger: createLogger('erp-simulator', 'warn'),
        })
      : undefined;
  const sink: EventSink =
    options.target.kind === 'graphql'
      ? new GraphqlSink(options.target.url, options.target.token)
      : new NatsSink(required(bus));
  const connector = answering
    ? new SimulatedErpConnector(required(bus), { seed: options.seed, ...answering })
    : undefined;
  await connector?.start();
  const interrupted = new AbortController();
  process.once('SIGINT', () => interrupted.abort());
  const labels = options.labels ? createWriteStream(options.labels, { flags: 'w' }) : undefined;
  try {
    await runSimulation(options, sink, connector, labels, interrupted.signal);
    if (connector && answering && answering.lingerSeconds > 0 && !interrupted.signal.aborted) {
      process.stdout.write(`answering commands for ${answering.lingerSeconds} s more (Ctrl-C stops)\n`);
      await sleep(answering.lingerSeconds * 1000, undefined, {
        signal: interrupted.signal,
      }).catch(() => undefined);
    }
  } finally {
    await connector?.stop();
    if (connector) process.stdout.write(`commands: ${JSON.stringify(connector.stats)}\n`);
    await new Promise<void>((resolve) => (labels ? labels.end(resolve) : resolve()));
    await bus?.close();
  }
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('NATS connection missing');
  return value;
}

main().catch((error: unknown) => {
  process.stderr.write(`simulate: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
  process.exit(1);
});
