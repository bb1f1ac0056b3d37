import type { ConsumerMessages } from '@nats-io/jetstream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BusLogger } from './bus-logger';
import type { DeliveryPump } from './consumer-handle';
import type { ResolvedConsumerSpec } from './consumer-spec.util';
import type { DeliveryProcessor } from './delivery-processor';
import { toDelivery } from './jetstream.codec';
import type { JetStreamConnection, JetStreamSession } from './jetstream.connection';
import { ensureConsumer, groupByStream } from './jetstream.setup';
import { matchesAny } from './subject.util';

const RESTART_DELAY_MS = 1_000;
/** Retry delay when the consumer's streams cannot be looked up (e.g. a subject in no stream). */
const LOOKUP_RETRY_MS = 5_000;

/** The consumer's streams and subjects, already set up on `session` by `consume()`. */
export interface PreparedConsumer {
  session: JetStreamSession;
  groups: Map<string, string[]>;
}

/**
 * Pulls from the durable pull consumer of `spec` on each stream its subjects fall in, into the
 * processor, for as long as the consumer runs, whatever NATS does meanwhile:
 * - before NATS is first reached, it waits, then looks the streams up and creates the durables;
 * - the client's consume() rides out short disconnects by itself; when it ends or fails anyway
 *   (connection closed, consumer or stream gone after a server restart without its store), the
 *   loop waits for the connection, creates or updates the durable again and pulls anew.
 * Deliveries already handed to the processor are acked on the same connection once handled;
 * those whose ack is lost with a connection are redelivered after the ack wait.
 */
export function jetStreamPump(
  connection: JetStreamConnection,
  spec: ResolvedConsumerSpec,
  processor: DeliveryProcessor,
  logger?: BusLogger,
  prepared?: PreparedConsumer,
): DeliveryPump {
  const abort = new AbortController();
  const { signal } = abort;
  const open = new Set<ConsumerMessages>();
  const consumer = spec.durable;

  const lookUpStreams = async (): Promise<Map<string, string[]> | undefined> => {
    while (!signal.aborted) {
      try {
        const session = await connection.ready(undefined, signal);
        return await groupByStream(session.jsm, spec.subjects);
      } catch (error) {
        if (signal.aborted) return undefined;
        logger?.error(
          { err: error, consumer },
          'cannot look up the streams of a JetStream consumer; will retry',
        );
      }
      await sleep(LOOKUP_RETRY_MS, undefined, { signal }).catch(() => undefined);
    }
    return undefined;
  };

  const pumpStream = async (stream: string, subjects: readonly string[]): Promise<void> => {
    let setUpOn = prepared?.session;
    while (!signal.aborted) {
      let messages: ConsumerMessages | undefined;
      try {
        const session = await connection.ready(undefined, signal);
        if (setUpOn !== session) await ensureConsumer(session.jsm, stream, spec, subjects);
        setUpOn = undefined;
        const pullConsumer = await session.js.consumers.get(stream, consumer);
        // abort_on_missing_resource: end (and come back here to recreate it) rather than poll
        // forever for a durable that a restarted server no longer has.
        messages = await pullConsumer.consume({
          max_messages: spec.maxInFlight,
          abort_on_missing_resource: true,
        });
        open.add(messages);
        if (signal.aborted) await messages.close();
        for await (const msg of messages) {
          // The consumer's single filter may be a wildcard wider than the requested subjects.
          if (matchesAny(subjects, msg.subject)) await processor.accept(toDelivery(msg));
          else msg.ack();
        }
        if (!signal.aborted) logger?.warn({ stream, consumer }, 'JetStream consume ended; restarting it');
      } catch (error) {
        if (signal.aborted) return;
        logger?.warn({ err: error, stream, consumer }, 'JetStream consume failed; restarting it');
      } finally {
        if (messages) open.delete(messages);
      }
      await sleep(RESTART_DELAY_MS, undefined, { signal }).catch(() => undefined);
    }
  };

  const done = (async () => {
    const groups = prepared?.groups ?? (await lookUpStreams());
    if (!groups) return;
    await Promise.all([...groups].map(([stream, subjects]) => pumpStream(stream, subjects)));
  })();

  return {
    done,
    close: async () => {
      abort.abort();
      await Promise.all([...open].map((messages) => messages.close()));
    },
  };
}
