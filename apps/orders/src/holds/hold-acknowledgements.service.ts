import { Injectable } from '@nestjs/common';
import type { CommandAcknowledgement } from '@ordex/contracts';
import { PermanentEventError } from '@ordex/platform';
import type { EntityManager } from 'typeorm';
import {
  acknowledgedTransition,
  ErpCommandState,
  HoldCommandType,
  HoldState,
  isUuid,
} from './domain/hold-transition.util';
import { ErpCommandEntity } from './erp-command.entity';
import { OrderHoldEntity } from './order-hold.entity';

/**
 * What an acknowledgement did: `unknown` (a command orders did not send: other services send
 * commands too), `duplicate` (the command was already acknowledged), `applied` (the command and
 * its hold moved on), `out-of-step` (the command was settled but its hold was not waiting for it).
 */
export type AcknowledgementOutcome =
  | { outcome: 'unknown' }
  | { outcome: 'duplicate'; status: ErpCommandState }
  | { outcome: 'applied'; holdId: string; from: HoldState; to: HoldState }
  | { outcome: 'out-of-step'; holdId: string; state: HoldState };

/**
 * Applies the ERP's answers to the commands orders sent (erp.command.acknowledged.v1), in the
 * intake's transaction. Only this moves a hold to ACTIVE, REJECTED or RELEASED. The order's own
 * status is not touched: it stays what the ERP's order events say (an accepted hold is followed
 * by a new order version whose status is ON_HOLD).
 */
@Injectable()
export class HoldAcknowledgementsService {
  async apply(ack: CommandAcknowledgement, tx: EntityManager): Promise<AcknowledgementOutcome> {
    if (!isUuid(ack.commandId)) return { outcome: 'unknown' };
    const command = await tx.findOne(ErpCommandEntity, {
      where: { id: ack.commandId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!command) return { outcome: 'unknown' };
    if (command.status !== ErpCommandState.PENDING) return { outcome: 'duplicate', status: command.status };
    if (ack.commandType !== command.commandType) {
      throw new PermanentEventError(
        `acknowledgement of command ${command.id} says ${ack.commandType}, the command was ${command.commandType}`,
      );
    }
    if (ack.orderNumber && ack.orderNumber !== command.orderNumber) {
      throw new PermanentEventError(
        `acknowledgement of command ${command.id} names order ${ack.orderNumber}, the command was for ${command.orderNumber}`,
      );
    }
    await tx.update(
      ErpCommandEntity,
      { id: command.id },
      {
        status: ack.outcome === 'ACCEPTED' ? ErpCommandState.ACCEPTED : ErpCommandState.REJECTED,
        outcomeReason: ack.reason ?? null,
        acknowledgedAt: new Date(ack.acknowledgedAt),
        acknowledgedErpVersion: ack.erpVersion ?? null,
      },
    );
    const holdId = command.holdId;
    const hold = await tx.findOneOrFail(OrderHoldEntity, {
      where: { id: holdId },
      lock: { mode: 'pessimistic_write' },
    });
    const next = acknowledgedTransition(hold.state, command.commandType as HoldCommandType, ack.outcome);
    if (next === null) return { outcome: 'out-of-step', holdId, state: hold.state };
    await tx.update(OrderHoldEntity, { id: holdId }, settled(next, command, ack));
    return { outcome: 'applied', holdId, from: hold.state, to: next };
  }
}

/** The columns a settled hold changes, besides its state. */
function settled(
  next: HoldState,
  command: ErpCommandEntity,
  ack: CommandAcknowledgement,
): Partial<OrderHoldEntity> {
  const at = new Date(ack.acknowledgedAt);
  switch (next) {
    case HoldState.ACTIVE:
      // A placement accepted, or a release refused: the hold is in force; a refused release
      // leaves no trace on the hold (the command keeps it, with the ERP's reason).
      return command.commandType === 'PLACE_HOLD'
        ? { state: next, placedAt: at }
        : { state: next, releaseReason: null, releaseRequestedBy: null, releaseRequestedAt: null };
    case HoldState.REJECTED:
      return { state: next, rejectionReason: ack.reason ?? null };
    case HoldState.RELEASED:
      return { state: next, releasedBy: command.requestedBy, releasedAt: at };
    default:
      return { state: next };
  }
}
