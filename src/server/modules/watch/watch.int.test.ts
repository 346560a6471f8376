/**
 * The grievance watch over HTTP (issue #13, seed plan II.4): topics and hot spots from cases, the
 * forecast with its back-test on the demo's history, the Office's calendar of sensitive periods —
 * and no identity: a denouncer's name, phone and address written into the case never come out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TWatch, TWatchEvent } from '../../../contracts/watch';
import { foldVietnamese } from '../../../domain';
import { todayInVietnam } from '../../platform/clock';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Session;
let leader: Session;
const today = todayInVietnam();
const DENOUNCER = { name: 'Nguyễn Văn Tốcáo Bảomật', address: 'Số 99 đường Bíẩn Kínđáo, xã Tịnh Khê', phone: '0909123456' };

const watch = async (s: Session) => (await t.call(s, { method: 'GET', url: '/api/watch' })).json() as TWatch;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  leader = await t.login('lanhdao');
});
afterAll(async () => t?.close());

describe('GET /api/watch', () => {
  it('is for those who answer for grievances', async () => {
    expect((await t.call(null, { method: 'GET', url: '/api/watch' })).statusCode).toBe(401);
    expect((await t.call(await t.login('canbo'), { method: 'GET', url: '/api/watch' })).statusCode).toBe(403);
    expect((await t.call(leader, { method: 'GET', url: '/api/watch' })).statusCode).toBe(200);
  });

  it('forecasts from the entered history and the recorded cases, and shows its back-test', async () => {
    const w = await watch(leader);
    expect(w.series[0]).toMatchObject({ month: '2021-01', source: 'entered' });
    expect(w.series.some((s) => s.source === 'recorded')).toBe(true);
    // Consecutive months up to the last complete one.
    expect(w.series.at(-1)!.month < today.slice(0, 7)).toBe(true);
    expect(w.backtest.rows).toHaveLength(12);
    expect(w.backtest.mape).not.toBeNull();
    expect(w.backtest.rows.map((r) => r.month)).toEqual(w.series.slice(-12).map((s) => s.month));
    expect(w.forecast).toHaveLength(6);
    expect(w.forecast[0]!.month > w.series.at(-1)!.month).toBe(true);
    for (const f of w.forecast) expect(f.low <= f.expected && f.expected <= f.high).toBe(true);
    // The calendar: the 2021 election months are marked, and the election's learnt uplift is above 1.
    expect(w.series.find((s) => s.month === '2021-04')!.events).toContain('election');
    expect(w.uplift.find((u) => u.kind === 'election')!.factor).toBeGreaterThan(1);
    expect(w.topics.length).toBeGreaterThan(3);
    expect(w.places.map((p) => p.place)).toContain('xã Sơn Tây');
  });

  it('finds a hot spot and never lets a protected identity out', async () => {
    const before = await watch(office);
    const topic = (w: TWatch) => w.topics.find((x) => x.code === 'land')?.count ?? 0;
    for (let i = 0; i < 3; i++) {
      const r = await t.call(office, {
        method: 'POST',
        url: '/api/cases',
        payload: {
          kind: 'denunciation',
          channel: 'letter',
          receivedOn: today,
          subject: `Tố cáo sai phạm khi thu hồi đất, bồi thường giải phóng mặt bằng (${i + 1})`,
          content: `Ông ${DENOUNCER.name}, điện thoại ${DENOUNCER.phone}, ở ${DENOUNCER.address}, tố cáo việc bồi thường thu hồi đất không đúng quy định.`,
          parties: [{ role: 'denouncer', identity: DENOUNCER }],
        },
      });
      expect(r.statusCode).toBe(200);
    }
    const after = await watch(office);
    expect(topic(after)).toBe(topic(before) + 3);
    const hot = after.hotspots.find((h) => h.topic === 'land' && h.month === today.slice(0, 7));
    expect(hot).toMatchObject({ hot: true });
    expect(hot!.count).toBeGreaterThanOrEqual(3);
    // Nothing that names the denouncer, in any spelling.
    for (const w of [after, await watch(leader)]) {
      const out = foldVietnamese(JSON.stringify(w));
      for (const secret of ['tocao', 'baomat', '0909123456', 'bian', 'kindao', '99 duong']) expect(out, secret).not.toContain(secret);
    }
  });
});

describe('the calendar of sensitive periods', () => {
  it('is kept by the Office, audited, with 400 naming the field and 409 on a stale write', async () => {
    const bad = await t.call(office, {
      method: 'POST',
      url: '/api/watch/events',
      payload: { kind: 'land', title: 'Thu hồi đất mở rộng đường', startsOn: '2027-05-01', endsOn: '2027-04-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('endsOn');
    const payload = { kind: 'land', title: 'Thu hồi đất mở rộng Quốc lộ 24', startsOn: '2027-04-01', endsOn: '2027-05-31' };
    expect((await t.call(leader, { method: 'POST', url: '/api/watch/events', payload })).statusCode).toBe(403);
    const made = await t.call(office, { method: 'POST', url: '/api/watch/events', payload });
    expect(made.statusCode).toBe(200);
    const id = made.json().id as string;
    const events = (await t.call(leader, { method: 'GET', url: '/api/watch/events' })).json() as TWatchEvent[];
    expect(events.find((e) => e.id === id)).toMatchObject({ kind: 'land', version: 1 });
    // The forecast knows the new period for its months.
    const w = await watch(leader);
    const april = w.forecast.find((f) => f.month === '2027-04');
    if (april) expect(april.events).toContain('land');
    const put = (version: number) =>
      t.call(office, { method: 'PUT', url: `/api/watch/events/${id}`, payload: { version, data: { ...payload, endsOn: '2027-06-30' } } });
    expect((await put(1)).statusCode).toBe(200);
    expect((await put(1)).statusCode).toBe(409);
    expect((await t.call(office, { method: 'DELETE', url: `/api/watch/events/${id}` })).statusCode).toBe(200);
    const audit = (await t.call(office, { method: 'GET', url: `/api/audit?entityId=${id}` })).json() as { rows: { action: string }[] };
    expect(audit.rows.map((a) => a.action).sort()).toEqual(['watch_event.create', 'watch_event.delete', 'watch_event.update']);
  });
});
