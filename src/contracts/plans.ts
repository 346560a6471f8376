/** Contracts of the `plans` module: legal documents, plans, items, tasks, progress, cascade. */
import { z } from 'zod';
import { zIsoDate, zRequiredText, zText, zUuid } from './common';

export const LEGAL_STATUSES = ['in_force', 'amended', 'replaced', 'expired', 'unknown'] as const;
export const LEGAL_STATUS_LABELS: Record<(typeof LEGAL_STATUSES)[number], { vi: string; en: string }> = {
  in_force: { vi: 'Còn hiệu lực', en: 'In force' },
  amended: { vi: 'Đã được sửa đổi', en: 'Amended' },
  replaced: { vi: 'Đã được thay thế', en: 'Replaced' },
  expired: { vi: 'Hết hiệu lực', en: 'No longer in force' },
  unknown: { vi: 'Chưa xác định', en: 'Unknown' },
};

export const ZLegalDocument = z.object({
  id: z.string(),
  symbol: z.string(),
  typeCode: z.string().nullable(),
  typeName: z.string(),
  issuerCode: z.string().nullable(),
  issuer: z.string().nullable(),
  title: z.string().nullable(),
  issuedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  status: z.enum(LEGAL_STATUSES),
  replacedBy: z.object({ id: z.string(), symbol: z.string(), title: z.string().nullable() }).nullable(),
  note: z.string().nullable(),
  confidence: z.string().nullable(),
  version: z.number(),
});
export type TLegalDocument = z.infer<typeof ZLegalDocument>;

export const ZLegalDocumentInput = z.object({
  symbol: zRequiredText(100),
  typeCode: zText(20).nullish(),
  typeName: zRequiredText(100),
  issuerCode: zText(50).nullish(),
  issuer: zText(200).nullish(),
  title: zText(1000).nullish(),
  issuedOn: zIsoDate.nullish(),
  effectiveOn: zIsoDate.nullish(),
  status: z.enum(LEGAL_STATUSES).default('in_force'),
  replacedById: zUuid.nullish(),
  note: zText(1000).nullish(),
});
export const ZLegalDocumentUpdate = ZLegalDocumentInput.partial().extend({ version: z.number().int().min(1) });

export const RECURRENCE = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('every_months'), months: z.number().int().min(1).max(24) }),
  z.object({ kind: z.literal('yearly_before'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
]);
export type TRecurrence = z.infer<typeof RECURRENCE>;

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export const TASK_STATUS_LABELS: Record<(typeof TASK_STATUSES)[number], { vi: string; en: string }> = {
  not_started: { vi: 'Chưa thực hiện', en: 'Not started' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  cancelled: { vi: 'Hủy', en: 'Cancelled' },
};
export const PLAN_STATUSES = ['draft', 'issued', 'archived'] as const;
export const PLAN_STATUS_LABELS: Record<(typeof PLAN_STATUSES)[number], { vi: string; en: string }> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
  archived: { vi: 'Lưu trữ', en: 'Archived' },
};
/** Due-state of a task relative to today: drives the colours of lists, calendar and timeline. */
export const DUE_STATES = ['done', 'overdue', 'due_soon', 'on_track', 'no_deadline'] as const;

export const ZTask = z.object({
  id: z.string(),
  planId: z.string(),
  itemId: z.string(),
  itemLabel: z.string(),
  title: z.string(),
  leadUnit: z.object({ id: z.string(), name: z.string() }),
  coUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  dueOn: z.string().nullable(),
  /** The next occurrence for a recurring task, else dueOn. */
  nextDueOn: z.string().nullable(),
  recurrence: RECURRENCE.nullable(),
  expectedEvidence: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  /** The lead unit's progress (issue #14 point 4: one unit never overwrites another's). */
  progress: z.number(),
  /** Each unit's own latest progress: the lead unit first, then the co-operating units. */
  unitProgress: z.array(
    z.object({
      unit: z.object({ id: z.string(), name: z.string() }),
      role: z.enum(['lead', 'co']),
      progress: z.number().nullable(),
      status: z.string().nullable(),
      reportedOn: z.string().nullable(),
    }),
  ),
  dueState: z.enum(DUE_STATES),
  lastUpdateOn: z.string().nullable(),
  version: z.number(),
  abilities: z.object({ read: z.boolean(), update: z.boolean(), report: z.boolean() }),
});
export type TTask = z.infer<typeof ZTask>;

export const ZTaskInput = z.object({
  itemId: zUuid,
  title: zRequiredText(300),
  leadUnitId: zUuid,
  coUnitIds: z.array(zUuid).max(30).default([]),
  dueOn: zIsoDate.nullish(),
  recurrence: RECURRENCE.nullish(),
  expectedEvidence: zText(1000).nullish(),
});
export const ZTaskUpdateInput = ZTaskInput.partial().extend({ version: z.number().int().min(1), status: z.enum(TASK_STATUSES).optional() });

export const ZProgressInput = z.object({
  progress: z.number().int().min(0).max(100),
  status: z.enum(['in_progress', 'done']),
  note: zRequiredText(4000),
  reportedOn: zIsoDate.optional(),
  attachmentIds: z.array(zUuid).max(20).default([]),
});
export const ZProgressUpdate = z.object({
  id: z.string(),
  taskId: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  author: z.string(),
  reportedOn: z.string(),
  progress: z.number(),
  status: z.string(),
  note: z.string(),
  attachments: z.array(z.object({ id: z.string(), filename: z.string(), size: z.number() })),
});

export const ZPlanItem = z.object({
  id: z.string(),
  number: z.number(),
  text: z.string(),
  implementsItemIds: z.array(z.string()),
  progress: z.number().nullable(),
  taskCount: z.number(),
});
export const ZPlanSection = z.object({ id: z.string(), numeral: z.string(), title: z.string(), items: z.array(ZPlanItem) });

export const ZPlanSummary = z.object({
  id: z.string(),
  year: z.number(),
  status: z.enum(PLAN_STATUSES),
  issuer: z.string(),
  numberSymbol: z.string().nullable(),
  signedOn: z.string().nullable(),
  documentType: z.string(),
  summary: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  parentPlanId: z.string().nullable(),
  progress: z.number().nullable(),
  taskCounts: z.object({ total: z.number(), done: z.number(), overdue: z.number(), dueSoon: z.number() }),
  replacedCitations: z.number(),
});
export type TPlanSummary = z.infer<typeof ZPlanSummary>;

export const ZPlan = ZPlanSummary.extend({
  issuerParent: z.string().nullable(),
  place: z.string(),
  preamble: z.string().nullable(),
  signerMode: z.string().nullable(),
  signerAuthority: z.string().nullable(),
  signerTitle: z.string().nullable(),
  signerName: z.string().nullable(),
  archive: z.string().nullable(),
  unitPlansDueOn: z.string().nullable(),
  citations: z.array(ZLegalDocument),
  recipients: z.array(z.object({ id: z.string(), name: z.string(), role: z.string().nullable() })),
  sections: z.array(ZPlanSection),
  version: z.number(),
  abilities: z.object({
    read: z.boolean(),
    update: z.boolean(),
    manageTasks: z.boolean(),
    createUnitPlan: z.boolean(),
    /** The văn thư may give the plan its number from the register (it has none yet). */
    number: z.boolean(),
  }),
});
export type TPlan = z.infer<typeof ZPlan>;

export const ZPlanHeaderInput = z.object({
  year: z.number().int().min(2000).max(2199),
  issuerParent: zText(200).nullish(),
  issuer: zRequiredText(200),
  numberSymbol: zText(100).nullish(),
  place: zRequiredText(100),
  signedOn: zIsoDate.nullish(),
  documentType: zRequiredText(50).default('KẾ HOẠCH'),
  summary: zRequiredText(1000),
  preamble: zText(20_000).nullish(),
  signerMode: z.enum(['KT.', 'TM.', 'TL.', 'TUQ.', '']).nullish(),
  signerAuthority: zText(100).nullish(),
  signerTitle: zText(100).nullish(),
  signerName: zText(100).nullish(),
  archive: zText(200).nullish(),
  unitPlansDueOn: zIsoDate.nullish(),
});

/** A whole plan as created by hand or from a reviewed import. */
export const ZCreatePlanRequest = ZPlanHeaderInput.extend({
  parentPlanId: zUuid.nullish(),
  unitId: zUuid.nullish(),
  citations: z
    .array(
      z.object({
        symbol: zRequiredText(100),
        typeName: zText(100).nullish(),
        issuer: zText(200).nullish(),
        issuedOn: zIsoDate.nullish(),
        title: zText(1000).nullish(),
      }),
    )
    .max(200)
    .default([]),
  recipients: z
    .array(z.object({ name: zRequiredText(300), role: zText(50).nullish() }))
    .max(100)
    .default([]),
  sections: z
    .array(
      z.object({
        numeral: zRequiredText(10),
        title: zRequiredText(300),
        items: z
          .array(
            z.object({
              number: z.number().int().min(1).max(999),
              text: zRequiredText(20_000),
              implementsItemIds: z.array(zUuid).max(50).default([]),
            }),
          )
          .max(200),
      }),
    )
    .max(30)
    .default([]),
  requiredUnitIds: z.array(zUuid).max(200).default([]),
  importSource: z.object({ filename: z.string().max(300), source: z.string().max(30) }).nullish(),
});
export type TCreatePlanRequest = z.infer<typeof ZCreatePlanRequest>;

/**
 * PATCH /plans/:id: only the fields sent change. Nothing here has a default: zod 4 fills a default
 * even under `.optional()`, which would reset the document type and empty the recipients and the
 * required units on every header edit.
 */
export const ZUpdatePlanRequest = ZPlanHeaderInput.extend({ documentType: ZPlanHeaderInput.shape.documentType.unwrap() })
  .partial()
  .extend({
    version: z.number().int().min(1),
    status: z.enum(PLAN_STATUSES).optional(),
    recipients: ZCreatePlanRequest.shape.recipients.unwrap().optional(),
    requiredUnitIds: z.array(zUuid).max(200).optional(),
  });
export type TUpdatePlanRequest = z.infer<typeof ZUpdatePlanRequest>;

export const ZItemUpdate = z.object({ text: zRequiredText(20_000).optional(), implementsItemIds: z.array(zUuid).max(50).optional() });

export const ZCascade = z.object({
  planId: z.string(),
  dueOn: z.string().nullable(),
  units: z.array(
    z.object({
      unit: z.object({ id: z.string(), name: z.string() }),
      dueOn: z.string(),
      plan: z.object({ id: z.string(), status: z.enum(PLAN_STATUSES), signedOn: z.string().nullable(), summary: z.string() }).nullable(),
      state: z.enum(['submitted', 'draft', 'missing', 'late']),
    }),
  ),
  uncoveredItems: z.array(z.object({ id: z.string(), label: z.string(), text: z.string() })),
});

export const ZRollup = z.object({
  plan: z.number().nullable(),
  byItem: z.array(
    z.object({
      itemId: z.string(),
      label: z.string(),
      progress: z.number().nullable(),
      tasks: z.number(),
      done: z.number(),
      overdue: z.number(),
    }),
  ),
  byUnit: z.array(
    z.object({
      unit: z.object({ id: z.string(), name: z.string() }),
      progress: z.number().nullable(),
      tasks: z.number(),
      done: z.number(),
      overdue: z.number(),
      dueSoon: z.number(),
    }),
  ),
});

/** Giving the plan its number from the register of outgoing documents: the day of issue. */
export const ZPlanNumberRequest = z.object({ issuedOn: zIsoDate, version: z.number().int().min(1) });

/* ---------------- Import of plan documents (issue #3) ---------------- */

/** Where a reviewed field came from: the text of the file and how sure the parser is. */
export const ZFieldSource = z.object({ source: z.string().nullable(), confidence: z.number() });
export type TFieldSource = z.infer<typeof ZFieldSource>;

/** A word the restorer changed, with offsets in the restored item text. */
export const ZDraftRestoredWord = z.object({
  start: z.number().int(),
  end: z.number().int(),
  source: z.string(),
  restored: z.string(),
  confidence: z.number(),
});
export type TDraftRestoredWord = z.infer<typeof ZDraftRestoredWord>;

/** A task the review proposes from a deadline of an item (issue #14 point 9). */
export const ZProposedTask = z.object({
  section: z.string(),
  item: z.number().int(),
  title: z.string(),
  dueOn: z.string().nullable(),
  recurrence: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('every_months'), months: z.number().int() }),
      z.object({ kind: z.literal('yearly_before'), month: z.number().int(), day: z.number().int() }),
    ])
    .nullable(),
  /** The deadline as written. */
  basis: z.string(),
  leadUnit: z.object({ unitId: z.string(), name: z.string() }).nullable(),
});
export type TProposedTask = z.infer<typeof ZProposedTask>;

/** A report cycle the review proposes from a reporting deadline. */
export const ZProposedCycle = z.object({
  kind: z.enum(['six_month', 'annual', 'quarterly']),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueOn: z.string(),
  basis: z.string(),
});
export type TProposedCycle = z.infer<typeof ZProposedCycle>;

/** An existing plan the import likely duplicates. */
export const ZDuplicatePlan = z.object({
  id: z.string(),
  summary: z.string(),
  numberSymbol: z.string().nullable(),
  year: z.number().int(),
  why: z.enum(['symbol', 'summary']),
});
export type TDuplicatePlan = z.infer<typeof ZDuplicatePlan>;

/** What the importer read from a plan document, for the person to review before the plan is created. */
export const ZImportDraft = z.object({
  source: z.object({ filename: z.string(), kind: z.string(), pages: z.number().int().nullable() }),
  /** Whether the text was damaged (no diacritics, OCR junk) and item texts were restored. */
  restored: z.boolean(),
  /** By item path ("sections.0.items.2"): the text of the file and the restored words. */
  itemSources: z.record(z.string(), z.object({ sourceText: z.string(), changes: z.array(ZDraftRestoredWord) })),
  proposals: z.object({ tasks: z.array(ZProposedTask), cycles: z.array(ZProposedCycle) }),
  duplicates: z.array(ZDuplicatePlan),
  /** Values shaped like the create-plan request, for the review form. */
  plan: z.object({
    year: z.number().int(),
    issuerParent: z.string().nullable(),
    issuer: z.string(),
    numberSymbol: z.string().nullable(),
    place: z.string(),
    signedOn: z.string().nullable(),
    documentType: z.string(),
    summary: z.string(),
    signerMode: z.string().nullable(),
    signerAuthority: z.string().nullable(),
    signerTitle: z.string().nullable(),
    signerName: z.string().nullable(),
    archive: z.string().nullable(),
    citations: z.array(
      z.object({ symbol: z.string(), typeName: z.string().nullable(), issuer: z.string().nullable(), issuedOn: z.string().nullable() }),
    ),
    recipients: z.array(z.object({ name: z.string(), role: z.string().nullable() })),
    sections: z.array(
      z.object({ numeral: z.string(), title: z.string(), items: z.array(z.object({ number: z.number().int(), text: z.string() })) }),
    ),
  }),
  /** Where each reviewed field came from, by form path ("summary", "sections.1.items.2.text"). */
  fields: z.record(z.string(), ZFieldSource),
  units: z.array(
    z.object({
      text: z.string(),
      section: z.string(),
      item: z.number().int(),
      lead: z.boolean(),
      match: z.object({ unitId: z.string(), name: z.string(), score: z.number() }).nullable(),
    }),
  ),
  deadlines: z.array(z.object({ date: z.string(), text: z.string(), section: z.string().nullable(), item: z.number().int().nullable() })),
  warnings: z.array(z.string()),
});
export type TImportDraft = z.infer<typeof ZImportDraft>;

/** An import of a plan document: its progress and, when done, the draft. */
export const ZImportJob = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  stage: z.string().nullable(),
  done: z.number(),
  total: z.number(),
  error: z.string().nullable(),
  draft: ZImportDraft.nullable(),
});
export type TImportJob = z.infer<typeof ZImportJob>;
