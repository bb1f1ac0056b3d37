import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook signing secrets and the delivery queue: one row per subscription and event. */
export class WebhookDelivery1764633600002 implements MigrationInterface {
  name = 'WebhookDelivery1764633600002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."webhook_subscription" ADD COLUMN "secret" text NOT NULL DEFAULT ''`);
    await db.query(`ALTER TABLE "cases"."webhook_subscription" ALTER COLUMN "secret" DROP DEFAULT`);
    await db.query(`
      CREATE TABLE "cases"."webhook_delivery" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "subscription_id" uuid NOT NULL REFERENCES "cases"."webhook_subscription" ("id") ON DELETE CASCADE,
        "event_id" text NOT NULL,
        "event_type" text NOT NULL,
        "body" text NOT NULL,
        "status" text NOT NULL DEFAULT 'pending',
        "attempts" int NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "last_error" text,
        "delivered_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        UNIQUE ("subscription_id", "event_id")
      )`);
    await db.query(
      `CREATE INDEX "IDX_webhook_delivery_due" ON "cases"."webhook_delivery" ("next_attempt_at") WHERE "status" = 'pending'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "cases"."webhook_delivery"`);
    await db.query(`ALTER TABLE "cases"."webhook_subscription" DROP COLUMN "secret"`);
  }
}
