/** HTTP routes of the `exemplars` module: "Dân vận khéo" models, their evidence, evaluations, replications, and the public showcase. */
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, zIdParams, zText, zUuid } from '../../../contracts/common';
import {
  MODEL_STATUSES,
  ZEvaluationInput,
  ZEvidenceInput,
  ZModelDetail,
  ZModelInput,
  ZModelList,
  ZModelTransition,
  ZModelUpdate,
  ZPublicModel,
  ZReplicationInput,
} from '../../../contracts/exemplars';
import { AppError } from '../../platform/errors';
import { withContext } from '../../platform/http';
import { tenants } from '../../platform/tables';
import {
  addEvaluation,
  addEvidence,
  addReplication,
  createModel,
  getModel,
  listModels,
  publicModels,
  transitionModel,
  updateModel,
} from './service';

const tags = ['exemplars'];
const detail = { 200: ZModelDetail, ...errorResponses };

export const exemplarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/models',
    {
      schema: {
        tags,
        summary: 'Mô hình “Dân vận khéo” / "Skilful mass mobilisation" models',
        querystring: z.object({ q: zText(200).optional(), status: z.enum(MODEL_STATUSES).optional(), unitId: zUuid.optional() }),
        response: { 200: ZModelList, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => listModels(ctx, req.query)),
  );
  app.post('/models', { schema: { tags, summary: 'Đăng ký mô hình / Register a model', body: ZModelInput, response: detail } }, (req) =>
    withContext(req, (ctx) => createModel(ctx, req.body)),
  );
  app.get('/models/:id', { schema: { tags, summary: 'Một mô hình / One model', params: zIdParams, response: detail } }, (req) =>
    withContext(req, (ctx) => getModel(ctx, req.params.id)),
  );
  app.patch(
    '/models/:id',
    { schema: { tags, summary: 'Sửa đăng ký mô hình / Edit a model', params: zIdParams, body: ZModelUpdate, response: detail } },
    (req) => withContext(req, (ctx) => updateModel(ctx, req.params.id, req.body)),
  );
  app.post(
    '/models/:id/transition',
    {
      schema: {
        tags,
        summary: 'Triển khai, dừng, công nhận mô hình / Launch, stop or recognise a model',
        params: zIdParams,
        body: ZModelTransition,
        response: detail,
      },
    },
    (req) => withContext(req, (ctx) => transitionModel(ctx, req.params.id, req.body)),
  );
  app.post(
    '/models/:id/evidence',
    { schema: { tags, summary: 'Thêm minh chứng / Add evidence', params: zIdParams, body: ZEvidenceInput, response: detail } },
    (req) => withContext(req, (ctx) => addEvidence(ctx, req.params.id, req.body)),
  );
  app.post(
    '/models/:id/evaluations',
    {
      schema: {
        tags,
        summary: 'Ghi kết quả đánh giá của hội đồng / Record a council evaluation',
        params: zIdParams,
        body: ZEvaluationInput,
        response: detail,
      },
    },
    (req) => withContext(req, (ctx) => addEvaluation(ctx, req.params.id, req.body)),
  );
  app.post(
    '/models/:id/replications',
    {
      schema: { tags, summary: 'Ghi nhận nhân rộng / Record a replication', params: zIdParams, body: ZReplicationInput, response: detail },
    },
    (req) => withContext(req, (ctx) => addReplication(ctx, req.params.id, req.body)),
  );
  app.get(
    '/public/:agency/models',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['portal'],
        summary: 'Mô hình “Dân vận khéo” được công nhận / Commended models (public showcase)',
        params: z.object({ agency: z.string().max(100) }),
        querystring: z.object({ q: zText(200).optional() }),
        response: { 200: z.object({ items: z.array(ZPublicModel) }), ...errorResponses },
      },
    },
    async (req) => {
      const [t] = await app.db.owner.select({ tenantId: tenants.tenantId }).from(tenants).where(eq(tenants.code, req.params.agency));
      if (!t) throw new AppError('NOT_FOUND');
      return { items: await app.db.withTenant({ tenantId: t.tenantId, userId: null }, (tx) => publicModels(tx, req.query.q)) };
    },
  );
};
