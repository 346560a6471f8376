/** Building blocks shared by request and response schemas (server and web). */
import { z } from 'zod';

/** Strings are NFC at every input boundary (VIETNAMESE.md §3.1) and trimmed. */
export const zText = (max = 500) =>
  z
    .string()
    .max(max)
    .transform((s) => s.normalize('NFC').trim());

/** A required, non-empty text. */
export const zRequiredText = (max = 500) =>
  z
    .string()
    .max(max)
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1));

/** The years a legal day may fall in. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** A legal day, 'YYYY-MM-DD', checked against the calendar (no 31/02). */
export const zIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD|must be a date YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, 'ngày không tồn tại|is not a real date')
  // The working-day calendar covers 1900–2199 (lunar holidays); a deadline counted from a day in
  // 2100 still ends inside it. A day beyond is a 400, not a RangeError deep in the calendar (issue #16).
  .refine((s) => {
    const y = Number(s.slice(0, 4));
    return y >= MIN_YEAR && y <= MAX_YEAR;
  }, `ngày nằm ngoài phạm vi của lịch (năm 1900–2100)|is outside the calendar's range (years 1900–2100)`);

export const zUuid = z.uuid();
export const zIdParams = z.object({ id: zUuid });

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    vi: z.string(),
    en: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string(), vi: z.string(), en: z.string() })),
    requestId: z.string(),
  }),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

/** Error responses to declare on routes, so OpenAPI documents them. */
export const errorResponses = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
} as const;

export const ZOk = z.object({ ok: z.literal(true) });
