import { CasesSchema } from '../cases-schema.scope';
import { registerEnumType } from '@nestjs/graphql';

export enum ExceptionStatus {
  OPEN = 'OPEN',
  CLEARED = 'CLEARED',
  RESOLVED = 'RESOLVED',
}

registerEnumType(ExceptionStatus, {
  registerIn: CasesSchema,
  name: 'CaseExceptionStatus',
  valuesMap: {
    CLEARED: { description: 'Its cause went away by itself (stock arrived, the ERP corrected the price).' },
    RESOLVED: { description: 'Someone, or policy, acted on it.' },
  },
});
