import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ErpCommandType, HoldType } from '@ordex/contracts';
import { OrdersSchema } from '../orders-schema.scope';
import { ErpCommandState, HoldState } from './domain/hold-transition.util';
import './hold.enums';

@ObjectType('OrderHold', {
  registerIn: OrdersSchema,
  description:
    'A hold ordex asked the ERP to place on an order. The ERP decides: the state changes only with its acknowledgement.',
})
export class OrderHoldObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orderNumber: string;

  @Field(() => HoldType)
  type: HoldType;

  @Field({ description: 'Why the hold was asked for.' })
  reason: string;

  @Field(() => HoldState)
  state: HoldState;

  @Field({ description: 'Who asked for the hold (token subject).' })
  requestedBy: string;

  @Field(() => GraphQLISODateTime)
  requestedAt: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the ERP placed it (its acknowledgement time); null until then.',
  })
  placedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who asked for the release; null until someone did.',
  })
  releaseRequestedBy: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the release was asked for.' })
  releaseRequestedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the release was asked for.',
  })
  releaseReason: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who released it: the requester of the release the ERP accepted.',
  })
  releasedBy: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the ERP released it (its acknowledgement time).',
  })
  releasedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The ERP's reason for refusing to place the hold (REJECTED); a refused release leaves it on the command.",
  })
  rejectionReason: string | null;
}

@ObjectType('ErpCommandStatus', {
  registerIn: OrdersSchema,
  description: 'A command orders sent the ERP connector about an order, and its acknowledgement so far.',
})
export class ErpCommandStatusObject {
  @Field(() => ID, { description: 'The command id the ERP acknowledges (orders.command.requested.v1).' })
  commandId: string;

  @Field(() => ErpCommandType)
  commandType: ErpCommandType;

  @Field(() => ID)
  orderNumber: string;

  @Field(() => ID, { nullable: true, description: 'The hold the command is about.' })
  holdId: string | null;

  @Field(() => Int, { description: 'The mirrored ERP order version the command was decided on.' })
  erpVersion: number;

  @Field(() => ErpCommandState)
  status: ErpCommandState;

  @Field({ description: 'The reason sent with the command (why the hold or release was asked for).' })
  reason: string;

  @Field(() => String, {
    nullable: true,
    description: 'The reason the ERP gave with its acknowledgement (e.g. why it rejected); null until then.',
  })
  outcomeReason: string | null;

  @Field({ description: 'Who asked (token subject).' })
  requestedBy: string;

  @Field(() => GraphQLISODateTime)
  requestedAt: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the ERP acknowledged; null while PENDING.',
  })
  acknowledgedAt: Date | null;
}

@ObjectType('OrderHoldCommand', {
  registerIn: OrdersSchema,
  description: 'What a hold request did: the command sent to the ERP and the hold as it now stands.',
})
export class OrderHoldCommandObject {
  @Field(() => ErpCommandStatusObject)
  command: ErpCommandStatusObject;

  @Field(() => OrderHoldObject)
  hold: OrderHoldObject;

  @Field({
    description:
      'True when this answers a repeated idempotencyKey: the first command, as it stands now; nothing new was sent.',
  })
  replayed: boolean;
}
