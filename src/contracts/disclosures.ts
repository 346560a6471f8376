/**
 * Contracts of the `disclosures` module (issue #10, Công khai): the register of items an agency
 * must publish to its staff (Law 10/2022/QH15 Arts. 46–48), their read receipts, the requests for
 * withdrawn items (Art. 48(4)), the daily sweep and the public list on the portal.
 */
import { z } from 'zod';
import { zIsoDate, zRequiredText, zText, zUuid } from './common';

type Label = { vi: string; en: string };

/** The twelve categories of Art. 46 (numbers as in the law). */
export const DISCLOSURE_CATEGORIES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export type DisclosureCategory = (typeof DISCLOSURE_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<DisclosureCategory, Label> = {
  1: { vi: 'Chủ trương, chính sách, pháp luật liên quan đến cơ quan', en: 'Party guidelines, policies and laws relevant to the agency' },
  2: { vi: 'Kế hoạch công tác năm, quý, tháng', en: 'Annual, quarterly and monthly work plans' },
  3: { vi: 'Dự toán, quyết toán ngân sách, nguồn tài chính', en: 'Budget estimates, execution and settlement' },
  4: { vi: 'Tiêu chuẩn, định mức và việc sử dụng tài sản công', en: 'Public assets: norms and use' },
  5: { vi: 'Đầu tư công: kế hoạch, phân bổ vốn, giải ngân', en: 'Public investment: plans, allocation, disbursement' },
  6: { vi: 'Công tác tổ chức, cán bộ; đề án, dự thảo văn bản', en: 'Personnel matters; schemes and drafts' },
  7: { vi: 'Kết luận về tham nhũng, lãng phí; kê khai tài sản, thu nhập', en: 'Conclusions on corruption and waste; asset declarations' },
  8: {
    vi: 'Kết quả thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo',
    en: 'Inspection results; resolution of complaints and denunciations',
  },
  9: { vi: 'Nội quy, quy chế; quy tắc ứng xử', en: 'Internal rules and regulations; code of conduct' },
  10: { vi: 'Tổng hợp ý kiến và giải trình việc tiếp thu', en: 'Summary of staff opinions and explanation' },
  11: { vi: 'Văn bản chỉ đạo của cấp trên liên quan', en: 'Steering documents from the superior authority' },
  12: { vi: 'Nội dung khác theo luật, quy chế dân chủ', en: 'Other contents required by law or the democracy regulation' },
};

/** Who an item is addressed to: all staff, one unit, or the public (which includes the staff). */
export const AUDIENCES = ['staff', 'unit', 'public'] as const;
export type DisclosureAudience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<DisclosureAudience, Label> = {
  staff: { vi: 'Toàn thể cán bộ, công chức, viên chức', en: 'All staff' },
  unit: { vi: 'Một đơn vị', en: 'One unit' },
  public: { vi: 'Công khai rộng rãi (cổng thông tin)', en: 'The public (portal)' },
};

/** Forms of publicity, Art. 47(1)(a)–(g). */
export const CHANNELS = ['board', 'portal', 'conference', 'written_notice', 'unit_heads', 'party_union', 'other'] as const;
export type DisclosureChannel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<DisclosureChannel, Label> = {
  board: { vi: 'Niêm yết tại trụ sở', en: 'Notice board at the head office' },
  portal: { vi: 'Hệ thống thông tin nội bộ, cổng thông tin', en: 'Internal system or portal' },
  conference: { vi: 'Hội nghị cán bộ, công chức, viên chức', en: 'Staff conference' },
  written_notice: { vi: 'Văn bản thông báo đến toàn thể', en: 'Written notice to all staff' },
  unit_heads: { vi: 'Qua người đứng đầu đơn vị trực thuộc', en: 'Via the heads of sub-units' },
  party_union: { vi: 'Qua chi bộ, ban chấp hành công đoàn', en: 'Via the Party cell and the union' },
  other: { vi: 'Hình thức khác theo quy chế', en: 'Other form set by the regulation' },
};

/** Confidentiality as declared when registering: anything but 'none' is refused (Art. 46, opening words). */
export const CONFIDENTIALITY = ['none', 'state_secret', 'work_secret', 'not_releasable'] as const;

export const DISCLOSURE_STATUSES = ['draft', 'posted', 'withdrawn'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];
export const STATUS_LABELS: Record<DisclosureStatus, Label> = {
  draft: { vi: 'Chờ công khai', en: 'To publish' },
  posted: { vi: 'Đang công khai', en: 'Posted' },
  withdrawn: { vi: 'Đã gỡ (lưu trữ)', en: 'Withdrawn (archived)' },
};

export const ZDisclosureListItem = z.object({
  id: z.string(),
  title: z.string(),
  category: z.number().int().min(1).max(12),
  audience: z.enum(AUDIENCES),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  decidedOn: z.string(),
  publishBy: z.string(),
  postedOn: z.string().nullable(),
  postedUntil: z.string().nullable(),
  status: z.enum(DISCLOSURE_STATUSES),
  sourceRef: z.string(),
  /** Not yet posted and the publish-by day has passed. */
  overdue: z.boolean(),
  /** Posted after its publish-by day. */
  late: z.boolean(),
  /** Posted, the minimum period has run (or the source lapsed) and the sweep has not yet withdrawn it. */
  pastValidity: z.boolean(),
  /** The current person has acknowledged it (null when it is not addressed to them). */
  acknowledged: z.boolean().nullable(),
});
export type TDisclosureListItem = z.infer<typeof ZDisclosureListItem>;

export const ZDisclosureList = z.object({ items: z.array(ZDisclosureListItem) });

export const ZDisclosureRequest = z.object({
  id: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  reason: z.string(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type TDisclosureRequest = z.infer<typeof ZDisclosureRequest>;

export const ZDisclosure = ZDisclosureListItem.extend({
  summary: z.string().nullable(),
  channels: z.array(z.enum(CHANNELS)),
  keepPosted: z.boolean(),
  sourceDocument: z.object({ id: z.string(), symbol: z.string(), status: z.string(), replacedBy: z.string().nullable() }).nullable(),
  sourceFile: z.object({ id: z.string(), filename: z.string() }).nullable(),
  /** Lines saying how the publish-by day was computed (DC-PUBLISH on the agency calendar). */
  publishByExplanation: z.array(z.string()),
  /** Lines saying how the end of the minimum posting period was computed (DC-POST-MIN). */
  postedUntilExplanation: z.array(z.string()),
  withdrawnOn: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  origin: z.object({ module: z.string(), id: z.string() }).nullable(),
  /** Read receipts (for the Office, leadership, the union and the inspection board). */
  receipts: z
    .object({
      addressed: z.number(),
      read: z.array(z.object({ userId: z.string(), name: z.string(), readAt: z.string() })),
      notRead: z.array(z.object({ userId: z.string(), name: z.string() })),
    })
    .nullable(),
  requests: z.array(ZDisclosureRequest),
  abilities: z.object({
    manage: z.boolean(),
    acknowledge: z.boolean(),
    request: z.boolean(),
    answer: z.boolean(),
    downloadSource: z.boolean(),
  }),
  version: z.number(),
});
export type TDisclosure = z.infer<typeof ZDisclosure>;

export const ZCreateDisclosure = z.object({
  title: zRequiredText(500),
  summary: zText(4000).nullish(),
  category: z.number().int().min(1, 'phải từ 1 đến 12|must be 1 to 12').max(12, 'phải từ 1 đến 12|must be 1 to 12'),
  confidentiality: z.enum(CONFIDENTIALITY).default('none'),
  /** Số, ký hiệu of the source decision (or a short description of it). */
  sourceRef: zRequiredText(200),
  sourceDocumentId: zUuid.nullish(),
  sourceFileId: zUuid.nullish(),
  decidedOn: zIsoDate,
  /** Absent: the category's default audience. */
  audience: z.enum(AUDIENCES).optional(),
  unitId: zUuid.nullish(),
  channels: z.array(z.enum(CHANNELS)).min(1).max(7),
  keepPosted: z.boolean().default(false),
});
export type TCreateDisclosure = z.input<typeof ZCreateDisclosure>;

export const ZPostDisclosure = z.object({
  version: z.number().int(),
  /** First day of posting; today when absent. */
  postedOn: zIsoDate.optional(),
  /** A longer posting period than the statutory minimum (end day, inclusive). */
  postedUntil: zIsoDate.nullish(),
});

export const ZWithdrawDisclosure = z.object({ version: z.number().int(), reason: zRequiredText(1000) });
export const ZRequestWithdrawn = z.object({ reason: zRequiredText(2000) });
export const ZAnswerRequest = z.object({ answer: zRequiredText(4000) });

export const SWEEP_ACTIONS = ['withdraw', 'publish-overdue'] as const;
export const ZSweepAction = z.object({ id: z.string(), title: z.string(), action: z.enum(SWEEP_ACTIONS), reason: z.string() });
export type TSweepAction = z.infer<typeof ZSweepAction>;

export const ZDisclosureSettings = z.object({ communeLevel: z.boolean(), postingDays: z.number(), version: z.number() });
export const ZDisclosureSettingsInput = z.object({ communeLevel: z.boolean(), version: z.number().int() });

/** The notice-board sheet as data, for the print page (the same items as the .docx). */
export const ZBoardSheet = z.object({
  agency: z.object({ name: z.string(), parentName: z.string().nullable(), place: z.string() }),
  today: z.string(),
  /** 20 days, 30 at commune level (Art. 48(1); Art. 13(2)). */
  postingDays: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      category: z.number(),
      sourceRef: z.string(),
      decidedOn: z.string(),
      postedOn: z.string().nullable(),
      postedUntil: z.string().nullable(),
      keepPosted: z.boolean(),
    }),
  ),
});
export type TBoardSheet = z.infer<typeof ZBoardSheet>;

/** Which quarter's list of what was published (commune level, Law 10/2022 Art. 13). */
export const ZQuarterQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2200),
  quarter: z.coerce.number().int().min(1).max(4),
});

/** What the public portal shows of an item. */
export const ZPublicDisclosure = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  category: z.number(),
  sourceRef: z.string(),
  decidedOn: z.string(),
  postedOn: z.string(),
  postedUntil: z.string().nullable(),
  file: z.object({ filename: z.string(), url: z.string() }).nullable(),
});
export type TPublicDisclosure = z.infer<typeof ZPublicDisclosure>;
