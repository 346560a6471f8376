/** Contracts of the `ratings` module: criteria sets, the year's ratings of units, commendations. */
import { z } from 'zod';
import { zIsoDate, zRequiredText, zText, zUuid } from './common';

export const RATING_STATUSES = ['not_started', 'draft', 'submitted', 'appraised', 'published', 'appealed'] as const;
const zPoints = z.number().min(-1000).max(1000);

/**
 * A criteria set's body; `text`/`required` are the string schemas: trimming ones for requests, plain
 * ones for responses (a response schema with a transform cannot be serialized).
 */
const criteriaBody = (text: (max: number) => z.ZodType<string>, required: (max: number) => z.ZodType<string>) =>
  z.object({
    groups: z
      .array(
        z.object({
          code: required(20),
          title: required(500),
          items: z
            .array(
              z.object({
                code: required(20),
                title: required(500),
                kind: z.enum(['score', 'deduction', 'bonus']),
                max: z.number().positive().max(1000),
                indicator: z.string().max(60).nullish(),
                perUnit: z.number().min(-100).max(100).nullish(),
                evidence: text(1000).nullish(),
              }),
            )
            .min(1)
            .max(100),
        }),
      )
      .min(1)
      .max(30),
    bands: z
      .array(z.object({ name: required(50), min: z.number().min(-1000).max(1000) }))
      .min(1)
      .max(10),
    bonusCap: z.number().min(0).max(1000).nullable(),
    allowNegative: z.boolean(),
    appealDays: z.number().int().min(0).max(90),
  });
export const ZCriteriaSetBody = criteriaBody(zText, zRequiredText);
const ZCriteriaSetBodyOut = criteriaBody(
  (max) => z.string().max(max),
  (max) => z.string().max(max),
);
export const ZCriteriaSetInput = z.object({
  name: zRequiredText(300),
  basis: zRequiredText(500),
  effectiveFrom: zIsoDate,
  body: ZCriteriaSetBody,
});
export const ZCriteriaSet = z.object({
  id: z.string(),
  name: z.string(),
  basis: z.string(),
  effectiveFrom: z.string(),
  body: ZCriteriaSetBodyOut,
});
export type TCriteriaSet = z.infer<typeof ZCriteriaSet>;

const ZRatingRow = z.object({
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(RATING_STATUSES),
  selfScore: z.number().nullable(),
  appraisedScore: z.number().nullable(),
  band: z.string().nullable(),
});

/** `GET /api/ratings?year=` (issue #12 contract). */
export const ZRatingsOfYear = z.object({
  year: z.number(),
  criteriaSet: z
    .object({
      id: z.string(),
      effectiveFrom: z.string(),
      name: z.string(),
      bands: z.array(z.object({ name: z.string(), min: z.number() })),
    })
    .nullable(),
  units: z.array(ZRatingRow),
  /** The agency's own rating toward the province (`unitId` "agency"), beside its units'. */
  agency: ZRatingRow,
  canAppraise: z.boolean(),
  canPublish: z.boolean(),
});
export type TRatingsOfYear = z.infer<typeof ZRatingsOfYear>;

export const ZRatingItem = z.object({
  code: z.string(),
  title: z.string(),
  kind: z.enum(['score', 'deduction', 'bonus']),
  max: z.number(),
  evidenceAsked: z.string().nullable(),
  /** The pulled indicator, with how it was computed; `available: false` when no module contributes it. */
  pulled: z
    .object({
      code: z.string(),
      available: z.boolean(),
      value: z.number().nullable(),
      how: z.string().nullable(),
      suggested: z.number().nullable(),
    })
    .nullable(),
  self: z.number().nullable(),
  note: z.string(),
  files: z.array(z.object({ id: z.string(), filename: z.string() })),
  appraised: z.number().nullable(),
  reason: z.string(),
});
export const ZUnitRating = z.object({
  id: z.string().nullable(),
  /** `agency`: the agency's own rating toward the province (`unitId` "agency"). */
  subject: z.enum(['unit', 'agency']),
  year: z.number(),
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(RATING_STATUSES),
  criteriaSet: z.object({
    id: z.string(),
    name: z.string(),
    basis: z.string(),
    effectiveFrom: z.string(),
    bonusCap: z.number().nullable(),
    appealDays: z.number(),
  }),
  groups: z.array(z.object({ code: z.string(), title: z.string(), items: z.array(ZRatingItem) })),
  self: z.object({ base: z.number(), deductions: z.number(), bonus: z.number(), total: z.number(), band: z.string().nullable() }),
  appraised: z
    .object({ base: z.number(), deductions: z.number(), bonus: z.number(), total: z.number(), band: z.string().nullable() })
    .nullable(),
  publishedOn: z.string().nullable(),
  appealUntil: z.string().nullable(),
  appealReason: z.string().nullable(),
  appealAnswer: z.string().nullable(),
  version: z.number(),
  can: z.object({ selfAssess: z.boolean(), appraise: z.boolean(), appeal: z.boolean() }),
});
export type TUnitRating = z.infer<typeof ZUnitRating>;

export const ZSelfAssessInput = z.object({
  version: z.number().int().min(0),
  items: z.record(
    z.string().max(20),
    z.object({ self: zPoints.nullable(), note: zText(5000).default(''), attachmentIds: z.array(zUuid).max(20).default([]) }),
  ),
  submit: z.boolean().default(false),
});
export const ZAppraiseInput = z.object({
  version: z.number().int().min(1),
  items: z.record(z.string().max(20), z.object({ appraised: zPoints.nullable(), reason: zText(2000).default('') })),
  answer: zText(5000).optional(),
});
export const ZAppealInput = z.object({ version: z.number().int().min(1), reason: zRequiredText(5000) });

export const COMMENDATION_LEVELS = ['agency', 'province', 'ministry', 'national'] as const;
export const ZCommendation = z.object({
  id: z.string(),
  year: z.number(),
  status: z.enum(['proposed', 'submitted', 'decided', 'rejected']),
  recipientKind: z.enum(['collective', 'individual']),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  personName: z.string().nullable(),
  title: z.string(),
  level: z.enum(COMMENDATION_LEVELS),
  reason: z.string(),
  sourceType: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  version: z.number(),
});
export type TCommendation = z.infer<typeof ZCommendation>;
export const ZCommendationInput = z.object({
  year: z.number().int().min(2000).max(2200),
  recipientKind: z.enum(['collective', 'individual']),
  unitId: zUuid.nullish(),
  personName: zText(200).nullish(),
  title: zRequiredText(300),
  level: z.enum(COMMENDATION_LEVELS),
  reason: zRequiredText(2000),
  decisionNumber: zText(100).nullish(),
  decisionDate: zIsoDate.nullish(),
});
export const ZCommendationUpdate = z.object({
  version: z.number().int().min(1),
  action: z.enum(['edit', 'submit', 'decide', 'reject']),
  title: zRequiredText(300).optional(),
  level: z.enum(COMMENDATION_LEVELS).optional(),
  reason: zRequiredText(2000).optional(),
  decisionNumber: zText(100).optional(),
  decisionDate: zIsoDate.optional(),
});
