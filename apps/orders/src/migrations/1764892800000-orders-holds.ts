import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Holds ordex asks the ERP for, and the commands it sends the ERP connector with their answers. */
export class OrdersHolds1764892800000 implements MigrationInterface {
  name = 'OrdersHolds1764892800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "orders"."order_hold" (
        "id" uuid PRIMARY KEY,
        "seq" bigint GENERATED ALWAYS AS IDENTITY,
        "order_number" text NOT NULL REFERENCES "orders"."order" ("order_number"),
        "type" text NOT NULL,
        "reason" text NOT NULL,
        "state" text NOT NULL
          CHECK ("state" IN ('REQUESTED', 'ACTIVE', 'REJECTED', 'RELEASE_REQUESTED', 'RELEASED')),
        "requested_by" text NOT NULL,
        "requested_at" timestamptz NOT NULL,
        "placed_at" timestamptz,
        "release_reason" text,
        "release_requested_by" text,
        "release_requested_at" timestamptz,
        "released_by" text,
        "released_at" timestamptz,
        "rejection_reason" text
      )`);
    await db.query(
      `CREATE INDEX "IDX_order_hold_order" ON "orders"."order_hold" ("order_number", "requested_at" DESC, "seq" DESC)`,
    );
    // One open hold per order and type, even when two requests race.
    await db.query(
      `CREATE UNIQUE INDEX "UQ_order_hold_open_type" ON "orders"."order_hold" ("order_number", "type")
       WHERE "state" IN ('REQUESTED', 'ACTIVE', 'RELEASE_REQUESTED')`,
    );
    await db.query(`
      CREATE TABLE "orders"."erp_command" (
        "id" uuid PRIMARY KEY,
        "seq" bigint GENERATED ALWAYS AS IDENTITY,
        "command_type" text NOT NULL CHECK ("command_type" IN ('PLACE_HOLD', 'RELEASE_HOLD')),
        "order_number" text NOT NULL REFERENCES "orders"."order" ("order_number"),
        -- Hold commands only, so far (the command_type check): each is about one hold.
        "hold_id" uuid NOT NULL REFERENCES "orders"."order_hold" ("id"),
        "hold_type" text,
        "erp_version" int NOT NULL,
        "reason" text NOT NULL,
        "requested_by" text NOT NULL,
        "requested_at" timestamptz NOT NULL,
        "idempotency_key" text,
        "status" text NOT NULL CHECK ("status" IN ('PENDING', 'ACCEPTED', 'REJECTED')),
        "outcome_reason" text,
        "acknowledged_at" timestamptz,
        "acknowledged_erp_version" int
      )`);
    await db.query(
      `CREATE INDEX "IDX_erp_command_order" ON "orders"."erp_command" ("order_number", "requested_at" DESC, "seq" DESC)`,
    );
    // A caller's retry under the same key finds the first command, even when the two race.
    await db.query(
      `CREATE UNIQUE INDEX "UQ_erp_command_idempotency" ON "orders"."erp_command" ("requested_by", "idempotency_key")
       WHERE "idempotency_key" IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "orders"."erp_command"`);
    await db.query(`DROP TABLE "orders"."order_hold"`);
  }
}
