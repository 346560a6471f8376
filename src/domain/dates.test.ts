import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIsoDates,
  dayOfWeek,
  daysInMonth,
  diffDays,
  formatDmy,
  formatDocumentDate,
  formatDocumentDateLine,
  fromEpochDay,
  isIsoDate,
  maxIsoDate,
  minIsoDate,
  parseDmy,
  parseIsoDate,
  toEpochDay,
  todayInVietnam,
  toIsoDate,
  weekdayNameEn,
  weekdayNameVi,
} from './dates';

const MS_PER_DAY = 86_400_000;
// Oracle for the integer arithmetic: Date.UTC, which is exact for date-only values.
const utcDay = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / MS_PER_DAY;
const epochDayArb = fc.integer({ min: utcDay(1900, 1, 1), max: utcDay(2199, 12, 31) });

describe('parseIsoDate / isIsoDate', () => {
  it.each([
    ['2024-02-29', { day: 29, month: 2, year: 2024 }],
    ['2000-02-29', { day: 29, month: 2, year: 2000 }],
    ['2026-12-31', { day: 31, month: 12, year: 2026 }],
    ['0001-01-01', { day: 1, month: 1, year: 1 }],
  ])('accepts %s', (input, expected) => {
    expect(parseIsoDate(input)).toEqual(expected);
    expect(isIsoDate(input)).toBe(true);
  });

  it.each([
    '2023-02-29', // not a leap year
    '1900-02-29', // century, not divisible by 400
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '0000-01-01',
    '2026-1-01',
    '26-01-01',
    ' 2026-01-01',
    '2026-01-01T00:00:00Z',
    '01/02/2026',
    '',
  ])('rejects %j', (input) => {
    expect(() => parseIsoDate(input)).toThrow(RangeError);
    expect(isIsoDate(input)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isIsoDate(20260101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(() => parseIsoDate(undefined as unknown as string)).toThrow(RangeError);
  });

  it('knows month lengths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(() => daysInMonth(2026, 13)).toThrow(RangeError);
  });
});

describe('toIsoDate', () => {
  it('pads fields', () => {
    expect(toIsoDate({ day: 5, month: 2, year: 2021 })).toBe('2021-02-05');
    expect(toIsoDate({ day: 1, month: 1, year: 999 })).toBe('0999-01-01');
  });
  it('rejects impossible dates', () => {
    expect(() => toIsoDate({ day: 31, month: 4, year: 2026 })).toThrow(RangeError);
    expect(() => toIsoDate({ day: 1.5, month: 4, year: 2026 })).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-02-17', 365, '2027-02-17'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-29', 0, '2026-03-29'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('rejects a fractional number of days and results outside years 1–9999', () => {
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => fromEpochDay(1.5)).toThrow(RangeError);
  });

  it('counts days between dates', () => {
    expect(diffDays('2026-01-01', '2027-01-01')).toBe(365);
    expect(diffDays('2028-01-01', '2029-01-01')).toBe(366);
    expect(diffDays('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('matches Date.UTC day numbers (property)', () => {
    fc.assert(
      fc.property(epochDayArb, (n) => {
        const date = fromEpochDay(n);
        expect(date).toBe(new Date(n * MS_PER_DAY).toISOString().slice(0, 10));
        expect(toEpochDay(date)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('addDays is reversible and agrees with diffDays (property)', () => {
    fc.assert(
      fc.property(epochDayArb, fc.integer({ min: -5000, max: 5000 }), (n, k) => {
        const date = fromEpochDay(n);
        const moved = addDays(date, k);
        expect(addDays(moved, -k)).toBe(date);
        expect(diffDays(date, moved)).toBe(k);
      }),
    );
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['1970-01-01', 4],
    ['2000-01-01', 6],
    ['2026-02-17', 2], // Tết Bính Ngọ, Tuesday
    ['2026-04-26', 0], // Giỗ Tổ 2026, Sunday
    ['1969-12-31', 3],
    ['1900-01-01', 1],
  ] as const)('%s is day %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });

  it('matches Date.getUTCDay (property)', () => {
    fc.assert(
      fc.property(epochDayArb, (n) => {
        expect(dayOfWeek(fromEpochDay(n))).toBe(new Date(n * MS_PER_DAY).getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });

  it('names days in Vietnamese and English', () => {
    expect(weekdayNameVi(0)).toBe('Chủ nhật');
    expect(weekdayNameVi(1)).toBe('thứ Hai');
    expect(weekdayNameVi(6)).toBe('thứ Bảy');
    expect(weekdayNameEn(3)).toBe('Wednesday');
  });
});

describe('comparison', () => {
  it('orders dates', () => {
    expect(compareIsoDates('2026-01-02', '2026-01-10')).toBe(-1);
    expect(compareIsoDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(compareIsoDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(['2026-03-01', '2025-12-31', '2026-02-28'].sort(compareIsoDates)).toEqual(['2025-12-31', '2026-02-28', '2026-03-01']);
    expect(minIsoDate('2026-05-01', '2026-04-30')).toBe('2026-04-30');
    expect(maxIsoDate('2026-05-01', '2026-04-30')).toBe('2026-05-01');
  });
  it('rejects invalid dates instead of comparing strings', () => {
    expect(() => compareIsoDates('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});

describe('dd/mm/yyyy', () => {
  it('formats with leading zeros', () => {
    expect(formatDmy('2021-02-05')).toBe('05/02/2021');
    expect(formatDmy('2026-12-31')).toBe('31/12/2026');
  });
  it('parses day first', () => {
    expect(parseDmy('02/03/2020')).toBe('2020-03-02');
    expect(parseDmy('5/2/2021')).toBe('2021-02-05');
    expect(() => parseDmy('31/02/2021')).toThrow(RangeError);
    expect(() => parseDmy('2021-02-05')).toThrow(RangeError);
  });
});

describe('document date line (Decree 30/2020/NĐ-CP, Annex I)', () => {
  it.each([
    ['2021-02-05', 'ngày 05 tháng 02 năm 2021'],
    ['2021-01-10', 'ngày 10 tháng 01 năm 2021'],
    ['2021-03-15', 'ngày 15 tháng 3 năm 2021'],
    ['2021-03-05', 'ngày 05 tháng 3 năm 2021'],
    ['2021-09-09', 'ngày 09 tháng 9 năm 2021'],
    ['2021-12-01', 'ngày 01 tháng 12 năm 2021'],
    ['2021-11-30', 'ngày 30 tháng 11 năm 2021'],
  ])('%s → %s', (date, expected) => {
    expect(formatDocumentDate(date)).toBe(expected);
  });

  it('writes the full place-and-date line in NFC', () => {
    expect(formatDocumentDateLine('Quảng Ngãi', '2021-02-05')).toBe('Quảng Ngãi, ngày 05 tháng 02 năm 2021');
    const nfd = 'Quảng Ngãi'.normalize('NFD');
    const line = formatDocumentDateLine(`  ${nfd} `, '2021-03-15');
    expect(line).toBe('Quảng Ngãi, ngày 15 tháng 3 năm 2021');
    expect(line).toBe(line.normalize('NFC'));
  });

  it('rejects an empty place or an invalid date', () => {
    expect(() => formatDocumentDateLine('  ', '2021-02-05')).toThrow(RangeError);
    expect(() => formatDocumentDateLine('Hà Nội', '2021-02-30')).toThrow(RangeError);
  });
});

describe('todayInVietnam (Asia/Ho_Chi_Minh, UTC+7)', () => {
  it.each([
    ['2026-01-01T16:59:59.999Z', '2026-01-01'],
    ['2026-01-01T17:00:00.000Z', '2026-01-02'],
    ['2025-12-31T17:00:00.000Z', '2026-01-01'],
    ['2024-02-28T23:00:00.000Z', '2024-02-29'],
  ])('%s is %s in Việt Nam', (instant, expected) => {
    expect(todayInVietnam(new Date(instant))).toBe(expected);
  });

  it('agrees with ICU for Asia/Ho_Chi_Minh (property)', () => {
    const icu = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const instant = new Date(ms);
        expect(todayInVietnam(instant)).toBe(icu.format(instant));
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects an invalid Date', () => {
    expect(() => todayInVietnam(new Date('nope'))).toThrow(RangeError);
  });
});
