/**
 * Oversight's flags, computed set-based (issue #17), agree case by case with their definition: a
 * look-up per open case of its missed deadlines, its next running deadline (a stopped clock only
 * while the case is suspended) and its extensions — the statement oversight and the dashboard
 * used before. The province generator writes every state, suspended cases with stopped clocks
 * among them; the reference below is that per-case statement, run by the owner on the same rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { generateProvince } from '../../../../bench/generate';
import { rowsOf } from '../../platform/db';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { DUE_SOON_DAYS } from './records';
import { addDays } from '../../../domain';
import { todayInVietnam } from '../../platform/clock';

let t: TestApp;
let office: Session;
/** The app's own legal date: oversight flags against it. */
const TODAY = todayInVietnam();

beforeAll(async () => {
  t = await createTestApp();
  await generateProvince(t.db, { cases: 3000, tenants: 1, seed: 'oversight', today: TODAY });
  office = await t.login('vanphong');
}, 600_000);
afterAll(async () => t?.close());

type Ref = { id: string; overdue: boolean; due_soon: boolean; prolonged: boolean; next_due: string | null };

/** The per-case definition (the statement this module ran before issue #17's rewrite). */
async function reference(): Promise<Ref[]> {
  const soon = addDays(TODAY, DUE_SOON_DAYS);
  const old = addDays(TODAY, -90);
  return rowsOf<Ref>(
    await t.db.owner.execute(sql`
      select c.id, od.overdue,
        (not od.overdue and nd.status = 'open' and nd.due <= ${soon}::date) as due_soon,
        (c.received_on < ${old}::date or exists (
          select 1 from case_events e where e.tenant_id = c.tenant_id and e.case_id = c.id and e.type = 'extended')) as prolonged,
        nd.due::text as next_due
      from cases c
      cross join lateral (select exists (
        select 1 from case_deadlines d
        where d.tenant_id = c.tenant_id and d.case_id = c.id and d.status = 'missed' and d.met_on is null) as overdue) od
      left join lateral (
        select d.status, d.due from case_deadlines d
        where d.tenant_id = c.tenant_id and d.case_id = c.id
          and (d.status = 'open' or (d.status = 'stopped' and c.status = 'suspended'))
        order by d.due, d.rule_id limit 1) nd on true
      where c.tenant_id = ${t.demoTenantId} and c.status in ('received', 'accepted', 'suspended')`),
  );
}

describe('oversight flags, set-based, against the per-case definition', () => {
  it('the generated agency holds every flag, and suspended cases with stopped clocks', async () => {
    const [s] = rowsOf<{ stopped: number }>(
      await t.db.owner.execute(sql`
        select count(*)::int as stopped from case_deadlines d join cases c on c.tenant_id = d.tenant_id and c.id = d.case_id
        where d.tenant_id = ${t.demoTenantId} and d.status = 'stopped' and c.status = 'suspended'`),
    );
    expect(s!.stopped).toBeGreaterThan(0);
    const ref = await reference();
    expect(ref.filter((r) => r.overdue).length).toBeGreaterThan(0);
    expect(ref.filter((r) => r.due_soon).length).toBeGreaterThan(0);
    expect(ref.filter((r) => r.prolonged).length).toBeGreaterThan(0);
  });

  it('the totals, the counts by unit and the due-soon list are those of the definition', async () => {
    const ref = await reference();
    const o = (await t.call(office, { method: 'GET', url: '/api/cases/oversight' })).json();
    expect(o.totals).toMatchObject({
      open: ref.length,
      overdue: ref.filter((r) => r.overdue).length,
      dueSoon: ref.filter((r) => r.due_soon).length,
      prolonged: ref.filter((r) => r.prolonged).length,
    });
    // Repeated (tái diễn): every case of the agency with a repeat link, whatever its state.
    const [rep] = rowsOf<{ n: number }>(
      await t.db.owner.execute(sql`
        select count(*)::int as n from cases c where c.tenant_id = ${t.demoTenantId}
          and exists (select 1 from case_links l where l.tenant_id = c.tenant_id and l.case_id = c.id and l.relation = 'repeat')`),
    );
    expect(rep!.n).toBeGreaterThan(0);
    expect(o.totals.repeated).toBe(rep!.n);
    // The due-soon list in the definition's order: next deadline first.
    const soon = ref.filter((r) => r.due_soon);
    const nextDue = new Map(ref.map((r) => [r.id, r.next_due]));
    const listed: { id: string }[] = o.dueSoon;
    expect(listed.length).toBe(Math.min(20, soon.length));
    for (let i = 1; i < listed.length; i++)
      expect(nextDue.get(listed[i - 1]!.id)! <= nextDue.get(listed[i]!.id)!, `due-soon order at ${i}`).toBe(true);
    for (const c of listed) expect(ref.find((r) => r.id === c.id)?.due_soon).toBe(true);
  });

  it("the dashboard's two counts are oversight's", async () => {
    const ref = await reference();
    const d = (await t.call(office, { method: 'GET', url: '/api/dashboard' })).json();
    const text = JSON.stringify(d);
    // The cases module's card carries the overdue and due-soon counts (the values, not their words).
    const overdue = ref.filter((r) => r.overdue).length;
    const dueSoon = ref.filter((r) => r.due_soon).length;
    expect(text).toContain(`"value":${overdue}`);
    expect(text).toContain(`"value":${dueSoon}`);
  });
});
