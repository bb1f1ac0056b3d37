import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPROVAL_AUTHORITY_TABLE_V1 } from '../approvals/domain/approval-authority.table';

/** Seeds version 1 of the approval-authority decision table; later versions are data changes. */
export class ApprovalAuthority1764633600003 implements MigrationInterface {
  name = 'ApprovalAuthority1764633600003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `INSERT INTO "cases"."decision_table" (key, version, content, created_by, comment)
       VALUES ('approval-authority', 1, $1::jsonb, 'ordex', $2) ON CONFLICT DO NOTHING`,
      [
        JSON.stringify(APPROVAL_AUTHORITY_TABLE_V1),
        'Initial policy: credit releases by amount and tier, price overrides by margin floor and amount',
      ],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM "cases"."decision_table" WHERE key = 'approval-authority' AND version = 1`);
  }
}
