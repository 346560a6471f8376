/**
 * The `danchu` command as an operator runs it, in a child process on a PGlite folder: first on a
 * fresh checkout (no build, no database), then on the prepared folder, then beside a running
 * `danchu start` that holds the folder. (`*.pglite.int.test.ts` files run only in the PGlite
 * pass: they test the embedded database.)
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir, readDataDirLock } from './platform/db';

const root = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'danchu-cli-'));
/** A fresh checkout: the committed files without dist/ (node_modules shared, as after `npm ci`). */
const checkout = path.join(work, 'checkout');
const dir = path.join(work, 'data');

function freshCheckout(): void {
  fs.mkdirSync(checkout);
  // Every committed top-level entry (assets/ and examples/ included), as `git clone` would give.
  const tracked = spawnSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' });
  const top = new Set(
    tracked.status === 0
      ? tracked.stdout
          .split('\n')
          .filter(Boolean)
          .map((f) => f.split('/')[0] ?? f)
      : [],
  );
  if (top.size === 0)
    for (const f of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'vite.config.ts',
      'bin',
      'scripts',
      'src',
      'migrations',
      'assets',
      'examples',
    ])
      top.add(f);
  for (const f of top) {
    if (fs.existsSync(path.join(root, f))) fs.cpSync(path.join(root, f), path.join(checkout, f), { recursive: true });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
}

function danchu(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(checkout, 'bin/danchu.js'), ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: '', DATA_DIR: dir, LOG_LEVEL: 'silent', ...env },
    timeout: 170_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** One statement on the server's socket, as psql would send it; prints the rows as JSON. */
function sql(q: string) {
  return spawnSync(
    process.execPath,
    [
      '-e',
      `const pg=require('pg');const c=new pg.Client({host:${JSON.stringify(dir)},port:5432,user:'postgres',database:'postgres'});c.connect().then(()=>c.query(${JSON.stringify(q)})).then(r=>{console.log(JSON.stringify(r.rows));return c.end()})`,
    ],
    { cwd: root, encoding: 'utf8' },
  );
}

beforeAll(() => freshCheckout());
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('danchu CLI on a fresh checkout', () => {
  it('builds itself, prepares the database as start does, then answers', { timeout: 180_000 }, () => {
    expect(fs.existsSync(path.join(checkout, 'dist'))).toBe(false);
    const d = danchu(['deadline', 'TC-INITIAL', '--from', '2030-04-22']);
    expect(d.code, d.err).toBe(0);
    expect(d.out.split('\n')[0]).toBe('2030-05-03');
    expect(d.err).toMatch(/Created first-start data \(demo\)/);
    expect(fs.existsSync(path.join(checkout, 'dist/server/cli.js'))).toBe(true);
    // The next command neither builds nor seeds again.
    const c = danchu(['calendar', '--year', '2027']);
    expect(c.code, c.err).toBe(0);
    expect(c.err).toBe('');
    expect(danchu(['seed']).out).toMatch(/already has data/);
  });
});

describe('danchu CLI (PGlite folder)', () => {
  it('lists the days off of a year, one a line: ISO date then name', () => {
    const r = danchu(['calendar', '--year', '2027']);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toContain('2027-01-01 Tết Dương lịch');
    expect(lines).toContain('2027-02-06 Tết Nguyên đán (mùng 1)');
    expect(lines).toContain('2027-04-16 Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(lines.every((l) => /^\d{4}-\d{2}-\d{2} \S/.test(l))).toBe(true);
    expect([...lines].sort()).toEqual(lines);
  });

  it('exits 2 with a message on a bad year or an unknown command', () => {
    const r = danchu(['calendar', '--year', 'hai-nghin']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--year/);
    expect(danchu(['khong-co-lenh']).code).toBe(2);
  });

  it('stops with a message naming the variable on a bad configuration', () => {
    const r = danchu(['migrate'], { PORT: 'tám mươi' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/PORT/);
  });

  it('verifies the audit chain', () => {
    const r = danchu(['audit', 'verify']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/chuỗi băm toàn vẹn/);
  });

  it('lists report cycles as JSON and exports the consolidated report', () => {
    const r = danchu(['report', 'cycles', '--json']);
    expect(r.code, r.err).toBe(0);
    const cycles = JSON.parse(r.out) as { id: string; title: string; dueOn: string; units: { accepted: number; late: number } }[];
    const six = cycles.find((c) => c.title === '6 tháng đầu năm 2021')!;
    expect(six.dueOn).toBe('2021-06-11');
    expect(six.units.accepted).toBeGreaterThanOrEqual(3);
    expect(six.units.late).toBe(1);
    const out = path.join(work, 'bao-cao.docx');
    const e = danchu(['report', 'export', '--cycle', six.id, '--format', 'docx', '--out', out]);
    expect(e.code, e.err).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(danchu(['report', 'export', '--cycle', six.id, '--format', 'pdf', '--out', out]).code).toBe(2);
    expect(danchu(['report', 'export', '--cycle', '00000000-0000-4000-8000-000000000000', '--format', 'xlsx', '--out', out]).code).toBe(2);
  });

  it('computes a statutory deadline and parses a plan document', () => {
    expect(danchu(['deadline', 'KHONG-CO', '--from', '2030-04-22']).code).toBe(2);
    const seed = path.resolve(root, 'examples/ke-hoach-2021-ban-ocr.txt');
    const p = danchu(['import-plan', seed, '--json']);
    expect(p.code, p.err).toBe(0);
    const json = JSON.parse(p.out);
    expect(json.sections.map((s: { items: unknown[] }) => s.items.length)).toEqual([3, 14, 4]);
    expect(json.references).toHaveLength(18);
    expect(json.recipients).toHaveLength(8);
  });

  it('refuses to open a data folder another process holds without serving it', () => {
    const unlock = lockDataDir(dir);
    try {
      const r = danchu(['migrate']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/đang được tiến trình \d+ sử dụng/);
      expect(r.err).toMatch(/in use by process/);
    } finally {
      unlock();
    }
  });

  it('backs up and restores through the command line', () => {
    const file = path.join(work, 'sao-luu.gz');
    const b = danchu(['backup', file]);
    expect(b.code, b.err).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    const r = danchu(['restore', file]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Đã khôi phục \d+ dòng/);
    expect(danchu(['restore', path.join(work, 'khong-co.gz')]).code).toBe(2);
  });
});

describe('danchu CLI beside a running server', () => {
  let server: ChildProcess;
  let port = 0;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    // As the Docker image runs it: the built entry directly, no web build needed here.
    server = spawn(process.execPath, [path.join(checkout, 'dist/server/cli.js'), 'start'], {
      cwd: work,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: '',
        DATA_DIR: dir,
        LOG_LEVEL: 'warn',
        PORT: String(port),
        HOST: '127.0.0.1',
        JOBS: 'true',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    server.stderr!.on('data', (d) => {
      stderr += d;
    });
    exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
    const until = Date.now() + 110_000;
    while (!readDataDirLock(dir)?.socketDir) {
      if (Date.now() > until || server.exitCode !== null) throw new Error(`server did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 120_000);
  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
  });

  it('answers through the server that holds the folder, while it serves HTTP', async () => {
    expect(readDataDirLock(dir)).toEqual({ pid: server.pid, socketDir: dir });
    const c = danchu(['calendar', '--year', '2027']);
    expect(c.code, c.err).toBe(0);
    expect(c.out.trim().split('\n')).toContain('2027-02-06 Tết Nguyên đán (mùng 1)');
    const d = danchu(['deadline', 'TC-INITIAL', '--from', '2030-04-22']);
    expect(d.code, d.err).toBe(0);
    expect(d.out.split('\n')[0]).toBe('2030-05-03');
    const r = danchu(['report', 'cycles', '--json']);
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { title: string }[]).map((x) => x.title)).toContain('6 tháng đầu năm 2021');
    expect(danchu(['audit', 'verify']).code).toBe(0);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', db: 'pglite' });
    expect(danchu(['migrate']).out).toMatch(/running server has applied the migrations/);
    // The job queue started after the server began to listen: its queues exist.
    const until = Date.now() + 30_000;
    let queues: { name: string }[] = [];
    while (queues.length === 0 && Date.now() < until) {
      const q = sql('select name from pgboss.queue');
      if (q.status === 0) queues = JSON.parse(q.stdout) as { name: string }[];
      if (queues.length === 0) await new Promise((r) => setTimeout(r, 500));
    }
    expect(queues.length).toBeGreaterThan(0);
  });

  it('refuses, rather than migrates, when the running server is older than the command', () => {
    // Make the served database look one migration behind, as a server started from an older danchu's would be.
    const saved = sql('delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations) returning *');
    expect(saved.status, saved.stderr).toBe(0);
    const [row] = JSON.parse(saved.stdout) as { id: number; hash: string; created_at: string }[];
    try {
      const r = danchu(['calendar', '--year', '2027']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/restart it to apply the migrations/);
    } finally {
      const back = sql(
        `insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${row!.id}, '${row!.hash}', ${row!.created_at})`,
      );
      expect(back.status, back.stderr).toBe(0);
    }
  });

  it('stops on SIGTERM: the socket and the lock are gone, and the folder opens directly again', async () => {
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dir, '.s.PGSQL.5432'))).toBe(false);
    expect(readDataDirLock(dir)).toBeNull();
    const c = danchu(['calendar', '--year', '2027']);
    expect(c.code, c.err).toBe(0);
  });
});
