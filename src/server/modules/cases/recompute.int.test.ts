/**
 * A change of the days off at scale (issue #17): the open cases' deadlines are recomputed in the
 * background, in batches of short transactions, with progress on the calendar page; every move is
 * a case event and an audit entry, the audit chain stays whole, and the agency's other writes — a
 * log-in, a new case — go through while the run is under way instead of waiting for its end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { rowsOf } from '../../platform/db';
import { verifyAuditChain } from '../../platform/audit';
import { todayInVietnam } from '../../platform/clock';
import { RECOMPUTE_BATCH, refreshAllOpen } from './commands/refresh-deadlines';

const CASES = 3000;

let t: TestApp;
let office: Session;

type Run = { status: string; total: number; processed: number; moved: number; error: string | null };

async function run(): Promise<Run | null> {
  const res = await t.call(office, { method: 'GET', url: '/api/calendar/recompute' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().recompute;
}

const count = async (q: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await t.db.owner.execute(q))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  // Open petitions received Monday 04/03/2030 to Friday 08/03/2030 (DON-PROCESS: 10 working days,
  // Circular 05/2021/TT-TTCP), their deadlines stored as the app computes them.
  await t.db.owner.execute(sql`
    insert into cases (tenant_id, code, kind, channel, received_on, subject, content)
    select ${t.demoTenantId}::uuid, 'KN-2030-R' || lpad(i::text, 6, '0'), 'petition', 'letter',
      date '2030-03-04' + (i % 5), 'Kiến nghị thử tính lại số ' || i, 'Nội dung ' || i
    from generate_series(1, ${CASES}) i`);
  await t.system(todayInVietnam(), (ctx) => refreshAllOpen(ctx));
}, 600_000);
afterAll(async () => t?.close());

describe('a change of the days off', () => {
  it('recomputes thousands of open cases in background batches while the agency keeps working', async () => {
    const open = await count(sql`select count(*)::int as n from case_deadlines where rule_id = 'DON-PROCESS' and due >= '2030-03-12'`);
    expect(open).toBeGreaterThanOrEqual(CASES);
    const seqBefore = await count(sql`select coalesce(max(seq), 0)::int as n from audit_log where tenant_id = ${t.demoTenantId}`);

    // Tuesday 12/03/2030 becomes a day off; the year applies once confirmed.
    const add = await t.call(office, {
      method: 'POST',
      url: '/api/calendar/2030/entries',
      payload: { date: '2030-03-12', kind: 'holiday', name: 'Nghỉ thử nghiệm', basis: 'Thông báo mẫu' },
    });
    expect(add.statusCode, add.body).toBe(200);
    await t.app.jobs.idle();
    const started = Date.now();
    const conf = await t.call(office, { method: 'POST', url: '/api/calendar/2030/confirm', payload: { basis: 'Thông báo mẫu' } });
    expect(conf.statusCode, conf.body).toBe(200);
    // The request answered before the cases were done: it only queued the run.
    const first = await run();
    expect(first?.status, JSON.stringify(first)).toMatch(/^(queued|running)$/);

    // While it runs: log in and receive cases, one after another, until it ends.
    const writes: { ms: number; during: boolean }[] = [];
    for (;;) {
      const r = await run();
      if (r!.status === 'done') break;
      expect(r!.status).toBe('running');
      const at = Date.now();
      // Log-ins are rate-limited (20 a minute): the first ten rounds only.
      if (writes.length < 10) expect(await t.login('canbo')).toBeTruthy();
      const c = await t.call(office, {
        method: 'POST',
        url: '/api/cases',
        payload: {
          kind: 'feedback',
          channel: 'hotline',
          receivedOn: '2026-12-01',
          subject: 'Phản ánh trong lúc tính lại',
          content: 'Phản ánh gửi khi lịch đang được tính lại',
          parties: [],
        },
      });
      expect(c.statusCode, c.body).toBe(200);
      writes.push({ ms: Date.now() - at, during: (await run())!.status === 'running' });
    }
    const took = Date.now() - started;
    await t.app.jobs.idle();

    const done = (await run())!;
    expect(done).toMatchObject({ status: 'done', error: null });
    expect(done.total).toBeGreaterThanOrEqual(CASES);
    expect(done.processed).toBe(done.total);
    // Every case received before the new day off moves by one working day.
    expect(done.moved).toBeGreaterThanOrEqual(CASES);
    expect(
      await count(sql`select count(*)::int as n from case_events where type = 'deadline_recomputed' and "on" = ${todayInVietnam()}`),
    ).toBe(done.moved);
    const moved = rowsOf<{ summary: string }>(
      await t.db.owner.execute(sql`
        select e.summary from case_events e join cases c on c.id = e.case_id
         where c.code = 'KN-2030-R000005' and e.type = 'deadline_recomputed'`),
    );
    expect(moved).toHaveLength(1);
    expect(moved[0]!.summary).toMatch(/DON-PROCESS: \d\d\/03\/2030 → \d\d\/03\/2030/);

    // Audited in the same chain, which verifies end to end.
    const audit = rowsOf<{ action: string; seq: number }>(
      await t.db.owner.execute(sql`
        select action, seq::int as seq from audit_log where tenant_id = ${t.demoTenantId} and seq > ${seqBefore} order by seq`),
    );
    const recomputed = audit.filter((a) => a.action === 'case.deadline_recompute');
    expect(recomputed.length).toBe(done.moved);
    expect((await verifyAuditChain(t.db.owner, t.demoTenantId)).ok).toBe(true);

    // The log-ins and new cases went in between the batches: their audit rows sit among the
    // recomputation's, not all after it; and each took a fraction of the run.
    expect(writes.length).toBeGreaterThanOrEqual(1);
    const logins = audit.filter((a) => a.action === 'auth.login').map((a) => a.seq);
    const last = recomputed.at(-1)!.seq;
    expect(logins.some((seq) => seq < last)).toBe(true);
    expect(writes.some((w) => w.during)).toBe(true);
    for (const w of writes) expect(w.ms).toBeLessThan(took);
    expect(Math.ceil(done.total / RECOMPUTE_BATCH)).toBeGreaterThan(1);
  }, 600_000);
});
