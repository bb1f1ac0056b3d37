import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each case keeps how its order's notes were last triaged: the text read, its category and owning team. */
export class CaseNoteTriage1766361600000 implements MigrationInterface {
  name = 'CaseNoteTriage1766361600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."case" ADD COLUMN "note_triage" jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."case" DROP COLUMN "note_triage"`);
  }
}
