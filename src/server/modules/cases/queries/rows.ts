/** The list view of cases and the SQL scope of what a person may read. */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { compareIsoDates } from '../../../../domain';
import { DEFAULT_RULE_REGISTRY } from '../../../../domain/deadlines';
import type { CaseKind, CaseStatus, TCaseDeadline, TCaseRow } from '../../../../contracts/cases';
import type { Tx } from '../../../platform/db';
import type { Actor } from '../../../platform/roles';
import { caseDeadlines, caseEvents, caseLinks, cases } from '../tables';
import { type CaseRow, userNames, unitNames } from '../records';

/** The columns a list row needs: never the content or the search columns (issue #17: bounded responses). */
export const LIST_COLUMNS = {
  id: cases.id,
  code: cases.code,
  kind: cases.kind,
  channel: cases.channel,
  status: cases.status,
  subject: cases.subject,
  receivedOn: cases.receivedOn,
  instance: cases.instance,
  unitId: cases.unitId,
  handlerId: cases.handlerId,
  anonymous: cases.anonymous,
};
export type ListCase = Pick<CaseRow, keyof typeof LIST_COLUMNS>;

/** The deadline columns a list row shows (no explanation or basis). */
const BRIEF_DEADLINE = {
  caseId: caseDeadlines.caseId,
  ruleId: caseDeadlines.ruleId,
  ruleVersion: caseDeadlines.ruleVersion,
  title: caseDeadlines.title,
  titleEn: caseDeadlines.titleEn,
  trigger: caseDeadlines.trigger,
  due: caseDeadlines.due,
  status: caseDeadlines.status,
  metOn: caseDeadlines.metOn,
};

/**
 * List rows of one page of cases, in a fixed number of statements whatever the page (names,
 * units, deadlines, extensions, repeats): each loaded with `= any($1)` of the page's ids.
 */
export async function toRows(tx: Tx, list: ListCase[]): Promise<TCaseRow[]> {
  if (!list.length) return [];
  const ids = list.map((c) => c.id);
  const names = await userNames(
    tx,
    list.map((c) => c.handlerId),
  );
  const unitsMap = await unitNames(
    tx,
    list.map((c) => c.unitId),
  );
  const dls = await tx.select(BRIEF_DEADLINE).from(caseDeadlines).where(inArray(caseDeadlines.caseId, ids));
  const n = sql<number>`count(*)::int`;
  const ext = await tx
    .select({ caseId: caseEvents.caseId, n })
    .from(caseEvents)
    .where(and(eq(caseEvents.type, 'extended'), inArray(caseEvents.caseId, ids)))
    .groupBy(caseEvents.caseId);
  const reps = await tx
    .select({ caseId: caseLinks.caseId, n })
    .from(caseLinks)
    .where(and(eq(caseLinks.relation, 'repeat'), inArray(caseLinks.caseId, ids)))
    .groupBy(caseLinks.caseId);
  return list.map((c) => {
    const mine = dls.filter((d) => d.caseId === c.id);
    const missed = mine.filter((d) => d.status === 'missed' && !d.metOn).sort((a, b) => compareIsoDates(a.due, b.due));
    // A stopped clock is upcoming only while the case is suspended; on an ended case it is over.
    const openD = mine
      .filter((d) => d.status === 'open' || (d.status === 'stopped' && c.status === 'suspended'))
      .sort((a, b) => compareIsoDates(a.due, b.due));
    const next = missed[0] ?? openD[0] ?? null;
    const v = next ? DEFAULT_RULE_REGISTRY.versionOn(next.ruleId, next.trigger) : null;
    return {
      id: c.id,
      code: c.code,
      kind: c.kind as CaseKind,
      channel: c.channel as TCaseRow['channel'],
      status: c.status as CaseStatus,
      subject: c.subject,
      receivedOn: c.receivedOn,
      instance: c.instance as 1 | 2,
      unit: c.unitId ? { id: c.unitId, name: unitsMap.get(c.unitId) ?? '' } : null,
      handler: c.handlerId ? { id: c.handlerId, name: names.get(c.handlerId) ?? '' } : null,
      anonymous: c.anonymous,
      extensions: ext.find((e) => e.caseId === c.id)?.n ?? 0,
      nextDeadline:
        next && v
          ? {
              triggerLabel: v.trigger,
              triggerLabelEn: v.triggerEn,
              ruleId: next.ruleId,
              ruleVersion: next.ruleVersion,
              title: next.title,
              titleEn: next.titleEn,
              trigger: next.trigger,
              due: next.due,
              status: next.status as TCaseDeadline['status'],
              metOn: next.metOn,
            }
          : null,
      overdue: missed.length > 0,
      repeatCount: reps.find((r) => r.caseId === c.id)?.n ?? 0,
    };
  });
}

export function storedDeadline(d: typeof caseDeadlines.$inferSelect): TCaseDeadline {
  const v = DEFAULT_RULE_REGISTRY.versionOn(d.ruleId, d.trigger);
  return {
    triggerLabel: v.trigger,
    triggerLabelEn: v.triggerEn,
    ruleId: d.ruleId,
    ruleVersion: d.ruleVersion,
    title: d.title,
    titleEn: d.titleEn,
    trigger: d.trigger,
    due: d.due,
    status: d.status as TCaseDeadline['status'],
    metOn: d.metOn,
    explanation: d.explanation as string[],
    basis: d.basis as string[],
  };
}

/** SQL filter: the cases this actor may read (mirrors `casePolicy.read`; RLS adds the tenant). */
export function readableBy(a: Actor): SQL | undefined {
  if (a.roles.some((r) => r.role === 'office' || r.role === 'leader' || r.role === 'inspection')) return undefined;
  const headUnits = a.roles.filter((r) => r.role === 'unit_head' && r.unitId).map((r) => r.unitId!);
  const memberUnits = [...new Set(a.roles.map((r) => r.unitId).filter((u): u is string => !!u))];
  const conds: SQL[] = [eq(cases.handlerId, a.userId), eq(cases.decisionMakerId, a.userId)];
  if (headUnits.length) conds.push(inArray(cases.unitId, headUnits));
  if (memberUnits.length) conds.push(and(inArray(cases.unitId, memberUnits), sql`${cases.kind} <> 'denunciation'`)!);
  return or(...conds);
}
