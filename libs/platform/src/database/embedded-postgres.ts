import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { Mutex } from 'async-mutex';

/**
 * Embedded PostgreSQL (PGlite, PostgreSQL compiled to WASM) for the embedded run mode: one
 * instance per process, one schema per service, the same SQL as production.
 *
 * PGlite has a single session, so this pool hands it out exclusively: a connection is held from
 * `connect` to `release`, which makes every TypeORM transaction atomic and isolated (serialised)
 * as it is on a pooled PostgreSQL. Result rows are shaped like node-postgres' (bigint and numeric
 * as strings, `rowCount`, `command`).
 */
export class EmbeddedPostgres {
  private readonly lock = new Mutex();

  private constructor(readonly db: PGlite) {}

  /** Opens (or creates) the database under `dataDir`; without a directory it lives in memory. */
  static async open(dataDir?: string): Promise<EmbeddedPostgres> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create({
      dataDir,
      parsers: { [types.INT8]: (v: string) => v, [types.NUMERIC]: (v: string) => v },
      serializers: {
        [types.BOOL]: (v: unknown) => (v === true || v === 'true' || v === 1 ? 'TRUE' : 'FALSE'),
      },
    });
    return new EmbeddedPostgres(db);
  }

  /** A `pg`-compatible driver module for TypeORM's `driver` option. */
  driver(): { Pool: new () => EmbeddedPgPool } {
    return { Pool: poolClassFor(this) };
  }

  async acquire(): Promise<() => void> {
    return this.lock.acquire();
  }

  async close(): Promise<void> {
    await this.lock.waitForUnlock();
    await this.db.close();
  }
}

interface PgResult {
  rows: unknown[];
  rowCount: number;
  command: string;
  fields: { name: string; dataTypeID: number }[];
}

type Callback = (error: Error | null, result?: PgResult) => void;

/** One exclusive session on the embedded database, shaped like a node-postgres client. */
class EmbeddedPgClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  async query(sql: string, params?: unknown[] | Callback, callback?: Callback): Promise<PgResult> {
    const cb = typeof params === 'function' ? params : callback;
    const values = Array.isArray(params) ? params : [];
    try {
      const result = await this.run(sql, values);
      cb?.(null, result);
      return result;
    } catch (error) {
      if (cb) {
        cb(error as Error);
        return { rows: [], rowCount: 0, command: '', fields: [] };
      }
      throw error;
    }
  }

  private async run(sql: string, values: unknown[]): Promise<PgResult> {
    const command = sql.trimStart().split(/\s/, 1)[0].toUpperCase();
    if (values.length === 0 && sql.includes(';')) {
      // Multi-statement text (migrations) goes through the simple protocol, as in node-postgres.
      const results = await this.db.exec(sql);
      const last = results[results.length - 1];
      return {
        rows: last?.rows ?? [],
        rowCount: last?.affectedRows ?? last?.rows.length ?? 0,
        command,
        fields: [],
      };
    }
    const result = await this.db.query(sql, values);
    const isRowReturning = command === 'SELECT' || command === 'WITH' || /\bRETURNING\b/i.test(sql);
    return {
      rows: result.rows,
      rowCount: isRowReturning && !result.affectedRows ? result.rows.length : (result.affectedRows ?? 0),
      command,
      fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
    };
  }
}

function poolClassFor(owner: EmbeddedPostgres): new () => EmbeddedPgPool {
  return class extends EmbeddedPgPool {
    constructor() {
      super(owner);
    }
  };
}

export class EmbeddedPgPool extends EventEmitter {
  constructor(private readonly owner: EmbeddedPostgres) {
    super();
  }

  connect(
    callback: (error: Error | null, client: EmbeddedPgClient | null, release: () => void) => void,
  ): void {
    this.owner.acquire().then(
      (release) => callback(null, new EmbeddedPgClient(this.owner.db), release),
      (error: Error) => callback(error, null, () => undefined),
    );
  }

  /** The database belongs to the process, not to one data source: closing a pool leaves it open. */
  end(callback?: (error: Error | null) => void): void {
    callback?.(null);
  }
}
