import { join } from 'node:path';
import { STREAMS } from '@ordex/contracts';
import { BusMessage, JetStreamBus, PermanentEventError } from '@ordex/platform';
import { eventually, PrivateNats, runScript, startPrivateNats } from '@ordex/testing';

jest.setTimeout(60_000);

const dlq = join(__dirname, '../../dist/tools/dlq/dlq.js');

/** `npm run dlq`: list, inspect and replay dead letters after a fix, on real NATS JetStream. */
describe('dead-letter tool', () => {
  let nats: PrivateNats;
  let bus: JetStreamBus;
  let fixed = false;
  const applied: string[] = [];
  const run = (...args: string[]) => {
    const result = runScript(dlq, { NATS_URL: nats.url }, { args });
    if (result.code !== 0) throw new Error(`dlq ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return result.stdout;
  };

  beforeAll(async () => {
    nats = await startPrivateNats();
    bus = await JetStreamBus.connect({
      servers: nats.url,
      name: 'dlq-test',
      streams: STREAMS.map((s) => ({ name: s.name, subjects: [...s.subjects] })),
    });
    await bus.consume(
      { durable: 'carrier-master', subjects: ['erp.carrier.changed.v1'], backoffMs: [20] },
      async (m: BusMessage) => {
        const text = new TextDecoder().decode(m.data);
        if (text.includes('CAR-BAD') && !fixed)
          throw new PermanentEventError('carrier CAR-BAD: unknown lane region XX');
        applied.push(text);
      },
    );
    for (const code of ['CAR-1', 'CAR-BAD', 'CAR-2']) {
      await bus.publish('erp.carrier.changed.v1', new TextEncoder().encode(JSON.stringify({ code })), {
        msgId: code,
        headers: { 'ordex-key': code },
      });
    }
    await eventually(async () =>
      applied.length === 2 && (await bus.deadLetters()).length === 1 ? true : undefined,
    );
  });

  afterAll(async () => {
    await bus?.close();
    await nats?.dispose();
  });

  it('lists dead letters with their consumer, subject and reason', () => {
    const out = run('list');
    expect(out).toContain('1 dead letters in the stream');
    expect(out).toMatch(
      /carrier-master\s+erp\.carrier\.changed\.v1\s+PermanentEventError: carrier CAR-BAD: unknown lane region XX/,
    );
  });

  it('shows one dead letter with its payload', () => {
    const seq = /^\s+(\d+)\s/m.exec(run('list').split('\n').slice(2).join('\n'))![1];
    const out = run('show', seq);
    expect(out).toContain('"originalSubject": "erp.carrier.changed.v1"');
    expect(out).toContain('"msgId": "CAR-BAD"');
    expect(out).toContain('"code": "CAR-BAD"');
  });

  it('replays it after the fix: the consumer applies it and the dead-letter stream is empty', async () => {
    fixed = true;
    expect(run('replay', '--all')).toContain('replayed 1 dead letter(s)');
    await eventually(async () => (applied.some((t) => t.includes('CAR-BAD')) ? true : undefined));
    expect(run('list')).toContain('0 dead letters in the stream');
    expect(applied.filter((t) => t.includes('CAR-BAD'))).toHaveLength(1);
  });

  it('refuses a malformed command with its usage', () => {
    const result = runScript(dlq, { NATS_URL: nats.url }, { args: ['show', 'abc'] });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run dlq');
  });
});
