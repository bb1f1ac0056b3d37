import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The KPI ledger: additive tallies (counts, hits, totals) and exact duration distributions per KPI,
 * day and slice, kept as events arrive so a series is read, never recomputed. The one-value-per-point
 * table it replaces was never written. Exceptions gain their SLA due time and carrier, orders the
 * moment the ERP released them, which the ledger measures against.
 */
export class KpiLedger1765843200000 implements MigrationInterface {
  name = 'KpiLedger1765843200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "analytics"."kpi_point"`);
    await db.query(`
      CREATE TABLE "analytics"."kpi_tally" (
        "kpi" text NOT NULL,
        "dimension" text NOT NULL,
        "day" date NOT NULL,
        "member" text NOT NULL,
        "n" bigint NOT NULL DEFAULT 0,
        "hits" bigint NOT NULL DEFAULT 0,
        "total" numeric NOT NULL DEFAULT 0,
        PRIMARY KEY ("kpi", "dimension", "day", "member")
      )`);
    await db.query(`
      CREATE TABLE "analytics"."kpi_duration" (
        "kpi" text NOT NULL,
        "dimension" text NOT NULL,
        "day" date NOT NULL,
        "member" text NOT NULL,
        "seconds" bigint NOT NULL CHECK ("seconds" >= 0),
        "n" bigint NOT NULL,
        PRIMARY KEY ("kpi", "dimension", "day", "member", "seconds")
      )`);
    await db.query(`
      ALTER TABLE "analytics"."exception_fact"
        ADD COLUMN "due_at" timestamptz,
        ADD COLUMN "carrier" text`);
    await db.query(`ALTER TABLE "analytics"."order_fact" ADD COLUMN "released_at" timestamptz`);
    // Recurrence looks back for the same category by SKU, and by the customer's other orders.
    await db.query(
      `CREATE INDEX "IDX_exception_fact_category_sku" ON "analytics"."exception_fact" ("category", "sku", "detected_at")`,
    );
    await db.query(
      `CREATE INDEX "IDX_exception_fact_order_category" ON "analytics"."exception_fact" ("order_number", "category", "detected_at")`,
    );
    await db.query(`CREATE INDEX "IDX_order_fact_customer" ON "analytics"."order_fact" ("customer_id")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "analytics"."IDX_order_fact_customer"`);
    await db.query(`DROP INDEX "analytics"."IDX_exception_fact_order_category"`);
    await db.query(`DROP INDEX "analytics"."IDX_exception_fact_category_sku"`);
    await db.query(`ALTER TABLE "analytics"."order_fact" DROP COLUMN "released_at"`);
    await db.query(`ALTER TABLE "analytics"."exception_fact" DROP COLUMN "due_at", DROP COLUMN "carrier"`);
    await db.query(`DROP TABLE "analytics"."kpi_duration"`);
    await db.query(`DROP TABLE "analytics"."kpi_tally"`);
    await db.query(`
      CREATE TABLE "analytics"."kpi_point" (
        "kpi" text NOT NULL,
        "bucket_start" timestamptz NOT NULL,
        "dimension" text NOT NULL DEFAULT '',
        "value" numeric NOT NULL,
        PRIMARY KEY ("kpi", "bucket_start", "dimension")
      )`);
  }
}
