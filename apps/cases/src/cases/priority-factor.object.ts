import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CasesSchema } from '../cases-schema.scope';

/** The factors a case's priority is scored on (cases/domain/priority.util.ts). */
export enum PriorityFactorName {
  CUSTOMER_TIER = 'CUSTOMER_TIER',
  ORDER_VALUE = 'ORDER_VALUE',
  MARGIN_AT_RISK = 'MARGIN_AT_RISK',
  DATE_RISK = 'DATE_RISK',
  SLA_TIME_LEFT = 'SLA_TIME_LEFT',
}

registerEnumType(PriorityFactorName, { registerIn: CasesSchema, name: 'PriorityFactorName' });

@ObjectType('PriorityFactor', {
  registerIn: CasesSchema,
  description: "One factor of a case's priority and the points it contributed.",
})
export class PriorityFactorObject {
  @Field(() => PriorityFactorName)
  factor: PriorityFactorName;

  @Field(() => Float, {
    description: 'What the factor was scored on (tier points, money, days, share of SLA left).',
  })
  input: number;

  @Field(() => Float, { description: 'The most points it can contribute.' })
  weight: number;

  @Field(() => Float, { description: 'The points it contributed; the priority is their rounded sum.' })
  contribution: number;

  @Field()
  explanation: string;
}

@ObjectType('RuleVersion', {
  registerIn: CasesSchema,
  description: 'A decision table version a case is decided with (pinned the first time the case used it).',
})
export class RuleVersionObject {
  @Field()
  table: string;

  @Field(() => Int)
  version: number;
}
