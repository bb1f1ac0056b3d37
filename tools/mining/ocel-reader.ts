import { open, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import {
  flattenOcelWithCounts,
  isSqliteDatabase,
  parseOcelJson,
  readOcelSqlite,
  SQLITE_MAGIC,
  type OcelFlattening,
  type OcelLog,
} from '@ordex/mining';

const gunzipBuffer = promisify(gunzip);

/** The first two bytes of every gzip member (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** Options of {@link readOcelJson} and {@link readOcelSqliteFile}. */
export interface OcelReadOptions {
  /**
   * Called every 50,000 events flattened, with how many have been and how many the log has (for a
   * progress line). Reading and parsing the file come before the first call.
   */
  onProgress?: (progress: { events: number; total: number }) => void;
}

/**
 * What {@link readOcelJson} and {@link readOcelSqliteFile} read: the log flattened per object type
 * with its counts (see `flattenOcelWithCounts` of `@ordex/mining`), and the log itself, for export.
 */
export interface OcelReadResult extends OcelFlattening {
  /** The OCEL 2.0 log as read. */
  log: OcelLog;
}

/**
 * Reads an OCEL 2.0 JSON log (plain or gzipped) for the process-mining CLI and flattens it per
 * object type into case-centric logs, the way pm4py's ocel_flattening does: for an object type,
 * every object with at least one event is a case named by its id, and every event related to it is
 * one of its events, with the event type as activity (see `parseOcelJson` and `flattenOcel` of
 * `@ordex/mining` for the leniency and the flattening rules). Relationships to objects not among
 * `objects` are counted in `danglingRelationships` and left out.
 *
 * OCEL JSON is one document whose events and objects may come in any order, so the file is read
 * whole (gzip detected by its magic bytes, not the name) and parsed with JSON.parse: memory grows
 * with the log, and a file whose text exceeds V8's string limit (about 512 MB) cannot be read.
 *
 * Rejects with an Error `Cannot read OCEL log <path>: <reason>` when the file cannot be read, is
 * corrupt gzip, is not JSON, is not an OCEL 2.0 document (no `events` or `objects` array), or has an
 * object without id or type, an event without type, or a relationship without objectId.
 */
export async function readOcelJson(path: string, options: OcelReadOptions = {}): Promise<OcelReadResult> {
  return readOcel(path, options, async (bytes) => parseOcelJson(bytes.toString('utf8')));
}

/**
 * Reads an OCEL 2.0 SQLite database (plain or gzipped) and flattens it per object type like
 * {@link readOcelJson}; see `readOcelSqlite` of `@ordex/mining` for how the tables are read. The
 * file is loaded whole into memory (SQLite runs as WebAssembly here).
 *
 * Rejects with an Error `Cannot read OCEL log <path>: <reason>` when the file cannot be read, is
 * corrupt gzip, is not an SQLite database, or lacks a table of the format.
 */
export async function readOcelSqliteFile(
  path: string,
  options: OcelReadOptions = {},
): Promise<OcelReadResult> {
  return readOcel(path, options, (bytes) => readOcelSqlite(bytes));
}

/**
 * Whether the file starts with the SQLite header ("SQLite format 3\0"): how the CLI tells an OCEL
 * 2.0 SQLite database from other logs, whatever the file is called. False for a file shorter than
 * the header; rejects when the file cannot be opened.
 */
export async function isSqliteFile(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return isSqliteDatabase(head.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

async function readOcel(
  path: string,
  options: OcelReadOptions,
  parse: (bytes: Buffer) => Promise<OcelLog>,
): Promise<OcelReadResult> {
  try {
    const log = await parse(await readBytes(path));
    return { ...flattenOcelWithCounts(log, options), log };
  } catch (error) {
    throw new Error(`Cannot read OCEL log ${path}: ${messageOf(error)}`, { cause: error });
  }
}

/** The file's bytes, gunzipped when they start with the gzip magic. */
async function readBytes(path: string): Promise<Buffer> {
  const stored = await readFile(path);
  return startsWithGzipMagic(stored) ? gunzipBuffer(stored) : stored;
}

function startsWithGzipMagic(bytes: Buffer): boolean {
  return bytes.length >= GZIP_MAGIC.length && GZIP_MAGIC.every((byte, i) => bytes[i] === byte);
}

/** The error's message; duck-typed, since errors from node's own modules may come from another realm. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
