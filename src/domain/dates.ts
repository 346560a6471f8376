/**
 * Date-only helpers on ISO 8601 calendar dates ('YYYY-MM-DD').
 *
 * A legal deadline is a calendar day, not an instant, so these helpers never touch the host
 * time zone: dates are converted to a day count (days since 1970-01-01, proleptic Gregorian)
 * with integer arithmetic and back. `Date` is used only by {@link todayInVietnam}, which turns
 * an instant into the civil date in Việt Nam.
 */

/** A calendar date written 'YYYY-MM-DD' (4-digit year, no time, no time zone). */
export type IsoDate = string;

/** A calendar date as numbers: day 1–31, month 1–12, year 1–9999. */
export interface CalendarDate {
  readonly day: number;
  readonly month: number;
  readonly year: number;
}

/** Day of the week as in `Date.prototype.getUTCDay`: 0 = Sunday (Chủ nhật) … 6 = Saturday (thứ Bảy). */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Smallest year the ISO helpers accept (4-digit years only). */
export const MIN_YEAR = 1;
/** Largest year the ISO helpers accept. */
export const MAX_YEAR = 9999;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether a Gregorian year is a leap year.
 * @param year - the year.
 * @returns true for leap years (divisible by 4, except centuries not divisible by 400).
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a Gregorian month.
 * @param year - the year.
 * @param month - the month, 1–12.
 * @returns 28–31.
 * @throws RangeError if the month is not an integer 1–12.
 */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`month must be an integer 1–12, got ${month}`);
  }
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether the numbers form a real calendar date within years 1–9999.
 * @param day - day of month.
 * @param month - month 1–12.
 * @param year - year 1–9999.
 * @returns true if e.g. (29, 2, 2024) but not (29, 2, 2023) or (31, 4, 2026).
 */
export function isValidCalendarDate(day: number, month: number, year: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Parses and validates an ISO date string.
 * @param value - a string 'YYYY-MM-DD'.
 * @returns the day, month and year.
 * @throws RangeError if the format is wrong or the date does not exist (e.g. '2023-02-29').
 */
export function parseIsoDate(value: IsoDate): CalendarDate {
  const match = typeof value === 'string' ? ISO_DATE_RE.exec(value) : null;
  if (!match) {
    throw new RangeError(`not an ISO date 'YYYY-MM-DD': ${String(value)}`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (!isValidCalendarDate(day, month, year)) {
    throw new RangeError(`not a real calendar date: ${value}`);
  }
  return { day, month, year };
}

/**
 * Whether a value is a valid ISO date string of a real calendar date.
 * @param value - any value.
 * @returns true for e.g. '2024-02-29', false for '2023-02-29', '2024-2-1' or non-strings.
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') {
    return false;
  }
  const match = ISO_DATE_RE.exec(value);
  return match !== null && isValidCalendarDate(Number(match[3]), Number(match[2]), Number(match[1]));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Writes a calendar date as an ISO string.
 * @param date - day, month, year.
 * @returns 'YYYY-MM-DD'.
 * @throws RangeError if the date does not exist.
 */
export function toIsoDate(date: CalendarDate): IsoDate {
  if (!isValidCalendarDate(date.day, date.month, date.year)) {
    throw new RangeError(`not a real calendar date: ${date.day}/${date.month}/${date.year}`);
  }
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/**
 * Days since 1970-01-01 of a calendar date (proleptic Gregorian), by integer arithmetic
 * (H. Hinnant's `days_from_civil`), so no host time zone can shift the result.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link daysFromCivil}. */
function civilFromDays(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { day, month, year };
}

/**
 * The number of days from 1970-01-01 to a date (negative before 1970).
 * @param date - an ISO date.
 * @returns an integer day number; consecutive dates differ by 1.
 * @throws RangeError if the date is invalid.
 */
export function toEpochDay(date: IsoDate): number {
  const { day, month, year } = parseIsoDate(date);
  return daysFromCivil(year, month, day);
}

/**
 * The ISO date of a day number counted from 1970-01-01.
 * @param epochDay - an integer day number.
 * @returns the ISO date.
 * @throws RangeError if the day number is not an integer or falls outside years 1–9999.
 */
export function fromEpochDay(epochDay: number): IsoDate {
  if (!Number.isInteger(epochDay)) {
    throw new RangeError(`day number must be an integer, got ${epochDay}`);
  }
  return toIsoDate(civilFromDays(epochDay));
}

/**
 * Adds (or, with a negative n, subtracts) calendar days.
 * @param date - an ISO date.
 * @param n - an integer number of days.
 * @returns the ISO date n days later.
 * @throws RangeError if the input is invalid or the result leaves years 1–9999.
 */
export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) {
    throw new RangeError(`number of days must be an integer, got ${n}`);
  }
  return fromEpochDay(toEpochDay(date) + n);
}

/**
 * The number of days from `from` to `to` (positive when `to` is later).
 * @param from - an ISO date.
 * @param to - an ISO date.
 * @returns `to − from` in days.
 * @throws RangeError if a date is invalid.
 */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * Day of the week of a date.
 * @param date - an ISO date.
 * @returns 0 = Sunday (Chủ nhật), 1 = Monday (thứ Hai) … 6 = Saturday (thứ Bảy).
 * @throws RangeError if the date is invalid.
 */
export function dayOfWeek(date: IsoDate): DayOfWeek {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(date) + 4) % 7) + 7) % 7) as DayOfWeek;
}

const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'] as const;
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * Vietnamese name of a day of the week, as written inside a sentence.
 * @param day - 0 = Sunday … 6 = Saturday.
 * @returns e.g. 'thứ Hai', 'Chủ nhật'.
 */
export function weekdayNameVi(day: DayOfWeek): string {
  return WEEKDAY_VI[day];
}

/**
 * English name of a day of the week.
 * @param day - 0 = Sunday … 6 = Saturday.
 * @returns e.g. 'Monday'.
 */
export function weekdayNameEn(day: DayOfWeek): string {
  return WEEKDAY_EN[day];
}

/**
 * Compares two ISO dates (usable as an `Array.prototype.sort` comparator).
 * @param a - an ISO date.
 * @param b - an ISO date.
 * @returns a negative number if a < b, 0 if equal, a positive number if a > b.
 * @throws RangeError if a date is invalid.
 */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(toEpochDay(a) - toEpochDay(b));
}

/**
 * The earlier of two ISO dates.
 * @throws RangeError if a date is invalid.
 */
export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) <= 0 ? a : b;
}

/**
 * The later of two ISO dates.
 * @throws RangeError if a date is invalid.
 */
export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) >= 0 ? a : b;
}

/**
 * Formats a date the way Vietnamese users read and type it.
 * @param date - an ISO date.
 * @returns 'dd/mm/yyyy', e.g. '05/02/2021'.
 * @throws RangeError if the date is invalid.
 */
export function formatDmy(date: IsoDate): string {
  const { day, month, year } = parseIsoDate(date);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

/**
 * Parses a date typed as 'd/m/yyyy' or 'dd/mm/yyyy' (day first, as in Việt Nam).
 * @param value - e.g. '5/2/2021' or '05/02/2021'.
 * @returns the ISO date, e.g. '2021-02-05'.
 * @throws RangeError if the format is wrong or the date does not exist.
 */
export function parseDmy(value: string): IsoDate {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!match) {
    throw new RangeError(`not a date 'dd/mm/yyyy': ${value}`);
  }
  return toIsoDate({ day: Number(match[1]), month: Number(match[2]), year: Number(match[3]) });
}

/**
 * The date part of an administrative document's place-and-date line.
 *
 * Decree 30/2020/NĐ-CP, Annex I (thể thức văn bản hành chính), item "Địa danh và thời gian
 * ban hành văn bản": the date is written in full, "ngày … tháng … năm …", in Arabic numerals,
 * with a leading 0 for days below 10 and for months 1 and 2 (so the number cannot be altered
 * into 11–19, 21–29 or months 11–12). Months 3–12 take no leading zero.
 * @param date - an ISO date.
 * @returns e.g. 'ngày 05 tháng 02 năm 2021', 'ngày 15 tháng 3 năm 2021'.
 * @throws RangeError if the date is invalid.
 */
export function formatDocumentDate(date: IsoDate): string {
  const { day, month, year } = parseIsoDate(date);
  const dd = pad(day, 2);
  const mm = month <= 2 ? pad(month, 2) : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/**
 * The full place-and-date line of an administrative document (Decree 30/2020/NĐ-CP, Art. 8(2)
 * and Annex I), e.g. "Quảng Ngãi, ngày 05 tháng 02 năm 2021". See {@link formatDocumentDate}.
 * @param place - the official place name (địa danh), e.g. 'Quảng Ngãi'.
 * @param date - an ISO date.
 * @returns the line, NFC-normalised.
 * @throws RangeError if the date is invalid or the place is empty.
 */
export function formatDocumentDateLine(place: string, date: IsoDate): string {
  const trimmed = place.trim();
  if (trimmed === '') {
    throw new RangeError('place name must not be empty');
  }
  return `${trimmed}, ${formatDocumentDate(date)}`.normalize('NFC');
}

/** Việt Nam's civil time offset from UTC in hours (UTC+7; no daylight saving since 1975). */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

/**
 * The civil date in Việt Nam (Asia/Ho_Chi_Minh, UTC+7) at an instant, whatever the host time zone.
 * @param now - the instant; defaults to the current time.
 * @returns the ISO date in Việt Nam, e.g. 2026-01-01T17:30:00Z → '2026-01-02'.
 * @throws RangeError if `now` is an invalid Date.
 */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  const ms = now.getTime();
  if (Number.isNaN(ms)) {
    throw new RangeError('invalid Date');
  }
  const localMs = ms + VIETNAM_UTC_OFFSET_HOURS * 3_600_000;
  return fromEpochDay(Math.floor(localMs / 86_400_000));
}
