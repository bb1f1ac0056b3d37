import { CasesSchema } from '../cases-schema.scope';
import { registerEnumType } from '@nestjs/graphql';

/** Where an approval stands. The migration's CHECK lists the same values. */
export enum ApprovalStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(ApprovalStatus, { registerIn: CasesSchema, name: 'ApprovalStatus' });
