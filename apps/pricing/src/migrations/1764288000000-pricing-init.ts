import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PricingInit1764288000000 implements MigrationInterface {
  name = 'PricingInit1764288000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "pricing"."contract" (
        "id" text PRIMARY KEY,
        "customer_id" text NOT NULL,
        "sku" text,
        "family" text,
        "price" numeric(14,4) NOT NULL,
        "tolerance_pct" numeric(7,3) NOT NULL,
        "margin_floor_pct" numeric(7,3) NOT NULL,
        "valid_from" date NOT NULL,
        "valid_to" date NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX "IDX_contract_customer" ON "pricing"."contract" ("customer_id")`);
    await db.query(`
      CREATE TABLE "pricing"."price_list_entry" (
        "sku" text PRIMARY KEY,
        "family" text NOT NULL,
        "list_price" numeric(14,4) NOT NULL,
        "unit_cost" numeric(14,4) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE "pricing"."credit_account" (
        "customer_id" text PRIMARY KEY,
        "credit_limit" numeric(16,2) NOT NULL,
        "open_receivables" numeric(16,2) NOT NULL,
        "overdue_days" int NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "pricing"."credit_account"`);
    await db.query(`DROP TABLE "pricing"."price_list_entry"`);
    await db.query(`DROP TABLE "pricing"."contract"`);
  }
}
