import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const run = promisify(execFile);
const MINE = join(__dirname, '../../dist/tools/mining/mine.js');
const FIXTURE = join(__dirname, 'fixtures/basic.xes');

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

  it('says what is wrong with a file it cannot read, with a non-zero exit', async () => {
    await expect(run('node', [MINE, join(__dirname, 'fixtures/not-xml.xes')])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Cannot read XES log'),
    });
    await expect(run('node', [MINE])).rejects.toMatchObject({ code: 64 });
  });
});
