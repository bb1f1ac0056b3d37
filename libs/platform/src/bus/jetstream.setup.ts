import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { ResolvedConsumerSpec } from './consumer-spec.util';
import type { StreamSpec } from './stream-spec';
import { coveringFilter } from './subject.util';

/** Creates the stream or brings its subjects and duplicate window up to date. */
export async function ensureStream(
  jsm: JetStreamManager,
  spec: StreamSpec,
  duplicateWindowMs: number,
): Promise<void> {
  const mutable = { subjects: spec.subjects, duplicate_window: nanos(duplicateWindowMs) };
  await createOrUpdate(
    JetStreamApiCodes.StreamNotFound,
    () => jsm.streams.info(spec.name),
    () =>
      jsm.streams.add({
        name: spec.name,
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        ...mutable,
      }),
    () => jsm.streams.update(spec.name, mutable),
  );
}

/** Groups subject filters by the stream holding them; each filter must fall in exactly one. */
export async function groupByStream(
  jsm: JetStreamManager,
  subjects: readonly string[],
): Promise<Map<string, string[]>> {
  const groups = new Map<string, string[]>();
  for (const subject of subjects) {
    const stream = await jsm.streams.find(subject).catch((error: unknown) => {
      // Only the server's answer says something about the filter; a timeout says NATS is away.
      if (!(error instanceof JetStreamApiError)) throw error;
      throw new Error(`Subject filter "${subject}" must fall in exactly one stream`, { cause: error });
    });
    groups.set(stream, [...(groups.get(stream) ?? []), subject]);
  }
  return groups;
}

/**
 * Creates or updates the durable pull consumer of `spec` on `stream`.
 *
 * One durable per stream reads all of the spec's subjects in that stream through a single
 * `filter_subject`: the subject itself, or the narrowest wildcard covering all of them, since
 * NATS 2.9 has no `filter_subjects`. The pump acks messages the wildcard lets through that no
 * requested subject matches. A single consumer (rather than one per subject) keeps stream order
 * across the subjects, which `orderedByKey` relies on.
 *
 * Redelivery delays come from nak(delay) and not the consumer `backoff` setting: the server
 * applies `backoff` only when ack wait expires, and its first entry replaces `ack_wait`.
 * `max_deliver` stays unlimited because the processor dead-letters deliveries beyond
 * `maxDeliver` itself, including those whose earlier deliveries expired unacknowledged.
 */
export async function ensureConsumer(
  jsm: JetStreamManager,
  stream: string,
  spec: ResolvedConsumerSpec,
  subjects: readonly string[],
): Promise<void> {
  const mutable = {
    ack_wait: nanos(spec.ackWaitMs),
    max_deliver: -1,
    filter_subject: coveringFilter(subjects),
  };
  await createOrUpdate(
    JetStreamApiCodes.ConsumerNotFound,
    () => jsm.consumers.info(stream, spec.durable),
    () =>
      jsm.consumers.add(stream, {
        durable_name: spec.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ...mutable,
      }),
    () => jsm.consumers.update(stream, spec.durable, mutable),
  );
}

async function createOrUpdate(
  notFoundCode: number,
  info: () => Promise<unknown>,
  create: () => Promise<unknown>,
  update: () => Promise<unknown>,
): Promise<void> {
  try {
    await info();
  } catch (error) {
    if (!(error instanceof JetStreamApiError && error.code === notFoundCode)) throw error;
    // Another instance may create it between our lookup and our create.
    await create().catch(update);
    return;
  }
  await update();
}
