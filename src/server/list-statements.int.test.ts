/**
 * The list pages of the province benchmark (`bench/scale.ts`) in a fixed, small number of SQL
 * statements (issue #17: "≤ 10 statements per page", the session included): the session alone
 * (`/api/me`), the plans, oversight, the cases list and search, and the register book. The
 * demo's cases (with their deadlines and events, a tenth of them about "đất đai"), plans (with
 * tasks and updates) and register lines are copied tenfold by set-based SQL; no page may ask one
 * statement more, and each stays within the bound with a margin for what the harness leaves out
 * (BEGIN/COMMIT and the tenant's one `set_config`, which the benchmark counts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from './platform/db';
import { createTestApp, type Session, type TestApp } from './test/harness';

let t: TestApp;
const who: Record<string, Session> = {};
const YEAR = 2026;

const PAGES = [
  ['/api/me', 'vanphong'],
  ['/api/me', 'canbo'],
  ['/api/plans', 'vanphong'],
  ['/api/plans', 'truongphong'],
  ['/api/cases/oversight', 'vanphong'],
  ['/api/cases/oversight', 'truongphong'],
  ['/api/cases?limit=50&offset=0', 'vanphong'],
  [`/api/cases?q=${encodeURIComponent('dat dai')}&limit=50&offset=0`, 'vanphong'],
  [`/api/cases?year=${YEAR - 1}&channel=letter&limit=50&offset=0`, 'vanphong'],
  [`/api/reception/entries?year=${YEAR}`, 'vanphong'],
  [`/api/reception/sessions?year=${YEAR}`, 'vanphong'],
] as const;
/** What the harness leaves out and the benchmark counts: the tenant's `set_config` of a request's transaction. */
const UNCOUNTED = 1;
const BOUND = 10 - UNCOUNTED - 1;

async function count(url: string, user: string): Promise<{ n: number; sqls: string; bytes: number; body: unknown }> {
  let bytes = 0;
  let body: unknown;
  const logged = await t.statements(async () => {
    const res = await t.call(who[user]!, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    bytes = Buffer.byteLength(res.body);
    body = res.json();
  });
  return { n: logged.length, bytes, body, sqls: logged.map((l) => l.sql.replace(/\s+/g, ' ').slice(0, 160)).join('\n') };
}

/** Columns of `table` a copy may write (not the generated ones). */
async function columns(table: string): Promise<string[]> {
  return rowsOf<{ c: string }>(
    await t.db.owner.execute(
      sql`select column_name as c from information_schema.columns
          where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER' order by ordinal_position`,
    ),
  ).map((r) => r.c);
}

/** Insert into `table` its rows of `from` changed by `changes` (a jsonb of new values), `copies` times (`i` in 1..copies). */
async function copy(table: string, changes: string, from: string, copies: number) {
  const cols = (await columns(table)).map((c) => `"${c}"`).join(', ');
  await t.db.owner.execute(
    sql.raw(`insert into ${table} (${cols})
      select ${cols} from (select (jsonb_populate_record(null::${table}, to_jsonb(x) || ${changes})).*
        from ${table} x, generate_series(1, ${copies}) i where ${from}) c`),
  );
}

/** A version-4-shaped uuid from an id and the copy's number (the API checks the shape of ids). */
const newId = (col: string) => `overlay(overlay(md5(${col}::text || '/' || i) placing '4' from 13) placing '8' from 17)::uuid`;

async function grow(copies: number) {
  const tenant = `tenant_id = '${t.demoTenantId}'`;
  // Cases with their deadlines and events; one copy in ten about land ("đất đai") for the search.
  await copy(
    'cases',
    `jsonb_build_object('id', ${newId('x.id')}, 'code', x.code || '/' || i, 'tracking_code', null, 'idempotency_key', null,
      'subject', case when i % 10 = 1 then 'Tranh chấp đất đai: ' || x.subject else x.subject end)`,
    tenant,
    copies,
  );
  await copy('case_deadlines', `jsonb_build_object('id', gen_random_uuid(), 'case_id', ${newId('x.case_id')})`, tenant, copies);
  await copy('case_events', `jsonb_build_object('id', gen_random_uuid(), 'case_id', ${newId('x.case_id')})`, tenant, copies);
  // Plans with their tasks and the tasks' updates (sections and items are the originals').
  await copy(
    'plans',
    `jsonb_build_object('id', ${newId('x.id')}, 'parent_plan_id', null, 'summary', x.summary || ' (bản ' || i || ')')`,
    tenant,
    copies,
  );
  await copy('tasks', `jsonb_build_object('id', ${newId('x.id')}, 'plan_id', ${newId('x.plan_id')})`, tenant, copies);
  await copy('task_updates', `jsonb_build_object('id', gen_random_uuid(), 'task_id', ${newId('x.task_id')})`, tenant, copies);
  // Register lines of the year, numbered after the book's last line, with their visitors.
  const [{ top }] = rowsOf<{ top: number }>(
    await t.db.owner.execute(sql`select max(seq_no)::int as top from reception_entries where year = ${YEAR}`),
  ) as [{ top: number }];
  await copy(
    'reception_entries',
    `jsonb_build_object('id', ${newId('x.id')}, 'seq_no', x.seq_no + i * ${top})`,
    `${tenant} and year = ${YEAR}`,
    copies,
  );
  await copy(
    'protected_identities',
    `jsonb_build_object('id', gen_random_uuid(), 'entry_id', ${newId('x.entry_id')})`,
    `${tenant} and entry_id in (select id from reception_entries where year = ${YEAR} and seq_no <= ${top})`,
    copies,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  // One case about land before the copies, so that the search has a page of rows to show from the start.
  await t.db.owner.execute(sql`update cases set subject = 'Tranh chấp đất đai: ' || subject
    where id = (select id from cases where tenant_id = ${t.demoTenantId} order by received_on desc, code limit 1)`);
  for (const u of new Set(PAGES.map(([, u]) => u))) who[u] = await t.login(u);
});
afterAll(async () => t?.close());

describe('the list pages of the benchmark in a fixed number of statements', () => {
  it('each page asks the same statements with ten times the cases, plans and register lines, and at most eight', async () => {
    const before = [];
    for (const [url, user] of PAGES) before.push(await count(url, user));
    const sizes = async () =>
      rowsOf<{ cases: number; plans: number; entries: number; land: number }>(
        await t.db.owner.execute(sql`select (select count(*)::int from cases) as cases, (select count(*)::int from plans) as plans,
          (select count(*)::int from reception_entries where year = ${YEAR}) as entries,
          (select count(*)::int from cases where search_head like '%dat dai%') as land`),
      )[0]!;
    const small = await sizes();
    await grow(9);
    const big = await sizes();
    expect(big.cases).toBe(small.cases * 10);
    expect(big.plans).toBe(small.plans * 10);
    expect(big.entries).toBe(small.entries * 10);
    expect(big.land).toBeGreaterThan(0);
    const report: string[] = [];
    for (const [i, [url, user]] of PAGES.entries()) {
      const after = await count(url, user);
      const label = `${url} as ${user}`;
      expect(after.n, `${label}:\n${after.sqls}\n--- before:\n${before[i]!.sqls}`).toBe(before[i]!.n);
      expect(after.n, `${label}:\n${after.sqls}`).toBeLessThanOrEqual(BOUND);
      report.push(`${label}: ${after.n} statements, ${before[i]!.bytes} → ${after.bytes} bytes`);
    }
    // The pages read the grown data: the search finds the copies about land, the plans list has them all.
    const search = await count(PAGES[7][0], 'vanphong');
    expect((search.body as { total: number }).total).toBeGreaterThan(0);
    const plans = await count('/api/plans', 'vanphong');
    expect((plans.body as unknown[]).length).toBe((before[2]!.body as unknown[]).length * 10);
    console.info(report.join('\n'));
  });
});
