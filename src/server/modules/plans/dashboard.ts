/** Dashboard counts of the `plans` module: what is overdue or due soon, for this person. */
import { sql } from 'drizzle-orm';
import { dashboardPart } from '../../platform/module';
import { overallProgress } from './progress';
import { taskDue } from './service';
import { plans as planTable, tasks as taskTable, taskUpdates } from './tables';

type DashTask = {
  planId: string;
  year: number;
  status: string;
  progress: number;
  dueOn: string | null;
  recurrence: unknown;
  leadUnitId: string;
  coUnitIds: string[];
  last: string | null;
};

/**
 * One json expression for the plans, the tasks (with the fields their due state needs and their
 * last progress report) and the agency's latest plan; the counts are made from them as the task
 * list makes them (`taskDue`, `overallProgress`), with no further statement (issue #17).
 */
export const plansDashboard = dashboardPart<{ plans: number; tasks: DashTask[]; latest: { id: string; year: number } | null }>({
  ask: () => {
    const t = taskTable;
    const p = planTable;
    return {
      plans: sql`select count(*)::int from ${p}`,
      tasks: sql`select coalesce(json_agg(json_build_object('planId', t.plan_id, 'year', pl.year, 'status', t.status, 'progress', t.progress,
          'dueOn', t.due_on, 'recurrence', t.recurrence, 'leadUnitId', t.lead_unit_id, 'coUnitIds', t.co_unit_ids,
          'last', (select max(u.reported_on)::text from ${taskUpdates} u where u.task_id = t.id))), '[]'::json)
        from ${t} t join ${p} pl on pl.tenant_id = t.tenant_id and pl.id = t.plan_id`,
      // The overall progress of the agency's latest plan, counted as on the plan page and in the report (issue #14 point 1).
      latest: sql`select json_build_object('id', ${p.id}, 'year', ${p.year}) from ${p}
        where ${p.unitId} is null and ${p.status} <> 'archived' order by ${p.year} desc, ${p.createdAt} desc limit 1`,
    };
  },
  cards: (a, { actor, today }) => {
    const tasks = (a.tasks ?? []).map((t) => ({
      ...t,
      dueState: taskDue({ dueOn: t.dueOn, recurrence: t.recurrence, status: t.status }, t.year, today, t.last).state,
    }));
    const mine = new Set(actor.roles.map((r) => r.unitId).filter(Boolean));
    const myTasks = tasks.filter((t) => mine.has(t.leadUnitId) || t.coUnitIds.some((u) => mine.has(u)));
    const latest = a.latest ?? null;
    const overall = latest ? overallProgress(tasks.filter((t) => t.planId === latest.id)) : null;
    return [
      { key: 'plans.count', label: { vi: 'Kế hoạch', en: 'Plans' }, value: a.plans ?? 0, link: '/plans', pillar: 'lam' },
      ...(latest && overall?.percent != null
        ? [
            {
              key: 'plans.progress',
              label: {
                vi: `Tiến độ chung kế hoạch năm ${latest.year} (%, ${overall.done}/${overall.total} nhiệm vụ xong)`,
                en: `Overall progress of the ${latest.year} plan (%, ${overall.done}/${overall.total} tasks done)`,
              },
              value: overall.percent,
              link: `/plans/${latest.id}`,
              pillar: 'lam',
            },
          ]
        : []),
      {
        key: 'tasks.overdue',
        label: { vi: 'Nhiệm vụ quá hạn', en: 'Overdue tasks' },
        value: tasks.filter((t) => t.dueState === 'overdue').length,
        link: '/plans/tasks?dueState=overdue',
        pillar: 'lam',
      },
      {
        key: 'tasks.due_soon',
        label: { vi: 'Nhiệm vụ sắp đến hạn (7 ngày)', en: 'Tasks due within 7 days' },
        value: tasks.filter((t) => t.dueState === 'due_soon').length,
        link: '/plans/tasks?dueState=due_soon',
        pillar: 'lam',
      },
      ...(mine.size
        ? [
            {
              key: 'tasks.mine_open',
              label: { vi: 'Nhiệm vụ của đơn vị tôi chưa xong', en: "My units' open tasks" },
              value: myTasks.filter((t) => t.dueState !== 'done').length,
              link: '/plans/tasks?mine=1',
              pillar: 'lam',
            },
          ]
        : []),
    ];
  },
});
