/** The workflow actions of a case. */
import type { ActorContext } from '../../../platform/module';
import { and, eq, inArray } from 'drizzle-orm';
import { compareIsoDates } from '../../../../domain';
import { classifyComplexity, COMPLEXITY_CRITERIA, DeadlineError } from '../../../../domain/deadlines';
import {
  CASE_KIND_LABELS,
  EVENT_TYPE_LABELS,
  NOT_ACCEPTED_REASONS,
  type CaseActionName,
  type CaseEventType,
  type CaseKind,
  type TCaseAction,
} from '../../../../contracts/cases';
import { recordAudit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db';
import { AppError, invalid } from '../../../platform/errors';
import { notify } from '../../../platform/notify';
import { authorize } from '../../../platform/policy';
import { roleAssignments, units } from '../../../platform/tables';
import { casePolicy, isDecisionMaker, isOffice } from '../policy';
import { caseEvents, caseLinks, cases } from '../tables';
import {
  type CaseRow,
  deadlineToApp,
  userNames,
  recordOf,
  loadCase,
  addEvent,
  checkDate,
  linkCases,
  isMemberOf,
  agencyHead,
} from '../records';
import { refreshDeadlines } from '../clocks';

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

/** Perform one workflow action. Every action is an event with its document, and audited. */
export async function act(ctx: ActorContext, id: string, a: TCaseAction): Promise<void> {
  const { tx, actor, who, today } = ctx;
  const c = await loadCase(tx, id);
  const rec = recordOf(c);
  authorize(casePolicy, actor, a.action === 'extend_initial' ? 'extend_initial' : (a.action as CaseActionName), rec);
  if (c.version !== a.version) throw new AppError('STALE_VERSION');
  checkDate('on', a.on, today, c.receivedOn);
  const doc =
    'decisionNo' in a
      ? { decisionNo: a.decisionNo ?? null, attachmentId: a.attachmentId ?? null, note: a.note ?? null }
      : { decisionNo: null, attachmentId: null, note: null };
  const set: Partial<typeof cases.$inferInsert> = {};
  let summary = EVENT_TYPE_LABELS[eventOf(a.action)].vi;
  let data: Record<string, unknown> = {};
  switch (a.action) {
    case 'accept':
      if (c.kind === 'denunciation' && c.anonymous) throw new AppError('CASE_ANONYMOUS');
      set.status = 'accepted';
      set.acceptedOn = a.on;
      summary =
        c.kind === 'complaint' || c.kind === 'denunciation'
          ? `Thụ lý giải quyết${a.decisionNo ? ` (${a.decisionNo})` : ''}`
          : 'Tiếp nhận xử lý';
      break;
    case 'not_accept': {
      const wrong = a.reasons.find((r) => NOT_ACCEPTED_REASONS[r].kind !== c.kind);
      if (wrong)
        throw invalid(
          'reasons',
          `lý do "${NOT_ACCEPTED_REASONS[wrong].vi}" không áp dụng cho ${CASE_KIND_LABELS[c.kind as CaseKind].vi.toLowerCase()}`,
          `ground "${NOT_ACCEPTED_REASONS[wrong].en}" does not apply to a ${c.kind}`,
        );
      set.status = 'not_accepted';
      set.notAcceptedReasons = a.reasons;
      set.closedOn = a.on;
      summary = `Không thụ lý: ${a.reasons.map((r) => `${NOT_ACCEPTED_REASONS[r].vi} (${NOT_ACCEPTED_REASONS[r].basis})`).join('; ')}`;
      data = { reasons: a.reasons };
      break;
    }
    case 'forward':
      // TT 05/2021/TT-TTCP Art. 14: a denunciation is forwarded only once for the same content.
      if (await alreadyForwarded(tx, c)) throw new AppError('CASE_ALREADY_FORWARDED');
      set.status = 'forwarded';
      set.forwardedTo = a.to;
      set.closedOn = a.on;
      summary = `Chuyển đơn đến ${a.to}`;
      data = { to: a.to };
      break;
    case 'guide':
      set.status = 'guided';
      set.forwardedTo = a.to;
      set.closedOn = a.on;
      summary = `Hướng dẫn gửi đến ${a.to}`;
      data = { to: a.to };
      break;
    case 'information':
      set.status = 'information';
      set.closedOn = a.on;
      break;
    case 'assign': {
      const [u] = await tx.select().from(units).where(eq(units.id, a.unitId));
      if (!u) throw invalid('unitId', 'không tìm thấy đơn vị', 'unit not found');
      if (!(await isMemberOf(tx, a.handlerId, a.unitId)))
        throw invalid('handlerId', 'người xử lý phải thuộc đơn vị được giao', 'the handler must belong to the unit');
      // A unit head may reassign only within their own unit; the Office and the decision-maker anywhere.
      if (!isOffice(actor) && !isDecisionMaker(actor, rec) && c.unitId !== a.unitId) throw new AppError('FORBIDDEN');
      // The decision-maker sees the denouncer: only the Office or leadership names one, it must be a
      // leader or the head of a unit (a subordinate body deciding on its own acts), and nobody but a
      // leader names themself. A unit head reassigning within the unit keeps the one named.
      if (a.decisionMakerId && a.decisionMakerId !== c.decisionMakerId) {
        const mayName = isOffice(actor) || actor.roles.some((r) => r.role === 'leader');
        if (!mayName)
          throw invalid(
            'decisionMakerId',
            'chỉ Văn phòng hoặc lãnh đạo cơ quan được chỉ định người có thẩm quyền giải quyết',
            'only the Office or leadership names the decision-maker',
          );
        const roles = await tx
          .select({ role: roleAssignments.role })
          .from(roleAssignments)
          .where(eq(roleAssignments.userId, a.decisionMakerId));
        if (!roles.some((r) => r.role === 'leader' || r.role === 'unit_head'))
          throw invalid(
            'decisionMakerId',
            'người có thẩm quyền giải quyết phải là lãnh đạo cơ quan hoặc người đứng đầu đơn vị',
            'the decision-maker must be a leader or the head of a unit',
          );
        if (a.decisionMakerId === actor.userId && !actor.roles.some((r) => r.role === 'leader'))
          throw invalid(
            'decisionMakerId',
            'không tự chỉ định mình là người có thẩm quyền giải quyết',
            'you cannot name yourself the decision-maker',
          );
      }
      const dm = a.decisionMakerId ?? c.decisionMakerId ?? (await agencyHead(tx));
      set.unitId = a.unitId;
      set.handlerId = a.handlerId;
      set.decisionMakerId = dm;
      const names = await userNames(tx, [a.handlerId, dm]);
      summary = `Giao ${u.name} xử lý; người xử lý: ${names.get(a.handlerId)}${dm ? `; người có thẩm quyền giải quyết: ${names.get(dm)}` : ''}`;
      data = { unitId: a.unitId, handlerId: a.handlerId, decisionMakerId: dm, previous: { unitId: c.unitId, handlerId: c.handlerId } };
      await notify(tx, {
        tenantId: c.tenantId,
        userId: a.handlerId,
        kind: 'case.assigned',
        title: `Được giao xử lý ${c.code}`,
        body: c.subject,
        link: `/cases/${c.id}`,
      });
      break;
    }
    case 'verification':
    case 'dialogue':
    case 'note':
      summary = a.action === 'note' ? 'Ghi chú' : EVENT_TYPE_LABELS[a.action].vi;
      break;
    case 'complexity': {
      const keys = [...new Set(a.criteria.map((k) => k.normalize('NFC')))];
      let level: ReturnType<typeof classifyComplexity>;
      try {
        level = classifyComplexity(keys);
      } catch {
        throw invalid('criteria', 'tiêu chí không hợp lệ (a, b, c, d, đ, e, g)', 'unknown criterion (a, b, c, d, đ, e, g)');
      }
      set.complexity = keys;
      const labels = { standard: 'không phức tạp', complex: 'phức tạp', especially_complex: 'đặc biệt phức tạp' };
      summary = `Đánh giá: ${labels[level]}${keys.length ? ` — tiêu chí ${keys.join(', ')} (Nghị định 31/2019/NĐ-CP, Điều 3)` : ''}`;
      data = { criteria: keys, level, texts: COMPLEXITY_CRITERIA.filter((k) => keys.includes(k.key)).map((k) => k.text) };
      break;
    }
    case 'extend':
      if (!a.decisionNo)
        throw invalid(
          'decisionNo',
          'gia hạn phải có quyết định gia hạn (số, ký hiệu)',
          'an extension needs a decision number (Decree 31/2019, form 01)',
        );
      data = { days: a.days ?? 30 };
      summary = `Gia hạn giải quyết ${a.days ?? 30} ngày theo Quyết định ${a.decisionNo}`;
      break;
    case 'extend_initial':
      summary = 'Kéo dài thời hạn xử lý ban đầu đến 10 ngày làm việc (Luật Tố cáo 2018, Điều 24 khoản 1)';
      break;
    case 'suspend':
      set.status = 'suspended';
      summary = `Tạm đình chỉ giải quyết${a.decisionNo ? ` (${a.decisionNo})` : ''}`;
      break;
    case 'resume':
      set.status = 'accepted';
      summary = `Tiếp tục giải quyết${a.decisionNo ? ` (${a.decisionNo})` : ''}`;
      break;
    case 'withdraw':
      // Law 25/2018 Art. 33: the case continues when a violation is indicated or the withdrawal was coerced.
      if (!a.continueHandling) {
        set.status = 'withdrawn';
        set.closedOn = a.on;
      }
      summary = a.continueHandling
        ? 'Người gửi rút đơn; tiếp tục giải quyết vì có dấu hiệu vi phạm hoặc bị ép buộc rút (Luật Tố cáo 2018, Điều 33)'
        : 'Người gửi rút đơn; kết thúc giải quyết';
      data = { continueHandling: a.continueHandling };
      break;
    case 'terminate':
      set.status = 'terminated';
      set.closedOn = a.on;
      summary = `Đình chỉ giải quyết${a.decisionNo ? ` (${a.decisionNo})` : ''}`;
      break;
    case 'decide': {
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
      set.status = 'resolved';
      set.decidedOn = a.on;
      set.outcome = a.outcome;
      set.closedOn = a.on;
      const what =
        c.kind === 'complaint'
          ? 'Quyết định giải quyết khiếu nại'
          : c.kind === 'denunciation'
            ? 'Kết luận nội dung tố cáo'
            : 'Văn bản trả lời';
      summary = `${what}${a.decisionNo ? ` ${a.decisionNo}` : ''}: ${a.outcome}`;
      break;
    }
    case 'notify':
      summary = `Gửi, thông báo đến: ${a.recipients}`;
      data = { recipients: a.recipients };
      break;
    case 'public_answer':
      set.publicAnswer = a.answer;
      summary = 'Công bố nội dung trả lời trên cổng thông tin';
      break;
    case 'link': {
      if (a.otherCaseId === c.id) throw invalid('otherCaseId', 'không thể liên kết với chính nó', 'cannot link a case to itself');
      const other = await loadCase(tx, a.otherCaseId).catch(() => {
        throw invalid('otherCaseId', 'không tìm thấy vụ việc', 'case not found');
      });
      await linkCases(tx, c, other.id, a.relation);
      if (a.relation === 'duplicate' && c.status === 'received') {
        set.status = 'duplicate';
        set.closedOn = a.on;
      }
      // The other case's number is in the links (shown to those who may read it), not in the timeline.
      summary = {
        duplicate: 'Liên kết: đơn trùng với một vụ việc khác',
        repeat: 'Liên kết: đơn gửi lại, nhiều lần',
        related: 'Liên kết: vụ việc có liên quan',
      }[a.relation];
      data = { otherCaseId: other.id, relation: a.relation };
      break;
    }
  }
  const [updated] = await tx
    .update(cases)
    .set({ ...set, version: c.version + 1, updatedAt: new Date() })
    .where(and(eq(cases.id, c.id), eq(cases.version, c.version)))
    .returning();
  if (!updated) throw new AppError('STALE_VERSION');
  await addEvent(
    tx,
    updated!,
    { userId: actor.userId, name: actor.fullName },
    {
      type: eventOf(a.action),
      on: a.on,
      summary,
      ...doc,
      ...(a.action === 'note' ? { note: a.note, attachmentId: a.attachmentId ?? null } : {}),
      data,
    },
  );
  try {
    await refreshDeadlines(tx, updated!, today);
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
      status: updated!.status,
      unitId: updated!.unitId,
      handlerId: updated!.handlerId,
      complexity: updated!.complexity,
      on: a.on,
      decisionNo: doc.decisionNo,
    },
  });
}

export function eventOf(action: CaseActionName): CaseEventType {
  const map: Record<CaseActionName, CaseEventType> = {
    accept: 'accepted',
    not_accept: 'not_accepted',
    forward: 'forwarded',
    guide: 'guided',
    information: 'information',
    assign: 'assigned',
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
    notify: 'notified',
    public_answer: 'public_answer',
    link: 'linked',
    note: 'note',
  };
  return map[action];
}
