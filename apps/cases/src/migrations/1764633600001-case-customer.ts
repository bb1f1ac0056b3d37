import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The customer a case's order belongs to: what partner systems' access is decided by. */
export class CaseCustomer1764633600001 implements MigrationInterface {
  name = 'CaseCustomer1764633600001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."case" ADD COLUMN "customer_id" text`);
    await db.query(`CREATE INDEX "IDX_case_customer" ON "cases"."case" ("customer_id")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "cases"."IDX_case_customer"`);
    await db.query(`ALTER TABLE "cases"."case" DROP COLUMN "customer_id"`);
  }
}
