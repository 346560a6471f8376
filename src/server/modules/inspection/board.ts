/**
 * The board itself (issue #11): terms elected at the staff conference, recognised by the union,
 * members checked for eligibility, chair and deputies, vacancies and replacements.
 * Law 10/2022/QH15 Art. 60; Decree 59/2023/NĐ-CP Art. 21.
 */
import { and, asc, desc, eq, inArray, isNull, lt, lte, ne } from 'drizzle-orm';
import { compareIsoDates, diffDays, formatDmy } from '../../../domain';
import { foldVietnamese } from '../../../domain/text';
import {
  MEMBER_ROLE_LABELS,
  type TBoardState,
  type TElectionInput,
  type THandover,
  type TMember,
  type TTerm,
  ZElectionInput,
} from '../../../contracts/inspection';
import { recordAudit } from '../../platform/audit';
import { notify } from '../../platform/notify';
import type { Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import type { ActorContext, Context } from '../../platform/module';
import { authorize, abilities } from '../../platform/policy';
import { can } from '../../platform/roles';
import { roleAssignments, units, users } from '../../platform/tables';
import { calendarAround } from './calendar';
import { boardDeadline } from './deadlines';
import { isBoard, isHeadSide, isUnion, oversees, termPolicy } from './policy';
import { boardAllowed, compositionProblems, eligibilityProblems, type EligibilityProblem, type MemberRole } from './rules';
import {
  inspectionActivities,
  inspectionDocumentRequests,
  inspectionMembers,
  inspectionRecommendations,
  inspectionSuggestions,
  inspectionTerms,
} from './tables';

type TermRow = typeof inspectionTerms.$inferSelect;
type MemberRow = typeof inspectionMembers.$inferSelect;

const PROBLEM_TEXT: Record<EligibilityProblem, { vi: string; en: string }> = {
  not_staff: { vi: 'không đang làm việc tại cơ quan', en: 'does not work in the agency' },
  head: { vi: 'là người đứng đầu cơ quan', en: 'is the head of the agency' },
  deputy_head: { vi: 'là cấp phó của người đứng đầu', en: 'is a deputy head' },
  chief_accountant: { vi: 'là kế toán trưởng', en: 'is the chief accountant' },
};

/** The agency's staff in post today: the staff counts of its units in force (DOMAIN.md §7.1 OrgUnit). */
export async function agencyStaffCount(tx: Tx, today: string): Promise<number> {
  const all = await tx.select({ from: units.validFrom, to: units.validTo, n: units.staffCount }).from(units);
  return all.filter((u) => u.from <= today && (u.to === null || u.to >= today)).reduce((s, u) => s + u.n, 0);
}

type PersonFacts = { id: string; name: string; position: string | null; problems: EligibilityProblem[] };

/**
 * The facts the law asks about each candidate (Law 10/2022 Art. 60(2)), from their account:
 * working in the agency = an active account with a role in one of its units; the head and the
 * deputies = leadership (told apart by the position "Phó …"); the chief accountant by position.
 */
async function candidates(tx: Tx, userIds: string[]): Promise<Map<string, PersonFacts>> {
  if (!userIds.length) return new Map();
  const people = await tx.select().from(users).where(inArray(users.id, userIds));
  const roles = await tx.select().from(roleAssignments).where(inArray(roleAssignments.userId, userIds));
  const out = new Map<string, PersonFacts>();
  for (const p of people) {
    const mine = roles.filter((r) => r.userId === p.id);
    const position = foldVietnamese(p.position ?? '');
    const leader = mine.some((r) => r.role === 'leader');
    const deputy = leader && /(^|\s)pho\s/.test(position);
    out.set(p.id, {
      id: p.id,
      name: p.fullName,
      position: p.position,
      problems: eligibilityProblems({
        worksInAgency: p.isActive && mine.some((r) => r.unitId !== null),
        isHead: leader && !deputy,
        isDeputyHead: deputy,
        isChiefAccountant: position.includes('ke toan truong'),
      }),
    });
  }
  return out;
}

/** Refuse a candidate the law excludes, naming the field and the article. */
async function checkEligible(tx: Tx, entries: { userId: string; field: string }[]): Promise<Map<string, PersonFacts>> {
  const facts = await candidates(
    tx,
    entries.map((e) => e.userId),
  );
  for (const e of entries) {
    const f = facts.get(e.userId);
    if (!f) throw invalid(e.field, 'không tìm thấy người này trong cơ quan', 'no such person in the agency');
    if (f.problems.length) {
      const vi = f.problems.map((p) => PROBLEM_TEXT[p].vi).join(', ');
      const en = f.problems.map((p) => PROBLEM_TEXT[p].en).join(', ');
      throw invalid(
        e.field,
        `${f.name} ${vi}: không được là thành viên Ban Thanh tra nhân dân (Luật 10/2022/QH15, Điều 60 khoản 2)`,
        `${f.name} ${en}: may not sit on the People's Inspection Board (Law 10/2022 Art. 60(2))`,
      );
    }
  }
  return facts;
}

const COMPOSITION_TEXT = {
  too_few: {
    vi: 'Ban Thanh tra nhân dân có từ 03 thành viên (Luật 10/2022/QH15, Điều 60 khoản 1)',
    en: 'a board has at least 3 members (Law 10/2022 Art. 60(1))',
  },
  too_many: {
    vi: 'Ban Thanh tra nhân dân có không quá 09 thành viên, trừ khi hội nghị quyết định số lượng nhiều hơn (Nghị định 59/2023/NĐ-CP, Điều 21 khoản 2)',
    en: 'a board has at most 9 members unless the conference decided more (Decree 59/2023 Art. 21(2))',
  },
  chairs: { vi: 'Ban chỉ có một Trưởng ban', en: 'a board has one chair' },
  deputies: {
    vi: 'Ban có từ 09 thành viên trở lên mới có thể có 02 Phó Trưởng ban; ban ít hơn 09 thành viên có một Phó Trưởng ban (Nghị định 59/2023/NĐ-CP, Điều 21 khoản 3)',
    en: 'only a board of 9 or more members may have 2 deputies; a smaller board has one (Decree 59/2023 Art. 21(3))',
  },
} as const;

function checkComposition(roles: MemberRole[], moreThanNine: boolean, field: string) {
  const [first] = compositionProblems(roles, moreThanNine);
  if (first) throw invalid(field, COMPOSITION_TEXT[first].vi, COMPOSITION_TEXT[first].en);
}

async function getTerm(tx: Tx, id: string): Promise<TermRow> {
  const [t] = await tx.select().from(inspectionTerms).where(eq(inspectionTerms.id, id));
  if (!t) throw new AppError('NOT_FOUND');
  return t;
}

/** The term in force on `today`: the latest that has started, else the next one to start. */
export async function currentTerm(tx: Tx, today: string): Promise<TermRow | null> {
  const [started] = await tx
    .select()
    .from(inspectionTerms)
    .where(lte(inspectionTerms.startsOn, today))
    .orderBy(desc(inspectionTerms.startsOn))
    .limit(1);
  if (started) return started;
  const [next] = await tx.select().from(inspectionTerms).orderBy(asc(inspectionTerms.startsOn)).limit(1);
  return next ?? null;
}

/** The members sitting on `day` (elected, not yet left). */
export async function sittingMembers(tx: Tx, termId: string, day: string): Promise<MemberRow[]> {
  const rows = await tx.select().from(inspectionMembers).where(eq(inspectionMembers.termId, termId));
  return rows.filter((m) => compareIsoDates(m.electedOn, day) <= 0 && (m.leftOn === null || compareIsoDates(m.leftOn, day) > 0));
}

/**
 * Record the staff conference's election of a new board (Law 10/2022 Art. 60(1)(3); Decree
 * 59/2023 Art. 21): checks that the agency may have a board, each member's eligibility and the
 * make-up; computes the term's end (BTTND-TERM) and the union's recognition deadline
 * (BTTND-RECOG). The conferences module calls this with the election result; the union may
 * also record it by hand. Runs in the caller's transaction and writes the audit row.
 * @returns the new term's id.
 * @throws AppError INSPECTION_NO_BOARD, VALIDATION_FAILED naming the member field.
 */
export async function recordBoardElection(
  ctx: Context,
  raw: TElectionInput,
  opts: { grantBoardRole?: boolean } = {},
): Promise<{ termId: string }> {
  const input = ZElectionInput.parse(raw);
  const { tx, today, who } = ctx;
  if (!boardAllowed(await agencyStaffCount(tx, today), !!input.upperUnionDecision)) throw new AppError('INSPECTION_NO_BOARD');
  const seen = new Set<string>();
  input.members.forEach((m, i) => {
    if (seen.has(m.userId)) throw invalid(`members.${i}.userId`, 'người này đã có trong danh sách', 'this person is already listed');
    seen.add(m.userId);
  });
  await checkEligible(
    tx,
    input.members.map((m, i) => ({ userId: m.userId, field: `members.${i}.userId` })),
  );
  checkComposition(
    input.members.map((m) => m.role),
    input.moreThanNineDecided,
    'members',
  );
  const startsOn = input.startsOn ?? input.electedOn;
  const cal = await calendarAround(tx, input.electedOn, startsOn);
  const endsOn = boardDeadline('BTTND-TERM', startsOn, cal).due;
  const recognitionDueOn = boardDeadline('BTTND-RECOG', input.electedOn, cal).due;
  const [term] = await tx
    .insert(inspectionTerms)
    .values({
      tenantId: who.tenantId,
      conferenceRef: input.conferenceRef ?? null,
      electedOn: input.electedOn,
      startsOn,
      endsOn,
      recognitionDueOn,
      moreThanNineDecided: input.moreThanNineDecided,
      upperUnionDecision: input.upperUnionDecision ?? null,
      grantsBoardRole: opts.grantBoardRole ?? false,
    })
    .returning();
  await tx
    .insert(inspectionMembers)
    .values(
      input.members.map((m) => ({ tenantId: who.tenantId, termId: term!.id, userId: m.userId, role: m.role, electedOn: input.electedOn })),
    );
  await handOver(ctx, term!.id, startsOn);
  await recordAudit(tx, who, {
    action: 'inspection_term.elected',
    entityType: 'inspection_term',
    entityId: term!.id,
    summary: `Bầu Ban Thanh tra nhân dân ngày ${formatDmy(input.electedOn)}, nhiệm kỳ ${formatDmy(startsOn)} – ${formatDmy(endsOn)}, ${input.members.length} thành viên`,
    after: { ...term, members: input.members },
  });
  await syncBoardRoles(ctx);
  return { termId: term!.id };
}

/**
 * The `board_member` role follows the seats of the terms the conference elected in the app
 * (`grants_board_role`): each member sitting today in the term in force holds it, and loses it
 * when they leave, when the next board takes over or when the term's two years end (Law 10/2022
 * Art. 60(3)). The role carries the board's own work only (`inspection.work`), not the case
 * powers of the `inspection` role, whose grant needs a second person of the leadership (issue
 * #16): a member who should also see every case file gets `inspection` through the People page.
 * Each grant and revocation is audited and told to the person. Idempotent; runs after every
 * change of the board and every morning.
 * @returns how many grants and revocations it made.
 */
export async function syncBoardRoles(ctx: Context): Promise<number> {
  const { tx, today, who } = ctx;
  const terms = await tx.select().from(inspectionTerms).where(eq(inspectionTerms.grantsBoardRole, true));
  if (!terms.length) return 0;
  const inForce = terms
    .filter(
      (t) =>
        compareIsoDates(t.startsOn, today) <= 0 &&
        compareIsoDates(today, t.endsOn) <= 0 &&
        (t.closedOn === null || compareIsoDates(today, t.closedOn) < 0),
    )
    .sort((a, b) => compareIsoDates(b.startsOn, a.startsOn))[0];
  const sitting = inForce ? await sittingMembers(tx, inForce.id, today) : [];
  const wanted = new Set(sitting.map((m) => m.userId));
  const everyone = await tx
    .select({ userId: inspectionMembers.userId })
    .from(inspectionMembers)
    .where(
      inArray(
        inspectionMembers.termId,
        terms.map((t) => t.id),
      ),
    );
  const people = [...new Set(everyone.map((m) => m.userId))];
  const held = new Set(
    (
      await tx
        .select({ userId: roleAssignments.userId })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.role, 'board_member'), inArray(roleAssignments.userId, people)))
    ).map((r) => r.userId),
  );
  const names = new Map(
    (await tx.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, people))).map((u) => [u.id, u.name]),
  );
  let n = 0;
  for (const userId of people) {
    const grant = wanted.has(userId) && !held.has(userId);
    const revoke = !wanted.has(userId) && held.has(userId);
    if (!grant && !revoke) continue;
    const name = names.get(userId) ?? '';
    if (grant) await tx.insert(roleAssignments).values({ tenantId: who.tenantId, userId, role: 'board_member', unitId: null });
    else await tx.delete(roleAssignments).where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.role, 'board_member')));
    const what = grant
      ? `được giao vai trò ${MEMBER_ROLE_LABELS.member.vi} Ban Thanh tra nhân dân nhiệm kỳ ${formatDmy(inForce!.startsOn)} – ${formatDmy(inForce!.endsOn)} (theo kết quả bầu tại hội nghị cán bộ, công chức, viên chức)`
      : 'thôi giữ vai trò thành viên Ban Thanh tra nhân dân (đã thôi tham gia Ban hoặc hết nhiệm kỳ)';
    await recordAudit(tx, who, {
      action: grant ? 'inspection_member.role_granted' : 'inspection_member.role_revoked',
      entityType: 'person',
      entityId: userId,
      summary: `${name}: ${what}`,
      before: { board_member: !grant },
      after: { board_member: grant },
    });
    await notify(tx, {
      tenantId: who.tenantId,
      userId,
      kind: 'person.roles_changed',
      title: grant ? 'Bạn được giao vai trò thành viên Ban Thanh tra nhân dân' : 'Bạn thôi giữ vai trò thành viên Ban Thanh tra nhân dân',
      body: what,
      link: '/inspection',
    });
    n++;
  }
  return n;
}

/** The work still open that a closing board hands to the next one (Law 10/2022 Art. 60(3)). */
async function openWork(tx: Tx): Promise<Omit<THandover, 'on' | 'successorTermId'>> {
  const activities = await tx
    .select({ id: inspectionActivities.id, title: inspectionActivities.title, status: inspectionActivities.status })
    .from(inspectionActivities)
    .where(ne(inspectionActivities.status, 'concluded'))
    .orderBy(asc(inspectionActivities.startsOn));
  const recommendations = await tx
    .select({ id: inspectionRecommendations.id, title: inspectionRecommendations.title, dueOn: inspectionRecommendations.dueOn })
    .from(inspectionRecommendations)
    .where(isNull(inspectionRecommendations.answeredOn))
    .orderBy(asc(inspectionRecommendations.dueOn));
  const documentRequests = await tx
    .select({ id: inspectionDocumentRequests.id, title: inspectionDocumentRequests.title, neededBy: inspectionDocumentRequests.neededBy })
    .from(inspectionDocumentRequests)
    .where(isNull(inspectionDocumentRequests.providedOn))
    .orderBy(asc(inspectionDocumentRequests.neededBy));
  const suggestions = await tx
    .select({ id: inspectionSuggestions.id })
    .from(inspectionSuggestions)
    .where(eq(inspectionSuggestions.status, 'new'));
  return {
    activities: activities.map((a) => ({ ...a, status: a.status as THandover['activities'][number]['status'] })),
    recommendations,
    documentRequests,
    suggestions: suggestions.length,
  };
}

/**
 * A newly elected board takes over: every earlier term still open closes on the day the new one
 * starts, with the record of what it hands over (the work still open), audited. The open work
 * itself stays where it is: the next board carries it on (Law 10/2022 Art. 60(3)).
 */
async function handOver(ctx: Context, successorTermId: string, startsOn: string): Promise<void> {
  const { tx, who } = ctx;
  const previous = await tx
    .select()
    .from(inspectionTerms)
    .where(and(isNull(inspectionTerms.closedOn), lt(inspectionTerms.startsOn, startsOn), ne(inspectionTerms.id, successorTermId)));
  if (!previous.length) return;
  const work = await openWork(tx);
  for (const t of previous) {
    const handover: THandover = { on: startsOn, successorTermId, ...work };
    await tx
      .update(inspectionTerms)
      .set({ closedOn: startsOn, handover, version: t.version + 1, updatedAt: new Date() })
      .where(eq(inspectionTerms.id, t.id));
    await recordAudit(tx, who, {
      action: 'inspection_term.handover',
      entityType: 'inspection_term',
      entityId: t.id,
      summary: `Ban nhiệm kỳ ${formatDmy(t.startsOn)} – ${formatDmy(t.endsOn)} bàn giao cho Ban mới từ ${formatDmy(startsOn)}: ${work.activities.length} cuộc kiểm tra, giám sát đang thực hiện, ${work.recommendations.length} kiến nghị chưa được trả lời, ${work.documentRequests.length} yêu cầu tài liệu chưa được cung cấp, ${work.suggestions} góp ý chưa xử lý`,
      before: { closedOn: null },
      after: handover,
    });
  }
}

/**
 * The staff conference elected the board (`conference.board_elected`, emitted by the conferences
 * module in its transaction): open the new term with the members it picked, closing the previous one.
 */
export async function openTermFromConference(
  ctx: Context,
  e: {
    conferenceTitle: string;
    electedOn: string;
    startsOn: string | null;
    moreThanNineDecided: boolean;
    members: TElectionInput['members'];
  },
): Promise<void> {
  await recordBoardElection(
    ctx,
    {
      electedOn: e.electedOn,
      startsOn: e.startsOn,
      conferenceRef: e.conferenceTitle,
      moreThanNineDecided: e.moreThanNineDecided,
      members: e.members,
    },
    // Elected by the conference's vote in the app: the members get the board's role for the term.
    { grantBoardRole: true },
  );
}

/** The union records the election by hand (when the conference was not held in the app). */
export async function recordElectionByUnion(ctx: ActorContext, input: TElectionInput) {
  if (!isUnion(ctx.actor)) throw new AppError('FORBIDDEN');
  return recordBoardElection(ctx, input);
}

/** The union recognises the election (Decree 59/2023 Art. 21(1): within 05 working days, BTTND-RECOG). */
export async function recogniseTerm(
  ctx: ActorContext,
  id: string,
  input: { version: number; recognisedOn: string; decision?: string | null },
) {
  const t = await getTerm(ctx.tx, id);
  authorize(termPolicy, ctx.actor, 'recognise', t);
  if (t.version !== input.version) throw new AppError('STALE_VERSION');
  if (compareIsoDates(input.recognisedOn, t.electedOn) < 0)
    throw invalid('recognisedOn', `không trước ngày bầu ${formatDmy(t.electedOn)}`, `not before the election on ${formatDmy(t.electedOn)}`);
  if (compareIsoDates(input.recognisedOn, ctx.today) > 0) throw invalid('recognisedOn', 'không sau hôm nay', 'not after today');
  await ctx.tx
    .update(inspectionTerms)
    .set({ recognisedOn: input.recognisedOn, recognitionDecision: input.decision ?? null, version: t.version + 1, updatedAt: new Date() })
    .where(eq(inspectionTerms.id, id));
  await recordAudit(ctx.tx, ctx.who, {
    action: 'inspection_term.recognised',
    entityType: 'inspection_term',
    entityId: id,
    summary: `Công đoàn công nhận kết quả bầu ngày ${formatDmy(input.recognisedOn)}${compareIsoDates(input.recognisedOn, t.recognitionDueOn) > 0 ? ` (trễ hạn ${formatDmy(t.recognitionDueOn)})` : ''}`,
    before: { recognisedOn: null },
    after: { recognisedOn: input.recognisedOn, decision: input.decision ?? null },
  });
  return { ok: true as const };
}

async function getMember(tx: Tx, id: string): Promise<MemberRow> {
  const [m] = await tx.select().from(inspectionMembers).where(eq(inspectionMembers.id, id));
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}

/**
 * The chair and deputies are elected among the members, organised by the union (Law 10/2022
 * Art. 63(2); Decree 59/2023 Art. 21(3)); the make-up is checked on the sitting members.
 */
export async function setMemberRole(ctx: ActorContext, id: string, role: MemberRole) {
  const m = await getMember(ctx.tx, id);
  const t = await getTerm(ctx.tx, m.termId);
  authorize(termPolicy, ctx.actor, 'manageMembers', t);
  if (m.leftOn) throw new AppError('INSPECTION_WRONG_STATE');
  const sitting = await sittingMembers(ctx.tx, t.id, ctx.today);
  const roles = sitting.map((s) => (s.id === id ? role : (s.role as MemberRole)));
  const [problem] = compositionProblems(roles, t.moreThanNineDecided).filter((p) => p === 'chairs' || p === 'deputies');
  if (problem) throw invalid('role', COMPOSITION_TEXT[problem].vi, COMPOSITION_TEXT[problem].en);
  await ctx.tx.update(inspectionMembers).set({ role }).where(eq(inspectionMembers.id, id));
  await recordAudit(ctx.tx, ctx.who, {
    action: 'inspection_member.role',
    entityType: 'inspection_term',
    entityId: t.id,
    summary: `Thành viên ${m.id}: ${MEMBER_ROLE_LABELS[m.role as MemberRole].vi} → ${MEMBER_ROLE_LABELS[role].vi}`,
    before: { role: m.role },
    after: { role },
  });
  return { ok: true as const };
}

/** A vacancy: resignation, loss of confidence, leaving the agency (Law 10/2022 Art. 60(3)). */
export async function memberLeaves(ctx: ActorContext, id: string, input: { leftOn: string; reason: string }) {
  const m = await getMember(ctx.tx, id);
  const t = await getTerm(ctx.tx, m.termId);
  authorize(termPolicy, ctx.actor, 'manageMembers', t);
  if (m.leftOn) throw new AppError('INSPECTION_WRONG_STATE');
  if (compareIsoDates(input.leftOn, m.electedOn) < 0) throw invalid('leftOn', 'không trước ngày được bầu', 'not before the election');
  await ctx.tx.update(inspectionMembers).set({ leftOn: input.leftOn, leftReason: input.reason }).where(eq(inspectionMembers.id, id));
  await recordAudit(ctx.tx, ctx.who, {
    action: 'inspection_member.left',
    entityType: 'inspection_term',
    entityId: t.id,
    summary: `Thành viên thôi tham gia Ban từ ${formatDmy(input.leftOn)}: ${input.reason}`,
    before: { leftOn: null },
    after: input,
  });
  await syncBoardRoles(ctx);
  return { ok: true as const };
}

/** A replacement elected at the next conference on the union's proposal (Law 10/2022 Art. 60(3)). */
export async function addMember(ctx: ActorContext, termId: string, input: { userId: string; electedOn: string; role: MemberRole }) {
  const t = await getTerm(ctx.tx, termId);
  authorize(termPolicy, ctx.actor, 'manageMembers', t);
  await checkEligible(ctx.tx, [{ userId: input.userId, field: 'userId' }]);
  const sitting = await sittingMembers(ctx.tx, termId, input.electedOn);
  if (sitting.some((s) => s.userId === input.userId)) throw invalid('userId', 'người này đang là thành viên', 'already a member');
  const roles = [...sitting.map((s) => s.role as MemberRole), input.role];
  const [problem] = compositionProblems(roles, t.moreThanNineDecided).filter((p) => p !== 'too_few');
  if (problem) throw invalid(problem === 'too_many' ? 'userId' : 'role', COMPOSITION_TEXT[problem].vi, COMPOSITION_TEXT[problem].en);
  await ctx.tx.insert(inspectionMembers).values({ tenantId: ctx.who.tenantId, termId, ...input });
  await recordAudit(ctx.tx, ctx.who, {
    action: 'inspection_member.added',
    entityType: 'inspection_term',
    entityId: termId,
    summary: `Bầu bổ sung thành viên ngày ${formatDmy(input.electedOn)}`,
    after: input,
  });
  await syncBoardRoles(ctx);
  return { ok: true as const };
}

async function presentTerm(ctx: ActorContext, t: TermRow): Promise<TTerm> {
  const { tx, actor, today } = ctx;
  const rows = await tx
    .select()
    .from(inspectionMembers)
    .where(eq(inspectionMembers.termId, t.id))
    .orderBy(asc(inspectionMembers.electedOn));
  const people = await tx
    .select({ id: users.id, name: users.fullName, position: users.position })
    .from(users)
    .where(inArray(users.id, rows.length ? rows.map((r) => r.userId) : ['00000000-0000-0000-0000-000000000000']));
  const byId = new Map(people.map((p) => [p.id, p]));
  const order: Record<string, number> = { chair: 0, deputy: 1, member: 2 };
  const members: TMember[] = rows
    .map((m) => ({
      id: m.id,
      userId: m.userId,
      name: byId.get(m.userId)?.name ?? '',
      position: byId.get(m.userId)?.position ?? null,
      role: m.role as MemberRole,
      electedOn: m.electedOn,
      leftOn: m.leftOn,
      leftReason: m.leftReason,
    }))
    .sort((a, b) => Number(!!a.leftOn) - Number(!!b.leftOn) || order[a.role]! - order[b.role]! || a.name.localeCompare(b.name, 'vi'));
  const sitting = members.filter((m) => !m.leftOn || compareIsoDates(m.leftOn, today) > 0);
  const warnings: string[] = compositionProblems(
    sitting.map((m) => m.role),
    t.moreThanNineDecided,
  ).map((p) =>
    p === 'too_few'
      ? 'Ban còn dưới 03 thành viên: công đoàn đề nghị hội nghị gần nhất bầu bổ sung (Luật 10/2022/QH15, Điều 60 khoản 3)'
      : COMPOSITION_TEXT[p].vi,
  );
  if (!t.recognisedOn && compareIsoDates(today, t.recognitionDueOn) > 0)
    warnings.push(
      `Công đoàn chưa công nhận kết quả bầu; hạn là ${formatDmy(t.recognitionDueOn)} (Nghị định 59/2023/NĐ-CP, Điều 21 khoản 1)`,
    );
  const cal = await calendarAround(tx, t.electedOn);
  const a = abilities(termPolicy, actor, t);
  return {
    id: t.id,
    conferenceRef: t.conferenceRef,
    electedOn: t.electedOn,
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    daysLeft: diffDays(today, t.endsOn),
    recognitionDue: { ...boardDeadline('BTTND-RECOG', t.electedOn, cal) },
    recognisedOn: t.recognisedOn,
    recognitionDecision: t.recognitionDecision,
    moreThanNineDecided: t.moreThanNineDecided,
    members,
    warnings,
    version: t.version,
    can: { recognise: a.recognise, manageMembers: a.manageMembers },
  };
}

/** The board as everyone in the agency sees it: the staff count, the current term, past terms, what the reader may do. */
export async function boardState(ctx: ActorContext): Promise<TBoardState> {
  const { tx, actor, today } = ctx;
  if (!can(actor, 'inspection.read')) throw new AppError('FORBIDDEN');
  const current = await currentTerm(tx, today);
  const all = await tx.select().from(inspectionTerms).orderBy(desc(inspectionTerms.startsOn));
  return {
    staffCount: await agencyStaffCount(tx, today),
    current: current ? await presentTerm(ctx, current) : null,
    past: all
      .filter((t) => t.id !== current?.id)
      .map((t) => ({
        id: t.id,
        conferenceRef: t.conferenceRef,
        startsOn: t.startsOn,
        endsOn: t.endsOn,
        closedOn: t.closedOn,
        // The handover names activities and recommendations: only those who read the board's work see it.
        handover: oversees(actor) ? ((t.handover as THandover | null) ?? null) : null,
      })),
    can: {
      recordElection: isUnion(actor),
      work: isBoard(actor),
      answer: isHeadSide(actor),
      union: isUnion(actor),
      suggest: can(actor, 'inspection.suggest'),
    },
  };
}

/** Members of the current term (for the contract and the report). */
export async function currentMembers(tx: Tx, today: string) {
  const t = await currentTerm(tx, today);
  if (!t) return null;
  const sitting = await sittingMembers(tx, t.id, today);
  const people = sitting.length
    ? await tx
        .select({ id: users.id, name: users.fullName })
        .from(users)
        .where(
          inArray(
            users.id,
            sitting.map((s) => s.userId),
          ),
        )
    : [];
  const names = new Map(people.map((p) => [p.id, p.name]));
  const order: Record<string, number> = { chair: 0, deputy: 1, member: 2 };
  return {
    term: t,
    members: sitting
      .map((s) => ({ name: names.get(s.userId) ?? '', role: s.role as MemberRole, userId: s.userId }))
      .sort((a, b) => order[a.role]! - order[b.role]! || a.name.localeCompare(b.name, 'vi')),
  };
}

/** People of the union executive (to tell them of a late answer). */
export async function unionPeople(tx: Tx): Promise<string[]> {
  const rows = await tx.select({ userId: roleAssignments.userId }).from(roleAssignments).where(eq(roleAssignments.role, 'union'));
  return [...new Set(rows.map((r) => r.userId))];
}

/** Recompute the stored term dates after a calendar change (BTTND-TERM and BTTND-RECOG roll off days off). */
export async function recomputeTermDates(ctx: Context): Promise<void> {
  const terms = await ctx.tx.select().from(inspectionTerms).where(isNull(inspectionTerms.recognisedOn));
  const all = await ctx.tx.select().from(inspectionTerms);
  for (const t of all) {
    const cal = await calendarAround(ctx.tx, t.electedOn, t.startsOn);
    const endsOn = boardDeadline('BTTND-TERM', t.startsOn, cal).due;
    const recognitionDueOn = terms.some((x) => x.id === t.id) ? boardDeadline('BTTND-RECOG', t.electedOn, cal).due : t.recognitionDueOn;
    if (endsOn !== t.endsOn || recognitionDueOn !== t.recognitionDueOn)
      await ctx.tx
        .update(inspectionTerms)
        .set({ endsOn, recognitionDueOn })
        .where(and(eq(inspectionTerms.id, t.id)));
  }
}
