import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomBytes } from 'node:crypto';
import { describeEventBusContract } from './event-bus.contract';
import { JetStreamBus } from './jetstream.bus';
import type { StreamSpec } from './stream-spec';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const START_NATS =
  'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log';
const RUN = randomBytes(4).toString('hex');

let admin: NatsConnection;
const createdStreams: string[] = [];
let beds = 0;

beforeAll(async () => {
  try {
    admin = await connect({ servers: NATS_URL, name: 'event-bus-contract-admin', timeout: 2_000 });
  } catch (error) {
    throw new Error(
      `Cannot reach NATS at ${NATS_URL} (${String(error)}). Start NATS with JetStream:\n  ${START_NATS}\nor point NATS_URL at a running server.`,
    );
  }
});

afterAll(async () => {
  if (!admin) return;
  const jsm = await jetstreamManager(admin);
  await Promise.all(createdStreams.map((name) => jsm.streams.delete(name)));
  await admin.drain();
});

describeEventBusContract('JetStreamBus', async () => {
  const id = `${RUN}_${++beds}`;
  const prefix = `bus_test_${id}`;
  const stream: StreamSpec = { name: `BUS_TEST_${id}`, subjects: [`${prefix}.>`] };
  const deadLetterStream: StreamSpec = { name: `BUS_TEST_DLQ_${id}`, subjects: [`dlq.${prefix}.>`] };
  createdStreams.push(stream.name, deadLetterStream.name);
  return {
    prefix,
    open: () =>
      JetStreamBus.connect({
        servers: NATS_URL,
        name: `event-bus-contract-${id}`,
        streams: [stream],
        deadLetterStream,
      }),
  };
});
