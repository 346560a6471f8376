/** The `plans` module's contribution to a person's calendar feed: open tasks of their units with a due date. */
import { and, gte, inArray, lte, notInArray, or, sql } from 'drizzle-orm';
import type { ActorContext, PersonalDeadline } from '../../platform/module';
import { unitsOf } from '../../platform/roles';
import { tasks } from './tables';

/**
 * Tasks led by or shared with one of the actor's units, not done or cancelled, due in the range.
 * @returns one deadline per task.
 */
export async function taskDeadlines(ctx: ActorContext, range: { from: string; to: string }): Promise<PersonalDeadline[]> {
  const mine = unitsOf(ctx.actor);
  if (mine.length === 0) return [];
  const rows = await ctx.tx
    .select({ id: tasks.id, planId: tasks.planId, title: tasks.title, dueOn: tasks.dueOn })
    .from(tasks)
    .where(
      and(
        gte(tasks.dueOn, range.from),
        lte(tasks.dueOn, range.to),
        notInArray(tasks.status, ['done', 'cancelled']),
        or(inArray(tasks.leadUnitId, mine), sql`${tasks.coUnitIds} && ${sql.raw(`'{${mine.join(',')}}'::uuid[]`)}`),
      ),
    );
  return rows.map((r) => ({
    uid: `task-${r.id}@danchu`,
    date: r.dueOn!,
    title: `Hạn nhiệm vụ: ${r.title}`,
    link: `/plans/${r.planId}/tasks/${r.id}`,
  }));
}
