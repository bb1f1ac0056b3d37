import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalyticsInit1764288000000 implements MigrationInterface {
  name = 'AnalyticsInit1764288000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "analytics"."event_log_entry" (
        "event_id" text PRIMARY KEY,
        "occurred_at" timestamptz NOT NULL,
        "activity" text NOT NULL,
        "object_type" text NOT NULL,
        "object_id" text NOT NULL,
        "source" text NOT NULL,
        "attributes" jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query(
      `CREATE INDEX "IDX_event_log_entry_object" ON "analytics"."event_log_entry" ("object_type", "object_id", "occurred_at")`,
    );
    await db.query(
      `CREATE INDEX "IDX_event_log_entry_occurred" ON "analytics"."event_log_entry" ("occurred_at")`,
    );
    await db.query(`
      CREATE TABLE "analytics"."kpi_point" (
        "kpi" text NOT NULL,
        "bucket_start" timestamptz NOT NULL,
        "dimension" text NOT NULL DEFAULT '',
        "value" numeric NOT NULL,
        PRIMARY KEY ("kpi", "bucket_start", "dimension")
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "analytics"."kpi_point"`);
    await db.query(`DROP TABLE "analytics"."event_log_entry"`);
  }
}
