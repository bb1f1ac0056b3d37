import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every service's record of the events each of its consumers has applied (idempotency). */
export class ProcessedEvents1764201600000 implements MigrationInterface {
  name = 'ProcessedEvents1764201600000';

  async up(db: QueryRunner): Promise<void> {
    const schema = db.connection.driver.schema;
    await db.query(`
      CREATE TABLE "${schema}"."processed_event" (
        "consumer" text NOT NULL,
        "event_id" text NOT NULL,
        "event_type" text NOT NULL,
        "subject" text NOT NULL,
        "processed_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("consumer", "event_id")
      )`);
    await db.query(`CREATE INDEX "IDX_processed_event_at" ON "${schema}"."processed_event" ("processed_at")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "${db.connection.driver.schema}"."processed_event"`);
  }
}
