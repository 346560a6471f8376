/** HTTP routes of the `watch` module: the grievance watch and the calendar of sensitive periods. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ZOk, zIdParams } from '../../../contracts/common';
import { ZWatch, ZWatchEvent, ZWatchEventInput, ZWatchEventUpdate } from '../../../contracts/watch';
import { withContext } from '../../platform/http';
import { createEvent, deleteEvent, listEvents, refreshWatch, updateEvent } from './service';

const tags = ['watch'];

export const watchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/watch',
    {
      schema: {
        tags,
        summary: 'Theo dõi, dự báo đơn thư / Grievance watch and forecast',
        response: { 200: ZWatch, ...errorResponses },
      },
    },
    // Computed afresh, and stored as the snapshot the dashboard shows.
    (req) => withContext(req, (ctx) => refreshWatch(ctx)),
  );
  app.post(
    '/watch/refresh',
    {
      schema: {
        tags,
        summary: 'Tính lại cho bảng điều khiển / Compute again for the dashboard',
        response: { 200: z.object({ computedAt: z.string() }), ...errorResponses },
      },
    },
    (req) => withContext(req, async (ctx) => ({ computedAt: (await refreshWatch(ctx)).computedAt })),
  );
  app.get(
    '/watch/events',
    {
      schema: { tags, summary: 'Lịch thời kỳ nhạy cảm / Sensitive periods', response: { 200: z.array(ZWatchEvent), ...errorResponses } },
    },
    (req) => withContext(req, (ctx) => listEvents(ctx)),
  );
  app.post(
    '/watch/events',
    {
      schema: {
        tags,
        summary: 'Ghi một thời kỳ nhạy cảm / Record a sensitive period',
        body: ZWatchEventInput,
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => createEvent(ctx, req.body)),
  );
  app.put(
    '/watch/events/:id',
    {
      schema: {
        tags,
        summary: 'Sửa một thời kỳ nhạy cảm / Correct a sensitive period',
        params: zIdParams,
        body: ZWatchEventUpdate,
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => updateEvent(ctx, req.params.id, req.body.version, req.body.data)),
  );
  app.delete(
    '/watch/events/:id',
    {
      schema: {
        tags,
        summary: 'Xóa một thời kỳ nhạy cảm / Delete a sensitive period',
        params: zIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        await deleteEvent(ctx, req.params.id);
        return { ok: true as const };
      }),
  );
};
