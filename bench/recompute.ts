/**
 * The recomputation of open cases after a change of the days off (issue #17), timed.
 *
 *   node --import tsx bench/recompute.ts --database-url postgres://postgres@127.0.0.1:5432/danchu_recompute --cases 10000
 *   node --import tsx bench/recompute.ts --pglite-dir /tmp/recompute-lite --cases 2000
 *
 * A fresh database (dropped and created again; a PGlite folder emptied), migrated and seeded with
 * the demo agency, gets `--cases` open petitions received in the first week of March 2030 (one
 * set-based insert). A first run stores their deadlines; then Tuesday 12/03/2030 becomes a day
 * off of the confirmed year 2030 and the run queued for it is done by the job's own function
 * (`runRecompute`: batches, each its own transaction), timed, while another client writes audited
 * rows of the same agency in short transactions one after another and records how long each took
 * — the wait a log-in or any other write sees meanwhile.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { MODULES } from '../src/server/modules';
import { runRecompute } from '../src/server/modules/cases/commands/refresh-deadlines';
import { recordAudit } from '../src/server/platform/audit';
import { type Database, openPglite, openPostgres, rowsOf } from '../src/server/platform/db';
import { ModuleRegistry } from '../src/server/platform/registry';
import { seedDemo } from '../src/server/seed/bootstrap';
import { todayInVietnam } from '../src/server/platform/clock';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function open(): Promise<Database> {
  const url = arg('database-url');
  if (url) {
    const u = new URL(url);
    const name = u.pathname.slice(1);
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name}: use lower-case letters, digits and _`);
    const admin = new pg.Client({ connectionString: Object.assign(new URL(u), { pathname: '/postgres' }).toString() });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    return openPostgres(url, { max: 6 });
  }
  const dir = arg('pglite-dir');
  if (!dir) throw new Error('usage: bench/recompute.ts (--database-url URL | --pglite-dir DIR) [--cases N]');
  fs.rmSync(dir, { recursive: true, force: true });
  return openPglite({ dataDir: dir });
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

async function main() {
  const n = Number(arg('cases') ?? 10_000);
  const db = await open();
  const modules = new ModuleRegistry(MODULES);
  try {
    await db.migrate();
    await seedDemo(db, MODULES);
    const [t] = rowsOf<{ id: string; office: string; name: string }>(
      await db.owner.execute(sql`
        select t.tenant_id as id, u.id as office, u.full_name as name from tenants t
          join users u on u.tenant_id = t.tenant_id and u.username = 'vanphong' limit 1`),
    );
    if (!t) throw new Error('demo agency missing');
    await db.owner.execute(sql`
      insert into cases (tenant_id, code, kind, channel, received_on, subject, content)
      select ${t.id}::uuid, 'KN-2030-B' || lpad(i::text, 6, '0'), 'petition', 'letter',
        date '2030-03-04' + (i % 5), 'Kiến nghị đo tính lại số ' || i, 'Nội dung ' || i
      from generate_series(1, ${n}) i`);
    const today = todayInVietnam();
    const job = (id: string) => ({ tenantId: t.id, recomputeId: id, userId: t.office, name: t.name, today });
    const queue = async () =>
      rowsOf<{ id: string }>(
        await db.owner.execute(sql`insert into calendar_recomputes (tenant_id, requested_by) values (${t.id}, ${t.name}) returning id`),
      )[0]!.id;

    let t0 = performance.now();
    await runRecompute(db, modules, job(await queue()));
    const first = performance.now() - t0;

    // The change: 2030 confirmed with Tuesday 12/03/2030 off.
    await db.owner.execute(sql`insert into calendar_years (tenant_id, year, status, basis) values (${t.id}, 2030, 'confirmed', 'Đo')`);
    await db.owner.execute(
      sql`insert into calendar_exceptions (tenant_id, date, kind, name) values (${t.id}, '2030-03-12', 'holiday', 'Nghỉ đo')`,
    );
    const id = await queue();
    let running = true;
    const waits: number[] = [];
    const writer = (async () => {
      while (running) {
        const s = performance.now();
        await db.withTenant({ tenantId: t.id, userId: t.office }, (tx) =>
          recordAudit(tx, { tenantId: t.id, userId: t.office, name: t.name }, { action: 'bench.write', entityType: 'bench' }),
        );
        waits.push(performance.now() - s);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    t0 = performance.now();
    await runRecompute(db, modules, job(id));
    const second = performance.now() - t0;
    running = false;
    await writer;
    const [run] = rowsOf<{ status: string; total: number; processed: number; moved: number }>(
      await db.owner.execute(sql`select status, total, processed, moved from calendar_recomputes where id = ${id}`),
    );
    const [ev] = rowsOf<{ n: number }>(
      await db.owner.execute(sql`select count(*)::int as n from case_events where type = 'deadline_recomputed'`),
    );
    const [au] = rowsOf<{ n: number }>(
      await db.owner.execute(sql`select count(*)::int as n from audit_log where action = 'case.deadline_recompute'`),
    );
    const lines = [
      `| database | open cases | first run (stores deadlines) | after a day off (moves every one) | moved | events | audit rows | writes meanwhile | write p50 / p95 / max |`,
      `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`,
      `| ${db.kind} | ${run!.total} | ${(first / 1000).toFixed(1)} s | ${(second / 1000).toFixed(1)} s (${run!.status}) | ${run!.moved} | ${ev!.n} | ${au!.n} | ${waits.length} | ${pct(waits, 50).toFixed(0)} / ${pct(waits, 95).toFixed(0)} / ${Math.max(0, ...waits).toFixed(0)} ms |`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
