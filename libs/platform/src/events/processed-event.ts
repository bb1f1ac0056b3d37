import type { EventEnvelope } from '@ordex/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Records that `consumer` processed `events`, inside the caller's transaction, in one statement.
 * Returns the ids it claimed now; an event whose id was claimed before (by an earlier
 * transaction, or earlier in this list) is left out, and the caller skips its effect. The records
 * outlive JetStream's duplicate window, so a re-send days later is recognised too.
 */
export async function claimEvents(
  tx: EntityManager,
  consumer: string,
  events: readonly EventEnvelope<unknown>[],
): Promise<Set<string>> {
  const schema = tx.connection.driver.schema ?? 'public';
  const claimed: { event_id: string }[] = await tx.query(
    `INSERT INTO "${schema}"."processed_event" (consumer, event_id, event_type, subject)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])
     ON CONFLICT (consumer, event_id) DO NOTHING
     RETURNING event_id`,
    [consumer, events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.subject)],
  );
  return new Set(claimed.map((row) => row.event_id));
}
