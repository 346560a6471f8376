/** HTTP routes of the `reports` module: cycles, unit reports and their review, templates, the consolidated report and its exports, the matrix. */
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZNumberRequest } from '../../../contracts/outgoing';
import { z } from 'zod';
import { errorResponses, zIdParams, zUuid } from '../../../contracts/common';
import {
  ZAgencyReport,
  ZAgencyReportSave,
  ZCycleInput,
  ZRemindResult,
  ZReportCycle,
  ZReportCycleDetail,
  ZReportCycleListItem,
  ZReportMatrix,
  ZReportSave,
  ZReportTemplate,
  ZTemplateInput,
  ZUnitReport,
  ZReturnRequest,
  ZVersion,
} from '../../../contracts/reports';
import { recordAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { withContext } from '../../platform/http';
import { createMailer } from '../../platform/mail';
import { can } from '../../platform/roles';
import { reportDocx, reportXlsx } from './export';
import {
  agencyReport,
  numberAgencyReport,
  createCycle,
  cycleOverview,
  cyclesFromPlan,
  cycleTemplate,
  getCycle,
  listCycles,
  openReport,
  type Outbox,
  remindOwedUnits,
  reportMatrix,
  saveAgencyReport,
  saveReport,
  saveTemplateVersion,
  transition,
} from './service';
import { reportCycles } from './tables';

const tags = ['reports'];
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/report-cycles',
    {
      schema: {
        tags,
        summary: 'Kỳ báo cáo / Report cycles',
        querystring: z.object({ planId: zUuid.optional() }),
        response: { 200: z.array(ZReportCycleListItem), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        return listCycles(ctx, req.query.planId);
      }),
  );
  app.post(
    '/report-cycles',
    { schema: { tags, summary: 'Tạo kỳ báo cáo / Create a cycle', body: ZCycleInput, response: { 200: ZReportCycle, ...errorResponses } } },
    (req) => withContext(req, (ctx) => createCycle(ctx, req.body)),
  );
  app.post(
    '/plans/:id/report-cycles',
    {
      schema: {
        tags,
        summary: 'Tạo kỳ báo cáo từ hạn trong kế hoạch / Cycles from the plan’s deadlines',
        params: zIdParams,
        response: { 200: z.array(ZReportCycle), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        const existing = await ctx.tx.select().from(reportCycles).where(eq(reportCycles.planId, req.params.id));
        const created = [];
        for (const c of await cyclesFromPlan(ctx.tx, req.params.id)) {
          if (existing.some((e) => e.title === c.title)) continue;
          created.push(await createCycle(ctx, { planId: req.params.id, ...c }));
        }
        return created;
      }),
  );
  app.get(
    '/report-cycles/:id',
    {
      schema: { tags, summary: 'Một kỳ báo cáo / One cycle', params: zIdParams, response: { 200: ZReportCycleDetail, ...errorResponses } },
    },
    (req) =>
      withContext(req, async (ctx) => {
        const c = await getCycle(ctx.tx, req.params.id);
        const o = await cycleOverview(ctx, c);
        const oversight = can(ctx.actor, 'plans.manage') || ctx.actor.roles.some((r) => r.role === 'leader' || r.role === 'inspection');
        const mine = new Set(ctx.actor.roles.map((r) => r.unitId));
        // A unit sees only its own row; the Office and leadership see all.
        return {
          ...c,
          counts: o.counts,
          rows: oversight ? o.rows : o.rows.filter((r) => mine.has(r.unit.id)),
          canManage: can(ctx.actor, 'plans.manage'),
        };
      }),
  );
  app.post(
    '/report-cycles/:id/remind',
    {
      schema: {
        tags,
        summary: 'Nhắc các đơn vị chưa gửi / Remind the units that have not sent their report',
        params: zIdParams,
        response: {
          200: ZRemindResult,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const outbox: Outbox = [];
      const r = await withContext(req, (ctx) => remindOwedUnits(ctx, req.params.id, outbox));
      // E-mail after commit: a failure to send never undoes the reminder (platform/mail.ts).
      const mailer = createMailer(req.server.config, req.log);
      let mailed = 0;
      for (const m of outbox) if (await mailer.send(m)) mailed++;
      return { units: r.units, notified: r.notified, mailed, mailConfigured: !!req.server.config.smtp };
    },
  );
  app.get(
    '/report-cycles/:id/units/:unitId',
    {
      schema: {
        tags,
        summary: 'Báo cáo của một đơn vị / A unit’s report',
        params: z.object({ id: zUuid, unitId: zUuid }),
        response: { 200: ZUnitReport, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => openReport(ctx, req.params.id, req.params.unitId)),
  );
  // Creating the draft is a write, so it is a POST (a GET that writes can be triggered by a link
  // or a prefetch; issue #16 point 8). It answers the existing report when there is one.
  app.post(
    '/report-cycles/:id/units/:unitId',
    {
      schema: {
        tags,
        summary: 'Lập báo cáo của đơn vị / Start a unit’s report',
        params: z.object({ id: zUuid, unitId: zUuid }),
        response: { 200: ZUnitReport, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => openReport(ctx, req.params.id, req.params.unitId, { create: true })),
  );
  app.patch(
    '/unit-reports/:id',
    {
      schema: {
        tags,
        summary: 'Sửa báo cáo / Edit a report',
        params: zIdParams,
        body: ZReportSave,
        response: { 200: ZUnitReport, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => saveReport(ctx, req.params.id, req.body)),
  );
  for (const action of ['submit', 'return', 'accept'] as const) {
    app.post(
      `/unit-reports/:id/${action}`,
      {
        schema: {
          tags,
          summary: { submit: 'Gửi báo cáo / Submit', return: 'Trả lại / Return', accept: 'Chấp nhận / Accept' }[action],
          params: zIdParams,
          body: action === 'return' ? ZReturnRequest : ZVersion,
          response: { 200: ZUnitReport, ...errorResponses },
        },
      },
      (req) => withContext(req, (ctx) => transition(ctx, req.params.id, action, req.body)),
    );
  }
  app.get(
    '/report-cycles/:id/template',
    {
      schema: {
        tags,
        summary: 'Mẫu báo cáo của kỳ / The cycle’s template',
        params: zIdParams,
        response: { 200: ZReportTemplate, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => cycleTemplate(ctx.tx, req.params.id)),
  );
  app.post(
    '/report-cycles/:id/template',
    {
      schema: {
        tags,
        summary: 'Lưu phiên bản mới của mẫu báo cáo / Save a new template version',
        params: zIdParams,
        body: ZTemplateInput,
        response: { 200: ZReportTemplate, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => saveTemplateVersion(ctx, req.params.id, req.body)),
  );
  app.get(
    '/report-cycles/:id/agency-report',
    {
      schema: {
        tags,
        summary: 'Báo cáo tổng hợp / Consolidated report',
        params: zIdParams,
        response: { 200: ZAgencyReport, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        if (!can(ctx.actor, 'plans.manage') && !ctx.actor.roles.some((r) => r.role === 'leader')) throw new AppError('FORBIDDEN');
        return agencyReport(ctx, await getCycle(ctx.tx, req.params.id));
      }),
  );
  app.put(
    '/report-cycles/:id/agency-report',
    {
      schema: {
        tags,
        summary: 'Lưu báo cáo tổng hợp (phiên bản mới) / Save a version',
        params: zIdParams,
        body: ZAgencyReportSave,
        response: { 200: ZAgencyReport, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => saveAgencyReport(ctx, req.params.id, req.body)),
  );
  app.post(
    '/report-cycles/:id/agency-report/number',
    {
      schema: {
        tags,
        summary: 'Văn thư cấp số báo cáo tổng hợp / The clerical office numbers the consolidated report',
        params: zIdParams,
        body: ZNumberRequest,
        response: {
          200: z.object({ numberSymbol: z.string(), issuedOn: z.string(), version: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    (req) => withContext(req, (ctx) => numberAgencyReport(ctx, req.params.id, req.body)),
  );
  app.get(
    '/report-cycles/:id/export',
    {
      schema: {
        tags,
        summary: 'Xuất báo cáo tổng hợp / Export (docx|xlsx)',
        params: zIdParams,
        querystring: z.object({ format: z.enum(['docx', 'xlsx']) }),
      },
    },
    async (req, reply) => {
      const { bytes, title } = await withContext(req, async (ctx) => {
        if (!can(ctx.actor, 'plans.manage') && !ctx.actor.roles.some((r) => r.role === 'leader')) throw new AppError('FORBIDDEN');
        const cycle = await getCycle(ctx.tx, req.params.id);
        const r = await agencyReport(ctx, cycle);
        const bytes =
          req.query.format === 'docx'
            ? await reportDocx(r.body, r.consolidated, cycle.title)
            : await reportXlsx(r.consolidated, cycle.title);
        await recordAudit(ctx.tx, ctx.who, {
          action: 'agency_report.export',
          entityType: 'agency_report',
          entityId: cycle.id,
          summary: `${cycle.title} (${req.query.format})`,
        });
        return { bytes, title: cycle.title };
      });
      const type =
        req.query.format === 'docx'
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      reply.header('content-type', type);
      reply.header(
        'content-disposition',
        `attachment; filename="bao-cao.${req.query.format}"; filename*=UTF-8''${encodeURIComponent(`Báo cáo ${title}.${req.query.format}`)}`,
      );
      return reply.send(bytes);
    },
  );
  app.get(
    '/reports/matrix',
    {
      // Kept between changes of the agency's data (response-cache.ts).
      config: { readOnly: true, cache: true },
      schema: { tags, summary: 'Đơn vị × kỳ báo cáo / Units × cycles', response: { 200: ZReportMatrix, ...errorResponses } },
    },
    (req) =>
      withContext(req, async (ctx) => {
        return reportMatrix(ctx);
      }),
  );
};
