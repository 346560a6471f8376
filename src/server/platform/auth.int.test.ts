import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, testConfig, type TestApp } from '../test/harness';
import { and, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { rowsOf } from './db';
import { passwordVerifications } from './passwords';
import { auditLog, users } from './tables';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '10' } });
});
afterAll(async () => t?.close());

describe('health and sessions', () => {
  it('reports the database kind without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: t.db.kind });
  });

  it('answers 401 in Vietnamese on every non-public route without a session', async () => {
    for (const url of [
      '/api/me',
      '/api/units',
      '/api/people',
      '/api/audit',
      '/api/calendar/2027',
      '/api/dashboard',
      '/api/search?q=a',
      '/api/notifications',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
      expect(res.json().error.vi).toMatch(/đăng nhập/);
    }
  });

  it('answers 401 before it checks the body, so a client with no session learns nothing of the schema', async () => {
    // Found by the role × route drill (drills/matrix.int.test.ts): a malformed write without a
    // session got a 400 describing the field rules of staff forms (units, people, surveys).
    for (const [url, payload] of [
      ['/api/units', { code: 'không hợp lệ', name: 'x' }],
      ['/api/people', { username: 'KHÔNG HỢP LỆ' }],
      ['/api/outgoing/settings', { issuerCode: 'x y' }],
    ] as const) {
      const res = await t.app.inject({ method: url === '/api/outgoing/settings' ? 'PUT' : 'POST', url, payload });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('logs in with an HttpOnly SameSite cookie and returns me with roles and capabilities', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: 'danchu-demo' } });
    expect(res.statusCode).toBe(200);
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(/danchu_sid=/);
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    expect(raw).not.toMatch(/Secure/);
    const s = await t.login('vanphong');
    const me = (await t.call(s, { method: 'GET', url: '/api/me' })).json();
    expect(me.user.username).toBe('vanphong');
    expect(me.tenant.name).toBe('Sở Khoa học và Công nghệ tỉnh Quảng Ngãi');
    expect(me.roles.map((r: { role: string }) => r.role).sort()).toEqual(['office', 'unit_head']);
    expect(me.units.map((u: { name: string }) => u.name)).toContain('Văn phòng Sở');
    expect(me.capabilities).toContain('org.manage');
    const staff = (await t.call(await t.login('canbo'), { method: 'GET', url: '/api/me' })).json();
    expect(staff.capabilities).not.toContain('org.manage');
    expect(staff.capabilities).toContain('org.read');
  });

  it('refuses a wrong password without saying whether the user exists', async () => {
    const a = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: 'sai-mat-khau' } });
    const b = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'khong-ton-tai', password: 'sai-mat-khau' },
    });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.code).toBe('LOGIN_FAILED');
    expect(b.json().error.code).toBe('LOGIN_FAILED');
    expect(a.json().error.vi).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
  });

  it('names the missing field on a malformed login', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('password');
    expect(res.json().error.fields[0].vi).toMatch(/password: bắt buộc/);
  });

  const login = (username: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

  it('locks a name only at the address the wrong passwords came from, even for the right password', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await login('congdoan', 'wrong-password', '10.1.1.1')).statusCode);
    expect(codes).toEqual([401, 401, 423]);
    const there = await login('congdoan', 'danchu-demo', '10.1.1.1');
    expect(there.statusCode).toBe(423);
    expect(there.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(there.json().error.vi).toMatch(/thử lại sau 10 phút/);
    // The real person, elsewhere, is not locked out by whoever guessed.
    expect((await login('congdoan', 'danchu-demo', '10.2.2.2')).statusCode).toBe(200);
  });

  it('answers an unknown name exactly as a known one: same codes, messages and lock', async () => {
    const body = (r: { json: () => { error: Record<string, unknown> } }) => {
      const { requestId: _r, ...rest } = r.json().error;
      return rest;
    };
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      const k = await login('lanhdao', 'sai-mat-khau', '10.1.2.1');
      const u = await login('khong-ton-tai', 'sai-mat-khau', '10.1.2.1');
      known.push([k.statusCode, body(k)]);
      unknown.push([u.statusCode, body(u)]);
    }
    expect(unknown).toEqual(known);
    expect(known.map((x) => (x as [number])[0])).toEqual([401, 401, 423, 423]);
  });

  it('spends an argon2 check on an unknown name, as on a known one', async () => {
    // Counted, not timed: each failed log-in, known name or not, runs exactly one verification, so
    // the answer's cost does not tell whether the name exists.
    for (const [i, username] of ['lanhdao', 'nobody-at-all', 'congdoan', 'khong-ai'].entries()) {
      const before = passwordVerifications();
      const r = await login(username, 'sai-mat-khau', `10.1.3.${i}`);
      expect(r.statusCode).toBe(401);
      expect(passwordVerifications() - before).toBe(1);
    }
  });

  it('makes an address that fails with many names wait, whatever names it tries next', async () => {
    const limited = await createTestApp({ config: { LOGIN_ADDRESS_MAX_FAILURES: '4', LOGIN_LOCK_MINUTES: '10' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: `guess-${i}`, password: 'x' },
          remoteAddress: '10.9.9.9',
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 401, 429]);
      const right = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'vanphong', password: 'danchu-demo' },
        remoteAddress: '10.9.9.9',
      });
      expect(right.statusCode).toBe(429);
      expect(right.json().error.code).toBe('LOGIN_ADDRESS_LOCKED');
      expect(right.json().error.en).toMatch(/from this address; try again in 10 minutes/);
      const other = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'vanphong', password: 'danchu-demo' },
        remoteAddress: '10.9.9.10',
      });
      expect(other.statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('lets the administrator lift a lock, audited; the person then logs in from that address', async () => {
    for (let i = 0; i < 3; i++) await login('canbo', 'wrong-password', '10.1.4.1');
    expect((await login('canbo', 'danchu-demo', '10.1.4.1')).statusCode).toBe(423);
    const admin = await t.login('admin');
    const people = (await t.call(admin, { method: 'GET', url: '/api/people' })).json() as {
      id: string;
      username: string;
      locked: boolean;
    }[];
    const canbo = people.find((p) => p.username === 'canbo')!;
    expect(canbo.locked).toBe(true);
    const staff = await t.login('lanhdao');
    const refused = await t.call(staff, { method: 'POST', url: `/api/people/${canbo.id}/unlock` });
    expect(refused.statusCode).toBe(403);
    expect((await login('canbo', 'danchu-demo', '10.1.4.1')).statusCode).toBe(423);
    const ok = await t.call(admin, { method: 'POST', url: `/api/people/${canbo.id}/unlock` });
    expect(ok.statusCode).toBe(200);
    const after = (await t.call(admin, { method: 'GET', url: '/api/people' })).json() as { username: string; locked: boolean }[];
    expect(after.find((p) => p.username === 'canbo')!.locked).toBe(false);
    expect((await login('canbo', 'danchu-demo', '10.1.4.1')).statusCode).toBe(200);
    const audit = await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'person.unlock'), eq(auditLog.entityId, canbo.id))),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ locked: false, addressesCleared: 1 });
  });

  it('keeps rate-limit counters in the database, shared by a second app process and kept over a restart', async () => {
    const a = await createTestApp();
    try {
      const limitOf = async (app: FastifyInstance, n: number) => {
        const codes: number[] = [];
        for (let i = 0; i < n; i++) {
          const r = await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: `r-${i}`, password: 'x' },
            remoteAddress: '10.7.7.7',
          });
          codes.push(r.statusCode);
        }
        return codes;
      };
      // The route allows 20 log-in calls a minute per address; the address's failure limit is 20 too,
      // so raise it to see the route limiter alone.
      const b = await buildApp({ config: testConfig({ LOGIN_ADDRESS_MAX_FAILURES: '1000' }), db: a.db, logger: false });
      await b.ready();
      const first = await limitOf(b, 12);
      await b.close(); // a restart: the counters stay
      const c = await buildApp({ config: testConfig({ LOGIN_ADDRESS_MAX_FAILURES: '1000' }), db: a.db, logger: false });
      await c.ready();
      const second = await limitOf(c, 10);
      await c.close();
      expect(first.every((x) => x === 401)).toBe(true);
      expect(second.slice(0, 8).every((x) => x === 401)).toBe(true);
      expect(second.slice(8)).toEqual([429, 429]);
      const rows = rowsOf<{ key: string; hits: number }>(
        await a.db.owner.execute(sql`select key, hits from rate_limits where key like 'route:POST/api/auth/login:%'`),
      );
      expect(rows).toEqual([{ key: 'route:POST/api/auth/login:10.7.7.7', hits: 22 }]);
    } finally {
      await a.close();
    }
  });

  it('refuses a cookie-authenticated write without the anti-forgery token', async () => {
    const s = await t.login('vanphong');
    const res = await t.call(s, { method: 'POST', url: '/api/notifications/read-all', csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    const ok = await t.call(s, { method: 'POST', url: '/api/notifications/read-all' });
    expect(ok.statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const s = await t.login('lanhdao');
    expect((await t.call(s, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await t.call(s, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('changes a password, ending the other sessions', async () => {
    const a = await t.login('thanhtra');
    const b = await t.login('thanhtra');
    const wrong = await t.call(a, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'nope', newPassword: 'mat-khau-moi-2026' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].field).toBe('currentPassword');
    const short = await t.call(a, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'danchu-demo', newPassword: 'ngan' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0].field).toBe('newPassword');
    const ok = await t.call(a, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'danchu-demo', newPassword: 'mat-khau-moi-2026' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.call(a, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await t.call(b, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    await expect(t.login('thanhtra')).rejects.toThrow(/401/);
    await t.login('thanhtra', 'mat-khau-moi-2026');
  });

  it('refuses every staff route but me, logout and change-password until a forced change is done', async () => {
    const admin = await t.login('admin');
    const people = (await t.call(admin, { method: 'GET', url: '/api/people' })).json() as { id: string; username: string }[];
    const target = people.find((p) => p.username === 'giamdoc')!;
    const reset = await t.call(admin, {
      method: 'POST',
      url: `/api/people/${target.id}/reset-password`,
      payload: { password: 'tam-thoi-2026!' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    const s = await t.login('giamdoc', 'tam-thoi-2026!');
    for (const [method, url] of [
      ['GET', '/api/units'],
      ['GET', '/api/cases'],
      ['GET', '/api/notifications'],
      ['POST', '/api/notifications/read-all'],
    ] as const) {
      const res = await t.call(s, { method, url });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(res.json().error.vi).toMatch(/đổi mật khẩu/);
    }
    const me = await t.call(s, { method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);
    const changed = await t.call(s, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'tam-thoi-2026!', newPassword: 'mat-khau-rieng-2026' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await t.call(s, { method: 'GET', url: '/api/units' })).statusCode).toBe(200);
    expect((await t.call(s, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
  });

  it('stores passwords as argon2id hashes', async () => {
    const [u] = await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) => tx.select().from(users).where(eq(users.username, 'canbo')));
    expect(u!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('HTTP hardening', () => {
  it('sends a strict CSP and no HSTS without TLS', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('behind TLS (TRUST_PROXY) sends HSTS and marks the session cookie Secure', async () => {
    const tls = await createTestApp({ config: { TRUST_PROXY: 'true' } });
    try {
      const res = await tls.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'vanphong', password: 'danchu-demo' },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await tls.close();
    }
  });

  it('believes X-Forwarded-For only from the configured proxies (TRUST_PROXY=10.0.0.5)', async () => {
    const proxied = await createTestApp({ config: { TRUST_PROXY: '10.0.0.5', LOGIN_ADDRESS_MAX_FAILURES: '3' } });
    try {
      const attempt = (remoteAddress: string, xff: string) =>
        proxied.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: `spoof-${xff}`, password: 'x' },
          remoteAddress,
          headers: { 'x-forwarded-for': xff },
        });
      // A client that forges the header is still counted at its own address: the fourth try waits.
      const spoofed: number[] = [];
      for (let i = 1; i <= 4; i++) spoofed.push((await attempt('203.0.113.9', `198.51.100.${i}`)).statusCode);
      expect(spoofed).toEqual([401, 401, 401, 429]);
      // Through the proxy, each client is its own address.
      const viaProxy: number[] = [];
      for (let i = 1; i <= 4; i++) viaProxy.push((await attempt('10.0.0.5', `198.51.100.${i}`)).statusCode);
      expect(viaProxy).toEqual([401, 401, 401, 401]);
      const keys = rowsOf<{ key: string }>(
        await proxied.db.owner.execute(sql`select key from rate_limits where key like 'login:address:%' order by key`),
      ).map((r) => r.key);
      expect(keys).toEqual([
        'login:address:198.51.100.1',
        'login:address:198.51.100.2',
        'login:address:198.51.100.3',
        'login:address:198.51.100.4',
        'login:address:203.0.113.9',
      ]);
    } finally {
      await proxied.close();
    }
  });

  it('limits the request body size', async () => {
    const s = await t.login('vanphong');
    const res = await t.call(s, { method: 'POST', url: '/api/units', payload: { code: 'X', name: 'x'.repeat(2_000_000) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves the OpenAPI document publicly', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/units', '/api/auth/login', '/api/health', '/api/me']));
  });

  it('answers unknown API paths with a catalogued 404', async () => {
    const s = await t.login('vanphong');
    const res = await t.call(s, { method: 'GET', url: '/api/khong-co' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
