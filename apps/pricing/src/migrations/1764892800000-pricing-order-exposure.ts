import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pricing's own record of the ERP's orders for credit exposure, and indexes for finding a
 * line's candidate contracts (the customer's contracts for a SKU, or for a family) by key.
 */
export class PricingOrderExposure1764892800000 implements MigrationInterface {
  name = 'PricingOrderExposure1764892800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "pricing"."order_exposure" (
        "order_number" text PRIMARY KEY,
        "erp_version" int NOT NULL,
        "customer_id" text,
        "value_cents" bigint NOT NULL,
        "open" boolean NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX "IDX_order_exposure_open_customer" ON "pricing"."order_exposure" ("customer_id") WHERE "open"`,
    );
    await db.query(`CREATE INDEX "IDX_contract_customer_sku" ON "pricing"."contract" ("customer_id", "sku")`);
    await db.query(
      `CREATE INDEX "IDX_contract_customer_family" ON "pricing"."contract" ("customer_id", "family") WHERE "sku" IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "pricing"."IDX_contract_customer_family"`);
    await db.query(`DROP INDEX "pricing"."IDX_contract_customer_sku"`);
    await db.query(`DROP TABLE "pricing"."order_exposure"`);
  }
}
