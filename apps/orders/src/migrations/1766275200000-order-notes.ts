import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The free text the ERP holds on an order (customer remarks, order-desk and hold notes). */
export class OrderNotes1766275200000 implements MigrationInterface {
  name = 'OrderNotes1766275200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "orders"."order" ADD COLUMN "notes" text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "orders"."order" DROP COLUMN "notes"`);
  }
}
