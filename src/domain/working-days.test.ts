import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates, diffDays, fromEpochDay, toEpochDay } from './dates';
import { BASIS_END, BASIS_ROLL, BASIS_START, type CalendarException, calendarForYears, WorkingCalendar } from './working-days';

/** Calendar with the generated statutory holidays of 2024–2031 (no confirmed data). */
const generated = calendarForYears([2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031]);
/** Weekends only, no holidays, no year restriction. */
const weekendsOnly = new WorkingCalendar();

describe('WorkingCalendar: day status', () => {
  it.each([
    ['2026-03-06', true, 'workday', undefined], // Friday
    ['2026-03-07', false, 'weekly_rest', undefined], // Saturday
    ['2026-03-08', false, 'weekly_rest', undefined], // Sunday
    ['2026-02-17', false, 'holiday', 'Tết Nguyên đán (mùng 1)'],
    ['2026-04-26', false, 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    ['2026-04-27', false, 'compensatory_off', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    ['2030-04-30', false, 'holiday', 'Ngày Chiến thắng 30/4'],
  ])('%s: working %s (%s)', (date, working, reason, name) => {
    const status = generated.dayStatus(date);
    expect(status.working).toBe(working);
    expect(status.reason).toBe(reason);
    expect(status.name).toBe(name);
    expect(generated.isWorkingDay(date)).toBe(working);
  });

  it('without holiday data, Tết is an ordinary weekday', () => {
    expect(weekendsOnly.isWorkingDay('2026-02-17')).toBe(true);
  });

  it('honours other weekly days off', () => {
    const sundayOnly = new WorkingCalendar({ weeklyDaysOff: [0] });
    expect(sundayOnly.isWorkingDay('2026-03-07')).toBe(true);
    expect(sundayOnly.isWorkingDay('2026-03-08')).toBe(false);
    expect(sundayOnly.weeklyDaysOff).toEqual([0]);
    expect(weekendsOnly.weeklyDaysOff).toEqual([0, 6]);
  });
});

describe('swapped days (hypothetical 2026 schedule: Monday 31/8 off, made up on Saturday 22/8)', () => {
  const confirmed2026: CalendarException[] = [
    { date: '2026-08-22', kind: 'swap_workday', name: 'Làm bù cho thứ Hai 31/8' },
    { date: '2026-08-31', kind: 'swap_off', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8)' },
    { date: '2026-09-01', kind: 'holiday', name: 'Quốc khánh (ngày liền kề)' },
    { date: '2026-09-02', kind: 'holiday', name: 'Quốc khánh' },
  ];
  const cal = calendarForYears([2026], { 2026: confirmed2026 });

  it('a swap_workday Saturday is a working day, a swap_off Monday is not', () => {
    expect(cal.dayStatus('2026-08-22')).toEqual({
      date: '2026-08-22',
      working: true,
      reason: 'swap_workday',
      name: 'Làm bù cho thứ Hai 31/8',
    });
    expect(cal.isWorkingDay('2026-08-31')).toBe(false);
    expect(cal.isWorkingDay('2026-08-29')).toBe(false); // other Saturdays stay off
  });

  it('counts the swapped Saturday and skips the swapped Monday', () => {
    expect(cal.addWorkingDays('2026-08-21', 1)).toBe('2026-08-22');
    // 28/8 (Fri) → 29, 30 weekend, 31 swap_off, 1–2/9 holidays → 3/9.
    expect(cal.addWorkingDays('2026-08-28', 1)).toBe('2026-09-03');
  });

  it('a confirmed year replaces the generated holidays entirely', () => {
    // Confirmed data for 2026 lists no Tết: the generated Tết is not added behind the admin's back.
    expect(cal.isWorkingDay('2026-02-17')).toBe(true);
    expect(calendarForYears([2026], { 2026: [] }).isWorkingDay('2026-04-27')).toBe(true);
    expect(calendarForYears([2026]).isWorkingDay('2026-04-27')).toBe(false);
  });

  it('accepts confirmed data as a Map', () => {
    const fromMap = calendarForYears([2026], new Map([[2026, confirmed2026]]));
    expect(fromMap.exceptions()).toEqual(cal.exceptions());
    expect(fromMap.isWorkingDay('2026-08-22')).toBe(true);
  });
});

describe('next / previous working day', () => {
  it.each([
    ['2026-02-13', '2026-02-13', '2026-02-23'], // Friday before Tết
    ['2026-02-14', '2026-02-23', '2026-02-23'],
    ['2026-02-16', '2026-02-23', '2026-02-23'],
    ['2026-02-23', '2026-02-23', '2026-02-24'],
    ['2026-04-25', '2026-04-28', '2026-04-28'], // Sat; Sun Giỗ Tổ; Mon compensatory
  ])('from %s: on or after %s, strictly after %s', (date, onOrAfter, after) => {
    expect(generated.nextWorkingDayOnOrAfter(date)).toBe(onOrAfter);
    expect(generated.nextWorkingDayAfter(date)).toBe(after);
  });

  it('goes backwards too', () => {
    expect(generated.previousWorkingDayOnOrBefore('2026-02-22')).toBe('2026-02-13');
    expect(generated.previousWorkingDayOnOrBefore('2026-02-13')).toBe('2026-02-13');
    expect(generated.previousWorkingDayBefore('2026-02-13')).toBe('2026-02-12');
    expect(generated.previousWorkingDayBefore('2026-02-23')).toBe('2026-02-13');
  });
});

describe('addWorkingDays (n "ngày làm việc")', () => {
  it.each([
    ['weekend', '2026-03-06', 1, '2026-03-09'], // Fri → Mon
    ['weekend', '2026-03-06', 5, '2026-03-13'],
    ['weekend', '2026-03-07', 1, '2026-03-09'], // event on Saturday
    ['Tết 2026', '2026-02-13', 1, '2026-02-23'],
    ['Tết 2026', '2026-02-10', 5, '2026-02-24'], // 11,12,13, [14–22], 23, 24
    ['Tết 2027 with compensatory days', '2027-02-04', 1, '2027-02-12'], // 5–9 Tết, 10–11 compensatory
    ['Giỗ Tổ 2026 + 30/4 + 1/5', '2026-04-24', 2, '2026-04-29'],
    ['Giỗ Tổ 2026 + 30/4 + 1/5', '2026-04-24', 3, '2026-05-04'],
    ['2030 example', '2030-04-22', 7, '2030-05-03'],
    ['a long period', '2026-01-02', 30, '2026-02-13'],
  ])('%s: addWorkingDays(%s, %i) = %s', (_label, event, n, expected) => {
    expect(generated.addWorkingDays(event, n)).toBe(expected);
  });

  it('2030 example with only 30/4 and 1/5 entered by hand', () => {
    const cal = new WorkingCalendar({
      exceptions: [
        { date: '2030-04-30', kind: 'holiday', name: 'Ngày Chiến thắng 30/4' },
        { date: '2030-05-01', kind: 'holiday', name: 'Quốc tế Lao động' },
      ],
    });
    expect(cal.addWorkingDays('2030-04-22', 7)).toBe('2030-05-03');
    // Without the holidays the 7th working day is two days earlier.
    expect(weekendsOnly.addWorkingDays('2030-04-22', 7)).toBe('2030-05-01');
  });

  it('explains the 2030 example step by step', () => {
    const result = generated.explainAddWorkingDays('2030-04-22', 7);
    expect(result.due).toBe('2030-05-03');
    expect(result.basis).toEqual([BASIS_START, BASIS_END]);
    expect(result.steps.map((s) => [s.date, s.action, s.reason, s.count ?? null])).toEqual([
      ['2030-04-22', 'event', undefined, null],
      ['2030-04-23', 'counted', 'workday', 1],
      ['2030-04-24', 'counted', 'workday', 2],
      ['2030-04-25', 'counted', 'workday', 3],
      ['2030-04-26', 'counted', 'workday', 4],
      ['2030-04-27', 'skipped', 'weekly_rest', null],
      ['2030-04-28', 'skipped', 'weekly_rest', null],
      ['2030-04-29', 'counted', 'workday', 5],
      ['2030-04-30', 'skipped', 'holiday', null],
      ['2030-05-01', 'skipped', 'holiday', null],
      ['2030-05-02', 'counted', 'workday', 6],
      ['2030-05-03', 'counted', 'workday', 7],
      ['2030-05-03', 'due', 'workday', null],
    ]);
    const texts = result.steps.map((s) => s.text);
    expect(texts[0]).toBe('Ngày xảy ra sự kiện: 22/04/2030 (thứ Hai), không tính (Điều 147 khoản 3 BLDS 2015).');
    expect(texts[5]).toBe('27/04/2030 (thứ Bảy): nghỉ hằng tuần, không tính.');
    expect(texts[8]).toBe('30/04/2030 (thứ Ba): nghỉ lễ, Tết: Ngày Chiến thắng 30/4, không tính.');
    expect(texts[11]).toBe('03/05/2030 (thứ Sáu): ngày làm việc thứ 7.');
    expect(texts[12]).toBe('Hạn cuối: hết ngày 03/05/2030 (thứ Sáu) (Điều 148 khoản 1 BLDS 2015).');
    expect(result.steps[8]?.name).toBe('Ngày Chiến thắng 30/4');
  });

  it.each([0, -1, 1.5, Number.NaN, 10_001])('rejects n = %s', (n) => {
    expect(() => generated.addWorkingDays('2026-03-02', n)).toThrow(RangeError);
    expect(() => generated.addCalendarDays('2026-03-02', n)).toThrow(RangeError);
    expect(() => generated.subtractWorkingDays('2026-03-02', n)).toThrow(RangeError);
  });
});

describe('addCalendarDays (n "ngày", end rolled to a working day)', () => {
  it.each([
    ['no roll', '2026-03-02', 15, '2026-03-17'],
    ['ends on Saturday → Monday', '2026-03-02', 5, '2026-03-09'],
    ['ends on Sunday → Monday', '2026-03-02', 6, '2026-03-09'],
    ['ends in Tết → after Tết and the weekend', '2026-02-05', 10, '2026-02-23'],
    ['ends on Giỗ Tổ (Sun) → after the compensatory Monday', '2026-04-16', 10, '2026-04-28'],
    ['ends on 30/4 → past 1/5 and the weekend', '2026-04-15', 15, '2026-05-04'],
    ['90-day limitation period', '2026-01-05', 90, '2026-04-06'],
  ])('%s: addCalendarDays(%s, %i) = %s', (_label, event, n, expected) => {
    expect(generated.addCalendarDays(event, n)).toBe(expected);
  });

  it('explains a roll over Tết', () => {
    const result = generated.explainAddCalendarDays('2026-02-05', 10);
    expect(result.basis).toEqual([BASIS_START, BASIS_END, BASIS_ROLL]);
    expect(result.steps.map((s) => [s.date, s.action])).toEqual([
      ['2026-02-05', 'event'],
      ['2026-02-15', 'period_end'],
      ['2026-02-16', 'rolled'],
      ['2026-02-17', 'rolled'],
      ['2026-02-18', 'rolled'],
      ['2026-02-19', 'rolled'],
      ['2026-02-20', 'rolled'],
      ['2026-02-21', 'rolled'],
      ['2026-02-22', 'rolled'],
      ['2026-02-23', 'due'],
    ]);
    expect(result.steps[1]?.text).toBe('Ngày thứ 10 (ngày cuối của thời hạn): 15/02/2026 (Chủ nhật), nghỉ hằng tuần.');
    expect(result.steps[3]?.text).toContain('Tết Nguyên đán (mùng 1)');
    expect(result.steps[3]?.text).toContain('Điều 148 khoản 5');
  });

  it('does not cite Art. 148(5) when no roll is needed', () => {
    const result = generated.explainAddCalendarDays('2026-03-02', 15);
    expect(result.basis).toEqual([BASIS_START, BASIS_END]);
    expect(result.steps.map((s) => s.action)).toEqual(['event', 'period_end', 'due']);
  });
});

describe('countWorkingDays (both ends included)', () => {
  it.each([
    ['2026-02-01', '2026-02-28', 15], // 20 weekdays − 5 days of Tết
    ['2026-03-02', '2026-03-06', 5],
    ['2026-03-07', '2026-03-08', 0],
    ['2026-03-06', '2026-03-06', 1],
    ['2026-03-06', '2026-03-05', 0],
    ['2026-01-01', '2026-12-31', 250], // 261 weekdays − 11 statutory days on weekdays
  ])('%s..%s: %i', (from, to, expected) => {
    expect(generated.countWorkingDays(from, to)).toBe(expected);
  });
});

describe('subtractWorkingDays ("at least n working days before")', () => {
  it.each([
    ['2026-03-13', 5, '2026-03-06'], // counted back: 12, 11, 10, 9, [8, 7 weekend], 6
    ['2026-03-09', 1, '2026-03-06'],
    ['2026-02-23', 1, '2026-02-13'], // over Tết
    ['2030-05-03', 7, '2030-04-22'], // mirror of the 2030 example
  ])('subtractWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(generated.subtractWorkingDays(date, n)).toBe(expected);
  });

  it('explains backwards counting', () => {
    const result = generated.explainSubtractWorkingDays('2026-02-23', 1);
    expect(result.steps.map((s) => [s.date, s.action])).toEqual([
      ['2026-02-23', 'event'],
      ['2026-02-22', 'skipped'],
      ['2026-02-21', 'skipped'],
      ['2026-02-20', 'skipped'],
      ['2026-02-19', 'skipped'],
      ['2026-02-18', 'skipped'],
      ['2026-02-17', 'skipped'],
      ['2026-02-16', 'skipped'],
      ['2026-02-15', 'skipped'],
      ['2026-02-14', 'skipped'],
      ['2026-02-13', 'counted'],
      ['2026-02-13', 'due'],
    ]);
    expect(result.steps.at(-1)?.text).toBe('Chậm nhất: 13/02/2026 (thứ Sáu).');
  });
});

describe('calendar coverage and validation', () => {
  it('refuses dates outside the covered years instead of ignoring their holidays', () => {
    const only2026 = calendarForYears([2026]);
    expect(only2026.coveredYears).toEqual([2026]);
    expect(() => only2026.isWorkingDay('2027-01-04')).toThrow(/no holiday data for 2027/);
    expect(() => only2026.addWorkingDays('2026-12-30', 5)).toThrow(RangeError);
    expect(calendarForYears([2026, 2027]).addWorkingDays('2026-12-30', 5)).toBe('2027-01-07');
  });

  it('needs confirmed data for years the generator does not cover, and at least one year', () => {
    expect(() => calendarForYears([])).toThrow(RangeError);
    expect(() => calendarForYears([2020])).toThrow(RangeError);
    const confirmed2020: CalendarException[] = [
      { date: '2020-09-02', kind: 'holiday', name: 'Quốc khánh', basis: 'Bộ luật Lao động số 10/2012/QH13, Điều 115' },
    ];
    const cal = calendarForYears([2020], { 2020: confirmed2020 });
    expect(cal.isWorkingDay('2020-09-02')).toBe(false);
    expect(cal.isWorkingDay('2020-09-03')).toBe(true);
  });

  it('rejects confirmed exceptions filed under the wrong year', () => {
    expect(() => calendarForYears([2026], { 2026: [{ date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch' }] })).toThrow(RangeError);
  });

  it('rejects bad exception data', () => {
    const day = (kind: string, date = '2026-05-04'): CalendarException => ({ date, kind, name: 'x' }) as CalendarException;
    expect(() => new WorkingCalendar({ exceptions: [day('holiday'), day('swap_workday')] })).toThrow(/two exceptions on 2026-05-04/);
    expect(() => new WorkingCalendar({ exceptions: [day('vacation')] })).toThrow(/unknown exception kind/);
    expect(() => new WorkingCalendar({ exceptions: [day('holiday', '2026-02-30')] })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ exceptions: [day('holiday', '2027-05-04')], coveredYears: [2026] })).toThrow(
      /outside the covered years/,
    );
    expect(() => new WorkingCalendar({ weeklyDaysOff: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ weeklyDaysOff: [7 as 0] })).toThrow(RangeError);
  });

  it('stores names in NFC and lists exceptions by date', () => {
    const cal = new WorkingCalendar({
      exceptions: [
        { date: '2026-05-01', kind: 'holiday', name: 'Quốc tế Lao động'.normalize('NFD') },
        { date: '2026-04-30', kind: 'holiday', name: 'Ngày Chiến thắng 30/4' },
      ],
    });
    expect(cal.exceptions().map((e) => [e.date, e.name])).toEqual([
      ['2026-04-30', 'Ngày Chiến thắng 30/4'],
      ['2026-05-01', 'Quốc tế Lao động'],
    ]);
    expect(cal.coveredYears).toBeNull();
  });
});

describe('properties', () => {
  // Event dates 2025–2030 with n ≤ 60 (about 3 months) stay inside the calendar's 2024–2031.
  const eventArb = fc.integer({ min: toEpochDay('2025-01-01'), max: toEpochDay('2030-12-31') }).map(fromEpochDay);
  const nArb = fc.integer({ min: 1, max: 60 });

  it('addWorkingDays lands on a working day with exactly n working days after the event', () => {
    fc.assert(
      fc.property(eventArb, nArb, (event, n) => {
        const due = generated.addWorkingDays(event, n);
        expect(compareIsoDates(due, event)).toBe(1);
        expect(generated.isWorkingDay(due)).toBe(true);
        expect(generated.countWorkingDays(addDays(event, 1), due)).toBe(n);
        const explained = generated.explainAddWorkingDays(event, n);
        const counted = explained.steps.filter((s) => s.action === 'counted').length;
        const skipped = explained.steps.filter((s) => s.action === 'skipped').length;
        expect(counted).toBe(n);
        expect(counted + skipped).toBe(diffDays(event, due));
      }),
      { numRuns: 300 },
    );
  });

  it('addWorkingDays is strictly increasing in n', () => {
    fc.assert(
      fc.property(eventArb, nArb, (event, n) => {
        expect(compareIsoDates(generated.addWorkingDays(event, n), generated.addWorkingDays(event, n + 1))).toBe(-1);
      }),
      { numRuns: 300 },
    );
  });

  it('subtractWorkingDays inverts addWorkingDays on working days', () => {
    fc.assert(
      fc.property(eventArb, nArb, (date, n) => {
        const x = generated.nextWorkingDayOnOrAfter(date);
        expect(generated.subtractWorkingDays(generated.addWorkingDays(x, n), n)).toBe(x);
        // From any day: going back n and forward n reaches the first working day on or after it.
        expect(generated.addWorkingDays(generated.subtractWorkingDays(date, n), n)).toBe(generated.nextWorkingDayOnOrAfter(date));
      }),
      { numRuns: 300 },
    );
  });

  it('addCalendarDays ends on the first working day on or after event + n', () => {
    fc.assert(
      fc.property(eventArb, fc.integer({ min: 1, max: 90 }), (event, n) => {
        const due = generated.addCalendarDays(event, n);
        expect(generated.isWorkingDay(due)).toBe(true);
        expect(compareIsoDates(due, addDays(event, n))).toBeGreaterThanOrEqual(0);
        for (let d = addDays(event, n); d < due; d = addDays(d, 1)) {
          expect(generated.isWorkingDay(d)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('holds on random calendars too (random holidays and Saturday swaps in 2026)', () => {
    const start = toEpochDay('2026-01-01');
    const exceptionsArb = fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 60 }).map((offsets) =>
      offsets.map((o): CalendarException => {
        const date = fromEpochDay(start + o);
        const saturday = new Date(`${date}T00:00:00Z`).getUTCDay() === 6;
        return { date, kind: saturday && o % 2 === 0 ? 'swap_workday' : 'holiday', name: `ngày ${o}` };
      }),
    );
    fc.assert(
      fc.property(exceptionsArb, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 20 }), (exceptions, offset, n) => {
        const cal = new WorkingCalendar({ exceptions });
        const event = fromEpochDay(start + offset);
        const due = cal.addWorkingDays(event, n);
        expect(cal.isWorkingDay(due)).toBe(true);
        expect(cal.countWorkingDays(addDays(event, 1), due)).toBe(n);
        const x = cal.nextWorkingDayOnOrAfter(event);
        expect(cal.subtractWorkingDays(cal.addWorkingDays(x, n), n)).toBe(x);
      }),
      { numRuns: 300 },
    );
  });
});
