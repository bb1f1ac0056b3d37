import { Injectable } from '@nestjs/common';
import { ExecutionCommand, ExecutionCommandType } from '@ordex/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CaseEntity } from '../cases/case.entity';
import { CaseActionEntity } from './case-action.entity';
import { ExecutionCommandEntity } from './execution-command.entity';

/** What a command carries besides its type, read from the action's parameters. */
type CommandFields = Pick<
  ExecutionCommand,
  'lineNo' | 'sku' | 'quantity' | 'fromDc' | 'toDc' | 'price' | 'shipDate'
>;

/**
 * Turns an action into a command for the ERP/WMS/TMS connector: recorded with its id (the
 * idempotency key the connector applies it under) in the transaction of the decision, due at
 * once; the ExecutionDispatcher puts it on the bus as cases.command.requested.v1 (and again while
 * it stays unanswered). The case learns the outcome from
 * erp.command.acknowledged.v1; a command left unanswered past the acknowledgement timeout is
 * an ERP_SYNC exception on the same case (detection reads the pending commands).
 */
@Injectable()
export class ExecutionCommandsService {
  async send(
    tx: EntityManager,
    kase: CaseEntity,
    action: CaseActionEntity,
    commandType: ExecutionCommandType,
    fields: CommandFields,
    now: Date,
  ): Promise<ExecutionCommandEntity> {
    const command: ExecutionCommand = {
      commandId: randomUUID(),
      commandType,
      caseId: kase.id,
      orderNumber: kase.orderNumber,
      erpVersion: kase.erpVersion ?? 1,
      ...fields,
      reason: `case ${kase.id}: ${action.action}${action.note ? ` (${action.note})` : ''}`,
      requestedBy: action.takenBy,
      requestedAt: now.toISOString(),
    };
    const row = tx.create(ExecutionCommandEntity, {
      id: command.commandId,
      caseId: kase.id,
      actionId: action.id,
      commandType,
      orderNumber: kase.orderNumber,
      payload: command,
      status: 'PENDING',
      requestedAt: now,
      acknowledgedAt: null,
      reason: null,
      attempts: 0,
      sentAt: null,
      nextAttemptAt: now,
    });
    await tx.insert(ExecutionCommandEntity, row);
    return row;
  }

  /** The commands still waiting for the connector's answer, per order (detection's ERP_SYNC input). */
  async pendingByOrder(
    tx: EntityManager,
    orderNumbers: readonly string[],
  ): Promise<Map<string, ExecutionCommandEntity[]>> {
    const rows = orderNumbers.length
      ? await tx.find(ExecutionCommandEntity, {
          where: orderNumbers.map((orderNumber) => ({ orderNumber, status: 'PENDING' as const })),
        })
      : [];
    const byOrder = new Map<string, ExecutionCommandEntity[]>();
    for (const row of rows) byOrder.set(row.orderNumber, [...(byOrder.get(row.orderNumber) ?? []), row]);
    return byOrder;
  }
}

/** The command fields an action's parameters provide. */
export function commandFields(
  commandType: ExecutionCommandType,
  parameters: Record<string, string | number | boolean | null>,
  context: { sku?: string | null; assignedDc?: string | null },
): CommandFields {
  const num = (key: string) => (typeof parameters[key] === 'number' ? (parameters[key] as number) : null);
  const str = (key: string) => (typeof parameters[key] === 'string' ? (parameters[key] as string) : null);
  switch (commandType) {
    case ExecutionCommandType.TRANSFER_STOCK:
      return {
        lineNo: num('lineNo'),
        sku: context.sku ?? null,
        quantity: num('quantity'),
        fromDc: str('dcCode'),
        toDc: context.assignedDc ?? null,
      };
    case ExecutionCommandType.CORRECT_PRICE:
      return { lineNo: num('lineNo'), price: num('price') };
    case ExecutionCommandType.MOVE_SHIP_DATE:
      return { shipDate: str('shipDate') };
    default:
      return {};
  }
}
