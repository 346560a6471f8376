/**
 * Oversight: due soon, overdue, prolonged and repeated cases, by unit and by handler.
 *
 * Aggregated in SQL and bounded (issue #17): the counts by unit and by handler, the totals, and
 * the first OVERSIGHT_LIST_SIZE cases of each list — a fixed number of statements and a response
 * of a few tens of kilobytes whatever the number of open cases.
 */
import type { ActorContext } from '../../../platform/module';
import type { Actor } from '../../../platform/roles';
import { sql, type SQL } from 'drizzle-orm';
import { addDays } from '../../../../domain';
import { OPEN_CASE_STATUSES, type TCaseRow } from '../../../../contracts/cases';
import { rowsOf } from '../../../platform/db';
import { cases } from '../tables';
import { DUE_SOON_DAYS } from '../records';
import { rowsById, readableBy } from './rows';

/** How many cases each oversight list shows; the totals say how many there are. */
export const OVERSIGHT_LIST_SIZE = 20;

/** Prolonged (kéo dài): open more than this many days, or extended. */
const PROLONGED_DAYS = 90;

type Flagged = { overdue: boolean; dueSoon: boolean; prolonged: boolean };

/**
 * The open cases this actor may read, each with its flags, as a SQL subquery `f`:
 * - overdue: a deadline missed and not met;
 * - due soon: not overdue, and its next deadline (open, or stopped while the case is suspended)
 *   is open and due within DUE_SOON_DAYS;
 * - prolonged: received more than PROLONGED_DAYS ago, or extended.
 */
function flaggedOpenCases(scope: SQL | undefined, today: string): SQL {
  const soon = addDays(today, DUE_SOON_DAYS);
  const old = addDays(today, -PROLONGED_DAYS);
  const open = sql.join(
    OPEN_CASE_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  // The table keeps its own name (no alias): readableBy's conditions name "cases"."…".
  // Set-based (issue #17): each look-up is one pass over the agency's few running, missed or
  // extended rows (index-only, `case_deadlines_running_by_status_idx`, `case_deadlines_missed_idx`,
  // `case_events_extended_idx`) joined by hash to the open cases (index-only, `cases_open_idx`),
  // where a probe per open case cost three index descents each (14,000 open cases at the
  // province's largest agency).
  // The next deadline: the earliest (due, rule) running one — a stopped clock counts only while
  // the case is suspended (Law 02/2011 Art. 11a as amended by Law 136/2025: the clock resumes on
  // the continuation decision), as the per-case look-up it replaces did.
  const stoppedFirst = sql`(cases.status = 'suspended' and s.case_id is not null and (o.case_id is null or (s.due, s.rule_id) < (o.due, o.rule_id)))`;
  const first = (status: 'open' | 'stopped') =>
    sql.raw(`(select distinct on (tenant_id, case_id) tenant_id, case_id, due, rule_id from case_deadlines
      where status = '${status}' order by tenant_id, case_id, due, rule_id)`);
  return sql`(
    select cases.id, cases.unit_id, cases.handler_id, cases.received_on, (m.case_id is not null) as overdue,
      (m.case_id is null and not ${stoppedFirst} and o.case_id is not null and o.due <= ${soon}::date) as due_soon,
      (cases.received_on < ${old}::date or x.case_id is not null) as prolonged,
      case when ${stoppedFirst} then s.due else o.due end as next_due
    from cases
    left join (select distinct tenant_id, case_id from case_deadlines where status = 'missed' and met_on is null) m
      on m.tenant_id = cases.tenant_id and m.case_id = cases.id
    left join (select distinct tenant_id, case_id from case_events where type = 'extended') x
      on x.tenant_id = cases.tenant_id and x.case_id = cases.id
    left join ${first('open')} o on o.tenant_id = cases.tenant_id and o.case_id = cases.id
    left join ${first('stopped')} s on s.tenant_id = cases.tenant_id and s.case_id = cases.id
    where cases.status in (${open}) ${scope ? sql`and ${scope}` : sql``}
  ) f`;
}

export async function oversight(ctx: ActorContext) {
  const { tx, actor, today } = ctx;
  const scope = readableBy(actor);
  const f = flaggedOpenCases(scope, today);
  const n = OVERSIGHT_LIST_SIZE;

  // 1. Counts by unit and by handler (with their names), the repeated total and the first cases
  // of each list: one statement, the open cases and their flags computed once (issue #17).
  const repeated = sql`exists (select 1 from case_links l where l.tenant_id = ${cases.tenantId} and l.case_id = ${cases.id} and l.relation = 'repeat')
    ${scope ? sql`and ${scope}` : sql``}`;
  // Whoever reads the whole agency counts the repeat links' cases alone (an index-only count of
  // `case_links_repeat_idx`; every link's case is the agency's), not every case of the agency with a
  // look-up each (issue #17). A narrower scope keeps the look-up: its conditions are on the case.
  const repeatedCount = scope
    ? sql`${cases} where ${repeated}`
    : sql`(select distinct l.tenant_id, l.case_id from case_links l where l.relation = 'repeat') r`;
  const found = rowsOf<{
    g: 'unit' | 'handler' | 'repeated' | 'pick';
    id: string | null;
    name: string | null;
    open: number;
    overdue: number;
    due_soon: number;
    prolonged: number;
    list: keyof Flagged | 'repeated' | null;
  }>(
    await tx.execute(sql`
      with f as materialized (select * from ${f})
      select 'unit' as g, f.unit_id as id, u.name, count(*)::int as open, count(*) filter (where f.overdue)::int as overdue,
        count(*) filter (where f.due_soon)::int as due_soon, count(*) filter (where f.prolonged)::int as prolonged, null as list
      from f left join units u on u.id = f.unit_id group by f.unit_id, u.name
      union all
      select 'handler', f.handler_id, p.full_name, count(*)::int, count(*) filter (where f.overdue)::int,
        count(*) filter (where f.due_soon)::int, count(*) filter (where f.prolonged)::int, null
      from f left join users p on p.id = f.handler_id group by f.handler_id, p.full_name
      union all
      select 'repeated', null, null, count(*)::int, 0, 0, 0, null from ${repeatedCount}
      union all
      select 'pick', id, null, 0, 0, 0, 0, list from (
        (select 'overdue' as list, id from f where overdue order by received_on, id limit ${n})
        union all (select 'dueSoon', id from f where due_soon order by next_due, received_on, id limit ${n})
        union all (select 'prolonged', id from f where prolonged order by received_on, id limit ${n})
        union all (select 'repeated', ${cases.id} from ${cases} where ${repeated} order by ${cases.receivedOn} desc, ${cases.id} limit ${n})
      ) picked`),
  );
  const groups = found.filter((r) => r.g !== 'pick');
  const picks = found.filter((r) => r.g === 'pick').map((r) => ({ list: r.list!, id: r.id! }));

  // 2. Their list rows: the cases once, with their names, deadlines and counts, in one statement.
  const ids = [...new Set(picks.map((p) => p.id))];
  const rows = new Map((await rowsById(tx, ids)).map((r) => [r.id, r]));
  const listOf = (k: keyof Flagged | 'repeated'): TCaseRow[] => picks.filter((p) => p.list === k).map((p) => rows.get(p.id)!);

  const units = groups.filter((g) => g.g === 'unit');
  const sum = (k: 'open' | 'overdue' | 'due_soon' | 'prolonged') => units.reduce((s, g) => s + g[k], 0);
  const load = (g: (typeof groups)[number]) => ({ open: g.open, overdue: g.overdue, dueSoon: g.due_soon });
  const byLoad = (a: (typeof groups)[number], b: (typeof groups)[number]) => b.overdue - a.overdue || b.open - a.open;

  // 3. Law 25/2018 Arts. 8(3), 47: a reveal of a denouncer by someone who gained the right through
  // a reassignment is flagged for supervision (the reason stays in the case's reveal log). Bounded
  // and filtered by the reader's scope in the same statement.
  const flagged = rowsOf<{ case_id: string; code: string; user_name: string; at: string | Date; reassigned_on: string }>(
    await tx.execute(sql`
      select r.case_id, ${cases.code} as code, r.user_name, r.at, max(e.on)::text as reassigned_on
      from identity_reveals r
      join ${cases} on ${cases.tenantId} = r.tenant_id and ${cases.id} = r.case_id
      join case_events e on e.tenant_id = r.tenant_id and e.case_id = r.case_id
        and e.type = 'assigned' and e.data->>'reassignment' = 'true' and e.at <= r.at
      ${scope ? sql`where ${scope}` : sql``}
      group by r.id, r.case_id, ${cases.code}, r.user_name, r.at
      order by r.at desc
      limit 200`),
  );
  const revealsAfterReassignment = flagged.map((f) => ({
    caseId: f.case_id,
    code: f.code,
    revealedBy: f.user_name,
    revealedAt: new Date(f.at).toISOString(),
    reassignedOn: f.reassigned_on,
  }));
  return {
    revealsAfterReassignment,
    dueSoon: listOf('dueSoon'),
    overdue: listOf('overdue'),
    prolonged: listOf('prolonged'),
    repeated: listOf('repeated'),
    totals: {
      open: sum('open'),
      dueSoon: sum('due_soon'),
      overdue: sum('overdue'),
      prolonged: sum('prolonged'),
      repeated: groups.find((g) => g.g === 'repeated')?.open ?? 0,
    },
    byUnit: units.sort(byLoad).map((g) => ({ unit: { id: g.id ?? '-', name: g.id ? (g.name ?? '') : 'Chưa giao' }, ...load(g) })),
    byHandler: groups
      .filter((g) => g.g === 'handler')
      .sort(byLoad)
      .map((g) => ({ handler: { id: g.id ?? '-', name: g.id ? (g.name ?? '') : 'Chưa giao' }, ...load(g) })),
  };
}

/** Only the two counts the dashboard shows, as one json expression (a dashboard `ask`: no lists, no rows). */
export function oversightCountsSql(actor: Actor, today: string): SQL {
  return sql`select json_build_object('overdue', count(*) filter (where overdue)::int, 'dueSoon', count(*) filter (where due_soon)::int)
    from ${flaggedOpenCases(readableBy(actor), today)}`;
}

/** What the pillar card needs (`casePillars`), as one json expression: the counts by unit, the reader's own load as handler, the totals. */
export function oversightPillarSql(actor: Actor, today: string): SQL {
  const scope = readableBy(actor);
  const repeated = sql`exists (select 1 from case_links l where l.tenant_id = ${cases.tenantId} and l.case_id = ${cases.id} and l.relation = 'repeat')
    ${scope ? sql`and ${scope}` : sql``}`;
  return sql`with f as materialized (select * from ${flaggedOpenCases(scope, today)})
    select json_build_object(
      'units', (select coalesce(json_agg(g), '[]'::json) from (
        select f.unit_id as id, u.name, count(*)::int as open, count(*) filter (where f.overdue)::int as overdue,
          count(*) filter (where f.due_soon)::int as "dueSoon", count(*) filter (where f.prolonged)::int as prolonged
        from f left join units u on u.id = f.unit_id group by f.unit_id, u.name) g),
      'mine', (select json_build_object('overdue', count(*) filter (where f.overdue), 'dueSoon', count(*) filter (where f.due_soon))
        from f where f.handler_id = ${actor.userId}::uuid),
      'repeated', (select count(*)::int from ${cases} where ${repeated}))`;
}
