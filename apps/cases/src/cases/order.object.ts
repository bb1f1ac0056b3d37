import { CasesSchema } from '../cases-schema.scope';
import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { CaseObject } from './case.object';

/** Order is owned by orders; cases adds the order's case. No description, so the owner's stands. */
@ObjectType('Order', { registerIn: CasesSchema })
@Directive('@key(fields: "orderNumber")')
export class OrderObject {
  @Field(() => ID)
  orderNumber: string;

  @Field(() => CaseObject, { nullable: true, description: 'Null until an exception is raised on the order.' })
  case?: CaseObject | null;
}
