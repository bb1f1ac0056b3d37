import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { setTimeout as delay } from 'node:timers/promises';
import { PermanentEventError, type BusMessage, type EventBus, type PublishAck } from './event-bus';

/** An isolated environment for one contract test: its own streams, subjects and dead letters. */
export interface EventBusTestBed {
  /** Prefix of every subject the bed's stream captures (`<prefix>.>`), unique to the bed. */
  readonly prefix: string;
  /** Opens a bus on the bed's streams; each call behaves like another service instance. */
  open(): Promise<EventBus>;
}

export type EventBusTestBedFactory = () => Promise<EventBusTestBed>;

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (data: Uint8Array) => new TextDecoder().decode(data);

async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(10);
  }
}

/** Time given to a wrong extra delivery to show up before asserting there was none. */
const QUIET_MS = 150;

/**
 * The semantics every {@link EventBus} adapter must share, declared as jest tests. Each adapter's
 * spec calls this with a factory of fresh test beds.
 */
export function describeEventBusContract(name: string, createTestBed: EventBusTestBedFactory): void {
  describe(`${name} honours the EventBus contract`, () => {
    let bed: EventBusTestBed;
    const opened: EventBus[] = [];
    const open = async () => {
      const bus = await bed.open();
      opened.push(bus);
      return bus;
    };
    const subject = (suffix: string) => `${bed.prefix}.${suffix}`;

    beforeEach(async () => {
      bed = await createTestBed();
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((bus) => bus.close()));
    });

    it('delivers messages published before the consumer existed, then acks them', async () => {
      const bus = await open();
      const acks: PublishAck[] = [];
      for (const n of [1, 2, 3]) {
        acks.push(
          await bus.publish(subject('orders.created'), encode(`payload-${n}`), {
            msgId: `evt-${n}`,
            headers: { 'order-no': `SO-${n}` },
          }),
        );
      }
      expect(acks.every((ack) => !ack.duplicate)).toBe(true);
      expect(acks[1].seq).toBeGreaterThan(acks[0].seq);
      expect(acks[2].seq).toBeGreaterThan(acks[1].seq);

      const received: BusMessage[] = [];
      const handle = await bus.consume(
        { durable: 'billing', subjects: [subject('orders.created')] },
        async (message) => {
          received.push(message);
        },
      );
      await until(() => received.length === 3, 'three deliveries');
      await handle.stop();

      expect(
        received
          .sort((a, b) => a.seq - b.seq)
          .map(({ subject, msgId, data, headers, deliveryCount, seq }) => ({
            subject,
            msgId,
            data: decode(data),
            headers,
            deliveryCount,
            seq,
          })),
      ).toEqual(
        [1, 2, 3].map((n) => ({
          subject: subject('orders.created'),
          msgId: `evt-${n}`,
          data: `payload-${n}`,
          headers: { 'order-no': `SO-${n}` },
          deliveryCount: 1,
          seq: acks[n - 1].seq,
        })),
      );

      const nextInstance = await open();
      await nextInstance.publish(subject('orders.created'), encode('payload-4'), { msgId: 'evt-4' });
      const later: string[] = [];
      await nextInstance.consume(
        { durable: 'billing', subjects: [subject('orders.created')] },
        async (message) => {
          later.push(message.msgId);
        },
      );
      await until(() => later.length === 1, 'the message published after the ack');
      await delay(QUIET_MS);
      expect(later).toEqual(['evt-4']);
    });

    it("reports a durable consumer's lag: what it has not settled yet", async () => {
      const bus = await open();
      const durable = `lag${Date.now()}`;
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await bus.consume({ durable, subjects: [subject('orders.created')] }, () => released);
      for (const n of [1, 2, 3, 4, 5]) {
        await bus.publish(subject('orders.created'), encode(`lag-${n}`), { msgId: `lag-${n}` });
      }
      await until(async () => (await bus.consumerLag(durable)) === 5, 'a lag of 5');
      release();
      await until(async () => (await bus.consumerLag(durable)) === 0, 'no lag');
      expect(await bus.consumerLag('no-such-consumer')).toBe(0);
    });

    it('de-duplicates publishes by msgId', async () => {
      const bus = await open();
      const first = await bus.publish(subject('orders.created'), encode('original'), { msgId: 'evt-1' });
      const again = await bus.publish(subject('orders.created'), encode('retried publish'), {
        msgId: 'evt-1',
      });
      expect(again).toEqual({ seq: first.seq, duplicate: true });
      await bus.publish(subject('orders.created'), encode('other'), { msgId: 'evt-2' });

      const received: BusMessage[] = [];
      await bus.consume({ durable: 'dedupe', subjects: [subject('orders.created')] }, async (message) => {
        received.push(message);
      });
      await until(() => received.some((message) => message.msgId === 'evt-2'), 'the second event');
      await delay(QUIET_MS);
      expect(received.map((message) => [message.msgId, decode(message.data)]).sort()).toEqual([
        ['evt-1', 'original'],
        ['evt-2', 'other'],
      ]);
    });

    it('shows live listeners what is published from now on, once, in every instance', async () => {
      const [one, two] = [await open(), await open()];
      await one.publish(subject('cases.updated'), encode('before'), { msgId: 'live-0' });
      const seen: Record<string, string[]> = { one: [], two: [] };
      const handles = [
        await one.listen([subject('cases.*')], (m) => seen.one.push(`${m.subject}:${decode(m.data)}`)),
        await two.listen([subject('cases.updated')], (m) =>
          seen.two.push(`${decode(m.data)}:${m.headers.key}`),
        ),
      ];
      // A core subscription is in place once the server has it; a round trip through JetStream makes sure.
      await delay(QUIET_MS);
      await one.publish(subject('cases.updated'), encode('first'), {
        msgId: 'live-1',
        headers: { key: 'C-1' },
      });
      await one.publish(subject('cases.updated'), encode('first again'), { msgId: 'live-1' });
      await one.publish(subject('cases.closed'), encode('second'), {
        msgId: 'live-2',
        headers: { key: 'C-1' },
      });
      await one.publish(subject('orders.created'), encode('elsewhere'), { msgId: 'live-3' });
      await until(() => seen.one.length === 2 && seen.two.length === 1, 'both listeners');
      await handles[0].stop();
      await one.publish(subject('cases.updated'), encode('after stop'), {
        msgId: 'live-4',
        headers: { key: 'C-2' },
      });
      await until(() => seen.two.length === 2, 'the second listener');
      await delay(QUIET_MS);
      expect(seen.one).toEqual([`${subject('cases.updated')}:first`, `${subject('cases.closed')}:second`]);
      expect(seen.two).toEqual(['first:C-1', 'after stop:C-2']);
      await handles[1].stop();
    });

    it('redelivers a message after its handler throws, after the backoff', async () => {
      const bus = await open();
      const deliveries: Array<{ count: number; at: number }> = [];
      await bus.consume(
        { durable: 'retrying', subjects: [subject('orders.created')], backoffMs: [40] },
        async (message) => {
          deliveries.push({ count: message.deliveryCount, at: Date.now() });
          if (message.deliveryCount === 1) throw new Error('ERP timeout');
        },
      );
      await bus.publish(subject('orders.created'), encode('x'), { msgId: 'evt-1' });

      await until(() => deliveries.length === 2, 'the redelivery');
      await delay(QUIET_MS);
      expect(deliveries.map((delivery) => delivery.count)).toEqual([1, 2]);
      expect(deliveries[1].at - deliveries[0].at).toBeGreaterThanOrEqual(30);
      expect(await bus.deadLetters()).toEqual([]);
    });

    it('dead-letters a message after maxDeliver failed deliveries and moves on', async () => {
      const bus = await open();
      const attempts: number[] = [];
      const handled: string[] = [];
      await bus.consume(
        { durable: 'erp-sync', subjects: [subject('orders.created')], maxDeliver: 3, backoffMs: [20] },
        async (message) => {
          if (message.msgId !== 'poison') {
            handled.push(message.msgId);
            return;
          }
          attempts.push(message.deliveryCount);
          throw new Error('cannot reach ERP');
        },
      );
      await bus.publish(subject('orders.created'), encode('poison payload'), {
        msgId: 'poison',
        headers: { 'order-no': 'SO-9' },
      });
      await bus.publish(subject('orders.created'), encode('fine'), { msgId: 'fine' });

      await until(async () => (await bus.deadLetters()).length === 1, 'the dead letter');
      await until(() => handled.includes('fine'), 'the next message');
      await delay(QUIET_MS);
      expect(attempts).toEqual([1, 2, 3]);
      const [letter] = await bus.deadLetters();
      expect(letter).toMatchObject({
        originalSubject: subject('orders.created'),
        msgId: 'poison',
        consumer: 'erp-sync',
        deliveryCount: 3,
        headers: { 'order-no': 'SO-9' },
      });
      expect(letter.reason).toContain('cannot reach ERP');
      expect(decode(letter.data)).toBe('poison payload');
      expect(Number.isNaN(Date.parse(letter.failedAt))).toBe(false);
    });

    it('dead-letters on the first delivery when the handler throws PermanentEventError', async () => {
      const bus = await open();
      let calls = 0;
      await bus.consume(
        { durable: 'strict', subjects: [subject('orders.created')], maxDeliver: 5, backoffMs: [20] },
        async () => {
          calls++;
          throw new PermanentEventError('unknown event type');
        },
      );
      await bus.publish(subject('orders.created'), encode('{}'), { msgId: 'evt-1' });

      await until(async () => (await bus.deadLetters()).length === 1, 'the dead letter');
      await delay(QUIET_MS);
      expect(calls).toBe(1);
      const [letter] = await bus.deadLetters();
      expect(letter).toMatchObject({ msgId: 'evt-1', consumer: 'strict', deliveryCount: 1 });
      expect(letter.reason).toContain('unknown event type');
    });

    it('shares a durable between instances without handling any message twice', async () => {
      const instances = [await open(), await open()];
      const handledBy = new Map<string, string[]>();
      for (const [index, bus] of instances.entries()) {
        await bus.consume({ durable: 'workers', subjects: [subject('orders.created')] }, async (message) => {
          await delay(1);
          handledBy.set(message.msgId, [...(handledBy.get(message.msgId) ?? []), `instance-${index}`]);
        });
      }
      for (let n = 0; n < 200; n++) {
        await instances[0].publish(subject('orders.created'), encode(`payload-${n}`), { msgId: `evt-${n}` });
      }

      await until(() => handledBy.size === 200, 'all 200 messages');
      await delay(QUIET_MS);
      const handlers = [...handledBy.values()];
      expect(handlers.filter((instances) => instances.length !== 1)).toEqual([]);
      expect(new Set(handlers.flat())).toEqual(new Set(['instance-0', 'instance-1']));
    });

    it('handles messages of one key in publish order, holding them back while one fails', async () => {
      const bus = await open();
      const keys = ['A', 'B', 'C'];
      const completed: string[] = [];
      const busyKeys = new Set<string>();
      let overlapped = false;
      await bus.consume(
        {
          durable: 'ordered',
          subjects: [subject('orders.updated')],
          orderedByKey: 'order-no',
          backoffMs: [100],
        },
        async (message) => {
          const key = message.headers['order-no'];
          if (busyKeys.has(key)) overlapped = true;
          busyKeys.add(key);
          await delay(Math.random() * 5);
          busyKeys.delete(key);
          if (message.msgId === 'A0' && message.deliveryCount === 1) throw new Error('transient');
          completed.push(message.msgId);
        },
      );
      for (let n = 0; n < 4; n++) {
        for (const key of keys) {
          await bus.publish(subject('orders.updated'), encode(`${key}${n}`), {
            msgId: `${key}${n}`,
            headers: { 'order-no': key },
          });
        }
      }

      await until(() => completed.length === 12, 'all 12 messages');
      for (const key of keys) {
        expect(completed.filter((msgId) => msgId.startsWith(key))).toEqual(
          [0, 1, 2, 3].map((n) => `${key}${n}`),
        );
      }
      expect(overlapped).toBe(false);
      expect(completed.indexOf('B3')).toBeLessThan(completed.indexOf('A0'));
    });

    it('consumes several subjects with one durable, in stream order, skipping the others', async () => {
      const bus = await open();
      const received: string[] = [];
      await bus.consume(
        {
          durable: 'multi',
          subjects: [subject('orders.created'), subject('orders.cancelled')],
          orderedByKey: 'order-no',
        },
        async (message) => {
          received.push(message.msgId);
        },
      );
      const publish = (suffix: string, msgId: string) =>
        bus.publish(subject(suffix), encode(msgId), { msgId, headers: { 'order-no': 'SO-1' } });
      await publish('orders.created', 'created');
      await publish('orders.shipped', 'shipped');
      await publish('orders.cancelled', 'cancelled');

      await until(() => received.length === 2, 'both subscribed subjects');
      await delay(QUIET_MS);
      expect(received).toEqual(['created', 'cancelled']);
    });

    it('lets in-flight handlers finish on stop() and delivers nothing after', async () => {
      const bus = await open();
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const started: string[] = [];
      const handle = await bus.consume(
        { durable: 'stopping', subjects: [subject('orders.created')] },
        async (message) => {
          started.push(message.msgId);
          await gate;
        },
      );
      await bus.publish(subject('orders.created'), encode('slow'), { msgId: 'slow' });
      await until(() => started.length === 1, 'the slow handler to start');

      let stopped = false;
      const stopping = handle.stop().then(() => (stopped = true));
      await delay(50);
      expect(stopped).toBe(false);
      release();
      await stopping;

      await bus.publish(subject('orders.created'), encode('late'), { msgId: 'late' });
      const next: string[] = [];
      await delay(QUIET_MS);
      await bus.consume({ durable: 'stopping', subjects: [subject('orders.created')] }, async (message) => {
        next.push(message.msgId);
      });
      await until(() => next.length === 1, 'the message published after stop');
      await delay(QUIET_MS);
      expect(started).toEqual(['slow']);
      expect(next).toEqual(['late']);
    });

    it('lists dead letters oldest first with reason and original data', async () => {
      const bus = await open();
      await bus.consume({ durable: 'validator', subjects: [subject('orders.created')] }, async (message) => {
        throw new PermanentEventError(`bad payload in ${message.msgId}`);
      });
      for (const n of [1, 2, 3]) {
        await bus.publish(subject('orders.created'), encode(`payload-${n}`), {
          msgId: `evt-${n}`,
          headers: { 'order-no': `SO-${n}` },
        });
      }

      await until(async () => (await bus.deadLetters()).length === 3, 'three dead letters');
      const letters = await bus.deadLetters();
      expect(letters[1].seq).toBeGreaterThan(letters[0].seq);
      expect(letters[2].seq).toBeGreaterThan(letters[1].seq);
      for (const letter of letters) {
        const n = letter.msgId.replace('evt-', '');
        expect(letter).toMatchObject({
          originalSubject: subject('orders.created'),
          consumer: 'validator',
          deliveryCount: 1,
          headers: { 'order-no': `SO-${n}` },
        });
        expect(letter.reason).toContain(`bad payload in evt-${n}`);
        expect(decode(letter.data)).toBe(`payload-${n}`);
      }
      expect(letters.map((letter) => letter.msgId).sort()).toEqual(['evt-1', 'evt-2', 'evt-3']);
      expect(await bus.deadLetters(2)).toEqual(letters.slice(0, 2));
    });

    it('reports itself healthy while open and unhealthy once closed', async () => {
      const bus = await open();
      expect(bus.health().connected).toBe(true);
      await bus.close();
      expect(bus.health().connected).toBe(false);
    });
  });
}
