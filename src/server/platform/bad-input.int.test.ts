/**
 * Issue #16 point 4: a NUL byte gave 500 on 25+ routes (anonymous ones included), and the error
 * log then held the failed query's parameters — a portal denunciation's self-identifying text and
 * its tracking code. NUL and other invalid code points are a 400 naming the field; logs carry
 * neither query parameters nor request bodies nor query strings; a day beyond the calendar's
 * range is a 400.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { DEMO_PASSWORD, DEMO_TENANT } from '../seed/demo-org';
import { cloneTestDb, testConfig } from '../test/harness';
import { solveChallengeSync } from './challenge';

const lines: string[] = [];
const stream = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});
let app: Awaited<ReturnType<typeof buildApp>>;
let drop: () => Promise<void>;
let cookie = '';
let csrf = '';
const A = `/api/public/${DEMO_TENANT.code}`;
/** Words that must never reach the log. */
const SECRET = 'Tôi là Hoàng Văn Bímật ở thôn Kínđáo';

beforeAll(async () => {
  const db = await cloneTestDb();
  drop = db.drop;
  app = await buildApp({
    config: testConfig({ DANCHU_PORTAL_DIFFICULTY: '8', LOG_LEVEL: 'info' }),
    db: db.db,
    logger: { level: 'info', stream },
  });
  // A failing query as drizzle reports it: the SQL, then its parameters.
  app.get('/api/test/failing-query', { config: { public: true } }, async () => {
    const e = new Error(`Failed query: insert into cases (subject, tracking_code) values ($1, $2)\nparams: ${SECRET},TRACK-SECRET-42`);
    e.name = 'DrizzleQueryError';
    (e as Error & { cause?: unknown }).cause = Object.assign(new Error(`invalid input syntax for type uuid: "${SECRET}"`), {
      code: 'XX000',
    });
    throw e;
  });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: DEMO_PASSWORD } });
  cookie = `danchu_sid=${login.cookies.find((c) => c.name === 'danchu_sid')!.value}`;
  csrf = (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json().csrfToken;
});
afterAll(async () => {
  await app?.close();
  await drop?.();
});

const NUL = '\u0000';
const LONE = '\uD800';

describe('invalid characters get a 400 naming the field', () => {
  it.each([
    ['a NUL in the username of the log-in', NUL],
    ['a lone surrogate in the username of the log-in', LONE],
    ['a control character in the username of the log-in', '\u0007'],
  ])('%s', async (_name, bad) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `admin${bad}`, password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('username');
  });

  it('refuses a NUL in a portal submission, the agency path, and the schedule query', async () => {
    const ch = solveChallengeSync((await app.inject({ method: 'GET', url: `${A}/challenge` })).json());
    const sub = await app.inject({
      method: 'POST',
      url: `${A}/cases`,
      payload: {
        kind: 'feedback',
        subject: 'Đèn hỏng',
        content: `${SECRET}${NUL}`,
        identity: null,
        idempotencyKey: 'nul-test-1',
        challenge: ch,
      },
    });
    expect(sub.statusCode).toBe(400);
    expect(sub.json().error.fields[0].field).toBe('content');
    const path = await app.inject({ method: 'GET', url: `/api/public/${DEMO_TENANT.code}%00/challenge` });
    expect(path.statusCode).toBe(400);
    expect(path.json().error.fields[0].field).toBe('params.agency');
    const sched = await app.inject({ method: 'GET', url: `${A}/reception-schedule?from=%00` });
    expect(sched.statusCode).toBeLessThan(500);
  });

  it('names the nested field of a staff form, and the search query', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: {
        kind: 'denunciation',
        channel: 'letter',
        receivedOn: '2026-10-01',
        subject: 'Tố cáo',
        content: 'Nội dung',
        parties: [{ role: 'denouncer', identity: { name: `Người${NUL}Tố cáo` } }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('parties.0.identity.name');
    const q = await app.inject({ method: 'GET', url: '/api/cases?q=%00', headers: { cookie } });
    expect(q.statusCode).toBe(400);
    expect(q.json().error.fields[0].field).toBe('query.q');
  });

  it('refuses a day beyond the calendar (year 2200) with a 400 naming it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: {
        kind: 'complaint',
        channel: 'letter',
        receivedOn: '2026-10-01',
        knowledgeOn: '2200-01-01',
        subject: 'Khiếu nại',
        content: 'Nội dung',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('knowledgeOn');
    const year = await app.inject({ method: 'GET', url: '/api/cases/stats?year=2200', headers: { cookie } });
    expect(year.statusCode).toBe(400);
  });
});

describe('what the log may hold', () => {
  it('keeps a failed query’s parameters, request bodies and query strings out of the log', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/failing-query?who=TRACK-SECRET-42' });
    expect(res.statusCode).toBe(500);
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: SECRET, password: 'x' } });
    await app.inject({ method: 'GET', url: `/api/cases?q=${encodeURIComponent(SECRET)}`, headers: { cookie } });
    const log = lines.join('');
    expect(log).toContain('unhandled error');
    expect(log).toContain('Failed query');
    expect(log).not.toContain('Bímật');
    expect(log).not.toContain('B\\u00edm');
    expect(log).not.toContain('TRACK-SECRET-42');
    expect(log).not.toContain(encodeURIComponent('Bímật'));
  });
});
