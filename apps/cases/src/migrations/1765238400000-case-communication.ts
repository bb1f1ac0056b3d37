import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer communication: what the case knows of the order as the customer placed it (lines,
 * currency, the date first requested) and the revised-commitment message drafted from the
 * resolution, for customer service to review and send.
 */
export class CaseCommunication1765238400000 implements MigrationInterface {
  name = 'CaseCommunication1765238400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."case" ADD "order_snapshot" jsonb, ADD "customer_message" jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "cases"."case" DROP "order_snapshot", DROP "customer_message"`);
  }
}
