import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { ErpEventInput } from './erp-event.input';
import { ErpEventReceiptObject } from './erp-event-receipt.object';
import { ErpEventSubmissionService, MAX_EVENTS_PER_SUBMISSION } from './erp-event-submission.service';

@Resolver()
export class SubmitErpEventsResolver {
  constructor(private readonly submissions: ErpEventSubmissionService) {}

  @Mutation(() => [ErpEventReceiptObject], {
    description: `Submits ERP events (at most ${MAX_EVENTS_PER_SUBMISSION}) through the same validation as the NATS intake; one receipt per event, in order.`,
  })
  submitErpEvents(@Args('events', { type: () => [ErpEventInput] }) events: ErpEventInput[]) {
    if (events.length === 0 || events.length > MAX_EVENTS_PER_SUBMISSION) {
      throw new GraphQLError(
        `submit between 1 and ${MAX_EVENTS_PER_SUBMISSION} events (got ${events.length})`,
        {
          extensions: { code: 'BAD_USER_INPUT' },
        },
      );
    }
    return this.submissions.submit(events);
  }
}
