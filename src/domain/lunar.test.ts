import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates, diffDays, parseIsoDate } from './dates';
import {
  getLeapMonthOffset,
  getLunarMonth11,
  jdFromDate,
  jdToDate,
  leapMonthOfYear,
  type LunarDate,
  lunarMonthLength,
  lunarNewYear,
  lunarToSolar,
  lunarToSolarDate,
  newMoon,
  solarToLunar,
  sunLongitude,
  tryLunarToSolar,
} from './lunar';

/** The `amlich` package (Hồ Ngọc Đức's own code, ported to JS): dev-only test oracle, untyped CJS. */
interface Amlich {
  convertSolar2Lunar(dd: number, mm: number, yy: number, tz: number): [number, number, number, number];
  convertLunar2Solar(d: number, m: number, y: number, leap: number, tz: number): [number, number, number];
}
const amlich = createRequire(import.meta.url)('amlich') as Amlich;

const lunar = (day: number, month: number, year: number, leap = false): LunarDate => ({ day, month, year, leap });

/** Every date from `from` to `to`, inclusive. */
function* days(from: string, to: string): Generator<string> {
  for (let d = from; compareIsoDates(d, to) <= 0; d = addDays(d, 1)) {
    yield d;
  }
}

describe('Julian day numbers', () => {
  it('matches known values', () => {
    expect(jdFromDate(1, 1, 2000)).toBe(2451545);
    expect(jdFromDate(15, 10, 1582)).toBe(2299161); // first Gregorian day
    expect(jdFromDate(4, 10, 1582)).toBe(2299160); // last Julian day
    expect(jdToDate(2451545)).toEqual({ day: 1, month: 1, year: 2000 });
    expect(jdToDate(2299160)).toEqual({ day: 4, month: 10, year: 1582 });
  });
});

describe('astronomy', () => {
  it('places known new moons', () => {
    // k = 0 is the new moon of 1900-01-01 13:52 UT.
    const jd0 = newMoon(0);
    expect(jdToDate(Math.floor(jd0 + 0.5))).toEqual({ day: 1, month: 1, year: 1900 });
    expect(jd0 % 1).toBeGreaterThan(0.07); // 13:52 UT is 0.078 days after noon
    expect(jd0 % 1).toBeLessThan(0.09);
  });

  it('puts the sun near 270° at the 2025 December solstice and near 0° at the March equinox', () => {
    const deg = (jd: number): number => (sunLongitude(jd) * 180) / Math.PI;
    // 2025-12-21 15:03 UT and 2026-03-20 14:46 UT.
    expect(deg(jdFromDate(21, 12, 2025) + 0.127)).toBeCloseTo(270, 1);
    const equinox = deg(jdFromDate(20, 3, 2026) + 0.115);
    expect(Math.min(equinox, 360 - equinox)).toBeLessThan(0.1);
  });

  it('finds month 11 and the leap month offset', () => {
    // Month 11 of 2024 started 2024-12-01; lunar year 2025 has leap month 6 (offset 8 after month 11).
    expect(jdToDate(getLunarMonth11(2024))).toEqual({ day: 1, month: 12, year: 2024 });
    expect(getLeapMonthOffset(getLunarMonth11(2024))).toBe(8);
  });
});

describe('Tết (1st day of month 1)', () => {
  // VIETNAMESE.md §4.3 test vectors (UTC+7), and China's dates at UTC+8 where they differ.
  it.each([
    [1968, '1968-01-29', '1968-01-30'],
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2024, '2024-02-10', '2024-02-10'],
    [2025, '2025-01-29', '2025-01-29'],
    [2026, '2026-02-17', '2026-02-17'],
    [2027, '2027-02-06', '2027-02-06'],
    [2030, '2030-02-02', '2030-02-03'],
    [2053, '2053-02-18', '2053-02-19'],
  ])('lunar year %i: %s in Việt Nam, %s at UTC+8', (year, vietnam, china) => {
    expect(lunarNewYear(year)).toBe(vietnam);
    expect(solarToLunar(vietnam)).toEqual(lunar(1, 1, year));
    expect(solarToLunar(addDays(vietnam, -1)).month).toBe(12);
    expect(lunarNewYear(year, 8)).toBe(china);
    expect(solarToLunar(china, 8)).toEqual(lunar(1, 1, year));
  });

  it('differs between UTC+7 and UTC+8 for 2007', () => {
    expect(solarToLunar('2007-02-17', 7)).toEqual(lunar(1, 1, 2007));
    expect(solarToLunar('2007-02-17', 8)).toEqual(lunar(30, 12, 2006));
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
  it.each([
    [2021, '2021-04-21'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
    [2030, '2030-04-12'],
  ])('%i: %s', (year, date) => {
    expect(lunarToSolar(lunar(10, 3, year))).toBe(date);
    expect(solarToLunar(date)).toEqual(lunar(10, 3, year));
  });
});

describe('leap months', () => {
  it.each([
    [2020, 4, '2020-05-23'],
    [2023, 2, '2023-03-22'],
    [2025, 6, '2025-07-25'],
    [2033, 11, '2033-12-22'],
  ])('%i: leap month %i starts %s', (year, month, start) => {
    expect(leapMonthOfYear(year)).toBe(month);
    expect(solarToLunar(start)).toEqual(lunar(1, month, year, true));
    expect(lunarToSolar(lunar(1, month, year, true))).toBe(start);
    // The day before is the last day of the ordinary month with the same number.
    const before = solarToLunar(addDays(start, -1));
    expect(before).toMatchObject({ month, year, leap: false });
    expect([29, 30]).toContain(before.day);
  });

  it.each([
    [2028, 5],
    [2031, 3],
  ])('%i: leap month %i', (year, month) => {
    expect(leapMonthOfYear(year)).toBe(month);
    const ordinary = lunarToSolar(lunar(1, month, year));
    const leap = lunarToSolar(lunar(1, month, year, true));
    // The leap month follows the ordinary month of the same number.
    expect([29, 30]).toContain(diffDays(ordinary, leap));
    expect(solarToLunar(leap)).toEqual(lunar(1, month, year, true));
  });

  it.each([2021, 2022, 2024, 2026, 2027, 2029, 2030, 2032, 2034])('%i has no leap month', (year) => {
    expect(leapMonthOfYear(year)).toBeNull();
  });

  it('rejects a leap flag on a month that is not the leap month', () => {
    // 2024 has no leap month: the published code silently returns the ordinary month here.
    expect(() => lunarToSolar(lunar(1, 4, 2024, true))).toThrow(RangeError);
    expect(tryLunarToSolar(lunar(1, 4, 2024, true))).toBeNull();
    // 2025's leap month is 6, not 5.
    expect(() => lunarToSolar(lunar(1, 5, 2025, true))).toThrow(/leap month 5/);
    expect(tryLunarToSolar(lunar(15, 6, 2025, true))).toBe('2025-08-08');
  });
});

describe('other dates', () => {
  it('Trung thu 2026 (15/8) is 2026-09-25', () => {
    expect(lunarToSolar(lunar(15, 8, 2026))).toBe('2026-09-25');
    expect(solarToLunar({ day: 25, month: 9, year: 2026 })).toEqual(lunar(15, 8, 2026));
  });

  it('"30 Tết" 2026 is 2026-02-16, the 29th of a 29-day month 12', () => {
    expect(solarToLunar('2026-02-16')).toEqual(lunar(29, 12, 2025));
    expect(lunarMonthLength(12, 2025)).toBe(29);
    expect(() => lunarToSolar(lunar(30, 12, 2025))).toThrow(RangeError);
    expect(tryLunarToSolar(lunar(30, 12, 2025))).toBeNull();
  });

  it('month 12 of 2023 had 30 days (Tết 2024 eve is the 30th)', () => {
    expect(lunarMonthLength(12, 2023)).toBe(30);
    expect(lunarToSolar(lunar(30, 12, 2023))).toBe('2024-02-09');
  });

  it('returns solar dates as numbers too', () => {
    expect(lunarToSolarDate(lunar(1, 1, 2026))).toEqual({ day: 17, month: 2, year: 2026 });
  });

  it('lunarMonthLength rejects a month that does not exist', () => {
    expect(() => lunarMonthLength(4, 2024, true)).toThrow(RangeError);
  });
});

describe('input validation', () => {
  it.each([
    lunar(0, 1, 2026),
    lunar(31, 1, 2026),
    lunar(1, 0, 2026),
    lunar(1, 13, 2026),
    lunar(1.5, 1, 2026),
    lunar(1, 1, 2026.5),
    { day: 1, month: 1, year: 2026, leap: 'no' } as unknown as LunarDate,
  ])('lunarToSolar rejects %j', (value) => {
    expect(() => lunarToSolar(value)).toThrow(RangeError);
  });

  it('rejects invalid solar dates and time zones', () => {
    expect(() => solarToLunar('2026-02-30')).toThrow(RangeError);
    expect(() => solarToLunar({ day: 31, month: 4, year: 2026 })).toThrow(RangeError);
    expect(() => solarToLunar('2026-02-17', Number.NaN)).toThrow(RangeError);
    expect(() => lunarToSolar(lunar(1, 1, 2026), 15)).toThrow(RangeError);
  });
});

describe('whole-range checks', () => {
  it('solar → lunar → solar round-trips every day of 1900–2100, and lunar days run 1, 2, … 29|30', () => {
    let failures = 0;
    let previous: LunarDate | null = null;
    for (const date of days('1900-01-01', '2100-12-31')) {
      const l = solarToLunar(date);
      if (lunarToSolar(l) !== date) {
        failures++;
      }
      if (previous) {
        const continues = l.day === previous.day + 1 && l.month === previous.month && l.leap === previous.leap;
        const newMonth = l.day === 1 && (previous.day === 29 || previous.day === 30);
        if (!continues && !newMonth) {
          failures++;
        }
      }
      previous = l;
    }
    expect(failures).toBe(0);
  });

  it('agrees with the amlich package on every day of 1900–2100, except where amlich returns "day 0"', () => {
    // The published algorithm estimates the month's new moon from the mean lunation; on a few
    // days the true new moon is one day later than the estimate and it returns day 0. Our code
    // steps to the right new moon and returns the 30th of the previous month instead.
    const differing: string[] = [];
    for (const date of days('1900-01-01', '2100-12-31')) {
      const { day, month, year } = parseIsoDate(date);
      const [d, m, y, leap] = amlich.convertSolar2Lunar(day, month, year, 7);
      const ours = solarToLunar(date);
      if (d !== ours.day || m !== ours.month || y !== ours.year || leap !== (ours.leap ? 1 : 0)) {
        differing.push(date);
      }
    }
    expect(differing).toEqual(['2054-05-07', '2062-04-09']);
    expect(amlich.convertSolar2Lunar(7, 5, 2054, 7)).toEqual([0, 4, 2054, 0]);
    expect(solarToLunar('2054-05-07')).toEqual(lunar(30, 3, 2054));
    expect(solarToLunar('2054-05-08')).toEqual(lunar(1, 4, 2054));
    expect(solarToLunar('2062-04-09')).toEqual(lunar(30, 2, 2062));
  });

  it('agrees with amlich for lunar → solar of every month start and month end 1968–2100', () => {
    let checked = 0;
    for (let year = 1968; year <= 2100; year++) {
      const leapMonth = leapMonthOfYear(year);
      for (let month = 1; month <= 12; month++) {
        for (const leap of month === leapMonth ? [false, true] : [false]) {
          for (const day of [1, 29]) {
            const [d, m, y] = amlich.convertLunar2Solar(day, month, year, leap ? 1 : 0, 7);
            expect(lunarToSolarDate(lunar(day, month, year, leap))).toEqual({ day: d, month: m, year: y });
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(2 * 12 * 133);
  });
});
