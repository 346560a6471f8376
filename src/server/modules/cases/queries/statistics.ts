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
 * The statistics of a year (issue #17: ≤ 50 ms at 100,000 cases). For those who read every case
 * of the agency (the Office, the leaders, the inspection) they are summed from the monthly counts
 * (`case_stat_months`), after recounting the months that changed since they were last counted; a
 * narrower reader gets them counted over the cases they may read (`liveStatistics`). Both give
 * the same figures (statistics.int.test.ts compares them on generated cases).
 */
export async function statistics(ctx: ActorContext, year: number): Promise<TCaseStatistics> {
  if (readableBy(ctx.actor)) return liveStatistics(ctx, year);
  const { tx, who } = ctx;
  await recountStaleMonths(tx, who.tenantId, year);
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const [r] = rowsOf<StatRow>(
    await tx.execute(sql`
      with s as materialized (
        select tenant_id, month, kind, channel, unit_id, received, accepted, resolved, on_time, overdue
        from case_stat_months where month >= ${from}::date and month < ${to}::date and received > 0
      )
      select
        (select coalesce(json_agg(json_build_object('kind', kind, 'count', n) order by kind), '[]') from (select kind, sum(received)::int n from s group by kind) a) as by_kind,
        (select coalesce(json_agg(json_build_object('channel', channel, 'count', n) order by channel), '[]') from (select channel, sum(received)::int n from s group by channel) a) as by_channel,
        (select coalesce(json_agg(json_build_object('id', unit_id, 'name', name, 'count', n) order by n desc, name), '[]')
           from (select s.unit_id, u.name, sum(s.received)::int n from s left join units u on u.tenant_id = s.tenant_id and u.id = s.unit_id group by s.unit_id, u.name) a) as by_unit,
        (select coalesce(json_agg(json_build_object('m', m, 'kind', kind, 'count', n)), '[]')
           from (select extract(month from month)::int m, kind, sum(received)::int n from s group by 1, 2) a) as by_month,
        (select coalesce(sum(received), 0)::int from s) as received,
        (select coalesce(sum(accepted), 0)::int from s) as accepted,
        (select coalesce(sum(resolved), 0)::int from s) as resolved,
        (select coalesce(sum(on_time), 0)::int from s) as on_time,
        (select coalesce(sum(overdue), 0)::int from s) as overdue`),
  );
  return asStatistics(year, r);
}

/**
 * Say that the cases received on these days changed (a case written, its deadlines recomputed):
 * their months are recounted by the next reader of the statistics. In the write's transaction,
 * one statement; the row of the month is locked until the write commits, as the agency's audit
 * head already is.
 */
export async function markCaseStats(tx: Tx, tenantId: string, receivedOn: string[]): Promise<void> {
  const months = [...new Set(receivedOn.map((d) => `${d.slice(0, 7)}-01`))];
  if (!months.length) return;
  await tx.execute(sql`
    insert into case_stat_periods (tenant_id, month, version)
    select ${tenantId}::uuid, m, 1 from unnest(${`{${months.join(',')}}`}::date[]) m
    on conflict (tenant_id, month) do update set version = case_stat_periods.version + 1`);
}

/**
 * Recount the months of the year whose cases changed since they were last counted (or never
 * were). Under a lock of the agency's statistics, so two readers do not count the same month at
 * once; a month records the version it was counted at, so a write that commits meanwhile leaves
 * it to be counted again.
 */
async function recountStaleMonths(tx: Tx, tenantId: string, year: number): Promise<void> {
  const stale = (): Promise<{ month: string; version: number }[]> =>
    tx
      .execute(sql`
        select m::date::text as month, coalesce(p.version, 0) as version
        from generate_series(${`${year}-01-01`}::date, ${`${year}-12-01`}::date, interval '1 month') m
        left join case_stat_periods p on p.month = m::date
        where p.counted is distinct from coalesce(p.version, 0)`)
      .then((res) => rowsOf<{ month: string; version: number }>(res));
  if (!(await stale()).length) return;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`case_stat_months:${tenantId}`}))`);
  const months = await stale();
  if (!months.length) return;
  const list = sql`${`{${months.map((m) => m.month).join(',')}}`}::date[]`;
  const late = sql.join(
    RESOLUTION_RULES.map((r) => sql`${r}`),
    sql`, `,
  );
  await tx.execute(sql`delete from case_stat_months where month = any(${list})`);
  await tx.execute(sql`
    insert into case_stat_months (tenant_id, month, kind, channel, unit_id, received, accepted, resolved, on_time, overdue)
    select c.tenant_id, date_trunc('month', c.received_on)::date, c.kind, c.channel, c.unit_id, count(*)::int,
      count(*) filter (where c.accepted_on is not null)::int,
      count(*) filter (where c.decided_on is not null)::int,
      count(*) filter (where c.decided_on is not null and not exists (
        select 1 from case_deadlines d where d.tenant_id = c.tenant_id and d.case_id = c.id and d.rule_id in (${late}) and d.status = 'missed'))::int,
      count(*) filter (where exists (
        select 1 from case_deadlines d where d.tenant_id = c.tenant_id and d.case_id = c.id and d.status = 'missed' and d.met_on is null))::int
    from cases c
    where c.received_on >= ${`${year}-01-01`}::date and c.received_on < ${`${year + 1}-01-01`}::date
      and date_trunc('month', c.received_on)::date = any(${list})
    group by 1, 2, 3, 4, 5`);
  await tx.execute(sql`
    insert into case_stat_periods (tenant_id, month, version, counted, counted_at)
    select ${tenantId}::uuid, m.month, 0, m.version, now()
    from json_to_recordset(${JSON.stringify(months)}::json) as m(month date, version int)
    on conflict (tenant_id, month) do update set counted = excluded.counted, counted_at = excluded.counted_at`);
}

/**
 * The statistics of a year, counted over the cases themselves in one statement: no case is loaded
 * into memory and no list of ids is sent back, whatever the number of cases. The year is a range
 * on received_on, which the (tenant, received_on) index serves. What a person with a narrower
 * scope than the whole agency sees (a unit head, a handler), and the reference the monthly counts
 * are checked against (statistics.int.test.ts).
 */
export async function liveStatistics(ctx: ActorContext, year: number): Promise<TCaseStatistics> {
  const { tx, actor } = ctx;
  const scope = readableBy(actor);
  const late = sql.join(
    RESOLUTION_RULES.map((r) => sql`${r}`),
    sql`, `,
  );
  const [r] = rowsOf<StatRow>(
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
  return asStatistics(year, r);
}

type StatRow = {
  by_kind: Json<{ kind: CaseKind; count: number }[]>;
  by_channel: Json<{ channel: CaseChannel; count: number }[]>;
  by_unit: Json<{ id: string | null; name: string | null; count: number }[]>;
  by_month: Json<{ m: number; kind: string; count: number }[]>;
  received: number;
  accepted: number;
  resolved: number;
  on_time: number;
  overdue: number;
};

function asStatistics(year: number, r: StatRow | undefined): TCaseStatistics {
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
