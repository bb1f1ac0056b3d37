import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrdersInit1764288000000 implements MigrationInterface {
  name = 'OrdersInit1764288000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "orders"."customer" (
        "id" text PRIMARY KEY,
        "name" text NOT NULL,
        "segment" text NOT NULL,
        "tier" text NOT NULL,
        "payment_terms_days" int NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE "orders"."ship_to" (
        "id" text PRIMARY KEY,
        "customer_id" text NOT NULL,
        "name" text NOT NULL,
        "region" text NOT NULL
      )`);
    await db.query(`CREATE INDEX "IDX_ship_to_customer" ON "orders"."ship_to" ("customer_id")`);
    await db.query(`
      CREATE TABLE "orders"."order" (
        "order_number" text PRIMARY KEY,
        "erp_version" int NOT NULL,
        "customer_id" text NOT NULL,
        "ship_to_id" text,
        "ordered_on" date NOT NULL,
        "requested_date" date NOT NULL,
        "currency" text NOT NULL,
        "status" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX "IDX_order_customer" ON "orders"."order" ("customer_id")`);
    await db.query(`
      CREATE TABLE "orders"."order_line" (
        "order_number" text NOT NULL REFERENCES "orders"."order" ("order_number") ON DELETE CASCADE,
        "line_no" int NOT NULL,
        "sku" text NOT NULL,
        "quantity" int NOT NULL CHECK ("quantity" > 0),
        "unit_price" numeric(14,4) NOT NULL,
        PRIMARY KEY ("order_number", "line_no")
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "orders"."order_line"`);
    await db.query(`DROP TABLE "orders"."order"`);
    await db.query(`DROP TABLE "orders"."ship_to"`);
    await db.query(`DROP TABLE "orders"."customer"`);
  }
}
