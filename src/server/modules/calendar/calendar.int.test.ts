import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../../test/factories';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

// Its own Office officer and staff member (test/factories.ts), not the demo's accounts.
let t: TestApp;
let office: Session;
let staff: Session;
beforeAll(async () => {
  t = await createTestApp();
  const f = factories(t);
  office = await (await f.office()).officer.login();
  staff = await (await f.team()).staff.login();
});
afterAll(async () => t?.close());

describe('holiday calendar', () => {
  it('uses the generated statutory holidays for a year nobody has confirmed', async () => {
    const y = (await t.call(staff, { method: 'GET', url: '/api/calendar/2027' })).json();
    expect(y.status).toBe('generated');
    expect(y.canManage).toBe(false);
    expect(y.days.map((d: { date: string }) => d.date)).toEqual(expect.arrayContaining(['2027-02-06', '2027-04-16', '2027-09-02']));
    expect(y.entries).toEqual([]);
  });

  it('keeps a draft apart until the Office confirms the year, then uses exactly its entries', async () => {
    const denied = await t.call(staff, {
      method: 'POST',
      url: '/api/calendar/2030/entries',
      payload: { date: '2030-05-04', kind: 'swap_workday', name: 'Làm bù' },
    });
    expect(denied.statusCode).toBe(403);
    // MoHA-style swap: Friday 03/05/2030 off, made up on Saturday 11/05/2030.
    const a = await t.call(office, {
      method: 'POST',
      url: '/api/calendar/2030/entries',
      payload: { date: '2030-05-03', kind: 'swap_off', name: 'Nghỉ hoán đổi', basis: 'Thông báo mẫu của Bộ Nội vụ' },
    });
    expect(a.statusCode).toBe(200);
    expect(a.json().status).toBe('draft');
    expect(a.json().entries.length).toBe(a.json().proposals.length + 1);
    expect(a.json().days.some((d: { date: string }) => d.date === '2030-05-03')).toBe(false);
    const before = (await t.call(office, { method: 'GET', url: '/api/calendar/compute?from=2030-04-22&days=7' })).json();
    expect(before.due).toBe('2030-05-03');
    await t.call(office, {
      method: 'POST',
      url: '/api/calendar/2030/entries',
      payload: { date: '2030-05-11', kind: 'swap_workday', name: 'Làm việc bù cho ngày 03/5' },
    });
    const dup = await t.call(office, {
      method: 'POST',
      url: '/api/calendar/2030/entries',
      payload: { date: '2030-05-11', kind: 'holiday', name: 'Trùng' },
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields[0].field).toBe('date');
    const wrongYear = await t.call(office, {
      method: 'POST',
      url: '/api/calendar/2030/entries',
      payload: { date: '2031-01-02', kind: 'holiday', name: 'Sai năm' },
    });
    expect(wrongYear.json().error.fields[0].field).toBe('date');
    // A year is confirmed on the strength of a document: without it, 400 naming the field, nothing confirmed.
    const noBasis = await t.call(office, { method: 'POST', url: '/api/calendar/2030/confirm', payload: { basis: '  ' } });
    expect(noBasis.statusCode).toBe(400);
    expect(noBasis.json().error.fields[0].field).toBe('basis');
    expect((await t.call(office, { method: 'GET', url: '/api/calendar/2030' })).json().status).toBe('draft');
    const confirmed = await t.call(office, {
      method: 'POST',
      url: '/api/calendar/2030/confirm',
      payload: { basis: 'Thông báo 0000/TB-BNV (mẫu)' },
    });
    expect(confirmed.json().status).toBe('confirmed');
    const inUse = (await t.call(office, { method: 'GET', url: '/api/calendar/years' })).json() as {
      years: { year: number; status: string }[];
    };
    expect(inUse.years).toContainEqual({ year: 2030, status: 'confirmed' });
    expect(confirmed.json().days.some((d: { date: string }) => d.date === '2030-05-03')).toBe(true);
    // 7 working days from 22/04/2030: 30/4, 1/5 and now 3/5 are off → 06/05/2030.
    const after = (await t.call(office, { method: 'GET', url: '/api/calendar/compute?from=2030-04-22&days=7' })).json();
    expect(after.due).toBe('2030-05-06');
    expect(after.steps.some((s: { text: string }) => /hoán đổi/.test(s.text))).toBe(true);
    const audit = (await t.call(office, { method: 'GET', url: '/api/audit?entityType=calendar_year' })).json();
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['calendar.year_draft', 'calendar.year_confirm']),
    );
  });

  it('edits and deletes entries with version checks', async () => {
    const y = (
      await t.call(office, {
        method: 'POST',
        url: '/api/calendar/2031/entries',
        payload: { date: '2031-12-24', kind: 'holiday', name: 'Thử' },
      })
    ).json();
    const entry = y.entries.find((e: { date: string }) => e.date === '2031-12-24');
    const edited = await t.call(office, {
      method: 'PATCH',
      url: `/api/calendar/entries/${entry.id}`,
      payload: { version: entry.version, name: 'Thử (đã sửa)' },
    });
    expect(edited.statusCode).toBe(200);
    const stale = await t.call(office, {
      method: 'PATCH',
      url: `/api/calendar/entries/${entry.id}`,
      payload: { version: entry.version, name: 'Cũ' },
    });
    expect(stale.statusCode).toBe(409);
    const del = await t.call(office, { method: 'DELETE', url: `/api/calendar/entries/${entry.id}` });
    expect(del.statusCode).toBe(200);
    expect(del.json().entries.some((e: { id: string }) => e.id === entry.id)).toBe(false);
  });

  it('rejects a year outside the supported range and a malformed date', async () => {
    expect((await t.call(staff, { method: 'GET', url: '/api/calendar/1999' })).statusCode).toBe(400);
    const bad = await t.call(staff, { method: 'GET', url: '/api/calendar/compute?from=2030-13-01&days=5' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('from');
    // A computation reaching back before the first generated year (2021) names the range.
    const early = await t.call(staff, { method: 'GET', url: '/api/calendar/compute?from=2021-01-04&days=5&type=before' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0]).toEqual(expect.objectContaining({ field: 'from' }));
    expect(JSON.stringify(early.json().error)).toContain('2021–2199');
  });
});
