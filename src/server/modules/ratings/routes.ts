/** HTTP routes of the `ratings` module: criteria sets, the year's ratings, self-assessment, appraisal, publication, appeals, commendations. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, zIdParams, zUuid } from '../../../contracts/common';
import {
  ZAppealInput,
  ZAppraiseInput,
  ZCommendation,
  ZCommendationInput,
  ZCommendationUpdate,
  ZCriteriaSet,
  ZCriteriaSetInput,
  ZRatingsOfYear,
  ZSelfAssessInput,
  ZUnitRating,
} from '../../../contracts/ratings';
import { recordAudit } from '../../platform/audit';
import { renderAdministrativeDocument } from '../../platform/docx';
import { AppError } from '../../platform/errors';
import { withContext } from '../../platform/http';
import { tenants } from '../../platform/tables';
import { ratingSheetDocument } from './export';
import { can } from '../../platform/roles';
import {
  appealRating,
  appraise,
  createCommendation,
  getUnitRating,
  listCommendations,
  listCriteriaSets,
  listRatings,
  proposeCommendations,
  publishYear,
  saveCriteriaSet,
  selfAssess,
  updateCommendation,
} from './service';

const tags = ['ratings'];
const zYear = z.coerce.number().int().min(2000).max(2200);
/** A unit's id, or "agency" for the agency's own rating toward the province. */
const unitParams = z.object({ year: zYear, unitId: z.union([zUuid, z.literal('agency')]) });
const one = { 200: ZUnitRating, ...errorResponses };

export const ratingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/ratings',
    {
      schema: {
        tags,
        summary: 'Đánh giá, xếp loại công tác dân vận của năm / The year’s ratings of dân vận work',
        querystring: z.object({ year: zYear }),
        response: { 200: ZRatingsOfYear, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => listRatings(ctx, req.query.year)),
  );
  app.post(
    '/ratings/:year/publish',
    {
      schema: {
        tags,
        summary: 'Công bố kết quả đã thẩm định / Publish the appraised ratings',
        params: z.object({ year: zYear }),
        response: { 200: ZRatingsOfYear, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => publishYear(ctx, req.params.year)),
  );
  app.get(
    '/ratings/:year/units/:unitId',
    { schema: { tags, summary: 'Phiếu đánh giá của một đơn vị / A unit’s rating sheet', params: unitParams, response: one } },
    (req) => withContext(req, (ctx) => getUnitRating(ctx, req.params.year, req.params.unitId)),
  );
  app.get(
    '/ratings/:year/units/:unitId/sheet.docx',
    { schema: { tags, summary: 'Phiếu đánh giá .docx (Nghị định 30/2020) / The rating sheet as .docx', params: unitParams } },
    async (req, reply) => {
      const { sheet, bytes } = await withContext(req, async (ctx) => {
        const sheet = await getUnitRating(ctx, req.params.year, req.params.unitId);
        const [agency] = await ctx.tx.select().from(tenants);
        const bytes = await renderAdministrativeDocument(
          ratingSheetDocument(sheet, { name: agency!.name, parentName: agency!.parentName, place: agency!.place }),
        );
        await recordAudit(ctx.tx, ctx.who, {
          action: 'unit_rating.export',
          entityType: 'unit_rating',
          entityId: sheet.id,
          summary: `${sheet.unitName} ${sheet.year}`,
        });
        return { sheet, bytes };
      });
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      reply.header(
        'content-disposition',
        `attachment; filename="Phieu-danh-gia-${sheet.year}.docx"; filename*=UTF-8''${encodeURIComponent(`Phiếu đánh giá ${sheet.year} - ${sheet.unitName}.docx`)}`,
      );
      return reply.send(bytes);
    },
  );
  app.put(
    '/ratings/:year/units/:unitId/self',
    { schema: { tags, summary: 'Đơn vị tự đánh giá / Self-assessment', params: unitParams, body: ZSelfAssessInput, response: one } },
    (req) => withContext(req, (ctx) => selfAssess(ctx, req.params.year, req.params.unitId, req.body)),
  );
  app.post(
    '/ratings/:year/units/:unitId/appraise',
    {
      schema: {
        tags,
        summary: 'Thẩm định / Appraisal (or the answer to an appeal)',
        params: unitParams,
        body: ZAppraiseInput,
        response: one,
      },
    },
    (req) => withContext(req, (ctx) => appraise(ctx, req.params.year, req.params.unitId, req.body)),
  );
  app.post(
    '/ratings/:year/units/:unitId/appeal',
    { schema: { tags, summary: 'Kiến nghị về kết quả / Appeal', params: unitParams, body: ZAppealInput, response: one } },
    (req) => withContext(req, (ctx) => appealRating(ctx, req.params.year, req.params.unitId, req.body)),
  );
  app.get(
    '/rating-criteria',
    { schema: { tags, summary: 'Bộ tiêu chí đánh giá / Criteria sets', response: { 200: z.array(ZCriteriaSet), ...errorResponses } } },
    (req) =>
      withContext(req, async (ctx) => {
        if (!can(ctx.actor, 'ratings.read')) throw new AppError('NOT_FOUND');
        return (await listCriteriaSets(ctx.tx)).map((s) => ({ ...s, body: s.body as z.infer<typeof ZCriteriaSet>['body'] }));
      }),
  );
  app.post(
    '/rating-criteria',
    {
      schema: {
        tags,
        summary: 'Thêm phiên bản bộ tiêu chí / Add a criteria set version',
        body: ZCriteriaSetInput,
        response: { 200: ZCriteriaSet, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        const s = await saveCriteriaSet(ctx, req.body);
        return { ...s, body: s.body as z.infer<typeof ZCriteriaSet>['body'] };
      }),
  );
  app.get(
    '/commendations',
    {
      schema: {
        tags,
        summary: 'Đề nghị và quyết định khen thưởng / Commendation proposals and decisions',
        querystring: z.object({ year: zYear.optional(), unitId: zUuid.optional() }),
        response: { 200: z.array(ZCommendation), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => listCommendations(ctx, req.query)),
  );
  app.post(
    '/commendations',
    {
      schema: {
        tags,
        summary: 'Ghi đề nghị hoặc quyết định khen thưởng / Record a proposal or decision',
        body: ZCommendationInput,
        response: { 200: ZCommendation, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => createCommendation(ctx, req.body)),
  );
  app.post(
    '/commendations/propose',
    {
      schema: {
        tags,
        summary: 'Lập đề nghị khen thưởng từ kết quả xếp loại và mô hình / Propose from ratings and models',
        querystring: z.object({ year: zYear }),
        response: { 200: z.array(ZCommendation), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => proposeCommendations(ctx, req.query.year)),
  );
  app.patch(
    '/commendations/:id',
    {
      schema: {
        tags,
        summary: 'Sửa, trình, ghi quyết định khen thưởng / Edit, submit, decide',
        params: zIdParams,
        body: ZCommendationUpdate,
        response: { 200: ZCommendation, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => updateCommendation(ctx, req.params.id, req.body)),
  );
};
