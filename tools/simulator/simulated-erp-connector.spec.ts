import { setTimeout as delay } from 'node:timers/promises';
import {
  createEvent,
  decodeEvent,
  ErpCommandType,
  HoldType,
  OrderStatus,
  STREAMS,
  type CommandAcknowledgement,
  type ErpCommand,
  type EventEnvelope,
  type Order,
} from '@ordex/contracts';
import { InProcessBroker, InProcessBus, publishEvent } from '@ordex/platform';
import { decideAnswer } from './command-answer.util';
import { SimulatedErpConnector, type ConnectorClock, type ConnectorOptions } from './simulated-erp-connector';

/** A clock whose sleeps end only when the test advances it. */
class ManualClock implements ConnectorClock {
  private nowMs = Date.parse('2026-11-02T09:00:00.000Z');
  private timers: { at: number; resolve: () => void }[] = [];

  now(): Date {
    return new Date(this.nowMs);
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = { at: this.nowMs + ms, resolve };
      this.timers.push(timer);
      signal.addEventListener('abort', () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(new Error('connector stopping'));
      });
    });
  }

  get sleeping(): number {
    return this.timers.length;
  }

  advance(ms: number): void {
    this.nowMs += ms;
    const due = this.timers.filter((t) => t.at <= this.nowMs);
    this.timers = this.timers.filter((t) => t.at > this.nowMs);
    due.forEach((t) => t.resolve());
  }
}

async function until<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 3000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await delay(5);
  }
}

const order = (orderNumber: string, erpVersion = 1): Order => ({
  orderNumber,
  erpVersion,
  customerId: 'C-0001',
  shipToId: 'C-0001-ST1',
  orderedOn: '2026-11-02',
  requestedDate: '2026-11-06',
  currency: 'EUR',
  status: OrderStatus.RECEIVED,
  lines: [{ lineNo: 1, sku: 'SKU-00001', quantity: 5, unitPrice: 10 }],
});

const command = (
  commandId: string,
  orderNumber: string,
  type = ErpCommandType.PLACE_HOLD,
  holdId = `H-${commandId}`,
): ErpCommand => ({
  commandId,
  commandType: type,
  orderNumber,
  erpVersion: 1,
  holdId,
  holdType: type === ErpCommandType.PLACE_HOLD ? HoldType.CREDIT : null,
  reason: 'credit limit exceeded',
  requestedBy: 'analyst-1',
  requestedAt: '2026-11-02T09:00:00.000Z',
});

describe('SimulatedErpConnector (in-process bus)', () => {
  let broker: InProcessBroker;
  let bus: InProcessBus;
  let clock: ManualClock;
  let seen: EventEnvelope<unknown>[];
  const connectors: SimulatedErpConnector[] = [];

  const connector = async (options: Partial<ConnectorOptions> = {}) => {
    const c = new SimulatedErpConnector(
      bus,
      { seed: 3, rejectShare: 0, loseShare: 0, backoffMs: [5], ...options },
      clock,
    );
    connectors.push(c);
    await c.start();
    return c;
  };
  const send = (cmd: ErpCommand, msgId = `cmd-${cmd.commandId}`) =>
    publishEvent(
      bus,
      createEvent('orders.command.requested.v1', cmd.orderNumber, cmd, { source: 'orders', id: msgId }),
    );
  const acks = () =>
    seen.filter((e) => e.type === 'erp.command.acknowledged.v1').map((e) => e.data as CommandAcknowledgement);
  const versions = () => seen.filter((e) => e.type === 'erp.order.changed.v1').map((e) => e.data as Order);

  beforeEach(async () => {
    broker = new InProcessBroker({
      streams: STREAMS.map((s) => ({ name: s.name, subjects: [...s.subjects] })),
    });
    bus = new InProcessBus(broker);
    clock = new ManualClock();
    seen = [];
    await bus.consume({ durable: 'test-observer', subjects: ['erp.>'] }, async (m) => {
      seen.push(decodeEvent(m.data));
    });
  });

  afterEach(async () => {
    await Promise.all(connectors.splice(0).map((c) => c.stop()));
    await bus.close();
    broker.close();
  });

  it('answers after the delay and follows an accepted hold with an ON_HOLD version', async () => {
    const erp = await connector({ delayMedianMs: 2000, delaySigma: 0 });
    erp.remember(order('SO-1', 3));
    await send(command('c-1', 'SO-1'));
    await until(() => clock.sleeping === 1);
    clock.advance(1999);
    await delay(20);
    expect(acks()).toEqual([]);
    clock.advance(1);
    await until(() => acks().length === 1);
    expect(versions()).toEqual([{ ...order('SO-1', 4), status: OrderStatus.ON_HOLD }]);
    expect(acks()[0]).toEqual({
      commandId: 'c-1',
      commandType: 'PLACE_HOLD',
      orderNumber: 'SO-1',
      outcome: 'ACCEPTED',
      reason: null,
      erpVersion: 4,
      acknowledgedAt: '2026-11-02T09:00:02.000Z',
    });
    const ackEvent = seen.find((e) => e.type === 'erp.command.acknowledged.v1')!;
    expect(ackEvent.causationid).toBe('cmd-c-1');
    expect(seen.findIndex((e) => e.type === 'erp.order.changed.v1')).toBeLessThan(seen.indexOf(ackEvent));
  });

  it('applies a command id once: a duplicate delivery has no second effect', async () => {
    const erp = await connector({ delayMedianMs: 1000, delaySigma: 0 });
    erp.remember(order('SO-2'));
    await send(command('c-2', 'SO-2'), 'first-delivery');
    await send(command('c-2', 'SO-2'), 'second-delivery');
    await until(() => erp.stats.received === 2);
    clock.advance(1000);
    await until(() => acks().length >= 1);
    await send(command('c-2', 'SO-2'), 'third-delivery');
    await until(() => erp.stats.received === 3);
    await delay(30);
    expect(acks()).toHaveLength(1);
    expect(versions()).toHaveLength(1);
    expect(erp.stats).toMatchObject({ received: 3, duplicates: 2, accepted: 1, orderVersions: 1 });
    expect(erp.book.get('SO-2')).toMatchObject({ version: 2, holds: 1 });
  });

  it('releases the order only when its last active hold is released', async () => {
    const erp = await connector({ delayMedianMs: 0, delaySigma: 0 });
    erp.remember(order('SO-3'));
    for (const [id, type, hold] of [
      ['h-1', ErpCommandType.PLACE_HOLD, 'H-A'],
      ['h-2', ErpCommandType.PLACE_HOLD, 'H-B'],
      ['r-1', ErpCommandType.RELEASE_HOLD, 'H-A'],
      ['r-2', ErpCommandType.RELEASE_HOLD, 'H-B'],
    ] as const) {
      await send(command(id, 'SO-3', type, hold));
      await until(() => clock.sleeping === 1);
      clock.advance(0);
      await until(() => acks().some((a) => a.commandId === id));
    }
    expect(versions().map((v) => [v.erpVersion, v.status])).toEqual([
      [2, 'ON_HOLD'],
      [3, 'ON_HOLD'],
      [4, 'RELEASED'],
    ]);
    expect(acks().map((a) => a.erpVersion)).toEqual([2, 3, 3, 4]);
  });

  it('learns orders from the bus, and rejects a command on a cancelled order with the reason', async () => {
    const erp = await connector({ delayMedianMs: 0, delaySigma: 0 });
    const erpEvent = (type: 'erp.order.created.v1' | 'erp.order.cancelled.v1', data: unknown, id: string) =>
      publishEvent(bus, createEvent(type, 'SO-4', data, { source: 'erp', id }));
    await erpEvent('erp.order.created.v1', order('SO-4'), 'o-4');
    await erpEvent(
      'erp.order.cancelled.v1',
      { orderNumber: 'SO-4', erpVersion: 2, cancelledAt: '2026-11-02T08:00:00.000Z', reason: null },
      'x-4',
    );
    await until(() => erp.book.get('SO-4')?.cancelled);
    await send(command('c-4', 'SO-4'));
    await until(() => clock.sleeping === 1);
    clock.advance(0);
    await until(() => acks().length === 1);
    expect(acks()[0]).toMatchObject({
      outcome: 'REJECTED',
      reason: 'order SO-4 is cancelled in the ERP',
      erpVersion: 2,
    });
    expect(versions()).toEqual([]);
  });

  it('rejects and loses commands at the configured shares, the same ones for the same seed', async () => {
    const erp = await connector({ rejectShare: 0.2, loseShare: 0.1, delayMedianMs: 0, delaySigma: 0 });
    const n = 400;
    for (let i = 0; i < n; i++) await send(command(`s-${i}`, `SO-S${i}`));
    await until(() => clock.sleeping + erp.stats.accepted + erp.stats.rejected + erp.stats.lost === n);
    for (let round = 0; round < 50 && erp.stats.accepted + erp.stats.rejected + erp.stats.lost < n; round++) {
      clock.advance(0);
      await delay(10);
    }
    const { accepted, rejected, lost } = erp.stats;
    expect(accepted + rejected + lost).toBe(n);
    expect(Math.abs(lost / n - 0.1)).toBeLessThan(4 * Math.sqrt((0.1 * 0.9) / n));
    expect(Math.abs(rejected / (n - lost) - 0.2)).toBeLessThan(4 * Math.sqrt((0.2 * 0.8) / (n - lost)));
    await until(() => acks().length === n - lost);
    expect(
      acks()
        .filter((a) => a.outcome === 'REJECTED')
        .every((a) => a.reason),
    ).toBe(true);
    const first = new Set(acks().map((a) => `${a.commandId}:${a.outcome}`));
    // The same seed decides the same way in a fresh ERP.
    for (let i = 0; i < n; i++) {
      const d = decideAnswer(
        { commandId: `s-${i}`, commandType: ErpCommandType.PLACE_HOLD },
        { seed: 3, rejectShare: 0.2, loseShare: 0.1, delayMedianMs: 0, delaySigma: 0, maxDelayMs: 0 },
      );
      expect(
        d.lost
          ? !first.has(`s-${i}:ACCEPTED`) && !first.has(`s-${i}:REJECTED`)
          : first.has(`s-${i}:${d.outcome}`),
      ).toBe(true);
    }
  });

  it('answers after a restart a command it had not answered when it stopped (durable consumer)', async () => {
    const before = await connector({ delayMedianMs: 5000, delaySigma: 0 });
    before.remember(order('SO-5'));
    await send(command('c-5', 'SO-5'));
    await until(() => clock.sleeping === 1);
    await before.stop();
    expect(acks()).toEqual([]);
    expect(await bus.consumerLag('erp-simulator-commands')).toBe(1);
    const after = await connector({ delayMedianMs: 5000, delaySigma: 0 });
    after.remember(order('SO-5'));
    await until(() => clock.sleeping === 1);
    clock.advance(5000);
    await until(() => acks().length === 1);
    expect(acks()[0]).toMatchObject({ commandId: 'c-5', outcome: 'ACCEPTED', erpVersion: 2 });
    await until(async () => (await bus.consumerLag('erp-simulator-commands')) === 0);
  });

  it('dead-letters a command it cannot read', async () => {
    await connector();
    await publishEvent(
      bus,
      createEvent(
        'orders.command.requested.v1',
        'SO-6',
        { commandId: 'x' },
        { source: 'orders', id: 'bad-1' },
      ),
    );
    const letters = await until(async () => {
      const all = await bus.deadLetters();
      return all.length === 1 && all;
    });
    expect(letters[0]).toMatchObject({ msgId: 'bad-1', consumer: 'erp-simulator-commands' });
    expect(letters[0].reason).toContain('invalid orders.command.requested.v1 payload');
  });
});
