/**
 * Pages made of many modules' data in a fixed number of SQL statements (issue #17: "no N+1"): the
 * dashboard, the board by pillars, the report matrix, the list of cycles, the plan's roll-up and
 * cascade ask the same number of statements with one cycle or forty, one conference or twenty,
 * a plan's tasks, items, consultations, disclosures, recommendations and survey answers tenfold —
 * and each stays within ten.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { rowsOf } from '../../platform/db';

let t: TestApp;
let office: Session;
let admin: Session;
let head: Session;
/** Every demo role, for the dashboard's bound. */
const ROLES = ['vanphong', 'admin', 'lanhdao', 'truongphong', 'canbo', 'thanhtra', 'congdoan'] as const;
const everyone: Record<string, Session> = {};

async function count(s: Session, url: string): Promise<{ n: number; body: unknown; sqls: string }> {
  let body: unknown;
  const logged = await t.statements(async () => {
    const res = await t.call(s, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    body = res.json();
  });
  return { n: logged.length, body, sqls: logged.map((l) => l.sql.replace(/\s+/g, ' ').slice(0, 140)).join('\n') };
}

/** Copies of every cycle (with its unit reports) and of every adopted conference: the data grows, the statements must not. */
async function grow(copies: number) {
  await t.db.owner.execute(sql`
    insert into report_cycles
    select (jsonb_populate_record(null::report_cycles, to_jsonb(c) || jsonb_build_object(
      'id', md5(c.id::text || i)::uuid, 'title', c.title || ' (bản ' || i || ')', 'due_on', c.due_on + i * 7))).*
    from report_cycles c, generate_series(1, ${copies}) i`);
  await t.db.owner.execute(sql`
    insert into unit_reports
    select (jsonb_populate_record(null::unit_reports, to_jsonb(r) || jsonb_build_object(
      'id', gen_random_uuid(), 'cycle_id', md5(r.cycle_id::text || i)::uuid))).*
    from unit_reports r, generate_series(1, ${copies}) i
    where exists (select 1 from report_cycles c where c.id = md5(r.cycle_id::text || i)::uuid)`);
  await t.db.owner.execute(sql`
    insert into conferences
    select (jsonb_populate_record(null::conferences, to_jsonb(c) || jsonb_build_object(
      'id', gen_random_uuid(), 'kind', 'extraordinary', 'title', c.title || ' (bất thường ' || i || ')'))).*
    from conferences c, generate_series(1, ${copies}) i
    where c.adopted_on is not null`);
  // What the board by pillars, the roll-up and the cascade read: a plan's items and tasks (with
  // their progress reports), consultations, disclosures, recommendations, the Front's items,
  // survey answers — copied with new ids.
  const copy = (table: string, set: string) =>
    t.db.owner.execute(
      sql.raw(`insert into ${table}
        select (jsonb_populate_record(null::${table}, to_jsonb(x) || jsonb_build_object('id', gen_random_uuid()${set}))).*
        from ${table} x, generate_series(1, ${copies}) i`),
    );
  await copy('plan_items', `, 'number', x.number + 100 * i`);
  await t.db.owner.execute(sql`
    insert into tasks
    select (jsonb_populate_record(null::tasks, to_jsonb(x) || jsonb_build_object('id', md5(x.id::text || i)::uuid))).*
    from tasks x, generate_series(1, ${copies}) i`);
  await t.db.owner.execute(sql`
    insert into task_updates
    select (jsonb_populate_record(null::task_updates, to_jsonb(x) || jsonb_build_object('id', gen_random_uuid(), 'task_id', md5(x.task_id::text || i)::uuid))).*
    from task_updates x, generate_series(1, ${copies}) i`);
  await copy('consultations', `, 'title', x.title || ' (' || i || ')'`);
  await copy('disclosure_items', '');
  await copy('inspection_recommendations', '');
  await copy('front_items', '');
  await copy('survey_responses', '');
}

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  admin = await t.login('admin');
  head = await t.login('truongphong');
  for (const u of ROLES) everyone[u] = await t.login(u);
});
afterAll(async () => t?.close());

describe('a fixed number of statements whatever the data', () => {
  /** The pages measured, each as one of the demo log-ins; the plan's pages of the current year's agency plan. */
  let pages: (readonly [string, string])[] = [];
  const sessions = (): Record<string, Session> => ({ office, admin, head, ...everyone });
  let coldBefore = 0;

  it('the same statements with ten times the cycles, reports, conferences, tasks, items and the rest', async () => {
    const [plan] = rowsOf<{ id: string }>(
      await t.db.owner.execute(
        sql`select id from plans where unit_id is null and status <> 'archived' and tenant_id = ${t.demoTenantId} order by year desc limit 1`,
      ),
    );
    expect(plan).toBeDefined();
    pages = [
      ['/api/dashboard', 'office'],
      ['/api/dashboard', 'admin'],
      ['/api/dashboard', 'head'],
      ['/api/reports/matrix', 'office'],
      ['/api/report-cycles', 'office'],
      ...ROLES.map((u) => ['/api/dashboard/pillars', u] as const),
      [`/api/plans/${plan!.id}/rollup`, 'office'],
      [`/api/plans/${plan!.id}/cascade`, 'office'],
      [`/api/plans/${plan!.id}/rollup`, 'truongphong'],
    ];
    // The board's watch card stores its picture on the first load, before the daily job ran: the
    // cold path, measured here and again on the tenfold data below.
    await t.db.owner.execute(sql`delete from watch_snapshots`);
    coldBefore = (await count(everyone.lanhdao!, '/api/dashboard/pillars')).n;
    const before = [];
    for (const [url, who] of pages) before.push(await count(sessions()[who]!, url));
    const rollupBefore = before[pages.length - 3]!.body as { byItem: unknown[]; byUnit: { tasks: number }[] };
    const [{ cycles, confs }] = rowsOf<{ cycles: number; confs: number }>(
      await t.db.owner.execute(
        sql`select (select count(*)::int from report_cycles) as cycles, (select count(*)::int from conferences where adopted_on is not null) as confs`,
      ),
    ) as [{ cycles: number; confs: number }];
    // The demo has cycles with unit reports and an adopted conference: what the copies multiply.
    expect(cycles).toBeGreaterThan(0);
    expect(confs).toBeGreaterThan(0);
    await grow(9);
    for (const [i, [url, who]] of pages.entries()) {
      const after = await count(sessions()[who]!, url);
      expect(after.n, `${url} as ${who}:\n${after.sqls}\n--- before:\n${before[i]!.sqls}`).toBe(before[i]!.n);
    }
    const matrix = (await count(office, '/api/reports/matrix')).body as { cycles: unknown[]; rows: { cells: object }[] };
    expect(matrix.cycles).toHaveLength(cycles * 10);
    expect(matrix.rows.length).toBeGreaterThan(0);
    // The roll-up did read the tenfold tasks: every unit leads ten times its tasks.
    const rollupAfter = (await count(office, pages[pages.length - 3]![0])).body as typeof rollupBefore;
    const tasks = (r: typeof rollupBefore) => r.byUnit.reduce((n, u) => n + u.tasks, 0);
    expect(tasks(rollupBefore)).toBeGreaterThan(0);
    expect(tasks(rollupAfter)).toBe(tasks(rollupBefore) * 10);
  });

  it('the board by pillars, the roll-up and the cascade in at most ten statements, the session included, on the tenfold data', async () => {
    for (const [url, who] of pages.filter(([url]) => url.includes('pillars') || url.includes('/plans/'))) {
      const c = await count(sessions()[who]!, url);
      expect(c.n, `${url} as ${who}:\n${c.sqls}`).toBeLessThanOrEqual(10);
    }
  });

  it("the board's cold path (the watch's picture computed and stored) within ten statements, the same on the tenfold data", async () => {
    // Before the daily job runs, the first load computes and stores the picture: bounded, and once.
    await t.db.owner.execute(sql`delete from watch_snapshots`);
    const cold = await count(everyone.lanhdao!, '/api/dashboard/pillars');
    expect(cold.n, cold.sqls).toBeLessThanOrEqual(10);
    expect(cold.n, cold.sqls).toBe(coldBefore);
    const [stored] = rowsOf<{ n: number }>(await t.db.owner.execute(sql`select count(*)::int as n from watch_snapshots`));
    expect(stored!.n).toBe(1);
    const warm = await count(everyone.lanhdao!, '/api/dashboard/pillars');
    expect(warm.n).toBeLessThan(cold.n);
    expect((warm.body as { cards: { key: string }[] }).cards.map((c) => c.key)).toContain('watch.forecast');
  });

  it('the dashboard in at most ten statements for every role, the session included, on the tenfold data', async () => {
    // Runs after the test above multiplied the data: the counts are one statement (issue #17).
    for (const u of ROLES) {
      const c = await count(everyone[u]!, '/api/dashboard');
      expect(c.n, `${u}:\n${c.sqls}`).toBeLessThanOrEqual(10);
    }
  });

  it('the report matrix and the list of cycles in at most ten statements, the session included', async () => {
    for (const url of ['/api/reports/matrix', '/api/report-cycles']) {
      const c = await count(office, url);
      expect(c.n, c.sqls).toBeLessThanOrEqual(10);
    }
  });
});
