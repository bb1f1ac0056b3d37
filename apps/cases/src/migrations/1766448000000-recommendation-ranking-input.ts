import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each recommendation was ranked on (the action-outcome model's inputs), kept so the action
 * taken on it carries them to analytics: a deployment's own outcomes become the next training run's
 * examples.
 */
export class RecommendationRankingInput1766448000000 implements MigrationInterface {
  name = 'RecommendationRankingInput1766448000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."recommendation" ADD COLUMN "ranking_input" jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."recommendation" DROP COLUMN "ranking_input"`);
  }
}
