import { defineSchemaScope } from '@ordex/platform';

/** The scope every GraphQL type of the pricing subgraph registers in. */
export const PricingSchema = defineSchemaScope('PricingSchema');
