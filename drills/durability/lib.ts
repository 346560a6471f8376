/**
 * What the durability drills share (issue #16, "Make the drills part of the project"): the real
 * server in a child process (the built `dist/server/cli.js start`, as the Docker image runs it), a
 * small HTTP client that logs in as a demo person, seeded databases to start from, and row counts.
 *
 * Every database a drill uses is its own: a PGlite folder under a temporary directory, or a
 * PostgreSQL database named `danchu_drill_<pid>_<n>` that the drill drops at the end.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, rowsOf, type Database } from '../../src/server/platform/db';
import { MODULES } from '../../src/server/modules';
import { seedDemo } from '../../src/server/seed/bootstrap';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-org';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/server/cli.js');

/** The identity key every process of a drill shares (the one the test suite uses unless set). */
export const DRILL_IDENTITY_KEY = process.env.DANCHU_IDENTITY_KEY ?? 'dGVzdC1vbmx5LWlkZW50aXR5LWtleS0wMTIzNDU2Nzg=';
// The demo data seeded in this process seals identities with it too (never a key file in ./data).
process.env.DANCHU_IDENTITY_KEY = DRILL_IDENTITY_KEY;

/** Build the server bundle when it is missing or older than the sources (the web app is not needed). */
export async function ensureServerBuilt(): Promise<void> {
  const { ensureBuilt } = (await import(pathToFileURL(path.join(ROOT, 'scripts/build.mjs')).href)) as {
    ensureBuilt: (o: { server: boolean; web: boolean; quiet: boolean }) => Promise<void>;
  };
  await ensureBuilt({ server: true, web: false, quiet: true });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Where a drill's data lives: a PGlite folder or a PostgreSQL database. */
export type Target = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

/** The environment of a danchu process on `target`. */
export function envFor(target: Target, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const scratch = target.kind === 'pglite' ? target.dataDir : path.join(os.tmpdir(), 'danchu-drill-pg');
  return {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: target.kind === 'postgres' ? target.url : '',
    DATA_DIR: scratch,
    DANCHU_IDENTITY_KEY: DRILL_IDENTITY_KEY,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    ...extra,
  };
}

/** A running `danchu start` in a child process. */
export class ServerProcess {
  private stderr = '';
  private constructor(
    readonly child: ChildProcess,
    readonly base: string,
  ) {
    child.stderr?.on('data', (d) => {
      this.stderr = (this.stderr + String(d)).slice(-4000);
    });
  }

  static async start(
    target: Target,
    opts: { jobs?: boolean; env?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<ServerProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [CLI, 'start'], {
      cwd: ROOT,
      env: envFor(target, { PORT: String(port), JOBS: opts.jobs ? 'true' : 'false', ...opts.env }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const s = new ServerProcess(child, `http://127.0.0.1:${port}`);
    const until = Date.now() + (opts.timeoutMs ?? 240_000);
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode}): ${s.stderr}`);
      try {
        const r = await fetch(`${s.base}/api/health`);
        if (r.ok) return s;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) {
        await s.kill9();
        throw new Error(`server did not answer within the time: ${s.stderr}`);
      }
      await sleep(250);
    }
  }

  get pid(): number {
    return this.child.pid!;
  }

  get errors(): string {
    return this.stderr;
  }

  /** Null while it runs; else how it ended, with the first line of its last error. */
  get ended(): string | null {
    if (this.child.exitCode === null && this.child.signalCode === null) return null;
    const error = /^\w*Error: .*$/m.exec(this.stderr)?.[0] ?? this.stderr.trim().split('\n')[0] ?? '';
    return `exit ${this.child.exitCode ?? this.child.signalCode}${error ? `: ${error}` : ''}`;
  }

  private exited(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((r) => this.child.once('exit', () => r()));
  }

  /** The crash: no shutdown handler runs, nothing is flushed beyond what was already durable. */
  async kill9(): Promise<void> {
    const done = this.exited();
    this.child.kill('SIGKILL');
    await done;
  }

  /** An orderly stop (SIGTERM), as `docker stop` does. */
  async stop(): Promise<void> {
    const done = this.exited();
    this.child.kill('SIGTERM');
    const t = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await done;
    clearTimeout(t);
  }
}

/** A logged-in person on one server (the cookie works on any process of the installation). */
export type Session = { cookie: string; csrf: string };

export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const sid = /danchu_sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!sid) throw new Error('login gave no session cookie');
  const cookie = `danchu_sid=${sid}`;
  const me = await fetch(`${base}/api/me`, { headers: { cookie } });
  const body = (await me.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

export async function call(
  base: string,
  session: Session | null,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${url}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

/** Run the `danchu` command (bin/danchu.js, as an operator does) on `target`. */
export function danchu(target: Target, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/danchu.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: envFor(target, { LOG_LEVEL: 'silent', ...env }),
    timeout: 300_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/**
 * Seeded starting points. PGlite: a dumped data folder (the integration suite's template, or one
 * made here) loaded into each new folder. PostgreSQL: a template database cloned for each drill.
 */
export class Databases {
  private n = 0;
  private readonly created: string[] = [];
  readonly work = fs.mkdtempSync(path.join(os.tmpdir(), 'danchu-drill-'));
  private pgliteTar: Buffer | null;
  private pgTemplate: string | null;

  constructor(
    readonly pgServer: string | null,
    given: { pgliteTemplateFile?: string; pgTemplateDb?: string } = {},
  ) {
    this.pgliteTar = given.pgliteTemplateFile ? fs.readFileSync(given.pgliteTemplateFile) : null;
    this.pgTemplate = given.pgTemplateDb ?? null;
  }

  private async admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    if (!this.pgServer) throw new Error('no PostgreSQL server (TEST_DATABASE_URL)');
    const c = new pg.Client({ connectionString: this.pgServer });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }

  private urlOf(name: string): string {
    const u = new URL(this.pgServer!);
    u.pathname = `/${name}`;
    return u.toString();
  }

  private nextName(): string {
    return `danchu_drill_${process.pid}_${++this.n}`;
  }

  /** A new PGlite folder holding the seeded demo agency. */
  async seededPglite(): Promise<Target> {
    if (!this.pgliteTar) {
      const db = await openPglite({ dataDir: 'memory://' });
      await db.migrate();
      await seedDemo(db, MODULES);
      this.pgliteTar = Buffer.from(await (await db.pglite!.dumpDataDir('none')).arrayBuffer());
      await db.close();
    }
    const dataDir = path.join(this.work, `pglite-${++this.n}`);
    fs.mkdirSync(dataDir);
    const db = await openPglite({ dataDir, loadDataDir: new Blob([new Uint8Array(this.pgliteTar)]) });
    await db.close();
    return { kind: 'pglite', dataDir };
  }

  /** A new, empty PGlite folder (a fresh installation). */
  emptyPglite(): Target {
    const dataDir = path.join(this.work, `pglite-${++this.n}`);
    fs.mkdirSync(dataDir);
    return { kind: 'pglite', dataDir };
  }

  /** A new PostgreSQL database holding the seeded demo agency. */
  async seededPostgres(): Promise<Target> {
    if (!this.pgTemplate) {
      const name = this.nextName();
      await this.admin((c) => c.query(`create database ${name}`));
      this.created.push(name);
      const db = await openPostgres(this.urlOf(name), { max: 2 });
      await db.migrate();
      await seedDemo(db, MODULES);
      await db.close();
      this.pgTemplate = name;
    }
    const name = this.nextName();
    await this.admin((c) => c.query(`create database ${name} template ${this.pgTemplate}`));
    this.created.push(name);
    return { kind: 'postgres', url: this.urlOf(name) };
  }

  /** A new, empty PostgreSQL database (a fresh installation). */
  async emptyPostgres(): Promise<Target> {
    const name = this.nextName();
    await this.admin((c) => c.query(`create database ${name}`));
    this.created.push(name);
    return { kind: 'postgres', url: this.urlOf(name) };
  }

  async cleanup(): Promise<void> {
    if (this.created.length) {
      await this.admin(async (c) => {
        for (const name of this.created.reverse()) await c.query(`drop database if exists ${name} with (force)`);
      });
    }
    fs.rmSync(this.work, { recursive: true, force: true });
  }
}

/** Open a drill's database in this process (no server may hold a PGlite folder meanwhile). */
export async function openTarget(target: Target): Promise<Database> {
  return target.kind === 'pglite' ? openPglite({ dataDir: target.dataDir }) : openPostgres(target.url, { max: 2 });
}

/** Rows per application table (schema public). */
export async function rowCounts(db: Database): Promise<Record<string, number>> {
  const tables = rowsOf<{ table_name: string }>(
    await db.owner.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  );
  const out: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [r] = rowsOf<{ n: number | string }>(await db.owner.execute(sql.raw(`select count(*)::int as n from public."${table_name}"`)));
    out[table_name] = Number(r!.n);
  }
  return out;
}

/** A drill's outcome: its printed figure and whether it held. */
export type Figure = { drill: string; db: 'PGlite' | 'PostgreSQL'; figure: string; ok: boolean; details?: Record<string, unknown> };

export function dbName(target: Target): 'PGlite' | 'PostgreSQL' {
  return target.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
}
