/**
 * Two app processes behind one PostgreSQL, as behind a load balancer (issue #17, "Beyond one
 * machine"; DESIGN.md, Beyond one machine). Two real `danchu start` processes (the built server,
 * JOBS on in both) are started together on one *empty* database, as on the first deployment of
 * two replicas. The test then checks what must not depend on which process answers:
 * - the first start: migrations and the first-start data happen once (one demo agency);
 * - jobs: a calendar change made on A is recomputed by one job run, whichever process takes it,
 *   each moved due date logged once; forty queued jobs are each executed once;
 * - sessions: opened on A, used on B; logged out on A, refused on B;
 * - log-in limits: wrong passwords alternating A/B lock the name at the same attempt as on A alone.
 *
 * `*.postgres.int.test.ts` files run in the PostgreSQL pass only (vitest.config.ts): PGlite is one
 * process's database (its folder lock refuses a second `danchu start`, cli.pglite.int.test.ts).
 */
import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, ensureServerBuilt, login, ServerProcess, type Session, sleep } from '../../drills/durability/lib';

const server = inject('pgServerUrl');
const dbName = `${inject('pgClonePrefix')}multiproc`;
const url = (() => {
  const u = new URL(server);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
let a: ServerProcess;
let b: ServerProcess;
let db: pg.Client;

async function admin(q: string): Promise<void> {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  await ensureServerBuilt();
  await admin(`drop database if exists ${dbName} with (force)`);
  await admin(`create database ${dbName}`);
  // Started together on an empty database: both migrate and create first-start data.
  // The first start migrates and seeds the demo agency: minutes on a loaded machine.
  [a, b] = await Promise.all([
    ServerProcess.start({ kind: 'postgres', url }, { jobs: true, timeoutMs: 540_000 }),
    ServerProcess.start({ kind: 'postgres', url }, { jobs: true, timeoutMs: 540_000 }),
  ]);
  db = new pg.Client({ connectionString: url });
  await db.connect();
}, 600_000);

afterAll(async () => {
  await db?.end();
  await Promise.all([a?.stop(), b?.stop()]);
  await admin(`drop database if exists ${dbName} with (force)`);
});

async function one<T>(q: string, params: unknown[] = []): Promise<T> {
  return (await db.query(q, params)).rows[0] as T;
}

describe('two app processes on one PostgreSQL', () => {
  it('started together on an empty database: both stay up, the demo agency is created once', async () => {
    await sleep(3000); // both job queues start after listening
    expect(a.ended, a.errors).toBeNull();
    expect(b.ended, b.errors).toBeNull();
    const t = await one<{ n: number; codes: number }>('select count(*)::int as n, count(distinct code)::int as codes from tenants');
    expect(t.n).toBeGreaterThan(0);
    expect(t.codes).toBe(t.n);
    const u = await one<{ n: number }>(`select count(*)::int as n from users where username = 'vanphong'`);
    expect(u.n).toBe(1);
  });

  it('a session opened on A works on B; logging out on A ends it on B', async () => {
    const s = await login(a.base, 'vanphong');
    const me = await call(b.base, s, 'GET', '/api/me');
    expect(me.status).toBe(200);
    expect((me.json as { user: { username: string } }).user.username).toBe('vanphong');
    const content = 'Hai tiến trình: dòng ghi trên B bằng phiên mở trên A';
    const write = await call(b.base, s, 'POST', '/api/reception/entries', {
      receivedOn: '2026-11-02',
      visitors: [{ name: 'Người dân hai tiến trình', address: 'Phường Nghĩa Chánh' }],
      content,
      parts: [{ kind: 'petition', subject: 'Kiến nghị hai tiến trình', content }],
    });
    expect(write.status, JSON.stringify(write.json)).toBe(200);
    const id = (write.json as { id: string }).id;
    expect((await call(a.base, s, 'GET', `/api/reception/entries/${id}`)).status).toBe(200);
    expect((await call(a.base, s, 'POST', '/api/auth/logout')).status).toBe(200);
    expect((await call(b.base, s, 'GET', '/api/me')).status).toBe(401);
    expect((await call(a.base, s, 'GET', '/api/me')).status).toBe(401);
  });

  it('log-in failures split across A and B lock the name at the same attempt as on A alone', async () => {
    // LOGIN_MAX_FAILURES (5) wrong passwords for a name from one address lock it (rate-limits.ts,
    // counted in the table `rate_limits`, whichever process answers).
    const attempts = async (username: string, pick: (i: number) => ServerProcess) => {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await call(pick(i).base, null, 'POST', '/api/auth/login', { username, password: `sai-mat-khau-${i}` });
        codes.push(r.status);
      }
      return codes;
    };
    const alone = await attempts('lanhdao', () => a);
    const split = await attempts('canbo', (i) => (i % 2 === 0 ? a : b));
    expect(alone).toEqual([401, 401, 401, 401, 423, 423]);
    expect(split).toEqual(alone);
    // Locked on both, even with the right password.
    for (const p of [a, b]) {
      expect((await call(p.base, null, 'POST', '/api/auth/login', { username: 'canbo', password: 'danchu-demo' })).status).toBe(423);
    }
  });

  it('a calendar change on A is recomputed by one job run; each moved due date logged once', { timeout: 240_000 }, async () => {
    const s: Session = await login(a.base, 'vanphong');
    const year = new Date().getUTCFullYear();
    // A day off a week ahead moves the open cases' running deadlines that pass it.
    const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const add = await call(a.base, s, 'POST', `/api/calendar/${year}/entries`, {
      date: day,
      kind: 'holiday',
      name: 'Nghỉ bù hai tiến trình',
    });
    expect(add.status, JSON.stringify(add.json)).toBe(200);
    const conf = await call(a.base, s, 'POST', `/api/calendar/${year}/confirm`, { basis: 'Thông báo 1234/TB-BNV (mẫu)' });
    expect(conf.status, JSON.stringify(conf.json)).toBe(200);
    type Run = { id: string; status: string; total: number; processed: number; moved: number };
    let run: Run | null = null;
    const until = Date.now() + 180_000;
    while (Date.now() < until) {
      run = ((await call(b.base, s, 'GET', '/api/calendar/recompute')).json as { recompute: Run | null }).recompute;
      if (run?.status === 'done') break;
      await sleep(500);
    }
    expect(run?.status).toBe('done');
    expect(run!.processed).toBe(run!.total);
    expect(run!.moved).toBeGreaterThan(0);
    const jobs = await one<{ n: number; started: number; retries: number }>(
      `select count(*)::int as n, count(started_on)::int as started, coalesce(sum(retry_count), 0)::int as retries
         from pgboss.job where name = 'cases.recompute-deadlines' and state = 'completed' and data->>'recomputeId' = $1`,
      [run!.id],
    );
    expect(jobs).toEqual({ n: 1, started: 1, retries: 0 });
    const logged = await one<{ rows: number; cases: number }>(
      `select count(*)::int as rows, count(distinct entity_id)::int as cases from audit_log
        where action = 'case.deadline_recompute' and at >= (select requested_at from calendar_recomputes where id = $1)`,
      [run!.id],
    );
    expect(logged.rows).toBe(run!.moved);
    expect(logged.cases).toBeLessThanOrEqual(logged.rows);
  });

  it('forty jobs queued while both processes work are each executed once', { timeout: 240_000 }, async () => {
    // A client of the queue only (no workers, no schedules): the processes take the jobs.
    const boss = new PgBoss({ connectionString: url, schema: 'pgboss', supervise: false, schedule: false, migrate: false, max: 2 });
    await boss.start();
    const ids: string[] = [];
    try {
      for (let i = 0; i < 40; i++) {
        const id = await boss.send('sessions.purge', { test: i });
        if (id) ids.push(id);
      }
    } finally {
      await boss.stop({ graceful: false, close: true, wait: true });
    }
    expect(ids).toHaveLength(40);
    type Row = { completed: number; executions: number };
    let row: Row = { completed: 0, executions: 0 };
    const until = Date.now() + 180_000;
    while (Date.now() < until) {
      // pg-boss counts a second fetch of a started job in retry_count: executions = jobs + retries.
      row = await one<Row>(
        `select count(*) filter (where state = 'completed')::int as completed,
                coalesce(sum(case when started_on is null then 0 else 1 + retry_count end), 0)::int as executions
           from pgboss.job where id = any($1::uuid[])`,
        [ids],
      );
      if (row.completed === 40) break;
      await sleep(500);
    }
    expect(row).toEqual({ completed: 40, executions: 40 });
    expect(a.ended, a.errors).toBeNull();
    expect(b.ended, b.errors).toBeNull();
  });
});
