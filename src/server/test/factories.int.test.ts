/**
 * The test data factories (issue #9) make rows the app serves as its own: each one is read back
 * through the HTTP API by a person the factories made, and its write is in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_KINDS } from '../../contracts/cases';
import { type Factories, factories } from './factories';
import { createTestApp, type Session, type TestApp } from './harness';

let t: TestApp;
let f: Factories;
let office: Session;
beforeAll(async () => {
  t = await createTestApp();
  f = factories(t, { today: '2026-11-16' });
  office = await (await f.office()).officer.login();
});
afterAll(async () => t?.close());

const get = async <T>(s: Session, url: string): Promise<T> => {
  const r = await t.call(s, { method: 'GET', url });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
};

describe('factories', () => {
  it('make a unit with its head and staff, who log in with the roles given', async () => {
    const { unit, head, staff } = await f.team();
    const headSession = await head.login();
    const me = await get<{ roles: { role: string; unitId: string | null }[] }>(headSession, '/api/me');
    expect(me.roles).toEqual([expect.objectContaining({ role: 'unit_head', unitId: unit.id })]);
    const people = await get<{ username: string; roles: { role: string; unitId: string | null }[] }[]>(office, '/api/people');
    expect(people.find((p) => p.username === staff.username)?.roles).toEqual([expect.objectContaining({ role: 'staff', unitId: unit.id })]);
    const audit = await get<{ rows: { action: string }[] }>(office, `/api/audit?entityType=unit&entityId=${unit.id}`);
    expect(audit.rows.map((r) => r.action)).toContain('unit.create');
  });

  it('make an issued plan with tasks, and a report cycle that expects the lead units', async () => {
    const a = await f.unit();
    const b = await f.unit();
    const { plan, tasks } = await f.plan({ year: 2026, tasks: [{ leadUnitId: a.id, coUnitIds: [b.id] }, { leadUnitId: b.id }] });
    const read = await get<{ status: string; year: number }>(office, `/api/plans/${plan.id}`);
    expect([read.status, read.year]).toEqual(['issued', 2026]);
    const listed = await get<{ id: string; leadUnit: { id: string } }[]>(office, `/api/tasks?planId=${plan.id}`);
    expect(listed.map((x) => x.id).sort()).toEqual(tasks.map((x) => x.id).sort());
    const cycle = await f.cycle({ planId: plan.id, year: 2026 });
    const overview = await get<{ rows: { unit: { id: string }; status: string }[] }>(office, `/api/report-cycles/${cycle.id}`);
    expect(overview.rows.map((r) => r.unit.id).sort()).toEqual([a.id, b.id].sort());
    expect(overview.rows.map((r) => r.status)).toEqual(['not_started', 'not_started']);
  });

  it('make a case of each kind, a reception session and a posted disclosure item', async () => {
    for (const kind of CASE_KINDS) {
      const c = await f.caseOf(kind);
      const read = await get<{ kind: string; receivedOn: string }>(office, `/api/cases/${c.id}`);
      expect([read.kind, read.receivedOn]).toEqual([kind, '2026-11-16']);
    }
    const session = await f.receptionSession({ date: '2026-11-20' });
    const { sessions } = await get<{ sessions: { id: string; date: string }[] }>(office, '/api/reception/sessions?year=2026');
    expect(sessions.find((s) => s.id === session.id)?.date).toBe('2026-11-20');
    const item = await f.disclosure();
    const staff = await (await f.team()).staff.login();
    const { items } = await get<{ items: { id: string; status: string }[] }>(staff, '/api/disclosures');
    expect(items.find((d) => d.id === item.id)?.status).toBe('posted');
  });
});
