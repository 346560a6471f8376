/** Dashboard counts of the `plans` module: what is overdue or due soon, for this person. */
import type { ActorContext, DashboardStat } from '../../platform/module';
import { and, count, desc, isNull, ne } from 'drizzle-orm';
import { overallProgress } from './progress';
import { findTasks } from './service';
import { plans as planTable } from './tables';

export async function plansDashboard(ctx: ActorContext): Promise<DashboardStat[]> {
  const { tx, actor } = ctx;
  // Only the number of plans is shown: count them instead of building every plan's summary.
  const [planCount] = await tx.select({ n: count() }).from(planTable);
  const tasks = await findTasks(ctx);
  const mine = new Set(actor.roles.map((r) => r.unitId).filter(Boolean));
  const myTasks = tasks.filter((t) => mine.has(t.leadUnit.id) || t.coUnits.some((u) => mine.has(u.id)));
  // The overall progress of the agency's latest plan, counted as on the plan page and in the report (issue #14 point 1).
  const [latest] = await tx
    .select({ id: planTable.id, year: planTable.year })
    .from(planTable)
    .where(and(isNull(planTable.unitId), ne(planTable.status, 'archived')))
    .orderBy(desc(planTable.year), desc(planTable.createdAt))
    .limit(1);
  const overall = latest ? overallProgress(tasks.filter((t) => t.planId === latest.id)) : null;
  return [
    { key: 'plans.count', label: { vi: 'Kế hoạch', en: 'Plans' }, value: Number(planCount?.n ?? 0), link: '/plans', pillar: 'lam' },
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
}
