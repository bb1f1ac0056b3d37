import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LogisticsInit1764288000000 implements MigrationInterface {
  name = 'LogisticsInit1764288000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "logistics"."carrier" (
        "code" text PRIMARY KEY,
        "name" text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE "logistics"."lane" (
        "id" text PRIMARY KEY,
        "carrier_code" text NOT NULL,
        "dc_code" text NOT NULL,
        "region" text NOT NULL,
        "transit_days" int NOT NULL CHECK ("transit_days" >= 0),
        "cost_per_kg" numeric(12,4) NOT NULL
      )`);
    await db.query(`CREATE INDEX "IDX_lane_carrier" ON "logistics"."lane" ("carrier_code")`);
    await db.query(`
      CREATE TABLE "logistics"."capacity_slot" (
        "carrier_code" text NOT NULL,
        "dc_code" text NOT NULL,
        "ship_date" date NOT NULL,
        "capacity_kg" numeric(14,3) NOT NULL CHECK ("capacity_kg" >= 0),
        "booked_kg" numeric(14,3) NOT NULL DEFAULT 0 CHECK ("booked_kg" >= 0),
        PRIMARY KEY ("carrier_code", "dc_code", "ship_date")
      )`);
    await db.query(
      `CREATE INDEX "IDX_capacity_slot_dc_date" ON "logistics"."capacity_slot" ("dc_code", "ship_date")`,
    );
    await db.query(`
      CREATE TABLE "logistics"."routing_rule" (
        "customer_id" text PRIMARY KEY,
        "ship_complete" boolean NOT NULL DEFAULT false,
        "allowed_dcs" text[] NOT NULL DEFAULT '{}',
        "preferred_dc" text
      )`);
    await db.query(`
      CREATE TABLE "logistics"."shipment_plan" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "order_number" text NOT NULL,
        "dc_code" text NOT NULL,
        "carrier_code" text NOT NULL,
        "ship_date" date NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX "IDX_shipment_plan_order" ON "logistics"."shipment_plan" ("order_number")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "logistics"."shipment_plan"`);
    await db.query(`DROP TABLE "logistics"."routing_rule"`);
    await db.query(`DROP TABLE "logistics"."capacity_slot"`);
    await db.query(`DROP TABLE "logistics"."lane"`);
    await db.query(`DROP TABLE "logistics"."carrier"`);
  }
}
