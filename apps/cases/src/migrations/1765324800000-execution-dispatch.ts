import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Commands to the connector are dispatched (and resent until answered) by the execution
 * dispatcher: how often each was sent, when, and when it is due again.
 */
export class ExecutionDispatch1765324800000 implements MigrationInterface {
  name = 'ExecutionDispatch1765324800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE "cases"."execution_command"
        ADD "attempts" int NOT NULL DEFAULT 0,
        ADD "sent_at" timestamptz,
        ADD "next_attempt_at" timestamptz`);
    await db.query(
      `UPDATE "cases"."execution_command" SET next_attempt_at = requested_at WHERE status = 'PENDING'`,
    );
    await db.query(
      `CREATE INDEX "IDX_execution_command_due" ON "cases"."execution_command" ("next_attempt_at") WHERE "status" = 'PENDING'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "cases"."IDX_execution_command_due"`);
    await db.query(
      `ALTER TABLE "cases"."execution_command" DROP "attempts", DROP "sent_at", DROP "next_attempt_at"`,
    );
  }
}
