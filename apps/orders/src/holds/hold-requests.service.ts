import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvent, ErpCommand, ErpCommandType, HoldType } from '@ordex/contracts';
import { enqueueEvent } from '@ordex/platform';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import {
  closedOrderRefusal,
  ErpCommandState,
  HoldCommandTarget,
  HoldState,
  isSameRequest,
  isUuid,
  placeRefusal,
  releaseTransition,
} from './domain/hold-transition.util';
import { ErpCommandEntity } from './erp-command.entity';
import { HoldRequestRefusedException } from './hold-request.exception';
import { OrderHoldEntity } from './order-hold.entity';

/** Who asks, as the request's identity says; `customerScope` narrows a partner system. */
export interface HoldCaller {
  subject: string;
  customerScope?: readonly string[];
  correlationId?: string;
}

/** A request that has passed the argument checks (reason trimmed, key read). */
interface CheckedRequest {
  reason: string;
  idempotencyKey: string | null;
}

export interface HoldCommandResult {
  command: ErpCommandEntity;
  hold: OrderHoldEntity;
  /** The first command under a repeated idempotency key; nothing new was sent. */
  replayed: boolean;
}

interface OrderRow {
  erp_version: number;
  status: string;
  customer_id: string;
}

/**
 * Hold requests from people. ordex never edits an order: each request records a command and
 * moves the hold to a *_REQUESTED state, and queues orders.command.requested.v1 for the ERP
 * connector through the outbox — all three in one transaction. The ERP's acknowledgement settles
 * the hold later (HoldAcknowledgementsService).
 */
@Injectable()
export class HoldRequestsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  place(
    orderNumber: string,
    type: HoldType,
    request: CheckedRequest,
    caller: HoldCaller,
  ): Promise<HoldCommandResult> {
    const target: HoldCommandTarget = { commandType: 'PLACE_HOLD', orderNumber, holdType: type };
    return this.once(caller, request.idempotencyKey, target, (tx) =>
      this.placeIn(tx, orderNumber, type, request, caller),
    );
  }

  async release(holdId: string, request: CheckedRequest, caller: HoldCaller): Promise<HoldCommandResult> {
    if (!isUuid(holdId)) throw new HoldRequestRefusedException('NOT_FOUND', `no hold ${holdId}`);
    const target: HoldCommandTarget = { commandType: 'RELEASE_HOLD', holdId };
    return this.once(caller, request.idempotencyKey, target, (tx) =>
      this.releaseIn(tx, holdId, request, caller),
    );
  }

  private async placeIn(
    tx: EntityManager,
    orderNumber: string,
    type: HoldType,
    request: CheckedRequest,
    caller: HoldCaller,
  ): Promise<HoldCommandResult> {
    // FOR SHARE: the order's status and version cannot change under the request.
    const [order]: OrderRow[] = await tx.query(
      `SELECT erp_version, status, customer_id FROM "orders"."order" WHERE order_number = $1 FOR SHARE`,
      [orderNumber],
    );
    if (!order || !visible(order, caller)) {
      throw new HoldRequestRefusedException('NOT_FOUND', `no order ${orderNumber}`);
    }
    const closed = closedOrderRefusal(orderNumber, order.status);
    if (closed) throw new HoldRequestRefusedException('ORDER_CLOSED', closed);
    const held: { state: HoldState }[] = await tx.query(
      `SELECT state FROM "orders"."order_hold" WHERE order_number = $1 AND type = $2`,
      [orderNumber, type],
    );
    const duplicate = placeRefusal(
      type,
      held.map((h) => h.state),
    );
    if (duplicate) throw new HoldRequestRefusedException('HOLD_ALREADY_OPEN', duplicate);

    const requestedAt = new Date();
    const hold = tx.create(OrderHoldEntity, {
      id: randomUUID(),
      orderNumber,
      type,
      reason: request.reason,
      state: HoldState.REQUESTED,
      requestedBy: caller.subject,
      requestedAt,
      placedAt: null,
      releaseReason: null,
      releaseRequestedBy: null,
      releaseRequestedAt: null,
      releasedBy: null,
      releasedAt: null,
      rejectionReason: null,
    });
    await tx.insert(OrderHoldEntity, hold);
    const command = await this.send(tx, {
      commandType: ErpCommandType.PLACE_HOLD,
      order: { orderNumber, erpVersion: order.erp_version },
      hold,
      request,
      caller,
      requestedAt,
    });
    return { command, hold, replayed: false };
  }

  private async releaseIn(
    tx: EntityManager,
    holdId: string,
    request: CheckedRequest,
    caller: HoldCaller,
  ): Promise<HoldCommandResult> {
    const [row]: (OrderRow & { state: HoldState; order_number: string })[] = await tx.query(
      `SELECT h.state, h.order_number, o.erp_version, o.status, o.customer_id
         FROM "orders"."order_hold" h JOIN "orders"."order" o ON o.order_number = h.order_number
        WHERE h.id = $1
          FOR UPDATE OF h FOR SHARE OF o`,
      [holdId],
    );
    if (!row || !visible(row, caller))
      throw new HoldRequestRefusedException('NOT_FOUND', `no hold ${holdId}`);
    const closed = closedOrderRefusal(row.order_number, row.status);
    if (closed) throw new HoldRequestRefusedException('ORDER_CLOSED', closed);
    const transition = releaseTransition(row.state);
    if ('refusal' in transition) throw new HoldRequestRefusedException('HOLD_NOT_ACTIVE', transition.refusal);

    const requestedAt = new Date();
    await tx.update(
      OrderHoldEntity,
      { id: holdId },
      {
        state: transition.next,
        releaseReason: request.reason,
        releaseRequestedBy: caller.subject,
        releaseRequestedAt: requestedAt,
      },
    );
    const hold = await tx.findOneByOrFail(OrderHoldEntity, { id: holdId });
    const command = await this.send(tx, {
      commandType: ErpCommandType.RELEASE_HOLD,
      order: { orderNumber: row.order_number, erpVersion: row.erp_version },
      hold,
      request,
      caller,
      requestedAt,
    });
    return { command, hold, replayed: false };
  }

  /** Records the command and queues it for the ERP connector, in the caller's transaction. */
  private async send(
    tx: EntityManager,
    input: {
      commandType: ErpCommandType;
      order: { orderNumber: string; erpVersion: number };
      hold: OrderHoldEntity;
      request: CheckedRequest;
      caller: HoldCaller;
      requestedAt: Date;
    },
  ): Promise<ErpCommandEntity> {
    const { commandType, order, hold, request, caller, requestedAt } = input;
    const command = tx.create(ErpCommandEntity, {
      id: randomUUID(),
      commandType,
      orderNumber: order.orderNumber,
      holdId: hold.id,
      holdType: hold.type,
      erpVersion: order.erpVersion,
      reason: request.reason,
      requestedBy: caller.subject,
      requestedAt,
      idempotencyKey: request.idempotencyKey,
      status: ErpCommandState.PENDING,
      outcomeReason: null,
      acknowledgedAt: null,
      acknowledgedErpVersion: null,
    });
    await tx.insert(ErpCommandEntity, command);
    const payload: ErpCommand = {
      commandId: command.id,
      commandType,
      orderNumber: order.orderNumber,
      erpVersion: order.erpVersion,
      holdId: hold.id,
      holdType: hold.type,
      reason: request.reason,
      requestedBy: caller.subject,
      requestedAt: requestedAt.toISOString(),
    };
    await enqueueEvent(
      tx,
      createEvent('orders.command.requested.v1', order.orderNumber, payload, {
        source: 'ordex.orders',
        correlationId: caller.correlationId,
      }),
    );
    return command;
  }

  /**
   * Runs a request once per (caller, idempotency key): a repeat answers with the first command as
   * it stands now and sends nothing — also when the two race (the unique index decides).
   */
  private async once(
    caller: HoldCaller,
    key: string | null,
    target: HoldCommandTarget,
    run: (tx: EntityManager) => Promise<HoldCommandResult>,
  ): Promise<HoldCommandResult> {
    if (key !== null) {
      const first = await this.replay(caller, key, target);
      if (first) return first;
    }
    try {
      return await this.dataSource.transaction(run);
    } catch (error) {
      // A retry racing the first request under the same key loses to it one way or another —
      // the open-hold check or index, or the key's own index — once the first has committed:
      // the first request answers.
      if (key !== null) {
        const first = await this.replay(caller, key, target);
        if (first) return first;
      }
      if (violated(error, 'UQ_order_hold_open_type')) {
        throw new HoldRequestRefusedException(
          'HOLD_ALREADY_OPEN',
          `a ${target.holdType} hold was just requested on this order`,
        );
      }
      throw error;
    }
  }

  private async replay(
    caller: HoldCaller,
    key: string,
    target: HoldCommandTarget,
  ): Promise<HoldCommandResult | null> {
    const command = await this.dataSource.manager.findOneBy(ErpCommandEntity, {
      requestedBy: caller.subject,
      idempotencyKey: key,
    });
    if (!command) return null;
    const first = {
      commandType: command.commandType as HoldCommandTarget['commandType'],
      orderNumber: command.orderNumber,
      holdType: command.holdType ?? '',
      holdId: command.holdId,
    };
    if (!isSameRequest(first, target)) {
      throw new HoldRequestRefusedException(
        'BAD_USER_INPUT',
        `idempotencyKey ${key} was already used for another request (${command.commandType} on order ${command.orderNumber})`,
      );
    }
    const hold = await this.dataSource.manager.findOneByOrFail(OrderHoldEntity, { id: command.holdId });
    return { command, hold, replayed: true };
  }
}

function visible(order: OrderRow, caller: HoldCaller): boolean {
  return !caller.customerScope || caller.customerScope.includes(order.customer_id);
}

function violated(error: unknown, constraint: string): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string; constraint?: string }).code === '23505' &&
    (error.driverError as { constraint?: string }).constraint === constraint
  );
}
