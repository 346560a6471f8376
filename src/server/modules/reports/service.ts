/**
 * Report cycles (issue #4): units report on time from what was recorded during the period;
 * the Office returns, accepts and consolidates one agency report. Every step is audited. The
 * figures come from the indicators other modules contribute (their manifests), the recorded
 * text from the plan's progress (plans' exported functions); this module reads no other tables.
 */
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { addDays } from '../../../domain';
import { type Consolidated, consolidate, type IndicatorDef } from '../../../domain/reports/consolidate';
import { countStandings, daysLate, type ReportStatus, reportStanding } from '../../../domain/reports/standing';
import { foldVietnamese as fold } from '../../../domain/text';
import { recordAudit } from '../../platform/audit';
import type { Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import type { ActorContext, Context, ModuleHooks } from '../../platform/module';
import type { Database } from '../../platform/db';
import { todayInVietnam } from '../../platform/clock';
import type { Mailer } from '../../platform/mail';
import { notify } from '../../platform/notify';
import { type Actor, can, hasRole } from '../../platform/roles';
import { roleAssignments, tenants, units, unitSuccessions, users } from '../../platform/tables';
import { agencyCaseFigures, type AgencyCaseFigures } from '../cases';
import { issueNumber, issuerCode as registerIssuerCode, numberOf } from '../outgoing';
import {
  type OverallProgress,
  planOutline,
  planProgress,
  planSummaries,
  recordedProgress,
  tasksLedBy,
  unitsExpectedByPlan,
  unitsExpectedByPlans,
} from '../plans';
import { agencyReports, reportCycles, reportEvents, reportTemplates, unitReports } from './tables';

export type TemplateSection = { key: string; title: string; hint?: string };
/** A template's indicator; `source` names the contributed indicator that computes it, or null when units fill it in. */
export type TemplateIndicator = IndicatorDef & { source: string | null };

/**
 * The indicators a new template starts with, in this order; `source` is the code of the
 * indicator a module contributes. Indicators that no loaded module contributes are filled in by
 * hand; indicators a module contributes that are not listed here are appended.
 */
export const DEFAULT_INDICATORS: TemplateIndicator[] = [
  {
    code: 'tasks_done',
    name: 'Nhiệm vụ hoàn thành trong kỳ',
    unit: 'nhiệm vụ',
    definition: 'Nhiệm vụ đơn vị chủ trì được báo cáo hoàn thành trong kỳ',
    source: 'tasks_done',
  },
  {
    code: 'progress_reports',
    name: 'Lượt báo cáo tiến độ',
    unit: 'lượt',
    definition: 'Số lần đơn vị báo cáo tiến độ nhiệm vụ trong kỳ',
    source: 'progress_updates',
  },
  {
    code: 'evidence_files',
    name: 'Tệp minh chứng',
    unit: 'tệp',
    definition: 'Tệp minh chứng kèm các báo cáo tiến độ trong kỳ',
    source: 'evidence_files',
  },
  {
    code: 'reception_sessions',
    name: 'Buổi tiếp công dân',
    unit: 'buổi',
    definition: 'Buổi tiếp công dân định kỳ và đột xuất của lãnh đạo đơn vị',
    source: 'reception_sessions',
  },
  {
    code: 'cases_received',
    name: 'Đơn thư tiếp nhận',
    unit: 'đơn',
    definition: 'Khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận trong kỳ',
    source: 'cases_received',
  },
  {
    code: 'cases_resolved_on_time',
    name: 'Đơn thư giải quyết đúng hạn',
    unit: 'đơn',
    definition: 'Đơn thuộc thẩm quyền được giải quyết trong thời hạn luật định',
    source: 'cases_resolved_on_time',
  },
  {
    code: 'cases_accepted',
    name: 'Đơn thư đã thụ lý',
    unit: 'đơn',
    definition: 'Đơn được thụ lý giải quyết (khiếu nại, tố cáo) hoặc tiếp nhận xử lý (kiến nghị, phản ánh) trong kỳ',
    source: 'cases_accepted',
  },
  {
    code: 'cases_overdue',
    name: 'Đơn thư quá hạn',
    unit: 'đơn',
    definition: 'Đơn có thời hạn luật định đã qua mà chưa thực hiện, tính đến cuối kỳ',
    source: 'cases_overdue',
  },
  {
    code: 'disclosures',
    name: 'Nội dung công khai',
    unit: 'nội dung',
    definition: 'Nội dung công khai theo Điều 46 Luật 10/2022/QH15',
    source: null,
  },
  { code: 'models', name: 'Mô hình "Dân vận khéo"', unit: 'mô hình', definition: 'Mô hình đăng ký, triển khai trong kỳ', source: null },
  {
    code: 'trainings',
    name: 'Lớp tập huấn, quán triệt',
    unit: 'lớp',
    definition: 'Hội nghị, lớp quán triệt, tập huấn về dân chủ ở cơ sở, dân vận',
    // Counted by the inspection module's training register (seed plan II.9) when it is installed.
    source: 'training_courses',
  },
  {
    code: 'participants',
    name: 'Lượt người tham gia',
    unit: 'lượt',
    definition: 'Lượt cán bộ, công chức tham gia các lớp trên',
    source: 'training_participants',
  },
];

/** The indicators of a new template: the defaults, computed where a module contributes the source, then any other contribution. */
function defaultIndicators(ctx: Context): TemplateIndicator[] {
  const contributed = ctx.modules.indicators();
  const codes = new Set(contributed.map((i) => i.code));
  const listed = DEFAULT_INDICATORS.map((d) => ({ ...d, source: d.source && codes.has(d.source) ? d.source : null }));
  const sources = new Set(listed.map((d) => d.source));
  const taken = new Set(listed.map((d) => d.code));
  const more = contributed
    .filter((i) => !sources.has(i.code) && !taken.has(i.code))
    .map((i) => ({ code: i.code, name: i.name, unit: i.unit, definition: i.definition, source: i.code }));
  return [...listed, ...more];
}

const CONTENT = /noi dung|nhiem vu|giai phap/;

/** The sections of a report template: one per content item of the plan ("II.6"). */
export async function planSectionsForTemplate(tx: Tx, planId: string): Promise<TemplateSection[]> {
  const plan = await planOutline(tx, planId);
  if (!plan) return [];
  const secs = plan.sections;
  const content = secs.some((s) => CONTENT.test(fold(s.title))) ? secs.filter((s) => CONTENT.test(fold(s.title))) : secs;
  return content.flatMap((s) =>
    s.items.map((i) => ({
      key: `${s.numeral}.${i.number}`,
      // The item's whole text: the report is signed as it is, nothing cut with "…" (issue #14 point 1).
      title: `${s.numeral}.${i.number}. ${i.text}`,
    })),
  );
}

export async function ensureTemplate(ctx: Context, planId: string): Promise<string> {
  const { tx, who } = ctx;
  const key = `plan:${planId}`;
  const [latest] = await tx
    .select()
    .from(reportTemplates)
    .where(eq(reportTemplates.key, key))
    .orderBy(sql`${reportTemplates.version} desc`)
    .limit(1);
  if (latest) return latest.id;
  const [row] = await tx
    .insert(reportTemplates)
    .values({
      tenantId: who.tenantId,
      key,
      version: 1,
      name: 'Mẫu báo cáo thực hiện kế hoạch',
      sections: await planSectionsForTemplate(tx, planId),
      indicators: defaultIndicators(ctx),
      createdBy: who.userId,
    })
    .returning();
  await recordAudit(tx, who, {
    action: 'report_template.create',
    entityType: 'report_template',
    entityId: row!.id,
    summary: row!.name,
    after: row,
  });
  return row!.id;
}

const DEADLINE = /(tr[ưu][oớơ]c|ch[aậ]m nh[aấ]t|h[aạ]n ch[oó]t|đ[eế]n h[eế]t)\s+ng[aà]y\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/giu;

type CycleProposal = { kind: 'six_month' | 'annual'; title: string; periodFrom: string; periodTo: string; dueOn: string; cutoffOn: string };

/**
 * Cycles a plan's own text asks for: "báo cáo … 6 tháng … trước ngày 11/6/2021" gives a six-month
 * cycle, "… năm … trước ngày 11/11/2021" an annual one.
 */
export async function cyclesFromPlan(tx: Tx, planId: string): Promise<CycleProposal[]> {
  const plan = await planOutline(tx, planId);
  const items = plan?.sections.flatMap((s) => s.items) ?? [];
  const out = new Map<string, CycleProposal>();
  for (const it of items) {
    let from = 0;
    for (const m of it.text.matchAll(DEADLINE)) {
      const dueOn = `${m[4]}-${m[3]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
      // The clause of this deadline only: from the previous deadline (or 160 characters back).
      const before = fold(it.text.slice(Math.max(from, (m.index ?? 0) - 160), m.index ?? 0));
      from = (m.index ?? 0) + m[0].length;
      if (!/bao cao/.test(before)) continue;
      const year = Number(m[4]);
      const six = /6 thang|sau thang|06 thang/.test(before);
      const kind = six ? 'six_month' : 'annual';
      out.set(`${kind}:${year}`, {
        kind,
        title: six ? `6 tháng đầu năm ${year}` : `năm ${year}`,
        periodFrom: `${year}-01-01`,
        periodTo: six ? `${year}-06-30` : `${year}-12-31`,
        dueOn,
        cutoffOn: addDays(dueOn, -1),
      });
    }
  }
  return [...out.values()].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

export async function createCycle(
  ctx: ActorContext,
  input: { planId: string; kind: string; title: string; periodFrom: string; periodTo: string; dueOn: string; cutoffOn?: string | null },
) {
  const { tx, actor, who } = ctx;
  if (!can(actor, 'plans.manage')) throw new AppError('FORBIDDEN');
  if (!(await planOutline(tx, input.planId))) throw invalid('planId', 'kế hoạch không tồn tại', 'the plan does not exist');
  if (input.periodTo < input.periodFrom) throw invalid('periodTo', 'phải sau ngày bắt đầu kỳ', 'must not be before periodFrom');
  const cutoffOn = input.cutoffOn ?? addDays(input.dueOn, -1);
  if (cutoffOn < input.periodFrom)
    throw invalid('cutoffOn', 'ngày chốt số liệu phải trong hoặc sau kỳ', 'the cut-off must not be before the period');
  const templateId = await ensureTemplate(ctx, input.planId);
  const [row] = await tx
    .insert(reportCycles)
    .values({
      tenantId: actor.tenantId,
      planId: input.planId,
      templateId,
      title: input.title,
      kind: input.kind,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      dueOn: input.dueOn,
      cutoffOn,
    })
    .returning();
  await recordAudit(tx, who, {
    action: 'report_cycle.create',
    entityType: 'report_cycle',
    entityId: row!.id,
    summary: `Báo cáo ${row!.title}`,
    after: row,
  });
  return row!;
}

/** Units that must report in a cycle: those the plan expects (task leads, required unit plans) and any that reported, in force during the period. */
export async function expectedUnits(tx: Tx, cycle: typeof reportCycles.$inferSelect): Promise<{ id: string; name: string }[]> {
  const reported = await tx.select({ unitId: unitReports.unitId }).from(unitReports).where(eq(unitReports.cycleId, cycle.id));
  const ids = [...new Set([...(await unitsExpectedByPlan(tx, cycle.planId)), ...reported.map((r) => r.unitId)])];
  if (ids.length === 0) return [];
  const rows = await tx.select().from(units).where(inArray(units.id, ids)).orderBy(asc(units.sortOrder));
  return rows
    .filter((u) => u.validFrom <= cycle.periodTo && (u.validTo === null || u.validTo >= cycle.periodFrom))
    .map((u) => ({ id: u.id, name: u.name }));
}

type ReportRow = typeof unitReports.$inferSelect;
type CycleRow = typeof reportCycles.$inferSelect;

export async function getCycle(tx: Tx, id: string): Promise<CycleRow> {
  const [c] = await tx.select().from(reportCycles).where(eq(reportCycles.id, id));
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

async function template(ctx: Context, cycle: CycleRow) {
  const [t] = await ctx.tx.select().from(reportTemplates).where(eq(reportTemplates.id, cycle.templateId));
  // Templates saved before a source existed get the source of the default with the same code.
  const known = new Map(defaultIndicators(ctx).map((d) => [d.code, d.source]));
  const indicators = (t!.indicators as TemplateIndicator[]).map((d) => ({ ...d, source: d.source ?? known.get(d.code) ?? null }));
  return { sections: t!.sections as TemplateSection[], indicators, version: t!.version, name: t!.name };
}

/**
 * What the system recorded for a unit in the period: the plan's progress by item (the text a
 * report starts from) and every contributed indicator with how it was counted.
 */
export async function prefill(ctx: Context, cycle: CycleRow, unitId: string) {
  const scope = { unitId, from: cycle.periodFrom, to: cycle.cutoffOn, planId: cycle.planId };
  const bySection: Record<string, string[]> = {};
  for (const r of await recordedProgress(ctx.tx, scope)) {
    const lines = bySection[r.itemKey] ?? [];
    bySection[r.itemKey] = lines;
    lines.push(
      `- ${fmt(r.reportedOn)} — ${r.taskTitle}: ${r.note} (${r.progress}%${r.attachmentCount ? `, ${r.attachmentCount} tệp minh chứng` : ''})`,
    );
  }
  const computed: Record<string, { value: number; how: string }> = {};
  for (const i of ctx.modules.indicators()) computed[i.code] = await i.compute(ctx, scope);
  return { bySection, computed };
}

const fmt = (d: string) => d.split('-').reverse().join('/');

export function reportPolicy(actor: Actor, unitId: string) {
  const office = can(actor, 'plans.manage');
  const head = hasRole(actor, 'unit_head', unitId);
  const member = actor.roles.some((r) => r.unitId === unitId);
  const oversight = office || actor.roles.some((r) => r.role === 'leader' || r.role === 'inspection');
  return { read: oversight || member, edit: head, submit: head, review: office };
}

export async function presentReport(ctx: ActorContext, cycle: CycleRow, r: ReportRow) {
  const { tx, actor } = ctx;
  const tpl = await template(ctx, cycle);
  const pre = await prefill(ctx, cycle, r.unitId);
  const [u] = await tx.select({ name: units.name }).from(units).where(eq(units.id, r.unitId));
  const events = await tx.select().from(reportEvents).where(eq(reportEvents.reportId, r.id)).orderBy(asc(reportEvents.at));
  const sections = r.sections as { key: string; text: string }[];
  const values = r.indicators as Record<string, number | null>;
  const p = reportPolicy(actor, r.unitId);
  const editable = r.status === 'draft' || r.status === 'returned';
  return {
    id: r.id,
    cycle: {
      id: cycle.id,
      title: cycle.title,
      dueOn: cycle.dueOn,
      periodFrom: cycle.periodFrom,
      periodTo: cycle.periodTo,
      cutoffOn: cycle.cutoffOn,
    },
    unit: { id: r.unitId, name: u?.name ?? '' },
    status: r.status,
    submittedOn: r.submittedOn,
    lateDays: r.submittedOn ? daysLate(cycle.dueOn, r.submittedOn) : null,
    standing: reportStanding(cycle.dueOn, ctx.today, r.status as ReportStatus, r.submittedOn),
    returnedCount: r.returnedCount,
    version: r.version,
    sections: tpl.sections.map((s) => ({
      key: s.key,
      title: s.title,
      text: sections.find((x) => x.key === s.key)?.text ?? '',
      recorded: pre.bySection[s.key] ?? [],
    })),
    indicators: tpl.indicators.map((d) => ({
      code: d.code,
      name: d.name,
      unit: d.unit,
      definition: d.definition ?? null,
      value: values[d.code] ?? (d.source ? (pre.computed[d.source]?.value ?? null) : null),
      computed: d.source ? (pre.computed[d.source] ?? null) : null,
    })),
    events: events.map((e) => ({ action: e.action, actorName: e.actorName, comment: e.comment, at: e.at.toISOString() })),
    abilities: { read: p.read, edit: p.edit && editable, submit: p.submit && editable, review: p.review && r.status === 'submitted' },
  };
}

/** The unit's report in a cycle, created as a draft pre-filled from recorded data on first open. */
/**
 * A unit's report of a cycle. Reading never writes (issue #16 point 8): the draft, prefilled from
 * the unit's tasks, is created only when `create` is set (`POST`, anti-forgery checked).
 * @throws NOT_FOUND for a reader without the report; REPORT_NOT_STARTED to an editor when no
 * draft exists yet and `create` is not set.
 */
export async function openReport(ctx: ActorContext, cycleId: string, unitId: string, opts: { create?: boolean } = {}) {
  const { tx, actor, who } = ctx;
  const cycle = await getCycle(tx, cycleId);
  const p = reportPolicy(actor, unitId);
  if (!p.read) throw new AppError('NOT_FOUND');
  let [r] = await tx
    .select()
    .from(unitReports)
    .where(and(eq(unitReports.cycleId, cycleId), eq(unitReports.unitId, unitId)));
  if (!r) {
    if (!p.edit) throw new AppError('NOT_FOUND');
    if (!opts.create) throw new AppError('REPORT_NOT_STARTED');
    const pre = await prefill(ctx, cycle, unitId);
    const tpl = await template(ctx, cycle);
    [r] = await tx
      .insert(unitReports)
      .values({
        tenantId: actor.tenantId,
        cycleId,
        unitId,
        sections: tpl.sections.map((s) => ({ key: s.key, text: (pre.bySection[s.key] ?? []).join('\n') })),
        indicators: Object.fromEntries(tpl.indicators.map((d) => [d.code, d.source ? (pre.computed[d.source]?.value ?? null) : null])),
      })
      .returning();
    await recordAudit(tx, who, {
      action: 'unit_report.create',
      entityType: 'unit_report',
      entityId: r!.id,
      summary: `Báo cáo ${cycle.title}`,
      after: r,
    });
  }
  return presentReport(ctx, cycle, r!);
}

async function loadReport(tx: Tx, id: string) {
  const [r] = await tx.select().from(unitReports).where(eq(unitReports.id, id)).for('update');
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

async function event(tx: Tx, actor: Actor, reportId: string, action: string, comment: string | null) {
  await tx
    .insert(reportEvents)
    .values({ tenantId: actor.tenantId, reportId, action, actorId: actor.userId, actorName: actor.fullName, comment });
}

export async function saveReport(
  ctx: ActorContext,
  id: string,
  input: { version: number; sections?: { key: string; text: string }[]; indicators?: Record<string, number | null> },
) {
  const { tx, actor, who } = ctx;
  const r = await loadReport(tx, id);
  const p = reportPolicy(actor, r.unitId);
  if (!p.read) throw new AppError('NOT_FOUND');
  if (!p.edit) throw new AppError('FORBIDDEN');
  if (r.status !== 'draft' && r.status !== 'returned') throw new AppError('REPORT_NOT_EDITABLE');
  if (r.version !== input.version) throw new AppError('STALE_VERSION');
  const cycle = await getCycle(tx, r.cycleId);
  const tpl = await template(ctx, cycle);
  const keys = new Set(tpl.sections.map((s) => s.key));
  input.sections?.forEach((s, i) => {
    if (!keys.has(s.key)) throw invalid(`sections.${i}.key`, 'mục không có trong mẫu báo cáo', 'not a section of the template');
  });
  const codes = new Set(tpl.indicators.map((d) => d.code));
  for (const c of Object.keys(input.indicators ?? {}))
    if (!codes.has(c)) throw invalid(`indicators.${c}`, 'chỉ tiêu không có trong mẫu báo cáo', 'not an indicator of the template');
  const [after] = await tx
    .update(unitReports)
    .set({
      sections: input.sections ?? r.sections,
      indicators: { ...(r.indicators as object), ...(input.indicators ?? {}) },
      version: r.version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(unitReports.id, id), eq(unitReports.version, r.version)))
    .returning();
  await recordAudit(tx, who, {
    action: 'unit_report.update',
    entityType: 'unit_report',
    entityId: id,
    summary: `Báo cáo ${cycle.title}`,
    before: r,
    after,
  });
  return presentReport(ctx, cycle, after!);
}

export async function transition(
  ctx: ActorContext,
  id: string,
  action: 'submit' | 'return' | 'accept',
  input: { version: number; comment?: string | null },
) {
  const { tx, actor, who } = ctx;
  const r = await loadReport(tx, id);
  const p = reportPolicy(actor, r.unitId);
  if (!p.read) throw new AppError('NOT_FOUND');
  if (r.version !== input.version) throw new AppError('STALE_VERSION');
  const cycle = await getCycle(tx, r.cycleId);
  const { today } = ctx;
  let set: Partial<ReportRow>;
  if (action === 'submit') {
    if (!p.submit) throw new AppError('FORBIDDEN');
    if (r.status !== 'draft' && r.status !== 'returned') throw new AppError('REPORT_WRONG_STATE');
    // Lateness is measured from the cycle's deadline to the FIRST submission (domain/reports/standing.ts):
    // a report returned and sent again keeps its first submission day.
    const first = r.submittedOn ?? today;
    set = { status: 'submitted', submittedOn: first, lateDays: daysLate(cycle.dueOn, first) };
  } else {
    if (!p.review) throw new AppError('FORBIDDEN');
    if (r.status !== 'submitted') throw new AppError('REPORT_WRONG_STATE');
    if (action === 'return' && !input.comment?.trim()) throw invalid('comment', 'cần ghi lý do trả lại', 'say why the report is returned');
    set = action === 'return' ? { status: 'returned', returnedCount: r.returnedCount + 1 } : { status: 'accepted' };
  }
  const [after] = await tx
    .update(unitReports)
    .set({ ...set, version: r.version + 1, updatedAt: new Date() })
    .where(eq(unitReports.id, id))
    .returning();
  const label =
    action === 'submit' ? (r.status === 'returned' ? 'resubmitted' : 'submitted') : action === 'return' ? 'returned' : 'accepted';
  await event(tx, actor, id, label, input.comment?.trim() || null);
  await recordAudit(tx, who, {
    action: `unit_report.${label}`,
    entityType: 'unit_report',
    entityId: id,
    summary: `Báo cáo ${cycle.title}${input.comment ? `: ${input.comment}` : ''}`,
    before: { status: r.status },
    after: { status: after!.status, lateDays: after!.lateDays, comment: input.comment ?? null },
  });
  // Tell the other side.
  const [u] = await tx.select({ name: units.name }).from(units).where(eq(units.id, r.unitId));
  const link = `/reports/${cycle.id}/units/${r.unitId}`;
  const recipients =
    action === 'submit'
      ? await tx.select({ id: roleAssignments.userId }).from(roleAssignments).where(eq(roleAssignments.role, 'office'))
      : await tx
          .select({ id: roleAssignments.userId })
          .from(roleAssignments)
          .where(and(eq(roleAssignments.role, 'unit_head'), eq(roleAssignments.unitId, r.unitId)));
  for (const x of new Set(recipients.map((y) => y.id))) {
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: x,
      kind: `report.${label}`,
      title: `${u?.name ?? ''}: báo cáo ${cycle.title} — ${label === 'returned' ? 'bị trả lại' : label === 'accepted' ? 'đã được chấp nhận' : 'đã gửi'}`,
      body: input.comment ?? undefined,
      link,
    });
  }
  return presentReport(ctx, cycle, after!);
}

type CycleOverview = Awaited<ReturnType<typeof overviewOf>>;

/**
 * Each expected unit's report in a cycle and where it stands against the deadline, with the
 * cycle's counts: one definition of late and not sent (domain/reports/standing.ts) for every view.
 */
export async function cycleOverview(ctx: Context, cycle: CycleRow): Promise<CycleOverview> {
  return (await cycleOverviews(ctx, [cycle])).get(cycle.id)!;
}

/**
 * The overview of each of the given cycles in three statements whatever the number of cycles and
 * units (issue #17: the matrix and the list of cycles asked five statements a cycle). The expected
 * units are those the cycle's plan expects (task leads, required unit plans) and any that
 * reported, in force during the period — as `expectedUnits` says for one cycle.
 */
export async function cycleOverviews(ctx: Context, cycles: readonly CycleRow[]): Promise<Map<string, CycleOverview>> {
  const { tx } = ctx;
  const out = new Map<string, CycleOverview>();
  if (cycles.length === 0) return out;
  const reps = await tx
    .select({
      id: unitReports.id,
      cycleId: unitReports.cycleId,
      unitId: unitReports.unitId,
      status: unitReports.status,
      submittedOn: unitReports.submittedOn,
    })
    .from(unitReports)
    .where(sql`${unitReports.cycleId} = any(${`{${cycles.map((c) => c.id).join(',')}}`}::uuid[])`);
  const byPlan = await unitsExpectedByPlans(
    tx,
    cycles.map((c) => c.planId),
  );
  // The agency's units: a bounded list (tens to a few hundred), read once for every cycle.
  const all = await tx
    .select({ id: units.id, name: units.name, validFrom: units.validFrom, validTo: units.validTo })
    .from(units)
    .orderBy(asc(units.sortOrder), asc(units.name));
  for (const cycle of cycles) {
    const mine = reps.filter((r) => r.cycleId === cycle.id);
    const ids = new Set([...(byPlan.get(cycle.planId) ?? []), ...mine.map((r) => r.unitId)]);
    const expected = all
      .filter((u) => ids.has(u.id) && u.validFrom <= cycle.periodTo && (u.validTo === null || u.validTo >= cycle.periodFrom))
      .map((u) => ({ id: u.id, name: u.name }));
    out.set(cycle.id, overviewOf(ctx, cycle, expected, mine));
  }
  return out;
}

function overviewOf(
  { today }: Context,
  cycle: CycleRow,
  expected: { id: string; name: string }[],
  reps: { id: string; unitId: string; status: string; submittedOn: string | null }[],
) {
  const rows = expected.map((u) => {
    const r = reps.find((x) => x.unitId === u.id);
    const status = (r?.status ?? 'not_started') as ReportStatus;
    const standing = reportStanding(cycle.dueOn, today, status, r?.submittedOn ?? null);
    return {
      unit: u,
      status,
      submittedOn: r?.submittedOn ?? null,
      standing,
      lateDays: standing.lateDays,
      late: standing.timeliness === 'late',
      overdue: standing.timeliness === 'overdue',
      reportId: r?.id ?? null,
    };
  });
  const counts = countStandings(rows);
  // `missing` (kept for the API's older readers) is the units that still owe the report.
  return { rows, counts: { ...counts, missing: counts.owed } };
}

/** Report cycles, latest due first, with their plan and how many units reported (one plan's, or all). */
export async function listCycles(ctx: Context, planId?: string) {
  const rows = await ctx.tx
    .select()
    .from(reportCycles)
    .where(planId ? eq(reportCycles.planId, planId) : undefined)
    .orderBy(desc(reportCycles.dueOn));
  const plans = await planSummaries(
    ctx.tx,
    rows.map((r) => r.planId),
  );
  const overviews = await cycleOverviews(ctx, rows);
  return rows.map((c) => ({ ...c, plan: plans.get(c.planId) ?? '', counts: overviews.get(c.id)!.counts }));
}

/**
 * Units × cycles: each unit's report status in every cycle, its on-time rate, and each cycle's
 * share of units that reported on time — in four statements whatever the number of cycles and
 * units (issue #17).
 */
export async function reportMatrix(ctx: Context) {
  const cycles = await ctx.tx.select().from(reportCycles).orderBy(asc(reportCycles.dueOn));
  const overviews = await cycleOverviews(ctx, cycles);
  const unitsMap = new Map<
    string,
    {
      unit: { id: string; name: string };
      cells: Record<string, { status: string; late: boolean; overdue: boolean; lateDays: number | null }>;
    }
  >();
  for (const c of cycles) {
    for (const r of overviews.get(c.id)!.rows) {
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
}

/** The consolidated report, computed live from the unit reports. */
export async function consolidateCycle(ctx: Context, cycle: CycleRow, includeSubmitted = false): Promise<Consolidated> {
  const { tx } = ctx;
  const tpl = await template(ctx, cycle);
  const expected = await expectedUnits(tx, cycle);
  const reps = await tx.select().from(unitReports).where(eq(unitReports.cycleId, cycle.id));
  const names = new Map((await tx.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.id, u.name]));
  // Mergers that took effect during the period attribute the old unit to its successor.
  const links = await tx
    .select()
    .from(unitSuccessions)
    .where(and(gte(unitSuccessions.effectiveOn, cycle.periodFrom), lte(unitSuccessions.effectiveOn, addDays(cycle.periodTo, 1))));
  const mergedInto = Object.fromEntries(
    links.filter((l) => l.kind === 'merge').map((l) => [l.predecessorId, { id: l.successorId, name: names.get(l.successorId) ?? '' }]),
  );
  // Templates saved before titles were kept whole get the plan item's full text back.
  const full = new Map((await planSectionsForTemplate(tx, cycle.planId)).map((s) => [s.key, s.title]));
  const include: ('accepted' | 'submitted')[] = includeSubmitted ? ['accepted', 'submitted'] : ['accepted'];
  // The Office consolidates; it does not send a report to itself. Its own lead tasks go in
  // straight from what it recorded, and it is not listed as a unit that failed to report
  // (issue #14 point 1) — unless it did send a unit report, which then counts like any other.
  const officeIds = new Set(
    (await tx.select({ id: units.id }).from(units).where(eq(units.kind, 'office')))
      .map((u) => u.id)
      .filter((id) => !reps.some((r) => r.unitId === id && include.includes(r.status as 'accepted'))),
  );
  const c = consolidate({
    sections: tpl.sections.map((s) => (s.title.endsWith('…') && full.has(s.key) ? { ...s, title: full.get(s.key)! } : s)),
    indicators: tpl.indicators,
    expectedUnits: expected.filter((u) => !mergedInto[u.id] && !(officeIds.has(u.id) && !reps.some((r) => r.unitId === u.id))),
    mergedInto,
    include,
    reports: reps.map((r) => ({
      unit: { id: r.unitId, name: names.get(r.unitId) ?? '' },
      status: r.status as 'draft',
      lateDays: r.submittedOn ? daysLate(cycle.dueOn, r.submittedOn) : null,
      sections: r.sections as { key: string; text: string }[],
      indicators: r.indicators as Record<string, number | null>,
    })),
  });
  for (const task of await tasksLedBy(tx, cycle.planId, [...officeIds], cycle.periodTo)) {
    const section = c.sections.find((s) => s.key === task.itemKey);
    if (section) section.parts.push({ unit: `${names.get(task.leadUnitId) ?? ''} (chủ trì)`, text: officeTaskLine(task) });
  }
  const figures = await agencyFigures(ctx, cycle);
  c.indicators.push(...figureIndicators(figures));
  return c;
}

const TASK_STATUS_VI: Record<string, string> = {
  not_started: 'chưa bắt đầu',
  in_progress: 'đang thực hiện',
  done: 'đã hoàn thành',
  cancelled: 'đã hủy',
};

/** "Tổ chức Hội nghị CBCCVC: đã hoàn thành (100%). Đã tổ chức ngày 15/3." */
function officeTaskLine(t: { title: string; status: string; progress: number; lastNote: string | null }): string {
  const pct = t.status === 'done' ? 100 : t.progress;
  return `${t.title}: ${TASK_STATUS_VI[t.status] ?? t.status} (${pct}%).${t.lastNote ? ` ${t.lastNote.trim()}` : ''}`;
}

/** What the whole agency did in the period, beside the units' reports: the plan's progress, reception and cases (issue #14 point 1). */
export type AgencyFigures = { plan: OverallProgress; cases: AgencyCaseFigures };

export async function agencyFigures(ctx: Context, cycle: CycleRow): Promise<AgencyFigures> {
  return {
    plan: await planProgress(ctx.tx, cycle.planId, ctx.today),
    cases: await agencyCaseFigures(ctx.tx, cycle.periodFrom, cycle.periodTo),
  };
}

/** The agency's figures as rows of the report's table of indicators (byUnit empty: they are the agency's, not a unit's). */
export function figureIndicators(f: AgencyFigures): Consolidated['indicators'] {
  const row = (code: string, name: string, unit: string, total: number) => ({ code, name, unit, total, byUnit: {} });
  return [
    row('agency_plan_progress', 'Tiến độ chung của kế hoạch (bình quân các nhiệm vụ)', '%', f.plan.percent ?? 0),
    row('agency_plan_tasks_done', `Nhiệm vụ của kế hoạch đã hoàn thành (trên tổng số ${f.plan.total})`, 'nhiệm vụ', f.plan.done),
    row('agency_plan_tasks_overdue', 'Nhiệm vụ của kế hoạch quá hạn', 'nhiệm vụ', f.plan.overdue),
    row('agency_reception_sessions', 'Buổi tiếp công dân đã tổ chức (toàn cơ quan)', 'buổi', f.cases.reception.sessionsHeld),
    row('agency_reception_visits', 'Lượt tiếp công dân (sổ tiếp công dân)', 'lượt', f.cases.reception.visits),
    row('agency_reception_people', 'Số người được tiếp', 'người', f.cases.reception.people),
    row('agency_cases_received', 'Đơn thư tiếp nhận trong kỳ (toàn cơ quan)', 'đơn', f.cases.received.total),
    row('agency_cases_complaints', '- Khiếu nại', 'đơn', f.cases.received.complaint),
    row('agency_cases_denunciations', '- Tố cáo', 'đơn', f.cases.received.denunciation),
    row('agency_cases_petitions', '- Kiến nghị', 'đơn', f.cases.received.petition),
    row('agency_cases_feedback', '- Phản ánh', 'đơn', f.cases.received.feedback),
    row('agency_cases_resolved', 'Đơn thư đã giải quyết trong kỳ', 'đơn', f.cases.resolved),
    row('agency_cases_on_time', 'Đơn thư giải quyết đúng hạn', 'đơn', f.cases.resolvedOnTime),
    row('agency_cases_overdue', 'Đơn thư quá hạn (tính đến cuối kỳ)', 'đơn', f.cases.overdue),
  ];
}

/** The first draft of "Kết quả đạt được": the agency's figures in a sentence the Office edits. */
export function achievementsDraft(f: AgencyFigures): string {
  const p = f.plan;
  const c = f.cases;
  const plan =
    p.percent === null
      ? 'Kế hoạch chưa có nhiệm vụ được giao.'
      : `Kế hoạch đạt tiến độ chung ${p.percent}%: ${p.done}/${p.total} nhiệm vụ đã hoàn thành, ${p.inProgress} nhiệm vụ đang thực hiện, ${p.notStarted} nhiệm vụ chưa bắt đầu${p.overdue ? `, ${p.overdue} nhiệm vụ quá hạn` : ''}.`;
  return `${plan} Trong kỳ, cơ quan tổ chức ${c.reception.sessionsHeld} buổi tiếp công dân, tiếp ${c.reception.visits} lượt (${c.reception.people} người); tiếp nhận ${c.received.total} đơn (khiếu nại ${c.received.complaint}, tố cáo ${c.received.denunciation}, kiến nghị ${c.received.petition}, phản ánh ${c.received.feedback}), đã giải quyết ${c.resolved} đơn, trong đó ${c.resolvedOnTime} đơn đúng hạn; ${c.overdue} đơn quá hạn tính đến cuối kỳ.`;
}

/** The four parts a report of results closes with, edited by the Office before it is issued (issue #14 point 1). */
export type Assessment = { achievements: string; shortcomings: string; directions: string; proposals: string };

export type AgencyReportBody = {
  issuerParent: string | null;
  issuer: string;
  /** "/BC-SKHCN": the symbol; the number before the slash is the văn thư's (Decree 30/2020 Art. 15). */
  numberSymbol?: string | null;
  assessment?: Assessment | null;
  place: string;
  date: string | null;
  summary: string;
  intro: string;
  sections: { key: string; title: string; text: string }[];
  conclusion: string;
  signer: { mode: string | null; authority: string | null; title: string | null; name: string | null };
  recipients: { name: string; role: string | null }[];
  archive: string | null;
};

/** The latest saved version of the agency report, or a first draft built from the consolidation. */
export async function agencyReport(ctx: Context, cycle: CycleRow) {
  const { tx } = ctx;
  const [latest] = await tx
    .select()
    .from(agencyReports)
    .where(eq(agencyReports.cycleId, cycle.id))
    .orderBy(sql`${agencyReports.version} desc`)
    .limit(1);
  const c = await consolidateCycle(ctx, cycle);
  if (latest)
    return { version: latest.version, savedAt: latest.createdAt.toISOString(), body: latest.body as AgencyReportBody, consolidated: c };
  const outline = await planOutline(tx, cycle.planId);
  const plan = outline ? { ...outline.header, summary: outline.summary } : null;
  const [agency] = await tx.select({ name: tenants.name, code: tenants.code }).from(tenants);
  // The agency's code in document symbols, as the register of outgoing documents gives it.
  const { issuerCode } = await registerIssuerCode(tx);
  const body: AgencyReportBody = {
    issuerParent: plan?.issuerParent ?? null,
    issuer: plan?.issuer ?? '',
    numberSymbol: `/BC-${issuerCode}`,
    assessment: { achievements: achievementsDraft(await agencyFigures(ctx, cycle)), shortcomings: '', directions: '', proposals: '' },
    place: plan?.place ?? '',
    date: null,
    summary: `Kết quả thực hiện Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền ${cycle.title}`,
    intro: `Thực hiện ${plan ? `Kế hoạch ${plan.numberSymbol ? `số ${plan.numberSymbol} ` : ''}${plan.signedOn ? `ngày ${fmt(plan.signedOn)} ` : ''}về ${plan.summary.charAt(0).toLowerCase()}${plan.summary.slice(1)}` : 'kế hoạch'}, ${agency?.name.replace(/ tỉnh .*$/, '') ?? 'cơ quan'} báo cáo kết quả ${cycle.title} như sau:`,
    sections: c.sections.map((s) => ({ key: s.key, title: s.title, text: s.parts.map((p) => `${p.unit}: ${p.text}`).join('\n') })),
    conclusion: '',
    signer: {
      mode: plan?.signerMode ?? null,
      authority: plan?.signerAuthority ?? null,
      title: plan?.signerTitle ?? null,
      name: plan?.signerName ?? null,
    },
    recipients: [
      { name: 'Ban Dân vận Tỉnh ủy', role: 'báo cáo' },
      { name: 'UBND tỉnh', role: 'báo cáo' },
      { name: 'Giám đốc, các Phó Giám đốc Sở', role: null },
    ],
    archive: 'VT, VP',
  };
  return { version: 0, savedAt: null, body, consolidated: c };
}

export async function saveAgencyReport(ctx: ActorContext, cycleId: string, input: { version: number; body: AgencyReportBody }) {
  const { tx, actor, who } = ctx;
  if (!can(actor, 'plans.manage')) throw new AppError('FORBIDDEN');
  const cycle = await getCycle(tx, cycleId);
  const current = await agencyReport(ctx, cycle);
  if (current.version !== input.version) throw new AppError('STALE_VERSION');
  const numbered = await numberOf(tx, { type: 'agency_report', id: cycleId });
  if (numbered && (input.body.numberSymbol !== numbered.numberSymbol || input.body.date !== numbered.issuedOn))
    throw invalid(
      input.body.numberSymbol !== numbered.numberSymbol ? 'body.numberSymbol' : 'body.date',
      `báo cáo đã được văn thư cấp số ${numbered.numberSymbol} ngày ${fmt(numbered.issuedOn)}; không sửa số, ngày`,
      `the report was numbered ${numbered.numberSymbol} on ${numbered.issuedOn} by the clerical office; number and date cannot change`,
    );
  await tx
    .insert(agencyReports)
    .values({ tenantId: actor.tenantId, cycleId, version: input.version + 1, body: input.body, createdBy: actor.userId });
  await recordAudit(tx, who, {
    action: 'agency_report.save',
    entityType: 'agency_report',
    entityId: cycleId,
    summary: `Báo cáo tổng hợp ${cycle.title}, phiên bản ${input.version + 1}`,
    before: current.body,
    after: input.body,
  });
  return agencyReport(ctx, cycle);
}

/**
 * The văn thư gives the consolidated report its number from the register of outgoing documents
 * ("12/BC-SKHCN", Decree 30/2020 Art. 15) and its date; a new version of the report is saved
 * with them (audited). The cycle row is locked first, so the report is numbered once.
 */
export async function numberAgencyReport(ctx: ActorContext, cycleId: string, input: { issuedOn: string; version: number }) {
  const { tx, actor, who } = ctx;
  if (!can(actor, 'plans.manage')) throw new AppError('FORBIDDEN');
  await tx.select({ id: reportCycles.id }).from(reportCycles).where(eq(reportCycles.id, cycleId)).for('update');
  const cycle = await getCycle(tx, cycleId);
  if (await numberOf(tx, { type: 'agency_report', id: cycleId })) throw new AppError('OUTGOING_ALREADY_NUMBERED');
  const current = await agencyReport(ctx, cycle);
  if (current.version !== input.version) throw new AppError('STALE_VERSION');
  const doc = await issueNumber(ctx, {
    typeCode: 'BC',
    issuedOn: input.issuedOn,
    summary: current.body.summary,
    signerName: current.body.signer.name,
    recipients: current.body.recipients.map((r) => r.name).join('; ') || null,
    source: { type: 'agency_report', id: cycleId },
  });
  const body: AgencyReportBody = { ...current.body, numberSymbol: doc.numberSymbol, date: doc.issuedOn };
  await tx.insert(agencyReports).values({ tenantId: actor.tenantId, cycleId, version: input.version + 1, body, createdBy: actor.userId });
  await recordAudit(tx, who, {
    action: 'agency_report.number',
    entityType: 'agency_report',
    entityId: cycleId,
    summary: `Báo cáo tổng hợp ${cycle.title}: số ${doc.numberSymbol} ngày ${fmt(doc.issuedOn)}`,
    before: { numberSymbol: current.body.numberSymbol ?? null, date: current.body.date },
    after: { numberSymbol: doc.numberSymbol, date: doc.issuedOn },
  });
  return { numberSymbol: doc.numberSymbol, issuedOn: doc.issuedOn, version: input.version + 1 };
}

/** Reminders (issue #4): unit heads before the due date, the Office after it. Once per person and day. */
export async function sendReminders(ctx: Context, outbox: { to: string; subject: string; text: string }[] = []): Promise<number> {
  const { tx, today } = ctx;
  const tenantId = ctx.who.tenantId;
  const cycles = await tx.select().from(reportCycles).where(eq(reportCycles.status, 'open'));
  const overviews = await cycleOverviews(ctx, cycles);
  let sent = 0;
  for (const c of cycles) {
    const soon = today < c.dueOn && addDays(today, 7) >= c.dueOn;
    const overdue = today >= c.dueOn && addDays(c.dueOn, 30) >= today;
    if (!soon && !overdue) continue;
    const { rows } = overviews.get(c.id)!;
    const pending = rows.filter((r) => r.standing.owed);
    if (pending.length === 0) continue;
    const targets = soon
      ? await tx
          .select({ userId: roleAssignments.userId, unitId: roleAssignments.unitId })
          .from(roleAssignments)
          .where(
            and(
              eq(roleAssignments.role, 'unit_head'),
              inArray(
                roleAssignments.unitId,
                pending.map((p) => p.unit.id),
              ),
            ),
          )
      : await tx
          .select({ userId: roleAssignments.userId, unitId: roleAssignments.unitId })
          .from(roleAssignments)
          .where(eq(roleAssignments.role, 'office'));
    for (const t of new Map(targets.map((x) => [x.userId, x])).values()) {
      const kind = soon ? 'report.due_soon' : 'report.overdue';
      const link = `/reports/${c.id}`;
      // One reminder per person, cycle and day (the job may run more than once a day, on several processes).
      const body = `Nhắc ngày ${fmt(today)} / Reminder of ${today}`;
      const dup = await tx.execute(
        sql`select 1 from notifications where user_id = ${t.userId} and kind = ${kind} and link = ${link} and body = ${body}`,
      );
      if (((dup as { rows?: unknown[] }).rows ?? (dup as unknown as unknown[])).length) continue;
      const title = soon
        ? `Báo cáo ${c.title} đến hạn trước ngày ${fmt(c.dueOn)}`
        : `Quá hạn báo cáo ${c.title}: còn ${pending.length} đơn vị chưa gửi (${pending.map((p) => p.unit.name).join(', ')})`;
      await notify(tx, { tenantId, userId: t.userId, kind, title, body, link });
      // E-mail goes out after commit (the caller sends the outbox).
      const [person] = await tx.select({ email: users.email, fullName: users.fullName }).from(users).where(eq(users.id, t.userId));
      if (person?.email)
        outbox.push({
          to: person.email,
          subject: `[danchu] ${title}`,
          text: `Kính gửi ${person.fullName},\n\n${title}.\nXem và cập nhật tại mục Kỳ báo cáo của danchu (${link}).\n\n${body}`,
        });
      sent++;
    }
  }
  return sent;
}

export type Outbox = { to: string; subject: string; text: string }[];

/**
 * "Nhắc các đơn vị chưa gửi" (issue #14 point 3): the Office reminds, now, the heads of every unit
 * that still owes the cycle's report (not started, draft, or returned and not sent again — the
 * same definition the counts use). In-app notifications in this transaction, audited; e-mails
 * are queued in `outbox` for the caller to send after commit (STYLE.md 17), when SMTP is set.
 */
export async function remindOwedUnits(ctx: ActorContext, cycleId: string, outbox: Outbox = []) {
  const { tx, actor, who, today } = ctx;
  if (!can(actor, 'plans.manage')) throw new AppError('FORBIDDEN');
  const cycle = await getCycle(tx, cycleId);
  const owed = (await cycleOverview(ctx, cycle)).rows.filter((r) => r.standing.owed);
  const heads = owed.length
    ? await tx
        .select({ userId: roleAssignments.userId, unitId: roleAssignments.unitId, email: users.email, fullName: users.fullName })
        .from(roleAssignments)
        .innerJoin(users, and(eq(users.tenantId, roleAssignments.tenantId), eq(users.id, roleAssignments.userId)))
        .where(
          and(
            eq(roleAssignments.role, 'unit_head'),
            eq(users.isActive, true),
            inArray(
              roleAssignments.unitId,
              owed.map((r) => r.unit.id),
            ),
          ),
        )
    : [];
  const units: { id: string; name: string; status: ReportStatus; overdueDays: number | null; recipients: number }[] = [];
  let notified = 0;
  for (const r of owed) {
    const mine = heads.filter((h) => h.unitId === r.unit.id);
    const when =
      r.standing.timeliness === 'overdue'
        ? `đã quá hạn ${r.standing.lateDays} ngày (hạn trước ngày ${fmt(cycle.dueOn)})`
        : `hạn trước ngày ${fmt(cycle.dueOn)}`;
    const title =
      r.status === 'returned'
        ? `Nhắc gửi lại báo cáo ${cycle.title} đã bị trả lại — ${r.unit.name}`
        : `Nhắc gửi báo cáo ${cycle.title}, ${when} — ${r.unit.name}`;
    const link = `/reports/${cycle.id}/units/${r.unit.id}`;
    for (const h of mine) {
      await notify(tx, {
        tenantId: actor.tenantId,
        userId: h.userId,
        kind: 'report.reminder',
        title,
        body: `Văn phòng nhắc ngày ${fmt(today)}`,
        link,
      });
      notified++;
      if (h.email)
        outbox.push({
          to: h.email,
          subject: `[danchu] ${title}`,
          text: `Kính gửi ${h.fullName},\n\n${title}.\nVăn phòng đề nghị đơn vị hoàn thành và gửi báo cáo tại mục Kỳ báo cáo của danchu (${link}).\n\nNhắc ngày ${fmt(today)} / Reminder of ${today}`,
        });
    }
    units.push({
      id: r.unit.id,
      name: r.unit.name,
      status: r.status,
      overdueDays: r.standing.timeliness === 'overdue' ? r.standing.lateDays : null,
      recipients: mine.length,
    });
  }
  await recordAudit(tx, who, {
    action: 'report_cycle.remind',
    entityType: 'report_cycle',
    entityId: cycle.id,
    summary: `Nhắc ${units.length} đơn vị chưa gửi báo cáo ${cycle.title}`,
    after: { units: units.map((u) => ({ name: u.name, status: u.status, recipients: u.recipients })), notified, mails: outbox.length },
  });
  return { units, notified, mailsQueued: outbox.length };
}

/** The template a cycle uses, with its version history. */
export async function cycleTemplate(tx: Tx, cycleId: string) {
  const cycle = await getCycle(tx, cycleId);
  const [current] = await tx.select().from(reportTemplates).where(eq(reportTemplates.id, cycle.templateId));
  const versions = await tx
    .select({ id: reportTemplates.id, version: reportTemplates.version, createdAt: reportTemplates.createdAt })
    .from(reportTemplates)
    .where(eq(reportTemplates.key, current!.key))
    .orderBy(asc(reportTemplates.version));
  return {
    id: current!.id,
    key: current!.key,
    version: current!.version,
    name: current!.name,
    sections: current!.sections as TemplateSection[],
    indicators: current!.indicators as TemplateIndicator[],
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
  };
}

/**
 * Save a new version of a cycle's template (templates are versioned data: a used version never
 * changes). The new version applies to the cycles of the same template that have no report yet.
 */
export async function saveTemplateVersion(
  ctx: ActorContext,
  cycleId: string,
  input: {
    version: number;
    name: string;
    sections: TemplateSection[];
    indicators: { code: string; name: string; unit: string; definition?: string | null }[];
  },
) {
  const { tx, actor, who } = ctx;
  if (!can(actor, 'plans.manage')) throw new AppError('FORBIDDEN');
  const current = await cycleTemplate(tx, cycleId);
  const latest = current.versions[current.versions.length - 1]!;
  if (input.version !== latest.version) throw new AppError('STALE_VERSION');
  const keys = new Set<string>();
  input.sections.forEach((s, i) => {
    if (keys.has(s.key)) throw invalid(`sections.${i}.key`, `mã mục "${s.key}" bị trùng`, `section key "${s.key}" appears twice`);
    keys.add(s.key);
  });
  const codes = new Set<string>();
  const sourceOf = new Map([...DEFAULT_INDICATORS, ...current.indicators].map((d) => [d.code, d.source]));
  input.indicators.forEach((d, i) => {
    if (codes.has(d.code))
      throw invalid(`indicators.${i}.code`, `mã chỉ tiêu "${d.code}" bị trùng`, `indicator code "${d.code}" appears twice`);
    codes.add(d.code);
  });
  const [row] = await tx
    .insert(reportTemplates)
    .values({
      tenantId: actor.tenantId,
      key: current.key,
      version: latest.version + 1,
      name: input.name,
      sections: input.sections,
      // How a code is computed is the system's, not editable: known codes keep their source.
      indicators: input.indicators.map((d) => ({
        code: d.code,
        name: d.name,
        unit: d.unit,
        definition: d.definition ?? null,
        source: sourceOf.get(d.code) ?? null,
      })),
      createdBy: actor.userId,
    })
    .returning();
  const sameKey = await tx.select({ id: reportTemplates.id }).from(reportTemplates).where(eq(reportTemplates.key, current.key));
  const cycles = await tx
    .select()
    .from(reportCycles)
    .where(
      inArray(
        reportCycles.templateId,
        sameKey.map((x) => x.id),
      ),
    );
  for (const c of cycles) {
    const [any] = await tx.select({ id: unitReports.id }).from(unitReports).where(eq(unitReports.cycleId, c.id)).limit(1);
    if (!any) await tx.update(reportCycles).set({ templateId: row!.id }).where(eq(reportCycles.id, c.id));
  }
  await recordAudit(tx, who, {
    action: 'report_template.version',
    entityType: 'report_template',
    entityId: row!.id,
    summary: `${input.name} — phiên bản ${row!.version}`,
    before: current,
    after: row,
  });
  return cycleTemplate(tx, cycleId);
}

/** The daily reminder run: in-app notifications in each agency's transaction, then e-mail after commit. */
export async function runReminders(
  db: Database,
  modules: ModuleHooks,
  mailer: Mailer,
  today = todayInVietnam(),
): Promise<{ notified: number; mailed: number }> {
  const all = await db.owner.select({ id: tenants.tenantId }).from(tenants);
  let notified = 0;
  let mailed = 0;
  for (const t of all) {
    const outbox: { to: string; subject: string; text: string }[] = [];
    notified += await db.withTenant({ tenantId: t.id }, (tx) =>
      sendReminders({ tx, today, modules, who: { tenantId: t.id, userId: null, name: 'Hệ thống (nhắc hạn báo cáo)' } }, outbox),
    );
    for (const m of outbox) if (await mailer.send(m)) mailed++;
  }
  return { notified, mailed };
}
