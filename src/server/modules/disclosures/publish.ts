/**
 * How another module publishes one of its records as a disclosure item: the consultations module
 * publishes the summary of staff opinions and the explanation of what was accepted (Law 10/2022
 * Art. 46(10)); the item is registered and posted at once, through the internal system.
 */
import { eq } from 'drizzle-orm';
import type { DisclosureAudience } from '../../../contracts/disclosures';
import type { ActorContext } from '../../platform/module';
import { createItem, postItem, withdrawItem } from './service';
import { disclosureItems } from './tables';

export type PublishDisclosureInput = {
  title: string;
  /** Art. 46 category, 1–12 (10 for a consultation's explanation). */
  category: number;
  decidedOn: string;
  audience: DisclosureAudience;
  /** For audience 'unit'. */
  unitId?: string;
  sourceFileId?: string;
  /** Số, ký hiệu of the source; defaults to a reference to the origin record. */
  sourceRef?: string;
  summary?: string;
  /** Stays posted after the minimum period (a regulation in force, Art. 46(9)). */
  keepPosted?: boolean;
  origin: { module: string; id: string };
};

/**
 * Register and post an item for another module's record; the caller has authorized the act.
 * @returns the item id.
 * @throws AppError VALIDATION_FAILED naming the field (category, audience, unitId, decidedOn, sourceFileId).
 */
export async function publishDisclosure(ctx: ActorContext, input: PublishDisclosureInput): Promise<string> {
  const row = await createItem(
    ctx,
    {
      title: input.title,
      summary: input.summary ?? null,
      category: input.category,
      sourceRef: input.sourceRef ?? `${input.origin.module}/${input.origin.id.slice(0, 8)}`,
      sourceFileId: input.sourceFileId ?? null,
      decidedOn: input.decidedOn,
      audience: input.audience,
      unitId: input.unitId ?? null,
      channels: ['portal'],
      keepPosted: input.keepPosted ?? false,
      origin: input.origin,
    },
    { trusted: true },
  );
  await postItem(ctx, row.id, { version: row.version, postedOn: ctx.today }, { trusted: true });
  return row.id;
}

/**
 * Take another module's posted item off the board because its record was replaced (a regulation's
 * new version replaces the old, Art. 46(9)); it stays in the archive, served on request (Art. 48(4)).
 * @returns whether an item was withdrawn (false when it is not posted).
 */
export async function withdrawReplacedDisclosure(ctx: ActorContext, id: string, reason: string): Promise<boolean> {
  const [row] = await ctx.tx.select().from(disclosureItems).where(eq(disclosureItems.id, id));
  if (row?.status !== 'posted') return false;
  await withdrawItem(ctx, row, ctx.today, reason, 'manual');
  return true;
}
