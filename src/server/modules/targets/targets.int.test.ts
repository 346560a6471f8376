/**
 * Pillar targets as data (issue #13): every module's declared target with its default; the Office
 * sets a year's value (audited, 400 naming the field, 409 on a stale write), and the dashboard's
 * cards judge against it; other years keep the default.
 */
import { desc, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPillarBoard } from '../../../contracts/platform';
import type { TPillarTarget } from '../../../contracts/targets';
import { todayInVietnam } from '../../platform/clock';
import { auditLog } from '../../platform/tables';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Session;
let leader: Session;
const year = Number(todayInVietnam().slice(0, 4));

const list = async (s: Session, y = year) =>
  (await t.call(s, { method: 'GET', url: `/api/pillar-targets?year=${y}` })).json() as TPillarTarget[];
const put = (s: Session, body: object) => t.call(s, { method: 'PUT', url: '/api/pillar-targets', payload: body });
const card = async (key: string) =>
  ((await t.call(leader, { method: 'GET', url: '/api/dashboard/pillars' })).json() as TPillarBoard).cards.find((c) => c.key === key)!;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  leader = await t.login('lanhdao');
});
afterAll(async () => t?.close());

describe('pillar targets', () => {
  it('lists what the modules declare, with defaults, to those who read the dashboard', async () => {
    const l = await list(leader);
    expect(l.map((x) => [x.key, x.value, x.set])).toEqual(
      expect.arrayContaining([
        ['plans.tasks_done', 90, false],
        ['reports.on_time', 90, false],
        ['disclosures.on_time', 90, false],
        ['surveys.sipas', 80, false],
      ]),
    );
    expect((await card('reports.on_time')).how.vi).toContain('chỉ tiêu 90%');
    expect((await t.call(await t.login('canbo'), { method: 'GET', url: `/api/pillar-targets?year=${year}` })).statusCode).toBe(403);
    expect((await t.call(leader, { method: 'GET', url: '/api/pillar-targets?year=20' })).json().error.fields[0].field).toBe('year');
  });

  it('the Office sets a year; the cards judge against it; audited; bad input named; stale refused', async () => {
    const sipas = await card('surveys.sipas');
    expect(sipas.value).not.toBeNull();
    // A bar far above the demo's index: behind; far below: on track.
    expect((await put(office, { year, key: 'surveys.sipas', value: 99.5, version: 0 })).statusCode).toBe(200);
    let c = await card('surveys.sipas');
    expect(c.tone).toBe('behind');
    expect(c.how.vi).toContain(`chỉ tiêu năm ${year}: 99,5%`);
    const set = (await list(office)).find((x) => x.key === 'surveys.sipas')!;
    expect(set).toMatchObject({ value: 99.5, set: true, version: 1, default: 80 });
    expect((await list(office, year - 1)).find((x) => x.key === 'surveys.sipas')).toMatchObject({ value: 80, set: false });

    expect((await put(office, { year, key: 'surveys.sipas', value: 40, version: 0 })).statusCode).toBe(409);
    expect((await put(office, { year, key: 'surveys.sipas', value: 40, version: 1 })).statusCode).toBe(200);
    c = await card('surveys.sipas');
    expect(c.tone).toBe('ok');

    const bad = await put(office, { year, key: 'reports.on_time', value: 120, version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('value');
    expect((await put(office, { year, key: 'khong.co', value: 1, version: 0 })).json().error.fields[0].field).toBe('key');
    expect((await put(leader, { year, key: 'reports.on_time', value: 80, version: 0 })).statusCode).toBe(403);

    expect((await put(office, { year, key: 'reports.on_time', value: 75, version: 0 })).statusCode).toBe(200);
    expect((await card('reports.on_time')).how.vi).toContain('chỉ tiêu 75%');

    // Back to the default.
    expect((await put(office, { year, key: 'surveys.sipas', value: null, version: 2 })).statusCode).toBe(200);
    expect((await list(office)).find((x) => x.key === 'surveys.sipas')).toMatchObject({ value: 80, set: false, version: 0 });

    const audit = await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) =>
      tx.select().from(auditLog).where(like(auditLog.action, 'pillar_target.%')).orderBy(desc(auditLog.seq)),
    );
    expect(audit.map((a) => a.action)).toEqual(['pillar_target.reset', 'pillar_target.set', 'pillar_target.set', 'pillar_target.set']);
    expect(audit[1]!.summary).toContain('75');
    expect(audit[1]!.entityId).toBe(`reports.on_time/${year}`);
  });
});
