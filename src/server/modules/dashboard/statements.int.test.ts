/**
 * Pages made of many modules' data in a fixed number of SQL statements (issue #17: "no N+1"): the
 * dashboard, the report matrix and the list of cycles ask the same number of statements with one
 * cycle or forty, with one conference or twenty — and the matrix stays within ten.
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
  const pages = [
    ['/api/dashboard', 'office'],
    ['/api/dashboard', 'admin'],
    ['/api/dashboard', 'head'],
    ['/api/reports/matrix', 'office'],
    ['/api/report-cycles', 'office'],
  ] as const;
  const sessions = () => ({ office, admin, head });

  it('the same statements with ten times the cycles, reports and conferences', async () => {
    const before = [];
    for (const [url, who] of pages) before.push(await count(sessions()[who], url));
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
      const after = await count(sessions()[who], url);
      expect(after.n, `${url} as ${who}:\n${after.sqls}\n--- before:\n${before[i]!.sqls}`).toBe(before[i]!.n);
    }
    const matrix = (await count(office, '/api/reports/matrix')).body as { cycles: unknown[]; rows: { cells: object }[] };
    expect(matrix.cycles).toHaveLength(cycles * 10);
    expect(matrix.rows.length).toBeGreaterThan(0);
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
