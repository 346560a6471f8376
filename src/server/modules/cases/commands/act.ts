/**
 * The workflow actions of a case. Each action is a handler in {@link HANDLERS} (a missing one is
 * a type error); one shared run step loads the case, authorizes, checks the version and the
 * date, applies the handler's change, records the event with its document, recomputes the
 * statutory deadlines and writes the audit row — all in the request's transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  CASE_KIND_LABELS,
  type CaseActionName,
  type CaseEventType,
  type CaseKind,
  EVENT_TYPE_LABELS,
  NOT_ACCEPTED_REASONS,
  type TCaseAction,
} from '../../../../contracts/cases';
import { compareIsoDates, formatDmy } from '../../../../domain';
import { COMPLEXITY_CRITERIA, classifyComplexity, DeadlineError, maySuspend } from '../../../../domain/deadlines';
import { recordAudit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db';
import { AppError, invalid } from '../../../platform/errors';
import type { ActorContext } from '../../../platform/module';
import { notify } from '../../../platform/notify';
import { authorize } from '../../../platform/policy';
import { roleAssignments, units } from '../../../platform/tables';
import { refreshDeadlines } from '../clocks';
import { casePolicy, isDecisionMaker, isOffice } from '../policy';
import {
  addEvent,
  agencyHead,
  type CaseRow,
  checkDate,
  deadlineToApp,
  isMemberOf,
  linkCases,
  loadCase,
  recordOf,
  userNames,
} from '../records';
import { caseEvents, caseLinks, cases, type PendingAssignment } from '../tables';

type ActionOf<K extends CaseActionName> = Extract<TCaseAction, { action: K }>;

/** What an action changes: the case's columns, the event's summary and data. */
type Outcome = {
  set?: Partial<typeof cases.$inferInsert>;
  summary?: string;
  data?: Record<string, unknown>;
  /** The event recorded, when not the action's usual one. */
  type?: CaseEventType;
};

type Handler<K extends CaseActionName> = (ctx: ActorContext, c: CaseRow, a: ActionOf<K>) => Outcome | Promise<Outcome>;

/** The event each action records. */
const EVENT_OF: Record<CaseActionName, CaseEventType> = {
  accept: 'accepted',
  not_accept: 'not_accepted',
  forward: 'forwarded',
  guide: 'guided',
  information: 'information',
  assign: 'assigned',
  approve_assignment: 'assigned',
  verification: 'verification',
  dialogue: 'dialogue',
  complexity: 'complexity',
  extend: 'extended',
  extend_initial: 'initial_extended',
  suspend: 'suspended',
  resume: 'resumed',
  withdraw: 'withdrawn',
  terminate: 'terminated',
  decide: 'decided',
  decision_received: 'decision_received',
  notify: 'notified',
  public_answer: 'public_answer',
  link: 'linked',
  note: 'note',
};

const withDecision = (label: string, decisionNo: string | null | undefined) => `${label}${decisionNo ? ` (${decisionNo})` : ''}`;

/** Whether content was already forwarded: this case, or one linked as its duplicate (TT 05/2021 Art. 14). */
export async function alreadyForwarded(tx: Tx, c: CaseRow): Promise<boolean> {
  if (c.channel === 'forwarded' && c.kind === 'denunciation') return true;
  const linked = await tx
    .select({ id: caseLinks.otherId })
    .from(caseLinks)
    .where(and(eq(caseLinks.caseId, c.id), inArray(caseLinks.relation, ['duplicate', 'repeat'])));
  const ids = [c.id, ...linked.map((l) => l.id)];
  const f = await tx
    .select({ id: caseEvents.id })
    .from(caseEvents)
    .where(and(inArray(caseEvents.caseId, ids), eq(caseEvents.type, 'forwarded')));
  return f.length > 0;
}

/**
 * The decision-maker sees the denouncer: only the Office or leadership names one, it must be a
 * leader or the head of a unit (a subordinate body deciding on its own acts), and nobody but a
 * leader names themself.
 */
async function checkDecisionMaker(ctx: ActorContext, decisionMakerId: string): Promise<void> {
  const { tx, actor } = ctx;
  const mayName = isOffice(actor) || actor.roles.some((r) => r.role === 'leader');
  if (!mayName)
    throw invalid(
      'decisionMakerId',
      'chỉ Văn phòng hoặc lãnh đạo cơ quan được chỉ định người có thẩm quyền giải quyết',
      'only the Office or leadership names the decision-maker',
    );
  const roles = await tx.select({ role: roleAssignments.role }).from(roleAssignments).where(eq(roleAssignments.userId, decisionMakerId));
  if (!roles.some((r) => r.role === 'leader' || r.role === 'unit_head'))
    throw invalid(
      'decisionMakerId',
      'người có thẩm quyền giải quyết phải là lãnh đạo cơ quan hoặc người đứng đầu đơn vị',
      'the decision-maker must be a leader or the head of a unit',
    );
  if (decisionMakerId === actor.userId && !actor.roles.some((r) => r.role === 'leader'))
    throw invalid(
      'decisionMakerId',
      'không tự chỉ định mình là người có thẩm quyền giải quyết',
      'you cannot name yourself the decision-maker',
    );
}

type Target = { unitId: string; handlerId: string; decisionMakerId: string | null };

/** Record a reassignment of a denunciation as a request; the decision-maker and the head are told. */
async function requestReassignment(ctx: ActorContext, c: CaseRow, target: Target, unitName: string, head: string | null): Promise<Outcome> {
  const { tx, actor } = ctx;
  const pending: PendingAssignment = {
    ...target,
    requestedBy: actor.userId,
    requestedByName: actor.fullName,
    requestedOn: ctx.today,
  };
  const names = await userNames(tx, [target.handlerId, target.decisionMakerId]);
  for (const userId of new Set([c.decisionMakerId, head].filter((x): x is string => !!x && x !== actor.userId)))
    await notify(tx, {
      tenantId: c.tenantId,
      userId,
      kind: 'case.reassignment_requested',
      title: `Đề nghị giao lại ${c.code}: chờ phê duyệt`,
      body: c.subject,
      link: `/cases/${c.id}`,
    });
  return {
    type: 'reassignment_requested',
    set: { pendingAssignment: pending },
    summary:
      `Đề nghị giao ${unitName} xử lý; người xử lý: ${names.get(target.handlerId)}` +
      `${target.decisionMakerId ? `; người có thẩm quyền giải quyết: ${names.get(target.decisionMakerId)}` : ''}` +
      ' — chờ người có thẩm quyền giải quyết hoặc thủ trưởng cơ quan phê duyệt (Luật Tố cáo 2018, Điều 47)',
    data: {
      ...target,
      requestedBy: actor.userId,
      previous: { unitId: c.unitId, handlerId: c.handlerId, decisionMakerId: c.decisionMakerId },
    },
  };
}

/** Give the case to a unit, a handler and a decision-maker; the new and the previous handler are told. */
async function applyAssignment(ctx: ActorContext, c: CaseRow, target: Target, extra: Record<string, unknown>): Promise<Outcome> {
  const { tx } = ctx;
  const { unitId, handlerId, decisionMakerId: dm } = target;
  const [u] = await tx.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  const names = await userNames(tx, [handlerId, dm]);
  await notify(tx, {
    tenantId: c.tenantId,
    userId: handlerId,
    kind: 'case.assigned',
    title: `Được giao xử lý ${c.code}`,
    body: c.subject,
    link: `/cases/${c.id}`,
  });
  if (c.handlerId && c.handlerId !== handlerId)
    await notify(tx, {
      tenantId: c.tenantId,
      userId: c.handlerId,
      kind: 'case.reassigned',
      title: `${c.code} đã được giao cho người khác xử lý`,
      body: c.subject,
      link: `/cases/${c.id}`,
    });
  return {
    set: { unitId, handlerId, decisionMakerId: dm, pendingAssignment: null },
    summary: `Giao ${u?.name ?? ''} xử lý; người xử lý: ${names.get(handlerId)}${dm ? `; người có thẩm quyền giải quyết: ${names.get(dm)}` : ''}`,
    data: {
      unitId,
      handlerId,
      decisionMakerId: dm,
      previous: { unitId: c.unitId, handlerId: c.handlerId, decisionMakerId: c.decisionMakerId },
      // A reassignment: reveals after it are flagged in oversight.
      reassignment: !!c.handlerId && (c.handlerId !== handlerId || c.decisionMakerId !== dm),
      ...extra,
    },
  };
}

const HANDLERS: { [K in CaseActionName]: Handler<K> } = {
  accept: (_ctx, c, a) => {
    if (c.kind === 'denunciation' && c.anonymous) throw new AppError('CASE_ANONYMOUS');
    return {
      set: { status: 'accepted', acceptedOn: a.on },
      summary: c.kind === 'complaint' || c.kind === 'denunciation' ? withDecision('Thụ lý giải quyết', a.decisionNo) : 'Tiếp nhận xử lý',
    };
  },
  not_accept: (_ctx, c, a) => {
    const wrong = a.reasons.find((r) => NOT_ACCEPTED_REASONS[r].kind !== c.kind);
    if (wrong)
      throw invalid(
        'reasons',
        `lý do "${NOT_ACCEPTED_REASONS[wrong].vi}" không áp dụng cho ${CASE_KIND_LABELS[c.kind as CaseKind].vi.toLowerCase()}`,
        `ground "${NOT_ACCEPTED_REASONS[wrong].en}" does not apply to a ${c.kind}`,
      );
    return {
      set: { status: 'not_accepted', notAcceptedReasons: a.reasons, closedOn: a.on },
      summary: `Không thụ lý: ${a.reasons.map((r) => `${NOT_ACCEPTED_REASONS[r].vi} (${NOT_ACCEPTED_REASONS[r].basis})`).join('; ')}`,
      data: { reasons: a.reasons },
    };
  },
  forward: async ({ tx }, c, a) => {
    // TT 05/2021/TT-TTCP Art. 14: a denunciation is forwarded only once for the same content.
    if (await alreadyForwarded(tx, c)) throw new AppError('CASE_ALREADY_FORWARDED');
    return { set: { status: 'forwarded', forwardedTo: a.to, closedOn: a.on }, summary: `Chuyển đơn đến ${a.to}`, data: { to: a.to } };
  },
  guide: (_ctx, _c, a) => ({
    set: { status: 'guided', forwardedTo: a.to, closedOn: a.on },
    summary: `Hướng dẫn gửi đến ${a.to}`,
    data: { to: a.to },
  }),
  information: (_ctx, _c, a) => ({ set: { status: 'information', closedOn: a.on } }),
  assign: async (ctx, c, a) => {
    const { tx, actor } = ctx;
    const [u] = await tx.select().from(units).where(eq(units.id, a.unitId));
    if (!u) throw invalid('unitId', 'không tìm thấy đơn vị', 'unit not found');
    if (!(await isMemberOf(tx, a.handlerId, a.unitId)))
      throw invalid('handlerId', 'người xử lý phải thuộc đơn vị được giao', 'the handler must belong to the unit');
    // A unit head may reassign only within their own unit; the Office and the decision-maker anywhere.
    if (!isOffice(actor) && !isDecisionMaker(actor, recordOf(c)) && c.unitId !== a.unitId) throw new AppError('FORBIDDEN');
    // Law 25/2018 Arts. 8(3), 47: the denouncer is known only to the competent handler and
    // decision-maker; whoever assigns a denunciation may not make themself its handler (and so
    // gain the right to reveal the denouncer on their own).
    if (c.kind === 'denunciation' && a.handlerId === actor.userId)
      throw invalid(
        'handlerId',
        'người giao xử lý không được tự giao cho mình xử lý đơn tố cáo (Luật Tố cáo 2018, Điều 8 khoản 3, Điều 47)',
        'whoever assigns a denunciation may not make themselves its handler (Law 25/2018 Arts. 8(3), 47)',
      );
    // A unit head reassigning within the unit keeps the decision-maker already named.
    if (a.decisionMakerId && a.decisionMakerId !== c.decisionMakerId) await checkDecisionMaker(ctx, a.decisionMakerId);
    const dm = a.decisionMakerId ?? c.decisionMakerId ?? (await agencyHead(tx));
    const target = { unitId: a.unitId, handlerId: a.handlerId, decisionMakerId: dm };
    // A reassignment of a denunciation that gives someone the right to reveal the denouncer (a new
    // handler or decision-maker) takes effect only with the approval of the decision-maker or of
    // the head of the agency, and never of someone who would gain that right by it.
    const givesReveal = c.kind === 'denunciation' && !!c.handlerId && (a.handlerId !== c.handlerId || dm !== c.decisionMakerId);
    if (givesReveal) {
      const head = await agencyHead(tx);
      const approves = isDecisionMaker(actor, recordOf(c)) || actor.userId === head;
      const gains = dm === actor.userId && c.decisionMakerId !== actor.userId;
      if (!approves || gains) return requestReassignment(ctx, c, target, u.name, head);
    }
    return applyAssignment(ctx, c, target, {});
  },
  approve_assignment: async (ctx, c, a) => {
    const { tx, actor } = ctx;
    const p = c.pendingAssignment;
    if (!p) throw new AppError('FORBIDDEN');
    const head = await agencyHead(tx);
    if (!isDecisionMaker(actor, recordOf(c)) && actor.userId !== head) throw new AppError('FORBIDDEN');
    if (
      actor.userId === p.requestedBy ||
      (a.approved && (actor.userId === p.handlerId || (p.decisionMakerId === actor.userId && c.decisionMakerId !== actor.userId)))
    )
      throw invalid(
        'approved',
        'người đề nghị hoặc người được giao không tự phê duyệt việc giao lại',
        'the person who asked for the reassignment, or who would gain by it, cannot approve it',
      );
    if (!a.approved) {
      await notify(tx, {
        tenantId: c.tenantId,
        userId: p.requestedBy,
        kind: 'case.reassignment_refused',
        title: `Đề nghị giao lại ${c.code} không được phê duyệt`,
        body: c.subject,
        link: `/cases/${c.id}`,
      });
      return {
        type: 'reassignment_refused',
        set: { pendingAssignment: null },
        summary: `Không phê duyệt đề nghị giao lại của ${p.requestedByName}`,
        data: { request: p },
      };
    }
    if (!(await isMemberOf(tx, p.handlerId, p.unitId)))
      throw invalid('approved', 'người xử lý được đề nghị không còn thuộc đơn vị', 'the proposed handler no longer belongs to the unit');
    return applyAssignment(ctx, c, p, { requestedBy: p.requestedBy, approvedBy: actor.userId });
  },
  verification: () => ({}),
  dialogue: () => ({}),
  note: () => ({ summary: 'Ghi chú' }),
  complexity: (_ctx, _c, a) => {
    const keys = [...new Set(a.criteria.map((k) => k.normalize('NFC')))];
    let level: ReturnType<typeof classifyComplexity>;
    try {
      level = classifyComplexity(keys);
    } catch {
      throw invalid('criteria', 'tiêu chí không hợp lệ (a, b, c, d, đ, e, g)', 'unknown criterion (a, b, c, d, đ, e, g)');
    }
    const labels = { standard: 'không phức tạp', complex: 'phức tạp', especially_complex: 'đặc biệt phức tạp' };
    return {
      set: { complexity: keys },
      summary: `Đánh giá: ${labels[level]}${keys.length ? ` — tiêu chí ${keys.join(', ')} (Nghị định 31/2019/NĐ-CP, Điều 3)` : ''}`,
      data: { criteria: keys, level, texts: COMPLEXITY_CRITERIA.filter((k) => keys.includes(k.key)).map((k) => k.text) },
    };
  },
  extend: (_ctx, _c, a) => {
    if (!a.decisionNo)
      throw invalid(
        'decisionNo',
        'gia hạn phải có quyết định gia hạn (số, ký hiệu)',
        'an extension needs a decision number (Decree 31/2019, form 01)',
      );
    return { summary: `Gia hạn giải quyết ${a.days ?? 30} ngày theo Quyết định ${a.decisionNo}`, data: { days: a.days ?? 30 } };
  },
  extend_initial: () => ({ summary: 'Kéo dài thời hạn xử lý ban đầu đến 10 ngày làm việc (Luật Tố cáo 2018, Điều 24 khoản 1)' }),
  suspend: (_ctx, c, a) => {
    // A suspension needs a ground in the rule in force on the acceptance date; for complaints
    // accepted before 01/07/2026 it is the transitional Decree 155/2026 Art. 22(1).
    const v = maySuspend(c.kind, c.acceptedOn ?? c.receivedOn, a.on, { instance: c.instance, decidedOn: c.decidedOn });
    if (!v.allowed) throw deadlineToApp(v.error, 'on');
    return {
      set: { status: 'suspended' },
      summary: `${withDecision('Tạm đình chỉ giải quyết', a.decisionNo)} — căn cứ ${v.citation}`,
      data: { basis: v.citation, transitional: v.transitional },
    };
  },
  resume: (_ctx, _c, a) => ({ set: { status: 'accepted' }, summary: withDecision('Tiếp tục giải quyết', a.decisionNo) }),
  withdraw: (_ctx, _c, a) => ({
    // Law 25/2018 Art. 33: the case continues when a violation is indicated or the withdrawal was coerced.
    set: a.continueHandling ? {} : { status: 'withdrawn', closedOn: a.on },
    summary: a.continueHandling
      ? 'Người gửi rút đơn; tiếp tục giải quyết vì có dấu hiệu vi phạm hoặc bị ép buộc rút (Luật Tố cáo 2018, Điều 33)'
      : 'Người gửi rút đơn; kết thúc giải quyết',
    data: { continueHandling: a.continueHandling },
  }),
  terminate: (_ctx, _c, a) => ({
    set: { status: 'terminated', closedOn: a.on },
    summary: withDecision('Đình chỉ giải quyết', a.decisionNo),
  }),
  decide: async ({ tx }, c, a) => {
    if (c.kind === 'complaint' && c.instance === 2) {
      // Law 02/2011 Art. 38: dialogue is mandatory at the second instance.
      const dialogues = await tx
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'dialogue')));
      if (!dialogues.length) throw new AppError('CASE_DIALOGUE_REQUIRED');
    }
    if (c.acceptedOn && compareIsoDates(a.on, c.acceptedOn) < 0)
      throw invalid('on', 'không được trước ngày thụ lý', 'cannot be before acceptance');
    const what =
      c.kind === 'complaint'
        ? 'Quyết định giải quyết khiếu nại'
        : c.kind === 'denunciation'
          ? 'Kết luận nội dung tố cáo'
          : 'Văn bản trả lời';
    return {
      set: { status: 'resolved', decidedOn: a.on, outcome: a.outcome, closedOn: a.on },
      summary: `${what}${a.decisionNo ? ` ${a.decisionNo}` : ''}: ${a.outcome}`,
    };
  },
  decision_received: (_ctx, c, a) => {
    // Law 02/2011 Art. 33: the 30-day window for a second complaint runs from this day.
    if (!c.decidedOn || compareIsoDates(a.on, c.decidedOn) < 0)
      throw invalid(
        'on',
        `không được trước ngày ban hành quyết định${c.decidedOn ? ` (${formatDmy(c.decidedOn)})` : ''}`,
        'cannot be before the decision',
      );
    return {
      set: { decisionReceivedOn: a.on },
      summary: `Người khiếu nại nhận quyết định giải quyết ngày ${formatDmy(a.on)}; thời hạn khiếu nại lần hai tính từ ngày này (Luật Khiếu nại 2011, Điều 33)`,
    };
  },
  notify: (_ctx, _c, a) => ({ summary: `Gửi, thông báo đến: ${a.recipients}`, data: { recipients: a.recipients } }),
  public_answer: (_ctx, _c, a) => ({ set: { publicAnswer: a.answer }, summary: 'Công bố nội dung trả lời trên cổng thông tin' }),
  link: async ({ tx }, c, a) => {
    if (a.otherCaseId === c.id) throw invalid('otherCaseId', 'không thể liên kết với chính nó', 'cannot link a case to itself');
    const other = await loadCase(tx, a.otherCaseId).catch(() => {
      throw invalid('otherCaseId', 'không tìm thấy vụ việc', 'case not found');
    });
    await linkCases(tx, c, other.id, a.relation);
    return {
      set: a.relation === 'duplicate' && c.status === 'received' ? { status: 'duplicate', closedOn: a.on } : {},
      // The other case's number is in the links (shown to those who may read it), not in the timeline.
      summary: {
        duplicate: 'Liên kết: đơn trùng với một vụ việc khác',
        repeat: 'Liên kết: đơn gửi lại, nhiều lần',
        related: 'Liên kết: vụ việc có liên quan',
      }[a.relation],
      data: { otherCaseId: other.id, relation: a.relation },
    };
  },
};

/** Perform one workflow action. Every action is an event with its document, and audited. */
export async function act(ctx: ActorContext, id: string, a: TCaseAction): Promise<void> {
  const { tx, actor, who, today } = ctx;
  const c = await loadCase(tx, id);
  authorize(casePolicy, actor, a.action, recordOf(c));
  if (c.version !== a.version) throw new AppError('STALE_VERSION');
  checkDate('on', a.on, today, c.receivedOn);
  // The step's document: decision number, the file and a note, whichever were given.
  const doc = {
    decisionNo: 'decisionNo' in a ? (a.decisionNo ?? null) : null,
    attachmentId: 'attachmentId' in a ? (a.attachmentId ?? null) : null,
    note: 'note' in a ? (a.note ?? null) : null,
  };
  const handler = HANDLERS[a.action] as Handler<CaseActionName>;
  const outcome = await handler(ctx, c, a as ActionOf<CaseActionName>);
  const type = outcome.type ?? EVENT_OF[a.action];
  const summary = outcome.summary ?? EVENT_TYPE_LABELS[type].vi;
  const [updated] = await tx
    .update(cases)
    .set({ ...outcome.set, version: c.version + 1, updatedAt: new Date() })
    .where(and(eq(cases.id, c.id), eq(cases.version, c.version)))
    .returning();
  if (!updated) throw new AppError('STALE_VERSION');
  await addEvent(
    tx,
    updated,
    { userId: actor.userId, name: actor.fullName },
    { type, on: a.on, summary, ...doc, data: outcome.data ?? {} },
  );
  try {
    await refreshDeadlines(tx, updated, today);
  } catch (e) {
    // The engine refuses extensions beyond what the complexity allows (Decree 31/2019 Art. 3),
    // without a decision, or decided after the deadline; nothing of this action is saved.
    if (e instanceof DeadlineError) throw deadlineToApp(e, a.action === 'extend' ? 'decisionNo' : 'on');
    throw e;
  }
  await recordAudit(tx, who, {
    action: `case.${a.action}`,
    entityType: 'case',
    entityId: c.id,
    summary: `${c.code}: ${summary}`.slice(0, 500),
    before: { status: c.status, unitId: c.unitId, handlerId: c.handlerId, complexity: c.complexity },
    after: {
      status: updated.status,
      unitId: updated.unitId,
      handlerId: updated.handlerId,
      complexity: updated.complexity,
      on: a.on,
      decisionNo: doc.decisionNo,
    },
  });
}
