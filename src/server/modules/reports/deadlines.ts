/** The `reports` module's contribution to a person's calendar feed: unit reports a unit head still has to send. */
import { and, eq, gte, lte } from 'drizzle-orm';
import type { ActorContext, PersonalDeadline } from '../../platform/module';
import { reportCycles, unitReports } from './tables';

/**
 * For each unit the actor heads, the open cycles due in the range whose report is not yet sent or accepted.
 * @returns one deadline per unit and cycle.
 */
export async function reportDeadlines(ctx: ActorContext, range: { from: string; to: string }): Promise<PersonalDeadline[]> {
  const headed = [...new Set(ctx.actor.roles.filter((r) => r.role === 'unit_head' && r.unitId).map((r) => r.unitId!))];
  if (headed.length === 0) return [];
  const cycles = await ctx.tx
    .select()
    .from(reportCycles)
    .where(and(eq(reportCycles.status, 'open'), gte(reportCycles.dueOn, range.from), lte(reportCycles.dueOn, range.to)));
  const out: PersonalDeadline[] = [];
  for (const c of cycles) {
    const reports = await ctx.tx.select().from(unitReports).where(eq(unitReports.cycleId, c.id));
    for (const unitId of headed) {
      const r = reports.find((x) => x.unitId === unitId);
      if (r && (r.status === 'submitted' || r.status === 'accepted')) continue;
      out.push({
        uid: `report-${c.id}-${unitId}@danchu`,
        date: c.dueOn,
        title: `Hạn gửi báo cáo: ${c.title}`,
        link: `/reports/${c.id}/units/${unitId}`,
      });
    }
  }
  return out;
}
