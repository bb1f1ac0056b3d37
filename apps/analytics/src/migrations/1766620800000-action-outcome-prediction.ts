import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The learned ranking's prediction for each action taken (its success probability and the model
 * version that gave it), so oversight can judge the model on the actions whose fate is known.
 */
export class ActionOutcomePrediction1766620800000 implements MigrationInterface {
  name = 'ActionOutcomePrediction1766620800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE "analytics"."action_outcome"
         ADD COLUMN "success_probability" float8 CHECK ("success_probability" BETWEEN 0 AND 1),
         ADD COLUMN "ranking_model" text`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE "analytics"."action_outcome" DROP COLUMN "ranking_model", DROP COLUMN "success_probability"`,
    );
  }
}
