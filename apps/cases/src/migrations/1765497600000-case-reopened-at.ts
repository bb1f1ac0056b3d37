import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a case last reopened: decisions taken before it (an approved override, an accepted
 * backorder) belong to the earlier episode and do not settle an exception that recurs.
 */
export class CaseReopenedAt1765497600000 implements MigrationInterface {
  name = 'CaseReopenedAt1765497600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."case" ADD "reopened_at" timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."case" DROP "reopened_at"`);
  }
}
