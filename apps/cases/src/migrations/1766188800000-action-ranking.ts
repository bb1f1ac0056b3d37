import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The learned ranking of a case's recommendations: each recommendation keeps the action-outcome
 * model's success probability and what moved it; each case keeps what ordered them (model or rules, and why).
 */
export class ActionRanking1766188800000 implements MigrationInterface {
  name = 'ActionRanking1766188800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE "cases"."recommendation"
         ADD COLUMN "success_probability" numeric(5,4),
         ADD COLUMN "ranking_explanation" jsonb NOT NULL DEFAULT '[]'`,
    );
    await db.query(`ALTER TABLE "cases"."case" ADD COLUMN "action_ranking" jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."case" DROP COLUMN "action_ranking"`);
    await db.query(
      `ALTER TABLE "cases"."recommendation" DROP COLUMN "ranking_explanation", DROP COLUMN "success_probability"`,
    );
  }
}
