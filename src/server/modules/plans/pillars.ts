/**
 * What the `plans` module puts on the dashboard by pillar (issue #13, "dân làm"): the plan's
 * progress (tasks done on time against those due), overdue tasks by lead unit with a drill-down,
 * and, for a unit's people, their unit's tasks that are overdue or due within 7 days.
 */
import { sql } from 'drizzle-orm';
import { type PillarTarget, type PillarTone, pillarPart } from '../../platform/module';
import { rate, toneOfRate, viNumber, viPercent } from '../../platform/pillars';
import { TARGETS_ASK, targetsFromAnswer, targetsSql } from '../targets';
import { taskDue } from './service';
import { plans as planTable, tasks as taskTable, taskUpdates } from './tables';
import { units } from '../../platform/tables';

type PillarTask = {
  planId: string;
  year: number;
  status: string;
  dueOn: string | null;
  recurrence: unknown;
  leadUnitId: string;
  leadName: string | null;
  coUnitIds: string[];
  last: string | null;
};

/**
 * The share of due tasks done that the Office aims for (default 90%, set per year on the targets
 * page); below it by 15 points a plan is behind. The plan carries out Law 10/2022/QH15 Art. 46–58
 * in the agency, and the head answers for it at the staff conference (Art. 50; DOMAIN.md).
 */
export const PLAN_TARGETS: readonly PillarTarget[] = [
  {
    key: 'plans.tasks_done',
    pillar: 'do',
    label: { vi: 'Tỷ lệ nhiệm vụ kế hoạch hoàn thành đúng hạn (%)', en: 'Plan tasks done on time (%)' },
    default: 90,
    min: 0,
    max: 100,
    basis: 'Kế hoạch thực hiện dân chủ của cơ quan (Luật 10/2022/QH15)',
  },
];

/**
 * The tasks of the year of the agency's latest plan (its plan and the unit plans under it are what
 * the pillar is judged on this year; an earlier year's open tasks stay on the tasks page, not here)
 * with the fields their due state needs, as one json expression (issue #17); every task when no
 * agency plan is in force, as the task list would give them.
 */
function yearTasksSql() {
  const p = planTable;
  return sql`with y as (select max(${p.year}) as year from ${p} where ${p.unitId} is null and ${p.status} <> 'archived')
    select json_build_object('year', (select year from y), 'tasks', coalesce(json_agg(json_build_object('planId', t.plan_id, 'year', pl.year,
        'status', t.status, 'dueOn', t.due_on, 'recurrence', t.recurrence, 'leadUnitId', t.lead_unit_id,
        'leadName', (select u.name from ${units} u where u.id = t.lead_unit_id), 'coUnitIds', t.co_unit_ids,
        'last', (select max(u.reported_on)::text from ${taskUpdates} u where u.task_id = t.id)) order by t.due_on, t.created_at), '[]'::json))
    from ${taskTable} t join ${p} pl on pl.tenant_id = t.tenant_id and pl.id = t.plan_id
    where t.status <> 'cancelled' and ((select year from y) is null or pl.year = (select year from y))`;
}

export const planPillars = pillarPart<{ tasks: { year: number | null; tasks: PillarTask[] }; [TARGETS_ASK]: unknown }>({
  ask: ({ today }) => ({ tasks: yearTasksSql(), [TARGETS_ASK]: targetsSql(Number(today.slice(0, 4))) }),
  build: (a, ctx) => {
    const { actor, today } = ctx;
    const year = a.tasks?.year ?? null;
    const tasks = (a.tasks?.tasks ?? []).map((t) => {
      const due = taskDue({ dueOn: t.dueOn, recurrence: t.recurrence, status: t.status }, t.year, today, t.last);
      return { ...t, leadUnit: { id: t.leadUnitId, name: t.leadName ?? '' }, nextDueOn: due.next, dueState: due.state };
    });
    if (!tasks.length) return {};
    const TARGET = targetsFromAnswer(ctx, a[TARGETS_ASK])('plans.tasks_done');
    const mine = new Set(actor.roles.map((r) => r.unitId).filter(Boolean));
    const myLate = tasks.filter(
      (t) => (t.dueState === 'overdue' || t.dueState === 'due_soon') && (mine.has(t.leadUnit.id) || t.coUnitIds.some((u) => mine.has(u))),
    );
    const waiting = myLate.length
      ? [
          {
            key: 'tasks.mine_due',
            pillar: 'do' as const,
            label: { vi: 'Nhiệm vụ của đơn vị bạn quá hạn hoặc sắp đến hạn', en: "Your unit's tasks overdue or due within 7 days" },
            count: myLate.length,
            due:
              myLate
                .map((t) => t.nextDueOn ?? t.dueOn)
                .filter((d): d is string => !!d)
                .sort()[0] ?? null,
            link: '/plans/tasks?mine=1',
          },
        ]
      : [];
    // The agency-wide picture is for those who steer the plan (the Office, the leaders, the board).
    const oversees = actor.roles.some((r) => r.role === 'admin' || r.role === 'office' || r.role === 'leader' || r.role === 'inspection');
    const scoped = oversees ? tasks : tasks.filter((t) => mine.has(t.leadUnit.id));
    if (!scoped.length) return { waiting };
    const due = scoped.filter((t) => t.dueState !== 'no_deadline' && t.dueState !== 'on_track' && t.dueState !== 'due_soon');
    const done = due.filter((t) => t.dueState === 'done').length;
    const share = rate(done, due.length);
    const byUnit = new Map<string, { name: string; total: number; done: number; overdue: number }>();
    for (const t of scoped) {
      const u = byUnit.get(t.leadUnit.id) ?? { name: t.leadUnit.name, total: 0, done: 0, overdue: 0 };
      u.total++;
      if (t.dueState === 'done') u.done++;
      if (t.dueState === 'overdue') u.overdue++;
      byUnit.set(t.leadUnit.id, u);
    }
    const tone = (u: { overdue: number }): PillarTone => (u.overdue > 0 ? 'behind' : 'ok');
    return {
      waiting,
      cards: [
        {
          key: 'plans.progress',
          pillar: 'do',
          title: year
            ? { vi: `Tiến độ thực hiện kế hoạch năm ${year}`, en: `Progress of the ${year} plan` }
            : { vi: 'Tiến độ thực hiện kế hoạch', en: 'Plan progress' },
          value: share,
          display: share === null ? `${viNumber(scoped.length)} nhiệm vụ` : viPercent(share),
          tone: toneOfRate(share, TARGET, 15),
          how: {
            vi: `Nhiệm vụ đã hoàn thành trên số nhiệm vụ đã đến hạn (${done}/${due.length}); chỉ tiêu ${viNumber(TARGET)}%. Theo đơn vị chủ trì: số quá hạn, số xong/tổng.`,
            en: `Tasks done out of those that fell due (${done}/${due.length}); target ${TARGET}%. By lead unit: overdue, done/total.`,
          },
          link: '/plans/tasks?dueState=overdue',
          rows: [...byUnit.entries()]
            .sort((a, b) => b[1].overdue - a[1].overdue || a[1].name.localeCompare(b[1].name, 'vi'))
            .map(([id, u]) => ({
              label: u.name,
              display: `${u.overdue} quá hạn · ${u.done}/${u.total} xong`,
              tone: tone(u),
              link: `/plans/tasks?unitId=${id}`,
            })),
        },
      ],
    };
  },
});
