import type { EventEnvelope } from '@ordex/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Records that `consumer` processed `event`, inside the caller's transaction. Returns false when
 * it already had: the caller then skips the effect. The record outlives JetStream's duplicate
 * window, so a re-send days later is recognised too.
 */
export async function claimEvent(
  tx: EntityManager,
  consumer: string,
  event: EventEnvelope<unknown>,
): Promise<boolean> {
  const schema = tx.connection.driver.schema ?? 'public';
  const claimed: unknown[] = await tx.query(
    `INSERT INTO "${schema}"."processed_event" (consumer, event_id, event_type, subject)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (consumer, event_id) DO NOTHING
     RETURNING event_id`,
    [consumer, event.id, event.type, event.subject],
  );
  return claimed.length === 1;
}
