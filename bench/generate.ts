/**
 * The province generator (issue #17): a database the size of a province — about 200 agencies and
 * a million cases over five years — to measure the app against.
 *
 *   npm run bench:generate -- --database-url postgres://postgres@127.0.0.1:5432/danchu_province \
 *        --cases 1000000 --tenants 200 [--seed 1] [--today 2026-12-06] [--reset]
 *   npm run bench:generate -- --pglite-dir /tmp/province-lite --cases 20000 --tenants 20 --reset
 *
 * The database is created if missing, migrated by the app's own migrations, and seeded with the
 * demo agency (same log-ins, password `danchu-demo`), which holds a tenth of the cases. The other
 * T-1 agencies copy the demo agency's structure (units, people as `tNNN.<demo log-in>` with the
 * same password, plans, tasks, reports — `lib/clone.ts`) and get extra staff (`tNNN.cbNNNN`);
 * each gets its share of the cases (a long tail, the largest first), received on working days of
 * 2022 to `--today`, each with the parties, events, register-book line and statutory deadlines the
 * app would have written (`lib/cases.ts`), and a reception schedule.
 *
 * Identities are sealed with DANCHU_IDENTITY_KEY, or with the fixed benchmark key below when it
 * is unset: start the app on the generated database with the same key to open them.
 * Deterministic: the same seed, sizes and `--today` give the same rows (ids of the demo agency's
 * own seed and of what is copied from it aside — those come from the app's random ids).
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { count } from 'drizzle-orm';
import pg from 'pg';
import { addDays, compareIsoDates } from '../src/domain';
import type { WorkingCalendar } from '../src/domain/working-days';
import { MODULES } from '../src/server/modules';
import { syncCaseCounters } from '../src/server/modules/cases';
import { workingCalendarFor } from '../src/server/modules/calendar/service';
import { todayInVietnam } from '../src/server/platform/clock';
import { type Database, openPglite, openPostgres } from '../src/server/platform/db';
import { tenants as tenantsTable } from '../src/server/platform/tables';
import { seedDemo } from '../src/server/seed/bootstrap';
import { DEMO_TENANT } from '../src/server/seed/demo-org';
import { type Agency, caseSinks, generateCase, type OrgUnit, type Person, type Sinks } from './lib/cases';
import { cloneStructure } from './lib/clone';
import { Rand } from './lib/rand';
import { bulkWriter, type Exec, inParallel, Sink } from './lib/sink';
import { personName, provinceAgencies } from './lib/vi';

/** Only for generated, synthetic data: the identities it seals are invented. */
export const BENCH_IDENTITY_KEY = 'YmVuY2gtb25seS1pZGVudGl0eS1rZXktZGFuY2h1LTE=';
process.env.DANCHU_IDENTITY_KEY ??= BENCH_IDENTITY_KEY;

export type GenerateOptions = {
  cases: number;
  tenants: number;
  seed: string;
  today: string;
  log?: (line: string) => void;
};

export type GenerateSummary = {
  tenants: number;
  cases: number;
  events: number;
  deadlines: number;
  identities: number;
  entries: number;
  sessions: number;
  staff: number;
  largest: { code: string; cases: number; office: string };
  seconds: number;
};

const FIRST_DAY = '2022-01-01';

/** Cases per agency: the demo agency a tenth, the others a long tail, the largest first. */
export function shares(total: number, tenants: number): number[] {
  const demo = Math.round(total / 10);
  const rest = total - demo;
  const others = tenants - 1;
  if (others <= 0) return [total];
  const w = Array.from({ length: others }, (_, i) => 1 / (i + 6));
  const sum = w.reduce((s, x) => s + x, 0);
  const out = w.map((x) => Math.floor((rest * x) / sum));
  let left = rest - out.reduce((s, x) => s + x, 0);
  for (let i = 0; left > 0; i = (i + 1) % others, left--) out[i]!++;
  return [demo, ...out];
}

function pad(n: number, w: number) {
  return String(n).padStart(w, '0');
}

/**
 * Fill an opened database that holds the seeded demo agency (and nothing generated yet).
 */
export async function generateProvince(db: Database, opts: GenerateOptions): Promise<GenerateSummary> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  const bulk = bulkWriter(db);
  const exec: Exec = bulk.exec;
  try {
    const demo = (await exec('select tenant_id from tenants where code = $1', [DEMO_TENANT.code])).rows[0];
    if (!demo) throw new Error('The demo agency is missing: the database must be migrated and seeded with seedDemo first.');
    const demoId = demo.tenant_id as string;
    const others = (await exec('select count(*)::int as n from tenants where code like $1', ['qng-%'])).rows[0]!.n as number;
    if (others > 0) throw new Error('This database already holds a generated province: regenerate into a fresh one (--reset).');
    const counts = shares(opts.cases, opts.tenants);
    const agencies = provinceAgencies(opts.tenants - 1).map((a, i) => ({
      ...a,
      idx: i + 1,
      tenantId: new Rand(`${opts.seed}:tenant-id:${i + 1}`).uuid(),
      prefix: `t${pad(i + 1, 3)}.`,
    }));

    // 1. Agencies and their structure, copied from the demo agency.
    log(`${agencies.length} agencies: copying the demo agency's structure…`);
    const tenantsSink = new Sink('tenants', exec);
    for (const a of agencies)
      tenantsSink.add({
        tenant_id: a.tenantId,
        code: a.code,
        name: a.name,
        parent_name: a.parentName,
        place: a.place,
        created_at: '2021-12-01T00:00:00.000Z',
      });
    await tenantsSink.flush();
    await cloneStructure(
      exec,
      demoId,
      agencies.map((a) => ({ idx: a.idx, tenant_id: a.tenantId, prefix: a.prefix, name: a.name, parent_name: a.parentName })),
    );

    // 2. Extra staff: thousands across the province, members of the agencies' units.
    const hash = (await exec(`select password_hash from users where tenant_id = $1 and username = 'admin'`, [demoId])).rows[0]!
      .password_hash as string;
    const allTenants = [{ tenantId: demoId, prefix: '', abbr: 'SKHCN', idx: 0 }, ...agencies];
    const users = new Sink('users', exec);
    const roles = new Sink('role_assignments', exec);
    const unitRows = (
      await exec(`select tenant_id, id, name, kind, valid_from::text, valid_to::text from units order by tenant_id, sort_order, code`)
    ).rows as { tenant_id: string; id: string; name: string; kind: string; valid_from: string; valid_to: string | null }[];
    let staff = 0;
    for (const [i, t] of allTenants.entries()) {
      const r = new Rand(`${opts.seed}:staff:${t.idx}`);
      const workUnits = unitRows.filter(
        (u) => u.tenant_id === t.tenantId && !u.valid_to && ['department', 'office', 'inspection', 'public_service'].includes(u.kind),
      );
      const n = Math.max(3, Math.min(300, Math.round(counts[i]! / 400)));
      for (let k = 1; k <= n && workUnits.length; k++) {
        const unit = r.pick(workUnits);
        const id = r.uuid();
        users.add({
          tenant_id: t.tenantId,
          id,
          username: `${t.prefix}cb${pad(k, 4)}`,
          full_name: personName(r).name,
          position: `Chuyên viên ${unit.name}`,
          email: null,
          password_hash: hash,
          is_active: true,
          must_change_password: false,
          failed_logins: 0,
          locked_until: null,
          last_login_at: null,
          locale: 'vi',
          version: 1,
          created_at: '2021-12-01T00:00:00.000Z',
          updated_at: '2021-12-01T00:00:00.000Z',
        });
        roles.add({
          tenant_id: t.tenantId,
          id: r.uuid(),
          user_id: id,
          role: 'staff',
          unit_id: unit.id,
          created_at: '2021-12-01T00:00:00.000Z',
        });
        staff++;
      }
    }
    await users.flush();
    await roles.flush();
    log(`${staff} extra staff`);

    // 3. Who works the cases in each agency.
    const people = (
      await exec(
        `select ra.tenant_id, ra.user_id, ra.role, ra.unit_id, u.full_name, u.position, u.username
           from role_assignments ra join users u on u.tenant_id = ra.tenant_id and u.id = ra.user_id
          order by ra.tenant_id, u.username, ra.role`,
      )
    ).rows as {
      tenant_id: string;
      user_id: string;
      role: string;
      unit_id: string | null;
      full_name: string;
      position: string | null;
      username: string;
    }[];
    const calendar: WorkingCalendar = await db.withTenant({ tenantId: demoId }, (tx) => {
      const last = Number(opts.today.slice(0, 4)) + 2;
      return workingCalendarFor(
        tx,
        Array.from({ length: last - 2021 + 1 }, (_, i) => 2021 + i),
      );
    });
    const existing = (await exec(`select code from cases where tenant_id = $1`, [demoId])).rows.map((x) => x.code as string);
    const existingSeq = (
      await exec(`select year, max(seq_no)::int as n from reception_entries where tenant_id = $1 group by year`, [demoId])
    ).rows;

    const sinks: Sinks = caseSinks(exec);
    const sessions = new Sink('reception_sessions', exec);
    let pending: Promise<void> = Promise.resolve();
    // Parents first, then the rows that reference them; the next batch is generated meanwhile.
    const flushAll = async () => {
      await pending;
      const take = (s: Sink) => {
        const copy = new Sink(s.table, exec);
        copy.rows = s.rows;
        s.rows = [];
        return copy;
      };
      const batch = [sessions, sinks.entries, sinks.cases, sinks.identities, sinks.events, sinks.deadlines, sinks.links].map(take);
      pending = (async () => {
        for (const s of batch.slice(0, 3)) await s.flush();
        await inParallel(
          bulk.parallel,
          batch.slice(3).map((s) => () => s.flush()),
        );
      })();
      await Promise.resolve();
    };

    let totals = { cases: 0, events: 0, deadlines: 0, identities: 0, entries: 0, sessions: 0 };
    let largest = { code: '', cases: -1, office: '' };
    for (const [i, t] of allTenants.entries()) {
      const n = i === 0 ? Math.max(0, counts[0]! - existing.length) : counts[i]!;
      const mine = people.filter((p) => p.tenant_id === t.tenantId);
      const person = (p: { user_id: string; full_name: string }): Person => ({ id: p.user_id, name: p.full_name });
      const officeRow = mine.find((p) => p.role === 'office' && p.username.endsWith('vanphong')) ?? mine.find((p) => p.role === 'office');
      const leaders = mine.filter((p) => p.role === 'leader');
      const headRow = leaders.find((p) => p.position && !/^phó/i.test(p.position.trim())) ?? leaders[0];
      if (!officeRow || !headRow) throw new Error(`agency ${t.tenantId}: no Office or leader to work the cases`);
      const units: OrgUnit[] = unitRows
        .filter((u) => u.tenant_id === t.tenantId && u.kind !== 'leadership')
        .map((u) => ({
          id: u.id,
          name: u.name,
          validFrom: u.valid_from,
          validTo: u.valid_to,
          members: mine.filter((p) => p.unit_id === u.id && ['staff', 'unit_head'].includes(p.role)).map(person),
        }));
      const agency: Agency = {
        tenantId: t.tenantId,
        key: `${opts.seed}:${t.idx}`,
        abbr: t.abbr,
        office: person(officeRow),
        head: person(headRow),
        units,
        sessionByDate: new Map(),
        nextCode: new Map(),
        nextSeq: new Map(),
        nextDecision: new Map(),
        recent: [],
      };
      if (i === 0) {
        for (const code of existing) {
          const m = /^(.*-\d{4}-)(\d+)$/.exec(code);
          if (m) agency.nextCode.set(m[1]!, Math.max(agency.nextCode.get(m[1]!) ?? 0, Number(m[2])));
        }
        for (const row of existingSeq) agency.nextSeq.set(row.year as number, row.n as number);
      }
      const r = new Rand(`${opts.seed}:cases:${t.idx}`);
      totals.sessions += schedule(r, agency, sessions, calendar, opts.today, i === 0);
      // Received on working days spread over the five years, oldest first.
      const span = daysBetween(FIRST_DAY, opts.today);
      const days: string[] = [];
      for (let k = 0; k < n; k++) days.push(calendar.nextWorkingDayOnOrAfter(addDays(FIRST_DAY, r.int(0, span))));
      days.sort();
      for (let k = 0; k < days.length; k++) {
        const day = compareIsoDates(days[k]!, opts.today) > 0 ? calendar.previousWorkingDayOnOrBefore(opts.today) : days[k]!;
        const got = generateCase(r, agency, sinks, calendar, day, opts.today);
        totals.events += got.events;
        totals.deadlines += got.deadlines;
        if (sinks.cases.rows.length >= 4000) {
          totals = tally(totals, sinks);
          await flushAll();
        }
      }
      totals = tally(totals, sinks);
      await flushAll();
      const total = i === 0 ? n + existing.length : n;
      if (total > largest.cases)
        largest = { code: i === 0 ? DEMO_TENANT.code : agencies[i - 1]!.code, cases: total, office: `${t.prefix}vanphong` };
      if (i % 10 === 0 || i === allTenants.length - 1)
        log(`agency ${i + 1}/${allTenants.length}: ${totals.cases} cases so far, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    await pending;
    // The cases went in without `nextCode`: the registers' counters continue after them.
    await syncCaseCounters(db.owner);
    log('analyze…');
    await exec('analyze');
    return {
      tenants: opts.tenants,
      cases: totals.cases + existing.length,
      events: totals.events,
      deadlines: totals.deadlines,
      identities: totals.identities,
      entries: totals.entries,
      sessions: totals.sessions,
      staff,
      largest,
      seconds: Math.round((performance.now() - t0) / 1000),
    };
  } finally {
    await bulk.close();
  }
}

function tally(t: { cases: number; events: number; deadlines: number; identities: number; entries: number; sessions: number }, s: Sinks) {
  return {
    ...t,
    cases: t.cases + s.cases.rows.length,
    identities: t.identities + s.identities.rows.length,
    entries: t.entries + s.entries.rows.length,
  };
}

function nextMonth(d: string): string {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1, 2)}-01`;
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The reception schedule (Law 42/2013 Art. 18; Decree 64/2014 Art. 4): the head receives on a
 * fixed day each month, the Office's officers every Thursday. Two months ahead are published or
 * planned. The demo agency keeps its own schedule from its seed for the current months.
 */
function schedule(r: Rand, a: Agency, sink: Sink, cal: WorkingCalendar, today: string, demo: boolean): number {
  const end = addDays(today, 45);
  let n = 0;
  const add = (date: string, hostKind: 'head' | 'officer') => {
    if (a.sessionByDate.has(date)) return;
    const past = compareIsoDates(date, today) < 0;
    const status = past
      ? r.weighted([
          ['held', 96],
          ['postponed', 2],
          ['cancelled', 2],
        ])
      : compareIsoDates(date, addDays(today, 14)) <= 0
        ? 'published'
        : 'planned';
    const id = r.uuid();
    if (status === 'held') a.sessionByDate.set(date, id);
    const published = addDays(date, -10);
    sink.add({
      tenant_id: a.tenantId,
      id,
      date,
      start_time: '07:30',
      end_time: hostKind === 'head' ? '11:30' : '17:00',
      host_kind: hostKind,
      host_id: hostKind === 'head' ? a.head.id : a.office.id,
      mode: 'in_person',
      place: 'Phòng Tiếp công dân, trụ sở cơ quan',
      bridge_points: null,
      attendees:
        hostKind === 'head'
          ? `${a.head.name}; Chánh Văn phòng; lãnh đạo các phòng có nội dung liên quan`
          : `${a.office.name} (tiếp công dân thường xuyên)`,
      topics: null,
      adhoc: false,
      status,
      published_on: status === 'planned' || compareIsoDates(published, today) > 0 ? null : published,
      postponed_to: status === 'postponed' ? cal.nextWorkingDayOnOrAfter(addDays(date, 7)) : null,
      status_reason:
        status === 'postponed'
          ? 'Người chủ trì đi công tác đột xuất'
          : status === 'cancelled'
            ? 'Mưa bão, nghỉ theo chỉ đạo của tỉnh'
            : null,
      version: status === 'planned' ? 1 : 2,
      created_at: `${published}T01:00:00.000Z`,
    });
    n++;
  };
  // The demo seed already holds its schedule around today: only the years before it.
  const stop = demo ? addDays(today, -120) : end;
  for (let m = '2022-01-01'; compareIsoDates(m, stop) <= 0; m = nextMonth(m)) {
    const head = cal.nextWorkingDayOnOrAfter(`${m.slice(0, 8)}15`);
    if (compareIsoDates(head, stop) <= 0) add(head, 'head');
  }
  for (let d = '2022-01-06'; compareIsoDates(d, stop) <= 0; d = addDays(d, 7)) if (cal.isWorkingDay(d)) add(d, 'officer');
  return n;
}

/** A fingerprint of everything generated, independent of the random ids of the demo seed. */
export async function fingerprint(exec: Exec): Promise<string> {
  const { rows } = await exec(`
    select md5(string_agg(line, E'\\n' order by line)) as h from (
      select concat_ws('|', t.code, c.code, c.tracking_code, c.kind, c.channel, c.status, c.received_on, c.subject, c.content,
             u.code, h.username, c.accepted_on, c.decided_on, c.outcome, c.closed_on, c.version, c.instance,
             (select string_agg(concat_ws(':', e.type, e.on, e.summary, e.decision_no), ';' order by e.at, e.type) from case_events e where e.tenant_id = c.tenant_id and e.case_id = c.id),
             (select string_agg(concat_ws(':', d.rule_id, d.due, d.status, d.met_on), ';' order by d.rule_id) from case_deadlines d where d.tenant_id = c.tenant_id and d.case_id = c.id),
             (select string_agg(concat_ws(':', p.role, p.ordinal, p.protected), ';' order by p.role, p.ordinal) from protected_identities p where p.tenant_id = c.tenant_id and p.case_id = c.id),
             (select string_agg(concat_ws(':', l.relation, o.code), ';' order by o.code) from case_links l join cases o on o.tenant_id = l.tenant_id and o.id = l.other_id where l.tenant_id = c.tenant_id and l.case_id = c.id),
             (select concat_ws(':', re.year, re.seq_no, re.reply_by, re.replied_on) from reception_entries re where re.tenant_id = c.tenant_id and re.id = c.reception_entry_id)
           ) as line
        from cases c join tenants t on t.tenant_id = c.tenant_id
        left join units u on u.tenant_id = c.tenant_id and u.id = c.unit_id
        left join users h on h.tenant_id = c.tenant_id and h.id = c.handler_id
      union all
      select concat_ws('|', t.code, s.date, s.host_kind, s.status, s.published_on) from reception_sessions s join tenants t on t.tenant_id = s.tenant_id
      union all
      select concat_ws('|', t.code, u.username, u.full_name, u.position) from users u join tenants t on t.tenant_id = u.tenant_id
    ) x`);
  return rows[0]!.h as string;
}

/* ─────────────── command line ─────────────── */

function parseArgs(argv: string[]) {
  const a: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    if (!k.startsWith('--')) throw new Error(`unexpected argument ${k}`);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) a[k.slice(2)] = true;
    else {
      a[k.slice(2)] = next;
      i++;
    }
  }
  return a;
}

async function openTarget(args: Record<string, string | boolean>): Promise<Database> {
  if (typeof args['database-url'] === 'string') {
    const url = new URL(args['database-url']);
    const name = url.pathname.slice(1);
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name}: use lower-case letters, digits and _`);
    const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
    await admin.connect();
    try {
      if (args.reset) await admin.query(`drop database if exists ${name} with (force)`);
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (!rowCount) await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
    return openPostgres(url.toString(), { max: 4 });
  }
  if (typeof args['pglite-dir'] === 'string') {
    if (args.reset) fs.rmSync(args['pglite-dir'], { recursive: true, force: true });
    return openPglite({ dataDir: args['pglite-dir'] });
  }
  throw new Error(
    'usage: bench/generate.ts (--database-url URL | --pglite-dir DIR) --cases N --tenants T [--seed S] [--today YYYY-MM-DD] [--reset]',
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const cases = Number(args.cases ?? 20_000);
  const tenants = Number(args.tenants ?? 20);
  if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(tenants) || tenants < 1)
    throw new Error('--cases and --tenants must be positive integers');
  const db = await openTarget(args);
  try {
    const t0 = performance.now();
    await db.migrate();
    const [row] = await db.owner.select({ n: count() }).from(tenantsTable);
    if (Number(row?.n ?? 0) === 0) {
      console.log('seeding the demo agency…');
      await seedDemo(db, MODULES);
    }
    console.log(`migrated and seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const s = await generateProvince(db, {
      cases,
      tenants,
      seed: String(args.seed ?? '1'),
      today: typeof args.today === 'string' ? args.today : todayInVietnam(),
      log: (l) => console.log(l),
    });
    console.log(
      `done in ${s.seconds} s: ${s.tenants} agencies, ${s.cases} cases, ${s.events} case events, ${s.deadlines} deadlines, ` +
        `${s.identities} sealed identities, ${s.entries} register lines, ${s.sessions} reception sessions, ${s.staff} extra staff.\n` +
        `Largest agency: ${s.largest.code} with ${s.largest.cases} cases — log in as ${s.largest.office} / danchu-demo.\n` +
        `Identity key: ${process.env.DANCHU_IDENTITY_KEY === BENCH_IDENTITY_KEY ? `the benchmark key (DANCHU_IDENTITY_KEY=${BENCH_IDENTITY_KEY})` : 'DANCHU_IDENTITY_KEY from the environment'}.`,
    );
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
