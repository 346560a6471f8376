/**
 * Commands and queries of the `disclosures` module (issue #10): register an item (Art. 46), post
 * it (Arts. 47–48), withdraw it, acknowledge it, request a withdrawn item and answer (Art. 48(4)).
 * Every change is authorized, audited and done in the caller's transaction.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { compareIsoDates, formatDmy } from '../../../domain';
import { deadlineYears, type CalendarProvider } from '../../../domain/deadlines';
import {
  AUDIENCES,
  CHANNELS,
  type DisclosureAudience,
  type DisclosureCategory,
  type DisclosureChannel,
  type DisclosureStatus,
  type TDisclosure,
  type TDisclosureListItem,
} from '../../../contracts/disclosures';
import { recordAudit } from '../../platform/audit';
import { rowsOf, type Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import type { ActorContext, Context } from '../../platform/module';
import { notify } from '../../platform/notify';
import { indexForSearch, type SearchAudience } from '../../platform/search';
import { can, unitsOf, type Actor } from '../../platform/roles';
import { attachments, roleAssignments, units, users } from '../../platform/tables';
import { workingCalendarFor } from '../calendar';
import { legalDocumentStates } from '../plans';
import { quarterRange } from './board';
import { CATEGORY_RULES, minimumPostedUntil, publishBy, SECRET_REASONS } from './rules';
import { disclosureItems, disclosureReceipts, disclosureRequests, disclosureSettings } from './tables';

export type ItemRow = typeof disclosureItems.$inferSelect;

/** The line `postItem` adds when the Office chose a longer period than the minimum. */
const CHOSEN_LONGER = 'Văn phòng chọn niêm yết dài hơn';

/** The agency's calendar covering what a rule will touch (the engine asks for the years it needs). */
async function calendarFor(tx: Tx, ruleId: string, trigger: string, communeLevel = false): Promise<CalendarProvider> {
  const cal = await workingCalendarFor(tx, deadlineYears(ruleId, { trigger, communeLevel }));
  return () => cal;
}

export async function settingsOf(tx: Tx): Promise<{ communeLevel: boolean; version: number }> {
  const [s] = await tx.select().from(disclosureSettings);
  return { communeLevel: s?.communeLevel ?? false, version: s?.version ?? 0 };
}

export async function saveSettings(ctx: ActorContext, input: { communeLevel: boolean; version: number }) {
  const { tx, actor, who } = ctx;
  if (!can(actor, 'disclosures.manage')) throw new AppError('FORBIDDEN');
  const before = await settingsOf(tx);
  if (before.version !== input.version) throw new AppError('STALE_VERSION');
  if (before.version === 0) await tx.insert(disclosureSettings).values({ tenantId: actor.tenantId, communeLevel: input.communeLevel });
  else await tx.update(disclosureSettings).set({ communeLevel: input.communeLevel, version: before.version + 1 });
  await recordAudit(tx, who, {
    action: 'disclosure.settings',
    entityType: 'disclosure_settings',
    entityId: actor.tenantId,
    summary: input.communeLevel ? 'Cấp xã: niêm yết 30 ngày' : 'Cơ quan, đơn vị: niêm yết 20 ngày',
    before,
    after: input,
  });
  return settingsOf(tx);
}

// ---------- who is addressed ----------

/** Whether the person is among those an item is addressed to (all staff, or the unit's people). */
export function isAddressed(actor: Actor, item: Pick<ItemRow, 'audience' | 'unitId'>): boolean {
  if (item.audience === 'unit') return !!item.unitId && unitsOf(actor).includes(item.unitId);
  // Every member of the agency is staff; an account holding only the administrator role is not a person of the agency.
  return actor.roles.some((r) => r.role !== 'admin');
}

/** The active people an item is addressed to, with their names. */
export async function addressedPeople(tx: Tx, item: Pick<ItemRow, 'audience' | 'unitId'>): Promise<{ userId: string; name: string }[]> {
  const rows = await tx
    .select({ userId: users.id, name: users.fullName, role: roleAssignments.role, unitId: roleAssignments.unitId })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(eq(users.isActive, true))
    .orderBy(asc(users.fullName));
  const out = new Map<string, string>();
  for (const r of rows) {
    const hit = item.audience === 'unit' ? r.unitId === item.unitId : r.role !== 'admin';
    if (hit) out.set(r.userId, r.name);
  }
  return [...out].map(([userId, name]) => ({ userId, name }));
}

/** What the person may see: the Office and the overseers everything; others what was published to them. */
function mayRead(actor: Actor, item: ItemRow): boolean {
  if (can(actor, 'disclosures.manage') || can(actor, 'disclosures.oversee')) return true;
  if (!can(actor, 'disclosures.read')) return false;
  return item.status !== 'draft' && isAddressed(actor, item);
}

// ---------- search ----------

/**
 * Who may find an item in the global search — the same people `mayRead` lets see it: the Office
 * and the overseers always; once posted (or withdrawn, still requestable under Art. 48(4)) the
 * people it is addressed to: the whole staff, or one unit's people only.
 */
export function searchAudienceOf(r: Pick<ItemRow, 'status' | 'audience' | 'unitId'>): SearchAudience[] {
  const keepers: SearchAudience[] = ['cap:disclosures.manage', 'cap:disclosures.oversee'];
  if (r.status === 'draft') return keepers;
  if (r.audience === 'unit') return [...keepers, `unit:${r.unitId}`];
  // A public item is found by staff too; the portal, not this search, serves the public.
  return [...keepers, 'staff'];
}

/** Index (or re-index) an item for the global search with its audience. */
async function indexItem(tx: Tx, r: ItemRow): Promise<void> {
  await indexForSearch(tx, {
    tenantId: r.tenantId,
    entityType: 'disclosure',
    entityId: r.id,
    title: r.title,
    body: [r.summary, r.sourceRef].filter(Boolean).join(' — '),
    link: `/disclosures/${r.id}`,
    audience: searchAudienceOf(r),
  });
}

/**
 * Bring the search entries of every item of the transaction's agency in line with `searchAudienceOf`:
 * items registered before disclosures were indexed have no entry, and entries written before
 * entries carried an audience were open to all staff (a draft found by anyone). Idempotent;
 * the `disclosures.search_backfill` job runs it for every agency when the app starts.
 * @returns how many entries were written.
 */
export async function backfillSearch(tx: Tx): Promise<number> {
  const rows = await tx.select().from(disclosureItems);
  const entries = rowsOf<{ id: string; audience: string | null }>(
    await tx.execute(sql`
      select entity_id as id, (select string_agg(a, ',' order by a) from unnest(audience) a) as audience
        from search_entries where entity_type = 'disclosure'`),
  );
  const have = new Map(entries.map((e) => [e.id, e.audience ?? '']));
  let n = 0;
  for (const r of rows) {
    const want = [...new Set(searchAudienceOf(r))].sort().join(',');
    if (have.get(r.id) === want) continue;
    await indexItem(tx, r);
    n++;
  }
  return n;
}

// ---------- presenting ----------

async function unitNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Posted, its minimum period over (or its source lapsed), and not yet withdrawn. */
function pastValidity(r: ItemRow, today: string, lapsed: boolean): boolean {
  if (r.status !== 'posted') return false;
  if (lapsed) return true;
  return !r.keepPosted && !!r.postedUntil && compareIsoDates(r.postedUntil, today) < 0;
}

const LAPSED = new Set(['replaced', 'expired']);

async function lapsedSources(tx: Tx, rows: ItemRow[]): Promise<Set<string>> {
  const ids = [...new Set(rows.map((r) => r.sourceDocumentId).filter((x): x is string => !!x))];
  const states = await legalDocumentStates(tx, ids);
  return new Set([...states.values()].filter((s) => LAPSED.has(s.status)).map((s) => s.id));
}

function presentListItem(
  r: ItemRow,
  today: string,
  names: Map<string, string>,
  lapsed: Set<string>,
  acknowledged: boolean | null,
): TDisclosureListItem {
  return {
    id: r.id,
    title: r.title,
    category: r.category,
    audience: r.audience as DisclosureAudience,
    unit: r.unitId ? { id: r.unitId, name: names.get(r.unitId) ?? '' } : null,
    decidedOn: r.decidedOn,
    publishBy: r.publishBy,
    postedOn: r.postedOn,
    postedUntil: r.postedUntil,
    status: r.status as DisclosureStatus,
    sourceRef: r.sourceRef,
    overdue: r.status === 'draft' && compareIsoDates(r.publishBy, today) < 0,
    late: !!r.postedOn && compareIsoDates(r.postedOn, r.publishBy) > 0,
    pastValidity: pastValidity(r, today, !!r.sourceDocumentId && lapsed.has(r.sourceDocumentId)),
    acknowledged,
  };
}

/** The items this person may see, newest decision first. */
export async function listItems(ctx: ActorContext): Promise<TDisclosureListItem[]> {
  const { tx, actor, today } = ctx;
  const rows = (await tx.select().from(disclosureItems).orderBy(desc(disclosureItems.decidedOn), asc(disclosureItems.title))).filter((r) =>
    mayRead(actor, r),
  );
  const names = await unitNames(tx, [...new Set(rows.map((r) => r.unitId).filter((x): x is string => !!x))]);
  const lapsed = await lapsedSources(tx, rows);
  const mine = new Set(
    (
      await tx.select({ itemId: disclosureReceipts.itemId }).from(disclosureReceipts).where(eq(disclosureReceipts.userId, actor.userId))
    ).map((r) => r.itemId),
  );
  return rows.map((r) => presentListItem(r, today, names, lapsed, r.status === 'posted' && isAddressed(actor, r) ? mine.has(r.id) : null));
}

async function loadItem(ctx: ActorContext, id: string): Promise<ItemRow> {
  const [r] = await ctx.tx.select().from(disclosureItems).where(eq(disclosureItems.id, id));
  if (!r || !mayRead(ctx.actor, r)) throw new AppError('NOT_FOUND');
  return r;
}

/** Whether the person may download the item's source file (the attachment guard). */
export async function mayDownloadSource(ctx: ActorContext, itemId: string): Promise<boolean> {
  const { tx, actor } = ctx;
  const [r] = await tx.select().from(disclosureItems).where(eq(disclosureItems.id, itemId));
  if (!r || !mayRead(actor, r)) return false;
  if (can(actor, 'disclosures.manage') || can(actor, 'disclosures.oversee')) return true;
  if (r.status === 'posted') return true;
  // A withdrawn item is served on request (Art. 48(4)): once the Office has answered this person's request.
  const [answered] = await tx
    .select({ id: disclosureRequests.id })
    .from(disclosureRequests)
    .where(
      and(
        eq(disclosureRequests.itemId, itemId),
        eq(disclosureRequests.requestedBy, actor.userId),
        sql`${disclosureRequests.answeredAt} is not null`,
      ),
    );
  return !!answered;
}

export async function getItem(ctx: ActorContext, id: string): Promise<TDisclosure> {
  const { tx, actor, today } = ctx;
  const r = await loadItem(ctx, id);
  const names = await unitNames(tx, r.unitId ? [r.unitId] : []);
  const states = r.sourceDocumentId ? await legalDocumentStates(tx, [r.sourceDocumentId]) : new Map();
  const doc = r.sourceDocumentId ? states.get(r.sourceDocumentId) : undefined;
  const lapsed = new Set<string>(doc && LAPSED.has(doc.status) ? [doc.id] : []);
  const receipts = await tx
    .select({ userId: disclosureReceipts.userId, readAt: disclosureReceipts.readAt, name: users.fullName })
    .from(disclosureReceipts)
    .innerJoin(users, eq(users.id, disclosureReceipts.userId))
    .where(eq(disclosureReceipts.itemId, id))
    .orderBy(asc(disclosureReceipts.readAt));
  const addressed = isAddressed(actor, r);
  const mineRead = receipts.some((x) => x.userId === actor.userId);
  const overseer = can(actor, 'disclosures.manage') || can(actor, 'disclosures.oversee');
  let receiptView: TDisclosure['receipts'] = null;
  if (overseer && r.status !== 'draft') {
    const people = await addressedPeople(tx, r);
    const read = new Set(receipts.map((x) => x.userId));
    receiptView = {
      addressed: people.length,
      read: receipts.map((x) => ({ userId: x.userId, name: x.name, readAt: x.readAt.toISOString() })),
      notRead: people.filter((p) => !read.has(p.userId)),
    };
  }
  const reqRows = await tx
    .select()
    .from(disclosureRequests)
    .where(and(eq(disclosureRequests.itemId, id), ...(overseer ? [] : [eq(disclosureRequests.requestedBy, actor.userId)])))
    .orderBy(asc(disclosureRequests.requestedAt));
  const peopleIds = [...new Set(reqRows.flatMap((q) => [q.requestedBy, q.answeredBy]).filter((x): x is string => !!x))];
  const peopleNames = peopleIds.length
    ? new Map(
        (await tx.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, peopleIds))).map((u) => [
          u.id,
          u.name,
        ]),
      )
    : new Map<string, string>();
  const [file] = r.sourceFileId
    ? await tx.select({ id: attachments.id, filename: attachments.filename }).from(attachments).where(eq(attachments.id, r.sourceFileId))
    : [];
  const list = presentListItem(r, today, names, lapsed, r.status === 'posted' && addressed ? mineRead : null);
  const manage = can(actor, 'disclosures.manage');
  return {
    ...list,
    summary: r.summary,
    channels: r.channels as DisclosureChannel[],
    keepPosted: r.keepPosted,
    sourceDocument: doc ? { id: doc.id, symbol: doc.symbol, status: doc.status, replacedBy: doc.replacedBySymbol } : null,
    sourceFile: file ?? null,
    publishByExplanation: r.publishByExplanation,
    postedUntilExplanation: r.postedUntilExplanation ?? [],
    withdrawnOn: r.withdrawnOn,
    withdrawReason: r.withdrawReason,
    origin: r.originModule && r.originId ? { module: r.originModule, id: r.originId } : null,
    receipts: receiptView,
    requests: reqRows.map((q) => ({
      id: q.id,
      requestedBy: peopleNames.get(q.requestedBy) ?? '',
      requestedAt: q.requestedAt.toISOString(),
      reason: q.reason,
      answer: q.answer,
      answeredBy: q.answeredBy ? (peopleNames.get(q.answeredBy) ?? '') : null,
      answeredAt: q.answeredAt?.toISOString() ?? null,
    })),
    abilities: {
      manage: manage && r.status !== 'withdrawn',
      acknowledge: r.status === 'posted' && addressed && !mineRead,
      // Art. 48(4): information past its period, or that should have been published and was not.
      request: addressed && !manage && (r.status === 'withdrawn' || list.overdue),
      answer: manage,
      downloadSource: !!file && (await mayDownloadSource(ctx, id)),
    },
    version: r.version,
  };
}

// ---------- commands ----------

export type NewItem = {
  title: string;
  summary?: string | null;
  category: number;
  confidentiality?: 'none' | 'state_secret' | 'work_secret' | 'not_releasable';
  sourceRef: string;
  sourceDocumentId?: string | null;
  sourceFileId?: string | null;
  decidedOn: string;
  audience?: DisclosureAudience;
  unitId?: string | null;
  channels: DisclosureChannel[];
  keepPosted?: boolean;
  origin?: { module: string; id: string };
};

/** Register an item (Art. 46): checks, publish-by computed on the agency calendar (Art. 47(2)). */
export async function createItem(ctx: ActorContext, input: NewItem, opts: { trusted?: boolean } = {}): Promise<ItemRow> {
  const { tx, actor, who } = ctx;
  // `trusted`: another module publishes its own record (it authorized the act itself).
  if (!opts.trusted && !can(actor, 'disclosures.manage')) throw new AppError('FORBIDDEN');
  const conf = input.confidentiality ?? 'none';
  // Art. 46, opening words: secrets and information not yet releasable are refused, with the reason.
  if (conf !== 'none') throw invalid('confidentiality', SECRET_REASONS[conf].vi, SECRET_REASONS[conf].en);
  if (!Number.isInteger(input.category) || input.category < 1 || input.category > 12)
    throw invalid('category', 'nhóm nội dung phải từ 1 đến 12 (Điều 46)', 'the category must be 1 to 12 (Art. 46)');
  const rule = CATEGORY_RULES[input.category as DisclosureCategory];
  const audience = input.audience ?? rule.defaultAudience;
  if (!AUDIENCES.includes(audience)) throw invalid('audience', 'đối tượng không hợp lệ', 'unknown audience');
  if (audience === 'public' && !rule.mayBePublic)
    throw invalid(
      'audience',
      `nội dung nhóm ${input.category} của Điều 46 chỉ công khai trong cơ quan, không đưa lên cổng thông tin`,
      `category ${input.category} of Art. 46 is published inside the agency only, not on the public portal`,
    );
  if (audience === 'unit') {
    if (!input.unitId) throw invalid('unitId', 'hãy chọn đơn vị được công khai', 'choose the unit the item is addressed to');
    const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
    if (!u) throw invalid('unitId', 'không có đơn vị này', 'no such unit');
  }
  if (compareIsoDates(input.decidedOn, ctx.today) > 0)
    throw invalid('decidedOn', 'ngày quyết định không được sau hôm nay', 'the decision date cannot be in the future');
  if (!input.channels.length)
    throw invalid('channels', 'chọn ít nhất một hình thức công khai (Điều 47 khoản 1)', 'choose at least one form (Art. 47(1))');
  for (const c of input.channels) if (!CHANNELS.includes(c)) throw invalid('channels', 'hình thức không hợp lệ', 'unknown form');
  if (input.sourceDocumentId) {
    const s = await legalDocumentStates(tx, [input.sourceDocumentId]);
    if (!s.size) throw invalid('sourceDocumentId', 'văn bản không có trong danh mục', 'the document is not in the registry');
  }
  if (input.sourceFileId) {
    const [f] = await tx
      .select({ id: attachments.id, entityType: attachments.entityType })
      .from(attachments)
      .where(eq(attachments.id, input.sourceFileId));
    if (!f || (f.entityType && f.entityType !== 'disclosure'))
      throw invalid('sourceFileId', 'tệp không tồn tại hoặc thuộc hồ sơ khác', 'the file does not exist or belongs to another record');
  }
  const pb = publishBy(input.decidedOn, await calendarFor(tx, 'DC-PUBLISH', input.decidedOn));
  const [row] = await tx
    .insert(disclosureItems)
    .values({
      tenantId: actor.tenantId,
      title: input.title.normalize('NFC').trim(),
      summary: input.summary?.normalize('NFC').trim() || null,
      category: input.category,
      sourceRef: input.sourceRef.normalize('NFC').trim(),
      sourceDocumentId: input.sourceDocumentId ?? null,
      sourceFileId: input.sourceFileId ?? null,
      decidedOn: input.decidedOn,
      audience,
      unitId: audience === 'unit' ? input.unitId! : null,
      channels: [...new Set(input.channels)],
      keepPosted: input.keepPosted ?? false,
      publishBy: pb.due,
      publishByExplanation: [...pb.explanation],
      originModule: input.origin?.module ?? null,
      originId: input.origin?.id ?? null,
      createdBy: actor.userId,
    })
    .returning();
  if (input.sourceFileId)
    await tx.update(attachments).set({ entityType: 'disclosure', entityId: row!.id }).where(eq(attachments.id, input.sourceFileId));
  await indexItem(tx, row!);
  await recordAudit(tx, who, {
    action: 'disclosure.create',
    entityType: 'disclosure',
    entityId: row!.id,
    summary: `${row!.title} (nhóm ${row!.category}, hạn công khai ${formatDmy(row!.publishBy)})`,
    after: row,
  });
  return row!;
}

/** Post an item: first day of posting, and the end of the minimum period (Art. 48(1); Art. 13(2)). */
export async function postItem(
  ctx: ActorContext,
  id: string,
  input: { version: number; postedOn?: string; postedUntil?: string | null },
  opts: { trusted?: boolean } = {},
) {
  const { tx, actor, who, today } = ctx;
  const [before] = await tx.select().from(disclosureItems).where(eq(disclosureItems.id, id));
  if (!before || (!opts.trusted && !mayRead(actor, before))) throw new AppError('NOT_FOUND');
  if (!opts.trusted && !can(actor, 'disclosures.manage')) throw new AppError('FORBIDDEN');
  if (before.version !== input.version) throw new AppError('STALE_VERSION');
  if (before.status !== 'draft') throw new AppError('DISCLOSURE_WRONG_STATE');
  const postedOn = input.postedOn ?? today;
  if (compareIsoDates(postedOn, before.decidedOn) < 0)
    throw invalid('postedOn', 'ngày đăng không được trước ngày quyết định', 'posting cannot start before the decision');
  if (compareIsoDates(postedOn, today) > 0)
    throw invalid('postedOn', 'ngày đăng không được sau hôm nay', 'posting cannot start in the future');
  const { communeLevel } = await settingsOf(tx);
  const min = minimumPostedUntil(postedOn, communeLevel, await calendarFor(tx, 'DC-POST-MIN', postedOn, communeLevel));
  const until = input.postedUntil ?? min.due;
  if (compareIsoDates(until, min.due) < 0)
    throw invalid(
      'postedUntil',
      `phải niêm yết liên tục ít nhất đến hết ngày ${formatDmy(min.due)} (${communeLevel ? '30 ngày, Điều 13 khoản 2' : '20 ngày, Điều 48 khoản 1'})`,
      `must stay posted at least until ${formatDmy(min.due)} (${communeLevel ? '30 days, Art. 13(2)' : '20 days, Art. 48(1)'})`,
    );
  const explanation = [...min.explanation];
  if (until !== min.due) explanation.push(`${CHOSEN_LONGER}, đến hết ngày ${formatDmy(until)}.`);
  const [after] = await tx
    .update(disclosureItems)
    .set({
      status: 'posted',
      postedOn,
      postedUntil: until,
      postedUntilExplanation: explanation,
      version: before.version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(disclosureItems.id, id), eq(disclosureItems.version, input.version)))
    .returning();
  if (!after) throw new AppError('STALE_VERSION');
  await indexItem(tx, after);
  await recordAudit(tx, who, {
    action: 'disclosure.post',
    entityType: 'disclosure',
    entityId: id,
    summary: `${after.title}: công khai từ ${formatDmy(postedOn)} đến hết ${formatDmy(until)}${compareIsoDates(postedOn, after.publishBy) > 0 ? ' (trễ hạn)' : ''}`,
    before: { status: before.status },
    after: { status: 'posted', postedOn, postedUntil: until },
  });
  for (const p of await addressedPeople(tx, after)) {
    if (p.userId === actor.userId) continue;
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: p.userId,
      kind: 'disclosure.posted',
      title: `Công khai: ${after.title}`,
      body: 'Hãy đọc và xác nhận đã đọc.',
      link: `/disclosures/${id}`,
    });
  }
  return after;
}

/** Take an item off the board; it stays in the archive, served on request (Art. 48(4)). */
export async function withdrawItem(ctx: Context, row: ItemRow, on: string, reason: string, by: 'sweep' | 'manual'): Promise<void> {
  const [after] = await ctx.tx
    .update(disclosureItems)
    .set({ status: 'withdrawn', withdrawnOn: on, withdrawReason: reason, withdrawnBy: by, version: row.version + 1, updatedAt: new Date() })
    .where(eq(disclosureItems.id, row.id))
    .returning();
  if (after) await indexItem(ctx.tx, after);
  await recordAudit(ctx.tx, ctx.who, {
    action: by === 'sweep' ? 'disclosure.auto_withdraw' : 'disclosure.withdraw',
    entityType: 'disclosure',
    entityId: row.id,
    summary: `${row.title}: gỡ ngày ${formatDmy(on)}. ${reason}`,
    before: { status: row.status },
    after: { status: 'withdrawn', withdrawnOn: on, reason },
  });
}

export async function withdrawByHand(ctx: ActorContext, id: string, input: { version: number; reason: string }) {
  const before = await loadItem(ctx, id);
  if (!can(ctx.actor, 'disclosures.manage')) throw new AppError('FORBIDDEN');
  if (before.version !== input.version) throw new AppError('STALE_VERSION');
  if (before.status !== 'posted') throw new AppError('DISCLOSURE_WRONG_STATE');
  await withdrawItem(ctx, before, ctx.today, input.reason, 'manual');
}

/** A read receipt (idempotent): only for a posted item addressed to the person. */
export async function acknowledge(ctx: ActorContext, id: string): Promise<void> {
  const { tx, actor, who } = ctx;
  const r = await loadItem(ctx, id);
  if (r.status !== 'posted' || !isAddressed(actor, r)) throw new AppError('FORBIDDEN');
  const inserted = await tx
    .insert(disclosureReceipts)
    .values({ tenantId: actor.tenantId, itemId: id, userId: actor.userId })
    .onConflictDoNothing()
    .returning();
  if (inserted.length)
    await recordAudit(tx, who, { action: 'disclosure.acknowledge', entityType: 'disclosure', entityId: id, summary: `Đã đọc: ${r.title}` });
}

/** Office people to tell about a request. */
async function officePeople(tx: Tx): Promise<string[]> {
  const rows = await tx.select({ userId: roleAssignments.userId }).from(roleAssignments).where(eq(roleAssignments.role, 'office'));
  return [...new Set(rows.map((r) => r.userId))];
}

/** A staff member asks for a withdrawn item, or one that should have been published (Art. 48(4)). */
export async function requestItem(ctx: ActorContext, id: string, input: { reason: string }): Promise<void> {
  const { tx, actor, who, today } = ctx;
  const [r] = await tx.select().from(disclosureItems).where(eq(disclosureItems.id, id));
  const overdue = r?.status === 'draft' && compareIsoDates(r.publishBy, today) < 0;
  if (!r || !isAddressed(actor, r) || (r.status === 'draft' && !overdue && !mayRead(actor, r))) throw new AppError('NOT_FOUND');
  if (r.status === 'posted' || (r.status === 'draft' && !overdue)) throw new AppError('DISCLOSURE_WRONG_STATE');
  const [q] = await tx
    .insert(disclosureRequests)
    .values({ tenantId: actor.tenantId, itemId: id, requestedBy: actor.userId, reason: input.reason })
    .returning();
  await recordAudit(tx, who, {
    action: 'disclosure.request',
    entityType: 'disclosure',
    entityId: id,
    summary: `Yêu cầu cung cấp thông tin: ${r.title}`,
    after: { requestId: q!.id, reason: input.reason },
  });
  for (const u of await officePeople(tx))
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: u,
      kind: 'disclosure.request',
      title: `${actor.fullName} yêu cầu cung cấp: ${r.title}`,
      body: input.reason,
      link: `/disclosures/${id}`,
    });
}

/** The Office answers a request; from then on the requester may download the source (Art. 48(4)). */
export async function answerRequest(ctx: ActorContext, requestId: string, input: { answer: string }): Promise<void> {
  const { tx, actor, who } = ctx;
  if (!can(actor, 'disclosures.manage')) throw new AppError('FORBIDDEN');
  const [q] = await tx.select().from(disclosureRequests).where(eq(disclosureRequests.id, requestId));
  if (!q) throw new AppError('NOT_FOUND');
  if (q.answeredAt) throw new AppError('DISCLOSURE_WRONG_STATE');
  await tx
    .update(disclosureRequests)
    .set({ answer: input.answer, answeredBy: actor.userId, answeredAt: new Date() })
    .where(eq(disclosureRequests.id, requestId));
  await recordAudit(tx, who, {
    action: 'disclosure.answer',
    entityType: 'disclosure',
    entityId: q.itemId,
    summary: 'Trả lời yêu cầu cung cấp thông tin',
    before: { requestId, reason: q.reason },
    after: { requestId, answer: input.answer },
  });
  await notify(tx, {
    tenantId: actor.tenantId,
    userId: q.requestedBy,
    kind: 'disclosure.answer',
    title: 'Văn phòng đã trả lời yêu cầu cung cấp thông tin',
    body: input.answer,
    link: `/disclosures/${q.itemId}`,
  });
}

/** The calendar changed: publish-by days of items not yet posted move with it. */
export async function recomputePublishBy(ctx: Context): Promise<number> {
  const drafts = await ctx.tx.select().from(disclosureItems).where(eq(disclosureItems.status, 'draft'));
  let moved = 0;
  for (const r of drafts) {
    const pb = publishBy(r.decidedOn, await calendarFor(ctx.tx, 'DC-PUBLISH', r.decidedOn));
    if (pb.due === r.publishBy) continue;
    moved++;
    await ctx.tx
      .update(disclosureItems)
      .set({ publishBy: pb.due, publishByExplanation: [...pb.explanation], updatedAt: new Date() })
      .where(eq(disclosureItems.id, r.id));
    await recordAudit(ctx.tx, ctx.who, {
      action: 'disclosure.recompute',
      entityType: 'disclosure',
      entityId: r.id,
      summary: `${r.title}: hạn công khai ${formatDmy(r.publishBy)} → ${formatDmy(pb.due)} do lịch nghỉ thay đổi`,
      before: { publishBy: r.publishBy },
      after: { publishBy: pb.due },
    });
  }
  return moved;
}

/**
 * The calendar changed: the end of the minimum posting period (DC-POST-MIN, Art. 48(1); Art.
 * 13(2) at commune level) of items still posted moves with it, as case deadlines do — 20 (30)
 * days rolling off a day off. A period the Office chose longer than the minimum stays, unless the
 * new minimum now runs past it. Audited per item.
 */
export async function recomputePostedUntil(ctx: Context): Promise<number> {
  const posted = await ctx.tx.select().from(disclosureItems).where(eq(disclosureItems.status, 'posted'));
  if (!posted.length) return 0;
  const { communeLevel } = await settingsOf(ctx.tx);
  let moved = 0;
  for (const r of posted) {
    if (!r.postedOn || !r.postedUntil) continue;
    const min = minimumPostedUntil(r.postedOn, communeLevel, await calendarFor(ctx.tx, 'DC-POST-MIN', r.postedOn, communeLevel));
    const chosen = (r.postedUntilExplanation ?? []).some((l) => l.startsWith(CHOSEN_LONGER));
    if (chosen ? compareIsoDates(min.due, r.postedUntil) <= 0 : min.due === r.postedUntil) continue;
    moved++;
    await ctx.tx
      .update(disclosureItems)
      .set({ postedUntil: min.due, postedUntilExplanation: [...min.explanation], version: r.version + 1, updatedAt: new Date() })
      .where(eq(disclosureItems.id, r.id));
    await recordAudit(ctx.tx, ctx.who, {
      action: 'disclosure.recompute',
      entityType: 'disclosure',
      entityId: r.id,
      summary: `${r.title}: niêm yết đến hết ${formatDmy(r.postedUntil)} → ${formatDmy(min.due)} do lịch nghỉ thay đổi`,
      before: { postedUntil: r.postedUntil },
      after: { postedUntil: min.due },
    });
  }
  return moved;
}

/** Items posted now, for the notice-board sheet and the portal. */
export async function postedItems(tx: Tx, audience?: 'public'): Promise<ItemRow[]> {
  return tx
    .select()
    .from(disclosureItems)
    .where(and(eq(disclosureItems.status, 'posted'), ...(audience ? [eq(disclosureItems.audience, audience)] : [])))
    .orderBy(desc(disclosureItems.postedOn), asc(disclosureItems.title));
}

/** Items first posted within a quarter (posted or since withdrawn), for the commune's Art. 13 list. */
export async function publishedInQuarter(tx: Tx, year: number, quarter: number): Promise<ItemRow[]> {
  const { from, to } = quarterRange(year, quarter);
  return tx
    .select()
    .from(disclosureItems)
    .where(and(gte(disclosureItems.postedOn, from), lte(disclosureItems.postedOn, to)))
    .orderBy(asc(disclosureItems.postedOn), asc(disclosureItems.title));
}

/** Posted items addressed to this person that they have not acknowledged. */
export async function awaitingMyAcknowledgement(ctx: ActorContext): Promise<number> {
  const rows = (await postedItems(ctx.tx)).filter((r) => isAddressed(ctx.actor, r));
  if (!rows.length) return 0;
  const read = await ctx.tx
    .select({ itemId: disclosureReceipts.itemId })
    .from(disclosureReceipts)
    .where(
      and(
        eq(disclosureReceipts.userId, ctx.actor.userId),
        inArray(
          disclosureReceipts.itemId,
          rows.map((r) => r.id),
        ),
      ),
    );
  return rows.length - read.length;
}

/** Requests not yet answered (for the Office's dashboard). */
export async function openRequests(tx: Tx): Promise<number> {
  const rows = await tx.select({ id: disclosureRequests.id }).from(disclosureRequests).where(isNull(disclosureRequests.answeredAt));
  return rows.length;
}
