/**
 * Contracts of the `reports` module (issue #4): report cycles, each unit's report and its review,
 * versioned templates, the consolidated agency report and the units × cycles matrix. The response
 * schemas are exact: the serializer strips what they do not name, and the web infers its types
 * from them.
 */
import { z } from 'zod';
import { zIsoDate, zRequiredText, zText, zUuid } from './common';

export const REPORT_CYCLE_KINDS = ['six_month', 'annual', 'quarterly', 'adhoc'] as const;
/** A unit report's state; `not_started` is a unit that has not opened it yet. */
export const REPORT_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const;

const zRef = z.object({ id: z.string(), name: z.string() });

/** How a report stands against its deadline (domain/reports/standing.ts). */
export const ZStanding = z.object({
  /** The unit still owes the report (not started, draft, or returned and not yet sent again). */
  owed: z.boolean(),
  timeliness: z.enum(['on_time', 'late', 'overdue', 'not_due']),
  /** Late: days late at the first submission; overdue: days overdue so far; on time: 0; not yet due: null. */
  lateDays: z.number().int().nullable(),
});
export type TStanding = z.infer<typeof ZStanding>;

/** The counts of a cycle: every unit in one status bucket, and the deadline counts over the same units. */
export const ZStandingCounts = z.object({
  units: z.number().int(),
  accepted: z.number().int(),
  submitted: z.number().int(),
  returned: z.number().int(),
  notSent: z.number().int(),
  owed: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  /** The units that still owe the report (kept for the API's older readers; same as `owed`). */
  missing: z.number().int(),
});
export type TStandingCounts = z.infer<typeof ZStandingCounts>;

/** A report cycle as stored (its tenant and creation time are not sent). */
export const ZReportCycle = z.object({
  id: z.string(),
  planId: z.string(),
  templateId: z.string(),
  title: z.string(),
  kind: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  /** "trước ngày dueOn": a report submitted on dueOn is one day late. */
  dueOn: z.string(),
  /** Data recorded after this day does not pre-fill the reports. */
  cutoffOn: z.string(),
  status: z.string(),
  version: z.number().int(),
});
export type TReportCycle = z.infer<typeof ZReportCycle>;

/** GET /report-cycles: a cycle with its plan's name and counts. */
export const ZReportCycleListItem = ZReportCycle.extend({ plan: z.string(), counts: ZStandingCounts });
export type TReportCycleListItem = z.infer<typeof ZReportCycleListItem>;

/** One expected unit's report in a cycle and where it stands. */
export const ZCycleUnitRow = z.object({
  unit: zRef,
  status: z.enum(REPORT_STATUSES),
  submittedOn: z.string().nullable(),
  standing: ZStanding,
  lateDays: z.number().int().nullable(),
  late: z.boolean(),
  overdue: z.boolean(),
  reportId: z.string().nullable(),
});

/** GET /report-cycles/:id: the cycle with each unit's row (a unit sees only its own). */
export const ZReportCycleDetail = ZReportCycle.extend({
  counts: ZStandingCounts,
  rows: z.array(ZCycleUnitRow),
  canManage: z.boolean(),
});
export type TReportCycleDetail = z.infer<typeof ZReportCycleDetail>;

/** A unit's report as its readers see it, with what the system recorded for each section and indicator. */
export const ZUnitReport = z.object({
  id: z.string(),
  cycle: z.object({
    id: z.string(),
    title: z.string(),
    dueOn: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    cutoffOn: z.string(),
  }),
  unit: zRef,
  status: z.string(),
  submittedOn: z.string().nullable(),
  lateDays: z.number().int().nullable(),
  standing: ZStanding,
  returnedCount: z.number().int(),
  version: z.number().int(),
  sections: z.array(z.object({ key: z.string(), title: z.string(), text: z.string(), recorded: z.array(z.string()) })),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      definition: z.string().nullable(),
      value: z.number().nullable(),
      /** The value the system computed and how, when a module contributes this indicator. */
      computed: z.object({ value: z.number(), how: z.string() }).nullable(),
    }),
  ),
  events: z.array(z.object({ action: z.string(), actorName: z.string(), comment: z.string().nullable(), at: z.string() })),
  abilities: z.object({ read: z.boolean(), edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
});
export type TUnitReport = z.infer<typeof ZUnitReport>;

/** A template's indicator; `source` names the contributed indicator that computes it, or null when units fill it in. */
export const ZTemplateIndicator = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  definition: z.string().nullish(),
  source: z.string().nullable(),
});

/** GET /report-cycles/:id/template: the cycle's template and every version of it. */
export const ZReportTemplate = z.object({
  id: z.string(),
  key: z.string(),
  version: z.number().int(),
  name: z.string(),
  sections: z.array(z.object({ key: z.string(), title: z.string(), hint: z.string().optional() })),
  indicators: z.array(ZTemplateIndicator),
  versions: z.array(z.object({ id: z.string(), version: z.number().int(), createdAt: z.string() })),
});
export type TReportTemplate = z.infer<typeof ZReportTemplate>;

/** The four parts a report of results closes with (issue #14 point 1). */
export const ZAssessment = z.object({ achievements: z.string(), shortcomings: z.string(), directions: z.string(), proposals: z.string() });
export type TAssessment = z.infer<typeof ZAssessment>;

/** The agency report's text, laid out as an administrative document (Decree 30/2020). */
export const ZAgencyReportBody = z.object({
  issuerParent: z.string().nullable(),
  issuer: z.string(),
  /** "/BC-SKHCN": the symbol; the number before the slash is the văn thư's (Decree 30/2020 Art. 15). */
  numberSymbol: z.string().nullish(),
  assessment: ZAssessment.nullish(),
  place: z.string(),
  date: z.string().nullable(),
  summary: z.string(),
  intro: z.string(),
  sections: z.array(z.object({ key: z.string(), title: z.string(), text: z.string() })),
  conclusion: z.string(),
  signer: z.object({
    mode: z.string().nullable(),
    authority: z.string().nullable(),
    title: z.string().nullable(),
    name: z.string().nullable(),
  }),
  recipients: z.array(z.object({ name: z.string(), role: z.string().nullable() })),
  archive: z.string().nullable(),
});
export type TAgencyReportBody = z.infer<typeof ZAgencyReportBody>;

/** The unit reports merged (domain/reports/consolidate.ts). */
export const ZConsolidated = z.object({
  sections: z.array(z.object({ key: z.string(), title: z.string(), parts: z.array(z.object({ unit: z.string(), text: z.string() })) })),
  indicators: z.array(
    z.object({ code: z.string(), name: z.string(), unit: z.string(), total: z.number(), byUnit: z.record(z.string(), z.number()) }),
  ),
  unitTable: z.array(
    z.object({
      unit: z.string(),
      status: z.enum(['draft', 'submitted', 'returned', 'accepted', 'missing']),
      lateDays: z.number().int().nullable(),
      includes: z.array(z.string()),
    }),
  ),
  missing: z.array(z.string()),
  late: z.array(z.object({ unit: z.string(), days: z.number().int() })),
});
export type TConsolidated = z.infer<typeof ZConsolidated>;

/** GET/PUT /report-cycles/:id/agency-report: the latest version (0: a first draft) and the live consolidation. */
export const ZAgencyReport = z.object({
  version: z.number().int(),
  savedAt: z.string().nullable(),
  body: ZAgencyReportBody,
  consolidated: ZConsolidated,
});
export type TAgencyReport = z.infer<typeof ZAgencyReport>;

/** GET /reports/matrix: units × cycles, and the share of units that reported on time per cycle. */
export const ZReportMatrix = z.object({
  cycles: z.array(z.object({ id: z.string(), title: z.string(), dueOn: z.string() })),
  rows: z.array(
    z.object({
      unit: zRef,
      cells: z.record(
        z.string(),
        z.object({ status: z.string(), late: z.boolean(), overdue: z.boolean(), lateDays: z.number().int().nullable() }),
      ),
      onTimeRate: z.number(),
    }),
  ),
  trend: z.array(z.object({ cycleId: z.string(), title: z.string(), dueOn: z.string(), onTimeRate: z.number() })),
});
export type TReportMatrix = z.infer<typeof ZReportMatrix>;

/* ---------------- Requests ---------------- */

/** POST /report-cycles. */
export const ZCycleInput = z.object({
  planId: zUuid,
  kind: z.enum(REPORT_CYCLE_KINDS),
  title: zRequiredText(200),
  periodFrom: zIsoDate,
  periodTo: zIsoDate,
  dueOn: zIsoDate,
  cutoffOn: zIsoDate.nullish(),
});
/** Submit or accept a unit report. */
export const ZVersion = z.object({ version: z.number().int().min(1), comment: zText(4000).nullish() });
/** Return a unit report: the Office says what the unit is to add or correct (the service checks it too). */
export const ZReturnRequest = ZVersion.extend({
  comment: z
    .string()
    .max(4000)
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, 'cần ghi lý do trả lại|say why the report is returned')),
});
/** PATCH /unit-reports/:id. */
export const ZReportSave = z.object({
  version: z.number().int().min(1),
  sections: z
    .array(z.object({ key: zRequiredText(20), text: zText(50_000) }))
    .max(200)
    .optional(),
  indicators: z.record(z.string(), z.number().int().min(0).max(10_000_000).nullable()).optional(),
});
/** The agency report's text as the Office saves it. */
export const ZBody = z.object({
  issuerParent: zText(200).nullable(),
  issuer: zRequiredText(200),
  numberSymbol: zText(60).nullish(),
  assessment: z
    .object({ achievements: zText(50_000), shortcomings: zText(50_000), directions: zText(50_000), proposals: zText(50_000) })
    .nullish(),
  place: zRequiredText(100),
  date: zIsoDate.nullable(),
  summary: zRequiredText(500),
  intro: zText(20_000),
  sections: z.array(z.object({ key: z.string().max(20), title: zText(5000), text: zText(100_000) })).max(200),
  conclusion: zText(20_000),
  signer: z.object({
    mode: zText(10).nullable(),
    authority: zText(100).nullable(),
    title: zText(100).nullable(),
    name: zText(100).nullable(),
  }),
  recipients: z.array(z.object({ name: zRequiredText(300), role: zText(50).nullable() })).max(50),
  archive: zText(200).nullable(),
});

/** PUT /report-cycles/:id/agency-report: a new version over `version`. */
export const ZAgencyReportSave = z.object({ version: z.number().int().min(0), body: ZBody });

/** POST /report-cycles/:id/template: a new version of the cycle's template. */
export const ZTemplateInput = z.object({
  version: z.number().int().min(1),
  name: zRequiredText(200),
  sections: z
    .array(z.object({ key: zRequiredText(20), title: zRequiredText(5000), hint: zText(1000).optional() }))
    .min(1)
    .max(200),
  indicators: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, 'mã chỉ gồm chữ thường không dấu, số và _|lower-case letters, digits and _ only'),
        name: zRequiredText(200),
        unit: zRequiredText(50),
        definition: zText(1000).nullish(),
      }),
    )
    .max(100),
});

/** POST /report-cycles/:id/remind: the units reminded, the people notified and the e-mails sent after commit. */
export const ZRemindResult = z.object({
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.enum(REPORT_STATUSES),
      overdueDays: z.number().int().nullable(),
      recipients: z.number().int(),
    }),
  ),
  notified: z.number().int(),
  mailed: z.number().int(),
  mailConfigured: z.boolean(),
});
export type TRemindResult = z.infer<typeof ZRemindResult>;
