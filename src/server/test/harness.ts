/**
 * Test harness for integration tests: a fresh clone of the seeded template database per test
 * file, the whole app built on it, and helpers to log in as a demo account and call the API.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../platform/config';
import { openPglite, openPostgres, type Database } from '../platform/db';
import { tenants } from '../platform/tables';
import type { Context } from '../platform/module';
import { DEMO_PASSWORD, DEMO_TENANT } from '../seed/demo-org';

export type TestDb = { db: Database; drop: () => Promise<void> };

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh database holding the seeded demo agency (cloned from the template). */
export async function cloneTestDb(): Promise<TestDb> {
  if (inject('dbKind') === 'pglite') {
    const tar = fs.readFileSync(inject('pgliteTemplate'));
    const db = await openPglite({ dataDir: 'memory://', loadDataDir: new Blob([tar]) });
    return { db, drop: () => db.close() };
  }
  const server = inject('pgServerUrl');
  const name = `${inject('pgClonePrefix')}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('pgTemplateDb')}`);
  await admin.end();
  const db = await openPostgres(withDatabase(server, name), { max: 4 });
  return {
    db,
    drop: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: server });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  // No kept answers unless a test asks for them (response-cache.int.test.ts): tests change data
  // with the owner connection, which a running installation never does, and the agency's data
  // version would not see it.
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', RESPONSE_CACHE_MB: '0', ...overrides });
}

export type Session = { cookie: string; csrf: string; username: string };

export type TestApp = {
  app: FastifyInstance;
  db: Database;
  config: Config;
  demoTenantId: string;
  login: (username: string, password?: string) => Promise<Session>;
  call: (session: Session | null, opts: InjectOptions & { csrf?: boolean }) => Promise<LightMyRequestResponse>;
  /**
   * The SQL statements `fn` runs (drizzle's query log; BEGIN/COMMIT/ROLLBACK, the tenant's
   * `set_config`, `set local role` and the data version's upsert left out): for tests that count
   * statements (issue #17).
   */
  statements: (fn: () => Promise<unknown>) => Promise<{ sql: string; params: unknown[] }[]>;
  /** Run a module function as the system (a job, the CLI) in the demo agency on the given day. */
  system: <T>(today: string, fn: (ctx: Context) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

/** Build the app on a fresh clone of the seeded database. */
export async function createTestApp(opts: { config?: Record<string, string>; startJobs?: boolean } = {}): Promise<TestApp> {
  const { db, drop } = await cloneTestDb();
  const config = testConfig(opts.config);
  const app = await buildApp({ config, db, logger: false, startJobs: opts.startJobs ?? false });
  await app.ready();
  const [t] = await db.owner.select().from(tenants).where(eq(tenants.code, DEMO_TENANT.code));
  const call: TestApp['call'] = (session, o) => {
    const headers: Record<string, string> = { ...(o.headers as Record<string, string> | undefined) };
    if (session) {
      headers.cookie = session.cookie;
      if (o.csrf !== false) headers['x-csrf-token'] = session.csrf;
    }
    const { csrf: _csrf, ...rest } = o;
    return app.inject({ ...rest, headers });
  };
  const login = async (username: string, password = DEMO_PASSWORD): Promise<Session> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const setCookie = res.cookies.find((c) => c.name === 'danchu_sid');
    const cookie = `danchu_sid=${setCookie!.value}`;
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    return { cookie, csrf: me.json().csrfToken as string, username };
  };
  const statements: TestApp['statements'] = async (fn) => {
    const log: { sql: string; params: unknown[] }[] = [];
    // drizzle's logger, on the owner session and every transaction session made from its options.
    const session = (db.owner as unknown as { session: { logger: unknown; options: { logger?: unknown } } }).session;
    const before = { logger: session.logger, option: session.options.logger };
    const logger = { logQuery: (q: string, params: unknown[]) => log.push({ sql: q, params }) };
    session.logger = logger;
    session.options.logger = logger;
    try {
      await fn();
    } finally {
      session.logger = before.logger;
      session.options.logger = before.option;
    }
    // The agency's data version, written as the last statement of a read-write transaction
    // (db.ts markChanged), is framing like COMMIT: the benchmark counts it, these tests count the work.
    return log.filter(
      (l) =>
        !/^\s*(begin|commit|rollback|set local role)\b|^select set_config\('app\.tenant_id'|^\s*insert into data_versions\b/i.test(l.sql),
    );
  };
  return {
    app,
    db,
    config,
    demoTenantId: t!.tenantId,
    login,
    call,
    statements,
    system: (today, fn) =>
      db.withTenant({ tenantId: t!.tenantId }, (tx) =>
        fn({ tx, today, modules: app.modules, who: { tenantId: t!.tenantId, userId: null, name: 'Hệ thống (kiểm thử)' } }),
      ),
    close: async () => {
      await app.close();
      await drop();
    },
  };
}
