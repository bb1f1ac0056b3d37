import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalyticsInsights1764374400000 implements MigrationInterface {
  name = 'AnalyticsInsights1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "analytics"."process_variant" (
        "id" text PRIMARY KEY,
        "object_type" text NOT NULL,
        "activities" text[] NOT NULL,
        "case_count" int NOT NULL CHECK ("case_count" >= 0),
        "median_duration_seconds" numeric CHECK ("median_duration_seconds" >= 0),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX "IDX_process_variant_type_count" ON "analytics"."process_variant" ("object_type", "case_count" DESC)`,
    );
    await db.query(`
      CREATE TABLE "analytics"."root_cause_finding" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "category" text NOT NULL,
        "dimensions" jsonb NOT NULL,
        "support" numeric NOT NULL CHECK ("support" BETWEEN 0 AND 1),
        "lift" numeric NOT NULL CHECK ("lift" >= 0),
        "p_value" numeric NOT NULL CHECK ("p_value" BETWEEN 0 AND 1),
        "addressed_to" text NOT NULL,
        "summary" text NOT NULL,
        "detected_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX "IDX_root_cause_finding_category_lift" ON "analytics"."root_cause_finding" ("category", "lift" DESC)`,
    );
    await db.query(`
      CREATE TABLE "analytics"."model_version" (
        "model" text NOT NULL,
        "version" text NOT NULL,
        "stage" text NOT NULL
          CONSTRAINT "CHK_model_version_stage" CHECK ("stage" IN ('CHAMPION', 'SHADOW', 'RETIRED')),
        "training_window_from" date NOT NULL,
        "training_window_to" date NOT NULL,
        "metrics" jsonb NOT NULL DEFAULT '{}',
        "feature_list" text[] NOT NULL,
        "data_fingerprint" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("model", "version"),
        CONSTRAINT "CHK_model_version_window" CHECK ("training_window_from" <= "training_window_to")
      )`);
    // One version serves each model's predictions.
    await db.query(
      `CREATE UNIQUE INDEX "UQ_model_version_champion" ON "analytics"."model_version" ("model") WHERE "stage" = 'CHAMPION'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "analytics"."model_version"`);
    await db.query(`DROP TABLE "analytics"."root_cause_finding"`);
    await db.query(`DROP TABLE "analytics"."process_variant"`);
  }
}
