/**
 * Kept answers of the aggregate pages (response-cache.ts, issue #17): a second ask between two
 * changes is answered from memory with the same bytes and only the session's statement; any change
 * of the agency's data, through a request, a job or the command line alike (they all write in
 * `withTenant`), makes the next ask compute again; a person never gets another's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from './db';
import { createTestApp, type Session, type TestApp } from '../test/harness';
import { factories, type Factories } from '../test/factories';

let t: TestApp;
let f: Factories;
let office: Session;
let head: Session;
const year = () => Number(f.today.slice(0, 4));

beforeAll(async () => {
  t = await createTestApp({ config: { RESPONSE_CACHE_MB: '16' } });
  f = factories(t);
  office = await t.login('vanphong');
  head = await t.login('truongphong');
});
afterAll(async () => {
  await t?.close();
});

const get = (s: Session, url: string, headers: Record<string, string> = {}) => t.call(s, { method: 'GET', url, headers });

async function version(): Promise<number | null> {
  const [r] = rowsOf<{ version: string | null }>(
    await t.db.owner.execute(sql`select version from data_versions where tenant_id = ${t.demoTenantId}`),
  );
  return r?.version == null ? null : Number(r.version);
}

const received = (body: { byKind: { kind: string; count: number }[] }) => body.byKind.reduce((n, k) => n + k.count, 0);

describe('kept answers', () => {
  it('answers a second ask from memory: the same bytes, the session statement alone', async () => {
    const url = '/api/dashboard';
    const first = await get(office, url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-danchu-cache']).toBe('miss');
    let second: Awaited<ReturnType<typeof get>> | undefined;
    const statements = await t.statements(async () => {
      second = await get(office, url);
    });
    expect(second!.headers['x-danchu-cache']).toBe('hit');
    expect(second!.headers['content-type']).toBe(first.headers['content-type']);
    expect(second!.body).toBe(first.body);
    // The session, its person, their roles and the agency's data version: one statement, no transaction.
    expect(statements.map((s) => s.sql.replace(/\s+/g, ' ').slice(0, 60))).toHaveLength(1);
    expect(statements[0]!.sql).toMatch(/from sessions s/);
  });

  it('computes again after a change of the agency, and shows it', async () => {
    const url = `/api/cases/stats?year=${year()}`;
    // The first ask may recount the months changed since their last count and store them: a
    // change of the agency, so the second computes again; the third is kept.
    await get(office, url);
    const before = await get(office, url);
    expect((await get(office, url)).headers['x-danchu-cache']).toBe('hit');
    expect((await get(office, url)).body).toBe(before.body);
    const v0 = await version();
    await f.caseOf('petition');
    expect(await version()).not.toBe(v0);
    const after = await get(office, url);
    expect(after.headers['x-danchu-cache']).toBe('miss');
    expect(received(after.json())).toBe(received(before.json()) + 1);
  });

  it('computes again after a change made through the API', async () => {
    const url = `/api/reception/sessions?year=${year()}`;
    const before = (await get(office, url)).json() as { sessions: unknown[] };
    expect((await get(office, url)).headers['x-danchu-cache']).toBe('hit');
    const { officer } = await f.office();
    const res = await t.call(office, {
      method: 'POST',
      url: '/api/reception/sessions',
      payload: {
        date: f.today,
        startTime: '14:00',
        endTime: '16:00',
        hostKind: 'officer',
        hostId: officer.id,
        mode: 'in_person',
        place: 'Phòng tiếp công dân số 2',
        adhoc: false,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await get(office, url);
    expect(after.headers['x-danchu-cache']).toBe('miss');
    expect((after.json() as { sessions: unknown[] }).sessions.length).toBe(before.sessions.length + 1);
  });

  it('computes a page once when many ask for it at the same time after a change', async () => {
    const url = '/api/dashboard';
    await f.caseOf('feedback');
    const one = await t.statements(() => get(office, url));
    await f.caseOf('feedback');
    const answers: Awaited<ReturnType<typeof get>>[] = [];
    const many = await t.statements(async () => {
      answers.push(...(await Promise.all(Array.from({ length: 8 }, () => get(office, url)))));
    });
    // Eight session statements, and the page's own statements once.
    expect(many.length).toBe(one.length + 7);
    expect(answers.filter((a) => a.headers['x-danchu-cache'] === 'hit')).toHaveLength(7);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
  });

  it("keeps each person's answer apart, and each language's", async () => {
    const url = '/api/cases/oversight';
    const mine = await get(office, url);
    expect((await get(office, url)).headers['x-danchu-cache']).toBe('hit');
    const theirs = await get(head, url);
    expect(theirs.headers['x-danchu-cache']).toBe('miss');
    expect(theirs.statusCode).toBe(200);
    expect(mine.statusCode).toBe(200);
    expect((await get(office, url, { 'x-locale': 'en' })).headers['x-danchu-cache']).toBe('miss');
  });

  it('leaves the version when nothing was written: reads, a read-write GET that writes nothing', async () => {
    const { plan } = await f.plan();
    const v0 = await version();
    expect((await get(office, '/api/cases?limit=5&offset=0')).statusCode).toBe(200);
    expect((await get(office, `/api/plans/${plan.id}/rollup`)).statusCode).toBe(200);
    expect((await get(office, `/api/plans/${plan.id}/cascade`)).statusCode).toBe(200);
    expect(await version()).toBe(v0);
    expect((await get(office, `/api/plans/${plan.id}/rollup`)).headers['x-danchu-cache']).toBe('hit');
  });

  it('keeps no refusal: an answer other than 200 is asked again', async () => {
    const url = '/api/plans/00000000-0000-4000-8000-000000000000/rollup';
    expect((await get(office, url)).statusCode).toBe(404);
    const again = await get(office, url);
    expect(again.statusCode).toBe(404);
    expect(again.headers['x-danchu-cache']).toBe('miss');
  });

  it('gives nothing to a request without a session', async () => {
    const res = await t.call(null, { method: 'GET', url: '/api/dashboard' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['x-danchu-cache']).toBeUndefined();
  });
});

describe('kept answers turned off', () => {
  it('RESPONSE_CACHE_MB=0 keeps nothing', async () => {
    const off = await createTestApp();
    try {
      const s = await off.login('vanphong');
      for (let i = 0; i < 2; i++) {
        const res = await off.call(s, { method: 'GET', url: '/api/dashboard' });
        expect(res.statusCode).toBe(200);
        expect(res.headers['x-danchu-cache']).toBeUndefined();
      }
      expect(off.app.responseCache.stats().kept).toBe(0);
    } finally {
      await off.close();
    }
  });
});
