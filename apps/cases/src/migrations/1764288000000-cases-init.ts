import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CasesInit1764288000000 implements MigrationInterface {
  name = 'CasesInit1764288000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "cases"."case" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "order_number" text NOT NULL UNIQUE,
        "status" text NOT NULL,
        "priority" int NOT NULL DEFAULT 0,
        "opened_at" timestamptz NOT NULL DEFAULT now(),
        "closed_at" timestamptz
      )`);
    await db.query(`CREATE INDEX "IDX_case_status_opened" ON "cases"."case" ("status", "opened_at")`);
    await db.query(`
      CREATE TABLE "cases"."case_exception" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL REFERENCES "cases"."case" ("id") ON DELETE CASCADE,
        "category" text NOT NULL,
        "line_no" int,
        "status" text NOT NULL CHECK ("status" IN ('OPEN', 'CLEARED', 'RESOLVED')),
        "detected_at" timestamptz NOT NULL DEFAULT now(),
        "cleared_at" timestamptz,
        "reason" text NOT NULL
      )`);
    await db.query(`CREATE INDEX "IDX_case_exception_case" ON "cases"."case_exception" ("case_id")`);
    await db.query(`
      CREATE TABLE "cases"."task" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "exception_id" uuid NOT NULL REFERENCES "cases"."case_exception" ("id") ON DELETE CASCADE,
        "team" text NOT NULL,
        "status" text NOT NULL,
        "due_at" timestamptz
      )`);
    await db.query(`CREATE INDEX "IDX_task_exception" ON "cases"."task" ("exception_id")`);
    // No cascade: a case with an audit trail cannot be deleted out from under it.
    await db.query(`
      CREATE TABLE "cases"."audit_entry" (
        "seq" bigserial PRIMARY KEY,
        "case_id" uuid NOT NULL REFERENCES "cases"."case" ("id"),
        "actor" text NOT NULL,
        "action" text NOT NULL,
        "payload" jsonb NOT NULL,
        "prev_hash" text NOT NULL,
        "hash" text NOT NULL,
        "recorded_at" timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX "IDX_audit_entry_case" ON "cases"."audit_entry" ("case_id", "seq")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "cases"."audit_entry"`);
    await db.query(`DROP TABLE "cases"."task"`);
    await db.query(`DROP TABLE "cases"."case_exception"`);
    await db.query(`DROP TABLE "cases"."case"`);
  }
}
