import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  bottlenecks,
  directlyFollows,
  renderProcessMapSvg,
  renderTrendSvg,
  summarize,
  variants,
  writeOcelJson,
  writeOcelSqlite,
  writeXes,
  type CaseEventLog,
  type Dfg,
  type ProcessMapSvgOptions,
} from '@ordex/mining';
import { isSqliteFile, readOcelJson, readOcelSqliteFile, type OcelReadResult } from './ocel-reader';
import { caseTrend, caseTrendSeries, TREND_GRAINS, type TrendGrain } from './trend-buckets';
import { readXes } from './xes-reader';

/**
 * The edges a process map written by --svg draws, most frequent first: about what a reader can
 * follow on one screen. The renderer adds any edge needed to keep an activity connected.
 */
const SVG_MAX_EDGES = 60;

export const USAGE = `npm run mine -- <log.xes | log.xes.gz | log.jsonocel | log.sqlite> [--json] [--top N]
         [--export-ocel <file.jsonocel | file.sqlite>] [--export-xes <file.xes>]
         [--svg <file.svg> [--svg-metric frequency|wait]]
         [--trend-svg <file.svg> [--trend-grain day|week|month]] [--object-type T]

Imports an XES event log (plain or gzipped, streamed) or an OCEL 2.0 log, JSON or SQLite
(flattened per object type; an SQLite database is recognised by its header, whatever its name),
and prints its process: cases, events, activities, variants with counts and durations, the
directly-follows graph with frequencies and waiting times, and the longest waits by resource.
Progress goes to stderr while reading.
  --json               end with one line of JSON: cases, events, activities, variants, dfgEdges,
                       seconds (for OCEL: events, objects and those counts per object type)
  --top N              how many variants, edges and bottlenecks to list (default 10)
  --export-ocel FILE   write the OCEL 2.0 log read (OCEL input only) as OCEL 2.0 JSON (.jsonocel,
                       .json) or OCEL 2.0 SQLite (.sqlite, .sqlite3, .db), for pm4py, ocpa, Celonis
  --export-xes FILE    write a case-centric log as XES (IEEE 1849-2016): the XES log as read, or
                       the OCEL log flattened to the object type --object-type names
  --svg FILE           write the process map (directly-follows graph) as an SVG image: of the XES
                       log, or of the object type --object-type names in an OCEL log; it draws the
                       ${SVG_MAX_EDGES} most frequent edges and any more that keep every activity connected
  --svg-metric M       what --svg colours edges by: frequency (default) or wait (median wait,
                       green to red)
  --trend-svg FILE     write a trend chart as an SVG image: cases started and cases completed per
                       day, week or month (UTC), of the XES log or of the object type
                       --object-type names in an OCEL log
  --trend-grain G      what --trend-svg counts by: day, week (from Monday) or month; by default
                       day up to 62 days of log, week up to two years, month beyond
  --object-type T      which object type of an OCEL log --export-xes flattens it to and --svg and
                       --trend-svg draw (required with any of them on OCEL input)`;

/**
 * Where the exports go: an OCEL file (JSON or SQLite by extension), an XES file, the process
 * map as SVG, coloured by `metric`, and the trend chart as SVG, by `grain` (null: chosen by the
 * log's span).
 */
interface ExportRequest {
  ocel: { file: string; format: 'json' | 'sqlite' } | null;
  xes: string | null;
  svg: { file: string; metric: NonNullable<ProcessMapSvgOptions['metric']> } | null;
  trend: { file: string; grain: TrendGrain | null } | null;
  objectType: string | null;
}

/** The export flags as parsed, before they are checked. */
interface ExportFlags {
  'export-ocel'?: string;
  'export-xes'?: string;
  svg?: string;
  'svg-metric'?: string;
  'trend-svg'?: string;
  'trend-grain'?: string;
  'object-type'?: string;
}

/** What kind of log the input is. */
type LogKind = 'xes' | 'ocel2-json' | 'ocel2-sqlite';

const minutes = (ms: number | null) => (ms === null ? '—' : `${(ms / 60_000).toFixed(1)} min`);

/**
 * `npm run mine -- <file> [--json] [--top N] [--export-ocel F] [--export-xes F] [--svg F
 * [--svg-metric M]] [--trend-svg F [--trend-grain G]] [--object-type T]`: the analyses of an
 * event log file, on the terminal, the log written in other formats, and its process map and
 * its cases over time drawn as SVG.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      top: { type: 'string', default: '10' },
      'export-ocel': { type: 'string' },
      'export-xes': { type: 'string' },
      svg: { type: 'string' },
      'svg-metric': { type: 'string' },
      'trend-svg': { type: 'string' },
      'trend-grain': { type: 'string' },
      'object-type': { type: 'string' },
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
  const request = exportRequestOf(values);
  const kind = await logKindOf(file);
  checkExportsFit(kind, request);
  if (kind !== 'xes') {
    await mineOcel(file, kind, top, values.json === true, request);
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
  if (request.xes !== null || request.svg !== null || request.trend !== null) out();
  if (request.xes !== null) await exportXes(request.xes, read.log, basename(file), out);
  if (request.svg !== null) await exportSvg(request.svg, dfg, basename(file), out);
  if (request.trend !== null) await exportTrend(request.trend, read.log, basename(file), out);
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

/**
 * The export flags, checked before anything is read: an OCEL export's format comes from its
 * extension, --svg-metric only means something with --svg, --trend-grain only with --trend-svg,
 * and --object-type only with --export-xes, --svg or --trend-svg.
 */
function exportRequestOf(flags: ExportFlags): ExportRequest {
  const {
    'export-ocel': ocel,
    'export-xes': xes,
    svg,
    'svg-metric': metric,
    'trend-svg': trend,
    'trend-grain': grain,
    'object-type': objectType,
  } = flags;
  let ocelExport: ExportRequest['ocel'] = null;
  if (ocel !== undefined) {
    if (/\.(sqlite|sqlite3|db)$/i.test(ocel)) ocelExport = { file: ocel, format: 'sqlite' };
    else if (/\.(jsonocel|json)$/i.test(ocel)) ocelExport = { file: ocel, format: 'json' };
    else
      throw new Error(
        `--export-ocel ${ocel}: name the file .jsonocel or .json (OCEL 2.0 JSON) or .sqlite, .sqlite3 or .db (OCEL 2.0 SQLite)`,
      );
  }
  if (metric !== undefined && metric !== 'frequency' && metric !== 'wait')
    throw new Error(`--svg-metric ${metric}: say frequency or wait`);
  if (metric !== undefined && svg === undefined)
    throw new Error('--svg-metric says what --svg colours edges by; give --svg too');
  let trendGrain: TrendGrain | null = null;
  if (grain !== undefined) {
    if (!isTrendGrain(grain)) throw new Error(`--trend-grain ${grain}: say day, week or month`);
    if (trend === undefined)
      throw new Error('--trend-grain says what --trend-svg counts cases by; give --trend-svg too');
    trendGrain = grain;
  }
  if (objectType !== undefined && xes === undefined && svg === undefined && trend === undefined)
    throw new Error(
      '--object-type says which object type --export-xes, --svg or --trend-svg works on; give one of them too',
    );
  return {
    ocel: ocelExport,
    xes: xes ?? null,
    svg: svg === undefined ? null : { file: svg, metric: metric ?? 'frequency' },
    trend: trend === undefined ? null : { file: trend, grain: trendGrain },
    objectType: objectType ?? null,
  };
}

function isTrendGrain(grain: string): grain is TrendGrain {
  return (TREND_GRAINS as readonly string[]).includes(grain);
}

/**
 * The kind of log a file holds: OCEL 2.0 SQLite when it starts with the SQLite header (or is named
 * .sqlite/.sqlite3/.db, plain or .gz, so a wrong file gets the SQLite reader's error), OCEL 2.0
 * JSON when named .jsonocel/.json (plain or .gz), XES otherwise. Only a regular file is sniffed, so
 * a named pipe reaches the XES reader unread.
 */
async function logKindOf(file: string): Promise<LogKind> {
  if (isRegularFile(file) && (await isSqliteFile(file))) return 'ocel2-sqlite';
  if (/\.(sqlite|sqlite3|db)(\.gz)?$/i.test(file)) return 'ocel2-sqlite';
  if (/\.(jsonocel|json)(\.gz)?$/i.test(file)) return 'ocel2-json';
  return 'xes';
}

/** Whether the path is a regular file; false when it is something else or missing (its reader then says so). */
function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Rejects exports the input cannot give: OCEL from XES, XES, a process map or a trend from OCEL
 * without an object type.
 */
function checkExportsFit(kind: LogKind, request: ExportRequest): void {
  if (kind === 'xes') {
    if (request.ocel !== null)
      throw new Error('--export-ocel needs an OCEL 2.0 log as input; an XES log has no objects to export');
    if (request.objectType !== null)
      throw new Error('--object-type applies to OCEL 2.0 input; an XES log is case-centric already');
  } else if (request.objectType === null) {
    if (request.xes !== null)
      throw new Error(
        '--export-xes on an OCEL 2.0 log needs --object-type T: XES is case-centric, so say which object type is the case',
      );
    if (request.svg !== null)
      throw new Error(
        '--svg on an OCEL 2.0 log needs --object-type T: a process map follows one object type, so say which',
      );
    if (request.trend !== null)
      throw new Error(
        '--trend-svg on an OCEL 2.0 log needs --object-type T: a trend counts the objects of one type as cases, so say which',
      );
  }
}

/** Writes a case-centric log as XES and says so. */
async function exportXes(
  file: string,
  log: CaseEventLog,
  logName: string,
  out: (line?: string) => void,
): Promise<void> {
  await writeFile(file, writeXes(log, { logName }));
  const events = log.caseStart[log.caseIds.length];
  out(
    `exported XES to ${file}: ${log.caseIds.length.toLocaleString('en')} cases, ${events.toLocaleString('en')} events`,
  );
}

/** Draws the process map of a directly-follows graph as SVG and says so. */
async function exportSvg(
  target: NonNullable<ExportRequest['svg']>,
  dfg: Dfg,
  title: string,
  out: (line?: string) => void,
): Promise<void> {
  await writeFile(
    target.file,
    renderProcessMapSvg(dfg, { metric: target.metric, maxEdges: SVG_MAX_EDGES, title }),
  );
  const capped =
    dfg.edges.length > SVG_MAX_EDGES
      ? ` (the ${SVG_MAX_EDGES} most frequent drawn, and any that keep every activity connected)`
      : '';
  out(
    `wrote process map SVG to ${target.file}: ${dfg.activities.length.toLocaleString('en')} activities, ` +
      `${dfg.edges.length.toLocaleString('en')} edges${capped}`,
  );
}

/**
 * Draws the cases started and completed per period of a case-centric log as an SVG trend chart
 * and says so. The y-axis starts at 0 so that a count reads against its real size.
 */
async function exportTrend(
  target: NonNullable<ExportRequest['trend']>,
  log: CaseEventLog,
  logName: string,
  out: (line?: string) => void,
): Promise<void> {
  const trend = caseTrend(log, target.grain);
  await writeFile(
    target.file,
    renderTrendSvg(caseTrendSeries(trend), {
      title: `${logName}: cases per ${trend.grain}`,
      unit: 'cases',
      yFrom0: true,
    }),
  );
  out(
    `wrote trend SVG to ${target.file}: ${trend.buckets.length.toLocaleString('en')} buckets (${trend.grain})`,
  );
}

/** Writes the OCEL 2.0 log as JSON or SQLite and says so. */
async function exportOcel(
  target: NonNullable<ExportRequest['ocel']>,
  read: OcelReadResult,
  out: (line?: string) => void,
): Promise<void> {
  const { file, format } = target;
  await writeFile(file, format === 'sqlite' ? await writeOcelSqlite(read.log) : writeOcelJson(read.log));
  out(
    `exported OCEL 2.0 ${format === 'sqlite' ? 'SQLite' : 'JSON'} to ${file}: ` +
      `${read.log.events.length.toLocaleString('en')} events, ${read.log.objects.length.toLocaleString('en')} objects`,
  );
}

/** An OCEL 2.0 log (JSON or SQLite): the same analyses per object type, on the log flattened to that type. */
async function mineOcel(
  file: string,
  format: Exclude<LogKind, 'xes'>,
  top: number,
  json: boolean,
  request: ExportRequest,
): Promise<void> {
  const started = performance.now();
  const read = await (format === 'ocel2-sqlite' ? readOcelSqliteFile : readOcelJson)(file, {
    onProgress: ({ events, total }) =>
      process.stderr.write(
        `flattening ${basename(file)}: ${events.toLocaleString('en')} of ${total.toLocaleString('en')} events\n`,
      ),
  });
  const typeLog = request.objectType === null ? null : read.byObjectType.get(request.objectType);
  if (typeLog === undefined) {
    throw new Error(
      `--object-type ${request.objectType}: ${basename(file)} has no such object type (it has ${read.objectTypes.join(', ')})`,
    );
  }
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(
    `${basename(file)}: OCEL 2.0 ${format === 'ocel2-sqlite' ? 'SQLite' : 'JSON'}, ${read.events.toLocaleString('en')} events, ${read.objects.toLocaleString('en')} objects, ` +
      `object types ${read.objectTypes.join(', ')}; read in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
  if (read.danglingRelationships)
    out(`(${read.danglingRelationships} relationships to unknown objects left out)`);
  const perType: Record<string, ReturnType<typeof summarize>> = {};
  let typeDfg: Dfg | null = null;
  for (const type of read.objectTypes) {
    const log = read.byObjectType.get(type);
    if (!log) continue;
    const summary = summarize(log);
    const dfg = directlyFollows(log);
    perType[type] = summary;
    if (log === typeLog) typeDfg = dfg;
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
    for (const e of dfg.edges.slice(0, top)) {
      out(`  ${String(e.frequency).padStart(7)}  ${minutes(e.medianMs).padStart(12)}  ${e.from} → ${e.to}`);
    }
  }
  if (request.ocel !== null || request.xes !== null || request.svg !== null || request.trend !== null) out();
  if (request.ocel !== null) await exportOcel(request.ocel, read, out);
  const typeName = `${basename(file)} (${request.objectType})`;
  if (request.xes !== null && typeLog !== null) await exportXes(request.xes, typeLog, typeName, out);
  if (request.svg !== null && typeDfg !== null) await exportSvg(request.svg, typeDfg, typeName, out);
  if (request.trend !== null && typeLog !== null) await exportTrend(request.trend, typeLog, typeName, out);
  if (json) {
    out(
      JSON.stringify({
        file: basename(file),
        format,
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
