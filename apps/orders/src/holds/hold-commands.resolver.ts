import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { HoldType } from '@ordex/contracts';
import { clientError, GraphQLRequestContext, PartnerDirectory } from '@ordex/platform';
import { readIdempotencyKey, readReason } from './domain/hold-transition.util';
import { HoldRequestRefusedException } from './hold-request.exception';
import { HoldCommandResult, HoldRequestsService } from './hold-requests.service';
import { toErpCommandStatusObject, toOrderHoldObject } from './hold.mapper';
import { OrderHoldCommandObject } from './hold.object';

const IDEMPOTENCY_KEY = {
  type: () => ID,
  nullable: true,
  description:
    'Retry key: the same caller and key again answer with the first command (replayed: true) and send nothing new.',
} as const;

@Resolver(() => OrderHoldCommandObject)
export class HoldCommandsResolver {
  constructor(
    private readonly requests: HoldRequestsService,
    private readonly partners: PartnerDirectory,
  ) {}

  @Mutation(() => OrderHoldCommandObject, {
    description:
      'Asks the ERP to place a hold on an order: records the hold (REQUESTED) and sends a PLACE_HOLD command; the hold becomes ACTIVE or REJECTED when the ERP acknowledges. Errors: BAD_USER_INPUT, NOT_FOUND, ORDER_CLOSED, HOLD_ALREADY_OPEN.',
  })
  async placeOrderHold(
    @Args('orderNumber', { type: () => ID }) orderNumber: string,
    @Args('type', { type: () => HoldType }) type: HoldType,
    @Args('reason', { description: 'Why (1 to 500 characters).' }) reason: string,
    @Args('idempotencyKey', IDEMPOTENCY_KEY) idempotencyKey: string | null,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<OrderHoldCommandObject> {
    const request = checked(reason, idempotencyKey);
    return answer(() =>
      this.caller(ctx).then((caller) => this.requests.place(orderNumber, type, request, caller)),
    );
  }

  @Mutation(() => OrderHoldCommandObject, {
    description:
      'Asks the ERP to release an ACTIVE hold: the hold becomes RELEASE_REQUESTED and a RELEASE_HOLD command is sent; RELEASED (or back to ACTIVE) when the ERP acknowledges. Errors: BAD_USER_INPUT, NOT_FOUND, ORDER_CLOSED, HOLD_NOT_ACTIVE.',
  })
  async releaseOrderHold(
    @Args('holdId', { type: () => ID }) holdId: string,
    @Args('reason', { description: 'Why (1 to 500 characters).' }) reason: string,
    @Args('idempotencyKey', IDEMPOTENCY_KEY) idempotencyKey: string | null,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<OrderHoldCommandObject> {
    const request = checked(reason, idempotencyKey);
    return answer(() => this.caller(ctx).then((caller) => this.requests.release(holdId, request, caller)));
  }

  private async caller(ctx: GraphQLRequestContext) {
    return {
      subject: ctx.identity.subject,
      customerScope: await this.partners.customerScope(ctx),
      correlationId: ctx.correlationId,
    };
  }
}

function checked(reason: string, idempotencyKey: string | null | undefined) {
  const readR = readReason(reason);
  if ('problem' in readR) throw clientError('BAD_USER_INPUT', readR.problem);
  const readK = readIdempotencyKey(idempotencyKey);
  if ('problem' in readK) throw clientError('BAD_USER_INPUT', readK.problem);
  return { reason: readR.reason, idempotencyKey: readK.key };
}

/** The one place a refused hold request becomes a client error. */
async function answer(run: () => Promise<HoldCommandResult>): Promise<OrderHoldCommandObject> {
  try {
    const { command, hold, replayed } = await run();
    return { command: toErpCommandStatusObject(command), hold: toOrderHoldObject(hold), replayed };
  } catch (error) {
    if (error instanceof HoldRequestRefusedException) throw clientError(error.code, error.message);
    throw error;
  }
}
