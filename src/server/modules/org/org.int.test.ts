import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Session;
let staff: Session;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  staff = await t.login('canbo');
});
afterAll(async () => t?.close());

const newUnit = { code: 'TCD', name: 'Tổ Tiếp công dân', kind: 'other', validFrom: '2026-01-01', staffCount: 3 };

describe('units', () => {
  it('lists the demo units in force, with the 2025 merger as succession', async () => {
    const res = await t.call(staff, { method: 'GET', url: '/api/units' });
    expect(res.statusCode).toBe(200);
    const list = res.json() as { code: string; active: boolean; predecessors: { name: string }[]; abilities: { update: boolean } }[];
    expect(list.map((u) => u.code)).toEqual(expect.arrayContaining(['LD', 'VP', 'QLKH', 'CD', 'BTTND', 'BBT']));
    expect(list.find((u) => u.code === 'TTra')).toBeUndefined();
    const merged = list.find((u) => u.code === 'BCVT-CDS')!;
    expect(merged.predecessors[0]!.name).toMatch(/Sở Thông tin và Truyền thông/);
    expect(list.every((u) => u.abilities.update === false)).toBe(true);
    const all = (await t.call(staff, { method: 'GET', url: '/api/units?all=true' })).json() as { code: string; active: boolean }[];
    expect(all.find((u) => u.code === 'TTra')!.active).toBe(false);
    const at2021 = (await t.call(staff, { method: 'GET', url: '/api/units?at=2021-03-22' })).json() as { code: string }[];
    expect(at2021.map((u) => u.code)).toContain('TTra');
    expect(at2021.map((u) => u.code)).not.toContain('BCVT-CDS');
  });

  it('filters without diacritics', async () => {
    const list = (await t.call(staff, { method: 'GET', url: `/api/units?q=${encodeURIComponent('quan ly khoa hoc')}` })).json() as {
      name: string;
    }[];
    expect(list.map((u) => u.name)).toEqual(['Phòng Quản lý khoa học']);
  });

  it('lets staff read but not create (403), and the Office create with an audit row', async () => {
    const denied = await t.call(staff, { method: 'POST', url: '/api/units', payload: newUnit });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('FORBIDDEN');
    const created = await t.call(office, { method: 'POST', url: '/api/units', payload: { ...newUnit, name: '  Tổ Tiếp công dân  ' } });
    expect(created.statusCode).toBe(200);
    const unit = created.json();
    expect(unit.name).toBe('Tổ Tiếp công dân');
    expect(unit.version).toBe(1);
    const audit = (await t.call(office, { method: 'GET', url: `/api/audit?entityType=unit&entityId=${unit.id}` })).json();
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].action).toBe('unit.create');
    expect(audit.rows[0].actorName).toBe('Trần Thị Thu Hà');
    expect(audit.rows[0].after.name).toBe('Tổ Tiếp công dân');
  });

  it('stores names in NFC whatever the client sends', async () => {
    const nfd = 'Tổ Công nghệ số'.normalize('NFD');
    const res = await t.call(office, { method: 'POST', url: '/api/units', payload: { ...newUnit, code: 'TCNS', name: nfd } });
    expect(res.json().name).toBe('Tổ Công nghệ số'.normalize('NFC'));
    expect(res.json().name).not.toBe(nfd);
  });

  it('names each bad field in Vietnamese and English and saves nothing', async () => {
    const before = (await t.call(office, { method: 'GET', url: '/api/units?all=true' })).json().length;
    const res = await t.call(office, {
      method: 'POST',
      url: '/api/units',
      payload: { code: 'BAD', name: '', kind: 'galaxy', validFrom: '2026-02-30', staffCount: -1 },
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .error.fields.map((f: { field: string }) => f.field)
      .sort();
    expect(fields).toEqual(['kind', 'name', 'staffCount', 'validFrom']);
    const byField = Object.fromEntries(res.json().error.fields.map((f: { field: string; vi: string; en: string }) => [f.field, f]));
    expect(byField.name.vi).toMatch(/^name: không được để trống/);
    expect(byField.name.en).toMatch(/^name: must not be empty/);
    expect(byField.validFrom.vi).toMatch(/ngày không tồn tại/);
    const range = await t.call(office, { method: 'POST', url: '/api/units', payload: { ...newUnit, code: 'BAD2', validTo: '2025-01-01' } });
    expect(range.statusCode).toBe(400);
    expect(range.json().error.fields[0].field).toBe('validTo');
    const dup = await t.call(office, { method: 'POST', url: '/api/units', payload: { ...newUnit, name: 'Trùng mã', code: 'VP' } });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields[0].field).toBe('code');
    expect((await t.call(office, { method: 'GET', url: '/api/units?all=true' })).json().length).toBe(before);
  });

  it('refuses a stale version with 409 and keeps the newer edit', async () => {
    const created = (
      await t.call(office, { method: 'POST', url: '/api/units', payload: { ...newUnit, code: 'TMP1', name: 'Tổ tạm' } })
    ).json();
    const first = await t.call(office, {
      method: 'PATCH',
      url: `/api/units/${created.id}`,
      payload: { version: 1, name: 'Tổ tạm (sửa lần 1)' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await t.call(office, {
      method: 'PATCH',
      url: `/api/units/${created.id}`,
      payload: { version: 1, name: 'Tổ tạm (bản cũ)' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const now = (await t.call(office, { method: 'GET', url: `/api/units/${created.id}` })).json();
    expect(now.name).toBe('Tổ tạm (sửa lần 1)');
  });

  it('refuses a parent cycle and records succession on a merge', async () => {
    const list = (await t.call(office, { method: 'GET', url: '/api/units' })).json() as { id: string; code: string; version: number }[];
    const cd = list.find((u) => u.code === 'CD')!;
    const bttnd = list.find((u) => u.code === 'BTTND')!;
    const cycle = await t.call(office, {
      method: 'PATCH',
      url: `/api/units/${cd.id}`,
      payload: { version: cd.version, parentId: bttnd.id },
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.fields[0].field).toBe('parentId');
    const a = list.find((u) => u.code === 'QLCN')!;
    const b = list.find((u) => u.code === 'QLCNg')!;
    const merged = await t.call(office, {
      method: 'POST',
      url: '/api/units',
      payload: {
        code: 'QLCN-M',
        name: 'Phòng Quản lý công nghệ và Chuyên ngành',
        kind: 'department',
        validFrom: '2027-01-01',
        staffCount: 11,
        predecessors: [
          { unitId: a.id, kind: 'merge' },
          { unitId: b.id, kind: 'merge' },
        ],
      },
    });
    expect(merged.statusCode).toBe(200);
    expect(
      merged
        .json()
        .predecessors.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    const old = (await t.call(office, { method: 'GET', url: `/api/units/${a.id}` })).json();
    expect(old.successors[0].id).toBe(merged.json().id);
  });

  it('answers 404 for a unit id that does not exist and 400 for a malformed one', async () => {
    expect((await t.call(office, { method: 'GET', url: '/api/units/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    const bad = await t.call(office, { method: 'GET', url: '/api/units/not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('id');
  });
});

describe('people', () => {
  it('creates a person with roles, who must change the password at first log-in', async () => {
    const units = (await t.call(office, { method: 'GET', url: '/api/units' })).json() as { id: string; code: string }[];
    const qlkh = units.find((u) => u.code === 'QLKH')!;
    const denied = await t.call(staff, {
      method: 'POST',
      url: '/api/people',
      payload: { username: 'nv.moi', fullName: 'Nguyễn Văn Mới', password: 'mat-khau-tam-123', roles: [] },
    });
    expect(denied.statusCode).toBe(403);
    const res = await t.call(office, {
      method: 'POST',
      url: '/api/people',
      payload: {
        username: 'nv.moi',
        fullName: 'Nguyễn Văn Mới',
        position: 'Chuyên viên',
        password: 'mat-khau-tam-123',
        roles: [{ role: 'staff', unitId: qlkh.id }],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual([{ role: 'staff', unitId: qlkh.id, unitName: 'Phòng Quản lý khoa học' }]);
    const s = await t.login('nv.moi', 'mat-khau-tam-123');
    const me = (await t.call(s, { method: 'GET', url: '/api/me' })).json();
    expect(me.user.mustChangePassword).toBe(true);
    const taken = await t.call(office, {
      method: 'POST',
      url: '/api/people',
      payload: { username: 'canbo', fullName: 'Trùng', password: 'mat-khau-tam-123', roles: [] },
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields[0].field).toBe('username');
    const head = await t.call(office, {
      method: 'POST',
      url: '/api/people',
      payload: { username: 'tp.thieu', fullName: 'Thiếu đơn vị', password: 'mat-khau-tam-123', roles: [{ role: 'unit_head' }] },
    });
    expect(head.statusCode).toBe(400);
    expect(head.json().error.fields[0].field).toBe('roles.0.unitId');
  });

  it('disabling a person ends their sessions', async () => {
    const s = await t.login('cvvp');
    const people = (await t.call(office, { method: 'GET', url: '/api/people?q=ho thi yen' })).json() as { id: string; version: number }[];
    expect(people).toHaveLength(1);
    const res = await t.call(office, {
      method: 'PATCH',
      url: `/api/people/${people[0]!.id}`,
      payload: { version: people[0]!.version, isActive: false },
    });
    expect(res.statusCode).toBe(200);
    expect((await t.call(s, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('sorts the directory the Vietnamese way, by given name', async () => {
    const people = (await t.call(staff, { method: 'GET', url: '/api/people' })).json() as { fullName: string }[];
    const given = people.map((p) => p.fullName.split(' ').pop()!);
    const sorted = [...given].sort(new Intl.Collator('vi').compare);
    expect(given).toEqual(sorted);
    expect(given.indexOf('Ánh')).toBeLessThan(given.indexOf('Bảo'));
  });
});
