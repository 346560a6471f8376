/** Contracts of the `watch` module: the grievance watch and its calendar of sensitive periods (issue #13, seed plan II.4). */
import { z } from 'zod';
import { zIsoDate, zRequiredText, zText } from './common';

/** Kinds of sensitive periods the Office records; each gets its own uplift in the forecast. */
export const WATCH_EVENT_KINDS = ['election', 'land', 'tet', 'other'] as const;
export const WATCH_EVENT_KIND_LABELS: Record<(typeof WATCH_EVENT_KINDS)[number], { vi: string; en: string }> = {
  election: { vi: 'Bầu cử', en: 'Election' },
  land: { vi: 'Dự án thu hồi đất', en: 'Land-recovery project' },
  tet: { vi: 'Tết Nguyên đán', en: 'Lunar New Year' },
  other: { vi: 'Sự kiện nhạy cảm khác', en: 'Other sensitive period' },
};

export const ZWatchEventInput = z
  .object({
    kind: z.enum(WATCH_EVENT_KINDS),
    title: zRequiredText(300),
    startsOn: zIsoDate,
    endsOn: zIsoDate,
    note: zText(1000).default(''),
  })
  .refine((e) => e.endsOn >= e.startsOn, {
    path: ['endsOn'],
    message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi / must be on or after the start',
  });
export type TWatchEventInput = z.infer<typeof ZWatchEventInput>;
export const ZWatchEventUpdate = z.object({ version: z.number().int().min(1), data: ZWatchEventInput });

export const ZWatchEvent = z.object({
  id: z.string(),
  kind: z.enum(WATCH_EVENT_KINDS),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string(),
  version: z.number(),
});
export type TWatchEvent = z.infer<typeof ZWatchEvent>;

const ZMonthPoint = z.object({ month: z.string(), expected: z.number(), low: z.number(), high: z.number(), events: z.array(z.string()) });

export const ZWatch = z.object({
  /** When this picture was computed (ISO instant): the dashboard shows a stored one, refreshed daily and on demand. */
  computedAt: z.string(),
  /** Months counted for topics, places, hot spots and repeats (inclusive). */
  window: z.object({ from: z.string(), to: z.string() }),
  /** How many grievances the window holds (cases and reception lines that did not become cases). */
  total: z.number(),
  topics: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string(), count: z.number(), lastMonths: z.number() })),
  phrases: z.array(z.object({ phrase: z.string(), texts: z.number() })),
  places: z.array(z.object({ place: z.string(), count: z.number() })),
  hotspots: z.array(
    z.object({
      topic: z.string(),
      topicName: z.string(),
      unitId: z.string().nullable(),
      unitName: z.string(),
      month: z.string(),
      count: z.number(),
      /** At least 3 and at least twice the topic's monthly mean in that unit over the window. */
      hot: z.boolean(),
    }),
  ),
  repeats: z.object({
    repeat: z.number(),
    group: z.number(),
    prolonged: z.number(),
    byUnit: z.array(
      z.object({ unitId: z.string().nullable(), unitName: z.string(), repeat: z.number(), group: z.number(), prolonged: z.number() }),
    ),
  }),
  /** Monthly volume: recorded in the app, or entered counts of the years before it. */
  series: z.array(z.object({ month: z.string(), count: z.number(), source: z.enum(['recorded', 'entered']), events: z.array(z.string()) })),
  forecast: z.array(ZMonthPoint),
  backtest: z.object({
    rows: z.array(ZMonthPoint.extend({ actual: z.number() })),
    mae: z.number().nullable(),
    mape: z.number().nullable(),
    coverage: z.number().nullable(),
  }),
  uplift: z.array(z.object({ kind: z.string(), factor: z.number() })),
  how: z.object({ vi: z.string(), en: z.string() }),
});
export type TWatch = z.infer<typeof ZWatch>;
