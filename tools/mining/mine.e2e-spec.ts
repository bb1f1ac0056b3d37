import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { renderTrendSvg } from '@ordex/mining';
import { SaxesParser } from 'saxes';

const run = promisify(execFile);
const MINE = join(__dirname, '../../dist/tools/mining/mine.js');
const FIXTURE = join(__dirname, 'fixtures/basic.xes');

/** An SVG file as a conforming XML parser reads it: anything malformed throws. */
interface SvgRead {
  root: string;
  title: string;
  /** The activities drawn, from each activity box's `data-activity`. */
  activities: string[];
  /** The class lists of all elements, to tell what was drawn. */
  classes: string[];
  /** The lines of a trend chart, from each series group's `data-series`. */
  series: string[];
}

function readSvg(file: string): SvgRead {
  const parser = new SaxesParser();
  const read: SvgRead = { root: '', title: '', activities: [], classes: [], series: [] };
  const open: string[] = [];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    if (!open.length) read.root = tag.name;
    open.push(tag.name);
    const { class: classList, 'data-activity': activity, 'data-series': series } = tag.attributes;
    if (classList !== undefined) read.classes.push(classList);
    if (classList === 'activity' && activity !== undefined) read.activities.push(activity);
    if (classList === 'series' && series !== undefined) read.series.push(series);
  });
  parser.on('text', (text) => {
    if (open.join(' ') === 'svg title') read.title += text;
  });
  parser.on('closetag', () => open.pop());
  parser.write(readFileSync(file, 'utf8')).close();
  return read;
}

/** `npm run mine` as people run it (the built CLI), on a plain and a gzipped XES log. */
describe('npm run mine', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ordex-mine-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1) as string);

  it('prints the analyses and ends with one line of JSON with the counts', async () => {
    const { stdout } = await run('node', [MINE, FIXTURE, '--json']);
    expect(stdout).toContain('directly-follows edges');
    expect(stdout).toContain('Receive order → Invoice');
    expect(lastJson(stdout)).toMatchObject({
      file: 'basic.xes',
      cases: 3,
      events: 8,
      activities: 4,
      variants: 3,
      dfgEdges: 4,
      skippedEvents: 1,
    });
  });

  it('reads a gzipped log the same way, whatever the file is called', async () => {
    const gz = join(dir, 'orders.log');
    writeFileSync(gz, gzipSync(readFileSync(FIXTURE)));
    const { stdout } = await run('node', [MINE, gz, '--json']);
    expect(lastJson(stdout)).toMatchObject({ cases: 3, events: 8, activities: 4, variants: 3, dfgEdges: 4 });
  });

  it('flattens an OCEL 2.0 JSON log per object type, with the counts per type in the JSON line', async () => {
    const { stdout } = await run('node', [MINE, join(__dirname, 'fixtures/orders.jsonocel'), '--json']);
    expect(lastJson(stdout)).toEqual({
      file: 'orders.jsonocel',
      format: 'ocel2-json',
      events: 12,
      objects: 9,
      objectTypes: {
        delivery: { cases: 2, events: 3, activities: 3, variants: 2, dfgEdges: 1 },
        item: { cases: 3, events: 10, activities: 4, variants: 2, dfgEdges: 3 },
        order: { cases: 2, events: 13, activities: 6, variants: 2, dfgEdges: 8 },
      },
    });
  });

  /** The per-type counts of fixtures/orders.jsonocel, in whatever format it was read. */
  const ORDERS_PER_TYPE = {
    delivery: { cases: 2, events: 3, activities: 3, variants: 2, dfgEdges: 1 },
    item: { cases: 3, events: 10, activities: 4, variants: 2, dfgEdges: 3 },
    order: { cases: 2, events: 13, activities: 6, variants: 2, dfgEdges: 8 },
  };
  const ORDERS = join(__dirname, 'fixtures/orders.jsonocel');

  it('exports an OCEL log as SQLite and reads that by its header, whatever the file is called', async () => {
    const sqlite = join(dir, 'orders.sqlite');
    const exported = await run('node', [MINE, ORDERS, '--export-ocel', sqlite]);
    expect(exported.stdout).toContain(`exported OCEL 2.0 SQLite to ${sqlite}: 12 events, 9 objects`);
    const renamed = join(dir, 'orders-database.log');
    copyFileSync(sqlite, renamed);

    const { stdout } = await run('node', [MINE, renamed, '--json']);

    expect(stdout).toContain('orders-database.log: OCEL 2.0 SQLite, 12 events, 9 objects');
    expect(lastJson(stdout)).toEqual({
      file: 'orders-database.log',
      format: 'ocel2-sqlite',
      events: 12,
      objects: 9,
      objectTypes: ORDERS_PER_TYPE,
    });
  });

  it('exports an OCEL SQLite log as OCEL JSON that reads back with the same counts', async () => {
    const sqlite = join(dir, 'orders-for-json.sqlite');
    await run('node', [MINE, ORDERS, '--export-ocel', sqlite]);
    const json = join(dir, 'orders-again.jsonocel');

    const exported = await run('node', [MINE, sqlite, '--export-ocel', json]);
    const { stdout } = await run('node', [MINE, json, '--json']);

    expect(exported.stdout).toContain(`exported OCEL 2.0 JSON to ${json}: 12 events, 9 objects`);
    expect(lastJson(stdout)).toEqual({
      file: 'orders-again.jsonocel',
      format: 'ocel2-json',
      events: 12,
      objects: 9,
      objectTypes: ORDERS_PER_TYPE,
    });
  });

  it('exports one object type of an OCEL log as XES, keeping the JSON line last', async () => {
    const xes = join(dir, 'orders-by-order.xes');

    const exported = await run('node', [
      MINE,
      ORDERS,
      '--export-xes',
      xes,
      '--object-type',
      'order',
      '--json',
    ]);
    const { stdout } = await run('node', [MINE, xes, '--json']);

    expect(exported.stdout).toContain(`exported XES to ${xes}: 2 cases, 13 events`);
    expect(lastJson(exported.stdout)).toMatchObject({
      file: 'orders.jsonocel',
      format: 'ocel2-json',
      events: 12,
    });
    expect(lastJson(stdout)).toMatchObject({ ...ORDERS_PER_TYPE.order, skippedEvents: 0 });
  });

  it('exports an XES log as XES, without the events it left out', async () => {
    const xes = join(dir, 'basic-again.xes');

    const exported = await run('node', [MINE, FIXTURE, '--export-xes', xes]);
    const { stdout } = await run('node', [MINE, xes, '--json']);

    expect(exported.stdout).toContain(`exported XES to ${xes}: 3 cases, 8 events`);
    expect(lastJson(stdout)).toMatchObject({
      cases: 3,
      events: 8,
      activities: 4,
      variants: 3,
      dfgEdges: 4,
      skippedEvents: 0,
    });
  });

  it('draws the process map of an XES log as SVG, every activity in it, keeping the JSON line last', async () => {
    const svg = join(dir, 'basic.svg');

    const { stdout } = await run('node', [MINE, FIXTURE, '--svg', svg, '--json']);

    expect(stdout).toContain(`wrote process map SVG to ${svg}: 4 activities, 4 edges\n`);
    const drawn = readSvg(svg);
    expect(drawn.root).toBe('svg');
    expect(drawn.title).toBe('basic.xes');
    expect(drawn.activities.sort()).toEqual(['Invoice', 'Pick & Pack', 'Receive order', 'Ship']);
    expect(lastJson(stdout)).toMatchObject({ file: 'basic.xes', activities: drawn.activities.length });
    expect(drawn.classes).not.toContain('legend');
  });

  it('colours the map by median wait with --svg-metric wait, with the key under it', async () => {
    const svg = join(dir, 'basic-wait.svg');

    await run('node', [MINE, FIXTURE, '--svg', svg, '--svg-metric', 'wait']);

    expect(readSvg(svg).classes).toContain('legend');
  });

  it('draws the process map of one object type of an OCEL log as SVG', async () => {
    const svg = join(dir, 'orders-item.svg');

    const { stdout } = await run('node', [MINE, ORDERS, '--svg', svg, '--object-type', 'item', '--json']);

    expect(stdout).toContain(`wrote process map SVG to ${svg}: 4 activities, 3 edges\n`);
    const drawn = readSvg(svg);
    expect(drawn.root).toBe('svg');
    expect(drawn.title).toBe('orders.jsonocel (item)');
    expect(drawn.activities.sort()).toEqual(['Pack', 'Pick item', 'Place order', 'Return item']);
    expect(lastJson(stdout).objectTypes.item.activities).toBe(drawn.activities.length);
  });

  /** The trend chart `npm run mine` draws: cases started and completed per bucket, from its first instant. */
  const trendSvg = (title: string, buckets: [string, number, number][]) =>
    renderTrendSvg(
      [
        {
          name: 'cases started',
          points: buckets.map(([start, started]) => ({ at: Date.parse(start), value: started })),
        },
        {
          name: 'cases completed',
          points: buckets.map(([start, , completed]) => ({ at: Date.parse(start), value: completed })),
        },
      ],
      { title, unit: 'cases', yFrom0: true },
    );
  const RUNNING_EXAMPLE = join(__dirname, 'fixtures/public/running-example.xes');

  it('draws the cases started and completed per ISO week of an XES log, keeping the JSON line last', async () => {
    const svg = join(dir, 'running-example-weeks.svg');

    const { stdout } = await run('node', [
      MINE,
      RUNNING_EXAMPLE,
      '--trend-svg',
      svg,
      '--trend-grain',
      'week',
      '--json',
    ]);

    expect(stdout).toContain(`wrote trend SVG to ${svg}: 5 buckets (week)\n`);
    expect(lastJson(stdout)).toMatchObject({ file: 'running-example.xes', cases: 6 });
    const drawn = readSvg(svg);
    expect(drawn.root).toBe('svg');
    expect(drawn.title).toBe('running-example.xes: cases per week');
    expect(drawn.series).toEqual(['cases started', 'cases completed']);
    // Cases 1, 2, 3 start on Thursday 30 December 2010, 4, 5, 6 on 6 January 2011 (UTC, as all
    // times here). They complete on 7 and 8 January (1, 2), 12, 15 and Sunday 16 January (4, 3, 6)
    // and Monday 24 January (5); the week of 17 January has none.
    expect(readFileSync(svg, 'utf8')).toBe(
      trendSvg('running-example.xes: cases per week', [
        ['2010-12-27T00:00:00Z', 3, 0],
        ['2011-01-03T00:00:00Z', 3, 2],
        ['2011-01-10T00:00:00Z', 0, 3],
        ['2011-01-17T00:00:00Z', 0, 0],
        ['2011-01-24T00:00:00Z', 0, 1],
      ]),
    );
  });

  it('counts by day a log of at most 62 days unless told otherwise', async () => {
    const svg = join(dir, 'running-example-days.svg');

    const { stdout } = await run('node', [MINE, RUNNING_EXAMPLE, '--trend-svg', svg]);

    // 30 December 2010 to 24 January 2011.
    expect(stdout).toContain(`wrote trend SVG to ${svg}: 26 buckets (day)\n`);
    expect(readSvg(svg).title).toBe('running-example.xes: cases per day');
  });

  it('draws the trend of one object type of an OCEL log, its objects as cases', async () => {
    const svg = join(dir, 'orders-item-trend.svg');

    const { stdout } = await run('node', [MINE, ORDERS, '--trend-svg', svg, '--object-type', 'item']);

    // Items i1 and i3 start and complete on 1 March 2024, i2 starts then and is returned on 3 March.
    expect(stdout).toContain(`wrote trend SVG to ${svg}: 3 buckets (day)\n`);
    expect(readFileSync(svg, 'utf8')).toBe(
      trendSvg('orders.jsonocel (item): cases per day', [
        ['2024-03-01T00:00:00Z', 3, 2],
        ['2024-03-02T00:00:00Z', 0, 0],
        ['2024-03-03T00:00:00Z', 0, 1],
      ]),
    );
  });

  it('refuses an export the input cannot give, writing nothing', async () => {
    const target = join(dir, 'refused.out');
    const refused = async (args: string[], reason: string) => {
      await expect(run('node', [MINE, ...args])).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining(reason),
      });
    };

    await refused([ORDERS, '--export-xes', `${target}.xes`], 'needs --object-type T');
    await refused(
      [ORDERS, '--export-xes', `${target}.xes`, '--object-type', 'pallet'],
      '--object-type pallet: orders.jsonocel has no such object type (it has delivery, item, order)',
    );
    await refused([FIXTURE, '--export-ocel', `${target}.sqlite`], '--export-ocel needs an OCEL 2.0 log');
    await refused([ORDERS, '--export-ocel', `${target}.csv`], 'name the file .jsonocel or .json');
    await refused(
      [ORDERS, '--svg', `${target}.svg`],
      '--svg on an OCEL 2.0 log needs --object-type T: a process map follows one object type',
    );
    await refused(
      [ORDERS, '--svg', `${target}.svg`, '--object-type', 'pallet'],
      '--object-type pallet: orders.jsonocel has no such object type (it has delivery, item, order)',
    );
    await refused(
      [FIXTURE, '--svg', `${target}.svg`, '--svg-metric', 'speed'],
      '--svg-metric speed: say frequency or wait',
    );
    await refused(
      [FIXTURE, '--svg-metric', 'wait'],
      '--svg-metric says what --svg colours edges by; give --svg too',
    );
    await refused(
      [ORDERS, '--object-type', 'order'],
      '--object-type says which object type --export-xes, --svg or --trend-svg works on; give one of them too',
    );
    await refused(
      [ORDERS, '--trend-svg', `${target}.svg`],
      '--trend-svg on an OCEL 2.0 log needs --object-type T: a trend counts the objects of one type as cases',
    );
    await refused(
      [ORDERS, '--trend-svg', `${target}.svg`, '--object-type', 'pallet'],
      '--object-type pallet: orders.jsonocel has no such object type (it has delivery, item, order)',
    );
    await refused(
      [FIXTURE, '--trend-svg', `${target}.svg`, '--trend-grain', 'quarter'],
      '--trend-grain quarter: say day, week or month',
    );
    await refused(
      [FIXTURE, '--trend-grain', 'week'],
      '--trend-grain says what --trend-svg counts cases by; give --trend-svg too',
    );
    expect(
      ['.xes', '.sqlite', '.csv', '.svg'].filter((extension) => existsSync(`${target}${extension}`)),
    ).toEqual([]);
  });

  it('says so when a file named .sqlite is no SQLite database', async () => {
    const fake = join(dir, 'fake.sqlite');
    writeFileSync(fake, 'not a database');

    await expect(run('node', [MINE, fake])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`Cannot read OCEL log ${fake}: not an SQLite database`),
    });
  });

  it('says what is wrong with a file it cannot read, with a non-zero exit', async () => {
    await expect(run('node', [MINE, join(__dirname, 'fixtures/not-xml.xes')])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Cannot read XES log'),
    });
    await expect(run('node', [MINE])).rejects.toMatchObject({ code: 64 });
  });
});
