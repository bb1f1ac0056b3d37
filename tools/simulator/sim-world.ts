import type { CreditUpdated, RoutingRule } from '@ordex/contracts';
import { creditClean, preferredDc, ruleAllows } from './order-rules.util';
import { slotKey, type SimCustomer, type SimMasterData } from './sim-master-data';

/** A condition that holds for every order of a customer until the ERP sends the cure. */
export type CustomerTaint = 'CREDIT_HOLD' | 'ROUTING_RULE';

/**
 * The ERP's state as the generator has told it so far: credit standings, routing rules, full
 * carrier days and open orders. It decides which customers can receive a clean order and what
 * a planted exception must change.
 */
export class SimWorld {
  readonly credit = new Map<string, CreditUpdated>();
  readonly rules = new Map<string, RoutingRule>();
  /** Per customer: taint → local ms its cure is due (Infinity: the demo data starts it tainted). */
  private readonly taints = new Map<string, Map<CustomerTaint, number>>();
  /** Per customer: order number → value in cents of its open (not shipped, not cancelled) orders. */
  private readonly open = new Map<string, Map<string, number>>();
  /** `dc|date` days whose every carrier was filled by a planted capacity event. */
  private readonly fullDays = new Set<string>();
  /** `dc|date` → clean open orders requesting it (a full day is never planted on them). */
  private readonly cleanDates = new Map<string, number>();

  constructor(readonly master: SimMasterData) {
    for (const [id, credit] of master.credit) this.credit.set(id, credit);
    for (const [id, rule] of master.routingRules) this.rules.set(id, rule);
    for (const customer of master.customers) {
      const credit = this.credit.get(customer.id);
      if (!credit || !creditClean(credit, 0, 0)) this.taint(customer.id, 'CREDIT_HOLD', Infinity);
      const rule = this.rules.get(customer.id);
      const dcs = customer.record.shipTos.map((s) => this.dcFor(customer.id, s.region));
      if (dcs.some((dc) => !ruleAllows(rule, dc, this.carriersAt(dc)))) {
        this.taint(customer.id, 'ROUTING_RULE', Infinity);
      }
    }
  }

  /** The DC an order of the customer to a ship-to in `region` ships from, if known. */
  dcFor(customerId: string, region: string | undefined): string | undefined {
    const byRegion = region ? this.master.dcByRegion.get(region as never) : undefined;
    return preferredDc(this.rules.get(customerId), byRegion);
  }

  /** Carriers that collect from the DC (every carrier when the demo data has no depots). */
  carriersAt(dc: string | undefined): string[] {
    const depots = dc ? this.master.depotsByDc.get(dc) : undefined;
    return depots && depots.length > 0 ? depots.map((d) => d.carrierCode) : [...this.master.carrierCodes];
  }

  taintsOf(customerId: string): ReadonlySet<CustomerTaint> {
    return new Set(this.taints.get(customerId)?.keys() ?? []);
  }

  isTainted(customerId: string, taint: CustomerTaint): boolean {
    return this.taints.get(customerId)?.has(taint) ?? false;
  }

  /** When every taint of the customer not in `except` is cured (0 when none). */
  curedAt(customerId: string, except: ReadonlySet<string>): number {
    let at = 0;
    for (const [taint, cureAt] of this.taints.get(customerId) ?? [])
      if (!except.has(taint)) at = Math.max(at, cureAt);
    return at;
  }

  taint(customerId: string, taint: CustomerTaint, cureAt: number): void {
    const taints = this.taints.get(customerId) ?? new Map<CustomerTaint, number>();
    taints.set(taint, cureAt);
    this.taints.set(customerId, taints);
  }

  cure(customerId: string, taint: CustomerTaint): void {
    this.taints.get(customerId)?.delete(taint);
  }

  /** The customer's open orders in cents, `except` one (the order being checked). */
  openCents(customerId: string, except?: string): number {
    let sum = 0;
    for (const [orderNumber, cents] of this.open.get(customerId) ?? [])
      if (orderNumber !== except) sum += cents;
    return sum;
  }

  /** Records an order's open value; 0 once it shipped or was cancelled. */
  setOpen(customerId: string, orderNumber: string, cents: number): void {
    const open = this.open.get(customerId) ?? new Map<string, number>();
    if (cents > 0) open.set(orderNumber, cents);
    else open.delete(orderNumber);
    this.open.set(customerId, open);
  }

  creditAllows(customerId: string, orderCents: number, orderNumber?: string): boolean {
    const credit = this.credit.get(customerId);
    return !!credit && creditClean(credit, this.openCents(customerId, orderNumber), orderCents);
  }

  /** True when no carrier collecting from the DC can take `weightKg` on the date. */
  isFull(dc: string | undefined, date: string, weightKg: number): boolean {
    const dcs = dc ? [dc] : this.master.dcCodes;
    return dcs.some((code) => {
      if (this.fullDays.has(`${code}|${date}`)) return true;
      const depots = this.master.depotsByDc.get(code) ?? [];
      if (depots.length === 0) return false;
      return depots.every(({ carrierCode, depot }) => {
        const slot = this.master.capacity.get(slotKey(carrierCode, code, date));
        const remaining = slot ? slot.capacityKg - slot.bookedKg : depot.dailyCapacityKg;
        return remaining < weightKg;
      });
    });
  }

  markFull(dc: string, date: string): void {
    this.fullDays.add(`${dc}|${date}`);
  }

  /** Standard capacity of a carrier at a DC on a date: the demo's capacity event, else its depot's. */
  capacityKg(carrierCode: string, dc: string, date: string, fallbackKg: number): number {
    const slot = this.master.capacity.get(slotKey(carrierCode, dc, date));
    const depot = this.master.depotsByDc.get(dc)?.find((d) => d.carrierCode === carrierCode)?.depot;
    return slot?.capacityKg ?? depot?.dailyCapacityKg ?? fallbackKg;
  }

  useCleanDate(dc: string | undefined, date: string, delta: 1 | -1): void {
    for (const code of dc ? [dc] : this.master.dcCodes) {
      const key = `${code}|${date}`;
      this.cleanDates.set(key, (this.cleanDates.get(key) ?? 0) + delta);
    }
  }

  hasCleanOrdersOn(dc: string | undefined, date: string): boolean {
    return (dc ? [dc] : this.master.dcCodes).some(
      (code) => (this.cleanDates.get(`${code}|${date}`) ?? 0) > 0,
    );
  }

  /** Eligible for an order planting `planted`: every current taint is among them. */
  eligible(customer: SimCustomer, planted: ReadonlySet<string>): boolean {
    const taints = this.taints.get(customer.id);
    if (taints) for (const taint of taints.keys()) if (!planted.has(taint)) return false;
    return true;
  }
}
