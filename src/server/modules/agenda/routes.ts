/**
 * Routes of the `agenda` module. The feed route is public (a calendar application cannot log in):
 * the token names the agency (its id, so the lookup runs under that agency's row-level security)
 * and a random secret; a wrong or revoked token gets 404, like anything an outsider may not see.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ZErrorBody, ZOk } from '../../../contracts/common';
import { addDays } from '../../../domain';
import { buildICalendar } from '../../../domain/ical';
import { recordAudit } from '../../platform/audit';
import { todayInVietnam } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { loadActor, withContext } from '../../platform/http';
import { calendarFeedTokens } from './tables';

const tags = ['agenda'];
/** How far ahead the feed looks. */
const HORIZON_DAYS = 366;
const TOKEN_RE = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

export const agendaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/calendar.ics',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Lịch hạn cá nhân (iCalendar) / Personal deadline feed (iCalendar)',
        querystring: z.object({ token: z.string().max(200) }),
        response: { 200: z.string(), 404: ZErrorBody, 429: ZErrorBody },
      },
    },
    async (req, reply) => {
      const m = TOKEN_RE.exec(req.query.token);
      if (!m) throw new AppError('NOT_FOUND');
      const hex = m[1]!;
      const tenantId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
      const today = todayInVietnam();
      const ics = await app.db.withTenant({ tenantId, userId: null }, async (tx) => {
        const [row] = await tx
          .select()
          .from(calendarFeedTokens)
          .where(and(eq(calendarFeedTokens.tenantId, tenantId), eq(calendarFeedTokens.tokenHash, hashOf(req.query.token))));
        if (!row) throw new AppError('NOT_FOUND');
        const actor = await loadActor(tx, tenantId, row.userId, app.modules);
        if (!actor) throw new AppError('NOT_FOUND');
        const who = { tenantId, userId: actor.userId, name: actor.fullName };
        const items = await app.modules.deadlines(
          { tx, actor, who, today, modules: app.modules },
          { from: today, to: addDays(today, HORIZON_DAYS) },
        );
        return buildICalendar(
          `danchu — hạn của ${actor.fullName}`,
          items.map((d) => ({
            uid: d.uid,
            date: d.date,
            summary: d.title,
            description: d.description,
            url: d.link ? `${origin(req)}${d.link}` : undefined,
          })),
          new Date(),
        );
      });
      reply.header('content-type', 'text/calendar; charset=utf-8');
      reply.header('cache-control', 'no-store');
      return reply.send(ics);
    },
  );

  app.get(
    '/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Trạng thái lịch cá nhân / Calendar feed status',
        response: { 200: z.object({ active: z.boolean(), createdAt: z.string().nullable() }), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        const [row] = await ctx.tx.select().from(calendarFeedTokens).where(eq(calendarFeedTokens.userId, ctx.actor.userId));
        return { active: !!row, createdAt: row ? row.createdAt.toISOString() : null };
      }),
  );

  app.post(
    '/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Tạo (hoặc thay) đường dẫn lịch cá nhân / Create or replace the calendar feed link',
        response: { 200: z.object({ url: z.string() }), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        const token = `${ctx.actor.tenantId.replace(/-/g, '')}.${randomBytes(32).toString('base64url')}`;
        await ctx.tx.delete(calendarFeedTokens).where(eq(calendarFeedTokens.userId, ctx.actor.userId));
        await ctx.tx
          .insert(calendarFeedTokens)
          .values({ tenantId: ctx.actor.tenantId, userId: ctx.actor.userId, tokenHash: hashOf(token) });
        await recordAudit(ctx.tx, ctx.who, { action: 'calendar_feed.create', entityType: 'user', entityId: ctx.actor.userId });
        return { url: `${origin(req)}/api/calendar.ics?token=${token}` };
      }),
  );

  app.delete(
    '/me/calendar-feed',
    { schema: { tags, summary: 'Thu hồi đường dẫn lịch / Revoke the calendar feed link', response: { 200: ZOk, ...errorResponses } } },
    (req) =>
      withContext(req, async (ctx) => {
        const gone = await ctx.tx.delete(calendarFeedTokens).where(eq(calendarFeedTokens.userId, ctx.actor.userId)).returning();
        if (gone.length)
          await recordAudit(ctx.tx, ctx.who, { action: 'calendar_feed.revoke', entityType: 'user', entityId: ctx.actor.userId });
        return { ok: true as const };
      }),
  );
};
