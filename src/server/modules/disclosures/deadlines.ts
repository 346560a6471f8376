/**
 * The `disclosures` module's contribution to a person's calendar feed (issue #13, "disclosures to
 * publish"): for whoever publishes on the head's behalf, the draft items whose publish-by day
 * (Law 10/2022/QH15 Art. 47(2): no later than 05 working days after the decision) falls in range.
 */
import { and, eq, gte, lte } from 'drizzle-orm';
import type { ActorContext, PersonalDeadline } from '../../platform/module';
import { can } from '../../platform/roles';
import { disclosureItems } from './tables';

export async function disclosureDeadlines(ctx: ActorContext, range: { from: string; to: string }): Promise<PersonalDeadline[]> {
  if (!can(ctx.actor, 'disclosures.manage')) return [];
  const rows = await ctx.tx
    .select({ id: disclosureItems.id, title: disclosureItems.title, publishBy: disclosureItems.publishBy })
    .from(disclosureItems)
    .where(and(eq(disclosureItems.status, 'draft'), gte(disclosureItems.publishBy, range.from), lte(disclosureItems.publishBy, range.to)));
  return rows.map((r) => ({
    uid: `disclosure-${r.id}@danchu`,
    date: r.publishBy,
    title: `Hạn công khai: ${r.title}`,
    description: 'Công khai chậm nhất 05 ngày làm việc kể từ ngày ban hành (Luật 10/2022/QH15, Điều 47 khoản 2).',
    link: `/disclosures/${r.id}`,
  }));
}
