/**
 * Deadlines that are not a full date (issue #15): the recurring and relative ones plans use —
 * "trước ngày 15/12 hằng năm", "định kỳ 6 tháng", "hằng quý", "trong quý I/2026",
 * "trong tháng 5/2026", "sau 05 ngày làm việc kể từ …". Each is tied to its item and, where the
 * text allows, turned into a due date or a recurrence the review proposes as a task or a report
 * cycle (issue #14 point 9). Read on the folded shadow, like every pattern of the parser.
 */
import type { IsoDate } from '../dates';
import { oneLine } from './normalize';
import type { PlanSection, Span } from './types';

/** A recurring, periodic or relative deadline. */
export interface PlanSchedule {
  /**
   * `yearly`: every year before a day ("trước ngày 15/12 hằng năm"); `every_months`: every N
   * months ("định kỳ 6 tháng", "hằng quý"); `quarter` / `month`: within a quarter or month of a
   * year; `relative`: N (working) days after an event.
   */
  readonly kind: 'yearly' | 'every_months' | 'quarter' | 'month' | 'relative';
  /** The clause that states it, on one line. */
  readonly text: string;
  readonly span: Span;
  /** The last day it allows, when the text gives one (quarter, month). */
  readonly dueOn: IsoDate | null;
  /** Yearly: day and month. */
  readonly day?: number;
  readonly month?: number;
  /** Every N months. */
  readonly months?: number;
  /** Relative: N days, working days or not. */
  readonly days?: number;
  readonly workingDays?: boolean;
  /** Whether the clause is about reporting ("báo cáo"): a report cycle rather than a task. */
  readonly report: boolean;
  readonly section: string | null;
  readonly item: number | null;
}

const ROMAN_Q: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

const PATTERNS: readonly {
  re: RegExp;
  make: (m: RegExpExecArray) => Omit<PlanSchedule, 'text' | 'span' | 'report' | 'section' | 'item'> | null;
}[] = [
  {
    // "trước ngày 15/12 hằng năm", "định kỳ hàng năm (trước ngày 10/12)"
    re: /(?<![\p{L}])(?:(?:h[aă]ng|h\S{1,3}ng)\s+n\S{1,2}m[\s(,]*(?:\S+\s+){0,3}?)?tr\S{1,3}c\s+ng\S{1,3}\s+(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])(?:\s*\)?\s*(?:h\S{1,3}ng|m\S{1,2}i)\s+n\S{1,2}m)?/giu,
    make: (m) => {
      const whole = m[0]!.toLowerCase();
      if (!/n\S{1,2}m/.test(whole.replace(/ngay/g, ''))) return null;
      const day = Number(m[1]);
      const month = Number(m[2]);
      return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? { kind: 'yearly', dueOn: null, day, month } : null;
    },
  },
  {
    // "định kỳ 6 tháng", "06 tháng một lần", "hằng quý", "hằng tháng"
    re: /(?<![\p{L}])(?:\S{1,2}nh\s+k\S{1,2}\s+(\d{1,2})\s+th\S{1,3}ng|(\d{1,2})\s+th\S{1,3}ng\s+(?:m\S{1,2}t|1)\s+l\S{1,3}n|h[aă\S]{1,2}ng\s+(qu\S{1,2}|th\S{1,3}ng)(?![\p{L}]))/giu,
    make: (m) => {
      const n = m[1] ?? m[2];
      if (n) return Number(n) >= 1 && Number(n) <= 24 ? { kind: 'every_months', dueOn: null, months: Number(n) } : null;
      return { kind: 'every_months', dueOn: null, months: /^qu/i.test(m[3]!) ? 3 : 1 };
    },
  },
  {
    // "trong quý I/2026", "quý II năm 2026"
    re: /(?<![\p{L}])qu\S{1,2}\s+(IV|I{1,3}|[1-4])\s*(?:\/|n\S{1,2}m)\s*(\d{4})/gu,
    make: (m) => {
      const q = ROMAN_Q[m[1]!];
      const y = Number(m[2]);
      if (!q) return null;
      const month = q * 3;
      return { kind: 'quarter', dueOn: `${y}-${pad(month)}-${pad(lastDay(y, month))}` as IsoDate };
    },
  },
  {
    // "trong tháng 5/2026", "xong trong tháng 5 năm 2026"
    re: /(?<![\p{L}])(?:trong|xong|h\S{1,3}n th\S{1,3}nh|\S{1,3}n h\S{1,2}t)\s+th\S{1,3}ng\s+(\d{1,2})\s*(?:\/|n\S{1,2}m)\s*(\d{4})/giu,
    make: (m) => {
      const mo = Number(m[1]);
      const y = Number(m[2]);
      return mo >= 1 && mo <= 12 ? { kind: 'month', dueOn: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}` as IsoDate } : null;
    },
  },
  {
    // "sau 05 ngày làm việc kể từ …", "trong thời hạn 10 ngày kể từ ngày nhận"
    re: /(?<![\p{L}])(?:sau|trong(?:\s+th\S{1,2}i\s+h\S{1,2}n)?|ch\S{1,2}m\s+nh\S{1,3}t)\s+(\d{1,3})\s+ng\S{1,3}(\s+l\S{1,2}m\s+vi\S{1,3}c)?\s+(?:k\S{1,2}\s+t\S{1,2}|t\S{1,2}\s+ng\S{1,3}|sau\s+khi)/giu,
    make: (m) => ({ kind: 'relative', dueOn: null, days: Number(m[1]), workingDays: !!m[2] }),
  },
];

/**
 * Finds the recurring, periodic and relative deadlines of a plan's body.
 * @param text - the normalized text.
 * @param shadow - its shadow.
 * @param sections - the sections with items (to tie each to its item).
 * @param bodyEnd - where the body ends.
 * @returns the schedules in text order.
 */
export function findSchedules(text: string, shadow: string, sections: readonly PlanSection[], bodyEnd: number): PlanSchedule[] {
  const out: PlanSchedule[] = [];
  const taken: Span[] = [];
  for (const { re, make } of PATTERNS) {
    const r = new RegExp(re.source, re.flags);
    for (let m = r.exec(shadow); m && m.index < bodyEnd; m = r.exec(shadow)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some((t) => start < t.end && t.start < end)) continue;
      const got = make(m);
      if (!got) continue;
      taken.push({ start, end });
      const section = sections.find((s) => start >= s.span.start && start < s.span.end) ?? null;
      const item = section?.items.find((it) => start >= it.span.start && start < it.span.end) ?? null;
      // The clause: back to the previous sentence break, forward to the next.
      let s = start;
      while (s > 0 && start - s < 300 && !/[.;:\n]/.test(text[s - 1]!)) s--;
      let e = end;
      while (e < text.length && e - end < 200 && !/[.;\n]/.test(text[e]!)) e++;
      const clause = oneLine(text.slice(s, e));
      out.push({
        ...got,
        text: clause,
        span: { start, end },
        report: /bao cao/i.test(shadow.slice(s, e)),
        section: section?.numeral ?? null,
        item: item?.number ?? null,
      });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
