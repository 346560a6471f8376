/**
 * The staff conference (Hội nghị cán bộ, công chức, viên chức, người lao động; Law 10/2022/QH15
 * Arts. 50–52): convening, attendance and quorum, the Art. 51(4) agenda, votes on the resolution
 * items, the written ballot after two convocations without quorum, the resolution, its 6-monthly
 * reviews and the People's Inspection Board election result. Every change is audited.
 */
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TConference,
  TConferenceSummary,
  ZAdopt,
  ZAgendaUpdate,
  ZAddDocument,
  ZAttendance,
  ZCreateConference,
  ZRecordElection,
  ZRecordReview,
  ZSetDelegates,
  ZVote,
  ZWrittenBallot,
} from '../../../contracts/conferences';
import { diffDays, formatDmy, type WorkingCalendar } from '../../../domain';
import {
  ANNUAL_AGENDA,
  conveningRule,
  extraordinaryProposalValid,
  itemPassed,
  quorumMet,
  quorumOf,
  writtenBallotAllowed,
} from '../../../domain/conference';
import { computeDeadline, type DeadlineResult, deadlineYears } from '../../../domain/deadlines';
import { recordAudit } from '../../platform/audit';
import type { Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import type { ActorContext, Context } from '../../platform/module';
import { notify } from '../../platform/notify';
import { can, type Actor } from '../../platform/roles';
import { attachments, roleAssignments, units, users } from '../../platform/tables';
import { workingCalendarFor } from '../calendar';
import { mayManageConferences, mayReviewResolution } from './policy';
import { conferenceDocuments, conferenceItems, conferenceReviews, conferences } from './tables';

type Row = typeof conferences.$inferSelect;
type ItemRow = typeof conferenceItems.$inferSelect;

export async function deadline(tx: Tx, ruleId: string, trigger: string, occurrence?: number): Promise<DeadlineResult> {
  const input = { trigger, ...(occurrence ? { occurrence } : {}) };
  const cal = await workingCalendarFor(tx, deadlineYears(ruleId, input));
  return computeDeadline(ruleId, input, () => cal);
}

/** DC-CONF: the conference of year Y closes work year Y−1, no later than 3 months after it (Art. 51(1)). */
export function conferenceDue(tx: Tx, year: number): Promise<DeadlineResult> {
  return deadline(tx, 'DC-CONF', `${year - 1}-12-31`);
}

/** The people the vote counts against: those present, or every staff member asked by written ballot (Art. 50(2)). */
const voteBase = (c: Row) => (c.format === 'written_ballot' ? c.convened : (c.present ?? 0));
const hasQuorum = (c: Row) => (c.format === 'written_ballot' ? (c.present ?? 0) > 0 : quorumMet(c.convened, c.present ?? 0));

function presentItem(c: Row, i: ItemRow) {
  const voted = i.yes !== null;
  return { id: i.id, title: i.title, yes: i.yes, no: i.no, abstain: i.abstain, passed: voted ? itemPassed(voteBase(c), i.yes ?? 0) : null };
}

async function summaryOf(tx: Tx, c: Row, items: ItemRow[]): Promise<TConferenceSummary> {
  const due = c.kind === 'annual' ? (await conferenceDue(tx, c.year)).due : null;
  return {
    id: c.id,
    year: c.year,
    kind: c.kind as TConferenceSummary['kind'],
    title: c.title,
    scheduledOn: c.scheduledOn,
    heldOn: c.heldOn,
    convened: c.convened,
    present: c.present,
    quorumMet: hasQuorum(c),
    format: c.format as TConferenceSummary['format'],
    dueOn: due,
    onTime: due && c.heldOn && hasQuorum(c) ? c.heldOn <= due : null,
    resolutions: items.map((i) => presentItem(c, i)),
  };
}

async function load(tx: Tx, id: string): Promise<Row> {
  const [c] = await tx.select().from(conferences).where(eq(conferences.id, id));
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

const itemsOf = (tx: Tx, id: string) =>
  tx.select().from(conferenceItems).where(eq(conferenceItems.conferenceId, id)).orderBy(asc(conferenceItems.position));

export async function listConferences({ tx }: Context): Promise<{ items: TConferenceSummary[] }> {
  const rows = await tx.select().from(conferences).orderBy(desc(conferences.year), desc(conferences.scheduledOn));
  const items = await tx.select().from(conferenceItems).orderBy(asc(conferenceItems.position));
  const out: TConferenceSummary[] = [];
  for (const c of rows)
    out.push(
      await summaryOf(
        tx,
        c,
        items.filter((i) => i.conferenceId === c.id),
      ),
    );
  return { items: out };
}

/**
 * The adopted resolutions of the conferences held since `fromYear` with the number of reviews
 * each had, as one json expression (a dashboard `ask`: issue #17, the card once read each
 * conference in full).
 */
export function adoptedResolutionsSql(fromYear: number): SQL {
  return sql`select coalesce(json_agg(json_build_object('adoptedOn', c.adopted_on, 'reviews',
      (select count(*)::int from ${conferenceReviews} r where r.conference_id = c.id))), '[]'::json)
    from ${conferences} c where c.year >= ${fromYear} and c.adopted_on is not null`;
}

/**
 * The conferences from `fromYear`, as `listConferences` orders them, with what the pillar card
 * needs (the resolution's adoption and how many reviews it had), as one json expression (issue #17).
 */
export function recentConferencesSql(fromYear: number): SQL {
  return sql`select coalesce(json_agg(json_build_object('id', c.id, 'title', c.title, 'year', c.year, 'heldOn', c.held_on,
      'adoptedOn', c.adopted_on, 'reviews', (select count(*)::int from ${conferenceReviews} r where r.conference_id = c.id))
      order by c.year desc, c.scheduled_on desc), '[]'::json)
    from ${conferences} c where c.year >= ${fromYear}`;
}

/** The next 6-monthly review of a resolution (DC-RES-REVIEW, Art. 52(3)), as `getConference` says it, from the calendar (pure). */
export function nextReviewOf(
  c: { adoptedOn: string | null; reviews: number },
  calendar: (years: number[]) => WorkingCalendar,
  today: string,
): { occurrence: number; dueOn: string; overdue: boolean } | null {
  if (!c.adoptedOn) return null;
  const input = { trigger: c.adoptedOn, occurrence: c.reviews + 1 };
  const cal = calendar(deadlineYears('DC-RES-REVIEW', input));
  const due = computeDeadline('DC-RES-REVIEW', input, () => cal).due;
  return { occurrence: input.occurrence, dueOn: due, overdue: due < today };
}

/**
 * How many of those resolutions have their next 6-monthly review (DC-RES-REVIEW, Art. 52(3)) due
 * on or before `by` — what `getConference` says as `nextReview` — from `adoptedResolutionsSql`'s
 * answer and the calendar (pure).
 */
export function countReviewsDue(
  rows: { adoptedOn: string; reviews: number }[],
  calendar: (years: number[]) => WorkingCalendar,
  by: string,
): number {
  if (rows.length === 0) return 0;
  const inputs = rows.map((r) => ({ trigger: r.adoptedOn, occurrence: r.reviews + 1 }));
  const cal = calendar([...new Set(inputs.flatMap((i) => deadlineYears('DC-RES-REVIEW', i)))]);
  return inputs.filter((i) => computeDeadline('DC-RES-REVIEW', i, () => cal).due <= by).length;
}

export async function getConference(ctx: ActorContext, id: string): Promise<TConference> {
  const { tx, actor, today } = ctx;
  const c = await load(tx, id);
  const items = await itemsOf(tx, id);
  const summary = await summaryOf(tx, c, items);
  const reviews = await tx
    .select()
    .from(conferenceReviews)
    .where(eq(conferenceReviews.conferenceId, id))
    .orderBy(asc(conferenceReviews.occurrence));
  const rule = conveningRule(c.staffTotal);
  const due = c.kind === 'annual' ? await conferenceDue(tx, c.year) : null;
  const next = c.adoptedOn ? await deadline(tx, 'DC-RES-REVIEW', c.adoptedOn, reviews.length + 1) : null;
  const election = c.boardElection as {
    electedOn: string;
    members: { userId?: string; name: string; position: 'chair' | 'deputy' | 'member' }[];
  } | null;
  return {
    ...summary,
    proposedBy: c.proposedBy as TConference['proposedBy'],
    proposers: c.proposers,
    staffTotal: c.staffTotal,
    conveningMode: c.conveningMode as TConference['conveningMode'],
    conveningBasis: rule.basis,
    optional: rule.optional,
    quorum: quorumOf(c.convened),
    failedConvocations: c.failedConvocations,
    writtenBallotAllowed: writtenBallotAllowed(c.failedConvocations),
    agenda: c.agenda as TConference['agenda'],
    dueExplanation: due ? [...due.explanation] : [],
    resolutionNumber: c.resolutionNumber,
    adoptedOn: c.adoptedOn,
    reviews: reviews.map((r) => ({
      id: r.id,
      occurrence: r.occurrence,
      dueOn: r.dueOn,
      reviewedOn: r.reviewedOn,
      summary: r.summary,
      staffInformedOn: r.staffInformedOn,
    })),
    nextReview: next ? { occurrence: reviews.length + 1, dueOn: next.due, overdue: next.due < today } : null,
    boardElection: election
      ? {
          electedOn: election.electedOn,
          members: election.members.map((m) => ({ userId: m.userId ?? null, name: m.name, position: m.position })),
          recognizeBy: (await deadline(tx, 'BTTND-RECOG', election.electedOn)).due,
        }
      : null,
    convenedList: await convenedListOf(tx, c),
    documents: await documentsOf(tx, c),
    version: c.version,
    abilities: { manage: mayManageConferences(actor) && !c.adoptedOn, review: mayReviewResolution(actor) && !!c.adoptedOn },
  };
}

/** Art. 51(2): all staff (the agency's accounts, for the roll call) or the delegates named. */
async function convenedListOf(tx: Tx, c: Row): Promise<TConference['convenedList']> {
  const mode = c.conveningMode as 'all' | 'delegates';
  const where = mode === 'delegates' ? (c.delegateIds.length ? inArray(users.id, c.delegateIds) : undefined) : eq(users.isActive, true);
  const people = where ? await tx.select({ id: users.id, name: users.fullName }).from(users).where(where) : [];
  people.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { mode, people, named: mode === 'delegates' ? c.delegateIds.length : c.convened };
}

/**
 * The people convened, to be told of what is circulated (Art. 51(2)): the delegates named, or —
 * when all are convened — every active person of the agency (an account holding only the
 * administrator role is not one of its people).
 */
export async function convenedPeopleIds(tx: Tx, c: Pick<Row, 'conveningMode' | 'delegateIds'>): Promise<string[]> {
  if (c.conveningMode === 'delegates') {
    if (!c.delegateIds.length) return [];
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, c.delegateIds), eq(users.isActive, true)));
    return rows.map((r) => r.id);
  }
  const rows = await tx
    .select({ id: users.id, role: roleAssignments.role })
    .from(users)
    .innerJoin(roleAssignments, and(eq(roleAssignments.tenantId, users.tenantId), eq(roleAssignments.userId, users.id)))
    .where(eq(users.isActive, true));
  return [...new Set(rows.filter((r) => r.role !== 'admin').map((r) => r.id))];
}

async function documentsOf(tx: Tx, c: Row): Promise<TConference['documents']> {
  const rows = await tx
    .select({ d: conferenceDocuments, filename: attachments.filename })
    .from(conferenceDocuments)
    .innerJoin(attachments, and(eq(attachments.tenantId, conferenceDocuments.tenantId), eq(attachments.id, conferenceDocuments.fileId)))
    .where(eq(conferenceDocuments.conferenceId, c.id))
    .orderBy(asc(conferenceDocuments.circulatedOn), asc(conferenceDocuments.createdAt));
  const meets = c.heldOn ?? c.scheduledOn;
  return rows.map(({ d, filename }) => ({
    id: d.id,
    title: d.title,
    fileId: d.fileId,
    filename,
    circulatedOn: d.circulatedOn,
    daysBefore: diffDays(d.circulatedOn, meets),
  }));
}

/**
 * Who may open a conference's circulated documents (the `conference` attachment guard): every
 * staff member who reads the conferences, from the day the document is circulated, before the
 * conference meets (Art. 51: staff come prepared to discuss the reports and drafts).
 */
export async function mayOpenConferenceFile(ctx: { tx: Tx; actor: Actor }, conferenceId: string): Promise<boolean> {
  if (!can(ctx.actor, 'conferences.read')) return false;
  const [c] = await ctx.tx.select({ id: conferences.id }).from(conferences).where(eq(conferences.id, conferenceId));
  return !!c;
}

/** Circulate a document before the conference (an uploaded file); the Office keeps the record. */
export async function addDocument(ctx: ActorContext, id: string, input: z.infer<typeof ZAddDocument>): Promise<TConference> {
  const c = await load(ctx.tx, id);
  mustManage(ctx, c);
  const circulatedOn = input.circulatedOn ?? ctx.today;
  if (circulatedOn > ctx.today) throw invalid('circulatedOn', 'sau ngày hôm nay', 'after today');
  const [f] = await ctx.tx
    .select({ id: attachments.id, entityType: attachments.entityType, entityId: attachments.entityId })
    .from(attachments)
    .where(eq(attachments.id, input.fileId));
  if (!f || (f.entityType && !(f.entityType === 'conference' && f.entityId === id)))
    throw invalid('fileId', 'tệp không tồn tại hoặc thuộc hồ sơ khác', 'the file does not exist or belongs to another record');
  const [row] = await ctx.tx
    .insert(conferenceDocuments)
    .values({
      tenantId: ctx.who.tenantId,
      conferenceId: id,
      title: input.title.normalize('NFC').trim(),
      fileId: input.fileId,
      circulatedOn,
      addedBy: ctx.actor.userId,
    })
    .returning();
  await ctx.tx.update(attachments).set({ entityType: 'conference', entityId: id }).where(eq(attachments.id, input.fileId));
  await recordAudit(ctx.tx, ctx.who, {
    action: 'conference.document_add',
    entityType: 'conference',
    entityId: id,
    summary: `Gửi tài liệu trước hội nghị: ${row!.title} (${formatDmy(circulatedOn)})`,
    after: row,
  });
  // Art. 51: those convened read the reports and drafts before the conference; each is told in the app.
  const meets = c.heldOn ?? c.scheduledOn;
  for (const userId of await convenedPeopleIds(ctx.tx, c)) {
    if (userId === ctx.actor.userId) continue;
    await notify(ctx.tx, {
      tenantId: ctx.who.tenantId,
      userId,
      kind: 'conference.document',
      title: `Tài liệu hội nghị: ${row!.title}`,
      body: `${c.title} — họp ngày ${formatDmy(meets)}. Hãy đọc trước khi dự hội nghị.`,
      link: `/conferences/${id}`,
    });
  }
  return getConference(ctx, id);
}

export async function removeDocument(ctx: ActorContext, id: string, documentId: string): Promise<TConference> {
  const c = await load(ctx.tx, id);
  mustManage(ctx, c);
  const [d] = await ctx.tx
    .delete(conferenceDocuments)
    .where(and(eq(conferenceDocuments.conferenceId, id), eq(conferenceDocuments.id, documentId)))
    .returning();
  if (!d) throw new AppError('NOT_FOUND');
  await recordAudit(ctx.tx, ctx.who, {
    action: 'conference.document_remove',
    entityType: 'conference',
    entityId: id,
    summary: `Gỡ tài liệu: ${d.title}`,
    before: d,
  });
  return getConference(ctx, id);
}

/** Art. 51(2): from 100 staff, the delegates agreed with the union are convened by name, as many as agreed. */
export async function setDelegates(ctx: ActorContext, id: string, input: z.infer<typeof ZSetDelegates>): Promise<TConference> {
  const c = await load(ctx.tx, id);
  mustManage(ctx, c);
  checkVersion(c, input.version);
  if (c.conveningMode !== 'delegates')
    throw invalid(
      'delegateIds',
      'dưới 100 người thì triệu tập toàn thể (Điều 51 khoản 2)',
      'below 100 staff all are convened (Art. 51(2))',
    );
  if (c.present !== null) throw invalid('delegateIds', 'đã ghi số người dự', 'attendance is already recorded');
  const ids = [...new Set(input.delegateIds)];
  if (ids.length !== c.convened)
    throw invalid('delegateIds', `cần đúng ${c.convened} đại biểu đã thống nhất`, `exactly the ${c.convened} delegates agreed are needed`);
  const found = await ctx.tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.isActive, true)));
  if (found.length !== ids.length)
    throw invalid('delegateIds', 'có người không thuộc cơ quan', 'someone is not one of the agency’s people');
  return save(ctx, c, { delegateIds: ids }, 'delegates', `Danh sách ${ids.length} đại biểu được triệu tập`);
}

function mustManage(ctx: ActorContext, c?: Row): void {
  if (!mayManageConferences(ctx.actor)) throw new AppError('FORBIDDEN');
  if (c?.adoptedOn) throw new AppError('CONFERENCE_ADOPTED');
}

function checkVersion(c: Row, version: number): void {
  if (c.version !== version) throw new AppError('STALE_VERSION');
}

/** Staff of the agency: the staff counts of the units in force (as the org dashboard counts them). */
export async function staffInForce(tx: Tx, today: string): Promise<number> {
  const all = await tx.select({ validFrom: units.validFrom, validTo: units.validTo, staff: units.staffCount }).from(units);
  return all.filter((u) => u.validFrom <= today && (u.validTo === null || u.validTo >= today)).reduce((s, u) => s + u.staff, 0);
}

async function save(ctx: ActorContext, before: Row, patch: Partial<Row>, action: string, summary: string): Promise<TConference> {
  const [after] = await ctx.tx
    .update(conferences)
    .set({ ...patch, version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(conferences.id, before.id), eq(conferences.version, before.version)))
    .returning();
  if (!after) throw new AppError('STALE_VERSION');
  await recordAudit(ctx.tx, ctx.who, {
    action: `conference.${action}`,
    entityType: 'conference',
    entityId: before.id,
    summary,
    before: patch && pick(before, patch),
    after: patch,
  });
  return getConference(ctx, before.id);
}

function pick(row: Row, patch: Partial<Row>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof Row]]));
}

export async function createConference(ctx: ActorContext, input: z.infer<typeof ZCreateConference>): Promise<TConference> {
  mustManage(ctx);
  const { tx, who, today } = ctx;
  const staffTotal = input.staffTotal ?? (await staffInForce(tx, today));
  if (input.kind === 'annual') {
    const [dup] = await tx
      .select({ id: conferences.id })
      .from(conferences)
      .where(and(eq(conferences.year, input.year), eq(conferences.kind, 'annual')));
    if (dup) throw new AppError('CONFERENCE_ANNUAL_EXISTS', { params: { year: input.year } });
  } else {
    // Art. 50(1), 51(1): an extraordinary session on a proposal of the union, the head or ≥ 1/3 of staff.
    if (!input.proposedBy)
      throw invalid('proposedBy', 'hội nghị bất thường cần nêu ai đề nghị', 'an extraordinary session needs its proposer');
    if (!extraordinaryProposalValid(input.proposedBy, input.proposers ?? 0, staffTotal))
      throw invalid(
        'proposers',
        `cần ít nhất 1/3 số người lao động (${Math.ceil(staffTotal / 3)} / ${staffTotal}) đề nghị (Điều 50 khoản 1)`,
        `at least one third of staff (${Math.ceil(staffTotal / 3)} of ${staffTotal}) must propose it (Art. 50(1))`,
      );
  }
  const rule = conveningRule(staffTotal);
  // Art. 51(2): delegates only from 100 staff, as agreed with the union.
  if (input.delegates && rule.mode === 'all')
    throw invalid('delegates', 'dưới 100 người thì triệu tập toàn thể (Điều 51 khoản 2)', 'below 100 staff all are convened (Art. 51(2))');
  if (input.delegates && input.delegates > staffTotal) throw invalid('delegates', 'nhiều hơn số người lao động', 'more than the staff');
  const agenda =
    input.kind === 'annual'
      ? ANNUAL_AGENDA.map((a) => ({ key: a.key, title: a.title, done: false }))
      : [
          { key: 'decide_art49', title: 'Thảo luận, quyết định nội dung được đề nghị', done: false },
          { key: 'adopt_resolution', title: 'Thông qua nghị quyết hội nghị', done: false },
        ];
  const title =
    input.title ||
    (input.kind === 'annual'
      ? `Hội nghị cán bộ, công chức, viên chức, người lao động năm ${input.year}`
      : `Hội nghị cán bộ, công chức, viên chức, người lao động bất thường năm ${input.year}`);
  const [row] = await tx
    .insert(conferences)
    .values({
      tenantId: who.tenantId,
      year: input.year,
      kind: input.kind,
      proposedBy: input.kind === 'extraordinary' ? (input.proposedBy ?? null) : null,
      proposers: input.kind === 'extraordinary' ? (input.proposers ?? null) : null,
      title,
      scheduledOn: input.scheduledOn,
      staffTotal,
      conveningMode: input.delegates ? 'delegates' : 'all',
      convened: input.delegates ?? staffTotal,
      agenda,
    })
    .returning();
  await recordAudit(tx, who, { action: 'conference.create', entityType: 'conference', entityId: row!.id, summary: title, after: row });
  return getConference(ctx, row!.id);
}

/**
 * Record a convocation's attendance. Without quorum (Art. 51(3)) the convocation counts as failed;
 * after the second the written ballot of all staff opens (Art. 50(2)).
 */
export async function recordAttendance(ctx: ActorContext, id: string, input: z.infer<typeof ZAttendance>): Promise<TConference> {
  const c = await load(ctx.tx, id);
  mustManage(ctx, c);
  checkVersion(c, input.version);
  if (input.present > c.convened)
    throw invalid('present', `nhiều hơn số được triệu tập (${c.convened})`, `more than those convened (${c.convened})`);
  if (c.format === 'written_ballot') throw new AppError('CONFERENCE_NO_QUORUM');
  if (input.heldOn > ctx.today) throw invalid('heldOn', 'sau ngày hôm nay', 'after today');
  const met = quorumMet(c.convened, input.present);
  if ((await itemsOf(ctx.tx, id)).some((i) => i.yes !== null))
    throw invalid('present', 'đã biểu quyết theo số người dự này', 'votes were already taken with this attendance');
  const patch: Partial<Row> = {
    heldOn: input.heldOn,
    present: input.present,
    failedConvocations: met ? c.failedConvocations : c.failedConvocations + 1,
  };
  const msg = met
    ? `Dự ${input.present}/${c.convened}: đủ 2/3`
    : `Dự ${input.present}/${c.convened}: không đủ 2/3 (lần triệu tập thứ ${c.failedConvocations + 1} không thành)`;
  return save(ctx, c, patch, 'attendance', msg);
}

/** Art. 50(2): the written ballot of all staff, once the second convocation has failed. */
export async function recordWrittenBallot(ctx: ActorContext, id: string, input: z.infer<typeof ZWrittenBallot>): Promise<TConference> {
  const c = await load(ctx.tx, id);
  mustManage(ctx, c);
  checkVersion(c, input.version);
  if (!writtenBallotAllowed(c.failedConvocations))
    throw invalid(
      'format',
      'chỉ lấy ý kiến bằng văn bản khi triệu tập lần thứ hai vẫn không đủ 2/3 (Điều 50 khoản 2)',
      'a written ballot only after the second convocation lacks quorum (Art. 50(2))',
    );
  if (input.returned > c.staffTotal)
    throw invalid('returned', `nhiều hơn số người lao động (${c.staffTotal})`, `more than the staff (${c.staffTotal})`);
  return save(
    ctx,
    c,
    { format: 'written_ballot', convened: c.staffTotal, present: input.returned, heldOn: input.heldOn },
    'written_ballot',
    `Lấy ý kiến bằng văn bản: ${input.returned}/${c.staffTotal} phiếu`,
  );
}

export async function updateAgenda(ctx: ActorContext, id: string, input: z.infer<typeof ZAgendaUpdate>): Promise<TConference> {
  const c = await load(ctx.tx, id);
  mustManage(ctx, c);
  checkVersion(c, input.version);
  const agenda = (c.agenda as { key: string; title: string; done: boolean }[]).map((a) => ({ ...a, done: input.done.includes(a.key) }));
  return save(ctx, c, { agenda }, 'agenda', `Chương trình: ${agenda.filter((a) => a.done).length}/${agenda.length} nội dung đã thực hiện`);
}

export async function addItem(ctx: ActorContext, id: string, title: string): Promise<TConference> {
  const c = await load(ctx.tx, id);
  mustManage(ctx, c);
  const items = await itemsOf(ctx.tx, id);
  const [row] = await ctx.tx
    .insert(conferenceItems)
    .values({ tenantId: ctx.who.tenantId, conferenceId: id, position: items.length + 1, title })
    .returning();
  await recordAudit(ctx.tx, ctx.who, {
    action: 'conference_item.create',
    entityType: 'conference',
    entityId: id,
    summary: title,
    after: row,
  });
  return getConference(ctx, id);
}

/** Record the vote on one item; it passes only with more than half of those present (Art. 51(3)). */
export async function voteItem(ctx: ActorContext, id: string, itemId: string, input: z.infer<typeof ZVote>): Promise<TConference> {
  const c = await load(ctx.tx, id);
  mustManage(ctx, c);
  if (!hasQuorum(c)) throw new AppError('CONFERENCE_NO_QUORUM');
  const [item] = await ctx.tx
    .select()
    .from(conferenceItems)
    .where(and(eq(conferenceItems.conferenceId, id), eq(conferenceItems.id, itemId)));
  if (!item) throw new AppError('NOT_FOUND');
  const total = input.yes + input.no + input.abstain;
  if (total > (c.present ?? 0))
    throw invalid(
      'yes',
      `tổng số phiếu (${total}) vượt số người dự (${c.present})`,
      `the votes (${total}) exceed those present (${c.present})`,
    );
  await ctx.tx
    .update(conferenceItems)
    .set({ yes: input.yes, no: input.no, abstain: input.abstain, votedOn: c.heldOn })
    .where(and(eq(conferenceItems.conferenceId, id), eq(conferenceItems.id, itemId)));
  const passed = itemPassed(voteBase(c), input.yes);
  await recordAudit(ctx.tx, ctx.who, {
    action: 'conference_item.vote',
    entityType: 'conference',
    entityId: id,
    summary: `${item.title}: ${input.yes} tán thành, ${input.no} không, ${input.abstain} không biểu quyết — ${passed ? 'thông qua' : 'không thông qua'}`,
    before: { yes: item.yes, no: item.no, abstain: item.abstain },
    after: input,
  });
  return getConference(ctx, id);
}

export async function adoptResolution(ctx: ActorContext, id: string, input: z.infer<typeof ZAdopt>): Promise<TConference> {
  const c = await load(ctx.tx, id);
  mustManage(ctx, c);
  checkVersion(c, input.version);
  if (!hasQuorum(c)) throw new AppError('CONFERENCE_NO_QUORUM');
  const items = await itemsOf(ctx.tx, id);
  if (!items.length) throw invalid('items', 'nghị quyết chưa có nội dung nào', 'the resolution has no item');
  if (items.some((i) => i.yes === null)) throw invalid('items', 'còn nội dung chưa biểu quyết', 'some items have not been voted on');
  if (c.heldOn && input.adoptedOn < c.heldOn)
    throw invalid('adoptedOn', `trước ngày họp (${formatDmy(c.heldOn)})`, `before the conference (${formatDmy(c.heldOn)})`);
  return save(
    ctx,
    c,
    { adoptedOn: input.adoptedOn, resolutionNumber: input.resolutionNumber ?? null },
    'adopt',
    `Thông qua nghị quyết ngày ${formatDmy(input.adoptedOn)}`,
  );
}

/** Art. 52(3): every 6 months the head and the union check the resolution and inform all staff. */
export async function recordReview(ctx: ActorContext, id: string, input: z.infer<typeof ZRecordReview>): Promise<TConference> {
  const c = await load(ctx.tx, id);
  if (!mayReviewResolution(ctx.actor)) throw new AppError('FORBIDDEN');
  if (!c.adoptedOn) throw new AppError('CONFERENCE_NOT_ADOPTED');
  if (input.reviewedOn < c.adoptedOn)
    throw invalid(
      'reviewedOn',
      `trước ngày thông qua nghị quyết (${formatDmy(c.adoptedOn)})`,
      `before the resolution (${formatDmy(c.adoptedOn)})`,
    );
  if (input.reviewedOn > ctx.today) throw invalid('reviewedOn', 'sau ngày hôm nay', 'after today');
  if (input.staffInformedOn && input.staffInformedOn < input.reviewedOn)
    throw invalid('staffInformedOn', 'trước ngày kiểm tra', 'before the review');
  const done = await ctx.tx
    .select({ n: conferenceReviews.occurrence })
    .from(conferenceReviews)
    .where(eq(conferenceReviews.conferenceId, id));
  const occurrence = done.length + 1;
  const due = await deadline(ctx.tx, 'DC-RES-REVIEW', c.adoptedOn, occurrence);
  const [row] = await ctx.tx
    .insert(conferenceReviews)
    .values({
      tenantId: ctx.who.tenantId,
      conferenceId: id,
      occurrence,
      dueOn: due.due,
      reviewedOn: input.reviewedOn,
      summary: input.summary,
      staffInformedOn: input.staffInformedOn ?? null,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await recordAudit(ctx.tx, ctx.who, {
    action: 'conference.review',
    entityType: 'conference',
    entityId: id,
    summary: `Kiểm tra thực hiện nghị quyết kỳ ${occurrence} (hạn ${formatDmy(due.due)})`,
    after: row,
  });
  return getConference(ctx, id);
}

/**
 * The People's Inspection Board elected by the conference (Art. 60): members are picked from the
 * agency's people, 3 to 9 of them (more only by the conference's decision, Decree 59/2023 Art.
 * 21(2)), one chair, at most one deputy (two from 9 members, Art. 21(3)). The result is handed to
 * the inspection module through `conference.board_elected` in this transaction: it checks each
 * member's eligibility (Art. 60(2)), opens the new term and closes the previous one with its
 * handover; its refusal undoes this record. Recorded once: later changes are the union's
 * (vacancies and replacements, Art. 60(3)).
 */
export async function recordElection(ctx: ActorContext, id: string, input: z.input<typeof ZRecordElection>): Promise<TConference> {
  const c = await load(ctx.tx, id);
  if (!mayManageConferences(ctx.actor)) throw new AppError('FORBIDDEN');
  checkVersion(c, input.version);
  if (c.boardElection) throw new AppError('CONFERENCE_ELECTION_RECORDED');
  if (!c.heldOn) throw invalid('electedOn', 'hội nghị chưa họp (chưa ghi số người dự)', 'the conference has not met yet (no attendance)');
  if (input.electedOn < c.heldOn)
    throw invalid('electedOn', `trước ngày họp (${formatDmy(c.heldOn)})`, `before the conference (${formatDmy(c.heldOn)})`);
  if (input.electedOn > ctx.today) throw invalid('electedOn', 'sau ngày hôm nay', 'after today');
  const n = input.members.length;
  if (n < 3)
    throw invalid('members', 'Ban Thanh tra nhân dân có từ 3 đến 9 thành viên (Điều 60)', 'the board has 3 to 9 members (Art. 60)');
  const chairs = input.members.filter((m) => m.position === 'chair').length;
  if (chairs !== 1) throw invalid('members', 'cần đúng một Trưởng ban', 'exactly one chair is needed');
  const deputies = input.members.filter((m) => m.position === 'deputy').length;
  const maxDeputies = n >= 9 ? 2 : 1;
  if (deputies > maxDeputies)
    throw invalid(
      'members',
      `tối đa ${maxDeputies} Phó Trưởng ban (Nghị định 59/2023 Điều 21 khoản 3)`,
      `at most ${maxDeputies} deputies (Decree 59/2023 Art. 21(3))`,
    );
  const people = await ctx.tx
    .select({ id: users.id, name: users.fullName })
    .from(users)
    .where(
      inArray(
        users.id,
        input.members.map((m) => m.userId),
      ),
    );
  const names = new Map(people.map((p) => [p.id, p.name]));
  input.members.forEach((m, i) => {
    if (!names.has(m.userId))
      throw invalid(`members.${i}.userId`, 'không tìm thấy người này trong cơ quan', 'no such person in the agency');
  });
  const boardElection = {
    electedOn: input.electedOn,
    members: input.members.map((m) => ({ userId: m.userId, name: names.get(m.userId)!, position: m.position })),
  };
  const [after] = await ctx.tx
    .update(conferences)
    .set({ boardElection, version: c.version + 1, updatedAt: new Date() })
    .where(and(eq(conferences.id, id), eq(conferences.version, c.version)))
    .returning();
  if (!after) throw new AppError('STALE_VERSION');
  await recordAudit(ctx.tx, ctx.who, {
    action: 'conference.election',
    entityType: 'conference',
    entityId: id,
    summary: `Bầu Ban Thanh tra nhân dân: ${boardElection.members.map((m) => m.name).join(', ')}`,
    before: c.boardElection,
    after: boardElection,
  });
  await ctx.modules.emit(ctx, 'conference.board_elected', {
    conferenceId: id,
    conferenceTitle: c.title,
    electedOn: input.electedOn,
    startsOn: input.startsOn ?? null,
    moreThanNineDecided: input.moreThanNineDecided ?? false,
    members: input.members.map((m) => ({ userId: m.userId, role: m.position })),
  });
  return getConference(ctx, id);
}
