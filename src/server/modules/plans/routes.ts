/** HTTP routes of the `plans` module: the legal-document registry, plans, items, tasks, progress, exports and imports. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { errorResponses, zIdParams, zIsoDate, zText, zUuid } from '../../../contracts/common';
import {
  ZCascade,
  ZCreatePlanRequest,
  ZImportJob,
  ZItemUpdate,
  ZLegalDocument,
  ZLegalDocumentInput,
  ZLegalDocumentUpdate,
  ZPlan,
  ZPlanNumberRequest,
  ZPlanSummary,
  ZProgressInput,
  ZProgressUpdate,
  ZRollup,
  ZTask,
  ZTaskInput,
  ZTaskUpdateInput,
  ZUpdatePlanRequest,
  DUE_STATES,
} from '../../../contracts/plans';
import { AppError } from '../../platform/errors';
import { withContext } from '../../platform/http';
import { authorize } from '../../platform/policy';
import { can } from '../../platform/roles';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { legalDocumentPolicy, planPolicy } from './policy';
import {
  cascade,
  createPlan,
  createTask,
  findDocuments,
  findPlans,
  findTasks,
  findUpdates,
  getPlan,
  getTask,
  numberPlan,
  reportProgress,
  rollup,
  saveDocument,
  updateItem,
  updatePlan,
  updateTask,
} from './service';
import { getImport, IMPORT_JOB, presentImport, processPlanImport } from './import';
import { planImports } from './tables';
import { storeFile } from '../../platform/files';
import { EXAMPLES_DIR } from '../../platform/paths';
import { planToDocument } from './export';
import { renderAdministrativeDocument } from '../../platform/docx';
import { recordAudit } from '../../platform/audit';

const tags = ['plans'];

/** The sample documents shipped in examples/: the OCR-damaged 2021 plan, a Word file and a scanned page. */
const EXAMPLE_FILES = ['ke-hoach-2021-ban-ocr.txt', 'ke-hoach-tuyen-truyen-2021.docx', 'trang-quet-ke-hoach.png'] as const;
const EXAMPLE_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.png': 'image/png',
};

export const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- legal documents registry ----
  app.get(
    '/legal-documents',
    {
      schema: {
        tags,
        summary: 'Danh mục văn bản / Legal documents',
        querystring: z.object({ q: zText(100).optional() }),
        response: { 200: z.array(ZLegalDocument), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, (ctx) => {
        authorize(legalDocumentPolicy, ctx.actor, 'read', { id: '' });
        return findDocuments(ctx.tx, req.query.q);
      }),
  );
  app.post(
    '/legal-documents',
    {
      schema: {
        tags,
        summary: 'Thêm văn bản / Add a document',
        body: ZLegalDocumentInput,
        response: { 200: ZLegalDocument, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, (ctx) => {
        authorize(legalDocumentPolicy, ctx.actor, 'update', { id: '' });
        return saveDocument(ctx, null, req.body);
      }),
  );
  app.patch(
    '/legal-documents/:id',
    {
      schema: {
        tags,
        summary: 'Sửa văn bản / Update a document',
        params: zIdParams,
        body: ZLegalDocumentUpdate,
        response: { 200: ZLegalDocument, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, (ctx) => {
        authorize(legalDocumentPolicy, ctx.actor, 'update', { id: req.params.id });
        return saveDocument(ctx, req.params.id, req.body);
      }),
  );

  // ---- plans ----
  app.get(
    '/plans',
    {
      config: { readOnly: true },
      schema: {
        tags,
        summary: 'Danh sách kế hoạch / Plans',
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2199).optional(),
          parentPlanId: zUuid.optional(),
          unitId: zUuid.optional(),
        }),
        response: { 200: z.array(ZPlanSummary), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, (ctx) => {
        authorize(planPolicy, ctx.actor, 'read', { unitId: null, status: 'issued' });
        return findPlans(ctx, req.query);
      }),
  );
  app.get(
    '/plans/:id',
    { schema: { tags, summary: 'Một kế hoạch / One plan', params: zIdParams, response: { 200: ZPlan, ...errorResponses } } },
    (req) =>
      withContext(req, async (ctx) => {
        const plan = await getPlan(ctx, req.params.id);
        authorize(planPolicy, ctx.actor, 'read', { unitId: plan.unit?.id ?? null, status: plan.status });
        return plan;
      }),
  );
  app.post(
    '/plans',
    { schema: { tags, summary: 'Tạo kế hoạch / Create a plan', body: ZCreatePlanRequest, response: { 200: ZPlan, ...errorResponses } } },
    (req) =>
      withContext(req, (ctx) => {
        if (!can(ctx.actor, 'plans.read')) throw new AppError('FORBIDDEN');
        return createPlan(ctx, req.body);
      }),
  );
  app.patch(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'Sửa kế hoạch / Update a plan',
        params: zIdParams,
        body: ZUpdatePlanRequest,
        response: { 200: ZPlan, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => updatePlan(ctx, req.params.id, req.body)),
  );
  app.post(
    '/plans/:id/number',
    {
      schema: {
        tags,
        summary: 'Văn thư cấp số, ký hiệu cho kế hoạch / The clerical office numbers the plan',
        params: zIdParams,
        body: ZPlanNumberRequest,
        response: { 200: ZPlan, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => numberPlan(ctx, req.params.id, req.body)),
  );
  app.patch(
    '/plan-items/:id',
    {
      schema: {
        tags,
        summary: 'Sửa một mục / Update an item',
        params: zIdParams,
        body: ZItemUpdate,
        response: { 200: ZPlan, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => updateItem(ctx, req.params.id, req.body)),
  );
  app.get(
    '/plans/:id/rollup',
    {
      // Kept between changes of the agency's data (response-cache.ts).
      config: { readOnly: true, cache: true },
      schema: { tags, summary: 'Tổng hợp tiến độ / Progress roll-up', params: zIdParams, response: { 200: ZRollup, ...errorResponses } },
    },
    (req) => withContext(req, (ctx) => rollup(ctx, req.params.id)),
  );
  app.get(
    '/plans/:id/cascade',
    {
      // Kept between changes of the agency's data (response-cache.ts).
      config: { readOnly: true, cache: true },
      schema: {
        tags,
        summary: 'Kế hoạch của các đơn vị / Unit plans',
        params: zIdParams,
        response: { 200: ZCascade, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => cascade(ctx, req.params.id)),
  );

  app.get(
    '/plans/:id/export.docx',
    { schema: { tags, summary: 'Xuất kế hoạch ra .docx (Nghị định 30/2020) / Export to .docx', params: zIdParams } },
    async (req, reply) => {
      const { plan, bytes } = await withContext(req, async (ctx) => {
        const plan = await getPlan(ctx, req.params.id);
        const bytes = await renderAdministrativeDocument(planToDocument(plan));
        await recordAudit(ctx.tx, ctx.who, { action: 'plan.export', entityType: 'plan', entityId: plan.id, summary: plan.summary });
        return { plan, bytes };
      });
      const name = `Ke-hoach-${plan.year}-${plan.id.slice(0, 8)}.docx`;
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      reply.header(
        'content-disposition',
        `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`Kế hoạch ${plan.year} - ${plan.summary.slice(0, 80)}.docx`)}`,
      );
      return reply.send(bytes);
    },
  );

  // ---- sample documents (examples/ in the repository) to try the importer on ----
  app.get(
    '/plan-imports/examples/:name',
    {
      schema: {
        tags,
        summary: 'Tệp mẫu để thử nhập kế hoạch / Sample documents for the importer',
        params: z.object({ name: z.enum(EXAMPLE_FILES) }),
      },
    },
    async (req, reply) => {
      const file = path.join(EXAMPLES_DIR, req.params.name);
      reply.header('content-disposition', `attachment; filename="${req.params.name}"`);
      reply.header('content-type', EXAMPLE_TYPES[path.extname(file)] ?? 'application/octet-stream');
      return reply.send(await readFile(file));
    },
  );

  // ---- import of plan documents ----
  app.post(
    '/plan-imports',
    {
      schema: {
        tags,
        summary: 'Nhập kế hoạch từ văn bản (multipart "file") / Import a plan document',
        consumes: ['multipart/form-data'],
        response: { 200: ZImportJob, ...errorResponses },
      },
    },
    async (req) => {
      if (!req.isMultipart())
        throw new AppError('VALIDATION_FAILED', {
          fields: [{ field: 'file', vi: 'file: cần gửi tệp dạng multipart/form-data', en: 'file: send the file as multipart/form-data' }],
        });
      const part = await req.file();
      if (!part)
        throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', vi: 'file: chưa chọn tệp', en: 'file: no file was sent' }] });
      const data = await part.toBuffer();
      if (part.file.truncated)
        throw new AppError('PAYLOAD_TOO_LARGE', { params: { limit: `${Math.round(app.config.uploadMaxBytes / 1024 / 1024)} MB` } });
      const row = await withContext(req, async (ctx) => {
        if (!can(ctx.actor, 'plans.manage')) throw new AppError('FORBIDDEN');
        const f = await storeFile(ctx.tx, {
          tenantId: ctx.actor.tenantId,
          filename: part.filename,
          declaredType: part.mimetype,
          data,
          maxBytes: app.config.uploadMaxBytes,
          uploadedBy: ctx.actor.userId,
          entityType: 'plan_import',
        });
        const [created] = await ctx.tx
          .insert(planImports)
          .values({ tenantId: ctx.actor.tenantId, attachmentId: f.id, filename: f.filename, createdBy: ctx.actor.userId })
          .returning();
        await recordAudit(ctx.tx, ctx.who, {
          action: 'plan.import_start',
          entityType: 'plan_import',
          entityId: created!.id,
          summary: f.filename,
        });
        return created!;
      });
      // pg-boss when the workers run (several processes share the work); in-process otherwise.
      if (app.jobs.isStarted) await app.jobs.send(IMPORT_JOB, { tenantId: row.tenantId, importId: row.id });
      else void processPlanImport(app.db, row.tenantId, row.id);
      return presentImport(row);
    },
  );
  app.get(
    '/plan-imports/:id',
    {
      schema: {
        tags,
        summary: 'Tiến độ đọc văn bản và bản nháp / Import progress and draft',
        params: zIdParams,
        response: { 200: ZImportJob, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => getImport(ctx.tx, req.params.id, ctx.actor.userId)),
  );

  // ---- tasks ----
  app.get(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ / Tasks',
        querystring: z.object({ planId: zUuid.optional(), unitId: zUuid.optional(), dueState: z.enum(DUE_STATES).optional() }),
        response: { 200: z.array(ZTask), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => findTasks(ctx, req.query)),
  );
  app.get(
    '/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Một nhiệm vụ / One task',
        params: zIdParams,
        response: { 200: z.object({ task: ZTask, updates: z.array(ZProgressUpdate) }), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => ({
        task: await getTask(ctx, req.params.id),
        updates: await findUpdates(ctx.tx, req.params.id),
      })),
  );
  app.post(
    '/plans/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Giao nhiệm vụ / Assign a task',
        params: zIdParams,
        body: ZTaskInput,
        response: { 200: ZTask, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => createTask(ctx, req.params.id, req.body)),
  );
  app.patch(
    '/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Sửa nhiệm vụ / Update a task',
        params: zIdParams,
        body: ZTaskUpdateInput,
        response: { 200: ZTask, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => updateTask(ctx, req.params.id, req.body)),
  );
  app.post(
    '/tasks/:id/progress',
    {
      schema: {
        tags,
        summary: 'Báo cáo tiến độ / Report progress',
        params: zIdParams,
        body: ZProgressInput,
        response: { 200: z.object({ task: ZTask, updates: z.array(ZProgressUpdate) }), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => reportProgress(ctx, req.params.id, req.body)),
  );
  app.get(
    '/tasks-calendar',
    {
      schema: {
        tags,
        summary: 'Lịch hạn nhiệm vụ / Task deadlines',
        querystring: z.object({ from: zIsoDate, to: zIsoDate, planId: zUuid.optional() }),
        response: { 200: z.array(ZTask), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        const { from, to } = req.query;
        if (to < from)
          throw new AppError('VALIDATION_FAILED', {
            fields: [{ field: 'to', vi: 'to: phải sau from', en: 'to: must not be before from' }],
          });
        const all = await findTasks(ctx, { planId: req.query.planId });
        return all.filter((t) => t.nextDueOn && t.nextDueOn >= from && t.nextDueOn <= to);
      }),
  );
};
