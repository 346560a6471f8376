/** The list view of cases and the SQL scope of what a person may read. */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { compareIsoDates } from '../../../../domain';
import { DEFAULT_RULE_REGISTRY } from '../../../../domain/deadlines';
import type { CaseKind, CaseStatus, TCaseDeadline, TCaseRow } from '../../../../contracts/cases';
import { preparedRows, type Tx } from '../../../platform/db';
import { units, users } from '../../../platform/tables';
import type { Actor } from '../../../platform/roles';
import { caseDeadlines, caseEvents, caseLinks, cases } from '../tables';
import type { CaseRow } from '../records';

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

type BriefDeadline = {
  ruleId: string;
  ruleVersion: number;
  title: string;
  titleEn: string;
  trigger: string;
  due: string;
  status: string;
  metOn: string | null;
};

/** A uuid[] literal of ids (they come from the database, never from input). */
const uuidArray = (ids: (string | null)[]) => `{${[...new Set(ids.filter((x): x is string => !!x))].join(',')}}`;

type Facts = {
  id: string;
  handler_name: string | null;
  unit_name: string | null;
  extensions: number;
  repeats: number;
  deadlines: BriefDeadline[] | string | null;
};

/**
 * For each case of `ids`, by `= any($1)`: its handler's and unit's names, its deadlines without
 * explanation or basis, and the counts of its extensions and repeats — and, with `columns`, the
 * list columns themselves. One statement (issue #17: it took five, and the cases a sixth).
 */
async function factsOf<C extends boolean>(tx: Tx, ids: string[], columns: C): Promise<(Facts & (C extends true ? ListCaseSql : object))[]> {
  // Prepared (its plan is the same for any ids): planning it took as long as running it.
  return preparedRows<Facts & (C extends true ? ListCaseSql : object)>(
    tx,
    columns ? 'danchu_case_rows' : 'danchu_case_facts',
    sql`
      select c.id,
        ${columns ? sql`c.code, c.kind, c.channel, c.status, c.subject, c.received_on::text as received_on, c.instance, c.unit_id, c.handler_id, c.anonymous,` : sql``}
        (select u.full_name from ${users} u where u.tenant_id = c.tenant_id and u.id = c.handler_id) as handler_name,
        (select n.name from ${units} n where n.tenant_id = c.tenant_id and n.id = c.unit_id) as unit_name,
        (select count(*)::int from ${caseEvents} e where e.tenant_id = c.tenant_id and e.case_id = c.id and e.type = 'extended') as extensions,
        (select count(*)::int from ${caseLinks} l where l.tenant_id = c.tenant_id and l.case_id = c.id and l.relation = 'repeat') as repeats,
        (select json_agg(json_build_object('ruleId', d.rule_id, 'ruleVersion', d.rule_version, 'title', d.title, 'titleEn', d.title_en,
            'trigger', d.trigger, 'due', d.due, 'status', d.status, 'metOn', d.met_on))
          from ${caseDeadlines} d where d.tenant_id = c.tenant_id and d.case_id = c.id) as deadlines
      from ${cases} c where c.id = any(${uuidArray(ids)}::uuid[])`,
  );
}

type ListCaseSql = {
  code: string;
  kind: string;
  channel: string;
  status: string;
  subject: string;
  received_on: string;
  instance: number;
  unit_id: string | null;
  handler_id: string | null;
  anonymous: boolean;
};

/** List rows of the cases `ids` (in that order; ids not readable are left out), in one statement. */
export async function rowsById(tx: Tx, ids: string[]): Promise<TCaseRow[]> {
  if (!ids.length) return [];
  const found = new Map((await factsOf(tx, ids, true)).map((f) => [f.id, f]));
  const list: ListCase[] = ids
    .map((id) => found.get(id))
    .filter((f) => !!f)
    .map((f) => ({
      id: f.id,
      code: f.code,
      kind: f.kind,
      channel: f.channel,
      status: f.status,
      subject: f.subject,
      receivedOn: f.received_on,
      instance: f.instance,
      unitId: f.unit_id,
      handlerId: f.handler_id,
      anonymous: f.anonymous,
    }));
  return shape(list, [...found.values()]);
}

/** List rows of one page of cases, in one statement whatever the page (see `factsOf`). */
export async function toRows(tx: Tx, list: ListCase[]): Promise<TCaseRow[]> {
  if (!list.length) return [];
  return shape(
    list,
    await factsOf(
      tx,
      list.map((c) => c.id),
      false,
    ),
  );
}

function shape(list: ListCase[], facts: Facts[]): TCaseRow[] {
  const factOf = new Map(facts.map((f) => [f.id, f]));
  const deadlinesOf = (id: string): BriefDeadline[] => {
    const d = factOf.get(id)?.deadlines;
    return (typeof d === 'string' ? (JSON.parse(d) as BriefDeadline[]) : d) ?? [];
  };
  return list.map((c) => {
    const mine = deadlinesOf(c.id);
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
      unit: c.unitId ? { id: c.unitId, name: factOf.get(c.id)?.unit_name ?? '' } : null,
      handler: c.handlerId ? { id: c.handlerId, name: factOf.get(c.id)?.handler_name ?? '' } : null,
      anonymous: c.anonymous,
      extensions: factOf.get(c.id)?.extensions ?? 0,
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
      repeatCount: factOf.get(c.id)?.repeats ?? 0,
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
