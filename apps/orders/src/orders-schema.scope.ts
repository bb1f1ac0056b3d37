import { defineSchemaScope } from '@ordex/platform';

/** The scope every GraphQL type of the orders subgraph registers in. */
export const OrdersSchema = defineSchemaScope('OrdersSchema');
