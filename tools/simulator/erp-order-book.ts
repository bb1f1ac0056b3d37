import {
  ErpCommandType,
  ExecutionCommandType,
  OrderStatus,
  type ErpCommand,
  type ExecutionCommand,
  type Order,
  type OrderCancelled,
  type StockAdjusted,
} from '@ordex/contracts';

/** What an accepted case command changes in the ERP: an order version, stock movements, or both. */
export interface ExecutionEffect {
  order: Order | null;
  stock: StockAdjusted[];
}

interface BookEntry {
  order: Order;
  /** Highest ERP version seen (a cancellation has its own). */
  version: number;
  cancelled: boolean;
  activeHolds: Set<string>;
}

/**
 * The simulated ERP's own record of orders (learned from erp.order.* events) and of the holds
 * ordex had it place. A command's effect is computed once per command id.
 */
export class ErpOrderBook {
  private readonly orders = new Map<string, BookEntry>();
  private readonly effects = new Map<string, Order | null>();
  private readonly executions = new Map<string, ExecutionEffect>();

  get size(): number {
    return this.orders.size;
  }

  /** An order version: kept when newer than the one held. */
  observeOrder(order: Order): void {
    const entry = this.orders.get(order.orderNumber);
    if (entry && order.erpVersion <= entry.version) return;
    const holds = entry?.activeHolds ?? new Set<string>();
    this.orders.set(order.orderNumber, {
      order,
      version: order.erpVersion,
      cancelled: order.status === OrderStatus.CANCELLED,
      activeHolds: holds,
    });
  }

  observeCancellation(cancelled: OrderCancelled): void {
    const entry = this.orders.get(cancelled.orderNumber);
    if (!entry || cancelled.erpVersion <= entry.version) return;
    entry.version = cancelled.erpVersion;
    entry.cancelled = true;
  }

  get(
    orderNumber: string,
  ): Readonly<{ order: Order; version: number; cancelled: boolean; holds: number }> | undefined {
    const entry = this.orders.get(orderNumber);
    return (
      entry && {
        order: entry.order,
        version: entry.version,
        cancelled: entry.cancelled,
        holds: entry.activeHolds.size,
      }
    );
  }

  /** Why the ERP must refuse the command whatever the policy says; null when it can apply it. */
  refusal(command: ErpCommand | ExecutionCommand): string | null {
    const entry = this.orders.get(command.orderNumber);
    if (!entry) return null;
    if (entry.cancelled) return `order ${command.orderNumber} is cancelled in the ERP`;
    if (entry.order.status === OrderStatus.SHIPPED) return `order ${command.orderNumber} has shipped`;
    return null;
  }

  /**
   * Applies an accepted command and returns the order version it produces: ON_HOLD after a hold,
   * RELEASED after the release of the last active hold; null when the order is unknown or the
   * status does not change. Applying the same command id again returns the first result.
   */
  applyAccepted(command: ErpCommand): Order | null {
    if (this.effects.has(command.commandId)) return this.effects.get(command.commandId) ?? null;
    const entry = this.orders.get(command.orderNumber);
    let next: Order | null = null;
    if (entry) {
      const holdId = command.holdId ?? command.commandId;
      let status: OrderStatus | undefined;
      if (command.commandType === ErpCommandType.PLACE_HOLD) {
        entry.activeHolds.add(holdId);
        status = OrderStatus.ON_HOLD;
      } else if (command.commandType === ErpCommandType.RELEASE_HOLD) {
        entry.activeHolds.delete(holdId);
        if (entry.activeHolds.size === 0) status = OrderStatus.RELEASED;
      }
      if (status) {
        next = { ...entry.order, erpVersion: entry.version + 1, status };
        entry.order = next;
        entry.version = next.erpVersion;
      }
    }
    this.effects.set(command.commandId, next);
    return next;
  }

  /**
   * Why the ERP must refuse a case command whatever the policy says: an order it does not know
   * (other than for a stock transfer), a closed order, a command missing what it needs.
   */
  executionRefusal(command: ExecutionCommand): string | null {
    const refusal = this.refusal(command);
    if (refusal) return refusal;
    switch (command.commandType) {
      case ExecutionCommandType.TRANSFER_STOCK:
        return command.sku && command.fromDc && command.toDc && (command.quantity ?? 0) > 0
          ? null
          : 'a transfer needs a SKU, a source and destination DC and a quantity';
      case ExecutionCommandType.CORRECT_PRICE:
        if (command.lineNo == null || command.price == null || command.price <= 0)
          return 'a price correction needs a line and a price above 0';
        break;
      case ExecutionCommandType.MOVE_SHIP_DATE:
        if (!command.shipDate) return 'a date move needs the new ship date';
        break;
    }
    return this.orders.has(command.orderNumber) ? null : `order ${command.orderNumber} is not in the ERP`;
  }

  /**
   * Applies an accepted case command once per command id: a transfer moves stock between DCs
   * (two adjustments), a price correction or a date move makes a new order version, a release
   * puts the order RELEASED. Applying the same command id again returns the first result.
   */
  applyExecution(command: ExecutionCommand, at: string): ExecutionEffect {
    const known = this.executions.get(command.commandId);
    if (known) return known;
    const effect: ExecutionEffect = { order: null, stock: [] };
    const entry = this.orders.get(command.orderNumber);
    if (command.commandType === ExecutionCommandType.TRANSFER_STOCK) {
      const moved = { sku: command.sku as string, allocatedDelta: 0, adjustedAt: at };
      const reason = `transfer for ${command.orderNumber} (command ${command.commandId})`;
      effect.stock.push(
        { ...moved, dcCode: command.fromDc as string, onHandDelta: -(command.quantity as number), reason },
        { ...moved, dcCode: command.toDc as string, onHandDelta: command.quantity as number, reason },
      );
    } else if (entry) {
      const order = entry.order;
      let next: Order | null = null;
      if (command.commandType === ExecutionCommandType.CORRECT_PRICE) {
        next = {
          ...order,
          lines: order.lines.map((line) =>
            line.lineNo === command.lineNo ? { ...line, unitPrice: command.price as number } : line,
          ),
        };
      } else if (command.commandType === ExecutionCommandType.MOVE_SHIP_DATE) {
        next = { ...order, requestedDate: command.shipDate as string };
      } else if (command.commandType === ExecutionCommandType.RELEASE_ORDER) {
        next = { ...order, status: OrderStatus.RELEASED };
      }
      if (next) {
        next = { ...next, erpVersion: entry.version + 1 };
        entry.order = next;
        entry.version = next.erpVersion;
        effect.order = next;
      }
    }
    this.executions.set(command.commandId, effect);
    return effect;
  }
}
