import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each action taken was ranked on (the cases service's `rankingInput`): with its fate, the
 * example a deployment's own history trains the next action-outcome model on.
 */
export class ActionOutcomeRankingInput1766534400000 implements MigrationInterface {
  name = 'ActionOutcomeRankingInput1766534400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "analytics"."action_outcome" ADD COLUMN "ranking_input" jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "analytics"."action_outcome" DROP COLUMN "ranking_input"`);
  }
}
