import { defineSchemaScope } from '@ordex/platform';

/** The scope every GraphQL type of the analytics subgraph registers in. */
export const AnalyticsSchema = defineSchemaScope('AnalyticsSchema');
