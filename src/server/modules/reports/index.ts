/**
 * The `reports` module (issue #4): report cycles attached to a plan, unit reports pre-filled from
 * recorded data with a review workflow, the consolidated agency report with .docx/.xlsx exports,
 * reminders, and the units × cycles dashboard.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { errorResponses, zIdParams, zIsoDate, zRequiredText, zText, zUuid } from '../../../contracts/common';
import { recordAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { auditActorOf, inTenant } from '../../platform/http';
import { can } from '../../platform/roles';
import { tenants } from '../../platform/tables';
import { defineModule } from '../manifest';
import { plans } from '../plans/tables';
import { reportDocx, reportXlsx } from './export';
import { seedReportsDemo } from './demo';
import {
  cycleTemplate,
  saveTemplateVersion,
  agencyReport,
  createCycle,
  cycleOverview,
  cyclesFromPlan,
  getCycle,
  openReport,
  saveAgencyReport,
  saveReport,
  sendReminders,
  transition,
} from './service';
import { reportCycles, unitReports } from './tables';
import { createMailer, type Mailer } from '../../platform/mail';
import type { Database } from '../../platform/db';

/** The daily reminder run: in-app notifications in each agency's transaction, then e-mail after commit. */
export async function runReminders(db: Database, mailer: Mailer, today?: string): Promise<{ notified: number; mailed: number }> {
  const all = await db.owner.select({ id: tenants.tenantId }).from(tenants);
  let notified = 0;
  let mailed = 0;
  for (const t of all) {
    const outbox: { to: string; subject: string; text: string }[] = [];
    notified += await db.withTenant({ tenantId: t.id }, (tx) => sendReminders(tx, t.id, today, outbox));
    for (const m of outbox) if (await mailer.send(m)) mailed++;
  }
  return { notified, mailed };
}

const tags = ['reports'];
const ZCycleInput = z.object({
  planId: zUuid,
  kind: z.enum(['six_month', 'annual', 'quarterly', 'adhoc']),
  title: zRequiredText(200),
  periodFrom: zIsoDate,
  periodTo: zIsoDate,
  dueOn: zIsoDate,
  cutoffOn: zIsoDate.nullish(),
});
const ZVersion = z.object({ version: z.number().int().min(1), comment: zText(4000).nullish() });
const ZReportSave = z.object({
  version: z.number().int().min(1),
  sections: z
    .array(z.object({ key: zRequiredText(20), text: zText(50_000) }))
    .max(200)
    .optional(),
  indicators: z.record(z.string(), z.number().int().min(0).max(10_000_000).nullable()).optional(),
});
const ZBody = z.object({
  issuerParent: zText(200).nullable(),
  issuer: zRequiredText(200),
  place: zRequiredText(100),
  date: zIsoDate.nullable(),
  summary: zRequiredText(500),
  intro: zText(20_000),
  sections: z.array(z.object({ key: z.string().max(20), title: zText(500), text: zText(100_000) })).max(200),
  conclusion: zText(20_000),
  signer: z.object({
    mode: zText(10).nullable(),
    authority: zText(100).nullable(),
    title: zText(100).nullable(),
    name: zText(100).nullable(),
  }),
  recipients: z.array(z.object({ name: zRequiredText(300), role: zText(50).nullable() })).max(50),
  archive: zText(200).nullable(),
});

export const reportsModule = defineModule({
  name: 'reports',
  errors: {
    REPORT_NOT_EDITABLE: {
      status: 409,
      vi: 'Báo cáo đã gửi hoặc đã được chấp nhận; không sửa được nữa',
      en: 'The report has been submitted or accepted and can no longer be edited',
    },
    REPORT_WRONG_STATE: {
      status: 409,
      vi: 'Thao tác không phù hợp với trạng thái hiện tại của báo cáo',
      en: 'This action does not fit the report’s current state',
    },
  },
  routes: async (app) => {
    app.get(
      '/report-cycles',
      {
        schema: {
          tags,
          summary: 'Kỳ báo cáo / Report cycles',
          querystring: z.object({ planId: zUuid.optional() }),
          response: { 200: z.array(z.any()), ...errorResponses },
        },
      },
      (req) =>
        inTenant(req, async (tx) => {
          const rows = await tx
            .select({ c: reportCycles, plan: plans.summary })
            .from(reportCycles)
            .innerJoin(plans, and(eq(plans.tenantId, reportCycles.tenantId), eq(plans.id, reportCycles.planId)))
            .where(req.query.planId ? eq(reportCycles.planId, req.query.planId) : undefined)
            .orderBy(desc(reportCycles.dueOn));
          const out = [];
          for (const r of rows) out.push({ ...r.c, plan: r.plan, counts: (await cycleOverview(tx, r.c)).counts });
          return out;
        }),
    );
    app.post(
      '/report-cycles',
      { schema: { tags, summary: 'Tạo kỳ báo cáo / Create a cycle', body: ZCycleInput, response: { 200: z.any(), ...errorResponses } } },
      (req) => inTenant(req, (tx, actor) => createCycle(tx, actor, auditActorOf(req), req.body)),
    );
    app.post(
      '/plans/:id/report-cycles',
      {
        schema: {
          tags,
          summary: 'Tạo kỳ báo cáo từ hạn trong kế hoạch / Cycles from the plan’s deadlines',
          params: zIdParams,
          response: { 200: z.array(z.any()), ...errorResponses },
        },
      },
      (req) =>
        inTenant(req, async (tx, actor) => {
          const existing = await tx.select().from(reportCycles).where(eq(reportCycles.planId, req.params.id));
          const created = [];
          for (const c of await cyclesFromPlan(tx, req.params.id)) {
            if (existing.some((e) => e.title === c.title)) continue;
            created.push(await createCycle(tx, actor, auditActorOf(req), { planId: req.params.id, ...c }));
          }
          return created;
        }),
    );
    app.get(
      '/report-cycles/:id',
      { schema: { tags, summary: 'Một kỳ báo cáo / One cycle', params: zIdParams, response: { 200: z.any(), ...errorResponses } } },
      (req) =>
        inTenant(req, async (tx, actor) => {
          const c = await getCycle(tx, req.params.id);
          const o = await cycleOverview(tx, c);
          const oversight = can(actor, 'plans.manage') || actor.roles.some((r) => r.role === 'leader' || r.role === 'inspection');
          const mine = new Set(actor.roles.map((r) => r.unitId));
          // A unit sees only its own row; the Office and leadership see all.
          return {
            ...c,
            counts: o.counts,
            rows: oversight ? o.rows : o.rows.filter((r) => mine.has(r.unit.id)),
            canManage: can(actor, 'plans.manage'),
          };
        }),
    );
    app.get(
      '/report-cycles/:id/units/:unitId',
      {
        schema: {
          tags,
          summary: 'Báo cáo của một đơn vị / A unit’s report',
          params: z.object({ id: zUuid, unitId: zUuid }),
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req) => inTenant(req, (tx, actor) => openReport(tx, actor, auditActorOf(req), req.params.id, req.params.unitId)),
    );
    app.patch(
      '/unit-reports/:id',
      {
        schema: {
          tags,
          summary: 'Sửa báo cáo / Edit a report',
          params: zIdParams,
          body: ZReportSave,
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req) => inTenant(req, (tx, actor) => saveReport(tx, actor, auditActorOf(req), req.params.id, req.body)),
    );
    for (const action of ['submit', 'return', 'accept'] as const) {
      app.post(
        `/unit-reports/:id/${action}`,
        {
          schema: {
            tags,
            summary: { submit: 'Gửi báo cáo / Submit', return: 'Trả lại / Return', accept: 'Chấp nhận / Accept' }[action],
            params: zIdParams,
            body: ZVersion,
            response: { 200: z.any(), ...errorResponses },
          },
        },
        (req) => inTenant(req, (tx, actor) => transition(tx, actor, auditActorOf(req), req.params.id, action, req.body)),
      );
    }
    app.get(
      '/report-cycles/:id/template',
      {
        schema: {
          tags,
          summary: 'Mẫu báo cáo của kỳ / The cycle’s template',
          params: zIdParams,
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req) => inTenant(req, (tx) => cycleTemplate(tx, req.params.id)),
    );
    app.post(
      '/report-cycles/:id/template',
      {
        schema: {
          tags,
          summary: 'Lưu phiên bản mới của mẫu báo cáo / Save a new template version',
          params: zIdParams,
          body: z.object({
            version: z.number().int().min(1),
            name: zRequiredText(200),
            sections: z
              .array(z.object({ key: zRequiredText(20), title: zRequiredText(500), hint: zText(1000).optional() }))
              .min(1)
              .max(200),
            indicators: z
              .array(
                z.object({
                  code: z
                    .string()
                    .regex(/^[a-z][a-z0-9_]{1,40}$/, 'mã chỉ gồm chữ thường không dấu, số và _|lower-case letters, digits and _ only'),
                  name: zRequiredText(200),
                  unit: zRequiredText(50),
                  definition: zText(1000).nullish(),
                }),
              )
              .max(100),
          }),
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req) => inTenant(req, (tx, actor) => saveTemplateVersion(tx, actor, auditActorOf(req), req.params.id, req.body)),
    );
    app.get(
      '/report-cycles/:id/agency-report',
      {
        schema: {
          tags,
          summary: 'Báo cáo tổng hợp / Consolidated report',
          params: zIdParams,
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req) =>
        inTenant(req, async (tx, actor) => {
          if (!can(actor, 'plans.manage') && !actor.roles.some((r) => r.role === 'leader')) throw new AppError('FORBIDDEN');
          return agencyReport(tx, await getCycle(tx, req.params.id));
        }),
    );
    app.put(
      '/report-cycles/:id/agency-report',
      {
        schema: {
          tags,
          summary: 'Lưu báo cáo tổng hợp (phiên bản mới) / Save a version',
          params: zIdParams,
          body: z.object({ version: z.number().int().min(0), body: ZBody }),
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req) => inTenant(req, (tx, actor) => saveAgencyReport(tx, actor, auditActorOf(req), req.params.id, req.body)),
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
        const { bytes, title } = await inTenant(req, async (tx, actor) => {
          if (!can(actor, 'plans.manage') && !actor.roles.some((r) => r.role === 'leader')) throw new AppError('FORBIDDEN');
          const cycle = await getCycle(tx, req.params.id);
          const r = await agencyReport(tx, cycle);
          const bytes =
            req.query.format === 'docx'
              ? await reportDocx(r.body, r.consolidated, cycle.title)
              : await reportXlsx(r.consolidated, cycle.title);
          await recordAudit(tx, auditActorOf(req), {
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
      { schema: { tags, summary: 'Đơn vị × kỳ báo cáo / Units × cycles', response: { 200: z.any(), ...errorResponses } } },
      (req) =>
        inTenant(req, async (tx) => {
          const cycles = await tx.select().from(reportCycles).orderBy(asc(reportCycles.dueOn));
          const unitsMap = new Map<
            string,
            {
              unit: { id: string; name: string };
              cells: Record<string, { status: string; late: boolean; overdue: boolean; lateDays: number | null }>;
            }
          >();
          for (const c of cycles) {
            for (const r of (await cycleOverview(tx, c)).rows) {
              const u = unitsMap.get(r.unit.id) ?? { unit: r.unit, cells: {} };
              u.cells[c.id] = { status: r.status, late: r.late, overdue: r.overdue, lateDays: r.lateDays };
              unitsMap.set(r.unit.id, u);
            }
          }
          const rows = [...unitsMap.values()].map((u) => {
            const done = Object.values(u.cells).filter((c) => c.status === 'submitted' || c.status === 'accepted');
            return {
              ...u,
              onTimeRate: done.length ? Math.round((100 * done.filter((c) => !c.late).length) / Object.keys(u.cells).length) : 0,
            };
          });
          // Over time: for each cycle, the share of expected units that reported on time.
          const trend = cycles.map((c) => {
            const cells = rows.map((r) => r.cells[c.id]).filter((x): x is NonNullable<typeof x> => !!x);
            const onTime = cells.filter((x) => (x.status === 'submitted' || x.status === 'accepted') && !x.late).length;
            return {
              cycleId: c.id,
              title: c.title,
              dueOn: c.dueOn,
              onTimeRate: cells.length ? Math.round((100 * onTime) / cells.length) : 0,
            };
          });
          return { cycles: cycles.map((c) => ({ id: c.id, title: c.title, dueOn: c.dueOn })), rows, trend };
        }),
    );
  },
  jobs: (jobs, db, config) => {
    jobs.register(
      'reports.reminders',
      async () => {
        await runReminders(db, createMailer(config));
      },
      { cron: '0 7 * * *' },
    );
  },
  dashboard: async (tx, actor) => {
    const cycles = await tx.select().from(reportCycles).where(eq(reportCycles.status, 'open'));
    const mine = new Set(actor.roles.map((r) => r.unitId).filter(Boolean));
    const pendingMine = mine.size ? await tx.select().from(unitReports).where(eq(unitReports.status, 'returned')) : [];
    return [
      { key: 'reports.open', label: { vi: 'Kỳ báo cáo đang mở', en: 'Open report cycles' }, value: cycles.length, link: '/reports' },
      ...(mine.size
        ? [
            {
              key: 'reports.returned_mine',
              label: { vi: 'Báo cáo bị trả lại cần sửa', en: 'Returned reports to fix' },
              value: pendingMine.filter((r) => mine.has(r.unitId)).length,
              link: '/reports',
            },
          ]
        : []),
    ];
  },
  seedDemo: seedReportsDemo,
});
