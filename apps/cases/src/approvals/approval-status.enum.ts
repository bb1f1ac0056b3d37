import { CasesSchema } from '../cases-schema.scope';
import { registerEnumType } from '@nestjs/graphql';

/** Where an approval stands. The migration's CHECK lists the same values. */
export enum ApprovalStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(ApprovalStatus, {
  registerIn: CasesSchema,
  name: 'ApprovalStatus',
  valuesMap: { WITHDRAWN: { description: 'No longer needed: the exception it was for cleared by itself.' } },
});
