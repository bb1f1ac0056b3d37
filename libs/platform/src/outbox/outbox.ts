import type { EventEnvelope } from '@ordex/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Writes an event into the service's outbox inside the caller's transaction, so the event exists
 * if and only if the state change it describes was committed. The relay publishes it later.
 * Returns false when an event with that id is already in the outbox.
 */
export async function enqueueEvent(tx: EntityManager, event: EventEnvelope<unknown>): Promise<boolean> {
  const schema = tx.connection.driver.schema ?? 'public';
  const inserted: unknown[] = await tx.query(
    `INSERT INTO "${schema}"."outbox" (event_id, subject, key, envelope) VALUES ($1, $2, $3, $4)
     ON CONFLICT (event_id) DO NOTHING
     RETURNING event_id`,
    [event.id, event.type, event.subject, JSON.stringify(event)],
  );
  return inserted.length === 1;
}
