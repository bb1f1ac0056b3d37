import { ExceptionCategory, type Order } from '@ordex/contracts';
import { availableAt, cleanLine, cleanRequestedDate, orderCents, type DraftOrder } from './order-factory';
import { parseIsoDate } from './sim-calendar.util';
import type { SimRandom } from './sim-random.util';
import type { SimWorld } from './sim-world';

export type ChangeKind = 'quantity' | 'date' | 'add-line' | 'remove-line';

/**
 * The next ERP version of an order, changed the way customers change orders: a quantity, the
 * requested date, a line added or removed. A change never touches what carries a planted
 * exception and never raises a new one (quantities stay in stock, dates clean, credit within
 * the limit when credit was not planted).
 */
export function changeOrder(
  world: SimWorld,
  rnd: SimRandom,
  draft: DraftOrder,
  current: Order,
  nowMs: number,
): { order: Order; kind: ChangeKind } | undefined {
  const next: Order = {
    ...current,
    erpVersion: current.erpVersion + 1,
    lines: current.lines.map((l) => ({ ...l })),
  };
  const free = next.lines.filter((l) => !draft.protectedLines.has(l.lineNo));
  const kinds: ChangeKind[] = [];
  if (free.length > 0) kinds.push('quantity');
  if (!draft.protectDate) kinds.push('date');
  if (next.lines.length < 8) kinds.push('add-line');
  if (free.length > 0 && next.lines.length > 1) kinds.push('remove-line');
  if (kinds.length === 0) return undefined;
  const kind = rnd.pick(kinds);
  const view = { ...draft, order: next };
  if (kind === 'quantity') {
    const line = rnd.pick(free);
    const available = availableAt(world, line.sku, draft.dc);
    const target = rnd.chance(0.5)
      ? Math.max(1, Math.floor(line.quantity / 2))
      : line.quantity + rnd.int(1, 10);
    line.quantity = Math.max(1, Math.min(target, available));
  } else if (kind === 'date') {
    const from = Math.max(nowMs, parseIsoDate(current.requestedDate));
    next.requestedDate = cleanRequestedDate(world, rnd, view, from, 1);
  } else if (kind === 'add-line') {
    const line = cleanLine(world, rnd, view, Math.max(...next.lines.map((l) => l.lineNo)) + 1);
    if (!line) return undefined;
    next.lines.push(line);
  } else {
    const line = rnd.pick(free);
    next.lines = next.lines.filter((l) => l !== line);
  }
  if (
    !draft.categories.has(ExceptionCategory.CREDIT_HOLD) &&
    orderCents(next) > orderCents(current) &&
    !world.creditAllows(draft.customer.id, orderCents(next), next.orderNumber)
  ) {
    return undefined;
  }
  return { order: next, kind };
}
