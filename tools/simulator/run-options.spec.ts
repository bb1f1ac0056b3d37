import { DEFAULT_FALLOUT } from './fallout-shares.util';
import { dueWallMs } from './pacing.util';
import { parseRunOptions } from './run-options';
import { emptySummary, formatSummary, tally } from './run-summary.util';

describe('runner options', () => {
  it('defaults to NATS, 1000 orders at 3600 simulated seconds per second', () => {
    const options = parseRunOptions([], { NATS_URL: 'nats://a:4222,nats://b:4222' });
    expect(options).toMatchObject({
      target: { kind: 'nats', servers: ['nats://a:4222', 'nats://b:4222'] },
      orders: 1000,
      speed: 3600,
      seed: 1,
      size: 'small',
      fallout: DEFAULT_FALLOUT,
      skipMasterData: false,
    });
    expect(options.answerCommands).toBeUndefined();
  });

  it('reads the GraphQL target, fallout shares, pacing and the connector', () => {
    const options = parseRunOptions(
      [
        '--graphql',
        'http://gw/graphql',
        '--token',
        't',
        '--duration',
        '30',
        '--as-fast-as-possible',
        '--rate',
        '200',
        '--fallout',
        'CREDIT_HOLD=0.2',
        '--answer-commands',
        '--reject-share',
        '0.1',
        '--linger',
        '60',
      ],
      {},
    );
    expect(options).toMatchObject({
      target: { kind: 'graphql', url: 'http://gw/graphql', token: 't' },
      duration: 30,
      orders: undefined,
      speed: undefined,
      rate: 200,
      fallout: { ...DEFAULT_FALLOUT, CREDIT_HOLD: 0.2 },
      answerCommands: { rejectShare: 0.1, loseShare: 0.02, delayMedianMs: 2000, lingerSeconds: 60 },
    });
  });

  it.each([
    [['--rate', '0'], '--rate must be a number > 0 (got 0)'],
    [['--orders', '1.5'], '--orders must be a whole number > 0'],
    [['--size', 'huge'], '--size must be one of small, full'],
    [['--orders', '5', '--duration', '5'], 'exclude each other'],
    [['--speed', '10', '--as-fast-as-possible'], 'exclude each other'],
    [['--nats', 'nats://x', '--graphql', 'http://y'], 'exclude each other'],
    [['--graphql', 'ftp://x'], 'http(s) URL'],
    [['--seed=-1'], '--seed must be an integer'],
    [['--fallout', 'NOPE=1'], 'unknown category NOPE'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j', (args, message) => {
    expect(() => parseRunOptions(args, {})).toThrow(message);
  });

  it('paces by simulated time and by rate, whichever is later', () => {
    expect(dueWallMs(0, 7_200_000, 0, { speed: 3600 })).toBe(2000);
    expect(dueWallMs(10, 0, 0, { rate: 5 })).toBe(2000);
    expect(dueWallMs(10, 3_600_000, 0, { speed: 3600, rate: 5 })).toBe(2000);
    expect(dueWallMs(10, 3_600_000, 0, {})).toBe(0);
  });

  it('summarises a run', () => {
    const summary = emptySummary();
    const event = { id: 'e', type: 'erp.order.created.v1' } as never;
    const label = {
      orderNumber: 'SO-1',
      customerId: 'C',
      orderedAt: '',
      monthEnd: false,
      requestedDate: '2026-11-04',
      categories: ['STOCK_SHORTAGE' as never],
      details: [],
      note: null,
      noteCategory: null,
    };
    tally(summary, { seq: 1, at: 0, kind: 'order', event, label }, 'accepted');
    tally(summary, { seq: 2, at: 0, kind: 'duplicate', event }, 'duplicate');
    tally(summary, { seq: 3, at: 0, kind: 'change', event }, { error: 'timeout' });
    expect(summary).toMatchObject({
      events: 3,
      orders: 1,
      versions: 1,
      duplicates: 1,
      accepted: 1,
      alreadyKnown: 1,
      publishErrors: 1,
      lastError: 'timeout',
    });
    expect(summary.fallout.STOCK_SHORTAGE).toBe(1);
    const text = formatSummary(summary, 2);
    expect(text).toContain('STOCK_SHORTAGE             1  100.0 %');
    expect(text).toContain('3 in 2.0 s = 1.5 events/s');
    expect(text).toContain('publish errors    1 (last: timeout)');
  });
});
