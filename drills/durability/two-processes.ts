/**
 * Drill: two app processes on one PostgreSQL database, as behind a load balancer (DESIGN.md,
 * Beyond one machine; issue #16 point 6):
 * - no job runs twice: jobs queued while both processes work are each taken once, and a
 *   schedule both processes keep sends one job per minute, not one per process;
 * - rate limits are shared: log-in failures on either process add up to one lock;
 * - sessions are shared: a session opened on one process works on the other, and a log-out on
 *   one ends it on both.
 */
import pg from 'pg';
import PgBoss from 'pg-boss';
import { call, dbName, type Figure, login, ServerProcess, sleep, type Target } from './lib';

/** A cheap job every process works (auth module: removes expired sessions). */
const QUEUE = 'sessions.purge';

export type TwoProcessOptions = {
  /** Jobs queued while both processes work. */
  jobs: number;
  /** How long a per-minute schedule runs (0: not at all; it needs more than a minute). */
  cronMs: number;
  /** How long both processes are watched after they answer (their job queues start then). */
  settleMs: number;
  log?: (line: string) => void;
};

export async function twoProcessDrill(target: Target, opts: TwoProcessOptions): Promise<Figure[]> {
  if (target.kind !== 'postgres') throw new Error('two processes share a PostgreSQL database');
  const log = opts.log ?? (() => {});
  // Started together, as after a deployment: each creates the job queues once it listens.
  let [a, b] = await Promise.all([ServerProcess.start(target, { jobs: true }), ServerProcess.start(target, { jobs: true })]);
  const db = new pg.Client({ connectionString: target.url });
  await db.connect();
  try {
    const figures: Figure[] = [];
    const until = Date.now() + opts.settleMs;
    while (Date.now() < until && !a.ended && !b.ended) await sleep(250);
    const ended = { A: a.ended, B: b.ended };
    figures.push({
      drill: 'two processes: started together, both stay up',
      db: 'PostgreSQL',
      figure: Object.entries(ended)
        .map(([k, v]) => `${k} ${v ? `died (${v})` : 'up'}`)
        .join(', '),
      ok: !ended.A && !ended.B,
    });
    // A process that died is started again, so the other figures are still measured.
    if (ended.A) a = await ServerProcess.start(target, { jobs: true });
    if (ended.B) b = await ServerProcess.start(target, { jobs: true });
    if (ended.A || ended.B) await sleep(opts.settleMs);
    figures.push(await sessions(a, b));
    figures.push(await loginLimits(a, b));
    figures.push(await queuedJobs(target.url, db, opts.jobs));
    if (opts.cronMs > 0) {
      log(`  a per-minute schedule for ${Math.round(opts.cronMs / 1000)} s…`);
      figures.push(await schedule(db, opts.cronMs));
    }
    return figures.map((f) => ({ ...f, db: dbName(target) }));
  } finally {
    await db.end();
    await Promise.all([a.stop(), b.stop()]);
  }
}

async function sessions(a: ServerProcess, b: ServerProcess): Promise<Figure> {
  const s = await login(a.base, 'vanphong');
  const meOnB = await call(b.base, s, 'GET', '/api/me');
  const content = 'Diễn tập hai tiến trình: dòng ghi trên B bằng phiên mở trên A';
  const write = await call(b.base, s, 'POST', '/api/reception/entries', {
    receivedOn: '2026-11-02',
    visitors: [{ name: 'Người dân hai tiến trình', address: 'Phường Nghĩa Chánh' }],
    content,
    parts: [{ kind: 'petition', subject: 'Kiến nghị hai tiến trình', content }],
  });
  const id = (write.json as { id?: string }).id;
  const readOnA = id ? await call(a.base, s, 'GET', `/api/reception/entries/${id}`) : { status: 0 };
  const logout = await call(b.base, s, 'POST', '/api/auth/logout');
  const meOnAAfter = await call(a.base, s, 'GET', '/api/me');
  const ok =
    meOnB.status === 200 &&
    (meOnB.json as { user?: { username?: string } }).user?.username === 'vanphong' &&
    write.status === 200 &&
    readOnA.status === 200 &&
    logout.status === 200 &&
    meOnAAfter.status === 401;
  return {
    drill: 'two processes: sessions shared',
    db: 'PostgreSQL',
    figure: `opened on A: read on B ${meOnB.status} (${(meOnB.json as { user?: { username?: string } }).user?.username}), write on B ${write.status}, read back on A ${readOnA.status}; logged out on B → A answers ${meOnAAfter.status}`,
    ok,
  };
}

async function loginLimits(a: ServerProcess, b: ServerProcess): Promise<Figure> {
  // LOGIN_MAX_FAILURES (5 by default) wrong passwords for one name from one address lock it there
  // (issue #16 point 8), counted in the database whichever process answers.
  const limit = 5;
  const codes: string[] = [];
  for (let i = 0; i < limit; i++) {
    const s = i % 2 === 0 ? a : b;
    const r = await call(s.base, null, 'POST', '/api/auth/login', { username: 'canbo', password: `sai-mat-khau-${i}` });
    codes.push(`${i % 2 === 0 ? 'A' : 'B'}${r.status}`);
  }
  const right = await call(b.base, null, 'POST', '/api/auth/login', { username: 'canbo', password: 'danchu-demo' });
  const rightOnA = await call(a.base, null, 'POST', '/api/auth/login', { username: 'canbo', password: 'danchu-demo' });
  const expected = ['A401', 'B401', 'A401', 'B401', 'A423'];
  const ok = JSON.stringify(codes) === JSON.stringify(expected) && right.status === 423 && rightOnA.status === 423;
  return {
    drill: 'two processes: log-in failures shared',
    db: 'PostgreSQL',
    figure: `${limit} wrong passwords alternating A/B → ${codes.join(' ')}; then the right one: B ${right.status}, A ${rightOnA.status}`,
    ok,
  };
}

async function queuedJobs(url: string, db: pg.Client, n: number): Promise<Figure> {
  // A client of the queue only: no workers, no maintenance, no schedules of its own.
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', supervise: false, schedule: false, migrate: false, max: 2 });
  await boss.start();
  const ids: string[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const id = await boss.send(QUEUE, { drill: i });
      if (id) ids.push(id);
    }
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true });
  }
  type Row = { completed: number; fetches: number; waiting: number };
  let row: Row = { completed: 0, fetches: 0, waiting: n };
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    const r = await db.query<Row>(
      `select count(*) filter (where state = 'completed')::int as completed,
              coalesce(sum(case when started_on is null then 0 else 1 + retry_count end), 0)::int as fetches,
              count(*) filter (where state <> 'completed')::int as waiting
         from pgboss.job where id = any($1::uuid[])`,
      [ids],
    );
    row = r.rows[0]!;
    if (row.waiting === 0) break;
    await sleep(500);
  }
  // pg-boss counts a second fetch of a started job in retry_count: executions = jobs + retries.
  return {
    drill: 'two processes: no job runs twice',
    db: 'PostgreSQL',
    figure: `${ids.length} jobs queued, ${row.completed} completed, ${row.fetches} executions, ${row.fetches - row.completed} twice`,
    ok: ids.length === n && row.completed === n && row.fetches === n,
  };
}

async function schedule(db: pg.Client, ms: number): Promise<Figure> {
  // Both processes registered the hourly schedule at start; make it every minute and watch.
  const [{ t0 }] = (await db.query<{ t0: Date }>('select now() as t0')).rows as [{ t0: Date }];
  await db.query(`update pgboss.schedule set cron = '* * * * *', timezone = 'UTC' where name = $1`, [QUEUE]);
  await sleep(ms);
  await db.query(`update pgboss.schedule set cron = '17 * * * *', timezone = 'Asia/Ho_Chi_Minh' where name = $1`, [QUEUE]);
  // Jobs the schedule sent (the drill's own carry data); one a minute at most, whoever sent it.
  const { rows } = await db.query<{ minute: Date; n: number; done: number }>(
    `select date_trunc('minute', created_on) as minute, count(*)::int as n, count(*) filter (where state = 'completed')::int as done
       from pgboss.job where name = $1 and created_on > $2 and not (data ? 'drill') group by 1 order by 1`,
    [QUEUE, t0],
  );
  const sends = rows.reduce((a, r) => a + r.n, 0);
  const twice = rows.reduce((a, r) => a + Math.max(0, r.n - 1), 0);
  return {
    drill: 'two processes: one scheduled run per slot',
    db: 'PostgreSQL',
    figure: `${rows.length} minutes scheduled, ${sends} jobs sent, ${twice} twice`,
    ok: rows.length >= 1 && twice === 0,
    details: { minutes: rows.map((r) => `${r.minute.toISOString()}: ${r.n} (${r.done} done)`) },
  };
}
