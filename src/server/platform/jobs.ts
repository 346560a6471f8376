/**
 * Background jobs through pg-boss, a queue kept in the database itself, on PGlite and
 * PostgreSQL alike (STACK.md §7). Modules register handlers; `SKIP LOCKED` claims mean that
 * several app processes never run one job twice (DESIGN.md, Beyond one machine).
 *
 * pg-boss is pinned to 10.x, the last line whose engines allow Node 20 (README, Versions); it has
 * no PGlite adapter of its own, so `pgliteJobDb` below is one.
 */
import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from './db';

/** pg-boss 10's schema version (its version.json): a newer one was written by a later pg-boss. */
const PGBOSS_SCHEMA_VERSION = 24;
const SCHEMA = 'pgboss';

/** pg-boss's `locked()` scripts: `BEGIN; … COMMIT;` around statements without parameters. */
const LOCKED_SCRIPT = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/;

/**
 * pg-boss's database interface on an in-process PGlite. PGlite's `query()` runs one statement,
 * so parameterless (possibly multi-statement) SQL goes through `exec()`. Its `BEGIN; … COMMIT;`
 * scripts run inside `pglite.transaction()` instead of as raw BEGIN/COMMIT: PGlite has one
 * session, and a raw BEGIN would be shared with every other caller, a failed statement leaving it
 * aborted for all of them (STACK.md §1, Hazard 1); the transaction holds PGlite's lock and rolls
 * back on error.
 */
export function pgliteJobDb(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values?.length) return { rows: (await pglite.query(text, values)).rows as unknown[] };
      const locked = LOCKED_SCRIPT.exec(text);
      const results = locked ? await pglite.transaction((tx) => tx.exec(locked[1]!)) : await pglite.exec(text);
      return { rows: results.flatMap((r) => r.rows) };
    },
  };
}

export type JobHandler<T extends object = object> = (data: T) => Promise<void>;

type Registration = { name: string; handler: JobHandler<object>; cron?: string; atStart?: boolean };

export class Jobs {
  private boss: PgBoss | null = null;
  private readonly registrations: Registration[] = [];
  private started = false;
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    private readonly log: { error: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void },
  ) {}

  /**
   * Register a job type, optionally on a cron schedule (Asia/Ho_Chi_Minh), and optionally queued
   * once each time the queue starts (`atStart`: an idempotent catch-up such as a search backfill,
   * so that data written before a release is brought up to date without a migration). Call before `start`.
   */
  register<T extends object>(name: string, handler: JobHandler<T>, opts: { cron?: string; atStart?: boolean } = {}): void {
    if (this.started) throw new Error(`job ${name} registered after start`);
    this.registrations.push({
      name,
      handler: handler as JobHandler<object>,
      ...(opts.cron ? { cron: opts.cron } : {}),
      ...(opts.atStart ? { atStart: true } : {}),
    });
  }

  /** Start the queue and the workers. */
  async start(): Promise<void> {
    await this.dropNewerQueueSchema();
    this.boss =
      this.db.kind === 'pglite'
        ? new PgBoss({ db: pgliteJobDb(this.db.pglite!), schema: SCHEMA })
        : new PgBoss({ connectionString: this.db.url!, schema: SCHEMA, max: 3 });
    this.boss.on('error', (err) => this.log.error({ err }, 'job queue error'));
    await this.boss.start();
    for (const r of this.registrations) {
      await this.createQueue(r.name);
      await this.boss.work(r.name, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
        for (const job of jobs) await r.handler((job.data ?? {}) as object);
      });
      if (r.cron) await this.boss.schedule(r.name, r.cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
      if (r.atStart) await this.boss.send(r.name, {});
    }
    this.started = true;
  }

  /**
   * Create a queue (idempotent). pg-boss's create_queue adds a partition with a foreign key to its
   * queue table; two processes starting together on one PostgreSQL deadlock there (40P01), and the
   * loser's start failed, taking the process down (two-process durability drill, issue #16). The
   * deadlock rolled the loser back: it tries again, finding the queue made by the other.
   */
  private async createQueue(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.boss!.createQueue(name);
        return;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '23505' && code !== '42P07')) throw err;
        await new Promise((r) => setTimeout(r, 100 * attempt + Math.random() * 200));
      }
    }
  }

  /**
   * A database first started by a later pg-boss (danchu ≤ 0.1 used 12.x) holds a queue schema that
   * pg-boss 10 cannot read nor migrate back. Its content is transient (queued reminders, the
   * schedules that every start registers again; backup.ts leaves it out too), so it is dropped and
   * created again rather than leaving the jobs broken.
   */
  private async dropNewerQueueSchema(): Promise<void> {
    const [table] = rowsOf<{ name: string | null }>(
      await this.db.owner.execute(sql.raw(`select to_regclass('${SCHEMA}.version')::text as name`)),
    );
    if (!table?.name) return;
    const [row] = rowsOf<{ version: number }>(
      await this.db.owner.execute(sql.raw(`select max(version::int)::int as version from ${SCHEMA}.version`)),
    );
    if (row && row.version > PGBOSS_SCHEMA_VERSION) {
      this.log.warn({ found: row.version, expected: PGBOSS_SCHEMA_VERSION }, 'job queue schema from a newer pg-boss: recreated');
      await this.db.owner.execute(sql.raw(`drop schema ${SCHEMA} cascade`));
    }
  }

  /** True once the workers run. */
  get isStarted(): boolean {
    return this.started;
  }

  /** Queue a job; returns its id. */
  async send(name: string, data: object = {}): Promise<string | null> {
    if (!this.boss) throw new Error('job queue not started');
    return this.boss.send(name, data);
  }

  /**
   * Start a registered job: through the queue when the workers run (any process may take it),
   * otherwise in this process in the background (`JOBS=false`, tests), its failure logged.
   */
  async dispatch(name: string, data: object = {}): Promise<void> {
    if (this.started && this.boss) {
      await this.send(name, data);
      return;
    }
    const r = this.registrations.find((x) => x.name === name);
    if (!r) throw new Error(`job ${name} is not registered`);
    const run = r.handler(data).catch((err: unknown) => this.log.error({ err, job: name }, 'background job failed'));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  /** Wait for the jobs started in this process by `dispatch` (tests, and before closing). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  async stop(): Promise<void> {
    await this.idle();
    if (this.boss) await this.boss.stop({ graceful: true, timeout: 5000, wait: true, close: this.db.kind !== 'pglite' });
    this.boss = null;
  }
}
