/** HTTP routes of the `surveys` module: surveys and their versions, answers by channel, results, export, QR code, external indices; the portal's public survey routes. */
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponses, ZErrorBody, ZOk, zIdParams, zRequiredText } from '../../../contracts/common';
import {
  ZExternalIndex,
  ZExternalIndexInput,
  ZPaperResponseInput,
  ZPublicResponseInput,
  ZPublicSurvey,
  ZResponseInput,
  ZResultsQuery,
  ZSurvey,
  ZSurveyInput,
  ZSurveyResults,
  ZSurveySummary,
  SURVEY_STATUSES,
} from '../../../contracts/surveys';
import { SURVEY_METHODS } from '../../../domain/surveys';
import { recordAudit } from '../../platform/audit';
import { todayInVietnam } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { withContext } from '../../platform/http';
import { tenants, units } from '../../platform/tables';
import { surveyXlsx } from './export';
import { deleteExternalIndex, listExternalIndices, saveExternalIndex } from './indices';
import { qrSvg } from './qr';
import {
  answerAsStaff,
  answerPublic,
  createInvitations,
  createSurvey,
  currentDefinition,
  enterPaperResponse,
  exportRows,
  getResults,
  getSurvey,
  getSurveyRow,
  hasAnswered,
  isAccepting,
  listInvitations,
  listSurveys,
  openPublicSurveys,
  publicSurvey,
  setSurveyStatus,
  updateSurvey,
} from './service';

const tags = ['surveys'];
const publicErrors = { ...errorResponses, 429: ZErrorBody } as const;
const LIMITS = { read: { max: 60, timeWindow: '1 minute' }, submit: { max: 20, timeWindow: '10 minutes' } } as const;

/** The absolute public link of a survey: the portal page that opens it. */
function publicLink(req: FastifyRequest, agency: string, code: string): string {
  return `${req.protocol}://${req.host}/portal/${encodeURIComponent(agency)}/surveys/${code}`;
}

export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/survey-methods',
    {
      schema: {
        tags,
        summary: 'Phương pháp đo lường sự hài lòng / Satisfaction methodologies',
        response: {
          200: z.array(
            z.object({
              code: z.string(),
              name: z.object({ vi: z.string(), en: z.string() }),
              basis: z.string(),
              validFrom: z.string(),
              validTo: z.string().nullable(),
              elements: z.array(
                z.object({
                  code: z.string(),
                  vi: z.string(),
                  en: z.string(),
                  scored: z.boolean(),
                  criteria: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })),
                }),
              ),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async () => [...SURVEY_METHODS],
  );

  app.get(
    '/surveys',
    { schema: { tags, summary: 'Các cuộc khảo sát / Surveys', response: { 200: z.array(ZSurveySummary), ...errorResponses } } },
    (req) => withContext(req, (ctx) => listSurveys(ctx)),
  );
  app.post(
    '/surveys',
    {
      schema: {
        tags,
        summary: 'Tạo khảo sát / Create a survey',
        body: ZSurveyInput,
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => createSurvey(ctx, req.body)),
  );
  app.get(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Một khảo sát / One survey',
        params: zIdParams,
        response: { 200: ZSurvey.extend({ answered: z.boolean(), link: z.string() }), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        const s = await getSurvey(ctx, req.params.id);
        const [t] = await ctx.tx.select({ code: tenants.code }).from(tenants).where(eq(tenants.tenantId, ctx.actor.tenantId));
        return {
          ...s,
          answered: s.audience === 'staff' ? await hasAnswered(ctx, s.id) : false,
          link: publicLink(req, t!.code, s.publicCode),
        };
      }),
  );
  app.put(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Sửa khảo sát (phiên bản mới khi đã có trả lời) / Edit (a new version once answered)',
        params: zIdParams,
        body: ZSurveyInput.extend({ version: z.number().int().min(1) }),
        response: { 200: z.object({ id: z.string(), versionNumber: z.number() }), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => updateSurvey(ctx, req.params.id, req.body)),
  );
  app.post(
    '/surveys/:id/status',
    {
      schema: {
        tags,
        summary: 'Mở, đóng khảo sát / Open or close',
        params: zIdParams,
        body: z.object({ status: z.enum(SURVEY_STATUSES), version: z.number().int().min(1) }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        await setSurveyStatus(ctx, req.params.id, req.body.status, req.body.version);
        return { ok: true as const };
      }),
  );
  app.get(
    '/surveys/:id/results',
    {
      schema: {
        tags,
        summary: 'Kết quả, chỉ số theo đơn vị, dịch vụ, kỳ / Results and indices by unit, service, period',
        params: zIdParams,
        querystring: ZResultsQuery,
        response: { 200: ZSurveyResults, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => getResults(ctx, req.params.id, req.query)),
  );
  app.get('/surveys/:id/export.xlsx', { schema: { tags, summary: 'Xuất Excel / Export .xlsx', params: zIdParams } }, async (req, reply) => {
    const { bytes, title } = await withContext(req, async (ctx) => {
      const e = await exportRows(ctx, req.params.id);
      const unitRows = await ctx.tx.select({ id: units.id, name: units.name }).from(units);
      const names = new Map(unitRows.map((u) => [u.id, u.name]));
      const current = e.versions.get(e.survey.currentVersion)!;
      const bytes = await surveyXlsx({
        title: e.survey.title,
        current,
        results: e.results,
        rows: e.rows,
        unitName: (id) => (id ? (names.get(id) ?? '') : ''),
        unitOf: (svc) => current.services.find((s) => s.code === svc)?.unitId ?? null,
      });
      await recordAudit(ctx.tx, ctx.who, { action: 'survey.export', entityType: 'survey', entityId: e.survey.id, summary: 'xlsx' });
      return { bytes, title: e.survey.title };
    });
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="khao-sat.xlsx"; filename*=UTF-8''${encodeURIComponent(`${title}.xlsx`)}`);
    return reply.send(bytes);
  });
  app.get(
    '/surveys/:id/qr.svg',
    { schema: { tags, summary: 'Mã QR của liên kết công khai / QR code of the public link', params: zIdParams } },
    async (req, reply) => {
      const link = await withContext(req, async (ctx) => {
        const s = await getSurvey(ctx, req.params.id);
        const [t] = await ctx.tx.select({ code: tenants.code }).from(tenants).where(eq(tenants.tenantId, ctx.actor.tenantId));
        return publicLink(req, t!.code, s.publicCode);
      });
      reply.header('content-type', 'image/svg+xml');
      return reply.send(await qrSvg(link));
    },
  );
  app.post(
    '/surveys/:id/paper-responses',
    {
      schema: {
        tags,
        summary: 'Nhập phiếu giấy / Enter a paper form',
        params: zIdParams,
        body: ZPaperResponseInput,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        await enterPaperResponse(ctx, req.params.id, req.body);
        return { ok: true as const };
      }),
  );
  app.post(
    '/surveys/:id/staff-response',
    {
      schema: {
        tags,
        summary: 'Trả lời khảo sát nội bộ (ẩn danh) / Answer an internal survey (anonymous)',
        params: zIdParams,
        body: ZResponseInput,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        await answerAsStaff(ctx, req.params.id, req.body);
        return { ok: true as const };
      }),
  );
  app.get(
    '/surveys/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Thư mời và tình trạng đã dùng / Invitations and whether used',
        params: zIdParams,
        response: { 200: z.array(z.object({ id: z.string(), label: z.string(), used: z.boolean() })), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => listInvitations(ctx, req.params.id)),
  );
  app.post(
    '/surveys/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Tạo thư mời (mã hiện một lần) / Create invitations (codes shown once)',
        params: zIdParams,
        body: z.object({ labels: z.array(zRequiredText(200)).min(1).max(1000) }),
        response: { 200: z.array(z.object({ label: z.string(), token: z.string(), link: z.string() })), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        const s = await getSurveyRow(ctx.tx, req.params.id);
        const [t] = await ctx.tx.select({ code: tenants.code }).from(tenants).where(eq(tenants.tenantId, ctx.actor.tenantId));
        const made = await createInvitations(ctx, req.params.id, req.body.labels);
        return made.map((m) => ({ ...m, link: `${publicLink(req, t!.code, s.publicCode)}?invitation=${m.token}` }));
      }),
  );

  app.get(
    '/external-indices',
    {
      schema: {
        tags,
        summary: 'Chỉ số SIPAS, PAPI, PCI của tỉnh / Province indices',
        response: { 200: z.array(ZExternalIndex), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => listExternalIndices(ctx)),
  );
  app.put(
    '/external-indices',
    {
      schema: {
        tags,
        summary: 'Nhập chỉ số một năm / Enter a year’s figure',
        body: ZExternalIndexInput,
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => saveExternalIndex(ctx, req.body)),
  );
  app.delete(
    '/external-indices/:id',
    { schema: { tags, summary: 'Xóa một số liệu / Delete a figure', params: zIdParams, response: { 200: ZOk, ...errorResponses } } },
    (req) =>
      withContext(req, async (ctx) => {
        await deleteExternalIndex(ctx, req.params.id);
        return { ok: true as const };
      }),
  );

  // The portal: public, rate limited per client address; the agency is named in the path.
  const agencyOf = async (code: string) => {
    const [t] = await app.db.owner.select({ tenantId: tenants.tenantId, code: tenants.code }).from(tenants).where(eq(tenants.code, code));
    if (!t) throw new AppError('NOT_FOUND');
    return t;
  };
  const ZAgency = z.object({ agency: z.string().min(1).max(100) });
  app.get(
    '/public/:agency/surveys',
    {
      config: { public: true, rateLimit: LIMITS.read },
      schema: {
        tags: ['portal'],
        summary: 'Khảo sát đang mở / Open surveys',
        params: ZAgency,
        response: {
          200: z.array(z.object({ code: z.string(), title: z.string(), description: z.string(), closesOn: z.string().nullable() })),
          ...publicErrors,
        },
      },
    },
    async (req) => {
      const a = await agencyOf(req.params.agency);
      return app.db.withTenant({ tenantId: a.tenantId, userId: null }, (tx) => openPublicSurveys(tx, todayInVietnam()));
    },
  );
  app.get(
    '/public/:agency/surveys/:code',
    {
      config: { public: true, rateLimit: LIMITS.read },
      schema: {
        tags: ['portal'],
        summary: 'Phiếu khảo sát / The survey form',
        params: ZAgency.extend({ code: z.string().regex(/^[a-z0-9]{4,20}$/) }),
        response: { 200: ZPublicSurvey.extend({ accepting: z.boolean() }), ...publicErrors },
      },
    },
    async (req, reply) => {
      const a = await agencyOf(req.params.agency);
      reply.header('cache-control', 'no-store');
      return app.db.withTenant({ tenantId: a.tenantId, userId: null }, async (tx) => {
        const s = await publicSurvey(tx, req.params.code);
        const today = todayInVietnam();
        return {
          code: s.publicCode,
          title: s.title,
          description: s.description,
          status: s.status as 'open' | 'closed',
          closesOn: s.closesOn,
          definition: await currentDefinition(tx, s),
          accepting: isAccepting(s, today),
        };
      });
    },
  );
  app.post(
    '/public/:agency/surveys/:code/responses',
    {
      config: { public: true, rateLimit: LIMITS.submit },
      schema: {
        tags: ['portal'],
        summary: 'Gửi câu trả lời (một lần mỗi thiết bị hoặc thư mời) / Answer (once per device or invitation)',
        params: ZAgency.extend({ code: z.string().regex(/^[a-z0-9]{4,20}$/) }),
        body: ZPublicResponseInput,
        response: { 200: ZOk, ...publicErrors },
      },
    },
    async (req) => {
      if (req.body.website && req.body.website.trim() !== '') throw new AppError('SURVEY_REJECTED');
      const a = await agencyOf(req.params.agency);
      await app.db.withTenant({ tenantId: a.tenantId, userId: null }, async (tx) => {
        const s = await publicSurvey(tx, req.params.code);
        const who = { tenantId: a.tenantId, userId: null, name: 'Cổng thông tin công dân' };
        await answerPublic({ tx, who, today: todayInVietnam(), modules: app.modules }, s, req.body);
      });
      return { ok: true as const };
    },
  );
};
