import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InventoryInit1764288000000 implements MigrationInterface {
  name = 'InventoryInit1764288000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "inventory"."product" (
        "sku" text PRIMARY KEY,
        "name" text NOT NULL,
        "family" text NOT NULL,
        "unit_of_measure" text NOT NULL,
        "weight_kg" numeric(12,3) NOT NULL,
        "unit_cost" numeric(14,4) NOT NULL,
        "list_price" numeric(14,4) NOT NULL,
        "substitutes" text[] NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE "inventory"."distribution_center" (
        "code" text PRIMARY KEY,
        "name" text NOT NULL,
        "region" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE "inventory"."stock" (
        "sku" text NOT NULL,
        "dc_code" text NOT NULL,
        "on_hand" int NOT NULL,
        "allocated" int NOT NULL,
        PRIMARY KEY ("sku", "dc_code")
      )`);
    await db.query(`CREATE INDEX "IDX_stock_dc" ON "inventory"."stock" ("dc_code")`);
    await db.query(`
      CREATE TABLE "inventory"."stock_snapshot" (
        "dc_code" text PRIMARY KEY,
        "as_of" timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE "inventory"."inbound_purchase_order" (
        "id" text PRIMARY KEY,
        "sku" text NOT NULL,
        "dc_code" text NOT NULL,
        "quantity" int NOT NULL CHECK ("quantity" > 0),
        "eta" date NOT NULL
      )`);
    await db.query(
      `CREATE INDEX "IDX_inbound_purchase_order_sku" ON "inventory"."inbound_purchase_order" ("sku")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "inventory"."inbound_purchase_order"`);
    await db.query(`DROP TABLE "inventory"."stock_snapshot"`);
    await db.query(`DROP TABLE "inventory"."stock"`);
    await db.query(`DROP TABLE "inventory"."distribution_center"`);
    await db.query(`DROP TABLE "inventory"."product"`);
  }
}
