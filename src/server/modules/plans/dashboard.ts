/** Dashboard counts of the `plans` module: what is overdue or due soon, for this person. */
import type { ActorContext, DashboardStat } from '../../platform/module';
import { count } from 'drizzle-orm';
import { findTasks } from './service';
import { plans as planTable } from './tables';

export async function plansDashboard(ctx: ActorContext): Promise<DashboardStat[]> {
  const { tx, actor } = ctx;
  // Only the number of plans is shown: count them instead of building every plan's summary.
  const [planCount] = await tx.select({ n: count() }).from(planTable);
  const tasks = await findTasks(ctx);
  const mine = new Set(actor.roles.map((r) => r.unitId).filter(Boolean));
  const myTasks = tasks.filter((t) => mine.has(t.leadUnit.id) || t.coUnits.some((u) => mine.has(u.id)));
  return [
    { key: 'plans.count', label: { vi: 'Kế hoạch', en: 'Plans' }, value: Number(planCount?.n ?? 0), link: '/plans', pillar: 'lam' },
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
