import type { BusLogger } from './bus-logger';
import type { LiveMessage } from './event-bus';
import { fromMsgHdrs } from './jetstream.codec';
import type { JetStreamConnection } from './jetstream.connection';
import { setTimeout as sleep } from 'node:timers/promises';

/** Wait before a live listener subscribes again after its connection failed. */
const LISTEN_RETRY_MS = 1_000;
/** Message ids a live listener remembers to skip re-published duplicates. */
const LISTEN_DEDUPE_IDS = 10_000;

/** The last `capacity` ids seen, oldest forgotten first. */
class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** True when `id` was seen among the last ids; records it otherwise. Messages without an id pass. */
  seenBefore(id: string | undefined): boolean {
    if (!id) return false;
    if (this.ids.has(id)) return true;
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value as string);
    return false;
  }
}

/**
 * EventBus.listen on JetStream: core NATS subscriptions see what is published to the streams'
 * subjects as it happens; they are made again on every new session, and see nothing while
 * disconnected. A publish JetStream de-duplicated still reaches core subscribers, so recent
 * message ids are skipped.
 */
export function jetStreamListener(
  connection: JetStreamConnection,
  subjects: string[],
  handler: (message: LiveMessage) => void,
  logger?: BusLogger,
): { stop(): Promise<void> } {
  const abort = new AbortController();
  const recent = new RecentIds(LISTEN_DEDUPE_IDS);
  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        const { nc } = await connection.ready(undefined, abort.signal);
        const subscriptions = subjects.map((subject) =>
          nc.subscribe(subject, {
            callback: (error, msg) => {
              if (error || recent.seenBefore(msg.headers?.get('Nats-Msg-Id'))) return;
              handler({ subject: msg.subject, data: msg.data, headers: fromMsgHdrs(msg.headers) });
            },
          }),
        );
        await Promise.race([
          nc.closed(),
          new Promise((resolve) => abort.signal.addEventListener('abort', resolve, { once: true })),
        ]);
        subscriptions.forEach((subscription) => subscription.unsubscribe());
      } catch (error) {
        if (abort.signal.aborted) return;
        logger?.warn({ err: error, subjects }, 'live listener lost its connection; resubscribing');
        await sleep(LISTEN_RETRY_MS, undefined, { signal: abort.signal }).catch(() => undefined);
      }
    }
  })();
  return {
    stop: async () => {
      abort.abort();
      await loop;
    },
  };
}
