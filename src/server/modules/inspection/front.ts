/**
 * The Fatherland Front and mass organisations (issue #11; seed plan II.8 and II.12: "coordinate
 * with the Fatherland Front and political-social organisations in supervision and social
 * critique, take in their comments, and exchange information both ways"). The Office keeps the
 * register and records the agency's response; leadership, the board and the union read it.
 * No statutory answer period is encoded for these (DOMAIN.md §7.3 has none): the Office sets
 * the day the agency will respond by, and the register shows whether it kept it.
 */
import { and, desc, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays, compareIsoDates, formatDmy } from '../../../domain';
import type { TFrontItem, ZFrontItemInput, ZFrontRespondInput } from '../../../contracts/inspection';
import { recordAudit } from '../../platform/audit';
import type { Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import type { ActorContext, Context } from '../../platform/module';
import { notify } from '../../platform/notify';
import { can, ROLES } from '../../platform/roles';
import { roleAssignments, users } from '../../platform/tables';
import { frontItems } from './tables';

type Row = typeof frontItems.$inferSelect;

export function frontState(r: Pick<Row, 'responseDueOn' | 'respondedOn'>, today: string): TFrontItem['state'] {
  if (r.respondedOn) return r.responseDueOn && compareIsoDates(r.respondedOn, r.responseDueOn) > 0 ? 'responded_late' : 'responded';
  if (!r.responseDueOn) return 'none';
  return compareIsoDates(today, r.responseDueOn) > 0 ? 'overdue' : 'awaiting';
}

function present(ctx: ActorContext, r: Row): TFrontItem {
  return {
    id: r.id,
    kind: r.kind as TFrontItem['kind'],
    organisation: r.organisation as TFrontItem['organisation'],
    direction: (r.direction as 'in' | 'out' | null) ?? null,
    title: r.title,
    documentRef: r.documentRef,
    heldOn: r.heldOn,
    content: r.content,
    responseDueOn: r.responseDueOn,
    respondedOn: r.respondedOn,
    response: r.response,
    followUp: r.followUp,
    reviewOn: r.reviewOn,
    state: frontState(r, ctx.today),
    version: r.version,
    can: { respond: can(ctx.actor, 'front.manage') && !r.respondedOn && !!r.responseDueOn },
  };
}

export async function listFrontItems(ctx: ActorContext): Promise<TFrontItem[]> {
  if (!can(ctx.actor, 'front.read')) throw new AppError('FORBIDDEN');
  const rows = await ctx.tx.select().from(frontItems).orderBy(desc(frontItems.heldOn));
  return rows.map((r) => present(ctx, r));
}

/** The Office registers an activity, an invitation, an exchange of information or a regulation. */
export async function createFrontItem(ctx: ActorContext, input: z.infer<typeof ZFrontItemInput>): Promise<TFrontItem> {
  if (!can(ctx.actor, 'front.manage')) throw new AppError('FORBIDDEN');
  if (input.kind === 'information' && !input.direction)
    throw invalid('direction', 'ghi rõ thông tin nhận hay gửi', 'say whether it was received or sent');
  if (input.responseDueOn && compareIsoDates(input.responseDueOn, input.heldOn) < 0)
    throw invalid('responseDueOn', 'không trước ngày diễn ra', 'not before the day it was held');
  const [r] = await ctx.tx
    .insert(frontItems)
    .values({
      tenantId: ctx.who.tenantId,
      ...input,
      direction: input.kind === 'information' ? (input.direction ?? null) : null,
      documentRef: input.documentRef ?? null,
      responseDueOn: input.responseDueOn ?? null,
      reviewOn: input.reviewOn ?? null,
    })
    .returning();
  await recordAudit(ctx.tx, ctx.who, {
    action: 'front_item.created',
    entityType: 'front_item',
    entityId: r!.id,
    summary: r!.title,
    after: r,
  });
  return present(ctx, r!);
}

async function getItem(tx: Tx, id: string): Promise<Row> {
  const [r] = await tx.select().from(frontItems).where(eq(frontItems.id, id));
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

/** The agency's response to the comments and recommendations received, with its follow-up. */
export async function respondFrontItem(ctx: ActorContext, id: string, input: z.infer<typeof ZFrontRespondInput>): Promise<TFrontItem> {
  if (!can(ctx.actor, 'front.read')) throw new AppError('NOT_FOUND');
  const r = await getItem(ctx.tx, id);
  if (!present(ctx, r).can.respond) throw new AppError('FORBIDDEN');
  if (r.version !== input.version) throw new AppError('STALE_VERSION');
  if (compareIsoDates(input.respondedOn, ctx.today) > 0) throw invalid('respondedOn', 'không sau hôm nay', 'not after today');
  if (compareIsoDates(input.respondedOn, r.heldOn) < 0)
    throw invalid('respondedOn', 'không trước ngày diễn ra', 'not before the day it was held');
  const [u] = await ctx.tx
    .update(frontItems)
    .set({ respondedOn: input.respondedOn, response: input.response, followUp: input.followUp ?? null, version: r.version + 1 })
    .where(eq(frontItems.id, id))
    .returning();
  await recordAudit(ctx.tx, ctx.who, {
    action: 'front_item.responded',
    entityType: 'front_item',
    entityId: id,
    summary: `Trả lời "${r.title}" ngày ${formatDmy(input.respondedOn)}`,
    before: { respondedOn: null },
    after: { respondedOn: input.respondedOn, response: input.response, followUp: input.followUp ?? null },
  });
  return present(ctx, u!);
}

/** Days before the response day on which the morning job starts reminding the Office. */
export const FRONT_REMIND_DAYS_BEFORE = 3;

/**
 * The morning follow-up: each item whose response is due within FRONT_REMIND_DAYS_BEFORE days or
 * already overdue reminds, in the app, everyone who keeps the register (`front.manage`).
 * @returns how many reminders it sent.
 */
export async function remindFrontResponses(ctx: Context): Promise<number> {
  const { tx, today, who, modules } = ctx;
  const open = await tx
    .select()
    .from(frontItems)
    .where(
      and(
        isNotNull(frontItems.responseDueOn),
        isNull(frontItems.respondedOn),
        lte(frontItems.responseDueOn, addDays(today, FRONT_REMIND_DAYS_BEFORE)),
      ),
    );
  if (!open.length) return 0;
  const keepers = ROLES.filter((r) => modules.capabilitiesOf([r]).includes('front.manage'));
  const people = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(roleAssignments, and(eq(roleAssignments.tenantId, users.tenantId), eq(roleAssignments.userId, users.id)))
    .where(and(inArray(roleAssignments.role, keepers), eq(users.isActive, true)));
  const ids = [...new Set(people.map((p) => p.id))];
  let n = 0;
  for (const r of open) {
    const late = compareIsoDates(today, r.responseDueOn!) > 0;
    for (const userId of ids) {
      await notify(tx, {
        tenantId: who.tenantId,
        userId,
        kind: 'front.response_due',
        title: `${late ? 'Quá hạn trả lời' : 'Sắp đến hạn trả lời'}: ${r.title}`,
        body: `Hạn cơ quan trả lời Mặt trận, đoàn thể: ${formatDmy(r.responseDueOn!)}.`,
        link: '/inspection?tab=front',
      });
      n++;
    }
  }
  return n;
}
