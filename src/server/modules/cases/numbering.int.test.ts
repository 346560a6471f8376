/**
 * Register numbers from a counter (issue #17): one `UPDATE … RETURNING` on the register's row, not
 * a scan of every code of the agency; intakes at once draw distinct, consecutive numbers; codes
 * given before the counter existed (the demo, a bulk load) continue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { rowsOf } from '../../platform/db';
import { syncCaseCounters } from '.';

let t: TestApp;
let office: Session;

async function receive(payload: Record<string, unknown>): Promise<{ id: string; code: string }> {
  const res = await t.call(office, {
    method: 'POST',
    url: '/api/cases',
    payload: { kind: 'petition', channel: 'letter', content: 'Nội dung đơn', subject: 'Đơn thử nghiệm', parties: [], ...payload },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Cases written straight into the table, as a bulk load does: no counter moves. */
async function insertCodes(codes: string[]) {
  for (const code of codes)
    await t.db.owner.execute(sql`
      insert into cases (tenant_id, code, kind, channel, received_on, subject, content)
      values (${t.demoTenantId}, ${code}, 'petition', 'letter', '2023-05-02', 'Đơn nạp sẵn', 'Nội dung')`);
}

const number = (code: string) => Number(code.split('-').at(-1));

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
});
afterAll(async () => t?.close());

describe('case numbers', () => {
  it('continue after the codes already given, then count on without reading them', async () => {
    // A register with codes but no counter yet (an agency upgraded from the scan, an import).
    await insertCodes(['KNG-2023-0007', 'KNG-2023-0012', 'KNG-2023-0003']);
    const first = await receive({ receivedOn: '2023-06-01' });
    expect(first.code).toBe('KNG-2023-0013');
    // Other kinds and years are registers of their own.
    expect((await receive({ kind: 'feedback', receivedOn: '2023-06-01' })).code).toMatch(/^PA-2023-\d{4}$/);
    const logged = await t.statements(async () => {
      expect((await receive({ receivedOn: '2023-06-02' })).code).toBe('KNG-2023-0014');
    });
    const numbering = logged.filter((l) => /case_counters|from cases where code like/i.test(l.sql));
    expect(numbering.map((l) => l.sql.trim().slice(0, 40))).toEqual(['update case_counters set last = last + 1']);
  });

  it('demo registers continue where the demo left them', async () => {
    const [demo] = rowsOf<{ n: number }>(
      await t.db.owner.execute(
        sql`select max(substring(code from 10)::int)::int as n from cases where tenant_id = ${t.demoTenantId} and code like 'KNG-2026-%'`,
      ),
    );
    expect(demo!.n).toBeGreaterThan(0);
    expect((await receive({ receivedOn: '2026-10-01' })).code).toBe(`KNG-2026-${String(demo!.n + 1).padStart(4, '0')}`);
  });

  it('a bulk load brings the counters up with syncCaseCounters', async () => {
    await receive({ receivedOn: '2024-03-01' });
    await insertCodes(['KNG-2024-0500']);
    await syncCaseCounters(t.db.owner);
    expect((await receive({ receivedOn: '2024-03-04' })).code).toBe('KNG-2024-0501');
    // A counter already ahead stays ahead.
    await syncCaseCounters(t.db.owner);
    expect((await receive({ receivedOn: '2024-03-04' })).code).toBe('KNG-2024-0502');
  });

  it('intakes at once draw distinct, consecutive numbers', async () => {
    // The first intakes of a register race to create its counter; later ones race on its row.
    for (const year of [2022, 2022]) {
      const got = await Promise.all(
        Array.from({ length: 12 }, (_, i) => receive({ receivedOn: `${year}-04-${String(i + 1).padStart(2, '0')}` })),
      );
      const numbers = got.map((c) => number(c.code)).sort((a, b) => a - b);
      expect(new Set(numbers).size).toBe(12);
      expect(numbers.at(-1)! - numbers[0]!).toBe(11);
    }
    const [row] = rowsOf<{ n: number; top: number; last: number }>(
      await t.db.owner.execute(sql`
        select count(*)::int as n, max(substring(code from 10)::int)::int as top,
          (select last from case_counters where tenant_id = ${t.demoTenantId} and prefix = 'KNG-2022-') as last
        from cases where tenant_id = ${t.demoTenantId} and code like 'KNG-2022-%'`),
    );
    expect(row!.n).toBeGreaterThanOrEqual(24);
    expect(row!.last).toBe(row!.top);
  });

  it('register-book lines written at once draw distinct, consecutive line numbers', async () => {
    // Issue #16 drills: the book took max(seq_no) + 1 unlocked, so on PostgreSQL most lines written
    // at the same moment were refused by the unique index (409).
    const line = (i: number) => ({
      receivedOn: '2023-03-06',
      visitors: [{ name: `Người đến số ${i}`, address: 'Phường Nghĩa Lộ' }],
      content: `Kiến nghị số ${i} về thủ tục cấp giấy chứng nhận`,
      parts: [{ kind: 'petition', subject: `Kiến nghị số ${i}`, content: `Kiến nghị số ${i} về thủ tục` }],
    });
    for (const round of [0, 1]) {
      const got = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          t.call(office, { method: 'POST', url: '/api/reception/entries', payload: line(round * 12 + i) }),
        ),
      );
      for (const r of got) expect(r.statusCode, r.body).toBe(200);
      const numbers = got.map((r) => (r.json() as { seqNo: number }).seqNo).sort((a, b) => a - b);
      expect(new Set(numbers).size).toBe(12);
      expect(numbers.at(-1)! - numbers[0]!).toBe(11);
    }
  });
});
