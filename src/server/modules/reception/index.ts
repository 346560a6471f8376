/**
 * The `reception` module (issue #5): the head's reception schedule and the register book
 * (Law on Citizen Reception 42/2013/QH13 as amended by Law 136/2025/QH15).
 */
import { z } from 'zod';
import { ZEntryInput, ZEntryReply, ZRevealRequest, ZSessionAction, ZSessionInput, ZSessionUpdate } from '../../../contracts/cases';
import { errorResponses, zIdParams, zText } from '../../../contracts/common';
import { auditActorOf, inTenant } from '../../platform/http';
import { onCalendarChanged } from '../calendar/service';
import { defineModule } from '../manifest';
import {
  createEntry,
  createSession,
  recomputeReplyDates,
  getEntry,
  hosts,
  listEntries,
  listSessions,
  replyEntry,
  revealEntry,
  sessionAction,
  updateSession,
} from './service';
import { todayInVietnam } from '../../platform/clock';

const tags = ['reception'];

// Working-day reply dates move with the holiday calendar, like case deadlines.
onCalendarChanged(async (tx, who) => {
  await recomputeReplyDates(tx, who);
});

const zYear = z.object({ year: z.coerce.number().int().min(2000).max(2200).optional() });

export const receptionModule = defineModule({
  name: 'reception',
  errors: {
    RECEPTION_WRONG_STATE: {
      status: 409,
      vi: 'Thao tác không phù hợp với trạng thái hiện tại của buổi tiếp',
      en: 'This action does not fit the session’s current state',
    },
  },
  routes: async (app) => {
    app.get(
      '/reception/sessions',
      {
        schema: {
          tags,
          summary: 'Lịch tiếp công dân / Reception schedule',
          querystring: zYear,
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req) => inTenant(req, (tx) => listSessions(tx, req.query.year ?? Number(todayInVietnam().slice(0, 4)), todayInVietnam())),
    );
    app.post(
      '/reception/sessions',
      { schema: { tags, summary: 'Thêm buổi tiếp / Add a session', body: ZSessionInput, response: { 200: z.any(), ...errorResponses } } },
      (req) => inTenant(req, (tx, actor) => createSession(tx, actor, auditActorOf(req), req.body)),
    );
    app.patch(
      '/reception/sessions/:id',
      {
        schema: {
          tags,
          summary: 'Sửa buổi tiếp / Edit a session',
          params: zIdParams,
          body: ZSessionUpdate,
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req) => inTenant(req, (tx, actor) => updateSession(tx, actor, auditActorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/reception/sessions/:id/actions',
      {
        schema: {
          tags,
          summary: 'Thông báo, hoãn, hủy, đã tiếp / Publish, postpone, cancel, held',
          params: zIdParams,
          body: ZSessionAction,
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req) => inTenant(req, (tx, actor) => sessionAction(tx, actor, auditActorOf(req), req.params.id, req.body, todayInVietnam())),
    );
    app.get(
      '/reception/hosts',
      { schema: { tags, summary: 'Người chủ trì tiếp / Hosts', response: { 200: z.any(), ...errorResponses } } },
      (req) => inTenant(req, (tx) => hosts(tx)),
    );
    app.get(
      '/reception/entries',
      {
        schema: {
          tags,
          summary: 'Sổ tiếp công dân / Register book',
          querystring: zYear.extend({ q: zText(200).optional() }),
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req) => inTenant(req, (tx, actor) => listEntries(tx, actor, req.query, todayInVietnam())),
    );
    app.post(
      '/reception/entries',
      {
        schema: { tags, summary: 'Ghi sổ tiếp công dân / Write a line', body: ZEntryInput, response: { 200: z.any(), ...errorResponses } },
      },
      (req) => inTenant(req, (tx, actor) => createEntry(tx, actor, auditActorOf(req), req.body, todayInVietnam())),
    );
    app.get(
      '/reception/entries/:id',
      { schema: { tags, summary: 'Một dòng sổ / One line', params: zIdParams, response: { 200: z.any(), ...errorResponses } } },
      (req) => inTenant(req, (tx, actor) => getEntry(tx, actor, req.params.id, todayInVietnam())),
    );
    app.post(
      '/reception/entries/:id/reply',
      {
        schema: {
          tags,
          summary: 'Trả lời người đến / Reply to the visitor',
          params: zIdParams,
          body: ZEntryReply,
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req) => inTenant(req, (tx, actor) => replyEntry(tx, actor, auditActorOf(req), req.params.id, req.body, todayInVietnam())),
    );
    app.post(
      '/reception/entries/:id/reveal',
      {
        schema: {
          tags,
          summary: 'Xem thông tin người đến (ghi nhật ký) / Reveal visitors (logged)',
          params: zIdParams,
          body: ZRevealRequest,
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req, reply) => {
        reply.header('cache-control', 'no-store');
        return inTenant(req, async (tx, actor) => ({
          visitors: await revealEntry(tx, actor, auditActorOf(req), req.params.id, req.body.reason),
        }));
      },
    );
  },
});
