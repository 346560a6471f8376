/** HTTP routes of the `conferences` module: staff conferences and consultations of staff. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import {
  ZAddComment,
  ZAddDocument,
  ZDocumentParams,
  ZSetDelegates,
  ZAddItem,
  ZAdopt,
  ZAgendaUpdate,
  ZAttendance,
  ZClassify,
  ZCloseEarly,
  ZCommentParams,
  ZConference,
  ZConferenceList,
  ZConsultation,
  ZConsultationList,
  ZCreateConference,
  ZCreateConsultation,
  ZIssueRegulation,
  ZItemParams,
  ZParticipation,
  ZPublishExplanation,
  ZRecordElection,
  ZRecordReview,
  ZRegulationList,
  ZReminded,
  ZVote,
  ZWrittenBallot,
} from '../../../contracts/conferences';
import { errorResponses, zIdParams } from '../../../contracts/common';
import { recordAudit } from '../../platform/audit';
import { renderAdministrativeDocument } from '../../platform/docx';
import { AppError } from '../../platform/errors';
import { withContext } from '../../platform/http';
import { type Actor, type Capability, can } from '../../platform/roles';
import { tenants } from '../../platform/tables';
import {
  addDocument,
  addItem,
  removeDocument,
  setDelegates,
  adoptResolution,
  createConference,
  getConference,
  listConferences,
  recordAttendance,
  recordElection,
  recordReview,
  recordWrittenBallot,
  updateAgenda,
  voteItem,
} from './conference-service';
import {
  addComment,
  classifyComment,
  closeEarly,
  createConsultation,
  getConsultation,
  listConsultations,
  participation,
  publishExplanation,
  remindNonResponders,
} from './consultation-service';
import { resolutionToDocument } from './export';
import { issueRegulation, listRegulationVersions } from './regulation-service';

const conf = ['conferences'];
const cons = ['consultations'];
const ok = (schema: typeof ZConference) => ({ 200: schema, ...errorResponses });

/**
 * The reading routes answer only those whose roles hold the module's read capability: today every
 * standing role does, but a person holding only `board_member` (issue #11) or a future role must
 * not read the conference's papers or the staff's comments by default.
 */
function mayRead<C extends { actor: Actor }>(ctx: C, capability: Capability): C {
  if (!can(ctx.actor, capability)) throw new AppError('FORBIDDEN');
  return ctx;
}

export const conferencesRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- staff conference (Law 10/2022 Arts. 50–52) ----
  app.get(
    '/conferences',
    { schema: { tags: conf, summary: 'Hội nghị CBCCVC / Staff conferences', response: { 200: ZConferenceList, ...errorResponses } } },
    (req) => withContext(req, (ctx) => listConferences(mayRead(ctx, 'conferences.read'))),
  );
  app.post(
    '/conferences',
    { schema: { tags: conf, summary: 'Tạo hội nghị / Convene a conference', body: ZCreateConference, response: ok(ZConference) } },
    (req) => withContext(req, (ctx) => createConference(ctx, req.body)),
  );
  app.get(
    '/conferences/:id',
    { schema: { tags: conf, summary: 'Một hội nghị / One conference', params: zIdParams, response: ok(ZConference) } },
    (req) => withContext(req, (ctx) => getConference(mayRead(ctx, 'conferences.read'), req.params.id)),
  );
  app.post(
    '/conferences/:id/attendance',
    {
      schema: {
        tags: conf,
        summary: 'Ghi số người dự / Record attendance',
        params: zIdParams,
        body: ZAttendance,
        response: ok(ZConference),
      },
    },
    (req) => withContext(req, (ctx) => recordAttendance(ctx, req.params.id, req.body)),
  );
  app.post(
    '/conferences/:id/written-ballot',
    {
      schema: {
        tags: conf,
        summary: 'Lấy ý kiến bằng văn bản (Điều 50 khoản 2) / Written ballot',
        params: zIdParams,
        body: ZWrittenBallot,
        response: ok(ZConference),
      },
    },
    (req) => withContext(req, (ctx) => recordWrittenBallot(ctx, req.params.id, req.body)),
  );
  app.put(
    '/conferences/:id/agenda',
    {
      schema: { tags: conf, summary: 'Chương trình hội nghị / Agenda', params: zIdParams, body: ZAgendaUpdate, response: ok(ZConference) },
    },
    (req) => withContext(req, (ctx) => updateAgenda(ctx, req.params.id, req.body)),
  );
  app.post(
    '/conferences/:id/items',
    {
      schema: {
        tags: conf,
        summary: 'Thêm nội dung nghị quyết / Add a resolution item',
        params: zIdParams,
        body: ZAddItem,
        response: ok(ZConference),
      },
    },
    (req) => withContext(req, (ctx) => addItem(ctx, req.params.id, req.body.title)),
  );
  app.put(
    '/conferences/:id/items/:itemId/vote',
    {
      schema: {
        tags: conf,
        summary: 'Ghi kết quả biểu quyết / Record a vote',
        params: ZItemParams,
        body: ZVote,
        response: ok(ZConference),
      },
    },
    (req) => withContext(req, (ctx) => voteItem(ctx, req.params.id, req.params.itemId, req.body)),
  );
  app.post(
    '/conferences/:id/adopt',
    {
      schema: {
        tags: conf,
        summary: 'Thông qua nghị quyết / Adopt the resolution',
        params: zIdParams,
        body: ZAdopt,
        response: ok(ZConference),
      },
    },
    (req) => withContext(req, (ctx) => adoptResolution(ctx, req.params.id, req.body)),
  );
  app.post(
    '/conferences/:id/reviews',
    {
      schema: {
        tags: conf,
        summary: 'Kiểm tra thực hiện nghị quyết 6 tháng (Điều 52 khoản 3) / 6-monthly review',
        params: zIdParams,
        body: ZRecordReview,
        response: ok(ZConference),
      },
    },
    (req) => withContext(req, (ctx) => recordReview(ctx, req.params.id, req.body)),
  );
  app.put(
    '/conferences/:id/election',
    {
      schema: {
        tags: conf,
        summary: 'Kết quả bầu Ban Thanh tra nhân dân / Inspection Board election',
        params: zIdParams,
        body: ZRecordElection,
        response: ok(ZConference),
      },
    },
    (req) => withContext(req, (ctx) => recordElection(ctx, req.params.id, req.body)),
  );
  app.get(
    '/conferences/:id/resolution.docx',
    { schema: { tags: conf, summary: 'Nghị quyết hội nghị (.docx, Nghị định 30/2020) / The resolution', params: zIdParams } },
    async (req, reply) => {
      const { c, bytes } = await withContext(req, async (ctx) => {
        const c = await getConference(ctx, req.params.id);
        const [agency] = await ctx.tx.select().from(tenants).where(eq(tenants.tenantId, ctx.actor.tenantId));
        const bytes = await renderAdministrativeDocument(resolutionToDocument(c, agency!));
        await recordAudit(ctx.tx, ctx.who, { action: 'conference.export', entityType: 'conference', entityId: c.id, summary: c.title });
        return { c, bytes };
      });
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      reply.header(
        'content-disposition',
        `attachment; filename="Nghi-quyet-hoi-nghi-${c.year}.docx"; filename*=UTF-8''${encodeURIComponent(`Nghị quyết ${c.title}.docx`)}`,
      );
      return reply.send(bytes);
    },
  );

  app.put(
    '/conferences/:id/delegates',
    {
      schema: {
        tags: conf,
        summary: 'Danh sách đại biểu được triệu tập (Điều 51 khoản 2) / Name the delegates convened',
        params: zIdParams,
        body: ZSetDelegates,
        response: ok(ZConference),
      },
    },
    (req) => withContext(req, (ctx) => setDelegates(ctx, req.params.id, req.body)),
  );
  app.post(
    '/conferences/:id/documents',
    {
      schema: {
        tags: conf,
        summary: 'Gửi tài liệu trước hội nghị / Circulate a document before the conference',
        params: zIdParams,
        body: ZAddDocument,
        response: ok(ZConference),
      },
    },
    (req) => withContext(req, (ctx) => addDocument(ctx, req.params.id, req.body)),
  );
  app.delete(
    '/conferences/:id/documents/:documentId',
    {
      schema: {
        tags: conf,
        summary: 'Gỡ tài liệu đã gửi / Remove a circulated document',
        params: ZDocumentParams,
        response: ok(ZConference),
      },
    },
    (req) => withContext(req, (ctx) => removeDocument(ctx, req.params.id, req.params.documentId)),
  );

  // ---- consultations (Arts. 53–55) ----
  app.get(
    '/consultations',
    { schema: { tags: cons, summary: 'Lấy ý kiến / Consultations', response: { 200: ZConsultationList, ...errorResponses } } },
    (req) => withContext(req, (ctx) => listConsultations(mayRead(ctx, 'consultations.read'))),
  );
  app.post(
    '/consultations',
    {
      schema: {
        tags: cons,
        summary: 'Kế hoạch lấy ý kiến (Điều 55) / Plan a consultation',
        body: ZCreateConsultation,
        response: { 200: ZConsultation, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => createConsultation(ctx, req.body)),
  );
  app.get(
    '/consultations/:id',
    {
      schema: {
        tags: cons,
        summary: 'Một đợt lấy ý kiến / One consultation',
        params: zIdParams,
        response: { 200: ZConsultation, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => getConsultation(mayRead(ctx, 'consultations.read'), req.params.id)),
  );
  app.post(
    '/consultations/:id/comments',
    {
      schema: {
        tags: cons,
        summary: 'Góp ý / Comment',
        params: zIdParams,
        body: ZAddComment,
        response: { 200: ZConsultation, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => addComment(ctx, req.params.id, req.body)),
  );
  app.put(
    '/consultations/:id/comments/:commentId/outcome',
    {
      schema: {
        tags: cons,
        summary: 'Tiếp thu / không tiếp thu ý kiến / Classify a comment',
        params: ZCommentParams,
        body: ZClassify,
        response: { 200: ZConsultation, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => classifyComment(ctx, req.params.id, req.params.commentId, req.body)),
  );
  app.post(
    '/consultations/:id/remind',
    {
      schema: { tags: cons, summary: 'Nhắc người chưa góp ý / Remind', params: zIdParams, response: { 200: ZReminded, ...errorResponses } },
    },
    (req) => withContext(req, (ctx) => remindNonResponders(ctx, req.params.id)),
  );
  app.post(
    '/consultations/:id/close',
    {
      schema: {
        tags: cons,
        summary: 'Kết thúc sớm khi mọi người đã góp ý (Điều 55) / End early, everyone having answered',
        params: zIdParams,
        body: ZCloseEarly,
        response: { 200: ZConsultation, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => closeEarly(ctx, req.params.id, req.body)),
  );
  app.post(
    '/consultations/:id/explanation',
    {
      schema: {
        tags: cons,
        summary: 'Công khai giải trình (Điều 55) / Publish the explanation',
        params: zIdParams,
        body: ZPublishExplanation,
        response: { 200: ZConsultation, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => publishExplanation(ctx, req.params.id, req.body)),
  );
  app.get(
    '/consultations/:id/participation',
    {
      schema: {
        tags: cons,
        summary: 'Giám sát của công đoàn: ai đã góp ý / Union monitoring',
        params: zIdParams,
        response: { 200: ZParticipation, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => participation(ctx, req.params.id)),
  );

  // ---- regulations issued after a consultation (Arts. 53(8), 53(9), 59) ----
  app.get(
    '/regulations',
    {
      schema: {
        tags: cons,
        summary: 'Các phiên bản quy chế đã ban hành / Issued regulation versions',
        response: { 200: ZRegulationList, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, (ctx) => {
        if (!can(ctx.actor, 'consultations.read')) throw new AppError('FORBIDDEN');
        return listRegulationVersions(ctx.tx);
      }),
  );
  app.post(
    '/consultations/:id/issue',
    {
      schema: {
        tags: cons,
        summary: 'Ban hành quy chế từ đợt lấy ý kiến (Điều 59) / Issue the regulation',
        params: zIdParams,
        body: ZIssueRegulation,
        response: { 200: ZConsultation, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        await issueRegulation(ctx, req.params.id, req.body);
        return getConsultation(ctx, req.params.id);
      }),
  );
};
