/**
 * Background jobs through pg-boss, a queue kept in the database itself, on PGlite and
 * PostgreSQL alike (STACK.md §7). Modules register handlers; `SKIP LOCKED` claims mean that
 * several app processes never run one job twice (DESIGN.md, Beyond one machine).
 */
import { PgBoss, fromPglite } from 'pg-boss';
import type { Database } from './db';

export type JobHandler<T extends object = object> = (data: T) => Promise<void>;

type Registration = { name: string; handler: JobHandler<object>; cron?: string };

export class Jobs {
  private boss: PgBoss | null = null;
  private readonly registrations: Registration[] = [];
  private started = false;

  constructor(
    private readonly db: Database,
    private readonly log: { error: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void },
  ) {}

  /** Register a job type, optionally on a cron schedule (Asia/Ho_Chi_Minh). Call before `start`. */
  register<T extends object>(name: string, handler: JobHandler<T>, opts: { cron?: string } = {}): void {
    if (this.started) throw new Error(`job ${name} registered after start`);
    this.registrations.push({ name, handler: handler as JobHandler<object>, ...(opts.cron ? { cron: opts.cron } : {}) });
  }

  /** Start the queue and the workers. */
  async start(): Promise<void> {
    const base = { schema: 'pgboss', pollingIntervalSeconds: 1 } as const;
    this.boss =
      this.db.kind === 'pglite'
        ? new PgBoss({ db: fromPglite(this.db.pglite!), backend: 'pglite', schema: base.schema })
        : new PgBoss({ connectionString: this.db.url!, schema: base.schema, max: 3 });
    this.boss.on('error', (err) => this.log.error({ err }, 'job queue error'));
    await this.boss.start();
    for (const r of this.registrations) {
      await this.boss.createQueue(r.name);
      await this.boss.work(r.name, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
        for (const job of jobs) await r.handler((job.data ?? {}) as object);
      });
      if (r.cron) await this.boss.schedule(r.name, r.cron, null, { tz: 'Asia/Ho_Chi_Minh' });
    }
    this.started = true;
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

  async stop(): Promise<void> {
    if (this.boss) await this.boss.stop({ graceful: true, timeout: 5000, close: this.db.kind !== 'pglite' });
    this.boss = null;
  }
}
