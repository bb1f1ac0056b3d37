import { setTimeout as delay } from 'node:timers/promises';
import { describeEventBusContract } from './event-bus.contract';
import { InProcessBroker } from './in-process.broker';
import { InProcessBus } from './in-process.bus';

const encode = (text: string) => new TextEncoder().encode(text);

describeEventBusContract('InProcessBus', async () => {
  const broker = new InProcessBroker({ streams: [{ name: 'ORDERS', subjects: ['orders.>'] }] });
  return { prefix: 'orders', open: async () => new InProcessBus(broker) };
});

describe('InProcessBroker', () => {
  it('lets services in one process exchange events through a shared broker', async () => {
    const broker = new InProcessBroker({ streams: [{ name: 'ORDERS', subjects: ['orders.>'] }] });
    const intake = new InProcessBus(broker);
    const billing = new InProcessBus(broker);
    const received: string[] = [];
    await billing.consume({ durable: 'billing', subjects: ['orders.created'] }, async (message) => {
      received.push(message.msgId);
    });
    await intake.publish('orders.created', encode('{}'), { msgId: 'evt-1' });
    await delay(10);
    expect(received).toEqual(['evt-1']);
    await Promise.all([intake.close(), billing.close()]);
    broker.close();
    expect(billing.health().connected).toBe(false);
  });

  it('accepts a msgId again once the duplicate window has passed', async () => {
    const broker = new InProcessBroker({
      streams: [{ name: 'ORDERS', subjects: ['orders.>'] }],
      duplicateWindowMs: 30,
    });
    const bus = new InProcessBus(broker);
    const first = await bus.publish('orders.created', encode('a'), { msgId: 'evt-1' });
    expect(await bus.publish('orders.created', encode('a'), { msgId: 'evt-1' })).toEqual({
      seq: first.seq,
      duplicate: true,
    });
    await delay(50);
    expect(await bus.publish('orders.created', encode('a'), { msgId: 'evt-1' })).toEqual({
      seq: first.seq + 1,
      duplicate: false,
    });
    broker.close();
  });

  it('rejects subjects no stream captures and streams whose subjects overlap', async () => {
    const broker = new InProcessBroker({ streams: [{ name: 'ORDERS', subjects: ['orders.>'] }] });
    const bus = new InProcessBus(broker);
    await expect(bus.publish('returns.created', encode('{}'), { msgId: 'x' })).rejects.toThrow(
      'No stream captures',
    );
    await expect(
      bus.consume({ durable: 'd', subjects: ['returns.>'] }, async () => undefined),
    ).rejects.toThrow('exactly one stream');
    expect(
      () =>
        new InProcessBroker({
          streams: [
            { name: 'A', subjects: ['orders.>'] },
            { name: 'B', subjects: ['orders.created'] },
          ],
        }),
    ).toThrow('overlaps');
    broker.close();
  });
});

describe('InProcessBroker.idle', () => {
  it('resolves only after every durable has settled what it matches', async () => {
    const broker = new InProcessBroker({ streams: [{ name: 'IDLE', subjects: ['idle.>'] }] });
    const bus = new InProcessBus(broker);
    const handled: string[] = [];
    let failOnce = true;
    await bus.consume({ durable: 'idle-test', subjects: ['idle.>'], backoffMs: [20] }, async (message) => {
      if (failOnce) {
        failOnce = false;
        throw new Error('transient');
      }
      handled.push(message.msgId);
    });
    for (let i = 0; i < 5; i++)
      await bus.publish('idle.thing.happened.v1', new Uint8Array([i]), { msgId: `m-${i}` });
    await broker.idle();
    expect(handled.sort()).toEqual(['m-0', 'm-1', 'm-2', 'm-3', 'm-4']);
    await bus.close();
    broker.close();
  });
});
