import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline as pipelineStreams, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { EventLogBuilder, type CaseEventLog } from '@ordex/mining';

/** How often (in `<event>` elements read) the progress callback fires. */
const PROGRESS_EVERY_EVENTS = 50_000;
/** The first two bytes of every gzip member (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b] as const;
/** The lifecycle transition kept by default: one event per activity instance, as pm4py's miners expect. */
const DEFAULT_LIFECYCLE = 'complete';

/** The XES standard keys the reader maps onto the event log. */
const KEY = {
  name: 'concept:name',
  timestamp: 'time:timestamp',
  resource: 'org:resource',
  group: 'org:group',
  transition: 'lifecycle:transition',
} as const;

/** Options of {@link readXes}. */
export interface XesReadOptions {
  /**
   * Called every ~50,000 events with the running counts (for a progress line). The cadence counts
   * every `<event>` read, kept or not, so the line keeps moving even when a filter drops most of
   * the log; `events` is the number kept so far. `bytes` and `totalBytes` are bytes of the file as
   * stored (compressed bytes for a gzipped log); `totalBytes` is null when the path is not a
   * regular file (a pipe), whose size is unknown up front.
   */
  onProgress?: (progress: {
    bytes: number;
    totalBytes: number | null;
    traces: number;
    events: number;
  }) => void;
  /**
   * Keep only events with this lifecycle:transition (default 'complete', case-insensitive); events
   * without the attribute are always kept. Pass null to keep all.
   */
  lifecycle?: string | null;
}

/** What {@link readXes} read. */
export interface XesReadResult {
  log: CaseEventLog;
  /**
   * `<trace>` elements read. Traces sharing a concept:name become one case, and a trace none of
   * whose events is kept has no case, so this can exceed `log.caseIds.length`.
   */
  traces: number;
  /** Events in `log`. Events dropped by the lifecycle filter are counted neither here nor in `skippedEvents`. */
  events: number;
  /** Events dropped because they have no (or a blank) concept:name, so no activity to mine. */
  skippedEvents: number;
  /** trace-level and event-level attribute keys seen (direct children of `<trace>`/`<event>` only), sorted */
  attributes: string[];
}

/**
 * Reads an XES (IEEE 1849) event log, plain or gzipped, into a {@link CaseEventLog} for the
 * process-mining CLI, the way pm4py reads it: a trace's concept:name is its case id (`trace-<n>`
 * by 1-based position when missing), an event's concept:name its activity, time:timestamp its
 * time, org:resource (else org:group) its resource.
 *
 * The file is streamed through a SAX parser, so logs far larger than memory as text can be read;
 * only one trace's events are held before they go to the builder (a trace's concept:name may
 * follow its events). Only direct children of `<trace>` and `<event>` are their attributes:
 * values nested in lists, containers or other attributes, log-level attributes and
 * `<global>` defaults are not applied. Gzip is detected by its magic bytes, not the file name.
 *
 * Blank values count as missing: a blank concept:name leaves a trace unnamed or an event skipped,
 * and a blank org:resource falls back to org:group. A time:timestamp is only read from a `<date>`
 * attribute; one that does not parse leaves the event without a time (the builder then keeps that
 * case's events in file order).
 *
 * Rejects with an Error naming the file when it cannot be opened, is not well-formed XML (a
 * truncated log included), is corrupt gzip, or has a root element other than `<log>`.
 */
export async function readXes(path: string, options: XesReadOptions = {}): Promise<XesReadResult> {
  try {
    return await streamXes(path, options);
  } catch (error) {
    throw new Error(`Cannot read XES log ${path}: ${messageOf(error)}`, { cause: error });
  }
}

async function streamXes(path: string, options: XesReadOptions): Promise<XesReadResult> {
  const totalBytes = await regularFileSize(path);
  let bytes = 0;
  const collector = new XesLogCollector(
    options.lifecycle === undefined ? DEFAULT_LIFECYCLE : options.lifecycle,
  );
  const { onProgress } = options;
  if (onProgress) {
    collector.onEventRead = (eventsRead) => {
      if (eventsRead % PROGRESS_EVERY_EVENTS === 0) {
        onProgress({ bytes, totalBytes, traces: collector.traces, events: collector.events });
      }
    };
  }
  const countBytes = async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      bytes += chunk.length;
      yield chunk;
    }
  };
  // A parse error thrown inside the last stage makes pipeline abort the earlier ones, and the
  // abort can be what pipeline rejects with; the parse error is the one that says what is wrong.
  let parseError: unknown = null;
  const parse = async (source: AsyncIterable<Buffer>) => {
    try {
      await parseXml(source, collector);
    } catch (error) {
      parseError = error;
      throw error;
    }
  };
  try {
    await pipeline(createReadStream(path), countBytes, gunzipWhenGzipped, parse);
  } catch (error) {
    throw parseError ?? error;
  }
  return collector.result();
}

/** The error's message; duck-typed, since errors from node's own modules may come from another realm. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** The file's size for progress, or null for a pipe or device, whose size says nothing. */
async function regularFileSize(path: string): Promise<number | null> {
  const stats = await stat(path);
  return stats.isFile() ? stats.size : null;
}

/**
 * Passes the bytes on, gunzipped when they start with the gzip magic. Sniffing the stream itself
 * (not the name, not a second open of the path) also works for a named pipe.
 */
async function* gunzipWhenGzipped(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const chunks = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  while (headBytes < GZIP_MAGIC.length) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.length;
  }
  async function* headThenRest(): AsyncGenerator<Buffer> {
    yield* head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  if (!startsWithGzipMagic(Buffer.concat(head))) {
    yield* headThenRest();
    return;
  }
  // A failure on either side destroys the gunzip stream read here, so the callback has nothing to add.
  yield* pipelineStreams(Readable.from(headThenRest()), createGunzip(), () => undefined);
}

function startsWithGzipMagic(head: Buffer): boolean {
  return head.length >= GZIP_MAGIC.length && GZIP_MAGIC.every((byte, i) => head[i] === byte);
}

/** Feeds UTF-8 chunks to saxes; the decoder keeps a character split across chunks whole. */
async function parseXml(source: AsyncIterable<Buffer>, collector: XesLogCollector): Promise<void> {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => collector.open(tag));
  parser.on('closetag', () => collector.close());
  const decoder = new StringDecoder('utf8');
  for await (const chunk of source) parser.write(decoder.write(chunk));
  const rest = decoder.end();
  if (rest) parser.write(rest);
  parser.close();
}

/** What an element is to the reader; everything below a trace's or event's attributes is `other`. */
type XesRole = 'log' | 'trace' | 'event' | 'other';

/** One attribute element: its tag (string, date, list, …) and its value (absent for list/container). */
interface XesAttribute {
  type: string;
  value: string | undefined;
}

type AttributeMap = Map<string, XesAttribute>;

interface PendingEvent {
  activity: string;
  time: number | null;
  resource: string | null;
}

/** Turns the SAX element stream of one XES document into event-log rows and counts. */
class XesLogCollector {
  traces = 0;
  events = 0;
  skippedEvents = 0;
  /** Called after each `<event>` of a trace is read, with how many have been read so far. */
  onEventRead: (eventsRead: number) => void = () => undefined;

  private readonly builder = new EventLogBuilder();
  private readonly keysSeen = new Set<string>();
  private readonly roles: XesRole[] = [];
  private eventsRead = 0;
  private traceAttributes: AttributeMap = new Map();
  private traceEvents: PendingEvent[] = [];
  private eventAttributes: AttributeMap = new Map();

  constructor(private readonly lifecycle: string | null) {}

  open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const parent = this.roles.at(-1);
    if (parent === undefined) {
      if (name !== 'log')
        throw new Error(`not an XES event log: the root element is <${tag.name}>, not <log>`);
      this.roles.push('log');
    } else if (parent === 'log' && name === 'trace') {
      this.traces++;
      this.traceAttributes = new Map();
      this.traceEvents = [];
      this.roles.push('trace');
    } else if (parent === 'trace' && name === 'event') {
      this.eventAttributes = new Map();
      this.roles.push('event');
    } else {
      if (parent === 'trace') this.record(this.traceAttributes, name, tag.attributes);
      if (parent === 'event') this.record(this.eventAttributes, name, tag.attributes);
      this.roles.push('other');
    }
  }

  close(): void {
    const role = this.roles.pop();
    if (role === 'event') this.closeEvent();
    if (role === 'trace') this.closeTrace();
  }

  result(): XesReadResult {
    return {
      log: this.builder.build(),
      traces: this.traces,
      events: this.events,
      skippedEvents: this.skippedEvents,
      attributes: [...this.keysSeen].sort(),
    };
  }

  private record(attributes: AttributeMap, type: string, xml: Record<string, string>): void {
    const key = xml['key'];
    if (key === undefined) return;
    this.keysSeen.add(key);
    attributes.set(key, { type, value: xml['value'] });
  }

  private closeEvent(): void {
    this.eventsRead++;
    const attributes = this.eventAttributes;
    const activity = textOf(attributes, KEY.name);
    if (activity === null) this.skippedEvents++;
    else if (keepsTransition(attributes, this.lifecycle)) {
      this.events++;
      this.traceEvents.push({
        activity,
        time: timestampOf(attributes),
        resource: textOf(attributes, KEY.resource) ?? textOf(attributes, KEY.group),
      });
    }
    this.onEventRead(this.eventsRead);
  }

  private closeTrace(): void {
    const caseId = textOf(this.traceAttributes, KEY.name) ?? `trace-${this.traces}`;
    for (const event of this.traceEvents)
      this.builder.add(caseId, event.activity, event.time, event.resource);
    this.traceEvents = [];
  }
}

/** `log` for `log` and for a prefixed `xes:log`. */
function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** The attribute's value, or null when it is missing, has no value (list/container) or is blank. */
function textOf(attributes: AttributeMap, key: string): string | null {
  const value = attributes.get(key)?.value;
  return value === undefined || value.trim() === '' ? null : value;
}

function timestampOf(attributes: AttributeMap): number | null {
  const attribute = attributes.get(KEY.timestamp);
  if (attribute?.type !== 'date' || attribute.value === undefined) return null;
  const time = Date.parse(attribute.value);
  return Number.isNaN(time) ? null : time;
}

function keepsTransition(attributes: AttributeMap, lifecycle: string | null): boolean {
  const transition = textOf(attributes, KEY.transition);
  return lifecycle === null || transition === null || sameWord(transition, lifecycle);
}

function sameWord(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
