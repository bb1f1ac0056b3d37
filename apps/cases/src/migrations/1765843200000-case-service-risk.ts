import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each case keeps the service-risk decision of its last assessment: the probability and what decided it. */
export class CaseServiceRisk1765843200000 implements MigrationInterface {
  name = 'CaseServiceRisk1765843200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."case" ADD COLUMN "service_risk" jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."case" DROP COLUMN "service_risk"`);
  }
}
