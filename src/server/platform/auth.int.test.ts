import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test/harness';
import { users } from './tables';

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

  it('locks an account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 3; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'congdoan', password: 'wrong-password' } });
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'congdoan', password: 'danchu-demo' } });
    expect(res.statusCode).toBe(423);
    expect(res.json().error.code).toBe('ACCOUNT_LOCKED');
    const [u] = await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) => tx.select().from(users).where(eq(users.username, 'congdoan')));
    expect(u!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
  });

  it('rate-limits log-in attempts per client', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nobody', password: 'x' },
        remoteAddress: '10.9.9.9',
      });
      codes.push(r.statusCode);
    }
    expect(codes.filter((c) => c === 429).length).toBeGreaterThan(0);
    expect(codes.slice(0, 5).every((c) => c === 401)).toBe(true);
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
