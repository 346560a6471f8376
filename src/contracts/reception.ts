/**
 * Contracts of citizen reception (issue #5): the head's reception schedule and the register book
 * (sổ tiếp công dân). Shared by server and web.
 *
 * Legal bases: Law on Citizen Reception 42/2013/QH13 (Arts. 18, 24, 25, 28) as amended by Law
 * 136/2025/QH15; Law on Denunciations 25/2018/QH14 Art. 8(3) for what a line withholds.
 */
import { z } from 'zod';
import { CASE_KINDS, CASE_STATUSES, ZIdentity, ZIdentityView } from './cases';
import { zIsoDate, zRequiredText, zText, zUuid } from './common';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const HOST_KINDS = ['head', 'deputy', 'officer'] as const;
export type HostKind = (typeof HOST_KINDS)[number];
export const HOST_KIND_LABELS: Labels<HostKind> = {
  head: { vi: 'Người đứng đầu tiếp', en: 'Head of agency' },
  deputy: { vi: 'Cấp phó tiếp', en: 'Deputy head' },
  officer: { vi: 'Công chức tiếp thường xuyên', en: 'Reception officer' },
};
export const SESSION_MODES = ['in_person', 'online'] as const;
export const SESSION_MODE_LABELS: Labels<(typeof SESSION_MODES)[number]> = {
  in_person: { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
};
export const SESSION_STATUSES = ['planned', 'published', 'held', 'postponed', 'cancelled'] as const;
export const SESSION_STATUS_LABELS: Labels<(typeof SESSION_STATUSES)[number]> = {
  planned: { vi: 'Dự kiến (chưa thông báo)', en: 'Planned (not published)' },
  published: { vi: 'Đã thông báo', en: 'Published' },
  held: { vi: 'Đã tiếp', en: 'Held' },
  postponed: { vi: 'Hoãn', en: 'Postponed' },
  cancelled: { vi: 'Hủy', en: 'Cancelled' },
};

export const ZSessionInput = z.object({
  date: zIsoDate,
  startTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/, 'giờ phải có dạng HH:MM|time must be HH:MM')
    .default('07:30'),
  endTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/, 'giờ phải có dạng HH:MM|time must be HH:MM')
    .default('11:30'),
  hostKind: z.enum(HOST_KINDS),
  hostId: zUuid,
  mode: z.enum(SESSION_MODES).default('in_person'),
  place: zRequiredText(300),
  bridgePoints: zText(1000).nullish(),
  attendees: zText(1000).nullish(),
  topics: zText(2000).nullish(),
  adhoc: z.boolean().default(false),
});
export const ZSessionUpdate = ZSessionInput.partial().extend({ version: z.number().int() });
export const ZSessionAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('publish'), version: z.number().int(), on: zIsoDate }),
  z.object({ action: z.literal('held'), version: z.number().int() }),
  z.object({ action: z.literal('postpone'), version: z.number().int(), newDate: zIsoDate, reason: zRequiredText(500) }),
  z.object({ action: z.literal('cancel'), version: z.number().int(), reason: zRequiredText(500) }),
]);

/** A reception session as the schedule shows it. */
export const ZReceptionSession = z.object({
  id: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  hostKind: z.enum(HOST_KINDS),
  host: z.object({ id: z.string(), name: z.string() }),
  mode: z.enum(SESSION_MODES),
  place: z.string(),
  bridgePoints: z.string().nullable(),
  attendees: z.string().nullable(),
  topics: z.string().nullable(),
  adhoc: z.boolean(),
  status: z.enum(SESSION_STATUSES),
  /** Latest day to publish (Law 42/2013 Art. 24: at least 5 working days before). */
  publishBy: z.string(),
  /**
   * How `publishBy` was counted, day by day with the legal basis: sent with one session (after a
   * change). The year's schedule and the public portal leave it out (issue #17: it was two thirds
   * of each session's bytes, and a daily reception desk's year would pass 200 kB); the schedule
   * asks `GET /reception/sessions/:id/publish-by` when a person opens it.
   */
  publishByExplanation: z.array(z.string()).optional(),
  publishedOn: z.string().nullable(),
  publishedLate: z.boolean(),
  postponedTo: z.string().nullable(),
  statusReason: z.string().nullable(),
  entries: z.number().int(),
  version: z.number().int(),
});
export type TReceptionSession = z.infer<typeof ZReceptionSession>;

/** GET /reception/sessions/:id/publish-by: a session's publication deadline and how it was counted. */
export const ZPublishBy = z.object({ publishBy: z.string(), explanation: z.array(z.string()) });
export type TPublishBy = z.infer<typeof ZPublishBy>;

/** GET /reception/sessions: the sessions of a year and, per month, whether the head received citizens (Art. 18(2)). */
export const ZReceptionSchedule = z.object({
  sessions: z.array(ZReceptionSession),
  months: z.array(z.object({ month: z.string(), headSessions: z.number().int(), ok: z.boolean() })),
});
export type TReceptionSchedule = z.infer<typeof ZReceptionSchedule>;

/** GET /reception/hosts: who may host a session. */
export const ZReceptionHost = z.object({ id: z.string(), name: z.string(), title: z.string().nullable(), kind: z.enum(HOST_KINDS) });
export type TReceptionHost = z.infer<typeof ZReceptionHost>;

export const REPLY_OUTCOMES = ['accepted', 'pending_verification', 'refused', 'forwarded'] as const;
export const REPLY_OUTCOME_LABELS: Labels<(typeof REPLY_OUTCOMES)[number]> = {
  accepted: { vi: 'Được thụ lý', en: 'Accepted' },
  pending_verification: { vi: 'Chưa thụ lý, cần xác minh thêm', en: 'Pending further verification' },
  refused: { vi: 'Không thụ lý (không thuộc thẩm quyền hoặc không đủ điều kiện)', en: 'Refused' },
  forwarded: { vi: 'Đã chuyển cơ quan có thẩm quyền', en: 'Forwarded to the competent body' },
};

/** One part of a visit's content, split by kind (Law 42/2013 Art. 25(3)). */
export const ZEntryPart = z.object({
  kind: z.enum(CASE_KINDS),
  subject: zRequiredText(300),
  content: zRequiredText(20_000),
  knowledgeOn: zIsoDate.nullish(),
  /** A second complaint: the first-instance case it follows (Law 02/2011 Art. 33). */
  firstInstanceCaseId: zUuid.nullish(),
});

/** A register-book entry (Law 42/2013 Art. 25(2); TT 06/2014/TT-TTCP register template). */
export const ZEntryInput = z.object({
  sessionId: zUuid.nullish(),
  receivedOn: zIsoDate,
  visitors: z.array(ZIdentity).min(1).max(200),
  groupSize: z.number().int().min(1).max(10_000).default(1),
  content: zRequiredText(20_000),
  priorHandling: zText(5000).nullish(),
  request: zText(5000).nullish(),
  handling: zText(5000).nullish(),
  documentsReceived: zText(2000).nullish(),
  signed: z.boolean().default(true),
  /**
   * What the line is: one case per kind of content (Law 42/2013 Art. 25: the register records the
   * complaint, denunciation, petition or feedback); mixed content gives several.
   */
  parts: z
    .array(ZEntryPart)
    .min(
      1,
      'cần ghi loại nội dung: khiếu nại, tố cáo, kiến nghị hay phản ánh|say what the content is: complaint, denunciation, petition or feedback',
    )
    .max(10)
    // A missing list is checked like an empty one, so the message says what is needed.
    .prefault([]),
  remote: z.boolean().default(false),
});
export const ZEntryReply = z.object({
  version: z.number().int(),
  on: zIsoDate,
  outcome: z.enum(REPLY_OUTCOMES),
  note: zText(2000).nullish(),
});

/** A register-book line as a reader sees it; protected visitors come masked. */
export const ZReceptionEntry = z.object({
  id: z.string(),
  year: z.number().int(),
  seqNo: z.number().int(),
  receivedOn: z.string(),
  session: z.object({ id: z.string(), date: z.string() }).nullable(),
  groupSize: z.number().int(),
  /** Visitors; masked when any part is a denunciation. */
  visitors: z.array(z.object({ label: z.string(), masked: z.boolean(), identity: ZIdentityView.nullable() })),
  /** How many visitors the line names: a page of the book carries only the first few in `visitors`. */
  visitorCount: z.number().int(),
  protected: z.boolean(),
  /** This reader may reveal the protected visitors (handler or decision-maker of its denunciation). */
  canReveal: z.boolean(),
  /** Empty when {@link substanceHidden}: the line holds a denunciation this reader does not work. */
  content: z.string(),
  /** The substance of a line holding a denunciation is withheld from those the case withholds it from (Law 25/2018 Art. 8(3)). */
  substanceHidden: z.boolean(),
  priorHandling: z.string().nullable(),
  request: z.string().nullable(),
  handling: z.string().nullable(),
  documentsReceived: z.string().nullable(),
  signed: z.boolean(),
  officer: z.object({ id: z.string(), name: z.string() }),
  replyBy: z.string(),
  /** How the reply date was computed; empty on a page of the book (the line itself has it). */
  replyByExplanation: z.array(z.string()),
  repliedOn: z.string().nullable(),
  replyOutcome: z.enum(REPLY_OUTCOMES).nullable(),
  replyOverdue: z.boolean(),
  cases: z.array(z.object({ id: z.string(), code: z.string(), kind: z.enum(CASE_KINDS), status: z.enum(CASE_STATUSES) })),
  version: z.number().int(),
});
export type TReceptionEntry = z.infer<typeof ZReceptionEntry>;

/** Lines of the register book on one page (issue #17: no response over 200 kB, at any size of the book). */
export const ENTRY_PAGE_MAX = 50;
/** The largest total the register book counts exactly: past it the page says "more than" (as the cases list). */
export const ENTRY_COUNT_CAP = 1000;

/** GET /reception/entries: a page of the year's lines, newest first, and how many there are. */
export const ZReceptionEntryPage = z.object({
  rows: z.array(ZReceptionEntry),
  /** Lines matching the filters, counted up to {@link ENTRY_COUNT_CAP}. */
  total: z.number().int(),
  /** More than {@link ENTRY_COUNT_CAP} lines match. */
  totalCapped: z.boolean(),
  /** The offset of the next page, null on the last: a page of long lines holds fewer (at most ~150 kB of lines). */
  nextOffset: z.number().int().nullable(),
});
export type TReceptionEntryPage = z.infer<typeof ZReceptionEntryPage>;

/** POST /reception/entries/:id/reveal: the visitors' identities, sent once and never cached. */
export const ZRevealedVisitors = z.object({ visitors: z.array(ZIdentityView) });
export type TRevealedVisitors = z.infer<typeof ZRevealedVisitors>;
