import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * erp.carrier.changed.v2 brings each carrier's depots (daily capacity, cut-off, time zone) and its
 * lanes with a minimum charge; routing rules gain delivery windows and carrier restrictions;
 * logistics keeps products' weights and volumes for shipment planning.
 */
export class LogisticsShipmentOptions1764892800000 implements MigrationInterface {
  name = 'LogisticsShipmentOptions1764892800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "logistics"."carrier_depot" (
        "carrier_code" text NOT NULL,
        "dc_code" text NOT NULL,
        "daily_capacity_kg" numeric(14,3) NOT NULL CHECK ("daily_capacity_kg" >= 0),
        "cutoff_local_time" text NOT NULL CHECK ("cutoff_local_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        "time_zone" text NOT NULL,
        PRIMARY KEY ("carrier_code", "dc_code")
      )`);
    await db.query(`CREATE INDEX "IDX_carrier_depot_dc" ON "logistics"."carrier_depot" ("dc_code")`);
    await db.query(
      `ALTER TABLE "logistics"."lane" ADD COLUMN "minimum_charge" numeric(12,2) NOT NULL DEFAULT 0 CHECK ("minimum_charge" >= 0)`,
    );
    await db.query(
      `CREATE UNIQUE INDEX "UQ_lane_carrier_dc_region" ON "logistics"."lane" ("carrier_code", "dc_code", "region")`,
    );
    await db.query(`CREATE INDEX "IDX_lane_region" ON "logistics"."lane" ("region")`);
    // Shipment options read the slots of every DC over the orders' date ranges.
    await db.query(`CREATE INDEX "IDX_capacity_slot_date" ON "logistics"."capacity_slot" ("ship_date")`);
    await db.query(`
      ALTER TABLE "logistics"."routing_rule"
        ADD COLUMN "delivery_windows" jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN "allowed_carriers" text[] NOT NULL DEFAULT '{}',
        ADD COLUMN "excluded_carriers" text[] NOT NULL DEFAULT '{}'`);
    await db.query(`
      CREATE TABLE "logistics"."product_dimension" (
        "sku" text PRIMARY KEY,
        "weight_kg" numeric(14,6) NOT NULL CHECK ("weight_kg" >= 0),
        "volume_m3" numeric(14,6) CHECK ("volume_m3" >= 0)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "logistics"."product_dimension"`);
    await db.query(`
      ALTER TABLE "logistics"."routing_rule"
        DROP COLUMN "excluded_carriers",
        DROP COLUMN "allowed_carriers",
        DROP COLUMN "delivery_windows"`);
    await db.query(`DROP INDEX "logistics"."IDX_capacity_slot_date"`);
    await db.query(`DROP INDEX "logistics"."IDX_lane_region"`);
    await db.query(`DROP INDEX "logistics"."UQ_lane_carrier_dc_region"`);
    await db.query(`ALTER TABLE "logistics"."lane" DROP COLUMN "minimum_charge"`);
    await db.query(`DROP TABLE "logistics"."carrier_depot"`);
  }
}
