import {
  ErpCommandType,
  OrderStatus,
  type ErpCommand,
  type Order,
  type OrderCancelled,
} from '@ordex/contracts';

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
  refusal(command: ErpCommand): string | null {
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
}
