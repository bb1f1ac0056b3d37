import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { bottlenecks, directlyFollows, summarize, variants } from '@ordex/mining';
import { readOcelJson } from './ocel-reader';
import { readXes } from './xes-reader';

export const USAGE = `npm run mine -- <log.xes | log.xes.gz | log.jsonocel> [--json] [--top N]

Imports an XES event log (plain or gzipped, streamed) or an OCEL 2.0 JSON log (flattened per
object type) and prints its process: cases, events,
activities, variants with counts and durations, the directly-follows graph with frequencies and
waiting times, and the longest waits by resource. Progress goes to stderr while reading.
  --json     end with one line of JSON: cases, events, activities, variants, dfgEdges, seconds
  --top N    how many variants, edges and bottlenecks to list (default 10)`;

const minutes = (ms: number | null) => (ms === null ? '—' : `${(ms / 60_000).toFixed(1)} min`);

/** `npm run mine -- <file> [--json]`: the analyses of an event log file, on the terminal. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      top: { type: 'string', default: '10' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length !== 1) {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = values.help ? 0 : 64;
    return;
  }
  const file = positionals[0];
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 1) throw new Error('--top must be a whole number from 1');
  if (/\.(sqlite|sqlite3|db)$/i.test(file)) {
    throw new Error(
      `${file}: OCEL 2.0 SQLite import is not built yet; this command reads XES and OCEL 2.0 JSON`,
    );
  }
  if (/\.(jsonocel|json)(\.gz)?$/i.test(file)) {
    await mineOcel(file, top, values.json === true);
    return;
  }
  const totalBytes = statSync(file).size;
  const started = performance.now();
  const read = await readXes(file, {
    onProgress: ({ bytes, events, traces }) =>
      process.stderr.write(
        `reading ${basename(file)}: ${traces.toLocaleString('en')} traces, ${events.toLocaleString('en')} events, ` +
          `${((100 * bytes) / totalBytes).toFixed(0)} % of ${(totalBytes / 1e6).toFixed(1)} MB\n`,
      ),
  });
  const readSeconds = (performance.now() - started) / 1000;
  const mined = performance.now();
  const dfg = directlyFollows(read.log);
  const paths = variants(read.log);
  const waits = bottlenecks(read.log, top);
  const summary = summarize(read.log);
  const mineSeconds = (performance.now() - mined) / 1000;

  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(
    `${basename(file)}: ${summary.cases.toLocaleString('en')} cases, ${summary.events.toLocaleString('en')} events, ` +
      `${summary.activities} activities, ${summary.variants.toLocaleString('en')} variants, ${summary.dfgEdges} directly-follows edges`,
  );
  if (read.skippedEvents) out(`(${read.skippedEvents} events without an activity name left out)`);
  out(`read in ${readSeconds.toFixed(2)} s, mined in ${mineSeconds.toFixed(2)} s`);
  out();
  out(`Top ${Math.min(top, paths.length)} variants (cases, median duration):`);
  for (const v of paths.slice(0, top)) {
    out(
      `  ${String(v.cases).padStart(7)}  ${minutes(v.medianDurationMs).padStart(12)}  ${v.activities.join(' → ')}`,
    );
  }
  out();
  out(`Top ${Math.min(top, dfg.edges.length)} directly-follows edges (frequency, median wait, p90):`);
  for (const e of dfg.edges.slice(0, top)) {
    out(
      `  ${String(e.frequency).padStart(7)}  ${minutes(e.medianMs).padStart(12)}  ${minutes(e.p90Ms).padStart(12)}  ${e.from} → ${e.to}`,
    );
  }
  out();
  out(`Longest waits (mean, max, occurrences, by the resource of the event waited for):`);
  for (const b of waits) {
    out(
      `  ${minutes(b.meanWaitMs).padStart(12)}  ${minutes(b.maxWaitMs).padStart(12)}  ${String(b.occurrences).padStart(7)}  ${b.from} → ${b.to}${b.resource ? ` (${b.resource})` : ''}`,
    );
  }
  if (values.json) {
    out(
      JSON.stringify({
        file: basename(file),
        cases: summary.cases,
        events: summary.events,
        activities: summary.activities,
        variants: summary.variants,
        dfgEdges: summary.dfgEdges,
        skippedEvents: read.skippedEvents,
        readSeconds: Number(readSeconds.toFixed(3)),
        mineSeconds: Number(mineSeconds.toFixed(3)),
      }),
    );
  }
}

/** An OCEL 2.0 JSON log: the same analyses per object type, on the log flattened to that type. */
async function mineOcel(file: string, top: number, json: boolean): Promise<void> {
  const started = performance.now();
  const read = await readOcelJson(file, {
    onProgress: ({ events, total }) =>
      process.stderr.write(
        `flattening ${basename(file)}: ${events.toLocaleString('en')} of ${total.toLocaleString('en')} events\n`,
      ),
  });
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(
    `${basename(file)}: OCEL 2.0, ${read.events.toLocaleString('en')} events, ${read.objects.toLocaleString('en')} objects, ` +
      `object types ${read.objectTypes.join(', ')}; read in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
  if (read.danglingRelationships)
    out(`(${read.danglingRelationships} relationships to unknown objects left out)`);
  const perType: Record<string, ReturnType<typeof summarize>> = {};
  for (const type of read.objectTypes) {
    const log = read.byObjectType.get(type);
    if (!log) continue;
    const summary = summarize(log);
    perType[type] = summary;
    out();
    out(
      `${type}: ${summary.cases.toLocaleString('en')} objects with events, ${summary.events.toLocaleString('en')} events, ` +
        `${summary.activities} activities, ${summary.variants} variants, ${summary.dfgEdges} directly-follows edges`,
    );
    for (const v of variants(log).slice(0, top)) {
      out(
        `  ${String(v.cases).padStart(7)}  ${minutes(v.medianDurationMs).padStart(12)}  ${v.activities.join(' → ')}`,
      );
    }
    for (const e of directlyFollows(log).edges.slice(0, top)) {
      out(`  ${String(e.frequency).padStart(7)}  ${minutes(e.medianMs).padStart(12)}  ${e.from} → ${e.to}`);
    }
  }
  if (json) {
    out(
      JSON.stringify({
        file: basename(file),
        format: 'ocel2-json',
        events: read.events,
        objects: read.objects,
        objectTypes: perType,
      }),
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
});
