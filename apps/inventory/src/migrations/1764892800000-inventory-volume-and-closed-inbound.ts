import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Products gain their volume (erp.product.changed.v1 volumeM3, unknown until measured), and a
 * purchase order line may be closed with quantity 0 (received or cancelled) instead of being
 * refused by the check. Open lines are listed per DC by ETA.
 */
export class InventoryVolumeAndClosedInbound1764892800000 implements MigrationInterface {
  name = 'InventoryVolumeAndClosedInbound1764892800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "inventory"."product" ADD COLUMN "volume_m3" numeric(14,6)`);
    await db.query(
      `ALTER TABLE "inventory"."inbound_purchase_order" DROP CONSTRAINT "inbound_purchase_order_quantity_check"`,
    );
    await db.query(
      `ALTER TABLE "inventory"."inbound_purchase_order"
         ADD CONSTRAINT "CHK_inbound_purchase_order_quantity" CHECK ("quantity" >= 0)`,
    );
    await db.query(
      `CREATE INDEX "IDX_inbound_purchase_order_open_dc"
         ON "inventory"."inbound_purchase_order" ("dc_code", "eta", "id") WHERE "quantity" > 0`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "inventory"."IDX_inbound_purchase_order_open_dc"`);
    await db.query(`DELETE FROM "inventory"."inbound_purchase_order" WHERE "quantity" = 0`);
    await db.query(
      `ALTER TABLE "inventory"."inbound_purchase_order" DROP CONSTRAINT "CHK_inbound_purchase_order_quantity"`,
    );
    await db.query(
      `ALTER TABLE "inventory"."inbound_purchase_order"
         ADD CONSTRAINT "inbound_purchase_order_quantity_check" CHECK ("quantity" > 0)`,
    );
    await db.query(`ALTER TABLE "inventory"."product" DROP COLUMN "volume_m3"`);
  }
}
