/**
 * The board's dates, all from the deadline engine on the agency's working-day calendar
 * (DOMAIN.md §7.3), never computed by hand here:
 * - BTTND-TERM: the term ends 02 years after it starts (Law 10/2022 Art. 60(3));
 * - BTTND-RECOG: the union recognises the election within 05 working days (Decree 59/2023 Art. 21(1));
 * - BTTND-NOTICE: each activity is notified to its subject at least 05 working days before it
 *   starts (Decree 59/2023 Art. 22);
 * - BTTND-REPLY: the head answers a recommendation within 15 days of receipt (Law 10/2022 Art. 63(1)(c)).
 */
import { addDays, compareIsoDates, parseIsoDate } from '../../../domain';
import { type CalendarProvider, computeDeadline, type DeadlineResult, formatBasis } from '../../../domain/deadlines';

export type BoardRule = 'BTTND-TERM' | 'BTTND-RECOG' | 'BTTND-NOTICE' | 'BTTND-REPLY';

/** One computed date with how it was computed and its legal basis (shown beside it). */
export type BoardDeadline = { ruleId: BoardRule; due: string; explanation: string[]; basis: string[] };

export function boardDeadline(ruleId: BoardRule, trigger: string, calendar: CalendarProvider): BoardDeadline {
  const r: DeadlineResult = computeDeadline(ruleId, { trigger }, calendar);
  return { ruleId, due: r.due, explanation: [...r.explanation], basis: r.basis.map(formatBasis) };
}

/**
 * The earliest start an activity planned on `today` can lawfully have: the first day whose
 * latest notice day (BTTND-NOTICE) is not before today.
 */
export function earliestStart(today: string, calendar: CalendarProvider): string {
  let day = addDays(today, 1);
  // Five working days are at most a few weeks even across Tết; the bound only guards the loop.
  for (let i = 0; i < 60; i++, day = addDays(day, 1)) {
    if (compareIsoDates(boardDeadline('BTTND-NOTICE', day, calendar).due, today) >= 0) return day;
  }
  throw new Error(`no lawful start found within 60 days of ${today}`);
}

/** The years a board date around `iso` may touch (the calendar is loaded once for them). */
export function yearsAround(...isos: string[]): number[] {
  const ys = isos.map((d) => parseIsoDate(d).year);
  const min = Math.min(...ys) - 1;
  const max = Math.max(...ys) + 2;
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}
