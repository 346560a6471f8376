/**
 * Task due dates: a fixed date, or a recurrence ("every 6 months", "before 11/11 each year"),
 * and the due-state that makes overdue and due-soon tasks stand out (issue #3). Pure functions.
 */
import { addDays, daysInMonth, diffDays, parseIsoDate, toIsoDate } from '../../../domain';
import type { TRecurrence } from '../../../contracts/plans';

/** How many days ahead a task counts as "due soon". */
export const DUE_SOON_DAYS = 7;

function addMonths(date: string, months: number): string {
  const d = parseIsoDate(date);
  const total = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  // Civil Code 2015 Art. 148(3): a month period ends on the same day number, or the month's last day.
  return toIsoDate({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}

/** Every due date of a task within its plan year. */
export function occurrences(task: { dueOn: string | null; recurrence: TRecurrence | null }, planYear: number): string[] {
  const r = task.recurrence;
  if (!r) return task.dueOn ? [task.dueOn] : [];
  if (r.kind === 'yearly_before') {
    const day = Math.min(r.day, daysInMonth(planYear, r.month));
    return [toIsoDate({ year: planYear, month: r.month, day })];
  }
  const out: string[] = [];
  // Each occurrence is computed from the anchor (not chained), so month-end dates do not drift.
  const anchor = task.dueOn ?? addMonths(`${planYear}-01-01`, r.months);
  const span = Math.ceil(24 / r.months) + 12;
  for (let k = task.dueOn ? -span : 0; k <= span; k++) {
    const d = addMonths(anchor, k * r.months);
    if (parseIsoDate(d).year === planYear) out.push(d);
  }
  return out;
}

export type DueState = 'done' | 'overdue' | 'due_soon' | 'on_track' | 'no_deadline';

/** The next due date on or after today, else the last one (then overdue unless done). */
export function nextDue(dates: string[], today: string): string | null {
  if (dates.length === 0) return null;
  return dates.find((d) => d >= today) ?? dates[dates.length - 1]!;
}

export function dueState(status: string, next: string | null, today: string, lastUpdateOn: string | null = null): DueState {
  if (status === 'done' || status === 'cancelled') return 'done';
  if (!next) return 'no_deadline';
  if (next < today) return 'overdue';
  // A recurring report already made for this occurrence is not "due soon".
  if (lastUpdateOn && diffDays(lastUpdateOn, next) <= DUE_SOON_DAYS && lastUpdateOn <= next && diffDays(today, next) <= DUE_SOON_DAYS)
    return 'on_track';
  return diffDays(today, next) <= DUE_SOON_DAYS ? 'due_soon' : 'on_track';
}

export { addDays };
