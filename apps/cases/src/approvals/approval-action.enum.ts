import { registerEnumType } from '@nestjs/graphql';
import { CasesSchema } from '../cases-schema.scope';
import { ApprovalAction } from './domain/approval-authority.util';

registerEnumType(ApprovalAction, {
  registerIn: CasesSchema,
  name: 'ApprovalAction',
  description: 'Decisions that need an approver with authority (the approval-authority decision table).',
});

export { ApprovalAction };
