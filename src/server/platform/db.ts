/**
 * The database: embedded PGlite in a folder (default) or a PostgreSQL server (DATABASE_URL).
 * One SQL dialect, one schema, one set of migrations for both (DESIGN.md, Data).
 *
 * Application queries never run as the owner: `withTenant` opens a transaction, sets
 * `app.tenant_id` and switches to the non-superuser role `danchu_app`, so row-level security
 * applies even to a query that forgets its tenant filter (migrations/0002_row_level_security.sql).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres/session';
import type { PgDatabase, PgDialect, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Config } from './config';
import { SOCKET_PORT } from './db-socket';
import { MIGRATIONS_DIR } from './paths';

/** Queries are written with the query builder; no relational schema is attached (platform code knows no module's tables). */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle; every write takes one explicitly (STYLE.md 19). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const MIGRATIONS_FOLDER = MIGRATIONS_DIR;

/** Every PGlite open must pass the same extensions, reopening included (STACK.md §1). */
export const PGLITE_EXTENSIONS = { unaccent, pg_trgm, btree_gin };

/** PGlite starts Postgres with -F (fsync off); drop it for durable writes (STACK.md §1, Durability). */
export const PGLITE_START_PARAMS = PGlite.defaultStartParams.filter((p) => p !== '-F');

/**
 * After the migrations: every table of the public schema is a tenant table (it has `tenant_id`)
 * and gets the tenant policy (migrations/0002_row_level_security.sql) if it has none yet. So a
 * module's new table is protected by its generated migration alone, with no hand-added SQL; a
 * table without `tenant_id` stops the start (DESIGN.md, Data: every row belongs to a tenant).
 */
async function protectTenantTables(owner: Db): Promise<void> {
  const rows = rowsOf<{ relname: string; tenant: boolean }>(
    await owner.execute(sql`
      select c.relname,
             exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r'
         and not (c.relrowsecurity and exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation'))`),
  );
  const untenanted = rows.filter((r) => !r.tenant).map((r) => r.relname);
  if (untenanted.length) throw new Error(`Tables without tenant_id (every row belongs to an agency): ${untenanted.join(', ')}`);
  for (const r of rows) await owner.execute(sql`select danchu_protect_table(${r.relname}::regclass)`);
}

/**
 * True when every committed migration is applied, by drizzle's own test (the newest applied one
 * is at least as new as the newest in migrations/meta/_journal.json). Two reads, no DDL: PGlite's
 * `migrate` and the `danchu` command check this before they run the migrator.
 */
export async function isMigrated(owner: Db): Promise<boolean> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  const newest = Math.max(0, ...journal.entries.map((e) => e.when));
  const [table] = rowsOf<{ name: string | null }>(
    await owner.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`),
  );
  if (!table?.name) return false;
  const [applied] = rowsOf<{ at: string | null }>(
    await owner.execute(sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`),
  );
  return applied?.at != null && Number(applied.at) >= newest;
}

export type TenantContext = {
  tenantId: string;
  userId?: string | null;
  /**
   * The transaction writes only session bookkeeping (a session's sliding expiry): the agency's
   * data version (`data_versions`) is left as it is, so kept answers stay valid.
   */
  sessionOnly?: boolean;
};

export class DataDirLockedError extends Error {}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** The owner connection: migrations, seeding, CLI maintenance. Bypasses RLS: never for requests. */
  readonly owner: Db;
  readonly pglite?: PGlite;
  readonly pool?: pg.Pool;
  readonly url?: string;
  /**
   * Set when this process reaches an embedded database through the server that holds it (its
   * socket, see db-socket.ts): that server migrated and seeded it at its start.
   */
  readonly viaServer?: { pid: number; socketDir: string };
  /**
   * The pool of the read replica (`DATABASE_READ_URL`), when one is configured: `withTenantRead`
   * runs there. Absent, reads run on the primary.
   */
  readonly readPool?: pg.Pool;
  /** Run `fn` in a transaction as `danchu_app` with the tenant set (RLS enforced). */
  withTenant<T>(ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Run `fn` in a read-only transaction as `danchu_app` with the tenant set, exactly as
   * `withTenant` (same settings, same role, so the same row-level security), on the read replica
   * when one is configured, else on the primary. The transaction is read only on the primary too,
   * so a read route that writes fails in every test, not first in a deployment with a replica.
   * `primary`: on the primary even when there is a replica (what must be current at once).
   */
  withTenantRead<T>(ctx: TenantContext, fn: (tx: Tx) => Promise<T>, opts?: { primary?: boolean }): Promise<T>;
  /** Run `fn` in a transaction as `danchu_app` with no tenant: RLS shows no tenant rows at all. */
  withoutTenant<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The settings of a tenant transaction as one statement (issue #17: every request's transaction
 * began with two): the tenant, the user, read only for a read page, and the role —
 * `set_config('role', …, true)` is `set local role`. The role comes last: the settings before it
 * are made as the owner. The ids are quoted by node-postgres's `escapeLiteral`, so the statement
 * can travel with BEGIN in one message (`pgTenantRunner`).
 */
function tenantSettingsSql(ctx: TenantContext | null, readOnly: boolean): string {
  const tenant = pg.escapeLiteral(ctx?.tenantId ?? '');
  const user = pg.escapeLiteral(ctx?.userId ?? '');
  const readOnlySetting = readOnly ? ", set_config('transaction_read_only', 'on', true)" : '';
  return `select set_config('app.tenant_id', ${tenant}, true), set_config('app.user_id', ${user}, true)${readOnlySetting}, set_config('role', 'danchu_app', true)`;
}

async function enterTenant(tx: Tx, ctx: TenantContext | null, readOnly = false): Promise<void> {
  await tx.execute(sql.raw(tenantSettingsSql(ctx, readOnly)));
}

/** The statement that makes a transaction's writes the agency's data version (`markChanged`). */
function markChangedSql(tenantId: string): string {
  return `insert into data_versions (tenant_id, version)
    select ${pg.escapeLiteral(tenantId)}::uuid, pg_current_xact_id_if_assigned()::text::bigint where pg_current_xact_id_if_assigned() is not null
    on conflict (tenant_id) do update set version = excluded.version`;
}

/**
 * The last statement of a tenant transaction: when it changed anything (it has a transaction id),
 * that id becomes the agency's data version. Taken last, the row lock is held only while the
 * transaction commits, and always after the audit chain's head, so writers cannot deadlock on the
 * two. A transaction that wrote nothing changes nothing here (issue #17: the response cache).
 */
async function markChanged(tx: Tx, tenantId: string): Promise<void> {
  await tx.execute(sql.raw(markChangedSql(tenantId)));
}

/**
 * The pools (and their connections in a tenant transaction) on which `preparedRows` may name its
 * statements: a PostgreSQL server's, unless DATABASE_PREPARED=false (a pooler in transaction mode).
 * Not an embedded database reached through its server's socket (`openViaServer`): every client
 * there shares one backend, where a name prepared by one connection would collide with the next.
 */
const preparing = new WeakSet<object>();

/** What this file reads of a drizzle handle beyond its public API: its dialect and its session. */
type DrizzleInternals = {
  dialect: PgDialect;
  session: {
    client: unknown;
    logger: QueryLog;
    options: { logger?: QueryLog } & ConstructorParameters<typeof NodePgSession>[3];
  };
};
type QueryLog = { logQuery(q: string, p: unknown[]): void };

/**
 * A tenant transaction on a PostgreSQL pool in two round trips fewer than drizzle's own
 * (issue #17; `/api/me`, one statement of its own, took ~10 % less CPU of the app per request): BEGIN goes with
 * the tenant's settings, and the data-version statement with COMMIT, each pair as one simple-query
 * message. The handle given to `fn` is drizzle's own transaction over that connection, with the
 * owner's options (its query log included), so everything inside runs exactly as before.
 */
function pgTenantRunner(owner: Db, pool: pg.Pool) {
  const internals = owner as unknown as DrizzleInternals;
  return async <T>(ctx: TenantContext | null, readOnly: boolean, fn: (tx: Tx) => Promise<T>, last: string): Promise<T> => {
    const settings = tenantSettingsSql(ctx, readOnly);
    const client = await pool.connect();
    if (preparing.has(pool)) preparing.add(client);
    const session = new NodePgSession(client, internals.dialect, undefined, internals.session.options);
    const tx = new NodePgTransaction(internals.dialect, session, undefined) as unknown as Tx;
    let broken: Error | undefined;
    // The statement log (tests count statements, bench/scale replays them) gets the settings and
    // the data-version statement as it got them from drizzle; BEGIN and COMMIT, as ever, not.
    const log = internals.session.options?.logger;
    try {
      log?.logQuery(settings, []);
      await client.query(`begin; ${settings}`);
      const result = await fn(tx);
      if (last) log?.logQuery(last, []);
      await client.query(`${last}commit`);
      return result;
    } catch (err) {
      // As drizzle does: roll back whatever failed, BEGIN's own message included (a failed
      // statement after BEGIN leaves the transaction open and aborted).
      await client.query('rollback').catch((e: Error) => {
        broken = e;
      });
      throw err;
    } finally {
      // A connection that could not even roll back is closed, not given to the next request.
      client.release(broken);
    }
  };
}

function makeDatabase(
  kind: 'pglite' | 'postgres',
  owner: Db,
  extras: {
    pglite?: PGlite;
    pool?: pg.Pool;
    url?: string;
    viaServer?: { pid: number; socketDir: string };
    /** The read replica's pool and its drizzle handle (`DATABASE_READ_URL`). */
    read?: { pool: pg.Pool; owner: Db };
    migrate: () => Promise<void>;
    close: () => Promise<void>;
  },
): Database {
  // On a PostgreSQL pool, the tenant transactions take two round trips fewer (pgTenantRunner).
  const onPrimary = extras.pool ? pgTenantRunner(owner, extras.pool) : null;
  const onReplica = extras.read ? pgTenantRunner(extras.read.owner, extras.read.pool) : null;
  return {
    kind,
    owner,
    pglite: extras.pglite,
    pool: extras.pool,
    url: extras.url,
    ...(extras.viaServer ? { viaServer: extras.viaServer } : {}),
    ...(extras.read ? { readPool: extras.read.pool } : {}),
    withTenant: (ctx, fn) =>
      onPrimary
        ? onPrimary(ctx, false, fn, ctx.sessionOnly ? '' : `${markChangedSql(ctx.tenantId)};\n`)
        : owner.transaction(async (tx) => {
            await enterTenant(tx, ctx);
            const result = await fn(tx);
            if (!ctx.sessionOnly) await markChanged(tx, ctx.tenantId);
            return result;
          }),
    withTenantRead: (ctx, fn, opts) => {
      const runner = (opts?.primary ? undefined : onReplica) ?? onPrimary;
      if (runner) return runner(ctx, true, fn, '');
      return owner.transaction(async (tx) => {
        await enterTenant(tx, ctx, true);
        return fn(tx);
      });
    },
    withoutTenant: (fn) =>
      onPrimary
        ? onPrimary(null, false, fn, '')
        : owner.transaction(async (tx) => {
            await enterTenant(tx, null);
            return fn(tx);
          }),
    migrate: extras.migrate,
    close: extras.close,
  };
}

/**
 * Take an exclusive lock on a PGlite data folder. PGlite itself lets two processes open one
 * folder and corrupt it (STACK.md §1, Hazard 3). The lock file holds the owner's pid on its first
 * line; a server adds where it serves the database to local clients (`advertiseSocket`).
 * @throws DataDirLockedError when another live process holds the folder.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      return () => {
        try {
          if (readDataDirLock(dataDir)?.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readDataDirLock(dataDir)?.pid;
      if (holder !== undefined && (holder === process.pid || isAlive(holder))) {
        throw new DataDirLockedError(
          `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder} sử dụng; không thể mở lần thứ hai.\n` +
            `The data folder ${dataDir} is in use by process ${holder}; a second process may not open it (stop the other one first).`,
        );
      }
      // A stale lock from a process that died: take it over.
      fs.unlinkSync(lockPath);
    }
  }
  throw new DataDirLockedError(`Could not lock ${dataDir}`);
}

const LOCK_FILE = 'danchu.lock';

/** Who holds a data folder, and the folder of the socket it serves the database on, if any. */
export function readDataDirLock(dataDir: string): { pid: number; socketDir?: string } | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8');
  } catch {
    return null;
  }
  const [first, second] = text.split('\n');
  const pid = Number.parseInt(first ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    const info = JSON.parse(second ?? '') as { socketDir?: unknown };
    if (typeof info.socketDir === 'string') return { pid, socketDir: info.socketDir };
  } catch {
    /* a lock without a socket */
  }
  return { pid };
}

/** Record in this process's lock file where it serves the database (replaced atomically). */
export function advertiseSocket(dataDir: string, socketDir: string | null): void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const tmp = `${lockPath}.${process.pid}`;
  fs.writeFileSync(tmp, `${process.pid}\n${socketDir ? `${JSON.stringify({ socketDir })}\n` : ''}`);
  fs.renameSync(tmp, lockPath);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Open PGlite. `dataDir` 'memory://' gives a throw-away database (tests); `loadDataDir` clones a
 * dumped template, which is much faster than initdb (STACK.md §1).
 */
export async function openPglite(opts: { dataDir: string; loadDataDir?: Blob | File; lock?: boolean }): Promise<Database> {
  const inMemory = opts.dataDir.startsWith('memory://');
  const unlock = !inMemory && opts.lock !== false ? lockDataDir(opts.dataDir) : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? undefined : opts.dataDir, {
      extensions: PGLITE_EXTENSIONS,
      startParams: PGLITE_START_PARAMS,
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    });
  } catch (err) {
    unlock();
    throw err;
  }
  const owner = drizzlePglite({ client }) as unknown as Db;
  return makeDatabase('pglite', owner, {
    pglite: client,
    migrate: async () => {
      // The same test as drizzle's, without its DDL (IF NOT EXISTS, each a durable write) and
      // without reading every SQL file: most starts have nothing to apply.
      if (!(await isMigrated(owner))) await migratePglite(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
      await protectTenantTables(owner);
    },
    close: async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        unlock();
      }
    },
  });
}

/**
 * Open a PostgreSQL server (15+). `readUrl` (`DATABASE_READ_URL`): a streaming replica of the
 * same database, with a pool of its own, for the routes that only read (`withTenantRead`).
 */
export async function openPostgres(url: string, opts: { max?: number; readUrl?: string; prepared?: boolean } = {}): Promise<Database> {
  return openPool({ connectionString: url }, opts.max ?? 10, {
    url,
    prepared: opts.prepared ?? true,
    ...(opts.readUrl ? { readUrl: opts.readUrl } : {}),
  });
}

async function connectPool(connection: pg.PoolConfig, max: number): Promise<pg.Pool> {
  // No JIT compilation: the app's statements are short, and the planner's estimates for the
  // look-ups of oversight or statistics at province scale cross jit_above_cost, where compiling
  // took 200–400 ms of a 150 ms query (issue #17). (Options given in the URL replace these.)
  const pool = new pg.Pool({ options: '-c jit=off', ...connection, max });
  pool.on('error', () => {
    /* idle client errors are reported on next use */
  });
  // Fail early with a clear message when the server is unreachable.
  const c = await pool.connect();
  c.release();
  return pool;
}

async function openPool(
  connection: pg.PoolConfig,
  max: number,
  { readUrl, prepared, ...extras }: { url?: string; readUrl?: string; prepared?: boolean; viaServer?: { pid: number; socketDir: string } },
): Promise<Database> {
  const pool = await connectPool(connection, max);
  let readPool: pg.Pool | null = null;
  try {
    readPool = readUrl ? await connectPool({ connectionString: readUrl }, max) : null;
  } catch (err) {
    await pool.end();
    throw err;
  }
  if (prepared && !extras.viaServer) {
    preparing.add(pool);
    if (readPool) preparing.add(readPool);
  }
  const owner = drizzlePg({ client: pool }) as unknown as Db;
  return makeDatabase('postgres', owner, {
    pool,
    ...extras,
    ...(readPool ? { read: { pool: readPool, owner: drizzlePg({ client: readPool }) as unknown as Db } } : {}),
    migrate: async () => {
      // Several app processes may start at once: serialise migrations with an advisory lock.
      const client = new pg.Client(connection);
      await client.connect();
      try {
        await client.query('select pg_advisory_lock(774411)');
        const migrator = drizzlePg({ client });
        await migratePg(migrator, { migrationsFolder: MIGRATIONS_FOLDER });
        await protectTenantTables(migrator as unknown as Db);
      } finally {
        await client.query('select pg_advisory_unlock(774411)').catch(() => {});
        await client.end();
      }
    },
    close: async () => {
      await Promise.all([pool.end(), readPool?.end()]);
    },
  });
}

/**
 * Reach the embedded database of a data folder through the running server that holds it, on
 * its Unix socket. One connection, like PGlite in-process: a query on the outer handle inside a
 * transaction waits forever here too (STACK.md §1, Hazard 2).
 * @returns null when no live server advertises a socket for the folder.
 */
export async function openViaServer(dataDir: string): Promise<Database | null> {
  const lock = readDataDirLock(dataDir);
  if (!lock?.socketDir || !isAlive(lock.pid)) return null;
  const connection = { host: lock.socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres' };
  return openPool(connection, 1, { viaServer: { pid: lock.pid, socketDir: lock.socketDir } });
}

/**
 * Open the database the configuration names. With `viaServer`, a PGlite folder that a running
 * server holds is reached through that server (the `danchu` command beside `danchu start`).
 */
export async function openDatabase(config: Pick<Config, 'database'>, opts: { viaServer?: boolean } = {}): Promise<Database> {
  if (config.database.kind === 'postgres') {
    return openPostgres(config.database.url, {
      prepared: config.database.prepared,
      ...(config.database.readUrl ? { readUrl: config.database.readUrl } : {}),
    });
  }
  try {
    return await openPglite({ dataDir: config.database.dataDir });
  } catch (err) {
    if (!(err instanceof DataDirLockedError) || !opts.viaServer) throw err;
    const remote = await openViaServer(config.database.dataDir).catch(() => null);
    if (!remote) throw err;
    return remote;
  }
}

/** Rows of a raw `execute`, on both drivers (PGlite returns `{rows}`, pg returns a QueryResult). */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

/**
 * Run a statement whose plan does not depend on its parameters (a look-up by a unique key or by
 * `= any($1)` of ids) as a named prepared statement on PostgreSQL: each connection parses and plans
 * it once, then only binds and runs it (issue #17: the session's look-up, on every request, spent
 * four times as long in the planner as in its execution). Never for a statement whose best plan
 * depends on its values (a search: a generic plan could not use the trigram index for a rare word).
 * `handle`: the owner connection or a transaction. On PGlite, an ordinary statement. Logged like
 * every drizzle statement (tests count statements through that log).
 */
export async function preparedRows<T>(handle: Db | Tx, name: string, query: SQL): Promise<T[]> {
  const internals = handle as unknown as DrizzleInternals;
  const client = internals.session.client;
  if (!(client instanceof pg.Pool || client instanceof pg.Client) || !preparing.has(client)) return rowsOf<T>(await handle.execute(query));
  const { sql: text, params } = internals.dialect.sqlToQuery(query);
  internals.session.logger.logQuery(text, params);
  return (await client.query<T & pg.QueryResultRow>({ name, text, values: params })).rows;
}
