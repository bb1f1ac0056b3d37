import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which customers each trading partner acts for, in the schema of a service that filters by it. */
export class PartnerDirectory1764633600000 implements MigrationInterface {
  name = 'PartnerDirectory1764633600000';

  async up(db: QueryRunner): Promise<void> {
    const schema = db.connection.driver.schema;
    await db.query(`
      CREATE TABLE "${schema}"."partner" (
        "id" text PRIMARY KEY,
        "name" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE "${schema}"."partner_customer" (
        "partner_id" text NOT NULL REFERENCES "${schema}"."partner" ("id") ON DELETE CASCADE,
        "customer_id" text NOT NULL,
        PRIMARY KEY ("partner_id", "customer_id")
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    const schema = db.connection.driver.schema;
    await db.query(`DROP TABLE "${schema}"."partner_customer"`);
    await db.query(`DROP TABLE "${schema}"."partner"`);
  }
}
