import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Acting on a case: each recommendation someone (or policy) takes becomes an action with its own
 * state — waiting for an approval, executing in the ERP, done, rejected or failed — and an
 * approval now says what it approves, who may approve it (role and level from the
 * approval-authority table version that set it) and why it was decided. At most one action per
 * exception is in flight at a time.
 */
export class CaseActions1765152000000 implements MigrationInterface {
  name = 'CaseActions1765152000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "cases"."case_action" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL REFERENCES "cases"."case" ("id"),
        "exception_id" uuid REFERENCES "cases"."case_exception" ("id"),
        "recommendation_id" uuid,
        "action" text NOT NULL,
        "parameters" jsonb NOT NULL DEFAULT '{}',
        "cost" numeric NOT NULL DEFAULT 0,
        "origin" text NOT NULL CHECK ("origin" IN ('PERSON', 'POLICY')),
        "taken_by" text NOT NULL,
        "taken_at" timestamptz NOT NULL,
        "policy_rule" text,
        "note" text,
        "state" text NOT NULL CHECK ("state" IN ('AWAITING_APPROVAL', 'EXECUTING', 'DONE', 'REJECTED', 'FAILED')),
        "outcome" text,
        "settled_at" timestamptz
      )`);
    await db.query(`CREATE INDEX "IDX_case_action_case" ON "cases"."case_action" ("case_id", "taken_at")`);
    await db.query(`
      CREATE UNIQUE INDEX "UQ_case_action_in_flight" ON "cases"."case_action" ("exception_id")
      WHERE "state" IN ('AWAITING_APPROVAL', 'EXECUTING')`);
    // A command's id is its idempotency key: the connector applies it at most once.
    await db.query(`
      CREATE TABLE "cases"."execution_command" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL REFERENCES "cases"."case" ("id"),
        "action_id" uuid NOT NULL REFERENCES "cases"."case_action" ("id"),
        "command_type" text NOT NULL,
        "order_number" text NOT NULL,
        "payload" jsonb NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('PENDING', 'ACCEPTED', 'REJECTED')),
        "requested_at" timestamptz NOT NULL,
        "acknowledged_at" timestamptz,
        "reason" text
      )`);
    await db.query(
      `CREATE INDEX "IDX_execution_command_pending" ON "cases"."execution_command" ("order_number") WHERE "status" = 'PENDING'`,
    );
    await db.query(`
      ALTER TABLE "cases"."approval"
        ADD "action_id" uuid REFERENCES "cases"."case_action" ("id"),
        ADD "required_role" text,
        ADD "table_version" int,
        ADD "note" text,
        ADD "decision_note" text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."approval"
      DROP "action_id", DROP "required_role", DROP "table_version", DROP "note", DROP "decision_note"`);
    await db.query(`DROP TABLE "cases"."execution_command"`);
    await db.query(`DROP TABLE "cases"."case_action"`);
  }
}
