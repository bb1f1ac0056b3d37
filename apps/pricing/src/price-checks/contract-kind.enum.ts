import { registerEnumType } from '@nestjs/graphql';
import { PricingSchema } from '../pricing-schema.scope';

/** The GraphQL form of the price check's ContractKind. */
export enum ContractKindEnum {
  SKU = 'SKU',
  FAMILY = 'FAMILY',
}

registerEnumType(ContractKindEnum, {
  registerIn: PricingSchema,
  name: 'ContractKind',
  description: 'What a contract prices: one SKU, or every SKU of a product family.',
  valuesMap: {
    SKU: { description: 'A contract for the SKU itself; it beats a family contract.' },
    FAMILY: { description: "A contract for the SKU's product family (from the price list)." },
  },
});
