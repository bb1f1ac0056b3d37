import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An approval nobody needs any more (its exception cleared by itself) is WITHDRAWN, not left pending. */
export class ApprovalWithdrawn1765584000000 implements MigrationInterface {
  name = 'ApprovalWithdrawn1765584000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."approval" DROP CONSTRAINT "CHK_approval_status"`);
    await db.query(`ALTER TABLE "cases"."approval" ADD CONSTRAINT "CHK_approval_status"
      CHECK ("status" IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE "cases"."approval" SET status = 'REJECTED' WHERE status = 'WITHDRAWN'`);
    await db.query(`ALTER TABLE "cases"."approval" DROP CONSTRAINT "CHK_approval_status"`);
    await db.query(`ALTER TABLE "cases"."approval" ADD CONSTRAINT "CHK_approval_status"
      CHECK ("status" IN ('PENDING', 'APPROVED', 'REJECTED'))`);
  }
}
