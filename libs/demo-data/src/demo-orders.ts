import { Contract, CustomerChanged, Order, OrderLine, OrderStatus, Product } from '@ordex/contracts';
import { onOrNextWorkingDay } from './domain/calendar.util';
import { fromCents, toCents, withBasisPoints } from './domain/money.util';
import { contractInForce } from './domain/order-context.util';
import { customerId, groupBy, pickDistinct, sku } from './demo-ids';
import { REFERENCE_CONTRACT_PRICES } from './demo-catalog';
import { SeededRandom } from './random.util';

/** A line priced off its contract on purpose (PRICE_MISMATCH). */
export interface OffContractLine {
  orderNumber: string;
  lineNo: number;
  contractId: string;
  contractPrice: number;
  unitPrice: number;
  /** (unit price − contract price) / contract price, in basis points, from the cents. */
  deviationBp: number;
}

/** A line for a SKU the product master does not know (MASTER_DATA). */
export interface UnknownSkuLine {
  orderNumber: string;
  lineNo: number;
  sku: string;
}

/** DOMAIN.md's reference order: line 1 at contract price, line 2 9 % under its contract. */
function referenceOrder(): Order {
  return {
    orderNumber: 'SO-1001',
    erpVersion: 1,
    customerId: customerId(1),
    shipToId: `${customerId(1)}-ST1`,
    orderedOn: '2026-11-26',
    requestedDate: '2026-12-02',
    currency: 'EUR',
    status: OrderStatus.RECEIVED,
    lines: [
      { lineNo: 1, sku: sku(1), quantity: 120, unitPrice: REFERENCE_CONTRACT_PRICES[sku(1)] },
      {
        lineNo: 2,
        sku: sku(2),
        quantity: 40,
        unitPrice: fromCents(withBasisPoints(toCents(REFERENCE_CONTRACT_PRICES[sku(2)]), -900)),
      },
    ],
  };
}

/** Share of a contract customer's lines for SKUs it has a contract for (SKU or family). */
const CONTRACTED_LINE_SHARE = 0.6;

/**
 * The order stream: SO-1001 (the reference), then SO-1002… for random customers, ordered on a
 * November day and requested 2–10 days later (at most 28 December), moved to the next working day
 * when that falls on a weekend; 1–5 lines of 1–60 units, priced as the ERP would: at the contract
 * in force on the order date (SKU before family), else at list. Customers with contracts order
 * their contracted SKUs for 60 % of their lines.
 */
export function buildOrders(
  rnd: SeededRandom,
  count: number,
  customers: CustomerChanged[],
  products: Product[],
  contracts: Contract[],
): Order[] {
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const byFamily = groupBy(products, (p) => p.family);
  const contractsOf = groupBy(contracts, (c) => c.customerId);

  const orders = [referenceOrder()];
  for (let n = 2; n <= count; n++) {
    const { customer, shipTos } = customers[rnd.int(0, customers.length - 1)];
    const day = rnd.int(2, 27);
    const orderedOn = `2026-11-${String(day).padStart(2, '0')}`;
    const requested = `2026-12-${String(Math.min(day + rnd.int(2, 10), 28)).padStart(2, '0')}`;
    const own = (contractsOf.get(customer.id) ?? []).filter(
      (c) => c.validFrom <= orderedOn && orderedOn <= c.validTo,
    );
    const pickContracted = (): Product => {
      const c = rnd.pick(own);
      const choice = c.sku ? bySku.get(c.sku) : rnd.pick(byFamily.get(c.family ?? '') ?? []);
      return choice ?? products[rnd.int(0, products.length - 1)];
    };
    const used = new Set<string>();
    const lines: OrderLine[] = [];
    for (let i = 0, size = rnd.int(1, 5); i < size; i++) {
      let product = products[0];
      for (let attempt = 0; attempt < 5 && (attempt === 0 || used.has(product.sku)); attempt++) {
        product =
          own.length && rnd.next() < CONTRACTED_LINE_SHARE
            ? pickContracted()
            : products[rnd.int(0, products.length - 1)];
      }
      if (used.has(product.sku)) continue;
      used.add(product.sku);
      const contract = contractInForce(own, product.sku, product.family, orderedOn);
      lines.push({
        lineNo: lines.length + 1,
        sku: product.sku,
        quantity: rnd.int(1, 60),
        unitPrice: contract?.price ?? product.listPrice,
      });
    }
    orders.push({
      orderNumber: `SO-${1000 + n}`,
      erpVersion: 1,
      customerId: customer.id,
      shipToId: rnd.pick(shipTos).id,
      orderedOn,
      requestedDate: onOrNextWorkingDay(requested),
      currency: 'EUR',
      status: OrderStatus.RECEIVED,
      lines,
    });
  }
  return orders;
}

/** Deviations planted on contract lines, in basis points: all well outside every tolerance (≤ 3 %). */
const OFF_CONTRACT_BP = [-1_200, -900, -600, 500, 800];
const OFF_CONTRACT_SHARE = 0.1;

/**
 * Prices about 10 % of the contract-priced lines (never SO-1001's) off their contract by −12, −9,
 * −6, +5 or +8 %: a sales rep's manual price or an ERP price file that missed the contract. Lists
 * those and every line already off its contract beyond tolerance (SO-1001's line 2).
 */
export function plantOffContractPrices(
  rnd: SeededRandom,
  orders: Order[],
  contracts: Contract[],
  products: Product[],
): OffContractLine[] {
  const familyOf = new Map(products.map((p) => [p.sku, p.family]));
  const contractsOf = groupBy(contracts, (c) => c.customerId);
  const planted: OffContractLine[] = [];
  for (const [index, order] of orders.entries()) {
    for (const line of order.lines) {
      const contract = contractInForce(
        contractsOf.get(order.customerId) ?? [],
        line.sku,
        familyOf.get(line.sku) ?? null,
        order.orderedOn,
      );
      if (!contract) continue;
      const contractCents = toCents(contract.price);
      const deviationBp = () =>
        Math.round(((toCents(line.unitPrice) - contractCents) * 10_000) / contractCents);
      const alreadyOff = Math.abs(deviationBp()) > contract.tolerancePct * 100;
      if (!alreadyOff) {
        if (index === 0 || rnd.next() >= OFF_CONTRACT_SHARE) continue;
        line.unitPrice = fromCents(withBasisPoints(contractCents, rnd.pick(OFF_CONTRACT_BP)));
      }
      planted.push({
        orderNumber: order.orderNumber,
        lineNo: line.lineNo,
        contractId: contract.id,
        contractPrice: contract.price,
        unitPrice: line.unitPrice,
        deviationBp: deviationBp(),
      });
    }
  }
  return planted;
}

/**
 * About one order in 150 (at least one, never SO-1001) gets a last line for a SKU the ERP created
 * but has not sent to ordex yet: numbered just past the catalogue, priced as the line it replaces.
 */
export function plantUnknownSkus(rnd: SeededRandom, orders: Order[], productCount: number): UnknownSkuLine[] {
  const count = Math.max(1, Math.round((orders.length - 1) / 150));
  return pickDistinct(rnd, orders.slice(1), count).map((order, k) => {
    const line = order.lines[order.lines.length - 1];
    line.sku = sku(productCount + 1 + k);
    return { orderNumber: order.orderNumber, lineNo: line.lineNo, sku: line.sku };
  });
}
