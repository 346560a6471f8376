import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { disclosureItems } from '../disclosures/tables';
import { tasks } from '../plans/tables';

let t: TestApp;
let head: Session; // truongphong heads Phòng Quản lý khoa học
let staff: Session;
beforeAll(async () => {
  t = await createTestApp();
  head = await t.login('truongphong');
  staff = await t.login('canbo');
});
afterAll(async () => t?.close());

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

/** Unfolds an .ics and returns its content lines. */
function lines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

describe('personal iCal feed (issue 13 contract)', () => {
  it('a person creates a link from their settings; the feed is a valid iCalendar of their upcoming deadlines', async () => {
    const created = await t.call(head, { method: 'POST', url: '/api/me/calendar-feed' });
    expect(created.statusCode).toBe(200);
    const url = created.json().url as string;
    expect(url).toMatch(/\/api\/calendar\.ics\?token=[0-9a-f]{32}\./);
    const res = await t.call(null, { method: 'GET', url: `/api/calendar.ics?token=${encodeURIComponent(tokenOf(url))}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const l = lines(res.body);
    expect(l[0]).toBe('BEGIN:VCALENDAR');
    expect(l.at(-1)).toBe('END:VCALENDAR');
    expect(l).toContain('VERSION:2.0');
    expect(l.some((x) => x.startsWith('PRODID:'))).toBe(true);
    const begins = l.filter((x) => x === 'BEGIN:VEVENT').length;
    expect(begins).toBe(l.filter((x) => x === 'END:VEVENT').length);
    // Every event has a UID, a DTSTAMP and a date start, on or after today; UIDs are unique.
    const uids = l.filter((x) => x.startsWith('UID:'));
    expect(uids).toHaveLength(begins);
    expect(new Set(uids).size).toBe(begins);
    expect(l.filter((x) => x.startsWith('DTSTAMP:'))).toHaveLength(begins);
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    for (const d of l.filter((x) => x.startsWith('DTSTART;VALUE=DATE:'))) expect(d.slice(-8) >= today).toBe(true);
    // The feed equals what the modules report for that person.
    const feedStatus = (await t.call(head, { method: 'GET', url: '/api/me/calendar-feed' })).json();
    expect(feedStatus.active).toBe(true);
  });

  it('lists a task of the person’s unit due ahead, and not a unit’s task the person has nothing to do with', async () => {
    const units = (await t.call(head, { method: 'GET', url: '/api/units?all=true' })).json() as { id: string; code: string }[];
    const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    // Tasks of an existing plan item, put straight in (the plans API keeps due dates near the plan's year).
    await t.db.withTenant({ tenantId: t.demoTenantId }, async (tx) => {
      const [task] = await tx.select().from(tasks).limit(1);
      for (const [code, title] of [
        ['QLKH', 'Nhiệm vụ lịch iCal của QLKH'],
        ['KHTC', 'Nhiệm vụ lịch iCal của KHTC'],
      ] as const) {
        await tx.insert(tasks).values({
          tenantId: t.demoTenantId,
          planId: task!.planId,
          itemId: task!.itemId,
          title,
          leadUnitId: units.find((u) => u.code === code)!.id,
          dueOn: due,
        });
      }
    });
    const url = (await t.call(head, { method: 'POST', url: '/api/me/calendar-feed' })).json().url as string;
    const body = (await t.call(null, { method: 'GET', url: `/api/calendar.ics?token=${encodeURIComponent(tokenOf(url))}` })).body.replace(
      /\r\n[ \t]/g,
      '',
    );
    expect(body).toContain('SUMMARY:Hạn nhiệm vụ: Nhiệm vụ lịch iCal của QLKH');
    expect(body).toContain(`DTSTART;VALUE=DATE:${due.replace(/-/g, '')}`);
    expect(body).not.toContain('Nhiệm vụ lịch iCal của KHTC');
  });

  it('lists disclosures to publish by their day for the Office, not for staff', async () => {
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await t.db.withTenant({ tenantId: t.demoTenantId }, async (tx) => {
      const [item] = await tx.select().from(disclosureItems).limit(1);
      const { id: _id, ...rest } = item!;
      await tx.insert(disclosureItems).values({ ...rest, title: 'Quyết định công khai trong lịch iCal', status: 'draft', publishBy: due });
    });
    const feed = async (s: Session) => {
      const url = (await t.call(s, { method: 'POST', url: '/api/me/calendar-feed' })).json().url as string;
      return (await t.call(null, { method: 'GET', url: `/api/calendar.ics?token=${encodeURIComponent(tokenOf(url))}` })).body.replace(
        /\r\n[ \t]/g,
        '',
      );
    };
    const office = await feed(await t.login('vanphong'));
    expect(office).toContain('SUMMARY:Hạn công khai: Quyết định công khai trong lịch iCal');
    expect(office).toContain(`DTSTART;VALUE=DATE:${due.replace(/-/g, '')}`);
    expect(await feed(staff)).not.toContain('Quyết định công khai trong lịch iCal');
  });

  it('a new link replaces the old one; revoking ends it; a wrong or malformed token gets 404', async () => {
    const first = tokenOf((await t.call(staff, { method: 'POST', url: '/api/me/calendar-feed' })).json().url);
    const second = tokenOf((await t.call(staff, { method: 'POST', url: '/api/me/calendar-feed' })).json().url);
    expect((await t.call(null, { method: 'GET', url: `/api/calendar.ics?token=${encodeURIComponent(first)}` })).statusCode).toBe(404);
    expect((await t.call(null, { method: 'GET', url: `/api/calendar.ics?token=${encodeURIComponent(second)}` })).statusCode).toBe(200);
    expect((await t.call(staff, { method: 'DELETE', url: '/api/me/calendar-feed' })).statusCode).toBe(200);
    expect((await t.call(null, { method: 'GET', url: `/api/calendar.ics?token=${encodeURIComponent(second)}` })).statusCode).toBe(404);
    expect((await t.call(null, { method: 'GET', url: '/api/calendar.ics?token=nonsense' })).statusCode).toBe(404);
    expect((await t.call(null, { method: 'GET', url: `/api/calendar.ics?token=${'0'.repeat(32)}.${'A'.repeat(43)}` })).statusCode).toBe(
      404,
    );
    expect((await t.call(null, { method: 'POST', url: '/api/me/calendar-feed' })).statusCode).toBe(401);
  });
});
