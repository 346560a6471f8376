/**
 * The board's work (issue #11): programmes by quarter, six months and year; inspections and
 * supervisions notified at least 05 working days before they start; minutes and findings decided
 * by majority; recommendations the head answers within 15 days; documents it asks for; the staff
 * suggestion box. Law 10/2022/QH15 Arts. 61–63; Decree 59/2023/NĐ-CP Arts. 20, 22.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { compareIsoDates, formatDmy } from '../../../domain';
import type {
  TActivity,
  TBoardSummary,
  TRecommendation,
  ZActivityInput,
  ZConcludeInput,
  ZDocumentRequest,
  ZDocumentRequestInput,
  ZProgramme,
  ZProgrammeInput,
  ZRecommendationInput,
  ZSuggestion,
  ZSuggestionInput,
  ZSuggestionUpdate,
} from '../../../contracts/inspection';
import { recordAudit } from '../../platform/audit';
import type { Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import type { ActorContext, Context } from '../../platform/module';
import { notify } from '../../platform/notify';
import { abilities, authorize } from '../../platform/policy';
import { can } from '../../platform/roles';
import { units, users } from '../../platform/tables';
import { currentMembers, currentTerm, sittingMembers, unionPeople } from './board';
import { calendarAround, earliestLawfulStart } from './calendar';
import { boardDeadline } from './deadlines';
import { activityPolicy, documentRequestPolicy, isBoard, oversees, recommendationPolicy } from './policy';
import { carries, type Period, recommendationStatus } from './rules';
import {
  inspectionActivities,
  inspectionDocumentRequests,
  inspectionProgrammes,
  inspectionRecommendations,
  inspectionSuggestions,
} from './tables';

type ActivityRow = typeof inspectionActivities.$inferSelect;
type RecommendationRow = typeof inspectionRecommendations.$inferSelect;

const mustWork = (ctx: ActorContext) => {
  if (!isBoard(ctx.actor)) throw new AppError('FORBIDDEN');
};
const notAfterToday = (field: string, on: string, today: string) => {
  if (compareIsoDates(on, today) > 0) throw invalid(field, 'không sau hôm nay', 'not after today');
};

// ── Programmes ──────────────────────────────────────────────────────────────────────────────

export async function listProgrammes(ctx: ActorContext, year?: number): Promise<z.infer<typeof ZProgramme>[]> {
  if (!can(ctx.actor, 'inspection.read')) throw new AppError('FORBIDDEN');
  const rows = await ctx.tx
    .select()
    .from(inspectionProgrammes)
    .where(year ? eq(inspectionProgrammes.year, year) : undefined)
    .orderBy(desc(inspectionProgrammes.year), asc(inspectionProgrammes.period));
  const acts = await ctx.tx.select({ programmeId: inspectionActivities.programmeId }).from(inspectionActivities);
  return rows.map((p) => ({
    id: p.id,
    year: p.year,
    period: p.period as Period,
    title: p.title,
    content: p.content,
    reportedToUnionOn: p.reportedToUnionOn,
    activities: acts.filter((a) => a.programmeId === p.id).length,
  }));
}

/** The board adopts a programme (Law 10/2022 Art. 62(2)), reported to the union that directs it (Art. 62(1)). */
export async function createProgramme(ctx: ActorContext, input: z.infer<typeof ZProgrammeInput>) {
  mustWork(ctx);
  if (input.reportedToUnionOn) notAfterToday('reportedToUnionOn', input.reportedToUnionOn, ctx.today);
  const [p] = await ctx.tx
    .insert(inspectionProgrammes)
    .values({ tenantId: ctx.who.tenantId, ...input, reportedToUnionOn: input.reportedToUnionOn ?? null })
    .returning();
  await recordAudit(ctx.tx, ctx.who, {
    action: 'inspection_programme.created',
    entityType: 'inspection_programme',
    entityId: p!.id,
    summary: p!.title,
    after: p,
  });
  return { id: p!.id };
}

// ── Activities ──────────────────────────────────────────────────────────────────────────────

async function getActivity(tx: Tx, id: string): Promise<ActivityRow> {
  const [a] = await tx.select().from(inspectionActivities).where(eq(inspectionActivities.id, id));
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

async function presentActivities(ctx: ActorContext, rows: ActivityRow[]): Promise<TActivity[]> {
  const { tx, actor } = ctx;
  if (!rows.length) return [];
  const unitIds = rows.map((r) => r.subjectUnitId).filter((x): x is string => !!x);
  const unitNames = new Map(
    (unitIds.length ? await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)) : []).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const recs = await tx
    .select({ activityId: inspectionRecommendations.activityId })
    .from(inspectionRecommendations)
    .where(
      inArray(
        inspectionRecommendations.activityId,
        rows.map((r) => r.id),
      ),
    );
  const cal = await calendarAround(tx, ...rows.map((r) => r.startsOn));
  return rows.map((r) => {
    const a = abilities(activityPolicy, actor, r);
    return {
      id: r.id,
      programmeId: r.programmeId,
      kind: r.kind as TActivity['kind'],
      title: r.title,
      subject: r.subject,
      subjectUnit: r.subjectUnitId ? { id: r.subjectUnitId, name: unitNames.get(r.subjectUnitId) ?? '' } : null,
      content: r.content,
      source: r.source as TActivity['source'],
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      notice: boardDeadline('BTTND-NOTICE', r.startsOn, cal),
      notifiedOn: r.notifiedOn,
      reportedToUnionOn: r.reportedToUnionOn,
      status: r.status as TActivity['status'],
      concludedOn: r.concludedOn,
      minutes: r.minutes,
      findings: r.findings,
      evidence: r.evidence,
      votesFor: r.votesFor,
      votesAgainst: r.votesAgainst,
      sittingMembers: r.sittingMembers,
      sentToRequesterOn: r.sentToRequesterOn,
      recommendations: recs.filter((x) => x.activityId === r.id).length,
      version: r.version,
      can: { notify: a.notify, conclude: a.conclude, recommend: a.recommend },
    };
  });
}

export async function listActivities(ctx: ActorContext, year?: number): Promise<TActivity[]> {
  if (!oversees(ctx.actor)) throw new AppError('FORBIDDEN');
  const where = year
    ? and(gte(inspectionActivities.startsOn, `${year}-01-01`), lte(inspectionActivities.startsOn, `${year}-12-31`))
    : undefined;
  const rows = await ctx.tx.select().from(inspectionActivities).where(where).orderBy(desc(inspectionActivities.startsOn));
  return presentActivities(ctx, rows);
}

export async function getActivityView(ctx: ActorContext, id: string): Promise<TActivity> {
  const r = await getActivity(ctx.tx, id);
  authorize(activityPolicy, ctx.actor, 'read', r);
  return (await presentActivities(ctx, [r]))[0]!;
}

/** Whether an activity may start on `startsOn` if planned today, and the latest notice day (BTTND-NOTICE). */
export async function noticeCheck(ctx: ActorContext, startsOn: string) {
  if (!can(ctx.actor, 'inspection.read')) throw new AppError('FORBIDDEN');
  const notice = boardDeadline('BTTND-NOTICE', startsOn, await calendarAround(ctx.tx, startsOn, ctx.today));
  return {
    startsOn,
    notice,
    lawful: compareIsoDates(notice.due, ctx.today) >= 0,
    earliestStart: await earliestLawfulStart(ctx.tx, ctx.today),
  };
}

/**
 * The board plans an inspection or supervision. Its subject must be notified at least 05
 * working days before it starts (Decree 59/2023 Art. 22; BTTND-NOTICE): a start whose latest
 * notice day has passed is refused, naming that day and the earliest lawful start.
 */
export async function createActivity(ctx: ActorContext, input: z.infer<typeof ZActivityInput>) {
  mustWork(ctx);
  const { tx, today } = ctx;
  if (!(await currentTerm(tx, today))) throw new AppError('INSPECTION_NO_TERM');
  if (input.endsOn && compareIsoDates(input.endsOn, input.startsOn) < 0)
    throw invalid('endsOn', 'không trước ngày bắt đầu', 'not before the start');
  const notice = boardDeadline('BTTND-NOTICE', input.startsOn, await calendarAround(tx, input.startsOn, today));
  if (compareIsoDates(notice.due, today) < 0) {
    const earliest = await earliestLawfulStart(tx, today);
    throw invalid(
      'startsOn',
      `phải thông báo cho đối tượng chậm nhất ngày ${formatDmy(notice.due)} (ít nhất 05 ngày làm việc trước khi tiến hành, Nghị định 59/2023/NĐ-CP, Điều 22), ngày đó đã qua; sớm nhất bắt đầu từ ngày ${formatDmy(earliest)}`,
      `the subject had to be notified by ${formatDmy(notice.due)} (at least 5 working days before, Decree 59/2023 Art. 22), which has passed; the earliest start is ${formatDmy(earliest)}`,
    );
  }
  if (input.reportedToUnionOn) notAfterToday('reportedToUnionOn', input.reportedToUnionOn, today);
  const [a] = await tx
    .insert(inspectionActivities)
    .values({
      tenantId: ctx.who.tenantId,
      kind: input.kind,
      title: input.title,
      subject: input.subject,
      subjectUnitId: input.subjectUnitId ?? null,
      content: input.content,
      source: input.source,
      programmeId: input.programmeId ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      noticeDueOn: notice.due,
      reportedToUnionOn: input.reportedToUnionOn ?? null,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await recordAudit(tx, ctx.who, {
    action: 'inspection_activity.planned',
    entityType: 'inspection_activity',
    entityId: a!.id,
    summary: `${a!.title}: bắt đầu ${formatDmy(a!.startsOn)}, thông báo chậm nhất ${formatDmy(notice.due)}`,
    after: a,
  });
  return getActivityView(ctx, a!.id);
}

/** The notice to the subject, no later than BTTND-NOTICE (Decree 59/2023 Art. 22), and the report to the union. */
export async function notifyActivity(
  ctx: ActorContext,
  id: string,
  input: { version: number; notifiedOn: string; reportedToUnionOn?: string | null },
) {
  const a = await getActivity(ctx.tx, id);
  authorize(activityPolicy, ctx.actor, 'notify', a);
  if (a.version !== input.version) throw new AppError('STALE_VERSION');
  notAfterToday('notifiedOn', input.notifiedOn, ctx.today);
  if (compareIsoDates(input.notifiedOn, a.noticeDueOn) > 0)
    throw invalid(
      'notifiedOn',
      `thông báo chậm nhất ngày ${formatDmy(a.noticeDueOn)}, ít nhất 05 ngày làm việc trước ngày bắt đầu ${formatDmy(a.startsOn)} (Nghị định 59/2023/NĐ-CP, Điều 22); hãy lùi ngày bắt đầu`,
      `notice was due by ${formatDmy(a.noticeDueOn)}, 5 working days before the start on ${formatDmy(a.startsOn)} (Decree 59/2023 Art. 22); move the start later`,
    );
  const reported = input.reportedToUnionOn ?? a.reportedToUnionOn;
  if (input.reportedToUnionOn) notAfterToday('reportedToUnionOn', input.reportedToUnionOn, ctx.today);
  await ctx.tx
    .update(inspectionActivities)
    .set({ status: 'notified', notifiedOn: input.notifiedOn, reportedToUnionOn: reported, version: a.version + 1, updatedAt: new Date() })
    .where(eq(inspectionActivities.id, id));
  await recordAudit(ctx.tx, ctx.who, {
    action: 'inspection_activity.notified',
    entityType: 'inspection_activity',
    entityId: id,
    summary: `Thông báo cho ${a.subject} ngày ${formatDmy(input.notifiedOn)}`,
    before: { status: a.status },
    after: { status: 'notified', notifiedOn: input.notifiedOn, reportedToUnionOn: reported },
  });
  return getActivityView(ctx, id);
}

/**
 * Minutes and findings, decided collectively by majority of the sitting members (Decree 59/2023
 * Art. 20), written up and sent to whoever raised the issue (Art. 22).
 */
export async function concludeActivity(ctx: ActorContext, id: string, input: z.infer<typeof ZConcludeInput>) {
  const a = await getActivity(ctx.tx, id);
  if (a.status === 'planned' && isBoard(ctx.actor)) throw new AppError('INSPECTION_NOT_NOTIFIED');
  authorize(activityPolicy, ctx.actor, 'conclude', a);
  if (a.version !== input.version) throw new AppError('STALE_VERSION');
  notAfterToday('concludedOn', input.concludedOn, ctx.today);
  if (compareIsoDates(input.concludedOn, a.startsOn) < 0)
    throw invalid('concludedOn', `không trước ngày bắt đầu ${formatDmy(a.startsOn)}`, `not before the start on ${formatDmy(a.startsOn)}`);
  const term = await currentTerm(ctx.tx, input.concludedOn);
  const sitting = term ? (await sittingMembers(ctx.tx, term.id, input.concludedOn)).length : 0;
  if (input.votesFor + input.votesAgainst > sitting)
    throw invalid('votesFor', `tổng số phiếu vượt số thành viên Ban (${sitting})`, `more votes than sitting members (${sitting})`);
  if (!carries(input.votesFor, sitting))
    throw invalid(
      'votesFor',
      `kết luận phải được quá nửa thành viên Ban (${sitting}) tán thành (Nghị định 59/2023/NĐ-CP, Điều 20)`,
      `findings need more than half of the ${sitting} sitting members (Decree 59/2023 Art. 20)`,
    );
  if (input.sentToRequesterOn) notAfterToday('sentToRequesterOn', input.sentToRequesterOn, ctx.today);
  const after = {
    status: 'concluded',
    concludedOn: input.concludedOn,
    minutes: input.minutes,
    findings: input.findings,
    evidence: input.evidence ?? null,
    votesFor: input.votesFor,
    votesAgainst: input.votesAgainst,
    sittingMembers: sitting,
    sentToRequesterOn: input.sentToRequesterOn ?? null,
  };
  await ctx.tx
    .update(inspectionActivities)
    .set({ ...after, version: a.version + 1, updatedAt: new Date() })
    .where(eq(inspectionActivities.id, id));
  await recordAudit(ctx.tx, ctx.who, {
    action: 'inspection_activity.concluded',
    entityType: 'inspection_activity',
    entityId: id,
    summary: `Kết luận ${a.title} ngày ${formatDmy(input.concludedOn)} (${input.votesFor}/${sitting} tán thành)`,
    before: { status: a.status },
    after,
  });
  return getActivityView(ctx, id);
}

// ── Recommendations ─────────────────────────────────────────────────────────────────────────

async function presentRecommendations(ctx: ActorContext, rows: RecommendationRow[]): Promise<TRecommendation[]> {
  const { tx, actor, today } = ctx;
  if (!rows.length) return [];
  const actIds = rows.map((r) => r.activityId).filter((x): x is string => !!x);
  const acts = new Map(
    (actIds.length
      ? await tx
          .select({ id: inspectionActivities.id, title: inspectionActivities.title })
          .from(inspectionActivities)
          .where(inArray(inspectionActivities.id, actIds))
      : []
    ).map((a) => [a.id, a.title]),
  );
  const answerers = rows.map((r) => r.answeredBy).filter((x): x is string => !!x);
  const names = new Map(
    (answerers.length ? await tx.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, answerers)) : []).map(
      (u) => [u.id, u.name],
    ),
  );
  const cal = await calendarAround(tx, ...rows.map((r) => r.receivedOn));
  return rows.map((r) => {
    const status = recommendationStatus(r.dueOn, r.answeredOn, today);
    const a = abilities(recommendationPolicy, actor, { ...r, overdue: status === 'overdue' });
    return {
      id: r.id,
      activity: r.activityId ? { id: r.activityId, title: acts.get(r.activityId) ?? '' } : null,
      title: r.title,
      content: r.content,
      receivedOn: r.receivedOn,
      dueOn: r.dueOn,
      due: boardDeadline('BTTND-REPLY', r.receivedOn, cal),
      answeredOn: r.answeredOn,
      answer: r.answer,
      answeredBy: r.answeredBy ? (names.get(r.answeredBy) ?? null) : null,
      escalatedOn: r.escalatedOn,
      status,
      version: r.version,
      can: { answer: a.answer, escalate: a.escalate },
    };
  });
}

async function getRecommendation(tx: Tx, id: string): Promise<RecommendationRow> {
  const [r] = await tx.select().from(inspectionRecommendations).where(eq(inspectionRecommendations.id, id));
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

export async function listRecommendations(ctx: ActorContext): Promise<TRecommendation[]> {
  if (!oversees(ctx.actor)) throw new AppError('FORBIDDEN');
  const rows = await ctx.tx.select().from(inspectionRecommendations).orderBy(desc(inspectionRecommendations.receivedOn));
  return presentRecommendations(ctx, rows);
}

export async function getRecommendationView(ctx: ActorContext, id: string): Promise<TRecommendation> {
  const r = await getRecommendation(ctx.tx, id);
  authorize(recommendationPolicy, ctx.actor, 'read', { ...r, overdue: false });
  return (await presentRecommendations(ctx, [r]))[0]!;
}

/**
 * The board recommends to the head (Law 10/2022 Art. 61(2)(5)); the head resolves it and notifies
 * the result within 15 days of receipt (Art. 63(1)(c); BTTND-REPLY on the agency calendar).
 */
export async function createRecommendation(ctx: ActorContext, input: z.infer<typeof ZRecommendationInput>) {
  mustWork(ctx);
  notAfterToday('receivedOn', input.receivedOn, ctx.today);
  if (input.activityId) {
    const a = await getActivity(ctx.tx, input.activityId);
    if (!abilities(activityPolicy, ctx.actor, a).recommend)
      throw invalid('activityId', 'hoạt động chưa có kết luận', 'the activity has no findings yet');
  }
  const due = boardDeadline('BTTND-REPLY', input.receivedOn, await calendarAround(ctx.tx, input.receivedOn));
  const [r] = await ctx.tx
    .insert(inspectionRecommendations)
    .values({ tenantId: ctx.who.tenantId, ...input, activityId: input.activityId ?? null, dueOn: due.due })
    .returning();
  await recordAudit(ctx.tx, ctx.who, {
    action: 'inspection_recommendation.created',
    entityType: 'inspection_recommendation',
    entityId: r!.id,
    summary: `${r!.title}: nhận ngày ${formatDmy(r!.receivedOn)}, hạn trả lời ${formatDmy(r!.dueOn)}`,
    after: r,
  });
  return getRecommendationView(ctx, r!.id);
}

/** The head's answer (Law 10/2022 Art. 63(1)(c)); a late answer is recorded as late, not refused. */
export async function answerRecommendation(ctx: ActorContext, id: string, input: { version: number; answeredOn: string; answer: string }) {
  const r = await getRecommendation(ctx.tx, id);
  authorize(recommendationPolicy, ctx.actor, 'answer', { ...r, overdue: false });
  if (r.version !== input.version) throw new AppError('STALE_VERSION');
  notAfterToday('answeredOn', input.answeredOn, ctx.today);
  if (compareIsoDates(input.answeredOn, r.receivedOn) < 0)
    throw invalid('answeredOn', 'không trước ngày nhận kiến nghị', 'not before the receipt');
  await ctx.tx
    .update(inspectionRecommendations)
    .set({ answeredOn: input.answeredOn, answer: input.answer, answeredBy: ctx.actor.userId, version: r.version + 1 })
    .where(eq(inspectionRecommendations.id, id));
  const late = compareIsoDates(input.answeredOn, r.dueOn) > 0;
  await recordAudit(ctx.tx, ctx.who, {
    action: 'inspection_recommendation.answered',
    entityType: 'inspection_recommendation',
    entityId: id,
    summary: `Trả lời kiến nghị "${r.title}" ngày ${formatDmy(input.answeredOn)}${late ? ` (trễ hạn ${formatDmy(r.dueOn)})` : ''}`,
    before: { answeredOn: null },
    after: { answeredOn: input.answeredOn, answer: input.answer },
  });
  return getRecommendationView(ctx, id);
}

/** Late and unanswered: the board reports it to the union, which follows it up (Law 10/2022 Art. 63(2)). */
export async function escalateRecommendation(ctx: ActorContext, id: string, input: { version: number; escalatedOn: string }) {
  const r = await getRecommendation(ctx.tx, id);
  const overdue = recommendationStatus(r.dueOn, r.answeredOn, ctx.today) === 'overdue';
  authorize(recommendationPolicy, ctx.actor, 'escalate', { ...r, overdue });
  if (r.version !== input.version) throw new AppError('STALE_VERSION');
  notAfterToday('escalatedOn', input.escalatedOn, ctx.today);
  await ctx.tx
    .update(inspectionRecommendations)
    .set({ escalatedOn: input.escalatedOn, version: r.version + 1 })
    .where(eq(inspectionRecommendations.id, id));
  for (const userId of await unionPeople(ctx.tx))
    await notify(ctx.tx, {
      tenantId: ctx.who.tenantId,
      userId,
      kind: 'inspection.escalated',
      title: `Kiến nghị của Ban Thanh tra nhân dân quá hạn chưa được trả lời: ${r.title}`,
      body: `Hạn trả lời ${formatDmy(r.dueOn)} (Luật 10/2022/QH15, Điều 63 khoản 1 điểm c).`,
      link: '/inspection?tab=recommendations',
    });
  await recordAudit(ctx.tx, ctx.who, {
    action: 'inspection_recommendation.escalated',
    entityType: 'inspection_recommendation',
    entityId: id,
    summary: `Báo cáo công đoàn kiến nghị quá hạn "${r.title}" ngày ${formatDmy(input.escalatedOn)}`,
    after: { escalatedOn: input.escalatedOn },
  });
  return getRecommendationView(ctx, id);
}

/** The contract of issue #11: the current term with its members, and every recommendation with its BTTND-REPLY due day. */
export async function boardSummary(ctx: ActorContext): Promise<TBoardSummary> {
  if (!can(ctx.actor, 'inspection.read')) throw new AppError('FORBIDDEN');
  const cur = await currentMembers(ctx.tx, ctx.today);
  const recs = await ctx.tx.select().from(inspectionRecommendations).orderBy(desc(inspectionRecommendations.receivedOn));
  return {
    term: cur
      ? { startsOn: cur.term.startsOn, endsOn: cur.term.endsOn, members: cur.members.map((m) => ({ name: m.name, role: m.role })) }
      : null,
    recommendations: recs.map((r) => ({
      id: r.id,
      title: r.title,
      receivedOn: r.receivedOn,
      dueOn: r.dueOn,
      answeredOn: r.answeredOn,
      status: recommendationStatus(r.dueOn, r.answeredOn, ctx.today),
    })),
  };
}

// ── Documents the board asks for ────────────────────────────────────────────────────────────

type DocRow = typeof inspectionDocumentRequests.$inferSelect;
function presentDoc(ctx: ActorContext, r: DocRow): z.infer<typeof ZDocumentRequest> {
  return {
    id: r.id,
    activityId: r.activityId,
    title: r.title,
    requestedOn: r.requestedOn,
    neededBy: r.neededBy,
    providedOn: r.providedOn,
    reply: r.reply,
    overdue: !r.providedOn && compareIsoDates(ctx.today, r.neededBy) > 0,
    version: r.version,
    can: { provide: abilities(documentRequestPolicy, ctx.actor, r).provide },
  };
}

export async function listDocumentRequests(ctx: ActorContext) {
  if (!oversees(ctx.actor)) throw new AppError('FORBIDDEN');
  const rows = await ctx.tx.select().from(inspectionDocumentRequests).orderBy(desc(inspectionDocumentRequests.requestedOn));
  return rows.map((r) => presentDoc(ctx, r));
}

/** The board asks the head for information and documents (Law 10/2022 Art. 61(3)); the head provides them (Art. 63(1)(b)). */
export async function createDocumentRequest(ctx: ActorContext, input: z.infer<typeof ZDocumentRequestInput>) {
  mustWork(ctx);
  notAfterToday('requestedOn', input.requestedOn, ctx.today);
  if (compareIsoDates(input.neededBy, input.requestedOn) < 0)
    throw invalid('neededBy', 'không trước ngày đề nghị', 'not before the request');
  const [r] = await ctx.tx
    .insert(inspectionDocumentRequests)
    .values({ tenantId: ctx.who.tenantId, ...input, activityId: input.activityId ?? null })
    .returning();
  await recordAudit(ctx.tx, ctx.who, {
    action: 'inspection_document_request.created',
    entityType: 'inspection_document_request',
    entityId: r!.id,
    summary: r!.title,
    after: r,
  });
  return presentDoc(ctx, r!);
}

export async function provideDocuments(ctx: ActorContext, id: string, input: { version: number; providedOn: string; reply: string }) {
  const [r] = await ctx.tx.select().from(inspectionDocumentRequests).where(eq(inspectionDocumentRequests.id, id));
  if (!r) throw new AppError('NOT_FOUND');
  authorize(documentRequestPolicy, ctx.actor, 'provide', r);
  if (r.version !== input.version) throw new AppError('STALE_VERSION');
  notAfterToday('providedOn', input.providedOn, ctx.today);
  const [u] = await ctx.tx
    .update(inspectionDocumentRequests)
    .set({ providedOn: input.providedOn, reply: input.reply, version: r.version + 1 })
    .where(eq(inspectionDocumentRequests.id, id))
    .returning();
  await recordAudit(ctx.tx, ctx.who, {
    action: 'inspection_document_request.provided',
    entityType: 'inspection_document_request',
    entityId: id,
    summary: `Cung cấp "${r.title}" ngày ${formatDmy(input.providedOn)}`,
    before: { providedOn: null },
    after: { providedOn: input.providedOn, reply: input.reply },
  });
  return presentDoc(ctx, u!);
}

// ── The suggestion box ──────────────────────────────────────────────────────────────────────

/**
 * A staff member writes to the board (Law 10/2022 Arts. 58, 61(7), 62(3)). Sent anonymously, the
 * note keeps no author and its audit row names no one and no request (an audit row with the
 * writer's id, address or browser would undo the anonymity).
 */
export async function submitSuggestion(ctx: ActorContext, input: z.infer<typeof ZSuggestionInput>) {
  if (!can(ctx.actor, 'inspection.suggest')) throw new AppError('FORBIDDEN');
  const [s] = await ctx.tx
    .insert(inspectionSuggestions)
    .values({
      tenantId: ctx.who.tenantId,
      content: input.content,
      receivedOn: ctx.today,
      authorId: input.anonymous ? null : ctx.actor.userId,
    })
    .returning({ id: inspectionSuggestions.id });
  const who = input.anonymous ? { tenantId: ctx.who.tenantId, userId: null, name: 'Hộp thư góp ý (ẩn danh)' } : ctx.who;
  await recordAudit(ctx.tx, who, {
    action: 'inspection_suggestion.received',
    entityType: 'inspection_suggestion',
    entityId: s!.id,
    summary: input.anonymous ? 'Góp ý ẩn danh gửi Ban Thanh tra nhân dân' : 'Góp ý gửi Ban Thanh tra nhân dân',
  });
  return { ok: true as const };
}

export async function listSuggestions(ctx: ActorContext): Promise<z.infer<typeof ZSuggestion>[]> {
  mustWork(ctx);
  const rows = await ctx.tx.select().from(inspectionSuggestions).orderBy(desc(inspectionSuggestions.receivedOn));
  const authors = rows.map((r) => r.authorId).filter((x): x is string => !!x);
  const names = new Map(
    (authors.length ? await ctx.tx.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, authors)) : []).map(
      (u) => [u.id, u.name],
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    content: r.content,
    receivedOn: r.receivedOn,
    anonymous: r.authorId === null,
    author: r.authorId ? (names.get(r.authorId) ?? null) : null,
    status: r.status as 'new' | 'taken_up' | 'closed',
    activityId: r.activityId,
    note: r.note,
  }));
}

export async function updateSuggestion(ctx: ActorContext, id: string, input: z.infer<typeof ZSuggestionUpdate>) {
  mustWork(ctx);
  const [s] = await ctx.tx.select().from(inspectionSuggestions).where(eq(inspectionSuggestions.id, id));
  if (!s) throw new AppError('NOT_FOUND');
  await ctx.tx
    .update(inspectionSuggestions)
    .set({ status: input.status, activityId: input.activityId ?? null, note: input.note ?? null })
    .where(eq(inspectionSuggestions.id, id));
  await recordAudit(ctx.tx, ctx.who, {
    action: 'inspection_suggestion.updated',
    entityType: 'inspection_suggestion',
    entityId: id,
    before: { status: s.status },
    after: input,
  });
  return { ok: true as const };
}

// ── Figures for reports, dashboards and the calendar ────────────────────────────────────────

/** Activities, recommendations and answers in a period (indicators and the board's reports). */
export async function workInPeriod(tx: Tx, from: string, to: string) {
  const activities = await tx
    .select()
    .from(inspectionActivities)
    .where(and(gte(inspectionActivities.startsOn, from), lte(inspectionActivities.startsOn, to)))
    .orderBy(asc(inspectionActivities.startsOn));
  const recommendations = await tx
    .select()
    .from(inspectionRecommendations)
    .where(and(gte(inspectionRecommendations.receivedOn, from), lte(inspectionRecommendations.receivedOn, to)))
    .orderBy(asc(inspectionRecommendations.receivedOn));
  const suggestions = await tx
    .select({ id: inspectionSuggestions.id })
    .from(inspectionSuggestions)
    .where(and(gte(inspectionSuggestions.receivedOn, from), lte(inspectionSuggestions.receivedOn, to)));
  return { activities, recommendations, suggestions: suggestions.length };
}

/** Recompute stored deadlines after a calendar change: open notices and unanswered recommendations. */
export async function recomputeWorkDates(ctx: Context): Promise<void> {
  const acts = await ctx.tx.select().from(inspectionActivities).where(eq(inspectionActivities.status, 'planned'));
  for (const a of acts) {
    const due = boardDeadline('BTTND-NOTICE', a.startsOn, await calendarAround(ctx.tx, a.startsOn)).due;
    if (due !== a.noticeDueOn) await ctx.tx.update(inspectionActivities).set({ noticeDueOn: due }).where(eq(inspectionActivities.id, a.id));
  }
  const recs = await ctx.tx.select().from(inspectionRecommendations).where(isNull(inspectionRecommendations.answeredOn));
  for (const r of recs) {
    const due = boardDeadline('BTTND-REPLY', r.receivedOn, await calendarAround(ctx.tx, r.receivedOn)).due;
    if (due !== r.dueOn) await ctx.tx.update(inspectionRecommendations).set({ dueOn: due }).where(eq(inspectionRecommendations.id, r.id));
  }
}
