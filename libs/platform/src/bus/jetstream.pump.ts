import type { Consumer, ConsumerMessages } from '@nats-io/jetstream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BusLogger } from './bus-logger';
import type { DeliveryPump } from './consumer-handle';
import { MAX_IN_FLIGHT, type DeliveryProcessor } from './delivery-processor';
import { toDelivery } from './jetstream.codec';
import { matchesAny } from './subject.util';

const RESTART_DELAY_MS = 1_000;

/**
 * Pulls from a durable pull consumer into the processor. The client's consume() already rides
 * out reconnects and server hiccups; the loop restarts it should it end or fail anyway.
 */
export function jetStreamPump(
  stream: string,
  consumer: Consumer,
  subjects: readonly string[],
  processor: DeliveryProcessor,
  logger?: BusLogger,
): DeliveryPump {
  const abort = new AbortController();
  let messages: ConsumerMessages | undefined;
  const done = (async () => {
    while (!abort.signal.aborted) {
      try {
        messages = await consumer.consume({ max_messages: MAX_IN_FLIGHT });
        if (abort.signal.aborted) await messages.close();
        for await (const msg of messages) {
          // The consumer's single filter may be a wildcard wider than the requested subjects.
          if (matchesAny(subjects, msg.subject)) await processor.accept(toDelivery(msg));
          else msg.ack();
        }
      } catch (error) {
        if (abort.signal.aborted) return;
        logger?.error({ err: error, stream }, 'JetStream consume failed, restarting');
      }
      await sleep(RESTART_DELAY_MS, undefined, { signal: abort.signal }).catch(() => undefined);
    }
  })();
  return {
    done,
    close: async () => {
      abort.abort();
      await messages?.close();
    },
  };
}
