/**
 * No unbounded id lists (issue #17): "a test at 70,000 cases per tenant-year proves statistics and
 * oversight still answer". node-postgres fails above 65,535 parameters, so a query that sent the
 * year's ids back to the database broke outright past that many cases; these pages must answer
 * with a bounded number of parameters whatever the year holds.
 *
 * 70,000 cases of the demo agency received this year, with the events, parties and deadlines the
 * app would have written: 3,500 made by the province generator's own functions (`bench/lib`),
 * then copied twenty-fold in SQL (new ids and codes; the parties and register lines are not copied),
 * which keeps the run under two minutes. PostgreSQL only (`*.postgres.int.test.ts`, left out of
 * the PGlite pass by vitest.config.ts): PGlite takes several minutes for the same load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addDays, compareIsoDates } from '../../../domain';
import { type Agency, caseSinks, generateCase, type OrgUnit, type Person, type Sinks } from '../../../../bench/lib/cases';
import { Rand } from '../../../../bench/lib/rand';
import { bulkWriter } from '../../../../bench/lib/sink';
import { todayInVietnam } from '../../platform/clock';
import { rowsOf } from '../../platform/db';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { workingCalendarFor } from '../calendar/service';

const PER_YEAR = 70_000;
const MADE = 3_500;

let t: TestApp;
let office: Session;
let year: number;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  const today = todayInVietnam();
  year = Number(today.slice(0, 4));
  const tenantId = t.demoTenantId;
  const bulk = bulkWriter(t.db);
  try {
    const exec = bulk.exec;
    const people = (
      await exec(
        `select ra.user_id, ra.role, ra.unit_id, u.full_name, u.username from role_assignments ra
           join users u on u.tenant_id = ra.tenant_id and u.id = ra.user_id where ra.tenant_id = $1 order by u.username, ra.role`,
        [tenantId],
      )
    ).rows as { user_id: string; role: string; unit_id: string | null; full_name: string; username: string }[];
    const person = (p: { user_id: string; full_name: string }): Person => ({ id: p.user_id, name: p.full_name });
    const units = (
      await exec(`select id, name, kind, valid_from::text, valid_to::text from units where tenant_id = $1 order by sort_order, code`, [
        tenantId,
      ])
    ).rows as { id: string; name: string; kind: string; valid_from: string; valid_to: string | null }[];
    const agency: Agency = {
      tenantId,
      key: 'year70k',
      abbr: 'SKHCN',
      office: person(people.find((p) => p.role === 'office')!),
      head: person(people.find((p) => p.role === 'leader')!),
      units: units
        .filter((u) => u.kind !== 'leadership')
        .map(
          (u): OrgUnit => ({
            id: u.id,
            name: u.name,
            validFrom: u.valid_from,
            validTo: u.valid_to,
            members: people.filter((p) => p.unit_id === u.id && ['staff', 'unit_head'].includes(p.role)).map(person),
          }),
        ),
      sessionByDate: new Map(),
      // Codes of their own ("KN-2026-9000001"…), after whatever the demo seed numbered.
      nextCode: new Map(['KN', 'TC', 'KNG', 'PA'].map((k) => [`${k}-${year}-`, 9_000_000])),
      nextSeq: new Map([[year, 900_000]]),
      nextDecision: new Map(),
      recent: [],
    };
    const calendar = await t.db.withTenant({ tenantId }, (tx) => workingCalendarFor(tx, [year - 1, year, year + 1]));
    const sinks: Sinks = caseSinks(exec);
    const r = new Rand('year70k');
    const first = `${year}-01-01`;
    const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(first)) / 86_400_000));
    const days: string[] = [];
    for (let k = 0; k < MADE; k++) days.push(calendar.nextWorkingDayOnOrAfter(addDays(first, r.int(0, span))));
    days.sort();
    for (const d of days) {
      const day = compareIsoDates(d, today) > 0 ? calendar.previousWorkingDayOnOrBefore(today) : d;
      generateCase(r, agency, sinks, calendar, day, today);
    }
    for (const s of [sinks.entries, sinks.cases, sinks.identities, sinks.events, sinks.deadlines, sinks.links]) await s.flush();
    // Nineteen copies of each: new ids and codes, the same dates, states, events and deadlines.
    await exec(
      `create temp table copies as
         select c.id as old, gen_random_uuid() as new, k from cases c, generate_series(1, 19) k
          where c.tenant_id = $1 and c.code like '%-9______'`,
      [tenantId],
    );
    await exec(
      `insert into cases (tenant_id, id, code, kind, channel, status, received_on, subject, content, knowledge_on, anonymous, instance,
         unit_id, handler_id, decision_maker_id, complexity, accepted_on, decided_on, decision_received_on, outcome, not_accepted_reasons,
         forwarded_to, closed_on, party_text, version, created_at, updated_at)
       select c.tenant_id, m.new, c.code || '-' || m.k, c.kind, c.channel, c.status, c.received_on, c.subject, c.content, c.knowledge_on,
         c.anonymous, c.instance, c.unit_id, c.handler_id, c.decision_maker_id, c.complexity, c.accepted_on, c.decided_on,
         c.decision_received_on, c.outcome, c.not_accepted_reasons, c.forwarded_to, c.closed_on, c.party_text, c.version, c.created_at, c.updated_at
       from copies m join cases c on c.tenant_id = $1 and c.id = m.old`,
      [tenantId],
    );
    await exec(
      `insert into case_events (tenant_id, case_id, type, "on", actor_id, actor_name, summary, decision_no, note, data, at)
       select e.tenant_id, m.new, e.type, e."on", e.actor_id, e.actor_name, e.summary, e.decision_no, e.note, e.data, e.at
       from copies m join case_events e on e.tenant_id = $1 and e.case_id = m.old`,
      [tenantId],
    );
    await exec(
      `insert into case_deadlines (tenant_id, case_id, rule_id, rule_version, title, title_en, trigger, due, status, met_on, explanation, basis, computed_at)
       select d.tenant_id, m.new, d.rule_id, d.rule_version, d.title, d.title_en, d.trigger, d.due, d.status, d.met_on, d.explanation, d.basis, d.computed_at
       from copies m join case_deadlines d on d.tenant_id = $1 and d.case_id = m.old`,
      [tenantId],
    );
    await exec('analyze');
  } finally {
    await bulk.close();
  }
}, 240_000);
afterAll(async () => t?.close());

describe(`${PER_YEAR.toLocaleString('en')} cases in one agency and one year`, () => {
  it('holds them', async () => {
    const [n] = rowsOf<{ n: number }>(
      await t.db.owner.execute(
        sql`select count(*)::int as n from cases where tenant_id = ${t.demoTenantId}
              and received_on >= ${`${year}-01-01`}::date and received_on < ${`${year + 1}-01-01`}::date`,
      ),
    );
    expect(n!.n).toBeGreaterThanOrEqual(PER_YEAR);
  });

  for (const [name, url] of [
    ['statistics', () => `/api/cases/stats?year=${year}`],
    ['oversight', () => '/api/cases/oversight'],
    ['the dashboard', () => '/api/dashboard'],
    ['the cases list of the year, overdue', () => `/api/cases?year=${year}&due=overdue&limit=50`],
  ] as const) {
    it(`${name} answers, in a bounded response with bounded parameters`, async () => {
      let body = '';
      const logged = await t.statements(async () => {
        const res = await t.call(office, { method: 'GET', url: url() });
        expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
        body = res.body;
      });
      expect(body.length).toBeLessThan(200_000);
      for (const l of logged) expect(l.params.length, l.sql.slice(0, 200)).toBeLessThan(200);
    });
  }

  it('statistics count every case of the year', async () => {
    const s = (await t.call(office, { method: 'GET', url: `/api/cases/stats?year=${year}` })).json();
    expect(s.indicators.received).toBeGreaterThanOrEqual(PER_YEAR);
    expect(s.byKind.reduce((a: number, k: { count: number }) => a + k.count, 0)).toBe(s.indicators.received);
  });

  it('oversight counts every open case of the agency', async () => {
    const o = (await t.call(office, { method: 'GET', url: '/api/cases/oversight' })).json();
    const [n] = rowsOf<{ open: number }>(
      await t.db.owner.execute(
        sql`select count(*)::int as open from cases where tenant_id = ${t.demoTenantId} and status in ('received','accepted','suspended')`,
      ),
    );
    expect(o.totals.open).toBe(n!.open);
    expect(n!.open).toBeGreaterThan(1000);
  });
});
