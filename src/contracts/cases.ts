/**
 * Contracts of the `reception` and `cases` modules (issue #5): the head's reception schedule, the
 * register book (sổ tiếp công dân), and cases (đơn, vụ việc) of four kinds with their workflow,
 * statutory deadlines, protected identities and the public portal. Shared by server and web.
 *
 * Legal bases: Law on Citizen Reception 42/2013/QH13 (Arts. 18, 24, 25, 28), Law on Complaints
 * 02/2011/QH13 (Arts. 9, 11, 27–41), Law on Denunciations 25/2018/QH14 (Arts. 8, 23–35, 47),
 * Decree 31/2019/NĐ-CP Art. 3, Thông tư 05/2021/TT-TTCP, all as amended by Law 136/2025/QH15.
 */
import { z } from 'zod';
import { zIsoDate, zRequiredText, zText, zUuid } from './common';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

/** The four kinds of case (DOMAIN.md §7.1 Petition / Case). */
export const CASE_KINDS = ['complaint', 'denunciation', 'petition', 'feedback'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_LABELS: Labels<CaseKind> = {
  complaint: { vi: 'Khiếu nại', en: 'Complaint' },
  denunciation: { vi: 'Tố cáo', en: 'Denunciation' },
  petition: { vi: 'Kiến nghị', en: 'Petition' },
  feedback: { vi: 'Phản ánh', en: 'Feedback' },
};

/** Where a case came from. */
export const CASE_CHANNELS = ['in_person', 'letter', 'portal', 'hotline', 'email', 'forwarded'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];
export const CASE_CHANNEL_LABELS: Labels<CaseChannel> = {
  in_person: { vi: 'Trực tiếp (tiếp công dân)', en: 'In person (reception)' },
  letter: { vi: 'Đơn gửi qua bưu chính', en: 'Letter' },
  portal: { vi: 'Cổng thông tin (trực tuyến)', en: 'Public portal' },
  hotline: { vi: 'Đường dây nóng', en: 'Hotline' },
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  forwarded: { vi: 'Cơ quan khác chuyển đến', en: 'Forwarded by another body' },
};

/**
 * Case states. `received` → (`accepted` | `not_accepted` | `forwarded` | `information` | `guided`)
 * → `accepted` ⇄ `suspended` → `resolved`; `withdrawn` and `terminated` end a case early.
 */
export const CASE_STATUSES = [
  'received',
  'accepted',
  'suspended',
  'resolved',
  'not_accepted',
  'forwarded',
  'guided',
  'information',
  'withdrawn',
  'terminated',
  'duplicate',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Labels<CaseStatus> = {
  received: { vi: 'Mới tiếp nhận', en: 'Received' },
  accepted: { vi: 'Đang giải quyết', en: 'Being resolved' },
  suspended: { vi: 'Tạm đình chỉ', en: 'Suspended' },
  resolved: { vi: 'Đã giải quyết', en: 'Resolved' },
  not_accepted: { vi: 'Không thụ lý', en: 'Not accepted' },
  forwarded: { vi: 'Đã chuyển đơn', en: 'Forwarded' },
  guided: { vi: 'Đã hướng dẫn', en: 'Guided to the competent body' },
  information: { vi: 'Lưu làm thông tin', en: 'Kept as information' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
  terminated: { vi: 'Đình chỉ giải quyết', en: 'Terminated' },
  duplicate: { vi: 'Đơn trùng', en: 'Duplicate' },
};
/** States in which statutory clocks still run (or are stopped but not ended). */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['received', 'accepted', 'suspended'];

/**
 * Grounds for not accepting: Law 02/2011 Art. 11 (complaints, 9 grounds) and Law 25/2018
 * Art. 29 (denunciations). The code is stored and stated in the notice.
 */
export const NOT_ACCEPTED_REASONS = {
  kn_internal_act: {
    kind: 'complaint',
    basis: 'Luật Khiếu nại 2011, Điều 11 khoản 1',
    vi: 'Quyết định, hành vi hành chính trong nội bộ cơ quan để chỉ đạo, tổ chức thực hiện nhiệm vụ, công vụ',
    en: 'Internal or steering administrative act',
  },
  kn_no_direct_interest: {
    kind: 'complaint',
    basis: 'Luật Khiếu nại 2011, Điều 11 khoản 2',
    vi: 'Không liên quan trực tiếp đến quyền, lợi ích hợp pháp của người khiếu nại',
    en: 'No direct interest of the complainant',
  },
  kn_no_capacity: {
    kind: 'complaint',
    basis: 'Luật Khiếu nại 2011, Điều 11 khoản 3',
    vi: 'Người khiếu nại không có năng lực hành vi dân sự đầy đủ mà không có người đại diện hợp pháp',
    en: 'No legal capacity and no lawful representative',
  },
  kn_unlawful_representative: {
    kind: 'complaint',
    basis: 'Luật Khiếu nại 2011, Điều 11 khoản 4',
    vi: 'Người đại diện không hợp pháp',
    en: 'Unlawful representative',
  },
  kn_unsigned: {
    kind: 'complaint',
    basis: 'Luật Khiếu nại 2011, Điều 11 khoản 5',
    vi: 'Đơn không có chữ ký hoặc điểm chỉ của người khiếu nại',
    en: 'The complaint is not signed or thumb-printed',
  },
  kn_limitation_expired: {
    kind: 'complaint',
    basis: 'Luật Khiếu nại 2011, Điều 11 khoản 6; Điều 9',
    vi: 'Thời hiệu khiếu nại đã hết mà không có lý do chính đáng',
    en: 'Limitation period expired without a valid reason',
  },
  kn_second_decision_exists: {
    kind: 'complaint',
    basis: 'Luật Khiếu nại 2011, Điều 11 khoản 7',
    vi: 'Khiếu nại đã có quyết định giải quyết lần hai',
    en: 'A second-instance decision already exists',
  },
  kn_suspension_not_followed: {
    kind: 'complaint',
    basis: 'Luật Khiếu nại 2011, Điều 11 khoản 8',
    vi: 'Có thông báo đình chỉ mà sau 30 ngày người khiếu nại không tiếp tục khiếu nại',
    en: '30 days passed after a suspension notice',
  },
  kn_court: {
    kind: 'complaint',
    basis: 'Luật Khiếu nại 2011, Điều 11 khoản 9',
    vi: 'Việc khiếu nại đã được Tòa án thụ lý hoặc giải quyết',
    en: 'Already before or decided by a court',
  },
  tc_incomplete: {
    kind: 'denunciation',
    basis: 'Luật Tố cáo 2018, Điều 29 khoản 1 điểm a; Điều 23',
    vi: 'Đơn tố cáo không có đủ nội dung theo quy định',
    en: 'The denunciation lacks the required contents',
  },
  tc_no_capacity: {
    kind: 'denunciation',
    basis: 'Luật Tố cáo 2018, Điều 29 khoản 2 điểm d',
    vi: 'Người tố cáo không có năng lực hành vi dân sự đầy đủ mà không có người đại diện',
    en: 'No legal capacity and no representative',
  },
  tc_no_basis: {
    kind: 'denunciation',
    basis: 'Luật Tố cáo 2018, Điều 29 khoản 2 điểm b',
    vi: 'Không có cơ sở để xác định người vi phạm, hành vi vi phạm',
    en: 'No basis to identify a violator and a violation',
  },
  tc_already_resolved: {
    kind: 'denunciation',
    basis: 'Luật Tố cáo 2018, Điều 29 khoản 2 điểm a',
    vi: 'Vụ việc đã được giải quyết mà không có thông tin, tình tiết mới',
    en: 'Already resolved, no new information',
  },
  tc_being_handled: {
    kind: 'denunciation',
    basis: 'Luật Tố cáo 2018, Điều 29 khoản 2 điểm c',
    vi: 'Vụ việc đã được cơ quan có thẩm quyền thụ lý hoặc đang giải quyết',
    en: 'Already accepted or being handled by a competent body',
  },
} as const satisfies Record<string, { kind: CaseKind; basis: string; vi: string; en: string }>;
export type NotAcceptedReason = keyof typeof NOT_ACCEPTED_REASONS;
export const NOT_ACCEPTED_REASON_CODES = Object.keys(NOT_ACCEPTED_REASONS) as [NotAcceptedReason, ...NotAcceptedReason[]];

/** Party roles. Denouncers and their relatives are protected (Law 25/2018 Arts. 8(3), 47(1)). */
export const PARTY_ROLES = ['complainant', 'denouncer', 'petitioner', 'representative', 'relative', 'denounced', 'related'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_ROLE_LABELS: Labels<PartyRole> = {
  complainant: { vi: 'Người khiếu nại', en: 'Complainant' },
  denouncer: { vi: 'Người tố cáo', en: 'Denouncer' },
  petitioner: { vi: 'Người kiến nghị, phản ánh', en: 'Petitioner' },
  representative: { vi: 'Người đại diện', en: 'Representative' },
  relative: { vi: 'Người thân của người tố cáo', en: "Denouncer's relative" },
  denounced: { vi: 'Người bị tố cáo', en: 'Person denounced' },
  related: { vi: 'Người có quyền, nghĩa vụ liên quan', en: 'Related party' },
};
/** Roles whose identity is protected on a denunciation (Law 25/2018 Art. 47(1)–(2)). */
export const PROTECTED_PARTY_ROLES: readonly PartyRole[] = ['denouncer', 'relative', 'representative'];

/** The identity of a person; stored encrypted, apart from the case. */
export const ZIdentity = z.object({
  name: zRequiredText(200),
  address: zText(500).nullish(),
  phone: zText(30).nullish(),
  email: zText(200).nullish(),
  idNumber: zText(30).nullish(),
});
export type TIdentity = z.infer<typeof ZIdentity>;

/** An identity in a response: the same fields as plain strings (a response schema runs no input transform). */
export const ZIdentityView = z.object({
  name: z.string(),
  address: z.string().nullish(),
  phone: z.string().nullish(),
  email: z.string().nullish(),
  idNumber: z.string().nullish(),
});

export const ZPartyInput = z.object({ role: z.enum(PARTY_ROLES), identity: ZIdentity });

/** A party as a reader sees it: the identity, or `null` with `masked: true`. */
export const ZParty = z.object({
  id: z.string(),
  role: z.enum(PARTY_ROLES),
  ordinal: z.number().int(),
  /** Label shown in place of a masked identity, e.g. "Người tố cáo 1". */
  label: z.string(),
  masked: z.boolean(),
  identity: ZIdentityView.nullable(),
  /** True when this reader may reveal it (assigned handler or decision-maker), with a reason. */
  canReveal: z.boolean(),
});
export type TParty = z.infer<typeof ZParty>;

export const EVENT_TYPES = [
  'received',
  'accepted',
  'not_accepted',
  'forwarded',
  'guided',
  'information',
  'assigned',
  'reassignment_requested',
  'reassignment_refused',
  'verification',
  'dialogue',
  'extended',
  'initial_extended',
  'suspended',
  'resumed',
  'withdrawn',
  'terminated',
  'decided',
  'decision_received',
  'notified',
  'public_answer',
  'reply_sent',
  'linked',
  'note',
  'identity_revealed',
  'deadline_recomputed',
  'complexity',
] as const;
export type CaseEventType = (typeof EVENT_TYPES)[number];
export const EVENT_TYPE_LABELS: Labels<CaseEventType> = {
  received: { vi: 'Tiếp nhận', en: 'Received' },
  accepted: { vi: 'Thụ lý', en: 'Accepted' },
  not_accepted: { vi: 'Không thụ lý', en: 'Not accepted' },
  forwarded: { vi: 'Chuyển đơn', en: 'Forwarded' },
  guided: { vi: 'Hướng dẫn', en: 'Guided' },
  information: { vi: 'Lưu làm thông tin', en: 'Kept as information' },
  assigned: { vi: 'Giao xử lý', en: 'Assigned' },
  reassignment_requested: { vi: 'Đề nghị giao lại, chờ phê duyệt', en: 'Reassignment requested, awaiting approval' },
  reassignment_refused: { vi: 'Không phê duyệt giao lại', en: 'Reassignment refused' },
  verification: { vi: 'Xác minh', en: 'Verification' },
  dialogue: { vi: 'Đối thoại', en: 'Dialogue' },
  extended: { vi: 'Gia hạn giải quyết', en: 'Extended' },
  initial_extended: { vi: 'Kéo dài thời hạn xử lý ban đầu', en: 'Initial processing extended' },
  suspended: { vi: 'Tạm đình chỉ', en: 'Suspended' },
  resumed: { vi: 'Tiếp tục giải quyết', en: 'Resumed' },
  withdrawn: { vi: 'Rút đơn', en: 'Withdrawn' },
  terminated: { vi: 'Đình chỉ giải quyết', en: 'Terminated' },
  decided: { vi: 'Quyết định / kết luận / trả lời', en: 'Decision / conclusion / answer' },
  decision_received: { vi: 'Người khiếu nại nhận quyết định', en: 'Decision received by the complainant' },
  notified: { vi: 'Gửi, thông báo', en: 'Sent / notified' },
  public_answer: { vi: 'Công bố trả lời', en: 'Public answer' },
  reply_sent: { vi: 'Trả lời người đến', en: 'Reply to the visitor' },
  linked: { vi: 'Liên kết vụ việc', en: 'Linked' },
  note: { vi: 'Ghi chú', en: 'Note' },
  identity_revealed: { vi: 'Xem thông tin người được bảo vệ', en: 'Protected identity revealed' },
  deadline_recomputed: { vi: 'Tính lại thời hạn', en: 'Deadline recomputed' },
  complexity: { vi: 'Đánh giá tính phức tạp', en: 'Complexity assessed' },
};

/** Intake of a case by the Office (or by a reception entry). */
export const ZCaseIntake = z.object({
  kind: z.enum(CASE_KINDS),
  channel: z.enum(CASE_CHANNELS),
  receivedOn: zIsoDate,
  /** A short subject that names no protected person. */
  subject: zRequiredText(300),
  content: zRequiredText(20_000),
  /** Body that forwarded it (channel 'forwarded'). */
  sourceBody: zText(300).nullish(),
  /** Complaint: the day the complainant received or learned of the act (Law 02/2011 Art. 9). */
  knowledgeOn: zIsoDate.nullish(),
  /** Days of obstacle (illness, disaster, distant work…) excluded from the limitation period. */
  obstacleFrom: zIsoDate.nullish(),
  obstacleTo: zIsoDate.nullish(),
  /** Second-instance complaint: the first-instance case. */
  firstInstanceCaseId: zUuid.nullish(),
  /** The denunciation gives no name or a false name (Law 25/2018 Art. 25). */
  anonymous: z.boolean().default(false),
  /** Remote or hard-to-reach area (Law 02/2011 Arts. 28, 37). */
  remote: z.boolean().default(false),
  /** A petition about an administrative regulation (Decree 20/2008). */
  aboutRegulation: z.boolean().default(false),
  parties: z.array(ZPartyInput).max(50).default([]),
  /** Register-book entry this case was split from. */
  receptionEntryId: zUuid.nullish(),
  attachmentIds: z.array(zUuid).max(50).default([]),
});
export type TCaseIntake = z.input<typeof ZCaseIntake>;

const zDoc = { decisionNo: zText(100).nullish(), attachmentId: zUuid.nullish(), note: zText(10_000).nullish() };

/** The workflow actions, one body each; `version` guards against two people acting at once. */
export const ZCaseAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), version: z.number().int(), on: zIsoDate, ...zDoc }),
  z.object({
    action: z.literal('not_accept'),
    version: z.number().int(),
    on: zIsoDate,
    reasons: z.array(z.enum(NOT_ACCEPTED_REASON_CODES)).min(1).max(10),
    ...zDoc,
  }),
  z.object({ action: z.literal('forward'), version: z.number().int(), on: zIsoDate, to: zRequiredText(300), ...zDoc }),
  z.object({ action: z.literal('guide'), version: z.number().int(), on: zIsoDate, to: zRequiredText(300), ...zDoc }),
  z.object({ action: z.literal('information'), version: z.number().int(), on: zIsoDate, ...zDoc }),
  z.object({
    action: z.literal('assign'),
    version: z.number().int(),
    on: zIsoDate,
    unitId: zUuid,
    handlerId: zUuid,
    decisionMakerId: zUuid.nullish(),
    ...zDoc,
  }),
  // The decision-maker or the head approves (or refuses) a reassignment of a denunciation (Law 25/2018 Arts. 8(3), 47).
  z.object({ action: z.literal('approve_assignment'), version: z.number().int(), on: zIsoDate, approved: z.boolean(), ...zDoc }),
  z.object({ action: z.literal('verification'), version: z.number().int(), on: zIsoDate, ...zDoc }),
  z.object({ action: z.literal('dialogue'), version: z.number().int(), on: zIsoDate, ...zDoc }),
  z.object({
    action: z.literal('complexity'),
    version: z.number().int(),
    on: zIsoDate,
    criteria: z.array(z.string().max(2)).max(7),
    ...zDoc,
  }),
  z.object({
    action: z.literal('extend'),
    version: z.number().int(),
    on: zIsoDate,
    days: z.number().int().min(1).max(30).nullish(),
    ...zDoc,
  }),
  z.object({ action: z.literal('extend_initial'), version: z.number().int(), on: zIsoDate, ...zDoc }),
  z.object({ action: z.literal('suspend'), version: z.number().int(), on: zIsoDate, ...zDoc }),
  z.object({ action: z.literal('resume'), version: z.number().int(), on: zIsoDate, ...zDoc }),
  z.object({
    action: z.literal('withdraw'),
    version: z.number().int(),
    on: zIsoDate,
    continueHandling: z.boolean().default(false),
    ...zDoc,
  }),
  z.object({ action: z.literal('terminate'), version: z.number().int(), on: zIsoDate, ...zDoc }),
  z.object({ action: z.literal('decide'), version: z.number().int(), on: zIsoDate, outcome: zRequiredText(2000), ...zDoc }),
  // The day the complainant received the first-instance decision: the second-complaint window runs from it (Law 02/2011 Art. 33).
  z.object({ action: z.literal('decision_received'), version: z.number().int(), on: zIsoDate, ...zDoc }),
  z.object({ action: z.literal('notify'), version: z.number().int(), on: zIsoDate, recipients: zRequiredText(1000), ...zDoc }),
  z.object({ action: z.literal('public_answer'), version: z.number().int(), on: zIsoDate, answer: zRequiredText(10_000) }),
  z.object({
    action: z.literal('link'),
    version: z.number().int(),
    on: zIsoDate,
    otherCaseId: zUuid,
    relation: z.enum(['duplicate', 'repeat', 'related']),
    ...zDoc,
  }),
  z.object({
    action: z.literal('note'),
    version: z.number().int(),
    on: zIsoDate,
    note: zRequiredText(10_000),
    attachmentId: zUuid.nullish(),
  }),
]);
export type TCaseAction = z.input<typeof ZCaseAction>;
export type CaseActionName = TCaseAction['action'];

export const ZRevealRequest = z.object({
  reason: zRequiredText(1000).pipe(z.string().min(10, 'lý do phải có ít nhất 10 ký tự|the reason must be at least 10 characters')),
});

export const ZCaseListQuery = z.object({
  q: zText(200).optional(),
  kind: z.enum(CASE_KINDS).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  channel: z.enum(CASE_CHANNELS).optional(),
  unitId: zUuid.optional(),
  handlerId: zUuid.optional(),
  due: z.enum(['overdue', 'soon', 'open']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  unassigned: z.enum(['true', 'false']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A person or a unit named in a response: its id and name only. */
const zRef = z.object({ id: z.string(), name: z.string() });

/** One computed statutory deadline of a case, with how it was reached. */
export const ZCaseDeadline = z.object({
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  title: z.string(),
  titleEn: z.string(),
  trigger: z.string(),
  /** The triggering event as the rule names it, e.g. "Ngày thụ lý tố cáo". */
  triggerLabel: z.string(),
  triggerLabelEn: z.string(),
  due: z.string(),
  /** 'open' (still running), 'met' (the act was done by `metOn`), 'missed' (done late or not yet done after `due`), 'stopped' (suspended). */
  status: z.enum(['open', 'met', 'missed', 'stopped']),
  metOn: z.string().nullable(),
  explanation: z.array(z.string()),
  basis: z.array(z.string()),
});
export type TCaseDeadline = z.infer<typeof ZCaseDeadline>;

/** A deadline as a list shows it: no explanation lines or basis (they are ≈2 kB a row; issue #17). */
export const ZCaseDeadlineBrief = ZCaseDeadline.omit({ explanation: true, basis: true });
export type TCaseDeadlineBrief = z.infer<typeof ZCaseDeadlineBrief>;

/** A case as a list row (no identity ever). */
export const ZCaseRow = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(CASE_KINDS),
  channel: z.enum(CASE_CHANNELS),
  status: z.enum(CASE_STATUSES),
  subject: z.string(),
  receivedOn: z.string(),
  instance: z.union([z.literal(1), z.literal(2)]),
  unit: zRef.nullable(),
  handler: zRef.nullable(),
  anonymous: z.boolean(),
  extensions: z.number().int(),
  /** The nearest open deadline (or the missed one), without its explanation (the case page has it). */
  nextDeadline: ZCaseDeadlineBrief.nullable(),
  overdue: z.boolean(),
  repeatCount: z.number().int(),
});
export type TCaseRow = z.infer<typeof ZCaseRow>;

export const ZCaseEvent = z.object({
  id: z.string(),
  type: z.enum(EVENT_TYPES),
  on: z.string(),
  actorName: z.string(),
  summary: z.string(),
  decisionNo: z.string().nullable(),
  attachment: z.object({ id: z.string(), filename: z.string() }).nullable(),
  note: z.string().nullable(),
  at: z.string(),
});
export type TCaseEvent = z.infer<typeof ZCaseEvent>;

/** What a reader may do on a case: every workflow action, plus read, edit and reveal. */
const CASE_ABILITIES = [...ZCaseAction.options.map((o) => o.shape.action.value), 'read', 'edit', 'reveal'] as const;
const zAbilities = z.object(
  Object.fromEntries(CASE_ABILITIES.map((k) => [k, z.boolean()])) as Record<(typeof CASE_ABILITIES)[number], z.ZodBoolean>,
);

/** One case as a reader sees it; protected identities come masked (a reveal is a separate, logged request). */
export const ZCase = ZCaseRow.extend({
  /** Null on a denunciation for readers who do not work it (its words often identify the author). */
  content: z.string().nullable(),
  sourceBody: z.string().nullable(),
  trackingCode: z.string().nullable(),
  knowledgeOn: z.string().nullable(),
  remote: z.boolean(),
  aboutRegulation: z.boolean(),
  complexity: z.object({ criteria: z.array(z.string()), level: z.enum(['standard', 'complex', 'especially_complex']) }),
  acceptedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  publicAnswer: z.string().nullable(),
  notAcceptedReasons: z.array(z.enum(NOT_ACCEPTED_REASON_CODES)),
  forwardedTo: z.string().nullable(),
  decisionMaker: zRef.nullable(),
  /** A reassignment of a denunciation waiting for the decision-maker's or the head's approval. */
  pendingAssignment: z
    .object({
      unit: zRef,
      handler: zRef,
      decisionMaker: zRef.nullable(),
      requestedBy: z.string(),
      requestedOn: z.string(),
    })
    .nullable(),
  parties: z.array(ZParty),
  deadlines: z.array(ZCaseDeadline),
  events: z.array(ZCaseEvent),
  links: z.array(z.object({ id: z.string(), code: z.string(), relation: z.string(), subject: z.string(), status: z.enum(CASE_STATUSES) })),
  /** Linked cases this reader may not read. */
  linksHidden: z.number().int(),
  firstInstance: z.object({ id: z.string(), code: z.string() }).nullable(),
  /** Documents received with the case, for those who may open them. */
  attachments: z.array(z.object({ id: z.string(), filename: z.string() })),
  /** Documents this reader may not open (a denunciation's, for anyone but its handler and decision-maker). */
  attachmentsHidden: z.number().int(),
  receptionEntry: z.object({ id: z.string(), seqNo: z.number().int(), year: z.number().int() }).nullable(),
  /**
   * Limitation check for a complaint (Law 02/2011 Art. 9): the limitation period (KN-LIMIT) or the
   * second-complaint window (KN-L2-WINDOW); `due` is null when its start is not yet known.
   */
  limitation: z.object({ due: z.string().nullable(), expired: z.boolean(), explanation: z.array(z.string()) }).nullable(),
  /** What this reader may do now. */
  can: zAbilities,
  version: z.number().int(),
});
export type TCase = z.infer<typeof ZCase>;

/** GET /cases: a page of rows; the count stops at a cap (issue #17). */
export const ZCaseList = z.object({ rows: z.array(ZCaseRow), total: z.number().int(), totalCapped: z.boolean() });
export type TCaseList = z.infer<typeof ZCaseList>;

/** Open cases by unit or handler, for oversight. */
const zLoad = { open: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int() };

/** GET /cases/oversight: due soon, overdue, prolonged and repeated cases, by unit and by handler. */
export const ZCaseOversight = z.object({
  /** Reveals by someone who gained the right through a reassignment (Law 25/2018 Arts. 8(3), 47), for supervision. */
  revealsAfterReassignment: z.array(
    z.object({ caseId: z.string(), code: z.string(), revealedBy: z.string(), revealedAt: z.string(), reassignedOn: z.string() }),
  ),
  dueSoon: z.array(ZCaseRow),
  overdue: z.array(ZCaseRow),
  prolonged: z.array(ZCaseRow),
  repeated: z.array(ZCaseRow),
  totals: z.object({
    open: z.number().int(),
    dueSoon: z.number().int(),
    overdue: z.number().int(),
    prolonged: z.number().int(),
    repeated: z.number().int(),
  }),
  byUnit: z.array(z.object({ unit: zRef, ...zLoad })),
  byHandler: z.array(z.object({ handler: zRef, ...zLoad })),
});
export type TCaseOversight = z.infer<typeof ZCaseOversight>;

/** Indicators of a period (statistics and report cycles). */
export const ZCaseIndicators = z.object({
  received: z.number().int(),
  accepted: z.number().int(),
  resolved: z.number().int(),
  resolvedOnTime: z.number().int(),
  overdue: z.number().int(),
});

/** GET /cases/stats: the statistics of a year. */
export const ZCaseStatistics = z.object({
  year: z.number().int(),
  byKind: z.array(z.object({ kind: z.enum(CASE_KINDS), count: z.number().int() })),
  byChannel: z.array(z.object({ channel: z.enum(CASE_CHANNELS), count: z.number().int() })),
  byUnit: z.array(z.object({ unit: zRef.nullable(), count: z.number().int() })),
  byMonth: z.array(
    z.object({
      month: z.string(),
      complaint: z.number().int(),
      denunciation: z.number().int(),
      petition: z.number().int(),
      feedback: z.number().int(),
    }),
  ),
  indicators: ZCaseIndicators,
});
export type TCaseStatistics = z.infer<typeof ZCaseStatistics>;

/** POST /cases/:id/parties/:partyId/reveal: the identity, sent once and never cached. */
export const ZRevealedParty = z.object({ identity: ZIdentityView });
export type TRevealedParty = z.infer<typeof ZRevealedParty>;

/** GET /deadline-rules: every version of every statutory deadline rule. */
export const ZDeadlineRule = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  titleEn: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  basis: z.array(z.string()),
  confidence: z.enum(['confirmed', 'reported', 'background']),
});
export type TDeadlineRule = z.infer<typeof ZDeadlineRule>;

/* ---------------- Public portal ---------------- */

/** A proof-of-work challenge (self-hosted anti-spam): find `n` with sha256(salt + n) starting with `difficulty` zero bits. */
export type TPortalChallenge = { salt: string; difficulty: number; expiresAt: string; signature: string };

export const ZPortalSubmission = z.object({
  kind: z.enum(CASE_KINDS),
  subject: zRequiredText(300),
  content: zRequiredText(10_000),
  /** Required for complaints and denunciations (a denunciation without a name is not processed, Law 25/2018 Art. 25). */
  identity: ZIdentity.partial({ name: true })
    .extend({ name: zText(200).nullish() })
    .nullish(),
  knowledgeOn: zIsoDate.nullish(),
  /** A key the browser makes once per form: a retry with the same key returns the same code. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'khóa gửi lại không hợp lệ|invalid idempotency key'),
  challenge: z.object({
    salt: z.string().max(200),
    difficulty: z.number().int(),
    expiresAt: z.string().max(40),
    signature: z.string().max(200),
    nonce: z.string().max(40),
  }),
  /** A field hidden from people; bots fill it. */
  website: z.string().max(200).optional(),
});

export type TPortalStatus = {
  trackingCode: string;
  kind: CaseKind;
  subject: string;
  receivedOn: string;
  status: CaseStatus;
  statusLabel: { vi: string; en: string };
  /** Public steps only (no names, no internal notes). */
  steps: { on: string; label: { vi: string; en: string } }[];
  nextDue: string | null;
  publicAnswer: string | null;
};

/**
 * A portal tracking code as people type or read it back: lower case, spaces or dots between the
 * groups, no hyphens at all, or O/I/L for 0/1 in the random part (Crockford base32 excludes them
 * for this reason). Gives the canonical "KN-ABCD-EFGH-JKMN"; anything else comes back upper-cased
 * with its separators tidied, for the format check to judge. Issue #14 point 6.
 */
export function normalizeTrackingCode(raw: string): string {
  const s = raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s_.–—−]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  const compact = s.replace(/[^0-9A-Z]/g, '');
  const prefix = compact.length === 15 && compact.startsWith('KNG') ? 'KNG' : compact.length === 14 ? compact.slice(0, 2) : null;
  if (!prefix || !['KN', 'TC', 'KNG', 'PA'].includes(prefix)) return s;
  const body = compact.slice(prefix.length).replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{12}$/.test(body)) return s;
  return `${prefix}-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}`;
}
