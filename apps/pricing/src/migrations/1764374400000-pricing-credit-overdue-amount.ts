import type { MigrationInterface, QueryRunner } from 'typeorm';

/** erp.credit.updated.v2 reports the amount overdue; rows from v1 events leave it unknown. */
export class PricingCreditOverdueAmount1764374400000 implements MigrationInterface {
  name = 'PricingCreditOverdueAmount1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "pricing"."credit_account" ADD COLUMN "overdue_amount" numeric(16,2)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "pricing"."credit_account" DROP COLUMN "overdue_amount"`);
  }
}
