import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { Region } from '@ordex/contracts';
import type { DistributionCenter } from '@ordex/contracts';
import { InventorySchema } from '../inventory-schema.scope';

@ObjectType('DistributionCenter', {
  registerIn: InventorySchema,
  description: 'A distribution centre that ships orders (owned by inventory).',
})
@Directive('@key(fields: "code")')
export class DistributionCenterObject implements DistributionCenter {
  @Field(() => ID)
  code: string;

  @Field()
  name: string;

  @Field(() => Region)
  region: Region;
}
