/**
 * HTTP routes of the `auth` module: log in, log out, change password, and `GET /api/me`.
 * Sessions live in the database (stateless app processes); cookies are HttpOnly, SameSite=Lax,
 * Secure behind TLS. Repeated failures lock the account for a while (login rate limit + lockout).
 */
import { randomBytes } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import { ZChangePasswordRequest, ZLoginRequest, ZMe } from '../../../contracts/auth';
import { errorResponses, ZOk } from '../../../contracts/common';
import { recordAudit } from '../../platform/audit';
import { rowsOf } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { auditActorOf, inTenant, requireActor, SESSION_COOKIE, sha256 } from '../../platform/http';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/passwords';
import { clearLimit, hitLimit, loginKeys, NO_TENANT, peekLimit } from '../../platform/rate-limits';
import { sessions, tenants, users, units } from '../../platform/tables';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập / Log in',
        body: ZLoginRequest,
        response: { 200: ZOk, ...errorResponses, 423: errorResponses[401], 429: errorResponses[401] },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const cfg = app.config;
      const owner = app.db.owner;
      const [found] = rowsOf<{ tenant_id: string; user_id: string }>(
        await owner.execute(sql`select tenant_id, user_id from auth_find_login(${username.normalize('NFC')})`),
      );
      // Failures are counted per name *at one address* and per address (issue #16 point 8): five
      // wrong passwords from an attacker lock the name at the attacker's address only, never the
      // real person elsewhere. Counters are keyed on the name as typed, so an unknown name locks
      // and answers exactly as a known one does (same codes, same messages, an argon2 check each).
      const keys = loginKeys(username, req.ip);
      const nameTenant = found?.tenant_id ?? NO_TENANT;
      const minutesOf = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
      const addr = await peekLimit(owner, keys.address);
      if (addr.hits >= cfg.login.addressMaxFailures) {
        throw new AppError('LOGIN_ADDRESS_LOCKED', { params: { minutes: minutesOf(addr.ttlMs) } });
      }
      const name = await peekLimit(owner, keys.name, nameTenant);
      if (name.hits >= cfg.login.maxFailures) throw new AppError('ACCOUNT_LOCKED', { params: { minutes: minutesOf(name.ttlMs) } });
      const windowMs = cfg.login.lockMinutes * 60_000;
      const fail = async (): Promise<{ kind: 'failed' } | { kind: 'locked'; minutes: number }> => {
        await hitLimit(owner, keys.address, windowMs);
        const h = await hitLimit(owner, keys.name, windowMs, nameTenant);
        return h.hits >= cfg.login.maxFailures ? { kind: 'locked', minutes: minutesOf(h.ttlMs) } : { kind: 'failed' };
      };
      let outcome: { kind: 'failed' } | { kind: 'locked'; minutes: number } | { kind: 'ok'; token: string };
      if (!found) {
        await verifyPassword(await dummyHash(), password); // same cost as a real check
        outcome = await fail();
      } else {
        const ctx = { tenantId: found.tenant_id, userId: found.user_id };
        const actorBase = { tenantId: ctx.tenantId, ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id };
        const checked = await app.db.withTenant(ctx, async (tx) => {
          const [u] = await tx
            .select()
            .from(users)
            .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, ctx.userId)));
          if (!u) return { kind: 'failed' as const };
          const who = { ...actorBase, userId: u.id, name: u.fullName };
          const ok = u.isActive && (await verifyPassword(u.passwordHash, password));
          if (!ok) return { kind: 'wrong' as const, who, user: u };
          const token = randomBytes(32).toString('base64url');
          const csrfToken = randomBytes(24).toString('base64url');
          await tx.insert(sessions).values({
            tenantId: u.tenantId,
            tokenHash: sha256(token),
            userId: u.id,
            csrfToken,
            expiresAt: new Date(Date.now() + cfg.sessionTtlHours * 3600_000),
            ip: req.ip,
            userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
          });
          await tx
            .update(users)
            .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
            .where(and(eq(users.tenantId, u.tenantId), eq(users.id, u.id)));
          await recordAudit(tx, who, { action: 'auth.login', entityType: 'user', entityId: u.id, summary: u.username });
          return { kind: 'ok' as const, token };
        });
        if (checked.kind === 'wrong') {
          // Counted outside the transaction: the counters are written by the owner connection,
          // which on PGlite is the very connection the transaction holds.
          const result = await fail();
          const u = checked.user;
          await app.db.withTenant(ctx, async (tx) => {
            // `locked_until` only tells the administrator that some address is locked out of this
            // account (people list, unlock button); the lock itself is per address.
            await tx
              .update(users)
              .set({
                failedLogins: u.failedLogins + 1,
                lockedUntil: result.kind === 'locked' ? new Date(Date.now() + result.minutes * 60_000) : u.lockedUntil,
              })
              .where(and(eq(users.tenantId, u.tenantId), eq(users.id, u.id)));
            await recordAudit(tx, checked.who, {
              action: result.kind === 'locked' ? 'auth.locked' : 'auth.login_failed',
              entityType: 'user',
              entityId: u.id,
              summary: u.username,
            });
          });
          outcome = result;
        } else {
          outcome = checked;
          if (checked.kind === 'ok') await clearLimit(owner, keys.name, nameTenant);
        }
      }
      if (outcome.kind === 'locked') throw new AppError('ACCOUNT_LOCKED', { params: { minutes: outcome.minutes } });
      if (outcome.kind === 'failed') throw new AppError('LOGIN_FAILED');
      reply.setCookie(SESSION_COOKIE, outcome.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: cfg.cookieSecure,
        maxAge: cfg.sessionTtlHours * 3600,
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Đăng xuất / Log out', response: { 200: ZOk, ...errorResponses } } },
    async (req, reply) => {
      const info = req.sessionInfo!;
      await inTenant(req, async (tx) => {
        await tx.delete(sessions).where(eq(sessions.tokenHash, info.tokenHash));
        await recordAudit(tx, auditActorOf(req), { action: 'auth.logout', entityType: 'user', entityId: requireActor(req).userId });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu / Change password',
        body: ZChangePasswordRequest,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => {
      const { currentPassword, newPassword } = req.body;
      const info = req.sessionInfo!;
      const result = await inTenant(req, async (tx, actor) => {
        const [u] = await tx
          .select()
          .from(users)
          .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
        if (!u || !(await verifyPassword(u.passwordHash, currentPassword))) return 'wrong' as const;
        if (newPassword === currentPassword) return 'weak' as const;
        await tx
          .update(users)
          .set({
            passwordHash: await hashPassword(newPassword),
            mustChangePassword: false,
            version: u.version + 1,
            updatedAt: new Date(),
          })
          .where(and(eq(users.tenantId, u.tenantId), eq(users.id, u.id)));
        // Other sessions of this person end: a changed password must lock out whoever had the old one.
        await tx.delete(sessions).where(and(eq(sessions.userId, u.id), ne(sessions.tokenHash, info.tokenHash)));
        await recordAudit(tx, auditActorOf(req), {
          action: 'auth.password_changed',
          entityType: 'user',
          entityId: u.id,
          summary: u.username,
        });
        return 'ok' as const;
      });
      if (result === 'wrong')
        throw new AppError('PASSWORD_WRONG', {
          fields: [
            {
              field: 'currentPassword',
              vi: 'currentPassword: mật khẩu hiện tại không đúng',
              en: 'currentPassword: the current password is wrong',
            },
          ],
        });
      if (result === 'weak')
        throw new AppError('PASSWORD_WEAK', {
          fields: [
            { field: 'newPassword', vi: 'newPassword: phải khác mật khẩu cũ', en: 'newPassword: must differ from the old password' },
          ],
        });
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    // Read only, on the primary: a person's own page must show a change of theirs at once.
    {
      config: { readOnly: 'primary' },
      schema: { tags: ['auth'], summary: 'Người dùng hiện tại / Current user', response: { 200: ZMe, ...errorResponses } },
    },
    async (req) => {
      const info = req.sessionInfo!;
      return inTenant(req, async (tx, actor) => {
        // One statement (issue #17: it took three): the person, the agency and the names of the
        // person's units, read in the request's tenant transaction (row-level security applies).
        const unitIds = [...new Set(actor.roles.map((r) => r.unitId).filter((x): x is string => !!x))];
        type Person = {
          id: string;
          username: string;
          fullName: string;
          position: string | null;
          email: string | null;
          locale: string;
          mustChangePassword: boolean;
        };
        type Agency = { tenantId: string; code: string; name: string; parentName: string | null; place: string };
        const [found] = rowsOf<{ u: Person | string; t: Agency | string; units: { id: string; name: string }[] | string | null }>(
          await tx.execute(sql`
            select
              (select json_build_object('id', u.id, 'username', u.username, 'fullName', u.full_name, 'position', u.position,
                'email', u.email, 'locale', u.locale, 'mustChangePassword', u.must_change_password)
                from ${users} u where u.tenant_id = ${actor.tenantId} and u.id = ${actor.userId}) as u,
              (select json_build_object('tenantId', t.tenant_id, 'code', t.code, 'name', t.name, 'parentName', t.parent_name, 'place', t.place)
                from ${tenants} t where t.tenant_id = ${actor.tenantId}) as t,
              (select json_agg(json_build_object('id', n.id, 'name', n.name) order by n.name, n.id)
                from ${units} n where n.tenant_id = ${actor.tenantId} and n.id = any(${`{${unitIds.join(',')}}`}::uuid[])) as units`),
        );
        const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
        // PGlite hands json back as text, node-postgres parsed.
        const u = json(found!.u);
        const t = json(found!.t);
        const unitRows = json(found!.units) ?? [];
        const unitName = new Map(unitRows.map((x) => [x.id, x.name]));
        return {
          user: {
            id: u.id,
            username: u.username,
            fullName: u.fullName,
            position: u.position,
            email: u.email,
            locale: u.locale,
            mustChangePassword: u.mustChangePassword,
          },
          tenant: { id: t.tenantId, code: t.code, name: t.name, parentName: t.parentName, place: t.place },
          roles: actor.roles.map((r) => ({
            role: r.role,
            unitId: r.unitId,
            unitName: r.unitId ? (unitName.get(r.unitId) ?? null) : null,
          })),
          units: unitRows,
          capabilities: [...actor.capabilities],
          csrfToken: info.csrfToken,
        };
      });
    },
  );
};
