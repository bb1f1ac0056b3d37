import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every action taken on a case, with its fate as the steps after it tell it: approved or rejected,
 * accepted or refused by the ERP, settling its exception, undone by rework. What the next training
 * run of a model of actions' outcomes learns from.
 */
export class ActionOutcomes1766102400000 implements MigrationInterface {
  name = 'ActionOutcomes1766102400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "analytics"."action_outcome" (
        "action_id" text PRIMARY KEY,
        "case_id" text NOT NULL,
        "order_number" text NOT NULL,
        "exception_id" text,
        "action" text NOT NULL,
        "rank" int,
        "by_person" boolean NOT NULL,
        "taken_by" text,
        "taken_at" timestamptz NOT NULL,
        "cost" numeric NOT NULL DEFAULT 0,
        "approval_id" text,
        "approval_decision" text,
        "decided_at" timestamptz,
        "command_outcome" text,
        "acknowledged_at" timestamptz,
        "settled_at" timestamptz,
        "reworked_at" timestamptz
      )`);
    await db.query(`CREATE INDEX "IDX_action_outcome_taken" ON "analytics"."action_outcome" ("taken_at")`);
    await db.query(
      `CREATE INDEX "IDX_action_outcome_exception" ON "analytics"."action_outcome" ("exception_id")`,
    );
    await db.query(`CREATE INDEX "IDX_action_outcome_case" ON "analytics"."action_outcome" ("case_id")`);
    await db.query(
      `CREATE INDEX "IDX_action_outcome_approval" ON "analytics"."action_outcome" ("approval_id")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "analytics"."action_outcome"`);
  }
}
