/**
 * What the `reports` module contributes to reports and ratings (issue #12): whether a unit sent
 * its reports on time. It uses the one definition of late and overdue that every report view uses
 * (domain/reports/standing.ts), so the rating's pulled figure equals what the cycle page shows.
 */
import { and, asc, gte, lte } from 'drizzle-orm';
import { formatDmy } from '../../../domain';
import type { Context, IndicatorScope, ReportIndicator } from '../../platform/module';
import { cycleOverview } from './service';
import { reportCycles } from './tables';

/** Each cycle due in the period that expected the unit, with where the unit's report stands at the period's end. */
export async function reportTimeliness(ctx: Context, s: IndicatorScope) {
  const rows = await ctx.tx
    .select()
    .from(reportCycles)
    .where(and(gte(reportCycles.dueOn, s.from), lte(reportCycles.dueOn, s.to)))
    .orderBy(asc(reportCycles.dueOn));
  // Standing on the period's last day (or today while the period runs): a report still owed then is overdue.
  const asOf = [ctx.today, s.to].sort()[0]!;
  const out = { onTime: 0, late: 0, overdue: 0, notDue: 0, cycles: [] as string[] };
  for (const c of rows) {
    const row = (await cycleOverview({ ...ctx, today: asOf }, c)).rows.find((r) => r.unit.id === s.unitId);
    if (!row) continue;
    const t = row.standing.timeliness;
    if (t === 'on_time') out.onTime++;
    else if (t === 'late') out.late++;
    else if (t === 'overdue') out.overdue++;
    else out.notDue++;
    out.cycles.push(`${c.title} (hạn ${formatDmy(c.dueOn)}: ${LABEL[t]})`);
  }
  return out;
}

const LABEL = { on_time: 'đúng hạn', late: 'trễ hạn', overdue: 'chưa gửi, quá hạn', not_due: 'chưa đến hạn' } as const;

const howOf = (s: IndicatorScope, t: Awaited<ReturnType<typeof reportTimeliness>>) =>
  `Kỳ báo cáo có hạn nộp từ ${formatDmy(s.from)} đến ${formatDmy(s.to)} mà đơn vị phải báo cáo: ${t.cycles.length ? t.cycles.join('; ') : 'không có'} — ${t.onTime} đúng hạn, ${t.late} trễ hạn, ${t.overdue} quá hạn chưa gửi (trễ hạn: gửi lần đầu từ ngày hạn trở đi)`;

export const REPORT_INDICATORS: readonly ReportIndicator[] = [
  {
    code: 'reports_on_time',
    name: 'Báo cáo gửi đúng hạn',
    unit: 'báo cáo',
    definition: 'Báo cáo định kỳ của đơn vị gửi lần đầu trước ngày hạn ghi trong kế hoạch (kỳ có hạn nộp trong kỳ tính)',
    compute: async (ctx, s) => {
      const t = await reportTimeliness(ctx, s);
      return { value: t.onTime, how: howOf(s, t) };
    },
  },
  {
    code: 'reports_late',
    name: 'Báo cáo trễ hạn hoặc chưa gửi',
    unit: 'báo cáo',
    definition: 'Báo cáo định kỳ gửi lần đầu từ ngày hạn trở đi, hoặc đã quá hạn mà chưa gửi, tính đến cuối kỳ',
    compute: async (ctx, s) => {
      const t = await reportTimeliness(ctx, s);
      return { value: t.late + t.overdue, how: howOf(s, t) };
    },
  },
];
