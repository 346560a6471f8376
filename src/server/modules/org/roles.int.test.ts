/**
 * Issue #16 point 2: the administrator could give itself any role (`PATCH /api/people/{own id}`)
 * and with it the powers to reveal a denouncer (Law 25/2018 Arts. 8(3), 47). Nobody changes their
 * own roles; a role carrying case powers takes effect only with a second person of the leadership;
 * every role change is shown to the person and to the leadership.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TUnit } from '../../../contracts/org';
import { type BuiltPerson, factories } from '../../test/factories';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

// The people and units are the test's own (test/factories.ts), named after the demo accounts they
// stand for; the demo's leaders exist too and are told of role changes like these two.
const USERS = ['admin', 'vanphong', 'lanhdao', 'giamdoc', 'canbo', 'congdoan'] as const;
type User = (typeof USERS)[number];
type Person = {
  id: string;
  username: string;
  version: number;
  roles: { role: string; unitId: string | null }[];
  pendingRoles: { id: string; role: string; canDecide: boolean }[];
};

let t: TestApp;
const s = {} as Record<User, Session>;
const built = {} as Record<User, BuiltPerson>;
const unit = {} as Record<'LD' | 'VP' | 'QLKH' | 'CD' | 'BTTND', TUnit>;

const call = (who: User, opts: Parameters<TestApp['call']>[1]) => t.call(s[who], opts);
const ok = <T>(res: LightMyRequestResponse): T => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const person = async (who: User) => ok<Person>(await call('admin', { method: 'GET', url: `/api/people/${built[who].id}` }));
const setRoles = async (by: User, who: User, roles: { role: string; unitId: string | null }[]) => {
  const p = await person(who);
  return call(by, { method: 'PATCH', url: `/api/people/${p.id}`, payload: { version: p.version, roles } });
};
const inbox = async (who: User) =>
  ok<{ items: { kind: string; body: string | null }[] }>(await call(who, { method: 'GET', url: '/api/notifications' })).items;

beforeAll(async () => {
  t = await createTestApp();
  const f = factories(t);
  unit.LD = await f.unit({ kind: 'leadership', name: 'Lãnh đạo (thử)' });
  unit.VP = (await f.office()).unit;
  unit.QLKH = await f.unit();
  unit.CD = await f.unit({ kind: 'union', name: 'Công đoàn (thử)' });
  unit.BTTND = await f.unit({ kind: 'inspection_board', name: 'Ban Thanh tra nhân dân (thử)', parentId: unit.CD.id });
  built.admin = await f.user({ roles: [{ role: 'admin', unitId: null }] });
  built.vanphong = (await f.office()).officer;
  built.lanhdao = await f.user({ roles: [{ role: 'leader', unitId: unit.LD.id }] });
  built.giamdoc = await f.user({ roles: [{ role: 'leader', unitId: unit.LD.id }] });
  built.canbo = await f.user({ roles: [{ role: 'staff', unitId: unit.QLKH.id }] });
  built.congdoan = await f.user({
    roles: [
      { role: 'union', unitId: unit.CD.id },
      { role: 'staff', unitId: unit.VP.id },
    ],
  });
  for (const u of USERS) s[u] = await built[u].login();
});
afterAll(async () => {
  await t?.close();
});

describe('role changes', () => {
  it('refuses anyone changing their own roles, the administrator included', async () => {
    const self = await setRoles('admin', 'admin', [
      { role: 'admin', unitId: null },
      { role: 'office', unitId: unit.VP.id },
    ]);
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields[0].field).toBe('roles');
    const office = await setRoles('vanphong', 'vanphong', [{ role: 'leader', unitId: unit.LD.id }]);
    expect(office.statusCode).toBe(400);
    expect((await person('admin')).roles.map((r) => r.role)).toEqual(['admin']);
  });

  it('holds a role with case powers until a second person of the leadership approves it', async () => {
    const res = await setRoles('admin', 'canbo', [
      { role: 'staff', unitId: unit.QLKH.id },
      { role: 'inspection', unitId: unit.BTTND.id },
    ]);
    const p = ok<Person>(res);
    expect(p.roles.map((r) => r.role)).toEqual(['staff']);
    expect(p.pendingRoles.map((r) => r.role)).toEqual(['inspection']);
    // The person and the leadership are told.
    for (const who of ['canbo', 'lanhdao', 'giamdoc'] as const)
      expect(
        (await inbox(who)).some((n) => n.kind === 'person.roles_changed'),
        who,
      ).toBe(true);
    // The administrator may not approve; a leader may.
    const requestId = p.pendingRoles[0]!.id;
    expect(
      (await call('admin', { method: 'POST', url: `/api/role-requests/${requestId}/decision`, payload: { approved: true } })).statusCode,
    ).toBe(403);
    const list = ok<{ id: string; canDecide: boolean }[]>(await call('lanhdao', { method: 'GET', url: '/api/role-requests' }));
    expect(list.find((r) => r.id === requestId)?.canDecide).toBe(true);
    ok(await call('lanhdao', { method: 'POST', url: `/api/role-requests/${requestId}/decision`, payload: { approved: true } }));
    const after = await person('canbo');
    expect(after.roles.map((r) => r.role).sort()).toEqual(['inspection', 'staff']);
    expect(after.pendingRoles).toEqual([]);
    // The approval is in the audit log.
    const audit = ok<{ rows: { action: string }[] }>(
      await call('lanhdao', { method: 'GET', url: `/api/audit?entityType=person&entityId=${after.id}` }),
    );
    expect(audit.rows.map((r) => r.action)).toContain('person.role_approve');
  });

  it('does not let the person who would get the role approve it, and lets a leader refuse', async () => {
    const p = ok<Person>(
      await setRoles('admin', 'lanhdao', [
        { role: 'leader', unitId: unit.LD.id },
        { role: 'office', unitId: unit.VP.id },
      ]),
    );
    const id = p.pendingRoles[0]!.id;
    const own = await call('lanhdao', { method: 'POST', url: `/api/role-requests/${id}/decision`, payload: { approved: true } });
    expect(own.statusCode).toBe(400);
    expect(own.json().error.fields[0].field).toBe('approved');
    ok(await call('giamdoc', { method: 'POST', url: `/api/role-requests/${id}/decision`, payload: { approved: false } }));
    expect((await person('lanhdao')).roles.map((r) => r.role)).toEqual(['leader']);
  });

  it('grants an ordinary role at once, and still tells the person and the leadership', async () => {
    const before = (await inbox('congdoan')).length;
    const p = ok<Person>(
      await setRoles(
        'admin',
        'congdoan',
        [...built.congdoan.roles, { role: 'staff', unitId: unit.QLKH.id }].map((r) => ({ role: r.role, unitId: r.unitId })),
      ),
    );
    expect(p.roles.some((r) => r.role === 'staff' && r.unitId === unit.QLKH.id)).toBe(true);
    expect(p.pendingRoles).toEqual([]);
    expect((await inbox('congdoan')).length).toBe(before + 1);
  });
});
