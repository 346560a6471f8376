/**
 * Bulk writes for the province generator: rows are buffered per table and inserted in batches
 * with one `json_populate_recordset` statement each — set-based, the same SQL on PostgreSQL and
 * PGlite, and no per-row round trip. Every column a table requires must be in the row objects
 * (a missing key is NULL, not the column default).
 */
import pg from 'pg';
import type { Database } from '../../src/server/platform/db';

export type Exec = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export type Bulk = { exec: Exec; parallel: number; close: () => Promise<void> };

/** A writer on the generated database: two connections without synchronous commit on PostgreSQL. */
export function bulkWriter(db: Database): Bulk {
  if (db.kind === 'postgres') {
    // The generator writes throw-away benchmark data: losing the last commits on a crash is fine.
    const pool = new pg.Pool({ connectionString: db.url, max: 2, options: '-c synchronous_commit=off' });
    return {
      exec: async (sql, params) => ({ rows: (await pool.query(sql, params as unknown[])).rows }),
      parallel: 2,
      close: () => pool.end(),
    };
  }
  const lite = db.pglite!;
  return {
    exec: async (sql, params) => ({ rows: (await lite.query<Record<string, unknown>>(sql, params as unknown[])).rows }),
    parallel: 1,
    close: async () => {},
  };
}

export class Sink {
  rows: Record<string, unknown>[] = [];
  written = 0;
  constructor(
    readonly table: string,
    private readonly exec: Exec,
  ) {}
  add(row: Record<string, unknown>): void {
    this.rows.push(row);
  }
  /** Take the buffered rows and write them; resolves when they are in. */
  async flush(): Promise<void> {
    if (!this.rows.length) return;
    const rows = this.rows;
    this.rows = [];
    // Chunks keep one statement's parameter well under the server's limits.
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      // The row's own columns, named: a generated column (cases.search_head…) takes no value.
      const cols = Object.keys(chunk[0]!)
        .map((k) => `"${k}"`)
        .join(', ');
      await this.exec(`insert into ${this.table} (${cols}) select ${cols} from json_populate_recordset(null::${this.table}, $1::json)`, [
        JSON.stringify(chunk),
      ]);
      this.written += chunk.length;
    }
  }
}

/** Run tasks with at most `n` at once. */
export async function inParallel(n: number, tasks: (() => Promise<void>)[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const t = tasks[next++]!;
      await t();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, tasks.length)) }, worker));
}
