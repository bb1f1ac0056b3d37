import type { EventEnvelope } from '@ordex/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Writes events into the service's outbox inside the caller's transaction, in one statement and
 * in the order given, so an event exists if and only if the state change it describes was
 * committed. The relay publishes them later, in that order. Returns the ids written now; an event
 * whose id is already in the outbox is left out.
 */
export async function enqueueEvents(
  tx: EntityManager,
  events: readonly EventEnvelope<unknown>[],
): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const schema = tx.connection.driver.schema ?? 'public';
  // WITH ORDINALITY keeps the list's order in the outbox's sequence.
  const inserted: { event_id: string }[] = await tx.query(
    `INSERT INTO "${schema}"."outbox" (event_id, subject, key, envelope)
     SELECT event_id, subject, key, envelope::jsonb
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
            WITH ORDINALITY AS e(event_id, subject, key, envelope, position)
      ORDER BY position
     ON CONFLICT (event_id) DO NOTHING
     RETURNING event_id`,
    [
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => e.subject),
      events.map((e) => JSON.stringify(e)),
    ],
  );
  return new Set(inserted.map((row) => row.event_id));
}

/** {@link enqueueEvents} for one event; false when an event with its id is already in the outbox. */
export async function enqueueEvent(tx: EntityManager, event: EventEnvelope<unknown>): Promise<boolean> {
  return (await enqueueEvents(tx, [event])).has(event.id);
}
