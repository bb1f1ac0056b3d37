import {
  CarrierChanged,
  CreditUpdated,
  CustomerChanged,
  CustomerSegment,
  CustomerTier,
  DeliveryWindow,
  Order,
  Partner,
  Region,
  RoutingRule,
} from '@ordex/contracts';
import { fromCents, roundUpTo } from './domain/money.util';
import { creditExposureCents, orderValueCents } from './domain/order-context.util';
import { customerId, pickDistinct, shuffled } from './demo-ids';
import { DC_BY_REGION, DCS } from './demo-network';
import { SeededRandom } from './random.util';

const TIERS_BY_SEGMENT: Record<CustomerSegment, [CustomerTier, number][]> = {
  KEY_ACCOUNT: [
    [CustomerTier.PLATINUM, 3],
    [CustomerTier.GOLD, 1],
  ],
  REGIONAL: [
    [CustomerTier.GOLD, 2],
    [CustomerTier.SILVER, 2],
  ],
  SMB: [
    [CustomerTier.SILVER, 1],
    [CustomerTier.BRONZE, 3],
  ],
};

export function buildCustomers(rnd: SeededRandom, count: number): CustomerChanged[] {
  const regions = [Region.NORTH, Region.SOUTH, Region.EAST, Region.WEST];
  const customers: CustomerChanged[] = [];
  for (let n = 1; n <= count; n++) {
    const segment =
      n === 1
        ? CustomerSegment.KEY_ACCOUNT
        : rnd.weighted([
            [CustomerSegment.KEY_ACCOUNT, 1],
            [CustomerSegment.REGIONAL, 3],
            [CustomerSegment.SMB, 6],
          ]);
    const tier = n === 1 ? CustomerTier.PLATINUM : rnd.weighted(TIERS_BY_SEGMENT[segment]);
    const id = customerId(n);
    const shipTos = Array.from({ length: rnd.int(1, 3) }, (_, i) => ({
      id: `${id}-ST${i + 1}`,
      customerId: id,
      name: `Site ${i + 1}`,
      region: n === 1 && i === 0 ? Region.NORTH : rnd.pick(regions),
    }));
    customers.push({
      customer: {
        id,
        name: n === 1 ? 'Northwind Facilities Group' : `Customer ${n}`,
        segment,
        tier,
        paymentTermsDays: rnd.pick([30, 45, 60]),
      },
      shipTos,
    });
  }
  return customers;
}

/** Deterministic and independent of the random streams: every fourth customer for each partner. */
export function buildPartners(customers: CustomerChanged[]): Partner[] {
  const every = (offset: number) =>
    customers.filter((_, index) => index % 4 === offset).map(({ customer }) => customer.id);
  return [
    { id: 'PRT-NORTHWIND', name: 'Northwind Procurement Cloud', customerIds: every(0) },
    { id: 'PRT-MERIDIAN', name: 'Meridian EDI Services', customerIds: every(1) },
  ];
}

const WEEKDAYS_8_TO_4: DeliveryWindow[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  opensAt: '08:00',
  closesAt: '16:00',
}));

/** C-0001's rule (DOMAIN.md): served from DC-NORTH, DC-SOUTH allowed, splits allowed. */
const REFERENCE_RULE: RoutingRule = {
  customerId: customerId(1),
  shipComplete: false,
  allowedDcs: ['DC-NORTH', 'DC-SOUTH'],
  preferredDc: 'DC-NORTH',
  deliveryWindows: WEEKDAYS_8_TO_4,
  allowedCarriers: [],
  excludedCarriers: [],
};

/**
 * Routing rules for every key account and about a third of the other customers. Preferred DC:
 * the DC of the first ship-to's region. Allowed DCs: for key accounts the preferred one and a
 * neighbour (20 %: any DC); for others only the preferred one (50 %), it and a neighbour (30 %)
 * or any (20 %). 25 % ship complete, 40 % take deliveries Mon–Fri 08:00–16:00 only, 10 % refuse
 * one carrier (never one that would leave the preferred DC without a carrier).
 */
export function buildRoutingRules(
  rnd: SeededRandom,
  customers: CustomerChanged[],
  carriers: CarrierChanged[],
): RoutingRule[] {
  const rules: RoutingRule[] = [];
  for (const { customer, shipTos } of customers) {
    if (customer.id === REFERENCE_RULE.customerId) {
      rules.push(REFERENCE_RULE);
      continue;
    }
    const keyAccount = customer.segment === CustomerSegment.KEY_ACCOUNT;
    if (!keyAccount && rnd.next() >= 1 / 3) continue;
    const preferredDc = shipTos.length ? DC_BY_REGION[shipTos[0].region] : null;
    const neighbour = rnd.pick(DCS.filter((dc) => dc.code !== preferredDc)).code;
    const scope = rnd.weighted(
      keyAccount
        ? ([
            ['pair', 80],
            ['any', 20],
          ] as const)
        : ([
            ['preferred', 50],
            ['pair', 30],
            ['any', 20],
          ] as const),
    );
    const allowedDcs =
      !preferredDc || scope === 'any' ? [] : scope === 'preferred' ? [preferredDc] : [preferredDc, neighbour];
    const shipComplete = rnd.next() < 0.25;
    const deliveryWindows = rnd.next() < 0.4 ? WEEKDAYS_8_TO_4 : [];
    const atPreferred = carriers.filter((c) => c.depots.some((d) => d.dcCode === preferredDc));
    const refusable = carriers.filter((c) => !atPreferred.includes(c) || atPreferred.length > 1);
    const excludedCarriers = rnd.next() < 0.1 ? [rnd.pick(refusable).carrier.code] : [];
    rules.push({
      customerId: customer.id,
      shipComplete,
      allowedDcs,
      preferredDc,
      deliveryWindows,
      allowedCarriers: [],
      excludedCarriers,
    });
  }
  return rules;
}

/** Credit standing of a customer, and what it means for the demo's open orders. */
export type CreditStanding = 'good' | 'near-limit' | 'over-limit' | 'overdue';

/** C-0001 is in good standing: 120,000.00 open on a 500,000 limit, nothing overdue. */
const REFERENCE_CREDIT = { creditLimitCents: 50_000_000, openReceivablesCents: 12_000_000 };

const BASE_LIMIT: Record<CustomerSegment, [number, number]> = {
  KEY_ACCOUNT: [300_000, 600_000],
  REGIONAL: [100_000, 200_000],
  SMB: [15_000, 50_000],
};

/**
 * Credit accounts, decided after the orders so the standing holds against them. Exposure is open
 * receivables plus every demo order of the customer (all are open). Limits are multiples of 5,000
 * by segment, raised for a customer whose orders alone would use more than 60 % of it. Standing:
 * about 4 % of the customers with orders are over their limit (exposure 104–120 % of it), about
 * 6 % near it (92–98 %: still passes), about 5 % of the rest overdue (5–45 days, 10–35 % of the
 * receivables); everyone else is good. Good and overdue customers owe 5–25 % of the limit, so
 * their exposure stays at most 85 %; overdueAmount is 0 when nothing is overdue.
 */
export function buildCredit(
  rnd: SeededRandom,
  customers: CustomerChanged[],
  orders: Order[],
): { credit: CreditUpdated[]; standing: Map<string, CreditStanding> } {
  const ordersCents = new Map<string, number[]>();
  for (const order of orders) {
    const values = ordersCents.get(order.customerId) ?? [];
    values.push(orderValueCents(order));
    ordersCents.set(order.customerId, values);
  }
  const candidates = customers.map((c) => c.customer.id).filter((id) => id !== REFERENCE_RULE.customerId);
  const withOrders = candidates.filter((id) => ordersCents.has(id));
  const [overCount, nearCount] = [0.04, 0.06].map((share) =>
    Math.max(1, Math.round(withOrders.length * share)),
  );
  const flagged = pickDistinct(rnd, withOrders, overCount + nearCount);
  const mixed = shuffled(rnd, flagged);
  const standing = new Map<string, CreditStanding>();
  mixed.slice(0, overCount).forEach((id) => standing.set(id, 'over-limit'));
  mixed.slice(overCount).forEach((id) => standing.set(id, 'near-limit'));
  const rest = candidates.filter((id) => !standing.has(id));
  const overdueCount = Math.max(1, Math.round(rest.length * 0.05));
  pickDistinct(rnd, rest, overdueCount).forEach((id) => standing.set(id, 'overdue'));

  const credit = customers.map(({ customer }): CreditUpdated => {
    const openOrdersCents = creditExposureCents(0, ordersCents.get(customer.id) ?? []);
    const kind = standing.get(customer.id) ?? 'good';
    if (kind === 'good') standing.set(customer.id, 'good');
    if (customer.id === REFERENCE_RULE.customerId) {
      return {
        customerId: customer.id,
        creditLimit: fromCents(REFERENCE_CREDIT.creditLimitCents),
        openReceivables: fromCents(REFERENCE_CREDIT.openReceivablesCents),
        overdueAmount: 0,
        overdueDays: 0,
      };
    }
    const [low, high] = BASE_LIMIT[customer.segment];
    const base = rnd.int(low / 5_000, high / 5_000) * 5_000 * 100;
    const limitCents = Math.max(base, roundUpTo(Math.ceil(openOrdersCents / 0.6), 500_000));
    const share = (from: number, to: number) => Math.floor((limitCents * rnd.int(from, to)) / 10_000);
    // Orders use at most 60 % of the limit, so every receivable below is positive.
    const receivablesCents =
      kind === 'over-limit'
        ? share(10_400, 12_000) - openOrdersCents
        : kind === 'near-limit'
          ? share(9_200, 9_800) - openOrdersCents
          : share(500, 2_500);
    const overdue = kind === 'overdue';
    return {
      customerId: customer.id,
      creditLimit: fromCents(limitCents),
      openReceivables: fromCents(receivablesCents),
      overdueAmount: overdue ? fromCents(Math.floor((receivablesCents * rnd.int(1_000, 3_500)) / 10_000)) : 0,
      overdueDays: overdue ? rnd.int(5, 45) : 0,
    };
  });
  return { credit, standing };
}
