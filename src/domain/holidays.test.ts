import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates, dayOfWeek } from './dates';
import {
  FIRST_GENERATED_YEAR,
  type FixedDateHoliday,
  generateStatutoryHolidays,
  type HolidayProposal,
  LAST_GENERATED_YEAR,
  STATUTORY_FIXED_DATE_HOLIDAYS,
} from './holidays';

/** [date, kind, name] triples, to compare whole years at a glance. */
const summary = (list: readonly HolidayProposal[]): [string, string, string][] => list.map((h) => [h.date, h.kind, h.name]);

const isWeekend = (date: string): boolean => dayOfWeek(date) === 0 || dayOfWeek(date) === 6;

describe('generateStatutoryHolidays: whole years', () => {
  it('2026: Tết 16–20 Feb, Giỗ Tổ on Sunday 26/4 compensated on Monday 27/4, National Day 1–2 Sep', () => {
    expect(summary(generateStatutoryHolidays(2026))).toEqual([
      ['2026-01-01', 'holiday', 'Tết Dương lịch'],
      ['2026-02-16', 'holiday', 'Tết Nguyên đán (29 tháng Chạp)'],
      ['2026-02-17', 'holiday', 'Tết Nguyên đán (mùng 1)'],
      ['2026-02-18', 'holiday', 'Tết Nguyên đán (mùng 2)'],
      ['2026-02-19', 'holiday', 'Tết Nguyên đán (mùng 3)'],
      ['2026-02-20', 'holiday', 'Tết Nguyên đán (mùng 4)'],
      ['2026-04-26', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2026-04-27', 'compensatory_off', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2026-04-30', 'holiday', 'Ngày Chiến thắng 30/4'],
      ['2026-05-01', 'holiday', 'Quốc tế Lao động'],
      ['2026-09-01', 'holiday', 'Quốc khánh (ngày liền kề)'],
      ['2026-09-02', 'holiday', 'Quốc khánh'],
    ]);
  });

  it('2027: Tết 5–9 Feb with mùng 1–2 on the weekend, 1/5 on Saturday', () => {
    expect(summary(generateStatutoryHolidays(2027))).toEqual([
      ['2027-01-01', 'holiday', 'Tết Dương lịch'],
      ['2027-02-05', 'holiday', 'Tết Nguyên đán (29 tháng Chạp)'],
      ['2027-02-06', 'holiday', 'Tết Nguyên đán (mùng 1)'],
      ['2027-02-07', 'holiday', 'Tết Nguyên đán (mùng 2)'],
      ['2027-02-08', 'holiday', 'Tết Nguyên đán (mùng 3)'],
      ['2027-02-09', 'holiday', 'Tết Nguyên đán (mùng 4)'],
      // Art. 111(3): the next working days after the block (8–9 Feb are holidays themselves).
      ['2027-02-10', 'compensatory_off', 'Nghỉ bù Tết Nguyên đán (mùng 1)'],
      ['2027-02-11', 'compensatory_off', 'Nghỉ bù Tết Nguyên đán (mùng 2)'],
      ['2027-04-16', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2027-04-30', 'holiday', 'Ngày Chiến thắng 30/4'],
      ['2027-05-01', 'holiday', 'Quốc tế Lao động'],
      ['2027-05-03', 'compensatory_off', 'Nghỉ bù Quốc tế Lao động'],
      ['2027-09-02', 'holiday', 'Quốc khánh'],
      ['2027-09-03', 'holiday', 'Quốc khánh (ngày liền kề)'],
    ]);
  });

  it('2030: Tết on Saturday 2/2, Giỗ Tổ 12/4', () => {
    expect(summary(generateStatutoryHolidays(2030))).toEqual([
      ['2030-01-01', 'holiday', 'Tết Dương lịch'],
      ['2030-02-01', 'holiday', 'Tết Nguyên đán (29 tháng Chạp)'],
      ['2030-02-02', 'holiday', 'Tết Nguyên đán (mùng 1)'],
      ['2030-02-03', 'holiday', 'Tết Nguyên đán (mùng 2)'],
      ['2030-02-04', 'holiday', 'Tết Nguyên đán (mùng 3)'],
      ['2030-02-05', 'holiday', 'Tết Nguyên đán (mùng 4)'],
      ['2030-02-06', 'compensatory_off', 'Nghỉ bù Tết Nguyên đán (mùng 1)'],
      ['2030-02-07', 'compensatory_off', 'Nghỉ bù Tết Nguyên đán (mùng 2)'],
      ['2030-04-12', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2030-04-30', 'holiday', 'Ngày Chiến thắng 30/4'],
      ['2030-05-01', 'holiday', 'Quốc tế Lao động'],
      ['2030-09-02', 'holiday', 'Quốc khánh'],
      ['2030-09-03', 'holiday', 'Quốc khánh (ngày liền kề)'],
    ]);
  });

  it('2023: Giỗ Tổ (Sat), 30/4 (Sun) and 1/5 (Mon) push the compensatory days to 2/5 and 3/5', () => {
    const list = generateStatutoryHolidays(2023).filter((h) => h.date >= '2023-04-29' && h.date <= '2023-05-31');
    expect(summary(list)).toEqual([
      ['2023-04-29', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2023-04-30', 'holiday', 'Ngày Chiến thắng 30/4'],
      ['2023-05-01', 'holiday', 'Quốc tế Lao động'],
      ['2023-05-02', 'compensatory_off', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2023-05-03', 'compensatory_off', 'Nghỉ bù Ngày Chiến thắng 30/4'],
    ]);
  });
});

describe('Tết eve name', () => {
  it.each([
    [2024, '2024-02-09', '30 tháng Chạp'], // month 12 of 2023 had 30 days
    [2025, '2025-01-28', '29 tháng Chạp'],
    [2026, '2026-02-16', '29 tháng Chạp'],
  ])('%i: %s is the %s', (year, date, label) => {
    const eve = generateStatutoryHolidays(year).find((h) => h.date === date);
    expect(eve?.name).toBe(`Tết Nguyên đán (${label})`);
    expect(eve?.nameEn).toBe('Lunar New Year (last day of the old year)');
  });
});

describe('day adjacent to National Day', () => {
  // Reported schedules: 2021 2–5 Sep, 2022 1–4 Sep, 2024 31 Aug–3 Sep, 2025 30 Aug–2 Sep,
  // 2026 29 Aug–2 Sep (VIETNAMESE.md §4.1).
  it.each([
    [2021, '2021-09-03'], // 2/9 Thursday → Friday
    [2022, '2022-09-01'], // Friday → Thursday
    [2023, '2023-09-01'], // Saturday → Friday
    [2024, '2024-09-03'], // Monday → Tuesday
    [2025, '2025-09-01'], // Tuesday → Monday
    [2026, '2026-09-01'], // Wednesday → Tuesday (tie: before)
    [2029, '2029-09-03'], // Sunday → Monday
  ])('%i: %s', (year, expected) => {
    const adjacent = generateStatutoryHolidays(year).filter((h) => h.name === 'Quốc khánh (ngày liền kề)');
    expect(adjacent.map((h) => h.date)).toEqual([expected]);
  });

  it('can be forced before or after', () => {
    const pick = (rule: 'before' | 'after'): string[] =>
      generateStatutoryHolidays(2021, { nationalDayAdjacent: rule })
        .filter((h) => h.name === 'Quốc khánh (ngày liền kề)')
        .map((h) => h.date);
    expect(pick('before')).toEqual(['2021-09-01']);
    expect(pick('after')).toEqual(['2021-09-03']);
  });

  it('2029: 2/9 on Sunday is compensated after the adjacent Monday', () => {
    const sept = generateStatutoryHolidays(2029).filter((h) => h.date.startsWith('2029-09'));
    expect(summary(sept)).toEqual([
      ['2029-09-02', 'holiday', 'Quốc khánh'],
      ['2029-09-03', 'holiday', 'Quốc khánh (ngày liền kề)'],
      ['2029-09-04', 'compensatory_off', 'Nghỉ bù Quốc khánh'],
    ]);
  });
});

describe('other weekly days off', () => {
  it('with only Sunday off, a Saturday holiday is not compensated', () => {
    const list = generateStatutoryHolidays(2027, { weeklyDaysOff: [0] });
    const comp = list.filter((h) => h.kind === 'compensatory_off');
    // 2027-02-07 (Sunday, mùng 2) → next working day not a holiday: Wednesday 10/2. 1/5 Saturday: none.
    expect(summary(comp)).toEqual([['2027-02-10', 'compensatory_off', 'Nghỉ bù Tết Nguyên đán (mùng 2)']]);
  });

  it('rejects a week without working days', () => {
    expect(() => generateStatutoryHolidays(2026, { weeklyDaysOff: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
    expect(() => generateStatutoryHolidays(2026, { weeklyDaysOff: [7 as 0] })).toThrow(RangeError);
  });
});

describe('fields and legal basis', () => {
  it('cites the Labour Code articles', () => {
    const list = generateStatutoryHolidays(2026);
    const basis = (date: string): string | undefined => list.find((h) => h.date === date)?.basis;
    expect(basis('2026-01-01')).toBe('Bộ luật Lao động số 45/2019/QH14, Điều 112 khoản 1 điểm a');
    expect(basis('2026-02-17')).toBe('Bộ luật Lao động số 45/2019/QH14, Điều 112 khoản 1 điểm b');
    expect(basis('2026-04-26')).toBe('Bộ luật Lao động số 45/2019/QH14, Điều 112 khoản 1 điểm e');
    expect(basis('2026-04-27')).toBe('Bộ luật Lao động số 45/2019/QH14, Điều 111 khoản 3');
    expect(basis('2026-09-01')).toBe('Bộ luật Lao động số 45/2019/QH14, Điều 112 khoản 1 điểm đ');
    expect(list.find((h) => h.date === '2026-04-27')?.nameEn).toBe(
      "Compensatory day off for Hung Kings' Commemoration (10th day of the 3rd lunar month)",
    );
  });

  it('rejects years outside the generator range', () => {
    expect(() => generateStatutoryHolidays(FIRST_GENERATED_YEAR - 1)).toThrow(RangeError);
    expect(() => generateStatutoryHolidays(LAST_GENERATED_YEAR + 1)).toThrow(RangeError);
    expect(() => generateStatutoryHolidays(2026.5)).toThrow(RangeError);
  });
});

describe('invariants for every year 2021–2199', () => {
  const years = Array.from({ length: LAST_GENERATED_YEAR - FIRST_GENERATED_YEAR + 1 }, (_, i) => FIRST_GENERATED_YEAR + i);

  it('11 holidays, sorted unique dates, one compensatory day per weekend holiday on a free weekday, NFC names', () => {
    for (const year of years) {
      const list = generateStatutoryHolidays(year);
      const holidays = list.filter((h) => h.kind === 'holiday');
      const comp = list.filter((h) => h.kind === 'compensatory_off');
      expect(holidays).toHaveLength(11);
      for (let i = 1; i < list.length; i++) {
        expect(compareIsoDates(list[i - 1]!.date, list[i]!.date), `${year} order`).toBe(-1);
      }
      expect(comp).toHaveLength(holidays.filter((h) => isWeekend(h.date)).length);
      for (const c of comp) {
        expect(isWeekend(c.date), `${c.date} is a weekday`).toBe(false);
        const source = holidays.find((h) => `Nghỉ bù ${h.name}` === c.name);
        expect(source, `${c.date} names its holiday`).toBeDefined();
        expect(isWeekend(source!.date)).toBe(true);
        // Every weekday between the holiday and its compensatory day is already off.
        for (let d = addDays(source!.date, 1); d < c.date; d = addDays(d, 1)) {
          expect(isWeekend(d) || list.some((h) => h.date === d), `${d} before ${c.date}`).toBe(true);
        }
      }
      for (const h of list) {
        expect(h.date.startsWith(`${year}-`)).toBe(true);
        expect(h.name).toBe(h.name.normalize('NFC'));
        expect(h.name.normalize('NFC')).not.toBe(h.name.normalize('NFD'));
        expect(h.nameEn).toMatch(/^[\x20-\x7e]+$/);
      }
      // Tết is 5 consecutive days: the eve and mùng 1–4.
      const tet = holidays.filter((h) => h.name.startsWith('Tết Nguyên đán'));
      expect(tet).toHaveLength(5);
      expect(tet.map((h) => addDays(tet[0]!.date, tet.indexOf(h)))).toEqual(tet.map((h) => h.date));
    }
  });
});

/**
 * A new statutory holiday as issue #14 proposes it: 24/11 (Ngày Văn hóa Việt Nam). Not law yet,
 * so not in the default data; the year 2027 is an example.
 */
const CULTURE_DAY_FROM_2027: FixedDateHoliday = {
  month: 11,
  day: 24,
  name: 'Ngày Văn hóa Việt Nam',
  nameEn: 'Vietnam Culture Day',
  basis: 'Văn bản bổ sung ngày nghỉ lễ (giả định cho kiểm thử)',
  fromYear: 2027,
};

describe('fixed-date holidays are data with the year they first apply', () => {
  const cultureDays = (year: number, data: readonly FixedDateHoliday[]): [string, string][] =>
    generateStatutoryHolidays(year, { fixedDateHolidays: data })
      .filter((h) => h.name.includes('Ngày Văn hóa Việt Nam'))
      .map((h) => [h.date, h.kind]);
  const withCultureDay = [...STATUTORY_FIXED_DATE_HOLIDAYS, CULTURE_DAY_FROM_2027];

  it('the default data is Art. 112(1) points a, c, d and đ, from 2021', () => {
    expect(STATUTORY_FIXED_DATE_HOLIDAYS.map((h) => [h.day, h.month, h.basis.split(', ').at(-1), h.fromYear])).toEqual([
      [1, 1, 'Điều 112 khoản 1 điểm a', 2021],
      [30, 4, 'Điều 112 khoản 1 điểm c', 2021],
      [1, 5, 'Điều 112 khoản 1 điểm d', 2021],
      [2, 9, 'Điều 112 khoản 1 điểm đ', 2021],
    ]);
  });

  it('adding 24/11 from 2027 is one entry: none in 2026, a holiday in 2027 and 2028, compensated in 2029', () => {
    expect(cultureDays(2026, withCultureDay)).toEqual([]);
    expect(cultureDays(2027, withCultureDay)).toEqual([['2027-11-24', 'holiday']]);
    expect(cultureDays(2028, withCultureDay)).toEqual([['2028-11-24', 'holiday']]);
    // Sat 24/11/2029: the day off in lieu is Monday 26/11 (Art. 111(3)).
    expect(cultureDays(2029, withCultureDay)).toEqual([
      ['2029-11-24', 'holiday'],
      ['2029-11-26', 'compensatory_off'],
    ]);
    // The default data has no such day, and the other days of 2027 are the same with or without it.
    expect(cultureDays(2027, STATUTORY_FIXED_DATE_HOLIDAYS)).toEqual([]);
    const others = generateStatutoryHolidays(2027, { fixedDateHolidays: withCultureDay }).filter((h) => h.date !== '2027-11-24');
    expect(others).toEqual(generateStatutoryHolidays(2027));
  });

  it('an entry can end: toYear is its last year', () => {
    const ended = [...STATUTORY_FIXED_DATE_HOLIDAYS, { ...CULTURE_DAY_FROM_2027, toYear: 2028 }];
    expect([2027, 2028, 2029].map((y) => cultureDays(y, ended).length)).toEqual([1, 1, 0]);
  });

  it.each<[string, Partial<FixedDateHoliday>, RegExp]>([
    ['29/2, which most years lack', { month: 2, day: 29 }, /not a date of every year/],
    ['31/4', { month: 4, day: 31 }, /not a date of every year/],
    ['month 13', { month: 13 }, /not a date of every year/],
    ['an empty name', { name: ' ' }, /name must not be empty/],
    ['no legal basis', { basis: '' }, /legal basis/],
    ['a fractional year', { fromYear: 2027.5 }, /fromYear/],
    ['an end before the start', { toYear: 2026 }, /toYear/],
  ])('refuses an entry with %s', (_, change, message) => {
    const bad = [...STATUTORY_FIXED_DATE_HOLIDAYS, { ...CULTURE_DAY_FROM_2027, ...change }];
    expect(() => generateStatutoryHolidays(2027, { fixedDateHolidays: bad })).toThrow(message);
  });
});
