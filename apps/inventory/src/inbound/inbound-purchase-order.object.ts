import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { InboundPurchaseOrder } from '@ordex/contracts';
import { InventorySchema } from '../inventory-schema.scope';

@ObjectType('InboundPurchaseOrder', {
  registerIn: InventorySchema,
  description: 'An open purchase order line from a supplier, expected at a distribution centre.',
})
export class InboundPurchaseOrderObject implements InboundPurchaseOrder {
  @Field(() => ID, { description: "The ERP's purchase order line id." })
  id: string;

  @Field(() => ID)
  sku: string;

  @Field(() => ID, { description: 'The distribution centre it is expected at.' })
  dcCode: string;

  @Field(() => Int, {
    description: 'Units still expected (always more than 0: closed lines are not listed).',
  })
  quantity: number;

  @Field({ description: 'Expected arrival day, YYYY-MM-DD; stock arriving on a day counts for that day.' })
  eta: string;
}
