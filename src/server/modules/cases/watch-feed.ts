/**
 * What the grievance watch (issue #13, seed plan II.4) reads of cases and reception: one record
 * per grievance — its day, kind, unit, the words of its subject and content, whether it came from
 * a group, repeats an earlier one, or has dragged on — and never who brought it. Protected
 * identities (Law 25/2018 Art. 47; Law 42/2013 Art. 8) live in another table this never reads;
 * the watch extracts only topics, lower-case phrases and places from the words (src/domain/watch).
 */
import { and, gte, lte, sql } from 'drizzle-orm';
import { addDays } from '../../../domain';
import { OPEN_CASE_STATUSES } from '../../../contracts/cases';
import type { ActorContext } from '../../platform/module';
import { rowsOf } from '../../platform/db';
import { readableBy } from './queries/rows';
import { cases } from './tables';

/** A reception of this many people or more is a group complaint ("đông người", Law 42/2013 Art. 30). */
export const GROUP_SIZE = 5;
/** Open longer than this (or extended) is prolonged, as the oversight counts it. */
const PROLONGED_DAYS = 90;

export type GrievanceRecord = {
  source: 'case' | 'reception';
  receivedOn: string;
  kind: string | null;
  unitId: string | null;
  unitName: string | null;
  /** Subject and content (case) or content and request (reception line). */
  text: string;
  groupSize: number;
  repeat: boolean;
  prolonged: boolean;
};

/**
 * The grievances received in [from, to] that the actor may read: cases (in the actor's case
 * scope) and, for those who read every case, reception lines that did not become a case.
 */
export async function grievanceRecords(ctx: ActorContext, range: { from: string; to: string }): Promise<GrievanceRecord[]> {
  const { tx, actor, today } = ctx;
  const scope = readableBy(actor);
  const old = addDays(today, -PROLONGED_DAYS);
  const open = sql.join(
    OPEN_CASE_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const caseRows = rowsOf<{
    received_on: string;
    kind: string;
    unit_id: string | null;
    unit_name: string | null;
    text: string;
    group_size: number | null;
    repeat: boolean;
    prolonged: boolean;
  }>(
    await tx.execute(sql`
      select cases.received_on::text as received_on, cases.kind, cases.unit_id, u.name as unit_name,
        cases.subject || '. ' || cases.content as text, re.group_size,
        exists (select 1 from case_links l where l.tenant_id = cases.tenant_id and l.case_id = cases.id and l.relation = 'repeat') as repeat,
        (cases.status in (${open}) and (cases.received_on < ${old}::date or exists (
          select 1 from case_events e where e.tenant_id = cases.tenant_id and e.case_id = cases.id and e.type = 'extended'))) as prolonged
      from cases
      left join units u on u.tenant_id = cases.tenant_id and u.id = cases.unit_id
      left join reception_entries re on re.tenant_id = cases.tenant_id and re.id = cases.reception_entry_id
      where ${and(gte(cases.receivedOn, range.from), lte(cases.receivedOn, range.to), scope)}`),
  );
  const out: GrievanceRecord[] = caseRows.map((r) => ({
    source: 'case',
    receivedOn: r.received_on,
    kind: r.kind,
    unitId: r.unit_id,
    unitName: r.unit_name,
    text: r.text,
    groupSize: r.group_size ?? 1,
    repeat: r.repeat,
    prolonged: r.prolonged,
  }));
  if (scope !== undefined) return out;
  const lines = rowsOf<{ received_on: string; text: string; group_size: number }>(
    await tx.execute(sql`
      select re.received_on::text as received_on, re.content || '. ' || coalesce(re.request, '') as text, re.group_size
      from reception_entries re
      where re.received_on between ${range.from}::date and ${range.to}::date
        and not exists (select 1 from cases c where c.tenant_id = re.tenant_id and c.reception_entry_id = re.id)`),
  );
  for (const l of lines)
    out.push({
      source: 'reception',
      receivedOn: l.received_on,
      kind: null,
      unitId: null,
      unitName: null,
      text: l.text,
      groupSize: l.group_size,
      repeat: false,
      prolonged: false,
    });
  return out;
}

/**
 * Grievances received per month up to `to` ("YYYY-MM" → count), in the actor's scope: cases, and
 * reception lines that did not become a case. Counts only, aggregated in SQL.
 */
export async function grievanceCountsByMonth(ctx: ActorContext, to: string): Promise<Map<string, number>> {
  const scope = readableBy(ctx.actor);
  const rows = rowsOf<{ month: string; n: number }>(
    await ctx.tx.execute(sql`
      select month, sum(n)::int as n from (
        select to_char(cases.received_on, 'YYYY-MM') as month, count(*)::int as n from cases
        where cases.received_on <= ${to}::date ${scope ? sql`and ${scope}` : sql``} group by 1
        ${
          scope
            ? sql``
            : sql`union all
        select to_char(re.received_on, 'YYYY-MM'), count(*)::int from reception_entries re
        where re.received_on <= ${to}::date
          and not exists (select 1 from cases c where c.tenant_id = re.tenant_id and c.reception_entry_id = re.id)
        group by 1`
        }
      ) m group by month`),
  );
  return new Map(rows.map((r) => [r.month, r.n]));
}
