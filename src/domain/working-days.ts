/**
 * Working-day calendar and deadline arithmetic.
 *
 * Counting rules (Civil Code 2015, Bộ luật Dân sự số 91/2015/QH13, which applies unless another
 * law says otherwise, Art. 145(1)):
 * - Art. 147(2)–(3): a period counted in days does not include the day it is counted from, or
 *   the day of the triggering event; it starts on the next day.
 * - Art. 148(1): a period in days ends at the end of its last day.
 * - Art. 148(5): when the last day falls on a weekly rest day or a holiday, the period ends at the
 *   end of the next working day.
 * Periods written "ngày làm việc" count working days only; periods written "ngày" count calendar
 * days with the Art. 148(5) roll (DOMAIN.md §2).
 *
 * The calendar is data: weekly days off plus dated exceptions (holidays, compensatory days,
 * Saturday swaps) entered each year from the official schedule (VIETNAMESE.md §4.1).
 */

import { addDays, compareIsoDates, type DayOfWeek, dayOfWeek, formatDmy, type IsoDate, parseIsoDate, weekdayNameVi } from './dates';
import {
  DEFAULT_WEEKLY_DAYS_OFF,
  FIRST_GENERATED_YEAR,
  generateStatutoryHolidays,
  LAST_GENERATED_YEAR,
  type StatutoryHolidayOptions,
} from './holidays';

/**
 * Kinds of calendar exceptions:
 * - 'holiday': statutory holiday (Labour Code 2019, Art. 112);
 * - 'compensatory_off': day off in lieu of a holiday on a weekly rest day (Art. 111(3));
 * - 'swap_off': a working day given off, made up on a 'swap_workday' (MoHA schedule);
 * - 'swap_workday': a weekly rest day (usually a Saturday) worked to make up a 'swap_off'.
 */
export type CalendarExceptionKind = 'holiday' | 'compensatory_off' | 'swap_off' | 'swap_workday';

/** A dated exception to the weekly pattern. */
export interface CalendarException {
  readonly date: IsoDate;
  readonly kind: CalendarExceptionKind;
  /** Vietnamese name shown in explanations, e.g. 'Tết Nguyên đán (mùng 1)'. */
  readonly name: string;
  /** Optional legal basis (number and symbol of the decision). */
  readonly basis?: string;
}

/** Why a day is or is not a working day. */
export type DayStatusReason = 'workday' | 'weekly_rest' | CalendarExceptionKind;

/** The status of one day in a calendar. */
export interface DayStatus {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly reason: DayStatusReason;
  /** Name of the exception, if the status comes from one. */
  readonly name?: string;
}

/** What a step of a computation did with a day. */
export type StepAction = 'event' | 'counted' | 'skipped' | 'period_end' | 'rolled' | 'due';

/** One line of a deadline explanation. */
export interface ComputationStep {
  readonly date: IsoDate;
  readonly action: StepAction;
  /** Status of the day (for 'counted', 'skipped', 'period_end', 'rolled', 'due'). */
  readonly reason?: DayStatusReason;
  /** Name of the holiday or exception involved, if any. */
  readonly name?: string;
  /** For 'counted': the ordinal of the counted day (1, 2, …). */
  readonly count?: number;
  /** A Vietnamese sentence a UI can show as is. */
  readonly text: string;
}

/** A computed date with the steps that led to it. */
export interface DeadlineComputation {
  /** The resulting date (the due date, or the latest date for a "before" rule). */
  readonly due: IsoDate;
  /** Steps in the order they were taken. */
  readonly steps: readonly ComputationStep[];
  /** Legal bases of the counting rules applied. */
  readonly basis: readonly string[];
}

/** Options of the {@link WorkingCalendar} constructor. */
export interface WorkingCalendarOptions {
  /** Weekly days off, 0 = Sunday … 6 = Saturday. Default Saturday and Sunday. */
  readonly weeklyDaysOff?: readonly DayOfWeek[];
  /** Dated exceptions; at most one per date. */
  readonly exceptions?: readonly CalendarException[];
  /**
   * Years the calendar has holiday data for. When given, asking about a date in another year
   * throws, rather than silently treating that year as having no holidays.
   */
  readonly coveredYears?: readonly number[];
}

const CIVIL_CODE = 'Bộ luật Dân sự số 91/2015/QH13';
/** Art. 147(3): the event day is not counted. */
export const BASIS_START = `${CIVIL_CODE}, Điều 147 khoản 3`;
/** Art. 148(1): a period in days ends at the end of its last day. */
export const BASIS_END = `${CIVIL_CODE}, Điều 148 khoản 1`;
/** Art. 148(5): a last day on a rest day or holiday rolls to the next working day. */
export const BASIS_ROLL = `${CIVIL_CODE}, Điều 148 khoản 5`;

/** Largest number of days a single computation accepts (about 27 years). */
const MAX_PERIOD = 10_000;

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_PERIOD) {
    throw new RangeError(`${what} must be an integer 1–${MAX_PERIOD}, got ${n}`);
  }
}

function label(date: IsoDate): string {
  return `${formatDmy(date)} (${weekdayNameVi(dayOfWeek(date))})`;
}

function describeReason(status: DayStatus): string {
  switch (status.reason) {
    case 'workday':
      return 'ngày làm việc';
    case 'weekly_rest':
      return 'nghỉ hằng tuần';
    case 'holiday':
      return `nghỉ lễ, Tết: ${status.name ?? ''}`;
    case 'compensatory_off':
      return `nghỉ bù: ${status.name ?? ''}`;
    case 'swap_off':
      return `nghỉ hoán đổi: ${status.name ?? ''}`;
    case 'swap_workday':
      return `làm việc bù: ${status.name ?? ''}`;
  }
}

/**
 * A working-day calendar: weekly days off plus dated exceptions. Immutable.
 *
 * State agencies work Monday–Friday (Decision 188/1999/QĐ-TTg), hence the Saturday + Sunday
 * default. A 'swap_workday' makes a weekly rest day a working day; every other exception kind
 * makes a day a day off.
 */
export class WorkingCalendar {
  /** Weekly days off, sorted. */
  readonly weeklyDaysOff: readonly DayOfWeek[];
  /** Years covered, sorted, or null if the calendar does not restrict years. */
  readonly coveredYears: readonly number[] | null;
  private readonly weeklyOff: ReadonlySet<DayOfWeek>;
  private readonly byDate: ReadonlyMap<IsoDate, CalendarException>;
  private readonly covered: ReadonlySet<number> | null;

  /**
   * @param options - weekly days off, exceptions, covered years.
   * @throws RangeError if an exception has an invalid date or kind, two exceptions share a date,
   *   an exception lies outside the covered years, or the weekly days off cover the whole week.
   */
  constructor(options: WorkingCalendarOptions = {}) {
    const weekly = [...new Set(options.weeklyDaysOff ?? DEFAULT_WEEKLY_DAYS_OFF)].sort((a, b) => a - b);
    for (const d of weekly) {
      if (!Number.isInteger(d) || d < 0 || d > 6) {
        throw new RangeError(`weekly day off must be 0–6, got ${d}`);
      }
    }
    if (weekly.length >= 7) {
      throw new RangeError('weekly days off must leave at least one working day');
    }
    this.weeklyDaysOff = weekly;
    this.weeklyOff = new Set(weekly);
    if (options.coveredYears) {
      for (const y of options.coveredYears) {
        if (!Number.isInteger(y)) {
          throw new RangeError(`covered year must be an integer, got ${y}`);
        }
      }
      this.coveredYears = [...new Set(options.coveredYears)].sort((a, b) => a - b);
      this.covered = new Set(this.coveredYears);
    } else {
      this.coveredYears = null;
      this.covered = null;
    }
    const byDate = new Map<IsoDate, CalendarException>();
    for (const e of options.exceptions ?? []) {
      const { year } = parseIsoDate(e.date);
      if (!['holiday', 'compensatory_off', 'swap_off', 'swap_workday'].includes(e.kind)) {
        throw new RangeError(`unknown exception kind '${String(e.kind)}' on ${e.date}`);
      }
      if (this.covered && !this.covered.has(year)) {
        throw new RangeError(`exception on ${e.date} lies outside the covered years`);
      }
      const previous = byDate.get(e.date);
      if (previous) {
        throw new RangeError(`two exceptions on ${e.date}: '${previous.name}' and '${e.name}'`);
      }
      byDate.set(e.date, { ...e, name: e.name.normalize('NFC') });
    }
    this.byDate = byDate;
  }

  /**
   * The exceptions of the calendar, sorted by date.
   * @returns a new array.
   */
  exceptions(): CalendarException[] {
    return [...this.byDate.values()].sort((a, b) => compareIsoDates(a.date, b.date));
  }

  /**
   * Status of a day and the reason for it.
   * @param date - an ISO date.
   * @returns whether it is a working day, and why.
   * @throws RangeError if the date is invalid or outside the covered years.
   */
  dayStatus(date: IsoDate): DayStatus {
    const { year } = parseIsoDate(date);
    if (this.covered && !this.covered.has(year)) {
      throw new RangeError(`the calendar has no holiday data for ${year} (asked about ${date})`);
    }
    const exception = this.byDate.get(date);
    if (exception) {
      return { date, working: exception.kind === 'swap_workday', reason: exception.kind, name: exception.name };
    }
    const working = !this.weeklyOff.has(dayOfWeek(date));
    return { date, working, reason: working ? 'workday' : 'weekly_rest' };
  }

  /**
   * Whether a day is a working day.
   * @param date - an ISO date.
   * @returns true on a working day.
   * @throws RangeError if the date is invalid or outside the covered years.
   */
  isWorkingDay(date: IsoDate): boolean {
    return this.dayStatus(date).working;
  }

  /**
   * The first working day on or after a date (the date itself if it is a working day).
   * @param date - an ISO date.
   * @returns an ISO date.
   * @throws RangeError if a date is invalid or outside the covered years.
   */
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
    let d = date;
    while (!this.isWorkingDay(d)) {
      d = addDays(d, 1);
    }
    return d;
  }

  /**
   * The first working day strictly after a date.
   * @param date - an ISO date.
   * @returns an ISO date later than `date`.
   * @throws RangeError if a date is invalid or outside the covered years.
   */
  nextWorkingDayAfter(date: IsoDate): IsoDate {
    return this.nextWorkingDayOnOrAfter(addDays(date, 1));
  }

  /**
   * The last working day on or before a date.
   * @param date - an ISO date.
   * @returns an ISO date.
   * @throws RangeError if a date is invalid or outside the covered years.
   */
  previousWorkingDayOnOrBefore(date: IsoDate): IsoDate {
    let d = date;
    while (!this.isWorkingDay(d)) {
      d = addDays(d, -1);
    }
    return d;
  }

  /**
   * The last working day strictly before a date.
   * @param date - an ISO date.
   * @returns an ISO date earlier than `date`.
   * @throws RangeError if a date is invalid or outside the covered years.
   */
  previousWorkingDayBefore(date: IsoDate): IsoDate {
    return this.previousWorkingDayOnOrBefore(addDays(date, -1));
  }

  /**
   * Number of working days from `from` to `to`, both included.
   * @param from - first day.
   * @param to - last day.
   * @returns the count; 0 if `to` is before `from`.
   * @throws RangeError if a date is invalid or outside the covered years.
   */
  countWorkingDays(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let d = from; compareIsoDates(d, to) <= 0; d = addDays(d, 1)) {
      if (this.isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /**
   * A period of n working days ("n ngày làm việc") after an event, with its explanation.
   * Civil Code Art. 147(3): the event day is not counted; counting starts the next day and
   * skips every day off. The due date is the n-th working day; the period ends at the end of it
   * (Art. 148(1)).
   * @param eventDate - the day of the triggering event (receipt, decision…).
   * @param n - number of working days, 1–10000.
   * @returns the due date and the steps (each counted and skipped day).
   * @throws RangeError if n or a date is invalid, or a date is outside the covered years.
   */
  explainAddWorkingDays(eventDate: IsoDate, n: number): DeadlineComputation {
    checkCount(n, 'number of working days');
    const steps: ComputationStep[] = [eventStep(eventDate)];
    let d = eventDate;
    let counted = 0;
    while (counted < n) {
      d = addDays(d, 1);
      const status = this.dayStatus(d);
      if (status.working) {
        counted++;
        steps.push({
          ...stepFields(status),
          action: 'counted',
          count: counted,
          text: `${label(d)}: ngày làm việc thứ ${counted}.`,
        });
      } else {
        steps.push({ ...stepFields(status), action: 'skipped', text: `${label(d)}: ${describeReason(status)}, không tính.` });
      }
    }
    steps.push({
      ...stepFields(this.dayStatus(d)),
      action: 'due',
      text: `Hạn cuối: hết ngày ${label(d)} (Điều 148 khoản 1 BLDS 2015).`,
    });
    return { due: d, steps, basis: [BASIS_START, BASIS_END] };
  }

  /**
   * The due date of n working days after an event. See {@link explainAddWorkingDays}.
   * @example addWorkingDays('2030-04-22', 7) === '2030-05-03' when 30/4 and 1/5 are holidays.
   * @param eventDate - the day of the triggering event.
   * @param n - number of working days, 1–10000.
   * @returns the n-th working day after the event day.
   * @throws RangeError as {@link explainAddWorkingDays}.
   */
  addWorkingDays(eventDate: IsoDate, n: number): IsoDate {
    return this.explainAddWorkingDays(eventDate, n).due;
  }

  /**
   * A period of n calendar days ("n ngày") after an event, with its explanation. Art. 147(3):
   * day 1 is the day after the event, so the last day is event + n; Art. 148(5): if that day is
   * a weekly rest day or a holiday (or any other day off in the calendar), the period ends at
   * the end of the next working day.
   * @param eventDate - the day of the triggering event.
   * @param n - number of days, 1–10000.
   * @returns the due date and the steps (nominal last day, days rolled over).
   * @throws RangeError if n or a date is invalid, or a date is outside the covered years.
   */
  explainAddCalendarDays(eventDate: IsoDate, n: number): DeadlineComputation {
    checkCount(n, 'number of days');
    const last = addDays(eventDate, n);
    const steps: ComputationStep[] = [eventStep(eventDate)];
    const lastStatus = this.dayStatus(last);
    const restNote = lastStatus.working ? '' : `, ${describeReason(lastStatus)}`;
    steps.push({
      ...stepFields(lastStatus),
      action: 'period_end',
      text: `Ngày thứ ${n} (ngày cuối của thời hạn): ${label(last)}${restNote}.`,
    });
    const basis = [BASIS_START, BASIS_END];
    let d = last;
    if (!lastStatus.working) {
      basis.push(BASIS_ROLL);
      d = addDays(d, 1);
      for (let status = this.dayStatus(d); !status.working; status = this.dayStatus(d)) {
        steps.push({
          ...stepFields(status),
          action: 'rolled',
          text: `${label(d)}: ${describeReason(status)}, chuyển sang ngày làm việc tiếp theo (Điều 148 khoản 5 BLDS 2015).`,
        });
        d = addDays(d, 1);
      }
    }
    steps.push({ ...stepFields(this.dayStatus(d)), action: 'due', text: `Hạn cuối: hết ngày ${label(d)}.` });
    return { due: d, steps, basis };
  }

  /**
   * The due date of n calendar days after an event. See {@link explainAddCalendarDays}.
   * @param eventDate - the day of the triggering event.
   * @param n - number of days, 1–10000.
   * @returns event + n, rolled forward to a working day.
   * @throws RangeError as {@link explainAddCalendarDays}.
   */
  addCalendarDays(eventDate: IsoDate, n: number): IsoDate {
    return this.explainAddCalendarDays(eventDate, n).due;
  }

  /**
   * The latest day for an act required "at least n working days before" a date (e.g. posting
   * the head's reception schedule 05 working days ahead, Law 42/2013/QH13 Art. 24 per
   * DOMAIN.md §2.3). No article states how to count backwards; this mirrors Art. 147(3): the
   * reference day is not counted, counting starts the day before it and skips days off, and
   * the result is the n-th working day counted.
   * It inverts {@link addWorkingDays} on working days: for a working day x,
   * `subtractWorkingDays(addWorkingDays(x, n), n) === x`.
   * @param date - the reference date (the meeting, the reception day…).
   * @param n - number of working days, 1–10000.
   * @returns the latest allowed date and the steps.
   * @throws RangeError if n or a date is invalid, or a date is outside the covered years.
   */
  explainSubtractWorkingDays(date: IsoDate, n: number): DeadlineComputation {
    checkCount(n, 'number of working days');
    const steps: ComputationStep[] = [
      { date, action: 'event', text: `Ngày mốc: ${label(date)}, không tính; đếm ngược từ ngày liền trước.` },
    ];
    let d = date;
    let counted = 0;
    while (counted < n) {
      d = addDays(d, -1);
      const status = this.dayStatus(d);
      if (status.working) {
        counted++;
        steps.push({
          ...stepFields(status),
          action: 'counted',
          count: counted,
          text: `${label(d)}: ngày làm việc thứ ${counted} (đếm ngược).`,
        });
      } else {
        steps.push({ ...stepFields(status), action: 'skipped', text: `${label(d)}: ${describeReason(status)}, không tính.` });
      }
    }
    steps.push({ ...stepFields(this.dayStatus(d)), action: 'due', text: `Chậm nhất: ${label(d)}.` });
    return { due: d, steps, basis: [BASIS_START] };
  }

  /**
   * The latest day for an act required at least n working days before a date.
   * See {@link explainSubtractWorkingDays}.
   * @param date - the reference date.
   * @param n - number of working days, 1–10000.
   * @returns the n-th working day counted backwards from the day before `date`.
   * @throws RangeError as {@link explainSubtractWorkingDays}.
   */
  subtractWorkingDays(date: IsoDate, n: number): IsoDate {
    return this.explainSubtractWorkingDays(date, n).due;
  }
}

/** The first step of a forward computation: Art. 147(3), the event day is not counted. */
function eventStep(eventDate: IsoDate): ComputationStep {
  return {
    date: eventDate,
    action: 'event',
    text: `Ngày xảy ra sự kiện: ${label(eventDate)}, không tính (Điều 147 khoản 3 BLDS 2015).`,
  };
}

function stepFields(status: DayStatus): Pick<ComputationStep, 'date' | 'reason' | 'name'> {
  return status.name === undefined
    ? { date: status.date, reason: status.reason }
    : { date: status.date, reason: status.reason, name: status.name };
}

/** Confirmed exceptions keyed by year (a plain object or a Map). */
export type ExceptionsByYear = Readonly<Record<number, readonly CalendarException[]>> | ReadonlyMap<number, readonly CalendarException[]>;

/** Options of {@link calendarForYears}: weekly days off (also used by the calendar) and generator options. */
export type CalendarForYearsOptions = StatutoryHolidayOptions;

/**
 * Builds a calendar for some years. Rule: a year nobody has confirmed uses the generated
 * statutory holidays ({@link generateStatutoryHolidays}: Labour Code 2019 Arts. 111–112); a
 * year with confirmed exceptions (even an empty list) uses exactly those.
 * The calendar covers only these years: asking about another year throws.
 * @param years - the years to cover, e.g. [2025, 2026, 2027] around a deadline.
 * @param exceptionsByYear - confirmed exceptions keyed by year; every date must lie in its year.
 * @param options - weekly days off and generator options.
 * @returns the calendar.
 * @throws RangeError if no year is given, a confirmed exception lies outside its year, or a
 *   year without confirmed data is outside the generator's range (2021–2199).
 */
export function calendarForYears(
  years: readonly number[],
  exceptionsByYear: ExceptionsByYear = {},
  options: CalendarForYearsOptions = {},
): WorkingCalendar {
  const confirmed: ReadonlyMap<number, readonly CalendarException[]> =
    exceptionsByYear instanceof Map
      ? exceptionsByYear
      : new Map(Object.entries(exceptionsByYear).map(([y, list]) => [Number(y), list] as const));
  if (years.length === 0) {
    throw new RangeError('at least one year is needed');
  }
  const exceptions: CalendarException[] = [];
  for (const year of new Set(years)) {
    const list = confirmed.get(year);
    if (list) {
      for (const e of list) {
        if (parseIsoDate(e.date).year !== year) {
          throw new RangeError(`confirmed exception ${e.date} is filed under year ${year}`);
        }
        exceptions.push(e);
      }
    } else {
      if (year < FIRST_GENERATED_YEAR || year > LAST_GENERATED_YEAR) {
        throw new RangeError(
          `no confirmed holidays for ${year}; statutory holidays are generated only for ${FIRST_GENERATED_YEAR}–${LAST_GENERATED_YEAR}`,
        );
      }
      for (const p of generateStatutoryHolidays(year, options)) {
        exceptions.push({ date: p.date, kind: p.kind, name: p.name, basis: p.basis });
      }
    }
  }
  return new WorkingCalendar({ weeklyDaysOff: options.weeklyDaysOff, exceptions, coveredYears: years });
}
