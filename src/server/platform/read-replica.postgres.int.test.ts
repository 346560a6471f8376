/**
 * `DATABASE_READ_URL` (issue #17): the GET routes declared `readOnly` read through a second pool,
 * pointed at a streaming replica; writes, sessions (their sliding expiry too) and log-ins use the
 * primary. A replica is stood in for by the same server reached through a URL that makes every
 * transaction read only (`default_transaction_read_only=on`, as on a hot standby) and names its
 * connections (`application_name`), so a write sent there fails as it would on a replica.
 *
 * PostgreSQL pass only (`*.postgres.int.test.ts`, vitest.config.ts): PGlite has no replica.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { DEMO_PASSWORD, DEMO_TENANT } from '../seed/demo-org';
import { cloneTestDb, type TestDb, testConfig } from '../test/harness';
import { type Database, openPostgres, rowsOf } from './db';
import { sha256 } from './http';

const REPLICA_APP_NAME = 'danchu_read_replica_test';
let clone: TestDb;
let db: Database;
let app: FastifyInstance;
let tenantId: string;
let cookie: string;
let csrf: string;
const acquired = { primary: 0, read: 0 };

/**
 * The pages that read only, as the web app asks for them (bench/scale.ts's table and more). Not
 * `/api/dashboard/pillars` (the watch card upserts `watch_snapshots`) nor `/api/cases/stats` (a
 * reader stores the recount of the months that changed, `case_stat_months`): both write.
 */
const READ_PAGES = [
  '/api/cases?limit=50&offset=0',
  `/api/cases?q=${encodeURIComponent('dat dai')}&limit=50&offset=0`,
  '/api/cases/oversight',
  '/api/dashboard',
  '/api/reports/matrix',
  '/api/plans',
  '/api/reception/sessions?year=2026',
  `/api/search?q=${encodeURIComponent('ke hoach')}`,
];

function get(url: string) {
  return app.inject({ method: 'GET', url, headers: { cookie } });
}

beforeAll(async () => {
  clone = await cloneTestDb();
  const readUrl = new URL(clone.db.url!);
  readUrl.searchParams.set('application_name', REPLICA_APP_NAME);
  readUrl.searchParams.set('options', '-c default_transaction_read_only=on');
  db = await openPostgres(clone.db.url!, { max: 4, readUrl: readUrl.toString() });
  db.pool!.on('acquire', () => acquired.primary++);
  db.readPool!.on('acquire', () => acquired.read++);
  app = await buildApp({ config: testConfig(), db, logger: false, startJobs: false });
  await app.ready();
  const [t] = rowsOf<{ tenant_id: string }>(await db.owner.execute(sql`select tenant_id from tenants where code = ${DEMO_TENANT.code}`));
  tenantId = t!.tenant_id;
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: DEMO_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  cookie = `danchu_sid=${res.cookies.find((c) => c.name === 'danchu_sid')!.value}`;
  csrf = (await get('/api/me')).json().csrfToken as string;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await clone?.drop();
});

describe('DATABASE_READ_URL: a read replica for the read-only routes', () => {
  it('the read pool is the replica: its connections are named and read only', async () => {
    const c = await db.readPool!.connect();
    try {
      const { rows } = await c.query<{ ro: string; name: string }>(
        `select current_setting('default_transaction_read_only') as ro, current_setting('application_name') as name`,
      );
      expect(rows[0]).toEqual({ ro: 'on', name: REPLICA_APP_NAME });
      await expect(c.query(`update tenants set name = name`)).rejects.toMatchObject({ code: '25006' });
    } finally {
      c.release();
    }
  });

  it('every read page answers through the replica, with the primary only for the session', async () => {
    for (const url of READ_PAGES) {
      const before = { ...acquired };
      const res = await get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      expect(acquired.read - before.read, url).toBe(1);
      // The session look-up (one statement, on the primary: a log-out must be seen at once).
      expect(acquired.primary - before.primary, url).toBe(1);
    }
    // The replica's connections as the server sees them.
    const [seen] = rowsOf<{ n: number }>(
      await db.owner.execute(sql`select count(*)::int as n from pg_stat_activity where application_name = ${REPLICA_APP_NAME}`),
    );
    expect(seen!.n).toBeGreaterThanOrEqual(1);
  });

  it("a person's own page (`readOnly: 'primary'`) reads only, on the primary", async () => {
    const before = { ...acquired };
    const res = await get('/api/me');
    expect(res.statusCode).toBe(200);
    expect(acquired.read - before.read).toBe(0);
    // The session look-up, then the page's read-only transaction.
    expect(acquired.primary - before.primary).toBe(2);
  });

  it('row-level security and the tenant apply on the replica exactly as on the primary', async () => {
    const count = (tx: Parameters<Parameters<Database['withTenant']>[1]>[0]) =>
      tx.execute(sql`select count(*)::int as n, current_user as who, current_setting('application_name') as app from cases`);
    const onPrimary = rowsOf<{ n: number; who: string; app: string }>(await db.withTenant({ tenantId }, count))[0]!;
    const onReplica = rowsOf<{ n: number; who: string; app: string }>(await db.withTenantRead({ tenantId }, count))[0]!;
    expect(onPrimary.n).toBeGreaterThan(0);
    expect(onReplica).toEqual({ n: onPrimary.n, who: 'danchu_app', app: REPLICA_APP_NAME });
    const other = '00000000-0000-0000-0000-0000000000aa';
    expect(rowsOf<{ n: number }>(await db.withTenantRead({ tenantId: other }, count))[0]!.n).toBe(0);
    // The same answers as from the primary (the clone's own pool, no replica).
    const cases = (await get('/api/cases?limit=50&offset=0')).json();
    const plain = await buildApp({ config: testConfig(), db: clone.db, logger: false, startJobs: false });
    try {
      const direct = await plain.inject({ method: 'GET', url: '/api/cases?limit=50&offset=0', headers: { cookie } });
      expect(direct.json()).toEqual(cases);
      const stats = await plain.inject({ method: 'GET', url: '/api/cases/stats?year=2026', headers: { cookie } });
      expect((await get('/api/cases/stats?year=2026')).json()).toEqual(stats.json());
    } finally {
      await plain.close();
    }
  });

  it('writes go to the primary, and a read-only transaction refuses a write even without a replica', async () => {
    const before = { ...acquired };
    const res = await app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { kind: 'petition', channel: 'letter', receivedOn: '2026-12-01', subject: 'Kiến nghị qua bản sao', content: 'Nội dung' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(acquired.read - before.read).toBe(0);
    // A case page may audit what it opens: it is not a read-only route and reads the primary.
    const page = await get(`/api/cases/${res.json().id}`);
    expect(page.statusCode).toBe(200);
    expect(acquired.read - before.read).toBe(0);
    // Without a replica the read-only routes still run read only (a write there fails in every test).
    await expect(
      clone.db.withTenantRead({ tenantId }, (tx) => tx.execute(sql`update cases set subject = subject where false`)),
    ).rejects.toMatchObject({ cause: { code: '25006' } });
  });

  it('kept answers: a miss reads the replica, a hit only the session on the primary, a change computes again', async () => {
    const kept = await buildApp({ config: testConfig({ RESPONSE_CACHE_MB: '8' }), db, logger: false, startJobs: false });
    try {
      const ask = () => kept.inject({ method: 'GET', url: '/api/dashboard', headers: { cookie } });
      let before = { ...acquired };
      const first = await ask();
      expect(first.headers['x-danchu-cache']).toBe('miss');
      expect(acquired.read - before.read).toBe(1);
      before = { ...acquired };
      const second = await ask();
      expect(second.headers['x-danchu-cache']).toBe('hit');
      expect(second.body).toBe(first.body);
      expect([acquired.read - before.read, acquired.primary - before.primary]).toEqual([0, 1]);
      const res = await kept.inject({
        method: 'POST',
        url: '/api/cases',
        headers: { cookie, 'x-csrf-token': csrf },
        payload: { kind: 'feedback', channel: 'letter', receivedOn: '2026-12-01', subject: 'Phản ánh qua bản sao', content: 'Nội dung' },
      });
      expect(res.statusCode, res.body).toBe(200);
      before = { ...acquired };
      expect((await ask()).headers['x-danchu-cache']).toBe('miss');
      expect(acquired.read - before.read).toBe(1);
      expect((await ask()).headers['x-danchu-cache']).toBe('hit');
    } finally {
      await kept.close();
    }
  });

  it('the sliding expiry of a session read by a replica page is written on the primary', async () => {
    await db.owner.execute(sql`update sessions set last_seen_at = now() - interval '10 minutes' where tenant_id = ${tenantId}`);
    const before = { ...acquired };
    const res = await get('/api/cases/oversight');
    expect(res.statusCode).toBe(200);
    expect(acquired.read - before.read).toBe(1);
    const tokenHash = sha256(cookie.slice('danchu_sid='.length));
    const [s] = rowsOf<{ fresh: boolean }>(
      await db.owner.execute(sql`select last_seen_at > now() - interval '1 minute' as fresh from sessions where token_hash = ${tokenHash}`),
    );
    expect(s!.fresh).toBe(true);
  });
});
