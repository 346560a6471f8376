/**
 * Request context and the shared HTTP plumbing every module relies on: the session → actor hook,
 * the 401 gate for non-public routes, CSRF checks, the error handler and helpers for handlers.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import type { Config } from './config';
import type { Database, Tx } from './db';
import { preparedRows } from './db';
import { AppError, describeIssue, type FieldError, localeOf } from './errors';
import type { AuditActor } from './audit';
import type { Actor, Role } from './roles';
import { sessions, users, roleAssignments } from './tables';
import type { Jobs } from './jobs';
import { todayInVietnam } from './clock';
import { findBadText, safeErr } from './log-safety';
import { versionForKeeping } from './response-cache';
import type { ActorContext, ModuleHooks } from './module';
import type { ModuleRegistry } from './registry';

export const SESSION_COOKIE = 'danchu_sid';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: Config;
    jobs: Jobs;
    /** The modules the app was assembled from (events, indicators, guards, capabilities). */
    modules: ModuleRegistry;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionInfo: { tokenHash: string; csrfToken: string; mustChangePassword: boolean } | null;
  }
  interface FastifyContextConfig {
    /** A route anyone may call without a session (the module declares it). */
    public?: boolean;
    /**
     * A GET route that only reads (lists, search, statistics, oversight, dashboard): its
     * transaction is read only and runs on the read replica when `DATABASE_READ_URL` is set
     * (issue #17). A route that writes anything (an audit row for opening an identity, a counter)
     * must not set it: its transaction would fail. `'primary'`: read only as well, but on the
     * primary, for what must be current at once (the person's own page after a change).
     * A read-only transaction changes nothing, so it does not write the agency's data version either.
     */
    readOnly?: boolean | 'primary';
  }
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** The actor or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

/** The audit identity of the request. */
export function auditActorOf(req: FastifyRequest): AuditActor {
  const a = requireActor(req);
  return {
    tenantId: a.tenantId,
    userId: a.userId,
    name: a.fullName,
    ip: req.ip,
    userAgent: req.headers['user-agent'] ?? null,
    requestId: req.id,
  };
}

/**
 * Run `fn` in a transaction of the actor's tenant (RLS enforced) with the service context:
 * the person, the audit identity of the request, today's legal date and the modules.
 */
export async function withContext<T>(req: FastifyRequest, fn: (ctx: ActorContext) => Promise<T>): Promise<T> {
  const actor = requireActor(req);
  const who = auditActorOf(req);
  const today = todayInVietnam();
  const queued: { job: string; data: object }[] = [];
  const enqueue = (job: string, data: object) => {
    queued.push({ job, data });
  };
  const result = await tenantTransaction(req)({ tenantId: actor.tenantId, userId: actor.userId }, async (tx) => {
    await versionForKeeping(req, tx);
    return fn({ tx, actor, who, today, modules: req.server.modules, enqueue });
  });
  // Committed: the jobs it asked for may start (they read what it wrote).
  for (const q of queued) await req.server.jobs.dispatch(q.job, q.data);
  return result;
}

/**
 * The request's transaction: read only, on the read replica when there is one, for a GET route
 * declared `readOnly` (on the primary for `readOnly: 'primary'`); otherwise read-write on the
 * primary. Sessions (their sliding expiry included) and log-ins never come here: they use the
 * primary (installHttpPlumbing, auth).
 */
function tenantTransaction(req: FastifyRequest): Database['withTenant'] {
  const db = req.server.db;
  const readOnly = req.method === 'GET' ? req.routeOptions.config?.readOnly : undefined;
  if (readOnly === 'primary') return (ctx, fn) => db.withTenantRead(ctx, fn, { primary: true });
  return readOnly === true ? db.withTenantRead : db.withTenant;
}

/** Run `fn` in a transaction of the actor's tenant (RLS enforced). */
export function inTenant<T>(req: FastifyRequest, fn: (tx: Tx, actor: Actor) => Promise<T>): Promise<T> {
  const actor = requireActor(req);
  return tenantTransaction(req)({ tenantId: actor.tenantId, userId: actor.userId }, async (tx) => {
    await versionForKeeping(req, tx);
    return fn(tx, actor);
  });
}

/** Load the actor of a user id within a tenant transaction. */
export async function loadActor(
  tx: Tx,
  tenantId: string,
  userId: string,
  modules: Pick<ModuleHooks, 'capabilitiesOf'>,
): Promise<Actor | null> {
  const [u] = await tx
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  if (!u?.isActive) return null;
  const roles = await tx
    .select({ role: roleAssignments.role, unitId: roleAssignments.unitId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.userId, userId)));
  return {
    tenantId,
    userId,
    username: u.username,
    fullName: u.fullName,
    roles: roles.map((r) => ({ role: r.role as Role, unitId: r.unitId })),
    capabilities: modules.capabilitiesOf(roles.map((r) => r.role as Role)),
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The only staff routes open to a person who must change their password first. */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['POST /api/auth/password', 'POST /api/auth/logout', 'GET /api/me']);

/** Install the session hook, the 401 gate, CSRF checks and the error handler. */
export function installHttpPlumbing(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionInfo', null);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const tokenHash = sha256(token);
      // One statement (issue #17): the session, its person and their roles, read together by the
      // owner connection on the unguessable token hash (as auth_find_session does), instead of a
      // look-up and then a transaction of five more statements on every request.
      const [found] = await preparedRows<{
        tenant_id: string;
        user_id: string;
        username: string;
        full_name: string;
        csrf_token: string;
        must_change_password: boolean;
        stale: boolean;
        data_version: string | number | null;
        roles: { role: Role; unitId: string | null }[];
      }>(
        app.db.owner,
        'danchu_session',
        sql`
          select s.tenant_id, s.user_id, u.username, u.full_name, s.csrf_token, u.must_change_password,
            s.last_seen_at < now() - interval '5 minutes' as stale,
            (select v.version from data_versions v where v.tenant_id = s.tenant_id) as data_version,
            coalesce((select json_agg(json_build_object('role', r.role, 'unitId', r.unit_id) order by r.role, r.unit_id)
              from role_assignments r where r.tenant_id = s.tenant_id and r.user_id = s.user_id), '[]'::json) as roles
          from sessions s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
          where s.token_hash = ${tokenHash} and s.expires_at > now() and u.is_active`,
      );
      let loaded: { actor: Actor; csrfToken: string; mustChangePassword: boolean } | null = null;
      if (found) {
        const roles = typeof found.roles === 'string' ? (JSON.parse(found.roles) as typeof found.roles) : found.roles;
        loaded = {
          actor: {
            tenantId: found.tenant_id,
            userId: found.user_id,
            username: found.username,
            fullName: found.full_name,
            roles,
            capabilities: app.modules.capabilitiesOf(roles.map((r) => r.role)),
          },
          csrfToken: found.csrf_token,
          mustChangePassword: found.must_change_password === true,
        };
        // Sliding expiry, written at most every five minutes to keep reads cheap.
        if (found.stale) {
          await app.db.withTenant({ tenantId: found.tenant_id, userId: found.user_id, sessionOnly: true }, (tx) =>
            tx
              .update(sessions)
              .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + app.config.sessionTtlHours * 3600_000) })
              .where(eq(sessions.tokenHash, tokenHash)),
          );
        }
      }
      if (loaded) {
        req.dataVersion = found!.data_version === null ? null : Number(found!.data_version);
        req.actor = loaded.actor;
        req.sessionInfo = { tokenHash, csrfToken: loaded.csrfToken, mustChangePassword: loaded.mustChangePassword };
      }
    }
  });

  // The session gate runs before the body is validated (and before the character check below):
  // a client with no session gets a 401, never a 400 that describes a staff form's rules (issue #16 drills).
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const isPublic = req.routeOptions.config?.public === true;
    if (!isPublic && !req.actor) throw new AppError('UNAUTHENTICATED');
    if (UNSAFE.has(req.method)) {
      // Cookie-authenticated writes must carry the session's anti-forgery token (double submit).
      if (req.sessionInfo && req.headers['x-csrf-token'] !== req.sessionInfo.csrfToken) throw new AppError('CSRF_FAILED');
      // A cross-site form post to a public route is refused by its Origin.
      const origin = req.headers.origin;
      if (origin && !req.sessionInfo) {
        const host = req.headers['x-forwarded-host'] ?? req.headers.host;
        if (host && new URL(origin).host !== host) throw new AppError('CSRF_FAILED');
      }
    }
    // A password set by an administrator (or the first start) must be changed before anything
    // else: the server refuses every other staff route until it is (issue #16 point 8).
    if (!isPublic && req.sessionInfo?.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(`${req.method} ${req.routeOptions.url}`)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
  });

  // NUL, other control characters and broken code points are refused before any route sees them,
  // naming the field: PostgreSQL would fail on them (a 500), and a .docx export would break (issue #16).
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [
      ['', req.body],
      ['query.', req.query],
      ['params.', req.params],
    ] as const) {
      const bad = findBadText(value);
      if (bad !== null) {
        const field = where && bad === 'body' ? where.slice(0, -1) : `${where}${bad}`;
        throw new AppError('VALIDATION_FAILED', {
          fields: [
            {
              field,
              vi: `${field}: chứa ký tự không hợp lệ (NUL, ký tự điều khiển hoặc mã Unicode hỏng)`,
              en: `${field}: holds an invalid character (NUL, a control character or a broken Unicode code point)`,
            },
          ],
        });
      }
    }
  });

  app.setNotFoundHandler((req, reply) => {
    sendError(req, reply, new AppError('NOT_FOUND'));
  });

  app.setErrorHandler((err, req, reply) => {
    const e = err as Error & { code?: string; statusCode?: number; validationContext?: string };
    if (err instanceof AppError) return sendError(req, reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((i) =>
        describeIssue(i as unknown as Parameters<typeof describeIssue>[0], (err as { validationContext?: string }).validationContext),
      );
      return sendError(req, reply, new AppError('VALIDATION_FAILED', { fields }));
    }
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413) {
      return sendError(
        req,
        reply,
        new AppError('PAYLOAD_TOO_LARGE', { params: { limit: `${Math.round(app.config.uploadMaxBytes / 1024 / 1024)} MB` } }),
      );
    }
    if (e.statusCode === 429) return sendError(req, reply, new AppError('RATE_LIMITED'));
    if (e.statusCode === 415 || e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(req, reply, new AppError('UNSUPPORTED_FILE_TYPE', { params: { type: String(req.headers['content-type'] ?? '?') } }));
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return sendError(
        req,
        reply,
        new AppError('BAD_REQUEST', { fields: [{ field: 'body', vi: `body: ${e.message}`, en: `body: ${e.message}` }] }),
      );
    }
    const pgCode = (e as { code?: string }).code ?? (e.cause as { code?: string } | undefined)?.code;
    if (pgCode === '23505') return sendError(req, reply, new AppError('CONFLICT'));
    if (pgCode === '23503' || pgCode === '22P02' || pgCode === '23514') return sendError(req, reply, new AppError('BAD_REQUEST'));
    // The error's type, code, safe message and frames only: never the query's parameters (issue #16).
    req.log.error({ err: safeErr(err) }, 'unhandled error');
    return sendError(req, reply, new AppError('INTERNAL'));
  });
}

/** Reply with the catalogue's body for an AppError, in the request's language plus both texts. */
export function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const locale = localeOf(req);
  const fields = err.fields.map((f: FieldError) => ({ field: f.field, message: locale === 'vi' ? f.vi : f.en, vi: f.vi, en: f.en }));
  const vi = err.message_('vi');
  const en = err.message_('en');
  // The top message names the first field, so a client that shows one line still says what is wrong.
  const first = fields[0];
  return reply.status(err.status).send({
    error: {
      code: err.code,
      message: first ? `${locale === 'vi' ? vi : en} — ${first.message}` : locale === 'vi' ? vi : en,
      vi: first ? `${vi} — ${first.vi}` : vi,
      en: first ? `${en} — ${first.en}` : en,
      fields,
      requestId: req.id,
    },
  });
}
