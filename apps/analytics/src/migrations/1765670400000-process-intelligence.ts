import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The object-centric event log (OCEL 2.0's shape: events, the objects each touched with a
 * qualifier, objects with attributes) replaces the one-object-per-event log, whose rows move over;
 * and the facts process intelligence keeps as events arrive: orders, exceptions and the customer
 * and product dimensions they are sliced by.
 */
export class ProcessIntelligence1765670400000 implements MigrationInterface {
  name = 'ProcessIntelligence1765670400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "analytics"."ocel_event" (
        "event_id" text PRIMARY KEY,
        "activity" text NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "actor" text,
        "team" text,
        "source" text NOT NULL,
        "attributes" jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query(`CREATE INDEX "IDX_ocel_event_occurred" ON "analytics"."ocel_event" ("occurred_at")`);
    await db.query(`
      CREATE TABLE "analytics"."ocel_event_object" (
        "event_id" text NOT NULL REFERENCES "analytics"."ocel_event" ("event_id") ON DELETE CASCADE,
        "object_type" text NOT NULL,
        "object_id" text NOT NULL,
        "qualifier" text NOT NULL,
        "position" int NOT NULL DEFAULT 0,
        PRIMARY KEY ("event_id", "object_type", "object_id")
      )`);
    await db.query(
      `CREATE INDEX "IDX_ocel_event_object_object" ON "analytics"."ocel_event_object" ("object_type", "object_id")`,
    );
    await db.query(`
      CREATE TABLE "analytics"."ocel_object" (
        "object_type" text NOT NULL,
        "object_id" text NOT NULL,
        "attributes" jsonb NOT NULL DEFAULT '{}',
        PRIMARY KEY ("object_type", "object_id")
      )`);
    await db.query(`
      INSERT INTO "analytics"."ocel_event" (event_id, activity, occurred_at, source, attributes)
      SELECT event_id, activity, occurred_at, source, attributes FROM "analytics"."event_log_entry"`);
    await db.query(`
      INSERT INTO "analytics"."ocel_event_object" (event_id, object_type, object_id, qualifier)
      SELECT event_id, object_type, object_id, object_type FROM "analytics"."event_log_entry"`);
    await db.query(`
      INSERT INTO "analytics"."ocel_object" (object_type, object_id)
      SELECT DISTINCT object_type, object_id FROM "analytics"."event_log_entry"`);
    await db.query(`DROP TABLE "analytics"."event_log_entry"`);

    await db.query(`
      CREATE TABLE "analytics"."customer_dim" (
        "customer_id" text PRIMARY KEY,
        "segment" text NOT NULL,
        "tier" text NOT NULL,
        "ship_to_regions" jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query(`
      CREATE TABLE "analytics"."product_dim" (
        "sku" text PRIMARY KEY,
        "family" text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE "analytics"."order_fact" (
        "order_number" text PRIMARY KEY,
        "customer_id" text NOT NULL,
        "ship_to_id" text,
        "received_at" timestamptz NOT NULL,
        "erp_version" int NOT NULL,
        "skus" text[] NOT NULL,
        "line_skus" jsonb NOT NULL,
        "order_value" numeric NOT NULL,
        "cancelled_at" timestamptz
      )`);
    await db.query(`CREATE INDEX "IDX_order_fact_received" ON "analytics"."order_fact" ("received_at")`);
    await db.query(`
      CREATE TABLE "analytics"."exception_fact" (
        "exception_id" text PRIMARY KEY,
        "case_id" text NOT NULL,
        "order_number" text NOT NULL,
        "category" text NOT NULL,
        "line_no" int,
        "sku" text,
        "dc_code" text,
        "team" text,
        "detected_at" timestamptz NOT NULL,
        "settled_at" timestamptz,
        "settled_by" text,
        "people_actions" int NOT NULL DEFAULT 0 CHECK ("people_actions" >= 0),
        "policy_actions" int NOT NULL DEFAULT 0 CHECK ("policy_actions" >= 0),
        CONSTRAINT "CHK_exception_fact_settled" CHECK ("settled_at" IS NULL OR "settled_at" >= "detected_at")
      )`);
    await db.query(
      `CREATE INDEX "IDX_exception_fact_order" ON "analytics"."exception_fact" ("order_number")`,
    );
    await db.query(
      `CREATE INDEX "IDX_exception_fact_detected" ON "analytics"."exception_fact" ("detected_at")`,
    );
    await db.query(`
      ALTER TABLE "analytics"."root_cause_finding"
        ADD COLUMN "owner" text NOT NULL DEFAULT 'operations',
        ADD COLUMN "rank" int NOT NULL DEFAULT 1,
        ADD COLUMN "units" int NOT NULL DEFAULT 0,
        ADD COLUMN "count" int NOT NULL DEFAULT 0,
        ADD COLUMN "baseline" numeric NOT NULL DEFAULT 0,
        ADD COLUMN "adjusted_p_value" numeric NOT NULL DEFAULT 1`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE "analytics"."root_cause_finding"
        DROP COLUMN "owner", DROP COLUMN "rank", DROP COLUMN "units", DROP COLUMN "count",
        DROP COLUMN "baseline", DROP COLUMN "adjusted_p_value"`);
    await db.query(`DROP TABLE "analytics"."exception_fact"`);
    await db.query(`DROP TABLE "analytics"."order_fact"`);
    await db.query(`DROP TABLE "analytics"."product_dim"`);
    await db.query(`DROP TABLE "analytics"."customer_dim"`);
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
    await db.query(`
      INSERT INTO "analytics"."event_log_entry"
      SELECT DISTINCT ON (e.event_id) e.event_id, e.occurred_at, e.activity, o.object_type, o.object_id, e.source, e.attributes
      FROM "analytics"."ocel_event" e JOIN "analytics"."ocel_event_object" o USING (event_id)
      ORDER BY e.event_id, o.object_type`);
    await db.query(
      `CREATE INDEX "IDX_event_log_entry_object" ON "analytics"."event_log_entry" ("object_type", "object_id", "occurred_at")`,
    );
    await db.query(
      `CREATE INDEX "IDX_event_log_entry_occurred" ON "analytics"."event_log_entry" ("occurred_at")`,
    );
    await db.query(`DROP TABLE "analytics"."ocel_object"`);
    await db.query(`DROP TABLE "analytics"."ocel_event_object"`);
    await db.query(`DROP TABLE "analytics"."ocel_event"`);
  }
}
