/** Statistics of a year and the indicators cases contribute to reports. */
import type { ActorContext } from '../../../platform/module';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db';
import { rowsOf } from '../../../platform/db';
import { readableBy } from './rows';
import type { CaseChannel, CaseKind, TCaseStatistics } from '../../../../contracts/cases';

/**
 * Indicators for a period (report cycles, statistics): received, accepted, resolved, resolved on
 * time (the resolution deadline met), overdue (a deadline missed and not met, as of `asOf`).
 */
export async function caseIndicators(
  tx: Tx,
  from: string,
  to: string,
  unitIds?: string[],
): Promise<{ received: number; accepted: number; resolved: number; resolvedOnTime: number; overdue: number }> {
  const unitCond = unitIds ? (unitIds.length ? sql`and c.unit_id = any(${`{${unitIds.join(',')}}`}::uuid[])` : sql`and false`) : sql``;
  const [r] = rowsOf<{ received: number; accepted: number; resolved: number; on_time: number; overdue: number }>(
    await tx.execute(sql`
      select
        count(*) filter (where c.received_on between ${from}::date and ${to}::date)::int as received,
        count(*) filter (where c.accepted_on between ${from}::date and ${to}::date)::int as accepted,
        count(*) filter (where c.decided_on between ${from}::date and ${to}::date)::int as resolved,
        count(*) filter (where c.decided_on between ${from}::date and ${to}::date
          and not exists (select 1 from case_deadlines d where d.case_id = c.id and d.rule_id in ('KN-L1','KN-L2','TC-RESOLVE','DON-PROCESS') and d.status = 'missed'))::int as on_time,
        count(*) filter (where c.received_on <= ${to}::date
          and exists (select 1 from case_deadlines d where d.case_id = c.id and d.status = 'missed' and (d.met_on is null or d.met_on > ${to}::date) and d.due <= ${to}::date))::int as overdue
      from cases c where true ${unitCond}`),
  );
  return {
    received: r?.received ?? 0,
    accepted: r?.accepted ?? 0,
    resolved: r?.resolved ?? 0,
    resolvedOnTime: r?.on_time ?? 0,
    overdue: r?.overdue ?? 0,
  };
}

/**
 * The statistics of a year, aggregated in SQL in one statement (issue #17): no case is loaded into
 * memory and no list of ids is sent back, whatever the number of cases. The year is a range on
 * received_on, which the (tenant, received_on) index serves.
 */
export async function statistics(ctx: ActorContext, year: number): Promise<TCaseStatistics> {
  const { tx, actor } = ctx;
  const scope = readableBy(actor);
  const late = sql.join(
    RESOLUTION_RULES.map((r) => sql`${r}`),
    sql`, `,
  );
  const [r] = rowsOf<{
    by_kind: Json<{ kind: CaseKind; count: number }[]>;
    by_channel: Json<{ channel: CaseChannel; count: number }[]>;
    by_unit: Json<{ id: string | null; name: string | null; count: number }[]>;
    by_month: Json<{ m: number; kind: string; count: number }[]>;
    received: number;
    accepted: number;
    resolved: number;
    on_time: number;
    overdue: number;
  }>(
    await tx.execute(sql`
      with y as materialized (
        select cases.tenant_id, cases.id, cases.kind, cases.channel, cases.unit_id, cases.received_on, cases.accepted_on, cases.decided_on
        from cases
        where cases.received_on >= ${`${year}-01-01`}::date and cases.received_on < ${`${year + 1}-01-01`}::date ${scope ? sql`and ${scope}` : sql``}
      )
      select
        (select coalesce(json_agg(json_build_object('kind', kind, 'count', n) order by kind), '[]') from (select kind, count(*)::int n from y group by kind) a) as by_kind,
        (select coalesce(json_agg(json_build_object('channel', channel, 'count', n) order by channel), '[]') from (select channel, count(*)::int n from y group by channel) a) as by_channel,
        (select coalesce(json_agg(json_build_object('id', unit_id, 'name', name, 'count', n) order by n desc, name), '[]')
           from (select y.unit_id, u.name, count(*)::int n from y left join units u on u.tenant_id = y.tenant_id and u.id = y.unit_id group by y.unit_id, u.name) a) as by_unit,
        (select coalesce(json_agg(json_build_object('m', m, 'kind', kind, 'count', n)), '[]')
           from (select extract(month from received_on)::int m, kind, count(*)::int n from y group by 1, 2) a) as by_month,
        (select count(*)::int from y) as received,
        (select count(*)::int from y where accepted_on is not null) as accepted,
        (select count(*)::int from y where decided_on is not null) as resolved,
        (select count(*)::int from y where decided_on is not null and not exists (
          select 1 from case_deadlines d where d.tenant_id = y.tenant_id and d.case_id = y.id and d.rule_id in (${late}) and d.status = 'missed')) as on_time,
        (select count(*)::int from y where exists (
          select 1 from case_deadlines d where d.tenant_id = y.tenant_id and d.case_id = y.id and d.status = 'missed' and d.met_on is null)) as overdue`),
  );
  const json = <T>(v: Json<T> | undefined): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
  const byMonthRows = json(r?.by_month) ?? [];
  return {
    year,
    byKind: json(r?.by_kind) ?? [],
    byChannel: json(r?.by_channel) ?? [],
    byUnit: (json(r?.by_unit) ?? []).map((u) => ({ unit: u.id ? { id: u.id, name: u.name ?? '' } : null, count: u.count })),
    byMonth: Array.from({ length: 12 }, (_, i) => {
      const inMonth = byMonthRows.filter((x) => x.m === i + 1);
      const k = (kind: string) => inMonth.find((x) => x.kind === kind)?.count ?? 0;
      return {
        month: `${year}-${String(i + 1).padStart(2, '0')}`,
        complaint: k('complaint'),
        denunciation: k('denunciation'),
        petition: k('petition'),
        feedback: k('feedback'),
      };
    }),
    indicators: {
      received: r?.received ?? 0,
      accepted: r?.accepted ?? 0,
      resolved: r?.resolved ?? 0,
      resolvedOnTime: r?.on_time ?? 0,
      overdue: r?.overdue ?? 0,
    },
  };
}

/** A json column: parsed by node-postgres, sometimes a string elsewhere. */
type Json<T> = T | string;

/** The deadlines (rule ids of the deadline registry) whose miss makes a resolution late, as caseIndicators counts them. */
const RESOLUTION_RULES = ['KN-L1', 'KN-L2', 'TC-RESOLVE', 'DON-PROCESS'];
