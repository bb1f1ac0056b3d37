import { OrderStatus, type Order, type OrderLine } from '@ordex/contracts';
import {
  divideRounded,
  MONEY_DECIMALS,
  PRICE_DECIMALS,
  toScaled,
} from '../../common/domain/fixed-point.util';

/** What pricing keeps of an order version for credit exposure. */
export interface OrderExposure {
  orderNumber: string;
  erpVersion: number;
  customerId: string;
  /** Σ quantity × unit price, in whole cents. */
  valueCents: number;
  /** Open orders count against the customer's credit until they ship or are cancelled. */
  open: boolean;
}

const CENTS_PER_PRICE_UNIT = 10n ** BigInt(PRICE_DECIMALS - MONEY_DECIMALS);

/** An order is open, and counts against credit, until it has shipped or been cancelled. */
export function isOpenStatus(status: OrderStatus): boolean {
  return status !== OrderStatus.SHIPPED && status !== OrderStatus.CANCELLED;
}

/**
 * An order's value in whole cents: each line's quantity × unit price (the price read to its 4
 * stored decimals) rounded half away from zero to the cent, then summed — the way orders'
 * `Order.orderValue` adds its lines, but without float error.
 */
export function orderValueCents(lines: readonly Pick<OrderLine, 'quantity' | 'unitPrice'>[]): number {
  let cents = 0n;
  for (const line of lines) {
    const value = BigInt(line.quantity) * toScaled(line.unitPrice, PRICE_DECIMALS);
    cents += divideRounded(value, CENTS_PER_PRICE_UNIT);
  }
  return Number(cents);
}

/** The exposure an ERP order version stands for. */
export function toOrderExposure(order: Order): OrderExposure {
  return {
    orderNumber: order.orderNumber,
    erpVersion: order.erpVersion,
    customerId: order.customerId,
    valueCents: orderValueCents(order.lines),
    open: isOpenStatus(order.status),
  };
}
