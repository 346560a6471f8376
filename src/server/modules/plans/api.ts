/**
 * What other modules may read of plans (through `plans/index.ts`): the outline of a plan, the
 * units it expects to report, and the progress recorded against its tasks. Reports builds its
 * templates, cycles and pre-filled text from these; nothing outside this module reads the tables.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { TRecurrence } from '../../../contracts/plans';
import { rowsOf, type Tx } from '../../platform/db';
import type { IndicatorScope, ReportIndicator } from '../../platform/module';
import { type OverallProgress, overallProgress } from './progress';
import { dueState, nextDue, occurrences } from './schedule';
import { legalDocuments, planItems, planRequiredUnits, plans, planSections, taskUpdates, tasks } from './tables';

export type PlanOutline = {
  id: string;
  year: number;
  summary: string;
  unitId: string | null;
  /** The header and signature block of the administrative document (Decree 30/2020). */
  header: {
    issuerParent: string | null;
    issuer: string;
    place: string;
    numberSymbol: string | null;
    signedOn: string | null;
    signerMode: string | null;
    signerAuthority: string | null;
    signerTitle: string | null;
    signerName: string | null;
  };
  sections: { id: string; numeral: string; title: string; items: { id: string; number: number; text: string }[] }[];
};

/** A plan's sections and items in document order, or null when it does not exist. */
export async function planOutline(tx: Tx, planId: string): Promise<PlanOutline | null> {
  const [p] = await tx.select().from(plans).where(eq(plans.id, planId));
  if (!p) return null;
  const secs = await tx.select().from(planSections).where(eq(planSections.planId, planId)).orderBy(asc(planSections.position));
  const items = await tx.select().from(planItems).where(eq(planItems.planId, planId)).orderBy(asc(planItems.number));
  return {
    id: p.id,
    year: p.year,
    summary: p.summary,
    unitId: p.unitId,
    header: {
      issuerParent: p.issuerParent,
      issuer: p.issuer,
      place: p.place,
      numberSymbol: p.numberSymbol,
      signedOn: p.signedOn,
      signerMode: p.signerMode,
      signerAuthority: p.signerAuthority,
      signerTitle: p.signerTitle,
      signerName: p.signerName,
    },
    sections: secs.map((s) => ({
      id: s.id,
      numeral: s.numeral,
      title: s.title,
      items: items.filter((i) => i.sectionId === s.id).map((i) => ({ id: i.id, number: i.number, text: i.text })),
    })),
  };
}

/** The one-line summaries of the given plans. */
export async function planSummaries(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: plans.id, summary: plans.summary })
    .from(plans)
    .where(inArray(plans.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.summary]));
}

/** The agency's own plans of a year (not the units' plans), oldest first. */
export async function agencyPlansOf(tx: Tx, year: number): Promise<{ id: string; summary: string }[]> {
  return tx
    .select({ id: plans.id, summary: plans.summary })
    .from(plans)
    .where(and(eq(plans.year, year), isNull(plans.unitId)))
    .orderBy(asc(plans.createdAt));
}

/** Units a plan expects to report: those leading its tasks and those it requires to make their own plan. */
export async function unitsExpectedByPlan(tx: Tx, planId: string): Promise<string[]> {
  return [...((await unitsExpectedByPlans(tx, [planId])).get(planId) ?? [])];
}

/**
 * The units each of the given plans expects to report, in one statement whatever the number of
 * plans (the report matrix and the list of cycles ask for every cycle's plan: issue #17, no N+1).
 * The plans travel as one array parameter.
 */
export async function unitsExpectedByPlans(tx: Tx, planIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (planIds.length === 0) return out;
  const ids = sql`${`{${[...new Set(planIds)].join(',')}}`}::uuid[]`;
  const rows = rowsOf<{ plan_id: string; unit_id: string }>(
    await tx.execute(sql`
      select ${tasks.planId} as plan_id, ${tasks.leadUnitId} as unit_id from ${tasks} where ${tasks.planId} = any(${ids})
      union
      select ${planRequiredUnits.planId}, ${planRequiredUnits.unitId} from ${planRequiredUnits} where ${planRequiredUnits.planId} = any(${ids})`),
  );
  for (const r of rows) {
    const set = out.get(r.plan_id) ?? new Set<string>();
    set.add(r.unit_id);
    out.set(r.plan_id, set);
  }
  return out;
}

/**
 * The units a plan expects to report (as `unitsExpectedByPlans`), as a SQL subquery of unit ids
 * for a plan id expression, for a statement that asks it per cycle (issue #17).
 */
export function unitsExpectedByPlanSql(planId: SQL): SQL {
  return sql`select ${tasks.leadUnitId} from ${tasks} where ${tasks.planId} = ${planId}
    union select ${planRequiredUnits.unitId} from ${planRequiredUnits} where ${planRequiredUnits.planId} = ${planId}`;
}

export type RecordedProgress = {
  taskId: string;
  taskTitle: string;
  /** The plan item the task carries out, as "II.6". */
  itemKey: string;
  leadUnitId: string;
  reportedOn: string;
  status: string;
  progress: number;
  note: string;
  attachmentCount: number;
};

/** Progress a unit reported in a period (inclusive), on one plan's tasks or on all of them, oldest first. */
export async function recordedProgress(tx: Tx, scope: IndicatorScope): Promise<RecordedProgress[]> {
  const rows = await tx
    .select({
      u: taskUpdates,
      title: tasks.title,
      numeral: planSections.numeral,
      number: planItems.number,
      lead: tasks.leadUnitId,
    })
    .from(taskUpdates)
    .innerJoin(tasks, and(eq(tasks.tenantId, taskUpdates.tenantId), eq(tasks.id, taskUpdates.taskId)))
    .innerJoin(planItems, and(eq(planItems.tenantId, tasks.tenantId), eq(planItems.id, tasks.itemId)))
    .innerJoin(planSections, and(eq(planSections.tenantId, planItems.tenantId), eq(planSections.id, planItems.sectionId)))
    .where(
      and(
        scope.planId ? eq(tasks.planId, scope.planId) : undefined,
        eq(taskUpdates.unitId, scope.unitId),
        gte(taskUpdates.reportedOn, scope.from),
        lte(taskUpdates.reportedOn, scope.to),
      ),
    )
    .orderBy(asc(taskUpdates.reportedOn));
  return rows.map((r) => ({
    taskId: r.u.taskId,
    taskTitle: r.title,
    itemKey: `${r.numeral}.${r.number}`,
    leadUnitId: r.lead,
    reportedOn: r.u.reportedOn,
    status: r.u.status,
    progress: r.u.progress,
    note: r.u.note,
    attachmentCount: r.u.attachmentIds.length,
  }));
}

const dmy = (d: string) => d.split('-').reverse().join('/');

/** The figures plans contributes to unit reports (issue #4): tasks done, progress reports, evidence files. */
export const PLAN_INDICATORS: readonly ReportIndicator[] = [
  {
    code: 'tasks_done',
    name: 'Nhiệm vụ hoàn thành trong kỳ',
    unit: 'nhiệm vụ',
    definition: 'Nhiệm vụ đơn vị chủ trì được báo cáo hoàn thành trong kỳ',
    compute: async ({ tx }, scope) => {
      const rows = await recordedProgress(tx, scope);
      const done = new Set(rows.filter((r) => r.status === 'done' && r.leadUnitId === scope.unitId).map((r) => r.taskId));
      return {
        value: done.size,
        how: `Đếm nhiệm vụ do đơn vị chủ trì có báo cáo "hoàn thành" từ ${dmy(scope.from)} đến ${dmy(scope.to)}`,
      };
    },
  },
  {
    code: 'progress_updates',
    name: 'Lượt báo cáo tiến độ',
    unit: 'lượt',
    definition: 'Số lần đơn vị báo cáo tiến độ nhiệm vụ trong kỳ',
    compute: async ({ tx }, scope) => ({
      value: (await recordedProgress(tx, scope)).length,
      how: `Đếm các lần báo cáo tiến độ của đơn vị từ ${dmy(scope.from)} đến ${dmy(scope.to)}`,
    }),
  },
  {
    code: 'evidence_files',
    name: 'Tệp minh chứng',
    unit: 'tệp',
    definition: 'Tệp minh chứng kèm các báo cáo tiến độ trong kỳ',
    compute: async ({ tx }, scope) => ({
      value: (await recordedProgress(tx, scope)).reduce((s, r) => s + r.attachmentCount, 0),
      how: 'Cộng số tệp minh chứng kèm các báo cáo tiến độ trong kỳ',
    }),
  },
];

/** A registry document's standing, as other modules need it (disclosures withdraw items whose source lapsed). */
export type LegalDocumentState = { id: string; symbol: string; status: string; replacedBySymbol: string | null };

/** The standing of the given registry documents, by id (missing ids are left out). */
export async function legalDocumentStates(tx: Tx, ids: readonly string[]): Promise<Map<string, LegalDocumentState>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({
      id: legalDocuments.id,
      symbol: legalDocuments.symbol,
      status: legalDocuments.status,
      replacedById: legalDocuments.replacedById,
    })
    .from(legalDocuments)
    .where(inArray(legalDocuments.id, [...ids]));
  const successors = rows.map((r) => r.replacedById).filter((x): x is string => !!x);
  const names = successors.length
    ? new Map(
        (
          await tx
            .select({ id: legalDocuments.id, symbol: legalDocuments.symbol })
            .from(legalDocuments)
            .where(inArray(legalDocuments.id, successors))
        ).map((r) => [r.id, r.symbol]),
      )
    : new Map<string, string>();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, symbol: r.symbol, status: r.status, replacedBySymbol: r.replacedById ? (names.get(r.replacedById) ?? null) : null },
    ]),
  );
}

/** Registry ids by symbol (the most recent issue of each symbol), for demo seeds and imports. */
export async function legalDocumentIdsBySymbol(tx: Tx, symbols: readonly string[]): Promise<Map<string, string>> {
  if (symbols.length === 0) return new Map();
  const rows = await tx
    .select({ id: legalDocuments.id, symbol: legalDocuments.symbol, issuedOn: legalDocuments.issuedOn })
    .from(legalDocuments)
    .where(inArray(legalDocuments.symbol, [...symbols]));
  rows.sort((a, b) => (a.issuedOn ?? '').localeCompare(b.issuedOn ?? ''));
  return new Map(rows.map((r) => [r.symbol, r.id]));
}

/** A plan's overall progress as of a day (the same count as the plan page and the dashboard). */
export async function planProgress(tx: Tx, planId: string, today: string): Promise<OverallProgress> {
  const [p] = await tx.select({ year: plans.year }).from(plans).where(eq(plans.id, planId));
  if (!p) return overallProgress([]);
  const rows = await tx.select().from(tasks).where(eq(tasks.planId, planId));
  const last = rows.length
    ? new Map(
        (
          await tx
            .select({ taskId: taskUpdates.taskId, last: sql<string>`max(${taskUpdates.reportedOn})::text` })
            .from(taskUpdates)
            .where(
              inArray(
                taskUpdates.taskId,
                rows.map((r) => r.id),
              ),
            )
            .groupBy(taskUpdates.taskId)
        ).map((r) => [r.taskId, r.last]),
      )
    : new Map<string, string>();
  return overallProgress(
    rows.map((t) => {
      const next = nextDue(occurrences({ dueOn: t.dueOn, recurrence: (t.recurrence as TRecurrence | null) ?? null }, p.year), today);
      return { status: t.status, progress: t.progress, dueState: dueState(t.status, next, today, last.get(t.id) ?? null) };
    }),
  );
}

export type LedTask = {
  taskId: string;
  title: string;
  /** The plan item the task carries out, as "II.6". */
  itemKey: string;
  leadUnitId: string;
  status: string;
  progress: number;
  dueOn: string | null;
  /** The lead unit's latest progress note up to the day given, if any. */
  lastNote: string | null;
  lastReportedOn: string | null;
};

/** The tasks of a plan led by the given units, with the lead unit's latest note up to `upTo` (issue #14 point 1: the Office's own work). */
export async function tasksLedBy(tx: Tx, planId: string, unitIds: readonly string[], upTo: string): Promise<LedTask[]> {
  if (unitIds.length === 0) return [];
  const rows = await tx
    .select({ t: tasks, numeral: planSections.numeral, number: planItems.number })
    .from(tasks)
    .innerJoin(planItems, and(eq(planItems.tenantId, tasks.tenantId), eq(planItems.id, tasks.itemId)))
    .innerJoin(planSections, and(eq(planSections.tenantId, planItems.tenantId), eq(planSections.id, planItems.sectionId)))
    .where(and(eq(tasks.planId, planId), inArray(tasks.leadUnitId, [...unitIds])))
    .orderBy(asc(planSections.position), asc(planItems.number), asc(tasks.createdAt));
  const notes = rows.length
    ? await tx
        .selectDistinctOn([taskUpdates.taskId], { taskId: taskUpdates.taskId, note: taskUpdates.note, reportedOn: taskUpdates.reportedOn })
        .from(taskUpdates)
        .innerJoin(tasks, and(eq(tasks.tenantId, taskUpdates.tenantId), eq(tasks.id, taskUpdates.taskId)))
        .where(
          and(
            inArray(
              taskUpdates.taskId,
              rows.map((r) => r.t.id),
            ),
            eq(taskUpdates.unitId, tasks.leadUnitId),
            lte(taskUpdates.reportedOn, upTo),
          ),
        )
        .orderBy(taskUpdates.taskId, desc(taskUpdates.reportedOn), desc(taskUpdates.createdAt))
    : [];
  const noteOf = new Map(notes.map((n) => [n.taskId, n]));
  return rows
    .filter((r) => r.t.status !== 'cancelled')
    .map((r) => ({
      taskId: r.t.id,
      title: r.t.title,
      itemKey: `${r.numeral}.${r.number}`,
      leadUnitId: r.t.leadUnitId,
      status: r.t.status,
      progress: r.t.progress,
      dueOn: r.t.dueOn,
      lastNote: noteOf.get(r.t.id)?.note ?? null,
      lastReportedOn: noteOf.get(r.t.id)?.reportedOn ?? null,
    }));
}

/**
 * Whether the registry document named by the SQL expression `id` has lapsed (replaced or expired,
 * as `legalDocumentStates` reports it), as a boolean SQL expression: for another module's reads
 * that must stay one statement (the dashboard, issue #17).
 */
export function documentLapsedSql(id: SQL): SQL {
  return sql`exists (select 1 from ${legalDocuments} where ${legalDocuments.id} = ${id} and ${legalDocuments.status} in ('replaced', 'expired'))`;
}
