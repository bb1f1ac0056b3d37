import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry keeps each model version itself (a small JSON artifact the services load), who
 * registered it, and who promoted it to champion and when: promotion is a person's decision, never
 * the registrant's own.
 */
export class ModelRegistryArtifacts1765929600000 implements MigrationInterface {
  name = 'ModelRegistryArtifacts1765929600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE "analytics"."model_version"
        ADD COLUMN "artifact" jsonb,
        ADD COLUMN "registered_by" text,
        ADD COLUMN "promoted_by" text,
        ADD COLUMN "promoted_at" timestamptz,
        ADD COLUMN "retired_at" timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE "analytics"."model_version"
        DROP COLUMN "artifact", DROP COLUMN "registered_by", DROP COLUMN "promoted_by",
        DROP COLUMN "promoted_at", DROP COLUMN "retired_at"`);
  }
}
