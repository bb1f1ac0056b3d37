import { defineSchemaScope } from '@ordex/platform';

/** The scope every GraphQL type of the cases subgraph registers in. */
export const CasesSchema = defineSchemaScope('CasesSchema');
