/** Contracts of the `calendar` module: days off per year and working-day computations. */
import { z } from 'zod';
import { FIRST_GENERATED_YEAR, LAST_GENERATED_YEAR } from '../domain/holidays';
import { zIsoDate, zRequiredText, zText } from './common';

export const EXCEPTION_KINDS = ['holiday', 'compensatory_off', 'swap_off', 'swap_workday'] as const;
export const EXCEPTION_KIND_LABELS: Record<(typeof EXCEPTION_KINDS)[number], { vi: string; en: string }> = {
  holiday: { vi: 'Nghỉ lễ, Tết', en: 'Public holiday' },
  compensatory_off: { vi: 'Nghỉ bù', en: 'Compensatory day off' },
  swap_off: { vi: 'Nghỉ hoán đổi', en: 'Swapped day off' },
  swap_workday: { vi: 'Làm việc bù (thứ Bảy)', en: 'Swapped working day' },
};

export const YEAR_STATUSES = ['generated', 'draft', 'confirmed'] as const;

export const ZYearParams = z.object({ year: z.coerce.number().int().min(FIRST_GENERATED_YEAR).max(LAST_GENERATED_YEAR) });

export const ZCalendarDay = z.object({
  id: z.string().nullable(),
  date: z.string(),
  kind: z.enum(EXCEPTION_KINDS),
  name: z.string(),
  nameEn: z.string().nullable(),
  basis: z.string().nullable(),
  version: z.number().nullable(),
});
export type TCalendarDay = z.infer<typeof ZCalendarDay>;

export const ZCalendarYear = z.object({
  year: z.number(),
  /** generated: nobody has confirmed this year, the statutory holidays apply; draft: being edited; confirmed: the agency's data applies. */
  status: z.enum(YEAR_STATUSES),
  basis: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  version: z.number().nullable(),
  /** The days off (and working Saturdays) in force for this year. */
  days: z.array(ZCalendarDay),
  /** The agency's draft or confirmed rows (empty while generated). */
  entries: z.array(ZCalendarDay),
  /** What the statutory generator proposes (Labour Code 2019 Art. 112). */
  proposals: z.array(ZCalendarDay),
  canManage: z.boolean(),
});
export type TCalendarYear = z.infer<typeof ZCalendarYear>;

export const ZCalendarEntryRequest = z.object({
  date: zIsoDate,
  kind: z.enum(EXCEPTION_KINDS),
  name: zRequiredText(200),
  nameEn: zText(200).nullish(),
  basis: zText(200).nullish(),
});
export const ZCalendarEntryUpdate = ZCalendarEntryRequest.partial().extend({ version: z.number().int().min(1) });
/** Confirming a year names the document that decided the days off (the Prime Minister's or the Ministry's notice). */
export const ZConfirmYearRequest = z.object({ basis: zRequiredText(200), version: z.number().int().min(1).nullish() });
/** The years an agency has a calendar of its own (a draft or a confirmed year). */
export const ZCalendarYears = z.object({ years: z.array(z.object({ year: z.number().int(), status: z.enum(['draft', 'confirmed']) })) });
export type TCalendarYears = z.infer<typeof ZCalendarYears>;

export const ZComputeQuery = z.object({
  from: zIsoDate,
  days: z.coerce.number().int().min(1).max(3650),
  type: z.enum(['working', 'calendar', 'before']).default('working'),
});
export const ZComputation = z.object({
  due: z.string(),
  steps: z.array(z.object({ date: z.string(), action: z.string(), text: z.string() })),
  basis: z.array(z.string()),
});

export const RECOMPUTE_STATUSES = ['queued', 'running', 'done', 'failed', 'superseded'] as const;
/** The background recomputation of open cases' deadlines after the latest change of the days off (issue #17). */
export const ZCalendarRecompute = z.object({
  id: z.string(),
  status: z.enum(RECOMPUTE_STATUSES),
  requestedBy: z.string(),
  requestedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  total: z.number().int(),
  processed: z.number().int(),
  moved: z.number().int(),
  error: z.string().nullable(),
});
export type TCalendarRecompute = z.infer<typeof ZCalendarRecompute>;
export const ZCalendarRecomputeLatest = z.object({ recompute: ZCalendarRecompute.nullable() });
