/**
 * What the `reports` module puts on the dashboard by pillar (issue #13): the share of unit
 * reports sent on time over the latest cycles, by unit (worst first,
 * each a drill-down to the unit's report), and what waits: reports to review for the Office,
 * the unit's report to send or fix for a unit head.
 */
import { sql } from 'drizzle-orm';
import { type ReportStatus, reportStanding } from '../../../domain/reports/standing';
import { type PillarTarget, pillarPart, type WaitingItem } from '../../platform/module';
import { rate, toneOfRate, viNumber, viPercent } from '../../platform/pillars';
import { units } from '../../platform/tables';
import { unitsExpectedByPlanSql } from '../plans';
import { TARGETS_ASK, targetsFromAnswer, targetsSql } from '../targets';
import { reportCycles, unitReports } from './tables';

/**
 * The share of unit reports sent on time the Office aims for (default 90%, set per year on the
 * targets page): units report on democracy work to the head for the agency's yearly report
 * (Law 10/2022/QH15 Art. 50: the head reports at the staff conference; DOMAIN.md).
 */
export const REPORT_TARGETS: readonly PillarTarget[] = [
  {
    key: 'reports.on_time',
    pillar: 'do',
    label: { vi: 'Tỷ lệ báo cáo đơn vị gửi đúng hạn (%)', en: 'Unit reports sent on time (%)' },
    default: 90,
    min: 0,
    max: 100,
    basis: 'Chế độ báo cáo trong kế hoạch thực hiện dân chủ (Luật 10/2022/QH15)',
  },
];
/** How many of the latest cycles the rate covers. */
const CYCLES = 4;

type PillarCycle = {
  id: string;
  status: string;
  dueOn: string;
  rows: { unitId: string; unitName: string; status: string | null; submittedOn: string | null }[];
};

/**
 * The latest cycles, oldest first, each with every unit it expects (as `cycleOverviews`: the units
 * its plan expects and any that reported, in force during the period) and that unit's report, as
 * one json expression (issue #17).
 */
function latestCyclesSql(today: string) {
  const c = reportCycles;
  return sql`select coalesce(json_agg(json_build_object('id', c.id, 'status', c.status, 'dueOn', c.due_on, 'rows', (
      select coalesce(json_agg(json_build_object('unitId', u.id, 'unitName', u.name, 'status', r.status, 'submittedOn', r.submitted_on)
        order by u.sort_order, u.name), '[]'::json)
      from ${units} u left join ${unitReports} r on r.tenant_id = c.tenant_id and r.cycle_id = c.id and r.unit_id = u.id
      where (u.id in (${unitsExpectedByPlanSql(sql`c.plan_id`)}) or r.id is not null)
        and u.valid_from <= c.period_to and (u.valid_to is null or u.valid_to >= c.period_from)
    )) order by c.n desc), '[]'::json)
    from (select ${c}.*, row_number() over (order by ${c.dueOn} desc) as n from ${c} where ${c.periodFrom} <= ${today}
      order by ${c.dueOn} desc limit ${CYCLES}) c`;
}

export const reportPillars = pillarPart<{ cycles: PillarCycle[]; [TARGETS_ASK]: unknown }>({
  ask: ({ today }) => ({ cycles: latestCyclesSql(today), [TARGETS_ASK]: targetsSql(Number(today.slice(0, 4))) }),
  build: (a, ctx) => {
    const { actor, today } = ctx;
    const TARGET = targetsFromAnswer(ctx, a[TARGETS_ASK])('reports.on_time');
    // The latest cycles (two years of six-monthly and annual reports), oldest first.
    const cycles = a.cycles ?? [];
    // Every unit the cycle expects, whether or not it opened its report (the one standing rule).
    const rows = cycles.flatMap((c) =>
      c.rows.map((r) => {
        const status = (r.status ?? 'not_started') as ReportStatus;
        return {
          cycle: c,
          unit: { id: r.unitId, name: r.unitName },
          status,
          standing: reportStanding(c.dueOn, today, status, r.submittedOn),
        };
      }),
    );
    const office = actor.roles.some((r) => r.role === 'admin' || r.role === 'office');
    const oversees = office || actor.roles.some((r) => r.role === 'leader' || r.role === 'inspection');
    const heads = new Set(actor.roles.filter((r) => r.role === 'unit_head').map((r) => r.unitId));
    const waiting: WaitingItem[] = [];
    const toReview = rows.filter((r) => r.status === 'submitted' && r.cycle.status === 'open');
    if (office && toReview.length)
      waiting.push({
        key: 'reports.to_review',
        pillar: 'do',
        label: { vi: 'Báo cáo đơn vị chờ tiếp nhận', en: 'Unit reports to review' },
        count: toReview.length,
        link: `/reports/${toReview[0]!.cycle.id}`,
      });
    const owed = rows.filter((r) => heads.has(r.unit.id) && r.cycle.status === 'open' && r.standing.owed);
    if (owed.length)
      waiting.push({
        key: 'reports.mine_owed',
        pillar: 'do',
        label: { vi: 'Báo cáo của đơn vị bạn cần gửi hoặc sửa', en: "Your unit's reports to send or fix" },
        count: owed.length,
        due: owed[0]!.cycle.dueOn,
        link: `/reports/${owed[0]!.cycle.id}/units/${owed[0]!.unit.id}`,
      });
    // A report counts once sent or once its cycle fell due: on time if first sent before the day written in the plan.
    const counted = rows.filter((r) => r.standing.timeliness !== 'not_due' && (oversees || heads.has(r.unit.id)));
    if (!counted.length) return { waiting };
    const onTime = (r: (typeof counted)[number]) => r.standing.timeliness === 'on_time';
    const byUnit = new Map<string, { name: string; due: number; ok: number; lastCycle: string }>();
    for (const r of counted) {
      const u = byUnit.get(r.unit.id) ?? { name: r.unit.name, due: 0, ok: 0, lastCycle: r.cycle.id };
      u.due++;
      if (onTime(r)) u.ok++;
      u.lastCycle = r.cycle.id;
      byUnit.set(r.unit.id, u);
    }
    const share = rate(counted.filter(onTime).length, counted.length);
    return {
      waiting,
      cards: [
        {
          key: 'reports.on_time',
          pillar: 'do',
          title: { vi: 'Báo cáo đúng hạn theo đơn vị', en: 'Reports on time by unit' },
          value: share,
          display: viPercent(share),
          tone: toneOfRate(share, TARGET, 15),
          how: {
            vi: `Báo cáo đơn vị gửi lần đầu trước ngày hạn ghi trong kế hoạch, trên số báo cáo đã gửi hoặc đã đến hạn của ${cycles.length} kỳ gần nhất (${counted.length} báo cáo); chỉ tiêu ${viNumber(TARGET)}%.`,
            en: `Unit reports first sent before the day written in the plan, out of those sent or due in the latest ${cycles.length} cycles (${counted.length} reports); target ${TARGET}%.`,
          },
          link: '/reports',
          rows: [...byUnit.entries()]
            .map(([id, u]) => ({ id, u, share: rate(u.ok, u.due) }))
            .sort((a, b) => (a.share ?? 0) - (b.share ?? 0) || a.u.name.localeCompare(b.u.name, 'vi'))
            .map(({ id, u, share: s }) => ({
              label: u.name,
              display: `${viPercent(s)} · ${u.ok}/${u.due}`,
              tone: toneOfRate(s, TARGET, 15),
              link: `/reports/${u.lastCycle}/units/${id}`,
            })),
        },
      ],
    };
  },
});
