import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exception detection: the orders it watches (from the ERP's order events), the evaluations
 * waiting to run (a durable, de-duplicated work list that several instances share), and on cases
 * and exceptions what re-evaluation records — why an exception cleared, the figures it rested
 * on, reopenings and rework. One open case per order at a time: a case closed long ago stays
 * closed and a new one opens.
 */
export class CaseDetection1764979200000 implements MigrationInterface {
  name = 'CaseDetection1764979200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "cases"."watched_order" (
        "order_number" text PRIMARY KEY,
        "customer_id" text NOT NULL,
        "erp_version" int NOT NULL,
        "skus" text[] NOT NULL,
        "requested_date" date NOT NULL,
        "open" boolean NOT NULL
      )`);
    await db.query(
      `CREATE INDEX "IDX_watched_order_customer" ON "cases"."watched_order" ("customer_id") WHERE "open"`,
    );
    await db.query(`CREATE INDEX "IDX_watched_order_skus" ON "cases"."watched_order" USING gin ("skus")`);
    await db.query(
      `CREATE INDEX "IDX_watched_order_date" ON "cases"."watched_order" ("requested_date") WHERE "open"`,
    );
    await db.query(`
      CREATE TABLE "cases"."evaluation_request" (
        "order_number" text PRIMARY KEY,
        "reason" text NOT NULL,
        "due_at" timestamptz NOT NULL,
        "generation" int NOT NULL DEFAULT 1,
        "attempts" int NOT NULL DEFAULT 0,
        "lease_until" timestamptz,
        "min_erp_version" int
      )`);
    await db.query(`CREATE INDEX "IDX_evaluation_request_due" ON "cases"."evaluation_request" ("due_at")`);

    await db.query(`ALTER TABLE "cases"."case" DROP CONSTRAINT IF EXISTS "case_order_number_key"`);
    await db.query(
      `CREATE UNIQUE INDEX "UQ_case_open_per_order" ON "cases"."case" ("order_number") WHERE "status" <> 'CLOSED'`,
    );
    await db.query(`CREATE INDEX "IDX_case_order" ON "cases"."case" ("order_number", "opened_at")`);
    await db.query(`
      ALTER TABLE "cases"."case"
        ADD COLUMN "erp_version" int,
        ADD COLUMN "evaluated_at" timestamptz,
        ADD COLUMN "reopened_count" int NOT NULL DEFAULT 0,
        ADD COLUMN "rework_count" int NOT NULL DEFAULT 0`);
    await db.query(`
      ALTER TABLE "cases"."case_exception"
        ADD COLUMN "clear_reason" text,
        ADD COLUMN "facts" jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await db.query(`
      CREATE UNIQUE INDEX "UQ_case_exception_open" ON "cases"."case_exception"
        ("case_id", "category", COALESCE("line_no", 0)) WHERE "status" = 'OPEN'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "cases"."UQ_case_exception_open"`);
    await db.query(`ALTER TABLE "cases"."case_exception" DROP COLUMN "facts", DROP COLUMN "clear_reason"`);
    await db.query(`
      ALTER TABLE "cases"."case"
        DROP COLUMN "rework_count", DROP COLUMN "reopened_count", DROP COLUMN "evaluated_at", DROP COLUMN "erp_version"`);
    await db.query(`DROP INDEX "cases"."IDX_case_order"`);
    await db.query(`DROP INDEX "cases"."UQ_case_open_per_order"`);
    await db.query(
      `ALTER TABLE "cases"."case" ADD CONSTRAINT "case_order_number_key" UNIQUE ("order_number")`,
    );
    await db.query(`DROP TABLE "cases"."evaluation_request"`);
    await db.query(`DROP TABLE "cases"."watched_order"`);
  }
}
