/** Statistics of a year and the indicators cases contribute to reports. */
import type { ActorContext } from '../../../platform/module';
import { and, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db';
import { rowsOf } from '../../../platform/db';
import { caseDeadlines, cases } from '../tables';
import { type CaseRow, unitNames } from '../records';
import { readableBy } from './rows';

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

export async function statistics(ctx: ActorContext, year: number) {
  const { tx, actor } = ctx;
  const scope = readableBy(actor);
  const list = await tx
    .select()
    .from(cases)
    .where(and(scope, sql`extract(year from ${cases.receivedOn}) = ${year}`));
  const count = <T extends string>(f: (c: CaseRow) => T) => {
    const m = new Map<T, number>();
    for (const c of list) m.set(f(c), (m.get(f(c)) ?? 0) + 1);
    return m;
  };
  const unitsMap = await unitNames(
    tx,
    list.map((c) => c.unitId),
  );
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const inMonth = list.filter((c) => c.receivedOn.startsWith(month));
    return {
      month,
      complaint: inMonth.filter((c) => c.kind === 'complaint').length,
      denunciation: inMonth.filter((c) => c.kind === 'denunciation').length,
      petition: inMonth.filter((c) => c.kind === 'petition').length,
      feedback: inMonth.filter((c) => c.kind === 'feedback').length,
    };
  });
  const ids = list.map((c) => c.id);
  const dls = ids.length ? await tx.select().from(caseDeadlines).where(inArray(caseDeadlines.caseId, ids)) : [];
  const resolved = list.filter((c) => c.decidedOn);
  const late = new Set(
    dls.filter((d) => ['KN-L1', 'KN-L2', 'TC-RESOLVE', 'DON-PROCESS'].includes(d.ruleId) && d.status === 'missed').map((d) => d.caseId),
  );
  return {
    year,
    byKind: [...count((c) => c.kind)].map(([kind, n]) => ({ kind, count: n })),
    byChannel: [...count((c) => c.channel)].map(([channel, n]) => ({ channel, count: n })),
    byUnit: [...count((c) => c.unitId ?? '-')]
      .map(([u, n]) => ({ unit: u === '-' ? null : { id: u, name: unitsMap.get(u) ?? '' }, count: n }))
      .sort((a, b) => b.count - a.count),
    byMonth,
    indicators: {
      received: list.length,
      accepted: list.filter((c) => c.acceptedOn).length,
      resolved: resolved.length,
      resolvedOnTime: resolved.filter((c) => !late.has(c.id)).length,
      overdue: new Set(dls.filter((d) => d.status === 'missed' && !d.metOn).map((d) => d.caseId)).size,
    },
  };
}
