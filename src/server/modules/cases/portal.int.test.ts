import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveChallengeSync } from '../../platform/challenge';
import { createTestApp, type TestApp } from '../../test/harness';
import { DEMO_TENANT } from '../../seed/demo-org';

let t: TestApp;
const A = `/api/public/${DEMO_TENANT.code}`;
beforeAll(async () => {
  // A low difficulty keeps the tests fast; the logic is the same.
  t = await createTestApp({ config: { DANCHU_PORTAL_DIFFICULTY: '8' } });
});
afterAll(async () => t?.close());

let n = 0;
const key = () => `portal-test-key-${Date.now()}-${n++}`.replace(/[^A-Za-z0-9_-]/g, '');

async function solved(agencyPath = A) {
  const res = await t.app.inject({ method: 'GET', url: `${agencyPath}/challenge` });
  expect(res.statusCode).toBe(200);
  return solveChallengeSync(res.json());
}

/** Each test posts from its own address, so the per-client submission limit does not carry over. */
let ip = '198.51.100.1';
const submit = (payload: object, headers?: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `${A}/cases`, remoteAddress: ip, payload, ...(headers ? { headers } : {}) });

const feedback = { kind: 'feedback', subject: 'Đèn đường hỏng', content: 'Đèn đường trước số 12 hỏng đã hai tuần.', identity: null };

describe('public citizen portal', () => {
  it('lists agencies and answers without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/agencies' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(expect.arrayContaining([expect.objectContaining({ code: DEMO_TENANT.code })]));
    expect((await t.app.inject({ method: 'GET', url: '/api/public/no-such-agency/challenge' })).statusCode).toBe(404);
  });

  it('files a submission, returns the same code on a retry of the same form, and refuses a spent challenge', async () => {
    ip = '198.51.100.2';
    const challenge = await solved();
    const idempotencyKey = key();
    const first = await submit({ ...feedback, idempotencyKey, challenge });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().duplicate).toBe(false);
    const code = first.json().trackingCode as string;
    expect(code).toMatch(/^[A-Z0-9-]{8,40}$/);
    // The response was lost; the browser sends the same form again with the same challenge.
    const again = await submit({ ...feedback, idempotencyKey, challenge });
    expect(again.json()).toEqual({ trackingCode: code, duplicate: true });
    // … or with a fresh one.
    const fresh = await submit({ ...feedback, idempotencyKey, challenge: await solved() });
    expect(fresh.json()).toEqual({ trackingCode: code, duplicate: true });
    // Another form may not reuse the spent challenge.
    const replay = await submit({ ...feedback, idempotencyKey: key(), challenge });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.code).toBe('PORTAL_CHALLENGE_INVALID');
    expect(replay.json().error.fields[0].field).toBe('challenge');

    const status = await t.app.inject({ method: 'GET', url: `${A}/cases/${code.toLowerCase()}` });
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toMatchObject({ trackingCode: code, kind: 'feedback', status: 'received' });
    // As a citizen types it back: lower case, spaces instead of hyphens (issue #14 point 6).
    const typed = ` ${code.toLowerCase().replaceAll('-', ' ')} `;
    const loose = await t.app.inject({ method: 'GET', url: `${A}/cases/${encodeURIComponent(typed)}` });
    expect(loose.statusCode, loose.body).toBe(200);
    expect(loose.json().trackingCode).toBe(code);
  });

  it('refuses a wrong solution, a honeypot and a complaint or denunciation without a name', async () => {
    ip = '198.51.100.3';
    const c = await solved();
    const wrong = await submit({
      ...feedback,
      idempotencyKey: key(),
      challenge: { ...c, nonce: String(Number(c.nonce) + 1), signature: c.signature.replace(/^./, (x) => (x === 'a' ? 'b' : 'a')) },
    });
    expect(wrong.json().error.code).toBe('PORTAL_CHALLENGE_INVALID');
    const bot = await submit({ ...feedback, idempotencyKey: key(), challenge: await solved(), website: 'http://spam.example' });
    expect(bot.statusCode).toBe(400);
    expect(bot.json().error.code).toBe('PORTAL_REJECTED');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `${A}/cases`,
      payload: { ...feedback, kind: 'denunciation', identity: { name: '', phone: null }, idempotencyKey: key(), challenge: await solved() },
    });
    expect(anonymous.statusCode).toBe(400);
    expect(anonymous.json().error.fields[0].field).toBe('identity.name');
    expect(anonymous.json().error.fields[0].vi).toMatch(/Điều 25/);
    const complaint = await submit({ ...feedback, kind: 'complaint', idempotencyKey: key(), challenge: await solved() });
    expect(complaint.json().error.fields[0].field).toBe('identity.name');
    const named = await t.app.inject({
      method: 'POST',
      url: `${A}/cases`,
      payload: {
        ...feedback,
        kind: 'denunciation',
        identity: { name: 'Nguyễn Văn A', address: 'Quảng Ngãi', phone: '0900000000' },
        idempotencyKey: key(),
        challenge: await solved(),
      },
    });
    expect(named.statusCode, named.body).toBe(200);
  });

  it('looks codes up without saying whether they exist elsewhere, and checks their form', async () => {
    const missing = await t.app.inject({ method: 'GET', url: `${A}/cases/PA-0000-0000-0000` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('PORTAL_CASE_NOT_FOUND');
    const bad = await t.app.inject({ method: 'GET', url: `${A}/cases/${encodeURIComponent('x;drop')}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('code');
  });

  it('publishes the reception schedule without internal fields', async () => {
    const office = await t.login('vanphong');
    const hosts = (await t.call(office, { method: 'GET', url: '/api/reception/hosts' })).json() as {
      id: string;
      name: string;
      kind: 'head' | 'deputy' | 'officer';
    }[];
    const host = hosts[0]!;
    const date = new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10);
    const created = await t.call(office, {
      method: 'POST',
      url: '/api/reception/sessions',
      payload: { date, hostKind: host.kind, hostId: host.id, place: 'Phòng tiếp công dân, tầng 1' },
    });
    expect(created.statusCode, created.body).toBe(200);
    const before = (await t.app.inject({ method: 'GET', url: `${A}/reception-schedule` })).json() as { date: string }[];
    expect(before.some((s) => s.date === date)).toBe(false); // planned, not yet published
    const published = await t.call(office, {
      method: 'POST',
      url: `/api/reception/sessions/${created.json().id}/actions`,
      payload: { action: 'publish', version: created.json().version, on: new Date().toISOString().slice(0, 10) },
    });
    expect(published.statusCode, published.body).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `${A}/reception-schedule` });
    expect(res.statusCode, res.body).toBe(200);
    const s = (res.json() as Record<string, unknown>[]).find((x) => x.date === date)!;
    expect(s).toMatchObject({ hostName: host.name, place: 'Phòng tiếp công dân, tầng 1', status: 'published' });
    for (const hidden of ['id', 'host', 'entries', 'version', 'publishBy', 'publishByExplanation']) expect(s).not.toHaveProperty(hidden);
  });

  it('refuses a cross-site post but takes a same-site one from a logged-out browser', async () => {
    ip = '198.51.100.6';
    const cross = await submit(
      { ...feedback, idempotencyKey: key(), challenge: await solved() },
      { origin: 'https://evil.example', host: 'danchu.local' },
    );
    expect(cross.statusCode).toBe(403);
    const same = await submit(
      { ...feedback, idempotencyKey: key(), challenge: await solved() },
      { origin: 'http://danchu.local', host: 'danchu.local' },
    );
    expect(same.statusCode, same.body).toBe(200);
  });

  it('rate-limits submissions per client', async () => {
    let limited = false;
    for (let i = 0; i < 12 && !limited; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `${A}/cases`,
        remoteAddress: '203.0.113.7',
        payload: { ...feedback, idempotencyKey: key(), challenge: await solved() },
      });
      if (res.statusCode === 429) {
        limited = true;
        expect(res.json().error.code).toBe('RATE_LIMITED');
      }
    }
    expect(limited).toBe(true);
  });
});
