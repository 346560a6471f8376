/**
 * Statistics from monthly counts (issue #17): the figures summed from `case_stat_months` are the
 * figures counted over the cases themselves (`liveStatistics`, what the page showed before), on
 * generated cases of every kind, channel, unit and state over five years — and stay so after
 * writes through the app, which mark their month to be recounted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { generateProvince } from '../../../../bench/generate';
import { rowsOf } from '../../platform/db';
import type { Actor } from '../../platform/roles';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { liveStatistics } from './queries/statistics';

let t: TestApp;
let office: Session;
let head: Session;

beforeAll(async () => {
  t = await createTestApp();
  // One agency: the demo agency holds every generated case.
  await generateProvince(t.db, { cases: 1500, tenants: 1, seed: 'stats', today: '2026-12-06' });
  office = await t.login('vanphong');
  head = await t.login('truongphong');
}, 300_000);
afterAll(async () => t?.close());

/** The statistics counted over the cases, as the Office (who reads every case). */
async function live(year: number) {
  const [u] = rowsOf<{ id: string }>(
    await t.db.owner.execute(sql`select id from users where tenant_id = ${t.demoTenantId} and username = 'vanphong'`),
  );
  const actor = { userId: u!.id, roles: [{ role: 'office', unitId: null }] } as unknown as Actor;
  return t.system('2026-12-07', (ctx) => liveStatistics({ ...ctx, actor }, year));
}

async function page(s: Session, year: number) {
  const res = await t.call(s, { method: 'GET', url: `/api/cases/stats?year=${year}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('statistics from monthly counts', () => {
  it('give the figures counted over the cases, every year', async () => {
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026]) {
      const fromCounts = await page(office, year);
      expect(fromCounts, String(year)).toEqual(await live(year));
      if (year >= 2022) expect(fromCounts.indicators.received, String(year)).toBeGreaterThan(100);
    }
    // Every month of those years is counted once, and only once.
    const [p] = rowsOf<{ n: number; stale: number }>(
      await t.db.owner.execute(
        sql`select count(*)::int as n, count(*) filter (where counted is distinct from version)::int as stale
            from case_stat_periods where tenant_id = ${t.demoTenantId}`,
      ),
    );
    expect(p).toEqual({ n: 72, stale: 0 });
  });

  it('a second read counts nothing again: two statements over the counts', async () => {
    const logged = await t.statements(() => page(office, 2025));
    expect(logged.filter((l) => /from cases\b/.test(l.sql))).toHaveLength(0);
    expect(logged.filter((l) => /case_stat_/.test(l.sql))).toHaveLength(2);
  });

  it('follow the cases written through the app: the month is recounted, the others are not', async () => {
    const before = await page(office, 2026);
    const res = await t.call(office, {
      method: 'POST',
      url: '/api/cases',
      payload: {
        kind: 'petition',
        channel: 'letter',
        receivedOn: '2026-12-01',
        subject: 'Kiến nghị về việc thu hồi đất',
        content: 'Đề nghị xem xét lại.',
        parties: [],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const logged = await t.statements(() => page(office, 2026));
    const recount = logged.find((l) => /insert into case_stat_months/.test(l.sql));
    expect(recount!.params.join(' ')).toMatch(/\{2026-12-01\}/);
    const after = await page(office, 2026);
    expect(after.indicators.received).toBe(before.indicators.received + 1);
    expect(after).toEqual(await live(2026));
    // An action on an old case (accepted) moves its own month's figures.
    const [old] = rowsOf<{ id: string; version: number; received_on: string }>(
      await t.db.owner.execute(
        sql`select id, version, received_on::text from cases where tenant_id = ${t.demoTenantId} and status = 'received'
              and kind = 'petition' order by received_on desc limit 1`,
      ),
    );
    const year = Number(old!.received_on.slice(0, 4));
    const acted = await t.call(office, {
      method: 'POST',
      url: `/api/cases/${old!.id}/actions`,
      payload: { action: 'accept', version: old!.version, on: '2026-12-07' },
    });
    if (acted.statusCode === 200) {
      const s = await page(office, year);
      expect(s).toEqual(await live(year));
    }
  });

  it('a unit head, who reads only some cases, gets them counted over those cases', async () => {
    const s = await page(head, 2025);
    const all = await page(office, 2025);
    expect(s.indicators.received).toBeLessThan(all.indicators.received);
  });
});
