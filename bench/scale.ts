/**
 * The province benchmark (issue #17): each list, search and statistics page of the largest
 * agency, measured against the raw SQL of the same page and against `/api/health`.
 *
 *   npm run bench:scale -- --database-url postgres://postgres@127.0.0.1:5432/danchu_province
 *   npm run bench:scale -- --pglite-dir /tmp/province-lite
 *   options: --duration 5 (seconds per load run) --connections 20,200 --timeout 10 (seconds a
 *            request may take under load) --port 3390 --only cases,search (page keys) --out bench/results
 *            --start-timeout 120 (seconds the server may take to start)
 *
 * Two phases, one database open at a time (a PGlite folder takes one process):
 *  1. In process (buildApp + app.inject), the Office user of the largest agency: the bytes of each
 *     response, the SQL statements it runs (drizzle's query log on both drivers; BEGIN/COMMIT are
 *     not counted), and the same statements replayed alone, back to back in one transaction with
 *     the same tenant and role — "the same SQL alone".
 *  2. The server as its own process (`danchu start`, JOBS=false): each page alone (p50/p95), then
 *     under 20 and 200 concurrent connections for `--duration` seconds (undici), then all pages
 *     mixed under 200 connections; all with kept answers off (RESPONSE_CACHE_MB=0, what a page
 *     costs to compute). Then with kept answers on (response-cache.ts): each page alone again, and
 *     the mix twice, without changes and with a case received every second. A request still running after `--timeout` counts as an error,
 *     and that client stops. Every run has a server of its own, started afresh.
 * The table is printed and written to bench/results/scale-<date>-<db>.md.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import { type Database, openPglite, openPostgres } from '../src/server/platform/db';
import { DEMO_PASSWORD } from '../src/server/seed/demo-org';
import { BENCH_IDENTITY_KEY } from './generate';

process.env.DANCHU_IDENTITY_KEY ??= BENCH_IDENTITY_KEY;

/** `anonymous`: asked without the session cookie (the bare HTTP and database round trip); `extra`: only with `--only`. */
/** `url` gets the year and the current year's agency plan (its roll-up and cascade). */
type Page = { key: string; label: string; url: (year: number, planId: string) => string; anonymous?: boolean; extra?: boolean };

/** The pages of issue #17's table, as the web app asks for them (CasesPage: 50 a page). */
export const PAGES: Page[] = [
  { key: 'health', label: '/api/health (no session)', url: () => '/api/health', anonymous: true },
  { key: 'me', label: '/api/me (session only)', url: () => '/api/me' },
  { key: 'cases', label: 'cases list, first page', url: () => '/api/cases?limit=50&offset=0' },
  { key: 'search', label: 'cases search `q=dat dai`', url: () => `/api/cases?q=${encodeURIComponent('dat dai')}&limit=50&offset=0` },
  // More searches (issue #17: an index the planner really uses for each): a short word in most
  // cases, a person's name, a case code, a word in 1.5 % of the cases, rare words, a phrase with a kind filter, a second page.
  // Not in the default run (`--only search,search-dan,…` asks for them).
  { key: 'search-dan', label: 'cases search `q=dan`', url: () => '/api/cases?q=dan&limit=50&offset=0', extra: true },
  {
    key: 'search-name',
    label: 'cases search `q=Lý Thị Yến`',
    url: () => `/api/cases?q=${encodeURIComponent('Lý Thị Yến')}&limit=50&offset=0`,
    extra: true,
  },
  { key: 'search-code', label: 'cases search `q=KN-2026-0123`', url: () => '/api/cases?q=KN-2026-0123&limit=50&offset=0', extra: true },
  { key: 'search-mid', label: 'cases search `q=tuynel`', url: () => '/api/cases?q=tuynel&limit=50&offset=0', extra: true },
  { key: 'search-rare', label: 'cases search `q=internet`', url: () => '/api/cases?q=internet&limit=50&offset=0', extra: true },
  // A rare word whose trigrams are in every case ("quang" of the province's name in each address):
  // no trigram index narrows it, the worst case of a LIKE search.
  { key: 'search-xquang', label: 'cases search `q=x-quang`', url: () => '/api/cases?q=x-quang&limit=50&offset=0', extra: true },
  {
    key: 'search-kind',
    label: 'cases search `q=dat dai&kind=complaint`',
    url: () => `/api/cases?q=${encodeURIComponent('dat dai')}&kind=complaint&limit=50&offset=0`,
    extra: true,
  },
  {
    key: 'search-p2',
    label: 'cases search `q=dat dai`, second page',
    url: () => `/api/cases?q=${encodeURIComponent('dat dai')}&limit=50&offset=50`,
    extra: true,
  },
  { key: 'filtered', label: 'cases by year and channel', url: (y) => `/api/cases?year=${y - 1}&channel=letter&limit=50&offset=0` },
  { key: 'oversight', label: 'oversight', url: () => '/api/cases/oversight' },
  { key: 'stats', label: 'statistics', url: (y) => `/api/cases/stats?year=${y}` },
  { key: 'dashboard', label: 'dashboard', url: () => '/api/dashboard' },
  { key: 'matrix', label: 'report matrix', url: () => '/api/reports/matrix' },
  { key: 'plans', label: 'plans', url: () => '/api/plans' },
  { key: 'pillars', label: 'dashboard by pillars', url: () => '/api/dashboard/pillars' },
  { key: 'rollup', label: "the year's plan roll-up", url: (_y, plan) => `/api/plans/${plan}/rollup` },
  { key: 'cascade', label: "the year's plan cascade", url: (_y, plan) => `/api/plans/${plan}/cascade` },
  { key: 'entries', label: 'reception register', url: (y) => `/api/reception/entries?year=${y}` },
  { key: 'sessions', label: 'reception schedule', url: (y) => `/api/reception/sessions?year=${y}` },
];

type Args = {
  databaseUrl?: string;
  pgliteDir?: string;
  duration: number;
  connections: number[];
  timeout: number;
  port: number;
  only: string[] | null;
  out: string;
  /** Seconds the server may take to answer /api/health after its start (a loaded machine needs more). */
  startTimeout: number;
};

function parseArgs(argv: string[]): Args {
  const a: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i]!.startsWith('--') || argv[i + 1] === undefined) throw new Error(`bad argument ${argv[i]}`);
    a[argv[i]!.slice(2)] = argv[i + 1]!;
  }
  if (!a['database-url'] && !a['pglite-dir']) throw new Error('usage: bench/scale.ts (--database-url URL | --pglite-dir DIR) [options]');
  return {
    databaseUrl: a['database-url'],
    pgliteDir: a['pglite-dir'],
    duration: Number(a.duration ?? 5),
    connections: (a.connections ?? '20,200').split(',').map(Number),
    timeout: Number(a.timeout ?? 10),
    port: Number(a.port ?? 3390),
    only: a.only ? a.only.split(',') : null,
    out: a.out ?? 'bench/results',
    startTimeout: Number(a['start-timeout'] ?? 120),
  };
}

const pct = (xs: number[], q: number) => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (x: number) => (Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1));

async function open(args: Args): Promise<Database> {
  return args.databaseUrl ? openPostgres(args.databaseUrl, { max: 10 }) : openPglite({ dataDir: args.pgliteDir! });
}

type Target = { tenantId: string; code: string; name: string; cases: number; username: string };

/** The agency with the most cases and its Office log-in. */
async function largestAgency(db: Database): Promise<Target> {
  const q = `select t.tenant_id, t.code, t.name, c.n,
                    (select u.username from users u join role_assignments ra on ra.tenant_id = u.tenant_id and ra.user_id = u.id
                      where u.tenant_id = t.tenant_id and ra.role = 'office' order by (u.username like '%vanphong') desc, u.username limit 1) as username
               from (select tenant_id, count(*)::int as n from cases group by tenant_id order by 2 desc limit 1) c
               join tenants t on t.tenant_id = c.tenant_id`;
  const rows = db.pglite ? (await db.pglite.query<Record<string, unknown>>(q)).rows : (await db.pool!.query(q)).rows;
  const r = rows[0];
  if (!r) throw new Error('no cases in this database: run bench:generate first');
  return {
    tenantId: r.tenant_id as string,
    code: r.code as string,
    name: r.name as string,
    cases: r.n as number,
    username: r.username as string,
  };
}

type Logged = { sql: string; params: unknown[] };
type InProcess = { bytes: number; statements: number; sqlP50: number; slowest: { ms: number; sql: string } };

/** The agency's plan of the year (else its latest in force): the roll-up's and the cascade's pages. */
async function currentPlan(app: Awaited<ReturnType<typeof buildApp>>, cookie: string, year: number): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/api/plans', headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`plans: ${res.statusCode} ${res.body.slice(0, 300)}`);
  const plans = (res.json() as Plan[]).filter((p) => !p.unit && p.status !== 'archived');
  const plan = plans.find((p) => p.year === year) ?? plans.sort((a, b) => b.year - a.year)[0];
  if (!plan) throw new Error('the agency has no plan: the roll-up and cascade pages need one');
  return plan.id;
}
type Plan = { id: string; year: number; status: string; unit: unknown };

/** Phase 1: bytes, statements, and the same SQL alone. */
async function inProcess(
  args: Args,
  pages: Page[],
  year: number,
): Promise<{ target: Target; results: Map<string, InProcess>; sizes: string; planId: string }> {
  const db = await open(args);
  try {
    const target = await largestAgency(db);
    const log: Logged[] = [];
    // drizzle's query log, on the owner session and every transaction session made from its options.
    const session = (db.owner as unknown as { session: { logger: unknown; options: { logger?: unknown } } }).session;
    const logger = { logQuery: (sql: string, params: unknown[]) => log.push({ sql, params }) };
    session.logger = logger;
    session.options.logger = logger;
    // No kept answers here: the statements and bytes are those of computing each page.
    const app = await buildApp({
      config: loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', JOBS: 'false', RESPONSE_CACHE_MB: '0' }),
      db,
      logger: false,
    });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: target.username, password: DEMO_PASSWORD },
    });
    if (login.statusCode !== 200) throw new Error(`log-in as ${target.username} failed: ${login.statusCode} ${login.body}`);
    const cookie = `danchu_sid=${login.cookies.find((c) => c.name === 'danchu_sid')!.value}`;
    const planId = await currentPlan(app, cookie, year);
    const results = new Map<string, InProcess>();
    for (const p of pages) {
      const headers = p.anonymous ? {} : { cookie };
      await app.inject({ method: 'GET', url: p.url(year, planId), headers }); // warm
      log.length = 0;
      const res = await app.inject({ method: 'GET', url: p.url(year, planId), headers });
      if (res.statusCode !== 200) throw new Error(`${p.label}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      const statements = log.filter((l) => !/^\s*(begin|commit|rollback)\b/i.test(l.sql));
      const replay = await replayAlone(db, statements, ['health', 'me'].includes(p.key) ? 20 : 5);
      results.set(p.key, { bytes: res.rawPayload.length, statements: statements.length, sqlP50: replay.p50, slowest: replay.slowest });
      console.log(`  ${p.label}: ${res.rawPayload.length} bytes, ${statements.length} statements, SQL alone ${ms(replay.p50)} ms`);
    }
    await app.close();
    const sizes = await databaseSizes(db);
    return { target, results, sizes, planId };
  } finally {
    await db.close();
  }
}

/** Run a request's statements back to back in one transaction, `n` times (at most ~20 s). */
async function replayAlone(db: Database, statements: Logged[], n: number): Promise<{ p50: number; slowest: { ms: number; sql: string } }> {
  const times: number[] = [];
  let slowest = { ms: 0, sql: '' };
  const started = performance.now();
  for (let i = 0; i < n && (i < 2 || performance.now() - started < 20_000); i++) {
    const each: number[] = [];
    const run = async (q: (sql: string, params: unknown[]) => Promise<unknown>) => {
      const t0 = performance.now();
      for (const s of statements) {
        const t = performance.now();
        await q(s.sql, s.params);
        each.push(performance.now() - t);
      }
      return performance.now() - t0;
    };
    let total: number;
    if (db.pglite) {
      total = await db.pglite.transaction((tx) => run((sql, params) => tx.query(sql, params as unknown[])));
    } else {
      const c = await db.pool!.connect();
      try {
        await c.query('begin');
        total = await run((sql, params) => c.query(sql, params as unknown[]));
        await c.query('rollback');
      } finally {
        c.release();
      }
    }
    times.push(total);
    const k = each.indexOf(Math.max(...each));
    if (k >= 0 && each[k]! > slowest.ms) slowest = { ms: each[k]!, sql: statements[k]!.sql.replace(/\s+/g, ' ').slice(0, 160) };
  }
  return { p50: pct(times, 0.5), slowest };
}

async function databaseSizes(db: Database): Promise<string> {
  const q = `select (select count(*) from tenants)::int as tenants, (select count(*) from cases)::int as cases,
                    (select count(*) from case_events)::int as events, (select count(*) from case_deadlines)::int as deadlines,
                    (select count(*) from users)::int as users, pg_size_pretty(pg_database_size(current_database())) as size`;
  const r = (db.pglite ? (await db.pglite.query<Record<string, unknown>>(q)).rows : (await db.pool!.query(q)).rows)[0]!;
  return `${r.tenants} agencies, ${Number(r.cases).toLocaleString('en')} cases, ${Number(r.events).toLocaleString('en')} case events, ${Number(r.deadlines).toLocaleString('en')} deadlines, ${Number(r.users).toLocaleString('en')} accounts; ${r.size}`;
}

/** Start `danchu start` on the database and wait for /api/health. */
async function startServer(args: Args, kept: boolean): Promise<ChildProcess> {
  // A server already on the port (one left by an interrupted run) would answer in the new one's
  // place — and its code, not this checkout's, would be measured.
  const taken = await fetch(`http://127.0.0.1:${args.port}/api/health`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${args.port} already answers: stop what listens there, or pass --port`);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    PORT: String(args.port),
    HOST: '127.0.0.1',
    JOBS: 'false',
    DANCHU_DEMO: 'false',
    LOG_LEVEL: 'warn',
    // Kept answers of the aggregate pages (response-cache.ts): off to measure what a page costs
    // to compute, on to measure what a person asking again between two changes waits.
    RESPONSE_CACHE_MB: kept ? '64' : '0',
  };
  if (args.databaseUrl) env.DATABASE_URL = args.databaseUrl;
  else {
    delete env.DATABASE_URL;
    env.DATA_DIR = args.pgliteDir!;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'start'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + args.startTimeout * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${args.port}/api/health`);
      if (r.ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill('SIGTERM');
  throw new Error(`the server did not answer /api/health within ${args.startTimeout} s`);
}

type Load = { p50: number; p95: number; done: number; errors: number; rps: number };

/** `connections` clients asking for `urls` in turn for `seconds`; each request may take `timeout` s. */
async function load(origin: string, cookie: string, urls: string[], connections: number, seconds: number, timeout: number): Promise<Load> {
  const pool = new Pool(origin, { connections, pipelining: 1, headersTimeout: timeout * 1000, bodyTimeout: timeout * 1000 });
  const times: number[] = [];
  let errors = 0;
  let k = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const url = urls[k++ % urls.length]!;
      const t = performance.now();
      try {
        const r = await pool.request({ path: url, method: 'GET', headers: cookie ? { cookie } : {} });
        await r.body.arrayBuffer();
        if (r.statusCode !== 200) errors++;
        else times.push(performance.now() - t);
      } catch {
        // A client whose request timed out gives up: the server is not sent more than it can queue.
        errors++;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const wall = (performance.now() - t0) / 1000;
  await pool.close();
  return { p50: pct(times, 0.5), p95: pct(times, 0.95), done: times.length, errors, rps: times.length / wall };
}

/** Sequential requests: at least 5, up to 30 or ~15 s. `kept`: the last answer was a kept one. */
async function alone(origin: string, cookie: string, url: string): Promise<{ p50: number; p95: number; kept: boolean }> {
  const times: number[] = [];
  const started = performance.now();
  let kept = false;
  await fetch(origin + url, { headers: cookie ? { cookie } : {} }).then((r) => r.arrayBuffer());
  while (times.length < 30 && (times.length < 5 || performance.now() - started < 15_000)) {
    const t = performance.now();
    const r = await fetch(origin + url, { headers: cookie ? { cookie } : {} });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
    times.push(performance.now() - t);
    kept = r.headers.get('x-danchu-cache') === 'hit';
  }
  return { p50: pct(times, 0.5), p95: pct(times, 0.95), kept };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const kind = args.databaseUrl ? 'PostgreSQL' : 'PGlite';
  const pages = PAGES.filter((p) => (args.only ? ['health', 'me'].includes(p.key) || args.only.includes(p.key) : !p.extra));
  const year = Number(new Date().toISOString().slice(0, 4));
  console.log(`danchu province benchmark on ${kind}: phase 1, in process`);
  const { target, results, sizes, planId } = await inProcess(args, pages, year);
  console.log(`largest agency ${target.code} (${target.cases} cases), as ${target.username}; ${sizes}`);

  console.log('phase 2: the server as its own process');
  const origin = `http://127.0.0.1:${args.port}`;
  const rows: string[] = [];
  const http = new Map<string, { alone: { p50: number; p95: number }; loads: Load[]; kept: { p50: number; p95: number } | null }>();
  // A fresh server for every load run: what one run left queued (PGlite runs one transaction at
  // a time) must not weigh on the next.
  const withServer = async <T>(fn: (cookie: string) => Promise<T>, kept = false): Promise<T> => {
    const child = await startServer(args, kept);
    try {
      const login = await fetch(`${origin}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: target.username, password: DEMO_PASSWORD }),
      });
      const sid = /danchu_sid=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
      if (!sid) throw new Error(`log-in failed: ${login.status}`);
      return await fn(`danchu_sid=${sid}`);
    } finally {
      // A clean stop (PGlite writes its folder); killed if it has not stopped within a minute.
      const exited = child.exitCode === null ? new Promise((r) => child.once('exit', r)) : Promise.resolve();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
      if (args.pgliteDir) fs.rmSync(path.join(args.pgliteDir, 'danchu.lock'), { force: true });
    }
  };
  for (const p of pages) {
    const a = await withServer((cookie) => alone(origin, p.anonymous ? '' : cookie, p.url(year, planId)));
    const loads: Load[] = [];
    for (const c of args.connections)
      loads.push(
        await withServer((cookie) => load(origin, p.anonymous ? '' : cookie, [p.url(year, planId)], c, args.duration, args.timeout)),
      );
    // The same page asked again with kept answers on: a figure only for the pages that keep theirs.
    const k = p.anonymous ? null : await withServer((cookie) => alone(origin, cookie, p.url(year, planId)), true);
    http.set(p.key, { alone: a, loads, kept: k?.kept ? k : null });
    console.log(
      `  ${p.label}: alone p50 ${ms(a.p50)} / p95 ${ms(a.p95)} ms${k?.kept ? ` (kept: p50 ${ms(k.p50)} ms)` : ''}; ${loads.map((l, i) => `${args.connections[i]} conn p50 ${ms(l.p50)} p95 ${ms(l.p95)} ms ${l.rps.toFixed(1)} req/s ${l.errors} errors`).join('; ')}`,
    );
  }
  const maxConn = Math.max(...args.connections);
  // All the pages but the two bare ones, in turn, for at least 10 s.
  const mix = (cookie: string) =>
    load(
      origin,
      cookie,
      pages.filter((p) => !['health', 'me'].includes(p.key)).map((p) => p.url(year, planId)),
      maxConn,
      Math.max(args.duration, 10),
      args.timeout,
    );
  const mixedRun = (kept: boolean) => withServer(mix, kept);
  const mixed = await mixedRun(false);
  const mixedKept = await mixedRun(true);
  // Kept answers are only as good as the time between two changes: the same run with a change of
  // the agency's data (a case received) every second, so the aggregate pages are computed again.
  const mixedChanging = await withServer(async (cookie) => {
    const csrf = ((await (await fetch(`${origin}/api/me`, { headers: { cookie } })).json()) as { csrfToken: string }).csrfToken;
    let changes = 0;
    let stop = false;
    const writer = (async () => {
      while (!stop) {
        const r = await fetch(`${origin}/api/cases`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
          body: JSON.stringify({
            kind: 'feedback',
            channel: 'letter',
            receivedOn: new Date().toISOString().slice(0, 10),
            subject: 'Phản ánh trong lúc đo tải (bench/scale)',
            content: 'Một thay đổi mỗi giây trong lúc đo.',
          }),
        });
        await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`a change during the run: ${r.status}`);
        changes++;
        await new Promise((res) => setTimeout(res, 1000));
      }
    })();
    try {
      return { ...(await mix(cookie)), changes };
    } finally {
      stop = true;
      await writer;
    }
  }, true);
  for (const [m, what] of [
    [mixed, 'computed every time'],
    [mixedKept, 'kept answers on'],
    [mixedChanging, `kept answers on, a change every second (${mixedChanging.changes})`],
  ] as const)
    console.log(
      `  mixed pages, ${maxConn} connections, ${what}: p50 ${ms(m.p50)} p95 ${ms(m.p95)} ms, ${m.rps.toFixed(1)} req/s, ${m.errors} errors`,
    );

  const health = http.get('health')!.alone.p50;
  const head = `| page | bytes | statements | SQL alone p50 | HTTP p50 | HTTP p95 | ×SQL | ×health | kept p50 | ${args.connections.map((c) => `${c} conn p50 / p95 (req/s, errors)`).join(' | ')} |`;
  rows.push(
    head,
    `|${head
      .split('|')
      .slice(1, -1)
      .map(() => ' --- ')
      .join('|')}|`,
  );
  for (const p of pages) {
    const i = results.get(p.key)!;
    const h = http.get(p.key)!;
    rows.push(
      `| ${p.label} | ${i.bytes.toLocaleString('en')} | ${i.statements} | ${ms(i.sqlP50)} ms | ${ms(h.alone.p50)} ms | ${ms(h.alone.p95)} ms | ${(h.alone.p50 / i.sqlP50).toFixed(1)} | ${(h.alone.p50 / health).toFixed(1)} | ${h.kept ? `${ms(h.kept.p50)} ms` : '—'} | ${h.loads.map((l) => `${ms(l.p50)} / ${ms(l.p95)} ms (${l.rps.toFixed(1)}, ${l.errors})`).join(' | ')} |`,
    );
  }
  const slow = pages
    .filter((p) => !['health', 'me'].includes(p.key))
    .map((p) => `- ${p.label}: slowest statement ${ms(results.get(p.key)!.slowest.ms)} ms — \`${results.get(p.key)!.slowest.sql}\``);
  const date = new Date().toISOString().slice(0, 10);
  const md = [
    `# Province benchmark — ${kind}, ${date}`,
    '',
    `Database: ${sizes}. Largest agency: \`${target.code}\` (${target.name}), ${target.cases.toLocaleString('en')} cases, measured as its Office user \`${target.username}\`.`,
    `Machine: ${process.platform} ${process.arch}, Node ${process.version}, ${os.cpus().length} cores (shared).`,
    `Load: undici, each run ${args.duration} s; a request unanswered after ${args.timeout} s is an error. Server: \`danchu start\` (NODE_ENV=production, JOBS=false).`,
    '',
    'Columns: *statements* — SQL statements per request (drizzle query log; BEGIN/COMMIT not counted);',
    '*SQL alone* — those statements replayed back to back in one transaction with the same tenant and role;',
    '*×SQL* — HTTP p50 alone ÷ SQL alone; *×health* — HTTP p50 alone ÷ `/api/health` p50;',
    '*kept p50* — the same page asked again with kept answers on (RESPONSE_CACHE_MB, response-cache.ts), for the pages that keep theirs.',
    'Every other column is measured with kept answers off (RESPONSE_CACHE_MB=0): what a page costs to compute.',
    '',
    ...rows,
    '',
    `Mixed pages under ${maxConn} connections (${Math.max(args.duration, 10)} s), every page computed: p50 ${ms(mixed.p50)} ms, p95 ${ms(mixed.p95)} ms, ${mixed.rps.toFixed(1)} req/s, ${mixed.errors} errors.`,
    '',
    `The same with kept answers on (no change of the agency's data meanwhile, so the aggregate pages are computed once): p50 ${ms(mixedKept.p50)} ms, p95 ${ms(mixedKept.p95)} ms, ${mixedKept.rps.toFixed(1)} req/s, ${mixedKept.errors} errors.`,
    '',
    `Kept answers on and a case received every second (${mixedChanging.changes} changes; each makes every aggregate page computed again once): p50 ${ms(mixedChanging.p50)} ms, p95 ${ms(mixedChanging.p95)} ms, ${mixedChanging.rps.toFixed(1)} req/s, ${mixedChanging.errors} errors.`,
    '',
    'Where the time goes (the slowest single statement of each page, replayed alone):',
    '',
    ...slow,
    '',
  ].join('\n');
  fs.mkdirSync(args.out, { recursive: true });
  // A second run of the day does not overwrite the first: -2, -3…
  const base = `scale-${date}-${kind === 'PGlite' ? 'pglite' : 'postgres'}`;
  let file = path.join(args.out, `${base}.md`);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(args.out, `${base}-${n}.md`);
  fs.writeFileSync(file, md);
  console.log(`\n${md}\nwritten to ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
