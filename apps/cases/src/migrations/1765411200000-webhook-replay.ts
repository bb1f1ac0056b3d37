import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A replay cursor for partners' webhooks: every delivery gets a position that only grows. A
 * partner stores the position of the last delivery it processed (the `ordex-delivery-cursor`
 * header) and asks for everything after it again after an outage of its own.
 */
export class WebhookReplay1765411200000 implements MigrationInterface {
  name = 'WebhookReplay1765411200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."webhook_delivery" ADD "seq" bigserial`);
    await db.query(
      `CREATE UNIQUE INDEX "UQ_webhook_delivery_subscription_seq" ON "cases"."webhook_delivery" ("subscription_id", "seq")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "cases"."UQ_webhook_delivery_subscription_seq"`);
    await db.query(`ALTER TABLE "cases"."webhook_delivery" DROP "seq"`);
  }
}
