/** HTTP routes of the `notifications` module: each person's in-app notifications. */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { errorResponses, zIdParams, ZOk } from '../../../contracts/common';
import { ZNotificationList } from '../../../contracts/platform';
import { AppError } from '../../platform/errors';
import { inTenant } from '../../platform/http';
import { notifications } from '../../platform/tables';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const tags = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    { schema: { tags, summary: 'Thông báo của tôi / My notifications', response: { 200: ZNotificationList, ...errorResponses } } },
    (req) =>
      inTenant(req, async (tx, actor) => {
        const rows = await tx
          .select()
          .from(notifications)
          .where(eq(notifications.userId, actor.userId))
          .orderBy(desc(notifications.createdAt))
          .limit(50);
        const [unread] = await tx
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
        return {
          items: rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            title: r.title,
            body: r.body,
            link: r.link,
            createdAt: r.createdAt.toISOString(),
            readAt: r.readAt?.toISOString() ?? null,
          })),
          unread: Number(unread?.n ?? 0),
        };
      }),
  );
  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: 'Đánh dấu đã đọc / Mark read', params: zIdParams, response: { 200: ZOk, ...errorResponses } } },
    (req) =>
      inTenant(req, async (tx, actor) => {
        // Someone else's notification is "not found" (outsiders get 404).
        const done = await tx
          .update(notifications)
          .set({ readAt: new Date() })
          .where(and(eq(notifications.id, req.params.id), eq(notifications.userId, actor.userId)))
          .returning({ id: notifications.id });
        if (done.length === 0) throw new AppError('NOT_FOUND');
        return { ok: true as const };
      }),
  );
  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: 'Đánh dấu tất cả đã đọc / Mark all read', response: { 200: ZOk, ...errorResponses } } },
    (req) =>
      inTenant(req, async (tx, actor) => {
        await tx
          .update(notifications)
          .set({ readAt: new Date() })
          .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
        return { ok: true as const };
      }),
  );
};
