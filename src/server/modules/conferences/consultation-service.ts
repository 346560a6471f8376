/**
 * Consultations of staff before the head decides (tham gia ý kiến; Law 10/2022/QH15 Arts. 53–55):
 * the plan (matter of Art. 53, the draft, forms of Art. 54, who is consulted, the period), comments
 * anchored to a passage of the draft (optionally anonymous), reminders to those who have not
 * answered, the Office's classification of each comment with its reason, and the published
 * explanation (Art. 55; a disclosure item of Art. 46(10) through `consultation.explanation_published`).
 */
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TComment,
  TConsultation,
  TConsultationSummary,
  TParticipation,
  ZAddComment,
  ZClassify,
  ZCloseEarly,
  ZCreateConsultation,
  ZPublishExplanation,
} from '../../../contracts/conferences';
import { addDays, formatDmy } from '../../../domain';
import { CONSULTATION_MATTERS, draftParagraphs } from '../../../domain/conference';
import { recordAudit } from '../../platform/audit';
import { todayInVietnam } from '../../platform/clock';
import type { Database, Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import type { ActorContext, Context, ModuleHooks } from '../../platform/module';
import { notify } from '../../platform/notify';
import { type Actor, hasRole } from '../../platform/roles';
import { roleAssignments, tenants, units, users } from '../../platform/tables';
import { mayManageConsultations, mayMonitorConsultations, maySeeAllComments } from './policy';
import { regulationOf, versionIssuedFrom } from './regulation-service';
import { consultationComments, consultations } from './tables';

type Row = typeof consultations.$inferSelect;
type CommentRow = typeof consultationComments.$inferSelect;

/** Roles that are consulted when the whole agency is (those granted `consultations.comment`). */
const CONSULTED_ROLES = ['office', 'unit_head', 'staff', 'inspection', 'union'];

export function statusOf(
  c: Pick<Row, 'opensOn' | 'closesOn' | 'explanationPublishedOn' | 'closedEarlyOn'>,
  today: string,
): TConsultationSummary['status'] {
  if (c.explanationPublishedOn) return 'explained';
  if (c.closedEarlyOn && today >= c.closedEarlyOn) return 'closed';
  if (today < c.opensOn) return 'planned';
  if (today <= c.closesOn) return 'open';
  return 'closed';
}

/** The people consulted (Art. 55 plan): all staff, the staff of one unit, or the delegates named. */
export async function consultedOf(
  tx: Tx,
  c: Pick<Row, 'audience' | 'unitId' | 'delegateIds'>,
): Promise<{ id: string; name: string; unit: string | null }[]> {
  if (c.audience === 'delegates') {
    if (!c.delegateIds.length) return [];
    const rows = await tx
      .select({ id: users.id, name: users.fullName })
      .from(users)
      .where(and(inArray(users.id, c.delegateIds), eq(users.isActive, true)));
    return rows.map((r) => ({ ...r, unit: null })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }
  const rows = await tx
    .select({ id: users.id, name: users.fullName, role: roleAssignments.role, unitId: roleAssignments.unitId, unit: units.name })
    .from(roleAssignments)
    .innerJoin(users, and(eq(users.tenantId, roleAssignments.tenantId), eq(users.id, roleAssignments.userId)))
    .leftJoin(units, and(eq(units.tenantId, roleAssignments.tenantId), eq(units.id, roleAssignments.unitId)))
    .where(eq(users.isActive, true));
  const picked = rows.filter((r) => (c.audience === 'unit' ? r.unitId === c.unitId : CONSULTED_ROLES.includes(r.role)));
  const byId = new Map<string, { id: string; name: string; unit: string | null }>();
  for (const r of picked) if (!byId.has(r.id)) byId.set(r.id, { id: r.id, name: r.name, unit: r.unit });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/**
 * The dashboard's consultation counts as one json expression (a dashboard `ask`, issue #17): open
 * and closed without explanation as `statusOf` says, and those open that await this person's
 * comments as `summaryOf` says — consulted (`consultedOf`: the delegates named, the unit's people,
 * or every role consulted, decided here from the person's own roles) and no comment yet.
 */
export function consultationCountsSql(actor: Actor, today: string): SQL {
  const c = consultations;
  const open = sql`${c.explanationPublishedOn} is null and ${c.opensOn} <= ${today}::date and ${c.closesOn} >= ${today}::date`;
  return sql`select json_build_object(
      'open', count(*) filter (where ${open})::int,
      'closed', count(*) filter (where ${c.explanationPublishedOn} is null and ${c.closesOn} < ${today}::date)::int,
      'awaitingMe', count(*) filter (where ${open} and ${owesComment(actor)})::int)
    from ${c}`;
}

/** The consultation is addressed to the actor (`consultedOf`) and the actor has not commented yet. */
function owesComment(actor: Actor): SQL {
  const units = [...new Set(actor.roles.map((r) => r.unitId).filter((u): u is string => !!u))];
  const everyone = actor.roles.some((r) => CONSULTED_ROLES.includes(r.role));
  const c = consultations;
  return sql`not exists (select 1 from ${consultationComments} x where x.consultation_id = ${c.id} and x.author_id = ${actor.userId}::uuid)
    and case ${c.audience}
      when 'delegates' then ${actor.userId}::uuid = any(${c.delegateIds})
      when 'unit' then ${c.unitId} = any(${`{${units.join(',')}}`}::uuid[])
      else ${everyone} end`;
}

/**
 * The consultations without a published explanation (the pillar card's open and closed ones, and
 * those awaiting the actor), newest first, with what `statusOf` needs and their comment count, as
 * one json expression (issue #17).
 */
export function unexplainedConsultationsSql(actor: Actor): SQL {
  const c = consultations;
  return sql`select coalesce(json_agg(json_build_object('id', ${c.id}, 'title', ${c.title}, 'opensOn', ${c.opensOn}, 'closesOn', ${c.closesOn},
      'closedEarlyOn', ${c.closedEarlyOn}, 'explanationPublishedOn', null,
      'comments', (select count(*)::int from ${consultationComments} x where x.consultation_id = ${c.id}),
      'owesComment', ${owesComment(actor)}) order by ${c.opensOn} desc), '[]'::json)
    from ${c} where ${c.explanationPublishedOn} is null`;
}

function counts(cs: CommentRow[]) {
  return {
    comments: cs.length,
    accepted: cs.filter((x) => x.outcome === 'accepted').length,
    partly: cs.filter((x) => x.outcome === 'partly').length,
    rejected: cs.filter((x) => x.outcome === 'rejected').length,
  };
}

async function summaryOf(tx: Tx, c: Row, cs: CommentRow[], actor: Actor | null, today: string): Promise<TConsultationSummary> {
  const status = statusOf(c, today);
  let awaitingMe = false;
  if (actor && status === 'open' && !cs.some((x) => x.authorId === actor.userId))
    awaitingMe = (await consultedOf(tx, c)).some((p) => p.id === actor.userId);
  return {
    id: c.id,
    title: c.title,
    matter: c.matter,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    status,
    ...counts(cs),
    explanationPublishedOn: c.explanationPublishedOn,
    awaitingMe,
  };
}

async function load(tx: Tx, id: string): Promise<Row> {
  const [c] = await tx.select().from(consultations).where(eq(consultations.id, id));
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

const commentsOf = (tx: Tx, id: string) =>
  tx.select().from(consultationComments).where(eq(consultationComments.consultationId, id)).orderBy(asc(consultationComments.createdAt));

export async function listConsultations(ctx: Context & { actor?: Actor }): Promise<{ items: TConsultationSummary[] }> {
  const rows = await ctx.tx.select().from(consultations).orderBy(desc(consultations.opensOn));
  const all = await ctx.tx.select().from(consultationComments);
  const items: TConsultationSummary[] = [];
  for (const c of rows)
    items.push(
      await summaryOf(
        ctx.tx,
        c,
        all.filter((x) => x.consultationId === c.id),
        ctx.actor ?? null,
        ctx.today,
      ),
    );
  return { items };
}

/**
 * One comment as the actor may see it. The author's name is shown to its author, and for a comment
 * that is not anonymous to the Office and leadership; an anonymous comment names nobody (Art. 55).
 */
function presentComment(x: CommentRow, actor: Actor, names: Map<string, string>): TComment {
  const mine = x.authorId === actor.userId;
  // The union sees who answered (participation) but no author at all: with both, the one
  // responder not named under a comment would be the anonymous one.
  const mayName = mayManageConsultations(actor) || hasRole(actor, 'leader');
  return {
    id: x.id,
    paragraph: x.paragraph,
    body: x.body,
    anonymous: x.anonymous,
    author: mine || (mayName && !x.anonymous) ? (names.get(x.authorId) ?? null) : null,
    mine,
    outcome: x.outcome as TComment['outcome'],
    reason: x.reason,
    createdAt: x.createdAt.toISOString(),
  };
}

export async function getConsultation(ctx: ActorContext, id: string): Promise<TConsultation> {
  const { tx, actor, today } = ctx;
  const c = await load(tx, id);
  const cs = await commentsOf(tx, id);
  const consulted = await consultedOf(tx, c);
  const summary = await summaryOf(tx, c, cs, actor, today);
  const visible = maySeeAllComments(actor) ? cs : cs.filter((x) => x.authorId === actor.userId);
  const authorIds = [...new Set(visible.map((x) => x.authorId))];
  const names = new Map(
    authorIds.length
      ? (await tx.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, authorIds))).map((u) => [u.id, u.name])
      : [],
  );
  const [unit] = c.unitId ? await tx.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, c.unitId)) : [];
  const isConsulted = consulted.some((p) => p.id === actor.userId);
  const responded = new Set(cs.filter((x) => consulted.some((p) => p.id === x.authorId)).map((x) => x.authorId)).size;
  const regulation = regulationOf(c.matter);
  const issued = regulation ? await versionIssuedFrom(tx, c.id) : null;
  return {
    ...summary,
    draft: c.draft,
    paragraphs: draftParagraphs(c.draft),
    forms: c.forms as TConsultation['forms'],
    audience: c.audience as TConsultation['audience'],
    unit: unit ?? null,
    delegateIds: c.delegateIds,
    allowAnonymous: c.allowAnonymous,
    explanation: c.explanation,
    consulted: consulted.length,
    responded,
    closedEarlyOn: c.closedEarlyOn,
    commentList: visible.map((x) => presentComment(x, actor, names)),
    regulation,
    issued,
    version: c.version,
    abilities: {
      comment: summary.status === 'open' && isConsulted,
      manage: mayManageConsultations(actor) && summary.status !== 'explained',
      classify: mayManageConsultations(actor) && summary.status !== 'explained',
      monitor: mayMonitorConsultations(actor),
      closeEarly: mayManageConsultations(actor) && summary.status === 'open' && consulted.length > 0 && responded === consulted.length,
      // Art. 59 / Art. 53(8), (9): the regulation is issued once its explanation is published.
      issue: mayManageConsultations(actor) && !!regulation && summary.status === 'explained' && !issued,
    },
  };
}

export async function createConsultation(ctx: ActorContext, input: z.infer<typeof ZCreateConsultation>): Promise<TConsultation> {
  if (!mayManageConsultations(ctx.actor)) throw new AppError('FORBIDDEN');
  if (input.closesOn < input.opensOn) throw invalid('closesOn', 'trước ngày bắt đầu', 'before the opening date');
  if (input.audience === 'unit' && !input.unitId) throw invalid('unitId', 'chọn đơn vị được lấy ý kiến', 'choose the unit consulted');
  if (input.audience === 'delegates' && !input.delegateIds?.length)
    throw invalid('delegateIds', 'chọn ít nhất một đại biểu', 'choose at least one delegate');
  if (input.audience === 'unit') {
    const [u] = await ctx.tx.select({ id: units.id }).from(units).where(eq(units.id, input.unitId!));
    if (!u) throw invalid('unitId', 'không có đơn vị này', 'no such unit');
  }
  const [row] = await ctx.tx
    .insert(consultations)
    .values({
      tenantId: ctx.who.tenantId,
      title: input.title,
      matter: input.matter,
      draft: input.draft,
      forms: [...new Set(input.forms)],
      audience: input.audience,
      unitId: input.audience === 'unit' ? input.unitId! : null,
      delegateIds: input.audience === 'delegates' ? [...new Set(input.delegateIds)] : [],
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      allowAnonymous: input.allowAnonymous ?? true,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await recordAudit(ctx.tx, ctx.who, {
    action: 'consultation.create',
    entityType: 'consultation',
    entityId: row!.id,
    summary: `${input.title} (${CONSULTATION_MATTERS[input.matter - 1]!.vi}; ${formatDmy(input.opensOn)} – ${formatDmy(input.closesOn)})`,
    after: { ...row, draft: `${input.draft.length} ký tự` },
  });
  return getConsultation(ctx, row!.id);
}

export async function addComment(ctx: ActorContext, id: string, input: z.infer<typeof ZAddComment>): Promise<TConsultation> {
  const c = await load(ctx.tx, id);
  if (statusOf(c, ctx.today) !== 'open')
    throw new AppError('CONSULTATION_NOT_OPEN', { params: { opensOn: formatDmy(c.opensOn), closesOn: formatDmy(c.closesOn) } });
  if (!(await consultedOf(ctx.tx, c)).some((p) => p.id === ctx.actor.userId)) throw new AppError('CONSULTATION_NOT_CONSULTED');
  const n = draftParagraphs(c.draft).length;
  if (input.paragraph && input.paragraph > n) throw invalid('paragraph', `dự thảo chỉ có ${n} đoạn`, `the draft has ${n} passages`);
  if (input.anonymous && !c.allowAnonymous)
    throw invalid('anonymous', 'đợt lấy ý kiến này không nhận ý kiến ẩn danh', 'this consultation takes no anonymous comments');
  const [row] = await ctx.tx
    .insert(consultationComments)
    .values({
      tenantId: ctx.who.tenantId,
      consultationId: id,
      authorId: ctx.actor.userId,
      anonymous: input.anonymous ?? false,
      paragraph: input.paragraph ?? null,
      body: input.body,
    })
    .returning();
  // Leadership reads the audit log: an anonymous comment is logged without naming its author
  // (nor the request's address), or the log would undo the anonymity of Art. 55. The comment row
  // keeps its author, for counting participation and for the author's own view.
  const who = input.anonymous ? { tenantId: ctx.who.tenantId, userId: null, name: 'Người góp ý ẩn danh' } : ctx.who;
  await recordAudit(ctx.tx, who, {
    action: 'consultation_comment.create',
    entityType: 'consultation',
    entityId: id,
    summary: `Góp ý${input.paragraph ? ` đoạn ${input.paragraph}` : ''}${input.anonymous ? ' (ẩn danh)' : ''}`,
    after: { id: row!.id, paragraph: row!.paragraph, anonymous: row!.anonymous },
  });
  return getConsultation(ctx, id);
}

/** The Office classifies a comment; a comment not (fully) accepted needs its reason (Art. 55: explain). */
export async function classifyComment(
  ctx: ActorContext,
  id: string,
  commentId: string,
  input: z.infer<typeof ZClassify>,
): Promise<TConsultation> {
  if (!mayManageConsultations(ctx.actor)) throw new AppError('FORBIDDEN');
  const c = await load(ctx.tx, id);
  if (c.explanationPublishedOn) throw new AppError('CONSULTATION_EXPLAINED');
  const [x] = await ctx.tx
    .select()
    .from(consultationComments)
    .where(and(eq(consultationComments.consultationId, id), eq(consultationComments.id, commentId)));
  if (!x) throw new AppError('NOT_FOUND');
  if (input.outcome !== 'accepted' && !input.reason)
    throw invalid('reason', 'nêu lý do không tiếp thu hoặc chỉ tiếp thu một phần', 'give the reason for not (fully) accepting');
  await ctx.tx
    .update(consultationComments)
    .set({ outcome: input.outcome, reason: input.reason || null, classifiedBy: ctx.actor.userId, classifiedAt: new Date() })
    .where(and(eq(consultationComments.consultationId, id), eq(consultationComments.id, commentId)));
  await recordAudit(ctx.tx, ctx.who, {
    action: 'consultation_comment.classify',
    entityType: 'consultation',
    entityId: id,
    summary: `Ý kiến${x.paragraph ? ` đoạn ${x.paragraph}` : ''}: ${{ accepted: 'tiếp thu', partly: 'tiếp thu một phần', rejected: 'không tiếp thu' }[input.outcome]}`,
    before: { outcome: x.outcome, reason: x.reason },
    after: { commentId, ...input },
  });
  return getConsultation(ctx, id);
}

/** Remind, in the app, everyone consulted who has not answered yet; returns how many. */
export async function remindNonResponders(ctx: ActorContext, id: string): Promise<{ reminded: number }> {
  if (!mayManageConsultations(ctx.actor) && !mayMonitorConsultations(ctx.actor)) throw new AppError('FORBIDDEN');
  const c = await load(ctx.tx, id);
  if (statusOf(c, ctx.today) !== 'open')
    throw new AppError('CONSULTATION_NOT_OPEN', { params: { opensOn: formatDmy(c.opensOn), closesOn: formatDmy(c.closesOn) } });
  return { reminded: await remind(ctx, c) };
}

async function remind(ctx: Context, c: Row): Promise<number> {
  const answered = new Set((await commentsOf(ctx.tx, c.id)).map((x) => x.authorId));
  const missing = (await consultedOf(ctx.tx, c)).filter((p) => !answered.has(p.id));
  for (const p of missing)
    await notify(ctx.tx, {
      tenantId: ctx.who.tenantId,
      userId: p.id,
      kind: 'consultation.reminder',
      title: `Đề nghị góp ý: ${c.title}`,
      body: `Hạn góp ý đến hết ngày ${formatDmy(c.closesOn)}.`,
      link: `/consultations/${c.id}`,
    });
  await recordAudit(ctx.tx, ctx.who, {
    action: 'consultation.remind',
    entityType: 'consultation',
    entityId: c.id,
    summary: `Nhắc ${missing.length} người chưa góp ý`,
  });
  return missing.length;
}

/** Days before the closing date on which the daily job reminds those who have not answered. */
export const REMIND_DAYS_BEFORE = 2;

/** The daily job, for one agency: consultations closing in two days remind their non-responders once. */
export async function remindClosingSoon(ctx: Context): Promise<number> {
  const closing = await ctx.tx
    .select()
    .from(consultations)
    .where(and(eq(consultations.closesOn, addDays(ctx.today, REMIND_DAYS_BEFORE)), isNull(consultations.explanationPublishedOn)));
  let n = 0;
  for (const c of closing) if (statusOf(c, ctx.today) === 'open') n += await remind(ctx, c);
  return n;
}

/** Run the reminders of every agency (the `consultations.reminders` job). */
export async function runConsultationReminders(db: Database, modules: ModuleHooks, today = todayInVietnam()): Promise<number> {
  const all = await db.owner.select({ id: tenants.tenantId }).from(tenants);
  let n = 0;
  for (const t of all)
    n += await db.withTenant({ tenantId: t.id }, (tx) =>
      remindClosingSoon({ tx, today, modules, who: { tenantId: t.id, userId: null, name: 'Hệ thống (nhắc góp ý)' } }),
    );
  return n;
}

/**
 * The Office ends the consultation before its closing date once everyone consulted has answered:
 * the period of the plan (Art. 55) is there for them to answer, and none is left waiting, so the
 * summary and the explanation need not wait for the date. Nobody else may comment from today.
 * @throws AppError FORBIDDEN (not the Office), CONSULTATION_NOT_OPEN, CONSULTATION_AWAITING (someone
 *   consulted has not answered), STALE_VERSION.
 */
export async function closeEarly(ctx: ActorContext, id: string, input: z.infer<typeof ZCloseEarly>): Promise<TConsultation> {
  if (!mayManageConsultations(ctx.actor)) throw new AppError('FORBIDDEN');
  const c = await load(ctx.tx, id);
  if (c.version !== input.version) throw new AppError('STALE_VERSION');
  if (statusOf(c, ctx.today) !== 'open')
    throw new AppError('CONSULTATION_NOT_OPEN', { params: { opensOn: formatDmy(c.opensOn), closesOn: formatDmy(c.closesOn) } });
  const answered = new Set((await commentsOf(ctx.tx, id)).map((x) => x.authorId));
  const consulted = await consultedOf(ctx.tx, c);
  // The count only, never who: the Office must not learn whose an anonymous comment is (Art. 55).
  const missing = consulted.filter((p) => !answered.has(p.id)).length;
  if (!consulted.length || missing) throw new AppError('CONSULTATION_AWAITING', { params: { count: missing } });
  const [after] = await ctx.tx
    .update(consultations)
    .set({ closedEarlyOn: ctx.today, version: c.version + 1, updatedAt: new Date() })
    .where(and(eq(consultations.id, id), eq(consultations.version, c.version)))
    .returning();
  if (!after) throw new AppError('STALE_VERSION');
  await recordAudit(ctx.tx, ctx.who, {
    action: 'consultation.close_early',
    entityType: 'consultation',
    entityId: id,
    summary: `Kết thúc lấy ý kiến ngày ${formatDmy(ctx.today)} (trước hạn ${formatDmy(c.closesOn)}): ${consulted.length}/${consulted.length} người đã góp ý`,
    before: { closedEarlyOn: null },
    after: { closedEarlyOn: ctx.today },
  });
  return getConsultation(ctx, id);
}

/** Art. 55: once the period is over and every comment is classified, the explanation is published. */
export async function publishExplanation(
  ctx: ActorContext,
  id: string,
  input: z.infer<typeof ZPublishExplanation>,
): Promise<TConsultation> {
  if (!mayManageConsultations(ctx.actor)) throw new AppError('FORBIDDEN');
  const c = await load(ctx.tx, id);
  if (c.version !== input.version) throw new AppError('STALE_VERSION');
  if (c.explanationPublishedOn) throw new AppError('CONSULTATION_EXPLAINED');
  if (statusOf(c, ctx.today) !== 'closed')
    throw invalid(
      'explanation',
      `chưa hết thời gian lấy ý kiến (đến ${formatDmy(c.closesOn)})`,
      `the consultation runs until ${formatDmy(c.closesOn)}`,
    );
  const [open] = await ctx.tx
    .select({ id: consultationComments.id })
    .from(consultationComments)
    .where(and(eq(consultationComments.consultationId, id), isNull(consultationComments.outcome)));
  if (open) {
    const n = (await commentsOf(ctx.tx, id)).filter((x) => !x.outcome).length;
    throw new AppError('CONSULTATION_UNCLASSIFIED', { params: { count: n } });
  }
  const [after] = await ctx.tx
    .update(consultations)
    .set({ explanation: input.explanation, explanationPublishedOn: ctx.today, version: c.version + 1, updatedAt: new Date() })
    .where(and(eq(consultations.id, id), eq(consultations.version, c.version)))
    .returning();
  if (!after) throw new AppError('STALE_VERSION');
  await recordAudit(ctx.tx, ctx.who, {
    action: 'consultation.explain',
    entityType: 'consultation',
    entityId: id,
    summary: `Công khai giải trình ngày ${formatDmy(ctx.today)}`,
    after: { explanationPublishedOn: ctx.today },
  });
  // Art. 46(10): the summary of opinions and the explanation are disclosed; the disclosures module listens.
  await ctx.modules.emit(ctx, 'consultation.explanation_published', {
    tenantId: ctx.who.tenantId,
    consultationId: id,
    title: `Giải trình tiếp thu ý kiến: ${c.title}`,
    decidedOn: ctx.today,
  });
  return getConsultation(ctx, id);
}

/** The union's monitoring view (Art. 55): participation per person, never which comment is whose. */
export async function participation(ctx: ActorContext, id: string): Promise<TParticipation> {
  if (!mayMonitorConsultations(ctx.actor)) throw new AppError('FORBIDDEN');
  const c = await load(ctx.tx, id);
  const cs = await commentsOf(ctx.tx, id);
  const answered = new Set(cs.map((x) => x.authorId));
  const people = (await consultedOf(ctx.tx, c)).map((p) => ({ ...p, responded: answered.has(p.id) }));
  return {
    consulted: people.length,
    responded: people.filter((p) => p.responded).length,
    anonymousComments: cs.filter((x) => x.anonymous).length,
    people,
  };
}
