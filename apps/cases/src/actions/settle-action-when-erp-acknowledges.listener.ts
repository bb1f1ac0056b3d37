import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ErpIntake, SERVICE_CLOCK } from '@ordex/platform';
import { CaseActionsService } from './case-actions.service';

/**
 * The connector's acknowledgements settle the commands ordex sent for cases, exactly once: the
 * intake runs the handler in the transaction that marks the event processed.
 */
@Injectable()
export class SettleActionWhenErpAcknowledgesListener implements OnModuleInit {
  constructor(
    private readonly intake: ErpIntake,
    private readonly actions: CaseActionsService,
    @Inject(SERVICE_CLOCK) private readonly clock: () => Date,
  ) {}

  onModuleInit(): void {
    this.intake.register('cases-execution', {
      'erp.command.acknowledged.v1': (payload, _event, tx) =>
        this.actions.acknowledge(payload, tx, this.clock()),
    });
  }
}
