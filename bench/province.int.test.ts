/**
 * The province generator (issue #17) on a tiny province: the same seed writes the same rows, and
 * the app reads what it wrote — lists, a case with its sealed parties and deadlines, the pages the
 * benchmark measures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTestDb, createTestApp, type Session, type TestApp, type TestDb } from '../src/server/test/harness';
import { fingerprint, type GenerateSummary, generateProvince } from './generate';
import { bulkWriter } from './lib/sink';

const OPTS = { cases: 700, tenants: 3, seed: 'test', today: '2026-12-06' };

describe('province generator', () => {
  let t: TestApp;
  let twin: TestDb;
  let summary: GenerateSummary;
  let office: Session;
  const q = async (db: TestDb['db'], sql: string, params: unknown[] = []) => {
    const b = bulkWriter(db);
    try {
      return (await b.exec(sql, params)).rows;
    } finally {
      await b.close();
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    twin = await cloneTestDb();
    summary = await generateProvince(t.db, OPTS);
    office = await t.login(summary.largest.office);
  });
  afterAll(async () => {
    await t?.close();
    await twin?.drop();
  });

  it('gives the demo agency a tenth of the cases and the others the rest, with every kind and channel', async () => {
    expect(summary.cases).toBe(700);
    const per = await q(
      t.db,
      `select t.code, count(c.id)::int as n from tenants t left join cases c on c.tenant_id = t.tenant_id group by t.code order by t.code`,
    );
    expect(per.map((r) => r.code)).toEqual(['qng-001', 'qng-002', 'skhcn-qng']);
    expect(per.find((r) => r.code === 'skhcn-qng')!.n).toBe(70);
    expect(per.reduce((s, r) => s + (r.n as number), 0)).toBe(700);
    const generated = `from cases c join tenants t on t.tenant_id = c.tenant_id where t.code like 'qng-%'`;
    const kinds = await q(t.db, `select distinct kind ${generated}`);
    expect(kinds.map((r) => r.kind).sort()).toEqual(['complaint', 'denunciation', 'feedback', 'petition']);
    const channels = await q(t.db, `select distinct channel ${generated}`);
    expect(channels).toHaveLength(6);
    const states = await q(t.db, `select distinct status ${generated}`);
    expect(states.length).toBeGreaterThanOrEqual(6);
    const years = await q(t.db, `select distinct extract(year from received_on)::int as y ${generated} order by 1`);
    expect(years.map((r) => r.y)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(summary.events).toBeGreaterThan(700);
    expect(summary.deadlines).toBeGreaterThan(500);
  });

  it('writes the same province again from the same seed', async () => {
    const again = await generateProvince(twin.db, OPTS);
    expect(again).toMatchObject({ ...summary, seconds: again.seconds });
    const a = bulkWriter(t.db);
    const b = bulkWriter(twin.db);
    try {
      expect(await fingerprint(b.exec)).toBe(await fingerprint(a.exec));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refuses to generate twice into one database', async () => {
    await expect(generateProvince(t.db, OPTS)).rejects.toThrow(/already holds a generated province/);
  });

  it('lets the largest agency’s Office log in and read its pages', async () => {
    const list = await t.call(office, { method: 'GET', url: '/api/cases?limit=50' });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(summary.largest.cases);
    for (const url of [
      '/api/cases?q=dat%20dai',
      '/api/cases?year=2025&channel=letter',
      '/api/cases/oversight',
      '/api/cases/stats?year=2025',
      '/api/dashboard',
      '/api/reports/matrix',
      '/api/plans',
      '/api/reception/entries?year=2025',
      '/api/reception/sessions?year=2025',
    ]) {
      const res = await t.call(office, { method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
    }
  });

  it('seals parties as the app does, and stores the deadlines the app computes', async () => {
    const [complaint] = await q(
      t.db,
      `select c.id from cases c join tenants t on t.tenant_id = c.tenant_id
        where t.code = $1 and c.kind = 'complaint' and c.status = 'resolved' order by c.code limit 1`,
      [summary.largest.code],
    );
    const c = (await t.call(office, { method: 'GET', url: `/api/cases/${complaint!.id}` })).json();
    const complainant = c.parties.find((p: { role: string }) => p.role === 'complainant');
    expect(complainant.masked).toBe(false);
    expect(complainant.identity.name).toMatch(/^\p{Lu}\p{Ll}+ /u);
    // Computed afresh by the app for an ended case: the same rules and due dates as stored.
    const stored = await q(t.db, `select rule_id, due::text from case_deadlines where case_id = $1 order by rule_id`, [complaint!.id]);
    expect(c.deadlines.map((d: { ruleId: string; due: string }) => [d.ruleId, d.due]).sort()).toEqual(
      stored.map((d) => [d.rule_id, d.due]),
    );
    expect(stored.length).toBeGreaterThan(0);

    const [denunciation] = await q(
      t.db,
      `select c.id from cases c join tenants t on t.tenant_id = c.tenant_id
        where t.code = $1 and c.kind = 'denunciation' and not c.anonymous
          and exists (select 1 from protected_identities p where p.case_id = c.id and p.role = 'denouncer') limit 1`,
      [summary.largest.code],
    );
    const d = (await t.call(office, { method: 'GET', url: `/api/cases/${denunciation!.id}` })).json();
    const denouncer = d.parties.find((p: { role: string }) => p.role === 'denouncer');
    expect(denouncer).toMatchObject({ masked: true, identity: null });
  });
});
