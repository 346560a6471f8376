/**
 * Default (proposed) statutory holidays of a Gregorian year, per the Labour Code 2019
 * (Bộ luật Lao động số 45/2019/QH14), Art. 112 and Art. 111(3).
 *
 * These are proposals only: every year the Prime Minister fixes the exact Tết days and the day
 * adjacent to National Day (Art. 112(3)), and the Ministry of Home Affairs announces the schedule
 * for public employees, often with Saturday swaps. An administrator confirms or edits the
 * generated entries once the official schedule is out (VIETNAMESE.md §4.1).
 */

import { addDays, compareIsoDates, type DayOfWeek, dayOfWeek, daysInMonth, type IsoDate, toIsoDate } from './dates';
import { lunarNewYear, lunarToSolar, solarToLunar, VIETNAM_TIME_ZONE } from './lunar';

/** Kinds of generated entries: a statutory holiday, or the compensatory day off for one. */
export type HolidayKind = 'holiday' | 'compensatory_off';

/** One proposed day off. */
export interface HolidayProposal {
  /** The date, 'YYYY-MM-DD'. */
  readonly date: IsoDate;
  /** 'holiday' for a statutory holiday, 'compensatory_off' for a day off in lieu (Art. 111(3)). */
  readonly kind: HolidayKind;
  /** Vietnamese name (NFC), e.g. 'Tết Nguyên đán (mùng 1)'. */
  readonly name: string;
  /** English name, e.g. 'Lunar New Year (day 1)'. */
  readonly nameEn: string;
  /** Legal basis, e.g. 'Bộ luật Lao động số 45/2019/QH14, Điều 112 khoản 1 điểm a'. */
  readonly basis: string;
}

/** How to choose the day adjacent to National Day 2/9 (Art. 112(1)(đ)). */
export type NationalDayAdjacentRule = 'auto' | 'before' | 'after';

/**
 * A statutory holiday on the same Gregorian date every year, as data: adding a holiday the law
 * creates (e.g. 24/11 if it is enacted) is one entry with the year it first applies.
 */
export interface FixedDateHoliday {
  /** Month, 1–12. */
  readonly month: number;
  /** Day of the month; a date every year has (not 29/2). */
  readonly day: number;
  /** Vietnamese name (NFC), e.g. 'Quốc tế Lao động'. */
  readonly name: string;
  /** English name. */
  readonly nameEn: string;
  /** Legal basis: document and article. */
  readonly basis: string;
  /**
   * First year in which the day is off: the year the law takes effect, or the next year when it
   * takes effect after that year's date.
   */
  readonly fromYear: number;
  /** Last year in which the day is off, if the law ends it. */
  readonly toYear?: number;
}

/** Options of {@link generateStatutoryHolidays}. */
export interface StatutoryHolidayOptions {
  /**
   * Weekly days off, 0 = Sunday … 6 = Saturday. Default Saturday and Sunday: state agencies work
   * Monday–Friday (40-hour week, Decision 188/1999/QĐ-TTg).
   */
  readonly weeklyDaysOff?: readonly DayOfWeek[];
  /** Adjacent National Day: 1/9 ('before'), 3/9 ('after'), or 'auto' (default; see below). */
  readonly nationalDayAdjacent?: NationalDayAdjacentRule;
  /** Time zone for the lunar calendar, in hours; 7 (Việt Nam) by default. */
  readonly tz?: number;
  /** The fixed-date holidays; {@link STATUTORY_FIXED_DATE_HOLIDAYS} by default. */
  readonly fixedDateHolidays?: readonly FixedDateHoliday[];
}

/**
 * First year the generator covers: the Labour Code 2019 (in force since 1 January 2021)
 * added the day adjacent to National Day; earlier years need confirmed data.
 */
export const FIRST_GENERATED_YEAR = 2021;
/** Last year the generator covers: the lunar calendar is cross-checked up to 2200. */
export const LAST_GENERATED_YEAR = 2199;

/** Saturday and Sunday. */
export const DEFAULT_WEEKLY_DAYS_OFF: readonly DayOfWeek[] = [6, 0];

const LAW = 'Bộ luật Lao động số 45/2019/QH14';
const BASIS = {
  newYear: `${LAW}, Điều 112 khoản 1 điểm a`,
  tet: `${LAW}, Điều 112 khoản 1 điểm b`,
  victory: `${LAW}, Điều 112 khoản 1 điểm c`,
  labour: `${LAW}, Điều 112 khoản 1 điểm d`,
  nationalDay: `${LAW}, Điều 112 khoản 1 điểm đ`,
  hungKings: `${LAW}, Điều 112 khoản 1 điểm e`,
  compensatory: `${LAW}, Điều 111 khoản 3`,
} as const;

const TET_DAY_NAMES = ['mùng 1', 'mùng 2', 'mùng 3', 'mùng 4'] as const;

/**
 * The fixed-date holidays of Labour Code 2019 Art. 112(1) (points a, c, d, đ), each from 2021, the
 * first year under that Code. Tết and Giỗ Tổ follow the lunar calendar and the day adjacent to
 * National Day is chosen each year: they are computed in {@link generateStatutoryHolidays}.
 * A new statutory holiday is one more entry here, with the year it first applies.
 */
export const STATUTORY_FIXED_DATE_HOLIDAYS: readonly FixedDateHoliday[] = [
  { month: 1, day: 1, name: 'Tết Dương lịch', nameEn: "New Year's Day", basis: BASIS.newYear, fromYear: FIRST_GENERATED_YEAR },
  {
    month: 4,
    day: 30,
    name: 'Ngày Chiến thắng 30/4',
    nameEn: 'Reunification Day (30 April)',
    basis: BASIS.victory,
    fromYear: FIRST_GENERATED_YEAR,
  },
  { month: 5, day: 1, name: 'Quốc tế Lao động', nameEn: 'International Labour Day', basis: BASIS.labour, fromYear: FIRST_GENERATED_YEAR },
  { month: 9, day: 2, name: 'Quốc khánh', nameEn: 'National Day', basis: BASIS.nationalDay, fromYear: FIRST_GENERATED_YEAR },
];

/** Problems of one fixed-date entry, as English sentences. */
function fixedDateProblems(h: FixedDateHoliday): string[] {
  const p: string[] = [];
  const where = `holiday ${String(h.day)}/${String(h.month)}`;
  const dayOk = Number.isInteger(h.month) && h.month >= 1 && h.month <= 12 && Number.isInteger(h.day) && h.day >= 1;
  // A date every year has: 2001 is not a leap year.
  if (!dayOk || h.day > daysInMonth(2001, h.month)) p.push(`${where}: not a date of every year`);
  if (typeof h.name !== 'string' || h.name.trim() === '') p.push(`${where}: name must not be empty`);
  if (typeof h.basis !== 'string' || h.basis.trim() === '') p.push(`${where}: a legal basis is required`);
  if (!Number.isInteger(h.fromYear)) p.push(`${where}: fromYear must be an integer`);
  if (h.toYear !== undefined && (!Number.isInteger(h.toYear) || h.toYear < h.fromYear)) p.push(`${where}: toYear must be ≥ fromYear`);
  return p;
}

/**
 * Chooses the day adjacent to National Day (2/9) when the rule is 'auto'.
 *
 * Art. 112(1)(đ) gives "2/9 and one day immediately before or after"; Art. 112(3) lets the
 * Prime Minister pick. Rule proposed here, which reproduces the schedules of 2021 (3/9),
 * 2022 (1/9), 2024 (3/9), 2025 (1/9) and 2026 (1/9):
 * 1. only a working day is worth choosing (an adjacent day on a weekly day off adds nothing);
 * 2. if both are working days, take the one that touches the weekend, so the break is one
 *    block (2/9 on Tuesday → Monday 1/9; on Thursday → Friday 3/9);
 * 3. otherwise (2/9 on Wednesday) take 1/9.
 */
function chooseNationalDayAdjacent(year: number, weeklyOff: ReadonlySet<DayOfWeek>): IsoDate {
  const before = toIsoDate({ day: 1, month: 9, year });
  const after = toIsoDate({ day: 3, month: 9, year });
  const isRest = (d: IsoDate): boolean => weeklyOff.has(dayOfWeek(d));
  const score = (d: IsoDate, outer: IsoDate): number => (isRest(d) ? 0 : isRest(outer) ? 2 : 1);
  const scoreBefore = score(before, addDays(before, -1));
  const scoreAfter = score(after, addDays(after, 1));
  return scoreAfter > scoreBefore ? after : before;
}

/**
 * The statutory holidays of a Gregorian year with their compensatory days off, as proposals.
 *
 * Holidays (Labour Code 2019, Art. 112(1)), the fixed-date ones taken from
 * `options.fixedDateHolidays` for the years they apply to:
 * - a) 1/1 Tết Dương lịch;
 * - b) Tết Âm lịch, 5 days: proposed as the last day of the old lunar year (the 29th or 30th of
 *   month 12, computed as the day before Tết) and days 1–4 of the new year;
 * - c) 30/4 Ngày Chiến thắng; d) 1/5 Quốc tế Lao động;
 * - đ) 2/9 Quốc khánh and one adjacent day (see `nationalDayAdjacent`);
 * - e) 10/3 lunar Giỗ Tổ Hùng Vương.
 *
 * Art. 111(3): when a holiday falls on the weekly day off, the next working day is a day off in
 * lieu. It is placed on the first later day that is neither a weekly day off, a holiday, nor an
 * already placed compensatory day.
 * @param year - Gregorian year, {@link FIRST_GENERATED_YEAR}–{@link LAST_GENERATED_YEAR}.
 * @param options - weekly days off, adjacent-day rule, lunar time zone.
 * @returns proposals sorted by date, one per date, names NFC-normalised.
 * @throws RangeError if the year is outside that range, the weekly days off are not 0–6 or
 *   leave no working day, or a fixed-date entry is malformed.
 */
export function generateStatutoryHolidays(year: number, options: StatutoryHolidayOptions = {}): HolidayProposal[] {
  if (!Number.isInteger(year) || year < FIRST_GENERATED_YEAR || year > LAST_GENERATED_YEAR) {
    throw new RangeError(`year must be an integer ${FIRST_GENERATED_YEAR}–${LAST_GENERATED_YEAR}, got ${year}`);
  }
  const weeklyOff = new Set<DayOfWeek>(options.weeklyDaysOff ?? DEFAULT_WEEKLY_DAYS_OFF);
  for (const d of weeklyOff) {
    if (!Number.isInteger(d) || d < 0 || d > 6) {
      throw new RangeError(`weekly day off must be 0–6, got ${d}`);
    }
  }
  if (weeklyOff.size >= 7) {
    throw new RangeError('weekly days off must leave at least one working day');
  }
  const tz = options.tz ?? VIETNAM_TIME_ZONE;
  const rule = options.nationalDayAdjacent ?? 'auto';
  const fixed = options.fixedDateHolidays ?? STATUTORY_FIXED_DATE_HOLIDAYS;
  const problems = fixed.flatMap(fixedDateProblems);
  if (problems.length > 0) {
    throw new RangeError(`invalid fixed-date holidays:\n- ${problems.join('\n- ')}`);
  }

  const holidays: HolidayProposal[] = [];
  const add = (date: IsoDate, name: string, nameEn: string, basis: string): void => {
    holidays.push({ date, kind: 'holiday', name: name.normalize('NFC'), nameEn, basis });
  };
  const ymd = (month: number, day: number): IsoDate => toIsoDate({ day, month, year });

  for (const h of fixed) {
    if (year >= h.fromYear && (h.toYear === undefined || year <= h.toYear)) add(ymd(h.month, h.day), h.name, h.nameEn, h.basis);
  }

  // Art. 112(1)(b): 5 days of Tết; the exact days are the PM's decision (Art. 112(3)). Proposal:
  // the last day of the old year + days 1–4. Month 12 may have 29 days, so the last day is
  // taken as the day before Tết rather than "the 30th".
  const tet = lunarNewYear(year, tz);
  const lastDay = addDays(tet, -1);
  // The 29th or the 30th of month 12 (tháng Chạp).
  const lastDayNumber = solarToLunar(lastDay, tz).day;
  add(lastDay, `Tết Nguyên đán (${lastDayNumber} tháng Chạp)`, 'Lunar New Year (last day of the old year)', BASIS.tet);
  TET_DAY_NAMES.forEach((label, i) => {
    add(addDays(tet, i), `Tết Nguyên đán (${label})`, `Lunar New Year (day ${i + 1})`, BASIS.tet);
  });

  add(
    lunarToSolar({ day: 10, month: 3, year, leap: false }, tz),
    'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    "Hung Kings' Commemoration (10th day of the 3rd lunar month)",
    BASIS.hungKings,
  );
  // Art. 112(1)(đ): the day adjacent to 2/9 (2/9 itself is in the fixed-date list).
  const adjacent = rule === 'before' ? ymd(9, 1) : rule === 'after' ? ymd(9, 3) : chooseNationalDayAdjacent(year, weeklyOff);
  add(adjacent, 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)', BASIS.nationalDay);

  holidays.sort((a, b) => compareIsoDates(a.date, b.date));
  assertUniqueDates(holidays);

  // Art. 111(3): a holiday on the weekly day off gives a day off on the next working day.
  const taken = new Set(holidays.map((h) => h.date));
  const compensatory: HolidayProposal[] = [];
  for (const h of holidays) {
    if (!weeklyOff.has(dayOfWeek(h.date))) {
      continue;
    }
    let d = addDays(h.date, 1);
    while (weeklyOff.has(dayOfWeek(d)) || taken.has(d)) {
      d = addDays(d, 1);
    }
    taken.add(d);
    compensatory.push({
      date: d,
      kind: 'compensatory_off',
      name: `Nghỉ bù ${h.name}`.normalize('NFC'),
      nameEn: `Compensatory day off for ${h.nameEn}`,
      basis: BASIS.compensatory,
    });
  }

  const all = [...holidays, ...compensatory].sort((a, b) => compareIsoDates(a.date, b.date));
  assertUniqueDates(all);
  return all;
}

function assertUniqueDates(list: readonly HolidayProposal[]): void {
  for (let i = 1; i < list.length; i++) {
    const prev = list[i - 1];
    const cur = list[i];
    if (prev && cur && prev.date === cur.date) {
      throw new Error(`two holidays on ${cur.date}: ${prev.name}, ${cur.name}`);
    }
  }
}
