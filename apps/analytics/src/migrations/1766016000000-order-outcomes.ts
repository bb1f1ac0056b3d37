import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each order was promised and when it shipped, and the service-risk decision ordex made on it
 * when its case was first assessed: the pairs oversight judges the risk decisions by.
 */
export class OrderOutcomes1766016000000 implements MigrationInterface {
  name = 'OrderOutcomes1766016000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE "analytics"."order_fact"
        ADD COLUMN "requested_date" date,
        ADD COLUMN "shipped_at" timestamptz,
        ADD COLUMN "risk_probability" float8 CHECK ("risk_probability" BETWEEN 0 AND 1),
        ADD COLUMN "risk_source" text,
        ADD COLUMN "risk_model_version" text`);
    await db.query(
      `CREATE INDEX "IDX_order_fact_shipped" ON "analytics"."order_fact" ("shipped_at") WHERE "risk_probability" IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "analytics"."IDX_order_fact_shipped"`);
    await db.query(`
      ALTER TABLE "analytics"."order_fact"
        DROP COLUMN "requested_date", DROP COLUMN "shipped_at", DROP COLUMN "risk_probability",
        DROP COLUMN "risk_source", DROP COLUMN "risk_model_version"`);
  }
}
