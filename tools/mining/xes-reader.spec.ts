import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { readXes, type XesReadOptions } from './xes-reader';
import { activitiesOf, casesOf } from './case-log.test-support';

const FIXTURES = join(__dirname, 'fixtures');
const fixture = (name: string) => join(FIXTURES, name);

type Progress = Parameters<NonNullable<XesReadOptions['onProgress']>>[0];

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ordex-xes-reader-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('readXes on a plain log', () => {
  it('maps traces to cases and events to activity, time and resource, sorted by time within a case', async () => {
    const result = await readXes(fixture('basic.xes'));

    // 3 traces; events 3 (SO-1) + 2 of 3 (trace 2: one has no concept:name) + 3 (SO-3) = 8.
    expect(result.traces).toBe(3);
    expect(result.events).toBe(8);
    expect(result.skippedEvents).toBe(1);
    // The second trace has no concept:name: named by its 1-based position. The log's own
    // concept:name and the <global> defaults (UNNAMED, UNKNOWN, NOBODY) are not applied.
    expect(result.log.caseIds).toEqual(['SO-1', 'trace-2', 'SO-3']);
    // Activities and resources in the order first added; &amp; is decoded.
    expect(result.log.activities).toEqual(['Receive order', 'Ship', 'Pick & Pack', 'Invoice']);
    expect(result.log.resources).toEqual(['Ana', 'Ben', 'Warehouse']);
    expect(casesOf(result.log)).toEqual({
      // Written Receive 08:00Z, Ship 12:00+02:00 = 10:00Z, Pick 09:00Z → sorted by time.
      // Pick & Pack has only org:group, so the group is its resource.
      'SO-1': [
        { activity: 'Receive order', time: '2024-03-01T08:00:00.000Z', resource: 'Ana' },
        { activity: 'Pick & Pack', time: '2024-03-01T09:00:00.000Z', resource: 'Warehouse' },
        { activity: 'Ship', time: '2024-03-01T10:00:00.000Z', resource: 'Ben' },
      ],
      // org:resource wins over org:group; 09:30−05:00 = 14:30Z; Invoice has no resource.
      'trace-2': [
        { activity: 'Receive order', time: '2024-03-02T08:00:00.000Z', resource: 'Ana' },
        { activity: 'Invoice', time: '2024-03-02T14:30:00.000Z', resource: null },
      ],
      // "yesterday" does not parse, and a time:timestamp as <string> is not a date: with events
      // without a time the case keeps file order (Receive at 08:00Z stays second).
      'SO-3': [
        { activity: 'Ship', time: null, resource: 'Ben' },
        { activity: 'Receive order', time: '2024-03-03T08:00:00.000Z', resource: null },
        { activity: 'Invoice', time: null, resource: null },
      ],
    });
  });

  it('lists the trace- and event-level attribute keys, not log-level or global ones', async () => {
    const result = await readXes(fixture('basic.xes'));

    // Trace: concept:name, customer; event: concept:name, time:timestamp, org:resource, org:group.
    expect(result.attributes).toEqual([
      'concept:name',
      'customer',
      'org:group',
      'org:resource',
      'time:timestamp',
    ]);
  });

  it('does not call onProgress for a log under 50,000 events', async () => {
    const onProgress = jest.fn();

    await readXes(fixture('basic.xes'), { onProgress });

    expect(onProgress).not.toHaveBeenCalled();
  });
});

describe('readXes lifecycle filtering', () => {
  it('keeps complete events (any case) and events without a transition by default', async () => {
    const result = await readXes(fixture('lifecycle.xes'));

    // T1: A complete, B COMPLETE, C (no transition), D complete = 4 of 8; T2: its only event is
    // a start, so T2 has no case but still counts as a trace.
    expect(activitiesOf(result.log)).toEqual({ T1: ['A', 'B', 'C', 'D'] });
    expect(casesOf(result.log)['T1'].map((row) => row.time)).toEqual([
      '2024-05-06T08:10:00.000Z',
      '2024-05-06T08:30:00.000Z',
      '2024-05-06T08:40:00.000Z',
      '2024-05-06T09:00:00.000Z',
    ]);
    expect(result.traces).toBe(2);
    expect(result.events).toBe(4);
    // Filtered events are not "skipped": they had a name.
    expect(result.skippedEvents).toBe(0);
    expect(result.attributes).toEqual(['concept:name', 'lifecycle:transition', 'time:timestamp']);
  });

  it('keeps the asked transition, matched case-insensitively', async () => {
    const result = await readXes(fixture('lifecycle.xes'), { lifecycle: 'START' });

    // T1: A start, B start, C (no transition), D Start = 4; T2: Y start = 1; 4 + 1 = 5.
    expect(activitiesOf(result.log)).toEqual({ T1: ['A', 'B', 'C', 'D'], T2: ['Y'] });
    expect(result.events).toBe(5);
  });

  it('keeps every event with lifecycle null', async () => {
    const result = await readXes(fixture('lifecycle.xes'), { lifecycle: null });

    // 8 + 1 = 9.
    expect(activitiesOf(result.log)).toEqual({ T1: ['A', 'A', 'B', 'B', 'C', 'D', 'D', 'E'], T2: ['Y'] });
    expect(result.events).toBe(9);
  });
});

describe('readXes with nested attributes and missing names', () => {
  it('reads only direct children of <trace> and <event> as their attributes', async () => {
    const result = await readXes(fixture('nested.xes'));

    // SO-9's concept:name comes after its events; names, times and resources nested in meta
    // attributes, lists and containers are ignored, as are the log's name, an <event> directly
    // under <log> and an <event> inside a trace attribute.
    expect(result.log.caseIds).toEqual(['SO-9', 'trace-2']);
    expect(casesOf(result.log)).toEqual({
      'SO-9': [
        { activity: 'Pick', time: '2024-04-01T10:00:00.000Z', resource: null },
        { activity: 'Pack', time: '2024-04-01T11:00:00.000Z', resource: 'Eva' },
      ],
      // A blank org:resource falls back to org:group.
      'trace-2': [{ activity: 'Pick', time: null, resource: 'Warehouse' }],
    });
    expect(result.traces).toBe(2);
    // Kept: Pick, Pack, Pick = 3. Skipped: the list-typed concept:name, the one named only
    // inside a meta attribute, the blank one = 3.
    expect(result.events).toBe(3);
    expect(result.skippedEvents).toBe(3);
    expect(result.attributes).toEqual([
      'comment',
      'concept:name',
      'handling',
      'note',
      'org:group',
      'org:resource',
      'tags',
      'time:timestamp',
      'wrapper',
    ]);
  });

  it('names every unnamed trace by its position among all traces', async () => {
    const path = join(scratch, 'unnamed.xes');
    const event = (name: string) => `<event><string key="concept:name" value="${name}"/></event>`;
    await writeFile(
      path,
      `<log><trace>${event('A')}</trace>` +
        `<trace><string key="concept:name" value="SO-2"/>${event('B')}</trace>` +
        `<trace>${event('C')}</trace><trace/></log>`,
    );

    const result = await readXes(path);

    // Positions 1 and 3 are unnamed; the empty 4th trace adds no case.
    expect(activitiesOf(result.log)).toEqual({ 'trace-1': ['A'], 'SO-2': ['B'], 'trace-3': ['C'] });
    expect(result.traces).toBe(4);
  });

  it('merges traces that share a concept:name into one case', async () => {
    const path = join(scratch, 'shared-name.xes');
    const trace = (name: string, activity: string, time: string) =>
      `<trace><string key="concept:name" value="${name}"/><event><string key="concept:name" value="${activity}"/>` +
      `<date key="time:timestamp" value="${time}"/></event></trace>`;
    await writeFile(
      path,
      `<log>${trace('SO-1', 'Ship', '2024-01-02T00:00:00Z')}${trace('SO-1', 'Receive', '2024-01-01T00:00:00Z')}</log>`,
    );

    const result = await readXes(path);

    expect(activitiesOf(result.log)).toEqual({ 'SO-1': ['Receive', 'Ship'] });
    expect(result.traces).toBe(2);
  });

  it('accepts a byte-order mark and a namespace prefix on the XES elements', async () => {
    const path = join(scratch, 'prefixed.xes');
    await writeFile(
      path,
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?><xes:log xmlns:xes="http://www.xes-standard.org/">' +
        '<xes:trace><xes:string key="concept:name" value="SO-1"/><xes:event>' +
        '<xes:string key="concept:name" value="Receive"/><xes:date key="time:timestamp" value="2024-01-01T00:00:00Z"/>' +
        '</xes:event></xes:trace></xes:log>',
    );

    const result = await readXes(path);

    expect(casesOf(result.log)).toEqual({
      'SO-1': [{ activity: 'Receive', time: '2024-01-01T00:00:00.000Z', resource: null }],
    });
  });
});

describe('readXes gzip detection', () => {
  it('reads a gzipped log, whatever its name says', async () => {
    const plain = await readXes(fixture('basic.xes'));
    const gzipped = gzipSync(await readFile(fixture('basic.xes')));
    const withSuffix = join(scratch, 'basic.xes.gz');
    const withoutSuffix = join(scratch, 'basic-compressed.xes');
    await writeFile(withSuffix, gzipped);
    await writeFile(withoutSuffix, gzipped);

    for (const path of [withSuffix, withoutSuffix]) {
      const result = await readXes(path);
      expect(result.log.caseIds).toEqual(['SO-1', 'trace-2', 'SO-3']);
      expect(casesOf(result.log)).toEqual(casesOf(plain.log));
      expect(result.events).toBe(8);
      expect(result.skippedEvents).toBe(1);
    }
  });

  it('reads a plain log named .xes.gz as plain XML', async () => {
    const path = join(scratch, 'plain-named.xes.gz');
    await copyFile(fixture('basic.xes'), path);

    const result = await readXes(path);

    expect(result.log.caseIds).toEqual(['SO-1', 'trace-2', 'SO-3']);
    expect(result.events).toBe(8);
  });
});

describe('readXes errors', () => {
  it('rejects a file that is not XML, naming the file', async () => {
    const path = fixture('not-xml.xes');

    // saxes reports where it noticed: after the CSV's last line.
    await expect(readXes(path)).rejects.toThrow(
      `Cannot read XES log ${path}: 3:0: text data outside of root node.`,
    );
  });

  it('rejects XML whose root is not <log>, naming the file and the root', async () => {
    const path = fixture('not-a-log.xes');

    await expect(readXes(path)).rejects.toThrow(
      `Cannot read XES log ${path}: not an XES event log: the root element is <rss>, not <log>`,
    );
  });

  it('rejects an empty file', async () => {
    const path = join(scratch, 'empty.xes');
    await writeFile(path, '');

    await expect(readXes(path)).rejects.toThrow(/document must contain a root element/);
    await expect(readXes(path)).rejects.toThrow(path);
  });

  it('rejects a truncated log rather than returning part of it', async () => {
    const path = join(scratch, 'truncated.xes');
    const text = await readFile(fixture('basic.xes'), 'utf8');
    await writeFile(path, text.slice(0, text.indexOf('<trace>', text.indexOf('SO-1'))));

    await expect(readXes(path)).rejects.toThrow(/unclosed tag/);
    await expect(readXes(path)).rejects.toThrow(path);
  });

  it('rejects a corrupt gzip file', async () => {
    const path = join(scratch, 'corrupt.xes.gz');
    await writeFile(path, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07]));

    await expect(readXes(path)).rejects.toThrow(`Cannot read XES log ${path}: `);
  });

  it('rejects a gzipped file that is not an XES log', async () => {
    const path = join(scratch, 'not-a-log.xes.gz');
    await writeFile(path, gzipSync(await readFile(fixture('not-a-log.xes'))));

    await expect(readXes(path)).rejects.toThrow(/root element is <rss>, not <log>/);
  });

  it('rejects a missing file', async () => {
    const path = join(scratch, 'missing.xes');

    await expect(readXes(path)).rejects.toThrow(`Cannot read XES log ${path}: ENOENT`);
  });
});

describe('readXes streaming a large log', () => {
  const TRACES = 10_000;
  // Multi-byte names, so some characters straddle the 64 KiB read chunks.
  const STEPS = [
    'Auftrag erfassen',
    'Prüfen',
    'Kommissionieren',
    'Verpacken',
    '配送',
    'Rechnung',
    'Zahlung',
    'Mahnung',
    'Gutschrift',
    'Abschluss',
  ];
  const PICKERS = 7;
  const BASE = Date.UTC(2024, 0, 1);
  const MINUTE = 60_000;
  let bigPath: string;
  let bigGzPath: string;

  /** Trace t's 10 events, written latest first: step k is at BASE + t h + k min. */
  function bigTrace(t: number): string {
    const events: string[] = [];
    for (let k = STEPS.length - 1; k >= 0; k--) {
      events.push(
        `<event><string key="concept:name" value="${STEPS[k]}"/>` +
          `<string key="lifecycle:transition" value="complete"/>` +
          `<date key="time:timestamp" value="${new Date(BASE + t * 60 * MINUTE + k * MINUTE).toISOString()}"/>` +
          `<string key="org:resource" value="picker-${t % PICKERS}"/></event>`,
      );
    }
    return `<trace><string key="concept:name" value="SO-${t}"/>${events.join('')}</trace>\n`;
  }

  beforeAll(async () => {
    bigPath = join(scratch, 'big.xes');
    bigGzPath = join(scratch, 'big.xes.gz');
    const file = await open(bigPath, 'w');
    try {
      await file.write('<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n');
      for (let from = 0; from < TRACES; from += 500) {
        const chunk: string[] = [];
        for (let t = from; t < from + 500; t++) chunk.push(bigTrace(t));
        await file.write(chunk.join(''));
      }
      await file.write('</log>\n');
    } finally {
      await file.close();
    }
    await pipeline(createReadStream(bigPath), createGzip(), createWriteStream(bigGzPath));
  }, 60_000);

  function expectBigLog(result: Awaited<ReturnType<typeof readXes>>): void {
    // 10,000 traces × 10 events = 100,000.
    expect(result.traces).toBe(TRACES);
    expect(result.events).toBe(100_000);
    expect(result.skippedEvents).toBe(0);
    const { log } = result;
    expect(log.activity.length).toBe(100_000);
    expect(log.caseIds.length).toBe(TRACES);
    expect(log.caseIds[0]).toBe('SO-0');
    expect(log.caseIds[TRACES - 1]).toBe('SO-9999');
    expect([...log.activities].sort()).toEqual([...STEPS].sort());
    expect(log.resources.length).toBe(PICKERS);
    // Every case comes out in step order (written reversed), with its own times and picker.
    let mismatches = 0;
    for (let c = 0; c < TRACES; c++) {
      for (let k = 0; k < STEPS.length; k++) {
        const e = log.caseStart[c] + k;
        const ok =
          log.activities[log.activity[e]] === STEPS[k] &&
          log.time[e] === BASE + c * 60 * MINUTE + k * MINUTE &&
          log.resources[log.resource[e]] === `picker-${c % PICKERS}`;
        if (!ok) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  }

  function expectStreamedProgress(progress: Progress[], totalBytes: number): void {
    // 100,000 events / 50,000 = 2 calls; the 50,000th event closes trace 5,000.
    expect(progress.map(({ traces, events }) => ({ traces, events }))).toEqual([
      { traces: 5_000, events: 50_000 },
      { traces: 10_000, events: 100_000 },
    ]);
    expect(progress.every((p) => p.totalBytes === totalBytes)).toBe(true);
    // Halfway through the events, only part of the file had been read: the reader streams.
    expect(progress[0].bytes).toBeGreaterThan(0);
    expect(progress[0].bytes).toBeLessThan(totalBytes);
    expect(progress[1].bytes).toBeGreaterThanOrEqual(progress[0].bytes);
    expect(progress[1].bytes).toBeLessThanOrEqual(totalBytes);
  }

  it('reads 100,000 events from a plain file, reporting progress as it goes', async () => {
    const progress: Progress[] = [];

    const result = await readXes(bigPath, { onProgress: (p) => progress.push(p) });

    expectBigLog(result);
    expectStreamedProgress(progress, (await stat(bigPath)).size);
  }, 60_000);

  it('reads a gzipped log from a named pipe, whose size is unknown', async () => {
    const fifo = join(scratch, 'big.fifo');
    execFileSync('mkfifo', [fifo]);
    const progress: Progress[] = [];

    const [result] = await Promise.all([
      readXes(fifo, { onProgress: (p) => progress.push(p) }),
      pipeline(createReadStream(bigGzPath), createWriteStream(fifo)),
    ]);

    expectBigLog(result);
    expect(progress.map((p) => p.totalBytes)).toEqual([null, null]);
    expect(progress[1].bytes).toBe((await stat(bigGzPath)).size);
  }, 60_000);

  it('reads the same 100,000 events gzipped, progress in compressed bytes', async () => {
    const progress: Progress[] = [];

    const result = await readXes(bigGzPath, { onProgress: (p) => progress.push(p) });

    expectBigLog(result);
    expectStreamedProgress(progress, (await stat(bigGzPath)).size);
  }, 60_000);
});
