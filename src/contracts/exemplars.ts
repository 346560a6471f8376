/** Contracts of the `exemplars` module: "Dân vận khéo" models, evidence, evaluation rounds, replications, the public showcase. */
import { z } from 'zod';
import { MODEL_CRITERIA, MODEL_CRITERION_MAX, MODEL_STATUSES } from '../domain/exemplars/evaluate';
import { zIsoDate, zRequiredText, zText, zUuid } from './common';

export { MODEL_CRITERIA, MODEL_STATUSES };
export const RECOGNITION_LEVELS = ['unit', 'agency', 'province', 'national'] as const;

export const MODEL_STATUS_LABELS: Record<(typeof MODEL_STATUSES)[number], { vi: string; en: string }> = {
  registered: { vi: 'Đã đăng ký', en: 'Registered' },
  launched: { vi: 'Đang triển khai', en: 'Launched' },
  evaluated: { vi: 'Đã đánh giá', en: 'Evaluated' },
  commended: { vi: 'Đã công nhận, khen thưởng', en: 'Commended' },
  replicated: { vi: 'Đã nhân rộng', en: 'Replicated' },
  stopped: { vi: 'Dừng thực hiện', en: 'Stopped' },
};

/** The registration fields of DOMAIN.md §4 (ward example 249/MTTQ-BTT, 2026). */
const fields = {
  name: zRequiredText(300),
  unitId: zUuid,
  situation: zText(10_000),
  objectives: zText(10_000),
  criteria: zText(10_000),
  content: zText(20_000),
  area: zText(2000),
  beneficiaries: zText(2000),
  forces: zText(5000),
  resources: zText(5000),
  startedOn: zIsoDate,
  milestones: zText(5000),
  evaluationDue: zIsoDate.nullish(),
  outputs: zText(10_000),
  sustainability: zText(10_000),
};
export const ZModelInput = z.object(fields);
export type TModelInput = z.input<typeof ZModelInput>;
export const ZModelUpdate = z
  .object(fields)
  .partial()
  .extend({ version: z.number().int().min(1) });

export const ZModelTransition = z.discriminatedUnion('action', [
  z.object({ action: z.literal('launch'), version: z.number().int().min(1) }),
  z.object({ action: z.literal('stop'), version: z.number().int().min(1), reason: zRequiredText(2000) }),
  z.object({
    action: z.literal('commend'),
    version: z.number().int().min(1),
    level: z.enum(RECOGNITION_LEVELS),
    decisionRef: zRequiredText(200),
    recognizedOn: zIsoDate,
  }),
]);

const zScore = z.number().min(0).max(MODEL_CRITERION_MAX);
export const ZMemberScores = z.object({
  practicality: zScore,
  effect: zScore,
  creativity: zScore,
  participation: zScore,
  sustainability: zScore,
  replicability: zScore,
});
export const ZEvaluationInput = z.object({
  evaluatedOn: zIsoDate,
  council: zRequiredText(300),
  passMark: z.number().min(0).max(100).default(70),
  members: z
    .array(z.object({ name: zRequiredText(200), scores: ZMemberScores }))
    .min(1)
    .max(30),
  conclusion: zText(5000).optional(),
});
export const ZEvidenceInput = z.object({
  recordedOn: zIsoDate,
  note: zRequiredText(5000),
  figures: z
    .array(z.object({ label: zRequiredText(200), value: z.number().min(0).max(1e12), unit: zText(50) }))
    .max(20)
    .default([]),
  attachmentIds: z.array(zUuid).max(20).default([]),
});
export const ZReplicationInput = z
  .object({ unitId: zUuid.nullish(), agencyName: zText(300).nullish(), startedOn: zIsoDate, note: zText(2000).optional() })
  .refine((r) => !!r.unitId || !!r.agencyName, {
    message: 'chọn đơn vị hoặc ghi tên cơ quan|choose a unit or name an agency',
    path: ['unitId'],
  });

export const ZEvaluation = z.object({
  id: z.string(),
  evaluatedOn: z.string(),
  council: z.string(),
  passMark: z.number(),
  score: z.number(),
  passed: z.boolean(),
  conclusion: z.string(),
  members: z.array(z.object({ name: z.string(), scores: ZMemberScores, total: z.number() })),
});
export type TEvaluation = z.infer<typeof ZEvaluation>;

export const ZModelListItem = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(MODEL_STATUSES),
  startedOn: z.string(),
  recognitionLevel: z.enum(RECOGNITION_LEVELS).nullable(),
  evaluations: z.array(z.object({ id: z.string(), evaluatedOn: z.string(), score: z.number(), passed: z.boolean() })),
  replications: z.number(),
});
export const ZModelList = z.object({ items: z.array(ZModelListItem) });
export type TModelListItem = z.infer<typeof ZModelListItem>;

export const ZModelDetail = ZModelListItem.extend({
  situation: z.string(),
  objectives: z.string(),
  criteria: z.string(),
  content: z.string(),
  area: z.string(),
  beneficiaries: z.string(),
  forces: z.string(),
  resources: z.string(),
  milestones: z.string(),
  evaluationDue: z.string().nullable(),
  outputs: z.string(),
  sustainability: z.string(),
  recognitionRef: z.string().nullable(),
  recognizedOn: z.string().nullable(),
  stoppedReason: z.string().nullable(),
  version: z.number(),
  evaluations: z.array(ZEvaluation),
  evidence: z.array(
    z.object({
      id: z.string(),
      recordedOn: z.string(),
      note: z.string(),
      figures: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string() })),
      files: z.array(z.object({ id: z.string(), filename: z.string() })),
    }),
  ),
  replicationList: z.array(
    z.object({ id: z.string(), unitId: z.string().nullable(), where: z.string(), startedOn: z.string(), note: z.string() }),
  ),
  can: z.object({ update: z.boolean(), evaluate: z.boolean(), commend: z.boolean(), addEvidence: z.boolean(), replicate: z.boolean() }),
});
export type TModelDetail = z.infer<typeof ZModelDetail>;

/** A commended model on the citizen portal: what a citizen or another agency can learn from it. */
export const ZPublicModel = z.object({
  id: z.string(),
  name: z.string(),
  unitName: z.string(),
  startedOn: z.string(),
  recognitionLevel: z.enum(RECOGNITION_LEVELS).nullable(),
  recognizedOn: z.string().nullable(),
  situation: z.string(),
  content: z.string(),
  beneficiaries: z.string(),
  outputs: z.string(),
  sustainability: z.string(),
  replications: z.number(),
});
