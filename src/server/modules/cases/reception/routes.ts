/**
 * HTTP routes of citizen reception (issue #5): the head's reception schedule and the register
 * book (Law on Citizen Reception 42/2013/QH13 as amended by Law 136/2025/QH15).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZRevealRequest } from '../../../../contracts/cases';
import {
  ZEntryInput,
  ZEntryReply,
  ENTRY_PAGE_MAX,
  ZPublishBy,
  ZReceptionEntry,
  ZReceptionEntryPage,
  ZReceptionHost,
  ZReceptionSchedule,
  ZReceptionSession,
  ZRevealedVisitors,
  ZSessionAction,
  ZSessionInput,
  ZSessionUpdate,
} from '../../../../contracts/reception';
import { errorResponses, zIdParams, zText } from '../../../../contracts/common';
import { withContext } from '../../../platform/http';
import {
  createEntry,
  createSession,
  getEntry,
  hosts,
  listEntries,
  listSessions,
  publishByOf,
  replyEntry,
  revealEntry,
  sessionAction,
  updateSession,
} from './service';

const tags = ['reception'];

const zYear = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const receptionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reception/sessions',
    {
      // Kept between changes of the agency's data (response-cache.ts).
      config: { readOnly: true, cache: true },
      schema: {
        tags,
        summary: 'Lịch tiếp công dân / Reception schedule',
        querystring: zYear,
        response: { 200: ZReceptionSchedule, ...errorResponses },
      },
    },
    (req) => withContext(req, ({ tx, today }) => listSessions(tx, req.query.year ?? Number(today.slice(0, 4)), today)),
  );
  app.get(
    '/reception/sessions/:id/publish-by',
    {
      config: { readOnly: true },
      schema: {
        tags,
        summary: "Hạn công bố lịch tiếp và cách tính / A session's publication deadline, explained",
        params: zIdParams,
        response: { 200: ZPublishBy, ...errorResponses },
      },
    },
    (req) => withContext(req, ({ tx }) => publishByOf(tx, req.params.id)),
  );
  app.post(
    '/reception/sessions',
    {
      schema: {
        tags,
        summary: 'Thêm buổi tiếp / Add a session',
        body: ZSessionInput,
        response: { 200: ZReceptionSession, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => createSession(ctx, req.body)),
  );
  app.patch(
    '/reception/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Sửa buổi tiếp / Edit a session',
        params: zIdParams,
        body: ZSessionUpdate,
        response: { 200: ZReceptionSession, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => updateSession(ctx, req.params.id, req.body)),
  );
  app.post(
    '/reception/sessions/:id/actions',
    {
      schema: {
        tags,
        summary: 'Thông báo, hoãn, hủy, đã tiếp / Publish, postpone, cancel, held',
        params: zIdParams,
        body: ZSessionAction,
        response: { 200: ZReceptionSession, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => sessionAction(ctx, req.params.id, req.body)),
  );
  app.get(
    '/reception/hosts',
    { schema: { tags, summary: 'Người chủ trì tiếp / Hosts', response: { 200: z.array(ZReceptionHost), ...errorResponses } } },
    (req) => withContext(req, ({ tx }) => hosts(tx)),
  );
  app.get(
    '/reception/entries',
    {
      schema: {
        tags,
        summary: 'Sổ tiếp công dân / Register book',
        // A page at a time (issue #17): a year's book of a large agency is thousands of lines.
        querystring: zYear.extend({
          q: zText(200).optional(),
          limit: z.coerce.number().int().min(1).max(ENTRY_PAGE_MAX).default(ENTRY_PAGE_MAX),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: { 200: ZReceptionEntryPage, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => listEntries(ctx, req.query)),
  );
  app.post(
    '/reception/entries',
    {
      schema: {
        tags,
        summary: 'Ghi sổ tiếp công dân / Write a line',
        body: ZEntryInput,
        response: { 200: ZReceptionEntry, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => createEntry(ctx, req.body)),
  );
  app.get(
    '/reception/entries/:id',
    { schema: { tags, summary: 'Một dòng sổ / One line', params: zIdParams, response: { 200: ZReceptionEntry, ...errorResponses } } },
    (req) => withContext(req, (ctx) => getEntry(ctx, req.params.id)),
  );
  app.post(
    '/reception/entries/:id/reply',
    {
      schema: {
        tags,
        summary: 'Trả lời người đến / Reply to the visitor',
        params: zIdParams,
        body: ZEntryReply,
        response: { 200: ZReceptionEntry, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => replyEntry(ctx, req.params.id, req.body)),
  );
  app.post(
    '/reception/entries/:id/reveal',
    {
      schema: {
        tags,
        summary: 'Xem thông tin người đến (ghi nhật ký) / Reveal visitors (logged)',
        params: zIdParams,
        body: ZRevealRequest,
        response: { 200: ZRevealedVisitors, ...errorResponses },
      },
    },
    (req, reply) => {
      // A revealed identity must not stay in any cache.
      reply.header('cache-control', 'no-store');
      return withContext(req, async (ctx) => ({ visitors: await revealEntry(ctx, req.params.id, req.body.reason) }));
    },
  );
};
