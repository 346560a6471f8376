/**
 * Dates written in Vietnamese administrative text (VIETNAMESE.md §1.1 "Dates"): "ngày
 * 04/3/2021", OCR-spaced "20/ 10/2011", and the long form "ngày 14 tháng 4 năm 2015". All
 * patterns run on the folded shadow (see `foldShadow`), so "ngày"/"tháng"/"năm" are matched as
 * `ng…`, `th…ng`, `n…m` whatever happened to their marks. Every match is checked against the
 * calendar and a plausible range of years.
 */
import { isValidCalendarDate, toIsoDate, type IsoDate } from '../dates';

/** Earliest and latest year accepted in a document date. */
export const MIN_DOC_YEAR = 1945;
export const MAX_DOC_YEAR = 2100;

/** A date found in the text. */
export interface DateMatch {
  readonly iso: IsoDate;
  /** Span of the whole date phrase, including "ngày" when present. */
  readonly start: number;
  readonly end: number;
  /** Whether it was the long form "ngày … tháng … năm …". */
  readonly long: boolean;
}

const SP = '[ \\t]*';
const WS = '\\s*';
// "ngày" and its OCR variants (ngay, ngdy, ngiy…); a whole word of 3–5 letters starting "ng".
const NGAY = `(?:ng[A-Za-z\\S]{1,3}(?=\\s))`;
const NUMERIC = `(\\d{1,2})${SP}([/.-])${SP}(\\d{1,2})${SP}\\2${SP}(\\d{4})`;
const LONG = `(\\d{1,2})${WS}th\\S{1,3}ng${WS}(\\d{1,2})${WS},?${WS}n\\S{1,2}m${WS}(\\d{4})`;

/** Date phrase anywhere: optional "ngày", then the numeric or the long form. */
const DATE_ANY = new RegExp(`(?:${NGAY}${WS})?(?:${NUMERIC}|${LONG})(?![0-9])`, 'g');

function toIso(d: string, m: string, y: string): IsoDate | null {
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  if (year < MIN_DOC_YEAR || year > MAX_DOC_YEAR || !isValidCalendarDate(day, month, year)) return null;
  return toIsoDate({ day, month, year });
}

function fromExec(m: RegExpExecArray): DateMatch | null {
  const long = m[5] !== undefined;
  const iso = long ? toIso(m[5]!, m[6]!, m[7]!) : toIso(m[1]!, m[3]!, m[4]!);
  if (!iso) return null;
  return { iso, start: m.index, end: m.index + m[0].length, long };
}

/**
 * Every valid date in a region of the shadow.
 * @param shadow - the folded shadow.
 * @param start - region start.
 * @param end - region end.
 * @returns the dates in order.
 */
export function findDates(shadow: string, start = 0, end = shadow.length): DateMatch[] {
  const re = new RegExp(DATE_ANY.source, 'g');
  re.lastIndex = start;
  const region = shadow.slice(0, end);
  const out: DateMatch[] = [];
  for (let m = re.exec(region); m; m = re.exec(region)) {
    // The digits must not continue a longer number on the left ("120/11/2021" is no date).
    const prev = m.index > 0 ? region[m.index - 1]! : ' ';
    if (/[0-9/]/.test(prev)) continue;
    const d = fromExec(m);
    if (d) out.push(d);
  }
  return out;
}

/**
 * A date that starts at `pos` after optional spaces, a comma and "ngày" — the date written
 * directly after a document symbol ("38/KH-UBND ngày 04/3/2021").
 * @param shadow - the folded shadow.
 * @param pos - where to look.
 * @returns the date, or null.
 */
export function dateAt(shadow: string, pos: number): DateMatch | null {
  const re = new RegExp(`${WS},?${WS}(?:${NGAY}${WS})?(?:${NUMERIC}|${LONG})(?![0-9])`, 'y');
  re.lastIndex = pos;
  const m = re.exec(shadow);
  if (!m) return null;
  const d = fromExec(m);
  if (!d) return null;
  // Report the span without the leading separator.
  const lead = /^\s*,?\s*/.exec(m[0])![0].length;
  return { ...d, start: m.index + lead };
}
