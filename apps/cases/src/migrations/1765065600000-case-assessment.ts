import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUTOMATION_POLICY_TABLE_V1 } from '@ordex/decision';
import { ROUTING_TABLE_V1 } from '../decision-tables/domain/routing.table';
import { SLA_TARGETS_TABLE_V1 } from '../sla/domain/sla-targets.table';

const SEEDED_TABLES: [key: string, content: unknown, comment: string][] = [
  [
    'routing',
    ROUTING_TABLE_V1,
    'Initial routing: the taxonomy owners; shortages with no stock anywhere to procurement',
  ],
  [
    'sla-targets',
    SLA_TARGETS_TABLE_V1,
    'Initial SLA targets by category and tier; at risk at 75 %, manager at 150 %',
  ],
  [
    'automation-policy',
    AUTOMATION_POLICY_TABLE_V1,
    'Initial automation policy: cheap on-time alternate DC and same-day rebooking, ERP resync; prices to finance',
  ],
];

/**
 * Assessing a case: its priority with each factor's contribution, SLA deadlines on business
 * calendars and the escalation ladder that runs on them, the governance-table versions the case
 * was decided with, and what a recommendation needs to be executed. Seeds version 1 of the
 * routing, SLA-target and automation-policy tables and the DEFAULT business calendar.
 */
export class CaseAssessment1765065600000 implements MigrationInterface {
  name = 'CaseAssessment1765065600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE "cases"."case"
        ADD "region" text,
        ADD "priority_factors" jsonb NOT NULL DEFAULT '[]',
        ADD "priority_inputs" jsonb,
        ADD "rule_versions" jsonb NOT NULL DEFAULT '{}'`);
    await db.query(`CREATE INDEX "IDX_case_open_priority" ON "cases"."case" ("priority" DESC, "opened_at")
      WHERE "status" <> 'CLOSED'`);
    await db.query(`
      ALTER TABLE "cases"."task"
        ADD "created_at" timestamptz NOT NULL DEFAULT now(),
        ADD "closed_at" timestamptz,
        ADD "sla_target_minutes" int CHECK ("sla_target_minutes" > 0),
        ADD "at_risk_at" timestamptz,
        ADD "escalation_level" int NOT NULL DEFAULT 0,
        ADD "assignee" text`);
    await db.query(`CREATE INDEX "IDX_task_queue" ON "cases"."task" ("team", "status", "due_at")`);
    await db.query(`
      ALTER TABLE "cases"."recommendation"
        ADD "parameters" jsonb NOT NULL DEFAULT '{}',
        ADD "policy_rule" text`);
    await db.query(`
      CREATE TABLE "cases"."business_calendar" (
        "region" text PRIMARY KEY,
        "time_zone" text NOT NULL,
        "holiday_country" text,
        "holiday_state" text,
        "working_hours" jsonb NOT NULL,
        "closures" text[] NOT NULL DEFAULT '{}',
        "updated_by" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `
      INSERT INTO "cases"."business_calendar" (region, time_zone, working_hours, updated_by)
      VALUES ('DEFAULT', 'UTC', $1::jsonb, 'ordex')`,
      [JSON.stringify(Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ from: '08:00', to: '18:00' }]])))],
    );
    // One row per step of a task's ladder; a step fires once (state), whichever instance claims it.
    await db.query(`
      CREATE TABLE "cases"."escalation" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "task_id" uuid NOT NULL REFERENCES "cases"."task" ("id") ON DELETE CASCADE,
        "case_id" uuid NOT NULL REFERENCES "cases"."case" ("id") ON DELETE CASCADE,
        "step" int NOT NULL CHECK ("step" >= 1),
        "kind" text NOT NULL CHECK ("kind" IN ('AT_RISK', 'BREACHED', 'MANAGER')),
        "due_at" timestamptz NOT NULL,
        "state" text NOT NULL DEFAULT 'PENDING' CHECK ("state" IN ('PENDING', 'FIRED', 'CANCELLED')),
        "fired_at" timestamptz,
        "fired_by" text,
        UNIQUE ("task_id", "step")
      )`);
    await db.query(
      `CREATE INDEX "IDX_escalation_due" ON "cases"."escalation" ("due_at") WHERE "state" = 'PENDING'`,
    );
    for (const [key, content, comment] of SEEDED_TABLES) {
      await db.query(
        `INSERT INTO "cases"."decision_table" (key, version, content, created_by, comment)
         VALUES ($1, 1, $2::jsonb, 'ordex', $3) ON CONFLICT DO NOTHING`,
        [key, JSON.stringify(content), comment],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM "cases"."decision_table" WHERE version = 1 AND key = ANY($1)`, [
      SEEDED_TABLES.map(([key]) => key),
    ]);
    await db.query(`DROP TABLE "cases"."escalation"`);
    await db.query(`DROP TABLE "cases"."business_calendar"`);
    await db.query(`ALTER TABLE "cases"."recommendation" DROP "parameters", DROP "policy_rule"`);
    await db.query(`DROP INDEX "cases"."IDX_task_queue"`);
    await db.query(`ALTER TABLE "cases"."task"
      DROP "created_at", DROP "closed_at", DROP "sla_target_minutes", DROP "at_risk_at", DROP "escalation_level", DROP "assignee"`);
    await db.query(`DROP INDEX "cases"."IDX_case_open_priority"`);
    await db.query(`ALTER TABLE "cases"."case"
      DROP "region", DROP "priority_factors", DROP "priority_inputs", DROP "rule_versions"`);
  }
}
