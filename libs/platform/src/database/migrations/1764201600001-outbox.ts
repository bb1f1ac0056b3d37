import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every publishing service's transactional outbox: events written with the state they describe. */
export class Outbox1764201600001 implements MigrationInterface {
  name = 'Outbox1764201600001';

  async up(db: QueryRunner): Promise<void> {
    const schema = db.connection.driver.schema;
    await db.query(`
      CREATE TABLE "${schema}"."outbox" (
        "seq" bigserial PRIMARY KEY,
        "event_id" text NOT NULL UNIQUE,
        "subject" text NOT NULL,
        "key" text NOT NULL,
        "envelope" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "published_at" timestamptz,
        "attempts" int NOT NULL DEFAULT 0,
        "last_error" text
      )`);
    await db.query(
      `CREATE INDEX "IDX_outbox_pending" ON "${schema}"."outbox" ("seq") WHERE "published_at" IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "${db.connection.driver.schema}"."outbox"`);
  }
}
