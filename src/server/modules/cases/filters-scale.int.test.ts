/**
 * An index for every filter the UI offers (issue #17), checked by EXPLAIN on generated data.
 *
 * The province generator (`bench/generate.ts`) writes 6,000 cases in three agencies — the demo
 * agency holds a tenth, with their events, deadlines and register lines — and statistics are
 * gathered (`analyze`), so the planner chooses as it would in a province. Every filter of the
 * cases list (`CasesPage`'s FILTERS and the zod query `ZCaseListQuery`), oversight, statistics and
 * the search box is run through the API as the Office, its statements logged and EXPLAINed as the
 * app runs them (tenant set, `danchu_app`, row-level security on): none may read the cases table
 * by a sequential scan. The planner's own choice, not forced: at this size a filter without an
 * index would already be a sequential scan of the agency's rows (the tenant's share is a tenth).
 *
 * The register book and the audit log hold few rows here (the generator writes a register line
 * for some visits, the audit chain only what the seed wrote), too few for any planner to prefer an
 * index; for them the statements are EXPLAINed with `enable_seqscan = off`, which proves only that
 * an index exists for the filter and is usable with row-level security — not that it is chosen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { generateProvince } from '../../../../bench/generate';
import { rowsOf } from '../../platform/db';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { explainAsApp } from '../../test/explain';

let t: TestApp;
let office: Session;
let unitId: string;
let handlerId: string;

beforeAll(async () => {
  t = await createTestApp();
  await generateProvince(t.db, { cases: 6000, tenants: 3, seed: 'filters', today: '2026-12-06' });
  office = await t.login('vanphong');
  const [u] = rowsOf<{ unit_id: string; handler_id: string }>(
    await t.db.owner.execute(
      sql`select unit_id, handler_id from cases where tenant_id = ${t.demoTenantId} and unit_id is not null and handler_id is not null
            group by 1, 2 order by count(*) desc limit 1`,
    ),
  );
  unitId = u!.unit_id;
  handlerId = u!.handler_id;
}, 600_000);
afterAll(async () => t?.close());

/** EXPLAIN a logged statement as the app runs it, as `username` of the demo agency. */
async function explain(username: string, text: string, params: unknown[], noSeqScan = false): Promise<string> {
  const [u] = rowsOf<{ id: string }>(
    await t.db.owner.execute(sql`select id from users where tenant_id = ${t.demoTenantId} and username = ${username}`),
  );
  return explainAsApp(t.db, { tenantId: t.demoTenantId, userId: u!.id, noSeqScan }, text, params);
}

/** The statements of one GET, EXPLAINed; those that read `table`. */
async function plansOf(url: string, table: RegExp, noSeqScan = false): Promise<{ sql: string; plan: string }[]> {
  const logged = await t.statements(async () => {
    const res = await t.call(office, { method: 'GET', url });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  });
  const out: { sql: string; plan: string }[] = [];
  for (const l of logged.filter((x) => table.test(x.sql)))
    out.push({ sql: l.sql, plan: await explain('vanphong', l.sql, l.params, noSeqScan) });
  expect(out.length, `${url}: no statement read the table`).toBeGreaterThan(0);
  return out;
}

describe('cases list: every filter of the UI reads an index, never the whole table', () => {
  const filters: [string, () => string][] = [
    ['no filter', () => ''],
    ['kind', () => 'kind=complaint'],
    ['status', () => 'status=accepted'],
    ['channel', () => 'channel=portal'],
    ['year', () => 'year=2024'],
    ['year and channel', () => 'year=2024&channel=letter'],
    ['unit', () => `unitId=${unitId}`],
    ['handler', () => `handlerId=${handlerId}`],
    ['overdue', () => 'due=overdue'],
    ['due soon', () => 'due=soon'],
    ['open', () => 'due=open'],
    ['mine', () => 'mine=true'],
    ['unassigned', () => 'unassigned=true'],
    ['search', () => `q=${encodeURIComponent('đất đai')}`],
    ['search and kind', () => `q=${encodeURIComponent('dat dai')}&kind=complaint`],
    ['a second page', () => 'kind=petition&offset=100'],
  ];
  for (const [name, query] of filters) {
    it(name, async () => {
      for (const p of await plansOf(`/api/cases?limit=50&${query()}`, /\b(from|join) "?(cases|case_search)"?/i))
        expect(p.plan, `${p.sql}\n${p.plan}`).not.toMatch(/Seq Scan on cases/);
    });
  }
});

describe('oversight, statistics and the dashboard read the cases table by index', () => {
  for (const url of ['/api/cases/oversight', '/api/cases/stats?year=2024', '/api/cases/stats?year=2026']) {
    it(url, async () => {
      for (const p of await plansOf(url, /\bcases\b/i)) {
        expect(p.plan, `${p.sql}\n${p.plan}`).not.toMatch(/Seq Scan on cases/);
        expect(p.plan, `${p.sql}\n${p.plan}`).not.toMatch(/Seq Scan on case_deadlines/);
      }
    });
  }
});

describe('register book and audit log: an index exists for each filter and is usable (enable_seqscan = off)', () => {
  for (const url of ['/api/reception/entries', '/api/reception/entries?year=2025']) {
    it(url, async () => {
      for (const p of await plansOf(url, /reception_entries/, true)) expect(p.plan, p.plan).not.toMatch(/Seq Scan on reception_entries/);
    });
  }
  // The cases a page's lines opened, and the lines of each session of the schedule: looked up by
  // index, not by a scan of the agency's cases or register (issue #17).
  it("the register page finds its lines' cases by index", async () => {
    const reads = await plansOf('/api/reception/entries', /from "cases" where "cases"."reception_entry_id"/, true);
    for (const p of reads) expect(p.plan, p.plan).toMatch(/cases_reception_entry_idx/);
  });
  it("the schedule counts its sessions' lines by index", async () => {
    const year = new Date().getFullYear();
    const reads = await plansOf(
      `/api/reception/sessions?year=${year}`,
      /from "reception_entries" where "reception_entries"."session_id"/,
      true,
    );
    for (const p of reads) expect(p.plan, p.plan).toMatch(/reception_entries_session_idx/);
  });
  for (const url of [
    '/api/audit',
    '/api/audit?action=case.create',
    '/api/audit?entityType=case',
    '/api/audit?from=2026-01-01&to=2026-12-31',
  ]) {
    it(url, async () => {
      const admin = await t.login('admin');
      const logged = await t.statements(async () => {
        const res = await t.call(admin, { method: 'GET', url });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      });
      const reads = logged.filter((l) => /audit_log/.test(l.sql));
      expect(reads.length).toBeGreaterThan(0);
      for (const l of reads) {
        const plan = await explain('admin', l.sql, l.params, true);
        expect(plan, `${l.sql}\n${plan}`).not.toMatch(/Seq Scan on audit_log/);
      }
    });
  }
});
