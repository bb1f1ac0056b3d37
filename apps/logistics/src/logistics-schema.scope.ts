import { defineSchemaScope } from '@ordex/platform';

/** The scope every GraphQL type of the logistics subgraph registers in. */
export const LogisticsSchema = defineSchemaScope('LogisticsSchema');
