/**
 * API contracts of the `surveys` module (issue 13): survey definitions (sections, questions,
 * conditions, the services surveyed), responses, results with SIPAS indices, external indices.
 * Shared by the server (validation, OpenAPI) and the web (types).
 */
import { z } from 'zod';
import { zIsoDate, zRequiredText, zText, zUuid } from './common';

export const QUESTION_TYPES = ['single', 'multiple', 'scale5', 'text'] as const;
export const SURVEY_AUDIENCES = ['public', 'staff'] as const;
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export const RESPONSE_CHANNELS = ['public', 'invitation', 'paper', 'staff'] as const;
export const EXTERNAL_INDICES = ['SIPAS', 'PAPI', 'PCI'] as const;

const zKey = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'chỉ gồm chữ không dấu, số, dấu chấm, gạch (1–40 ký tự)|letters, digits, dot, dash (1–40 characters)');

export const ZQuestion = z.object({
  id: zKey,
  type: z.enum(QUESTION_TYPES),
  text: zRequiredText(1000),
  required: z.boolean().default(false),
  /** Choices of a single or multiple choice question. */
  options: z
    .array(z.object({ value: zKey, label: zRequiredText(300) }))
    .max(50)
    .default([]),
  /** The methodology criterion a 5-point question measures (e.g. `3.1` of SIPAS-2017). */
  criterion: zText(40).nullish(),
  /** Shown only when an earlier question's answer is (or contains) one of these values. */
  showIf: z.object({ question: zKey, anyOf: z.array(z.string().max(40)).min(1).max(50) }).nullish(),
});
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZSection = z.object({
  id: zKey,
  title: zRequiredText(300),
  questions: z.array(ZQuestion).max(100),
});

/** A service the survey asks about, delivered by a unit (the index is computed per unit and per service). */
export const ZSurveyService = z.object({ code: zKey, name: zRequiredText(300), unitId: zUuid.nullable() });

export const ZSurveyDefinition = z.object({
  sections: z.array(ZSection).min(1).max(30),
  services: z.array(ZSurveyService).max(200).default([]),
});
export type TSurveyDefinition = z.infer<typeof ZSurveyDefinition>;

export const QUOTA_KINDS = ['service', 'unit', 'answer'] as const;

/**
 * One quota cell: a target number of responses for a service, a unit, or one answer of a screening
 * (choice) question. A full cell refuses further answers from the public that fall in it.
 */
export const ZQuota = z.object({
  kind: z.enum(QUOTA_KINDS),
  /** The screening question (kind `answer`). */
  question: zKey.nullish(),
  /** The service code, the unit id, or the option value. */
  value: z.string().min(1).max(100),
  target: z.number().int().min(1).max(1_000_000),
});
export type TQuota = z.infer<typeof ZQuota>;

export const ZSurveyInput = z.object({
  title: zRequiredText(300),
  description: zText(4000).default(''),
  audience: z.enum(SURVEY_AUDIENCES),
  methodCode: zText(40).nullable(),
  opensOn: zIsoDate.nullable(),
  closesOn: zIsoDate.nullable(),
  /** Target number of responses (quota); null = none. */
  quota: z.number().int().min(1).max(1_000_000).nullable(),
  /** Quotas by service, unit or screening answer (issue 13: "quotas and response progress"). */
  quotas: z.array(ZQuota).max(200).default([]),
  definition: ZSurveyDefinition,
});
export type TSurveyInput = z.infer<typeof ZSurveyInput>;

/** The definition as the server sends it (plain strings: response schemas carry no transforms). */
export const ZSurveyDefinitionOut = z.object({
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      questions: z.array(
        z.object({
          id: z.string(),
          type: z.enum(QUESTION_TYPES),
          text: z.string(),
          required: z.boolean(),
          options: z.array(z.object({ value: z.string(), label: z.string() })),
          criterion: z.string().nullish(),
          showIf: z.object({ question: z.string(), anyOf: z.array(z.string()) }).nullish(),
        }),
      ),
    }),
  ),
  services: z.array(z.object({ code: z.string(), name: z.string(), unitId: z.string().nullable() })),
});

export const ZSurveySummary = z.object({
  id: z.string(),
  title: z.string(),
  audience: z.enum(SURVEY_AUDIENCES),
  status: z.enum(SURVEY_STATUSES),
  methodCode: z.string().nullable(),
  publicCode: z.string(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  quota: z.number().nullable(),
  responses: z.number(),
  overall: z.number().nullable(),
  version: z.number(),
});
export type TSurveySummary = z.infer<typeof ZSurveySummary>;

/** Progress against one quota cell (or the total target, kind `total`). */
export const ZQuotaProgress = z.object({
  kind: z.enum(['total', ...QUOTA_KINDS]),
  question: z.string().nullish(),
  value: z.string(),
  label: z.string(),
  target: z.number(),
  count: z.number(),
  full: z.boolean(),
});
export type TQuotaProgress = z.infer<typeof ZQuotaProgress>;

export const ZSurvey = ZSurveySummary.extend({
  description: z.string(),
  quotas: z.array(ZQuota.extend({ question: z.string().nullish(), value: z.string() })),
  quotaProgress: z.array(ZQuotaProgress),
  definition: ZSurveyDefinitionOut,
  versionNumber: z.number(),
  versions: z.array(z.object({ number: z.number(), createdAt: z.string(), responses: z.number() })),
  byChannel: z.record(z.string(), z.number()),
  canRead: z.boolean(),
  canManage: z.boolean(),
  canEnter: z.boolean(),
});
export type TSurvey = z.infer<typeof ZSurvey>;

/** Answers by question id: a choice value, several values, a 1–5 score (0 or null = none), or text. */
export const ZAnswers = z.record(
  z.string().max(40),
  z.union([z.string().max(4000), z.array(z.string().max(40)).max(50), z.number(), z.null()]),
);
export type TAnswers = z.infer<typeof ZAnswers>;

export const ZResponseInput = z.object({
  service: zText(40).nullish(),
  answers: ZAnswers,
});

export const ZPublicResponseInput = ZResponseInput.extend({
  /** A random key the browser keeps for this survey (one answer per device, checked here without any third party). */
  deviceKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,100}$/, 'khóa thiết bị không hợp lệ|invalid device key')
    .nullish(),
  /** A personal invitation token (one answer per invitation). */
  invitation: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,100}$/, 'mã mời không hợp lệ|invalid invitation code')
    .nullish(),
  /** Honeypot: people never see it. */
  website: z.string().max(200).nullish(),
});

export const ZPaperResponseInput = ZResponseInput.extend({
  /** Day the paper form was filled (the period it counts in). */
  answeredOn: zIsoDate,
});

const ZInterval = z.object({ low: z.number(), high: z.number() }).nullable();
export const ZIndexRow = z.object({
  code: z.string(),
  name: z.string(),
  index: z.number().nullable(),
  valid: z.number(),
  interval: ZInterval,
});

export const ZSurveyResults = z.object({
  method: z.object({ code: z.string(), name: z.string(), basis: z.string() }).nullable(),
  how: z.string(),
  responses: z.number(),
  overall: z.number().nullable(),
  overallInterval: ZInterval,
  elements: z.array(ZIndexRow),
  criteria: z.array(ZIndexRow.extend({ element: z.string() })),
  byUnit: z.array(
    z.object({
      unitId: z.string().nullable(),
      unitName: z.string(),
      responses: z.number(),
      overall: z.number().nullable(),
      interval: ZInterval,
    }),
  ),
  byService: z.array(
    z.object({ code: z.string(), name: z.string(), responses: z.number(), overall: z.number().nullable(), interval: ZInterval }),
  ),
  byMonth: z.array(z.object({ month: z.string(), responses: z.number(), overall: z.number().nullable() })),
  questions: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      type: z.enum(QUESTION_TYPES),
      answered: z.number(),
      counts: z.array(z.object({ value: z.string(), label: z.string(), count: z.number() })),
    }),
  ),
});
export type TSurveyResults = z.infer<typeof ZSurveyResults>;

export const ZResultsQuery = z.object({
  unitId: zUuid.optional(),
  service: z.string().max(40).optional(),
  from: zIsoDate.optional(),
  to: zIsoDate.optional(),
});

export const ZPublicSurvey = z.object({
  code: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(SURVEY_STATUSES),
  closesOn: z.string().nullable(),
  definition: ZSurveyDefinitionOut,
});
export type TPublicSurvey = z.infer<typeof ZPublicSurvey>;

export const ZExternalIndexInput = z.object({
  index: z.enum(EXTERNAL_INDICES),
  /** '' for the overall figure, else a dimension code (PAPI 1–8, PCI 1–10). */
  dimension: z.string().max(10).default(''),
  year: z.number().int().min(2000).max(2100),
  value: z.number().min(0).max(100).nullable(),
  target: z.number().min(0).max(100).nullable(),
  rank: z.number().int().min(1).max(100).nullable(),
  source: zText(500).default(''),
});
export type TExternalIndexInput = z.infer<typeof ZExternalIndexInput>;
export const ZExternalIndex = z.object({
  id: z.string(),
  index: z.enum(EXTERNAL_INDICES),
  dimension: z.string(),
  dimensionName: z.string(),
  year: z.number(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  rank: z.number().nullable(),
  source: z.string(),
  version: z.number(),
});
export type TExternalIndex = z.infer<typeof ZExternalIndex>;
