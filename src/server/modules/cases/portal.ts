/**
 * The public citizen portal (issue #5): anyone, without an account, may send feedback, a
 * petition, a complaint or a denunciation to an agency, look its progress up by tracking code,
 * and read the published citizen-reception schedule (Law 42/2013/QH13 Art. 24).
 *
 * Every route is public and rate limited per client address. Submissions carry a solved
 * proof-of-work challenge (src/server/platform/challenge.ts), spent once per form: a retry of
 * the same form (same idempotency key) may present it again and gets the same tracking code.
 * Mounted by the `cases` module under `/api`.
 */
import { createHmac } from 'node:crypto';
import { and, asc, eq, lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CASE_KINDS, CASE_STATUSES, normalizeTrackingCode, ZPortalSubmission, type TIdentity } from '../../../contracts/cases';
import { HOST_KINDS, SESSION_MODES, SESSION_STATUSES, type TReceptionSession } from '../../../contracts/reception';
import { ZErrorBody, errorResponses } from '../../../contracts/common';
import { DEFAULT_TTL_SECONDS, issueChallenge, verifyChallenge, type ChallengeFailure } from '../../platform/challenge';
import type { Database } from '../../platform/db';
import { AppError, invalid, registerErrors, type ErrorCatalogue } from '../../platform/errors';
import { identityKey } from '../../platform/identity-crypto';
import { tenants } from '../../platform/tables';
import { publicSchedule } from './reception/service';
import { portalChallenges } from './portal-tables';
import { submitFromPortal } from './commands/create-case';
import { portalStatus } from './queries/portal-status';
import { todayInVietnam } from '../../platform/clock';

/** Error codes of the portal routes (added to the `cases` module's `errors`). */
export const PORTAL_ERRORS = {
  PORTAL_AGENCY_NOT_FOUND: { status: 404, vi: 'Không tìm thấy cơ quan này trên cổng thông tin', en: 'No such agency on this portal' },
  PORTAL_CASE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đơn với mã tra cứu này tại cơ quan đã chọn; hãy kiểm tra lại từng ký tự của mã',
    en: 'No submission with this tracking code at the selected agency; check the code character by character',
  },
  PORTAL_CHALLENGE_INVALID: {
    status: 400,
    vi: 'Bước xác minh chống thư rác không thành công; hãy bấm gửi lại',
    en: 'The anti-spam check failed; please press send again',
  },
  PORTAL_REJECTED: { status: 400, vi: 'Không thể tiếp nhận yêu cầu này', en: 'This request cannot be accepted' },
} satisfies ErrorCatalogue;

/** Rate limits per client address. */
export const PORTAL_LIMITS = {
  submit: { max: 10, timeWindow: '10 minutes' },
  challenge: { max: 30, timeWindow: '1 minute' },
  lookup: { max: 60, timeWindow: '1 minute' },
} as const;

const tags = ['portal'];
const ZAgencyParams = z.object({ agency: z.string().min(1).max(100) });
const ZAgency = z.object({ code: z.string(), name: z.string(), parentName: z.string().nullable() });
const ZChallenge = z.object({ salt: z.string(), difficulty: z.number().int(), expiresAt: z.string(), signature: z.string() });
const ZSubmitResult = z.object({ trackingCode: z.string(), duplicate: z.boolean() });
const ZLabel = z.object({ vi: z.string(), en: z.string() });
const ZStatus = z.object({
  trackingCode: z.string(),
  kind: z.enum(CASE_KINDS),
  subject: z.string(),
  receivedOn: z.string(),
  status: z.enum(CASE_STATUSES),
  statusLabel: ZLabel,
  steps: z.array(z.object({ on: z.string(), label: ZLabel })),
  nextDue: z.string().nullable(),
  publicAnswer: z.string().nullable(),
});
/** A session as the public sees it: no internal ids, counts or publication bookkeeping. */
const ZPublicSession = z.object({
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  hostKind: z.enum(HOST_KINDS),
  hostName: z.string(),
  mode: z.enum(SESSION_MODES),
  place: z.string(),
  bridgePoints: z.string().nullable(),
  attendees: z.string().nullable(),
  topics: z.string().nullable(),
  adhoc: z.boolean(),
  status: z.enum(SESSION_STATUSES),
  postponedTo: z.string().nullable(),
  statusReason: z.string().nullable(),
});
export type TPublicSession = z.infer<typeof ZPublicSession>;
const portalErrors = { ...errorResponses, 429: ZErrorBody } as const;

/** Tracking codes are long and random; this only keeps junk out of the query. */
const CODE_RE = /^[A-Z0-9-]{8,40}$/i;

let derivedSecret: string | null = null;

/**
 * The installation's challenge key: DANCHU_PORTAL_SECRET when set; otherwise derived (one-way)
 * from the identity key, which every app process of an installation already shares and which
 * survives restarts; as a last resort the random per-process key of the configuration.
 */
function installationSecret(app: FastifyInstance): string {
  if (app.config.portal.secretConfigured) return app.config.portal.secret;
  if (derivedSecret === null) {
    try {
      derivedSecret = createHmac('sha256', identityKey().bytes).update('danchu/portal-challenge/v1').digest('hex');
    } catch (err) {
      app.log.warn({ err }, 'portal: identity key unavailable; challenges are signed with a per-process key');
      derivedSecret = app.config.portal.secret;
    }
  }
  return derivedSecret;
}

/** Each agency signs with its own key, so a challenge fetched for one agency is no good at another. */
function agencySecret(app: FastifyInstance, tenantId: string): string {
  return createHmac('sha256', installationSecret(app)).update(`portal-challenge:${tenantId}`).digest('hex');
}

async function findAgency(app: FastifyInstance, code: string): Promise<{ tenantId: string; code: string; name: string }> {
  const [t] = await app.db.owner
    .select({ tenantId: tenants.tenantId, code: tenants.code, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.code, code));
  if (!t) throw new AppError('PORTAL_AGENCY_NOT_FOUND');
  return t;
}

const CHALLENGE_MESSAGES: Record<ChallengeFailure | 'used', [string, string]> = {
  malformed: ['mã xác minh không hợp lệ', 'the check is malformed'],
  bad_signature: ['mã xác minh không do cổng này cấp hoặc đã bị sửa', 'the check was not issued by this portal or was altered'],
  expired: ['mã xác minh đã hết hạn (trang mở quá lâu)', 'the check has expired (the page was open too long)'],
  too_easy: ['mã xác minh không còn đủ độ khó', 'the check is no longer hard enough'],
  unsolved: ['lời giải không đúng', 'the solution is wrong'],
  used: ['mã xác minh đã được dùng cho một đơn khác', 'the check was already used for another submission'],
};

function challengeError(reason: ChallengeFailure | 'used'): AppError {
  const [vi, en] = CHALLENGE_MESSAGES[reason];
  return new AppError('PORTAL_CHALLENGE_INVALID', { fields: [{ field: 'challenge', vi: `challenge: ${vi}`, en: `challenge: ${en}` }] });
}

const blankToNull = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);

/** The identity of the sender, or null; refuses a complaint or denunciation without a name. */
function identityOf(body: z.infer<typeof ZPortalSubmission>): TIdentity | null {
  const id = body.identity;
  const name = blankToNull(id?.name);
  const contact = {
    address: blankToNull(id?.address),
    phone: blankToNull(id?.phone),
    email: blankToNull(id?.email),
    idNumber: blankToNull(id?.idNumber),
  };
  if (!name && body.kind === 'denunciation') {
    throw invalid(
      'identity.name',
      'bắt buộc ghi họ tên người tố cáo. Tố cáo không ghi họ tên người tố cáo sẽ không được xử lý theo thủ tục giải quyết tố cáo (Luật Tố cáo 2018, Điều 25); danh tính người tố cáo được giữ bí mật (Điều 8, Điều 47)',
      "the denouncer's name is required. A denunciation without the denouncer's name is not processed as a denunciation (Law on Denunciations 2018, Art. 25); the denouncer's identity is kept confidential (Arts. 8, 47)",
    );
  }
  if (!name && body.kind === 'complaint') {
    throw invalid(
      'identity.name',
      'bắt buộc ghi họ tên người khiếu nại (Luật Khiếu nại 2011, Điều 8)',
      "the complainant's name is required (Law on Complaints 2011, Art. 8)",
    );
  }
  if (!name && Object.values(contact).some((v) => v !== null)) {
    throw invalid('identity.name', 'hãy ghi họ tên khi để lại thông tin liên hệ', 'give your name when leaving contact details');
  }
  return name ? { name, ...contact } : null;
}

function toPublicSession(s: TReceptionSession): TPublicSession {
  return {
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    hostKind: s.hostKind,
    hostName: s.host.name,
    mode: s.mode,
    place: s.place,
    bridgePoints: s.bridgePoints,
    attendees: s.attendees,
    topics: s.topics,
    adhoc: s.adhoc,
    status: s.status,
    postponedTo: s.postponedTo,
    statusReason: s.statusReason,
  };
}

/** Housekeeping: forget spent challenges long expired (they cannot be replayed anyway). */
export async function purgeSpentChallenges(db: Database, now: Date = new Date()): Promise<void> {
  await db.owner.delete(portalChallenges).where(lt(portalChallenges.usedAt, new Date(now.getTime() - 2 * DEFAULT_TTL_SECONDS * 1000)));
}

/** The portal's routes under `/api/public/…`; all public, all rate limited per client address. */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  // Idempotent: the module also lists these codes in its manifest.
  registerErrors(PORTAL_ERRORS);

  app.get(
    '/public/agencies',
    {
      config: { public: true, rateLimit: PORTAL_LIMITS.lookup },
      schema: {
        tags,
        summary: 'Các cơ quan trên cổng công dân / Agencies on the citizen portal',
        response: { 200: z.array(ZAgency), ...portalErrors },
      },
    },
    async () =>
      app.db.owner
        .select({ code: tenants.code, name: tenants.name, parentName: tenants.parentName })
        .from(tenants)
        .orderBy(asc(tenants.name)),
  );

  app.get(
    '/public/:agency/challenge',
    {
      config: { public: true, rateLimit: PORTAL_LIMITS.challenge },
      schema: {
        tags,
        summary: 'Thử thách chống thư rác / Anti-spam challenge',
        params: ZAgencyParams,
        response: { 200: ZChallenge, ...portalErrors },
      },
    },
    async (req, reply) => {
      const agency = await findAgency(app, req.params.agency);
      reply.header('cache-control', 'no-store');
      return issueChallenge(agencySecret(app, agency.tenantId), {
        difficulty: app.config.portal.difficulty,
        ttlSeconds: DEFAULT_TTL_SECONDS,
      });
    },
  );

  app.post(
    '/public/:agency/cases',
    {
      config: { public: true, rateLimit: PORTAL_LIMITS.submit },
      schema: {
        tags,
        summary: 'Gửi phản ánh, kiến nghị, khiếu nại, tố cáo / Send feedback, a petition, a complaint or a denunciation',
        params: ZAgencyParams,
        body: ZPortalSubmission,
        response: { 200: ZSubmitResult, ...portalErrors },
      },
    },
    async (req) => {
      const body = req.body;
      const agency = await findAgency(app, req.params.agency);
      // The honeypot: a field people never see; only robots fill it.
      if (body.website && body.website.trim() !== '') throw new AppError('PORTAL_REJECTED');
      const identity = identityOf(body);
      const verdict = verifyChallenge(agencySecret(app, agency.tenantId), body.challenge, new Date(), app.config.portal.difficulty);
      if (!verdict.ok) throw challengeError(verdict.reason);
      return app.db.withTenant({ tenantId: agency.tenantId, userId: null }, async (tx) => {
        // Spend the challenge; a concurrent spender waits on the key and then finds it taken.
        const spent = await tx
          .insert(portalChallenges)
          .values({ tenantId: agency.tenantId, salt: body.challenge.salt, idempotencyKey: body.idempotencyKey })
          .onConflictDoNothing()
          .returning({ salt: portalChallenges.salt });
        if (spent.length === 0) {
          const [prev] = await tx
            .select({ idempotencyKey: portalChallenges.idempotencyKey })
            .from(portalChallenges)
            .where(and(eq(portalChallenges.tenantId, agency.tenantId), eq(portalChallenges.salt, body.challenge.salt)));
          if (!prev || prev.idempotencyKey !== body.idempotencyKey) throw challengeError('used');
        }
        // The portal acts, not a person: the audit names it.
        const who = { tenantId: agency.tenantId, userId: null, name: 'Cổng thông tin công dân' };
        return submitFromPortal(
          { tx, who, today: todayInVietnam(), modules: app.modules },
          {
            kind: body.kind,
            subject: body.subject,
            content: body.content,
            identity,
            knowledgeOn: body.knowledgeOn ?? null,
            idempotencyKey: body.idempotencyKey,
          },
        );
      });
    },
  );

  app.get(
    '/public/:agency/cases/:code',
    {
      config: { public: true, rateLimit: PORTAL_LIMITS.lookup },
      schema: {
        tags,
        summary: 'Tra cứu tiến độ theo mã / Look up progress by tracking code',
        params: ZAgencyParams.extend({ code: z.string().max(200) }),
        response: { 200: ZStatus, ...portalErrors },
      },
    },
    async (req, reply) => {
      // As people type it: lower case, spaces, no hyphens (issue #14 point 6).
      const code = normalizeTrackingCode(req.params.code);
      if (!CODE_RE.test(code)) {
        throw invalid(
          'code',
          'mã tra cứu không đúng dạng (chữ, số và dấu gạch ngang, 8–40 ký tự)',
          'the tracking code has the wrong form (letters, digits and hyphens, 8–40 characters)',
        );
      }
      const agency = await findAgency(app, req.params.agency);
      const status = await app.db.withTenant({ tenantId: agency.tenantId, userId: null }, (tx) => portalStatus(tx, code));
      if (!status) throw new AppError('PORTAL_CASE_NOT_FOUND');
      reply.header('cache-control', 'no-store');
      return status;
    },
  );

  app.get(
    '/public/:agency/reception-schedule',
    {
      config: { public: true, rateLimit: PORTAL_LIMITS.lookup },
      schema: {
        tags,
        summary: 'Lịch tiếp công dân đã thông báo / Published citizen-reception schedule',
        params: ZAgencyParams,
        response: { 200: z.array(ZPublicSession), ...portalErrors },
      },
    },
    async (req) => {
      const agency = await findAgency(app, req.params.agency);
      const sessions = await app.db.withTenant({ tenantId: agency.tenantId, userId: null }, (tx) => publicSchedule(tx, todayInVietnam()));
      return sessions.map(toPublicSession);
    },
  );
};
