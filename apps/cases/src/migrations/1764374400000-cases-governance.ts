import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CasesGovernance1764374400000 implements MigrationInterface {
  name = 'CasesGovernance1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "cases"."recommendation" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL REFERENCES "cases"."case" ("id") ON DELETE CASCADE,
        "exception_id" uuid REFERENCES "cases"."case_exception" ("id") ON DELETE CASCADE,
        "action" text NOT NULL CHECK ("action" IN (
          'ALTERNATE_DC', 'SPLIT_SHIPMENT', 'SUBSTITUTE', 'BACKORDER', 'CORRECT_PRICE',
          'APPROVE_PRICE_OVERRIDE', 'CREDIT_RELEASE', 'REQUIRE_PREPAYMENT', 'REBOOK_CARRIER',
          'EXPEDITE', 'NOTIFY_CUSTOMER', 'FIX_MASTER_DATA', 'RESYNC_ERP', 'ESCALATE')),
        "cost" numeric NOT NULL,
        "margin_effect" numeric NOT NULL,
        "date_effect_days" int NOT NULL,
        "confidence" numeric NOT NULL CHECK ("confidence" BETWEEN 0 AND 1),
        "reason" text NOT NULL,
        "automatable" boolean NOT NULL DEFAULT false,
        "rank" int NOT NULL CHECK ("rank" >= 1),
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX "IDX_recommendation_case_rank" ON "cases"."recommendation" ("case_id", "rank")`,
    );
    // No cascade: a decision that needed authority stays on the record with its case.
    await db.query(`
      CREATE TABLE "cases"."approval" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL REFERENCES "cases"."case" ("id"),
        "subject" text NOT NULL,
        "amount" numeric,
        "level" int NOT NULL CHECK ("level" >= 1),
        "requested_by" text NOT NULL,
        "requested_at" timestamptz NOT NULL DEFAULT now(),
        "decided_by" text,
        "decided_at" timestamptz,
        "status" text NOT NULL DEFAULT 'PENDING'
          CONSTRAINT "CHK_approval_status" CHECK ("status" IN ('PENDING', 'APPROVED', 'REJECTED')),
        CONSTRAINT "CHK_approval_four_eyes" CHECK ("decided_by" <> "requested_by")
      )`);
    await db.query(`CREATE INDEX "IDX_approval_case" ON "cases"."approval" ("case_id", "requested_at")`);
    await db.query(`
      CREATE TABLE "cases"."decision_table" (
        "key" text NOT NULL,
        "version" int NOT NULL CHECK ("version" >= 1),
        "content" jsonb NOT NULL,
        "created_by" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "comment" text NOT NULL,
        PRIMARY KEY ("key", "version")
      )`);
    await db.query(`
      CREATE TABLE "cases"."webhook_subscription" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "partner_id" text NOT NULL,
        "url" text NOT NULL,
        "event_types" text[] NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX "IDX_webhook_subscription_partner" ON "cases"."webhook_subscription" ("partner_id")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "cases"."webhook_subscription"`);
    await db.query(`DROP TABLE "cases"."decision_table"`);
    await db.query(`DROP TABLE "cases"."approval"`);
    await db.query(`DROP TABLE "cases"."recommendation"`);
  }
}
