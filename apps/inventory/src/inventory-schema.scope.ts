import { defineSchemaScope } from '@ordex/platform';

/** The scope every GraphQL type of the inventory subgraph registers in. */
export const InventorySchema = defineSchemaScope('InventorySchema');
