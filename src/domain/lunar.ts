/**
 * The Vietnamese lunisolar calendar (âm lịch), computed with Hồ Ngọc Đức's method: Meeus'
 * truncated astronomical series for new moons and the sun's longitude, evaluated in the civil
 * time zone (UTC+7 for Việt Nam since 1968; UTC+8 reproduces China's calendar).
 *
 * Rules encoded (see shared/VIETNAMESE.md §4.3):
 * - a lunar month starts on the local civil day of a new moon;
 * - month 11 is the month containing the winter solstice;
 * - a year with 13 months between two months 11 has a leap month: the first month without a
 *   major solar term (trung khí), which takes the number of the month before it.
 *
 * Accuracy: the series are accurate to minutes, so a date can differ from precise ephemerides
 * when a new moon falls within minutes of local midnight. Checked day by day for 1900–2100
 * against the `amlich` port of the original code (tests).
 */

import { type CalendarDate, type IsoDate, parseIsoDate, toIsoDate } from './dates';

/** Việt Nam's civil time zone, in hours east of UTC. */
export const VIETNAM_TIME_ZONE = 7;

/** A lunar date. `leap` marks the intercalary month (tháng nhuận) that repeats `month`. */
export interface LunarDate {
  /** Day of the lunar month, 1–30. */
  readonly day: number;
  /** Lunar month number, 1–12 (a leap month carries the number of the month before it). */
  readonly month: number;
  /** Lunar year, named by the Gregorian year in which its month 1 starts. */
  readonly year: number;
  /** True in the leap month. */
  readonly leap: boolean;
}

/** Julian day number of 1900-01-01 12:00 UT (offset used to index new moons from 1900). */
const JD_1900 = 2415021.076998695;
/** Mean length of a synodic month, in days. */
const SYNODIC_MONTH = 29.530588853;
/** First Julian day number of the Gregorian calendar (15 October 1582). */
const GREGORIAN_START_JD = 2299161;

const DEG = Math.PI / 180;

function checkTimeZone(tz: number): void {
  if (!Number.isFinite(tz) || tz < -12 || tz > 14) {
    throw new RangeError(`time zone must be a number of hours between -12 and 14, got ${tz}`);
  }
}

/**
 * Julian day number of a civil date (Gregorian from 15 October 1582, Julian before).
 * @param day - day of month.
 * @param month - month 1–12.
 * @param year - year.
 * @returns the integer Julian day number, e.g. 2451545 for 1 January 2000.
 */
export function jdFromDate(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  let jd = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
  if (jd < GREGORIAN_START_JD) {
    jd = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
  }
  return jd;
}

/**
 * Civil date of a Julian day number (inverse of {@link jdFromDate}).
 * @param jd - an integer Julian day number.
 * @returns day, month, year.
 */
export function jdToDate(jd: number): CalendarDate {
  let b: number;
  let c: number;
  if (jd >= GREGORIAN_START_JD) {
    const a = jd + 32044;
    b = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: b * 100 + d - 4800 + Math.floor(m / 10),
  };
}

/**
 * Time of the k-th new moon after the one of 1900-01-01 (Meeus, Astronomical Algorithms, ch. 49,
 * truncated series), as a Julian date in Universal Time.
 * @param k - new moon index (0 = 1900-01-01 13:52 UT; negative before).
 * @returns a fractional Julian date, e.g. ≈ 2415079.9759 for k = 2.
 */
export function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries from 1900 January 0.5
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG); // mean new moon
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  // ΔT (TT − UT), in days.
  const deltaT =
    T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/**
 * Apparent longitude of the sun (mean longitude plus the 3-term equation of centre, Meeus ch. 25).
 * @param jd - a fractional Julian date (UT).
 * @returns the longitude in radians, in [0, 2π).
 */
export function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525; // Julian centuries from J2000.0
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  const L = (L0 + DL) * DEG;
  return L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
}

/**
 * Local civil day (Julian day number) of the k-th new moon.
 * @param k - new moon index, see {@link newMoon}.
 * @param tz - time zone in hours (7 for Việt Nam).
 * @returns an integer Julian day number.
 */
export function getNewMoonDay(k: number, tz: number = VIETNAM_TIME_ZONE): number {
  return Math.floor(newMoon(k) + 0.5 + tz / 24);
}

/**
 * Which 30° sector the sun is in at local midnight starting a day: 0 from the spring equinox
 * (0°), …, 9 from the winter solstice (270°), … 11.
 * @param dayNumber - an integer Julian day number.
 * @param tz - time zone in hours.
 * @returns an integer 0–11.
 */
export function getSunLongitudeSector(dayNumber: number, tz: number = VIETNAM_TIME_ZONE): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - tz / 24) / Math.PI) * 6);
}

/**
 * First day of lunar month 11 of a year: the month containing the winter solstice.
 * @param year - Gregorian year whose December holds the solstice.
 * @param tz - time zone in hours.
 * @returns the Julian day number of the month's first day.
 */
export function getLunarMonth11(year: number, tz: number = VIETNAM_TIME_ZONE): number {
  const off = jdFromDate(31, 12, year) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = getNewMoonDay(k, tz);
  // If the sun has already passed 270° (sector ≥ 9) when this month starts, the solstice fell
  // in the previous month, which is therefore month 11.
  if (getSunLongitudeSector(nm, tz) >= 9) {
    return getNewMoonDay(k - 1, tz);
  }
  return nm;
}

/**
 * Offset (in months after month 11) of the leap month in a 13-month lunar year: the first
 * month whose start lies in the same solar sector as the next month's start, i.e. the first
 * month that contains no major solar term.
 * @param a11 - Julian day number of the first day of month 11 that starts the 13-month span.
 * @param tz - time zone in hours.
 * @returns 1–12 (1 = the month right after month 11 is the leap month, a "leap 11").
 */
export function getLeapMonthOffset(a11: number, tz: number = VIETNAM_TIME_ZONE): number {
  const k = Math.floor((a11 - JD_1900) / SYNODIC_MONTH + 0.5);
  let i = 1; // start with the month following month 11
  let arc = getSunLongitudeSector(getNewMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = getSunLongitudeSector(getNewMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** Number of the leap month found at `leapOffset` months after month 11. */
function leapMonthNumber(leapOffset: number): number {
  // Offset i from month 11 is month 11 + i; the leap month repeats the number before it.
  return ((leapOffset + 9) % 12) + 1;
}

function toCalendarDate(date: IsoDate | CalendarDate): CalendarDate {
  if (typeof date === 'string') {
    return parseIsoDate(date);
  }
  // Validate through the ISO writer so { day: 31, month: 4 } is rejected.
  return parseIsoDate(toIsoDate(date));
}

/**
 * Converts a solar (Gregorian) date to the lunar date.
 * @param date - an ISO date or {day, month, year}.
 * @param tz - time zone in hours; 7 (Việt Nam) by default, 8 gives China's calendar.
 * @returns the lunar date, e.g. '2026-02-17' → { day: 1, month: 1, year: 2026, leap: false }.
 * @throws RangeError if the date or time zone is invalid.
 */
export function solarToLunar(date: IsoDate | CalendarDate, tz: number = VIETNAM_TIME_ZONE): LunarDate {
  checkTimeZone(tz);
  const { day, month, year } = toCalendarDate(date);
  const dayNumber = jdFromDate(day, month, year);
  // Index of the new moon that starts the month containing the date. The estimate from the mean
  // month can be one off when the true new moon is far from the mean one: the published code
  // then returns "day 0" (e.g. 2054-05-07, 2062-04-09), so step until the index is right.
  let k = Math.floor((dayNumber - JD_1900) / SYNODIC_MONTH);
  while (getNewMoonDay(k + 1, tz) <= dayNumber) {
    k++;
  }
  while (getNewMoonDay(k, tz) > dayNumber) {
    k--;
  }
  const monthStart = getNewMoonDay(k, tz);
  let a11 = getLunarMonth11(year, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = getLunarMonth11(year - 1, tz);
  } else {
    lunarYear = year + 1;
    b11 = getLunarMonth11(year + 1, tz);
  }
  const lunarDay = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let lunarMonth = diff + 11;
  if (b11 - a11 > 365) {
    const leapOffset = getLeapMonthOffset(a11, tz);
    if (diff >= leapOffset) {
      lunarMonth = diff + 10;
      leap = diff === leapOffset;
    }
  }
  if (lunarMonth > 12) {
    lunarMonth -= 12;
  }
  // Months 11 and 12 near the start of the span belong to the previous lunar year.
  if (lunarMonth >= 11 && diff < 4) {
    lunarYear -= 1;
  }
  return { day: lunarDay, month: lunarMonth, year: lunarYear, leap };
}

/** Julian day number of the first day of a lunar month, without validating `leap`. */
function lunarMonthStart(month: number, year: number, leap: boolean, tz: number): number {
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = getLunarMonth11(year - 1, tz);
    b11 = getLunarMonth11(year, tz);
  } else {
    a11 = getLunarMonth11(year, tz);
    b11 = getLunarMonth11(year + 1, tz);
  }
  const k = Math.floor(0.5 + (a11 - JD_1900) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) {
    off += 12;
  }
  if (b11 - a11 > 365) {
    const leapOffset = getLeapMonthOffset(a11, tz);
    if (leap || off >= leapOffset) {
      off += 1;
    }
  }
  return getNewMoonDay(k + off, tz);
}

function checkLunarFields(lunar: LunarDate): void {
  const { day, month, year, leap } = lunar;
  if (!Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`lunar day must be an integer 1–30, got ${day}`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`lunar month must be an integer 1–12, got ${month}`);
  }
  if (!Number.isInteger(year)) {
    throw new RangeError(`lunar year must be an integer, got ${year}`);
  }
  if (typeof leap !== 'boolean') {
    throw new RangeError('lunar leap flag must be a boolean');
  }
}

function sameLunarDate(a: LunarDate, b: LunarDate): boolean {
  return a.day === b.day && a.month === b.month && a.year === b.year && a.leap === b.leap;
}

/**
 * Converts a lunar date to the solar date, as {day, month, year}.
 * @param lunar - the lunar date.
 * @param tz - time zone in hours (7 by default).
 * @returns the solar date.
 * @throws RangeError if the lunar date does not exist: a leap flag on a month that is not the
 *   year's leap month (including years without one), day 30 of a 29-day month, or bad fields.
 */
export function lunarToSolarDate(lunar: LunarDate, tz: number = VIETNAM_TIME_ZONE): CalendarDate {
  checkTimeZone(tz);
  checkLunarFields(lunar);
  const jd = lunarMonthStart(lunar.month, lunar.year, lunar.leap, tz) + lunar.day - 1;
  const solar = jdToDate(jd);
  // The published algorithm silently ignores an invalid leap flag in a year without a leap
  // month (VIETNAMESE.md §4.3 pitfall) and overflows day 30 into the next month: validate every
  // conversion by converting back.
  if (!sameLunarDate(solarToLunar(solar, tz), lunar)) {
    const what = lunar.leap ? `leap month ${lunar.month}` : `day ${lunar.day} of month ${lunar.month}`;
    throw new RangeError(`lunar date does not exist: ${what}, lunar year ${lunar.year}`);
  }
  return solar;
}

/**
 * Converts a lunar date to the solar date.
 * @param lunar - the lunar date, e.g. { day: 10, month: 3, year: 2026, leap: false }.
 * @param tz - time zone in hours (7 by default).
 * @returns the ISO date, e.g. '2026-04-26'.
 * @throws RangeError if the lunar date does not exist (see {@link lunarToSolarDate}).
 */
export function lunarToSolar(lunar: LunarDate, tz: number = VIETNAM_TIME_ZONE): IsoDate {
  return toIsoDate(lunarToSolarDate(lunar, tz));
}

/**
 * Like {@link lunarToSolar} but returns null instead of throwing for a lunar date that does
 * not exist (wrong leap flag, day 30 of a 29-day month).
 * @param lunar - the lunar date.
 * @param tz - time zone in hours (7 by default).
 * @returns the ISO date, or null.
 */
export function tryLunarToSolar(lunar: LunarDate, tz: number = VIETNAM_TIME_ZONE): IsoDate | null {
  try {
    return lunarToSolar(lunar, tz);
  } catch (error) {
    if (error instanceof RangeError) {
      return null;
    }
    throw error;
  }
}

/**
 * The leap month of a lunar year, if any.
 * @param lunarYear - the lunar year.
 * @param tz - time zone in hours (7 by default).
 * @returns the number of the repeated month (e.g. 6 for 2025, 11 for 2033), or null.
 */
export function leapMonthOfYear(lunarYear: number, tz: number = VIETNAM_TIME_ZONE): number | null {
  checkTimeZone(tz);
  // Months 1–10 of year Y lie in the span from month 11 of Y−1; months 11–12 in the next span.
  const a = getLunarMonth11(lunarYear - 1, tz);
  const b = getLunarMonth11(lunarYear, tz);
  if (b - a > 365) {
    const n = leapMonthNumber(getLeapMonthOffset(a, tz));
    if (n <= 10) {
      return n;
    }
  }
  const c = getLunarMonth11(lunarYear + 1, tz);
  if (c - b > 365) {
    const n = leapMonthNumber(getLeapMonthOffset(b, tz));
    if (n >= 11) {
      return n;
    }
  }
  return null;
}

/**
 * Length of a lunar month.
 * @param month - 1–12.
 * @param year - lunar year.
 * @param leap - true for the leap month.
 * @param tz - time zone in hours (7 by default).
 * @returns 29 or 30.
 * @throws RangeError if the month does not exist (e.g. a leap flag on a normal month).
 */
export function lunarMonthLength(month: number, year: number, leap = false, tz: number = VIETNAM_TIME_ZONE): number {
  // Throws if the month itself does not exist.
  lunarToSolarDate({ day: 1, month, year, leap }, tz);
  return tryLunarToSolar({ day: 30, month, year, leap }, tz) === null ? 29 : 30;
}

/**
 * Date of Tết Nguyên đán (1st day of month 1) of a lunar year.
 * @param lunarYear - the lunar year (= the Gregorian year of its Tết).
 * @param tz - time zone in hours (7 by default).
 * @returns the ISO date, e.g. 2026 → '2026-02-17'.
 */
export function lunarNewYear(lunarYear: number, tz: number = VIETNAM_TIME_ZONE): IsoDate {
  return lunarToSolar({ day: 1, month: 1, year: lunarYear, leap: false }, tz);
}
