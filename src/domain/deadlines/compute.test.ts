import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, diffDays } from '../dates';
import { type FixedDateHoliday, generateStatutoryHolidays, STATUTORY_FIXED_DATE_HOLIDAYS } from '../holidays';
import { type CalendarException, calendarForYears, WorkingCalendar } from '../working-days';
import {
  addCalendarMonths,
  type CalendarProvider,
  computeDeadline,
  DEADLINE_RULES,
  DeadlineError,
  type DeadlineErrorCode,
  type DeadlineInput,
  deadlineYears,
} from './index';

/** Statutory holidays generated for whatever years the engine asks for (no confirmed data). */
const generated: CalendarProvider = (years) => calendarForYears(years);

/**
 * A confirmed 2026 with a Saturday swap (hypothetical, as in working-days.test.ts): Monday 31/8
 * off, made up on Saturday 22/8; 1/9 and 2/9 National Day. Other years generated.
 */
const confirmed2026: CalendarException[] = [
  ...generateStatutoryHolidays(2026).map((h) => ({ date: h.date, kind: h.kind, name: h.name })),
  { date: '2026-08-22', kind: 'swap_workday', name: 'Làm bù cho thứ Hai 31/8' },
  { date: '2026-08-31', kind: 'swap_off', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8)' },
];
const swapped: CalendarProvider = (years) => calendarForYears(years, { 2026: confirmed2026 });

function due(ruleId: string, input: DeadlineInput, provider: CalendarProvider = generated): string {
  return computeDeadline(ruleId, input, provider).due;
}

function errorOf(fn: () => unknown): DeadlineError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DeadlineError) return err;
    throw err;
  }
  throw new Error('expected a DeadlineError');
}

describe('the contract example', () => {
  it('TC-INITIAL from 2030-04-22 is due 2030-05-03', () => {
    // 22/4/2030 is a Monday, not counted. 23–26 (Tue–Fri) = days 1–4; 27–28 weekend; 29 Mon = 5;
    // 30/4 and 1/5 holidays; 2 Thu = 6; 3 Fri = 7.
    const r = computeDeadline('TC-INITIAL', { trigger: '2030-04-22' }, generated);
    expect(r.due).toBe('2030-05-03');
    expect(r.ruleId).toBe('TC-INITIAL');
    expect(r.ruleVersion).toBe(1);
    expect(r.dayType).toBe('working_days');
    expect(r.duration).toBe(7);
    expect(r.totalDuration).toBe(7);
    expect(r.basis[0]).toEqual(expect.objectContaining({ document: '25/2018/QH14', article: 'Điều 24 khoản 1' }));
    expect(r.explanation).toContain('30/04/2030 (thứ Ba): nghỉ lễ, Tết: Ngày Chiến thắng 30/4, không tính.');
    expect(r.explanation).toContain('03/05/2030 (thứ Sáu): ngày làm việc thứ 7.');
    expect(r.explanation.at(-1)).toBe('Hạn xử lý ban đầu: 03/05/2030 (thứ Sáu).');
    expect(r.steps.filter((s) => s.action === 'counted')).toHaveLength(7);
    expect(r.steps.filter((s) => s.action === 'skipped').map((s) => s.date)).toEqual([
      '2030-04-27',
      '2030-04-28',
      '2030-04-30',
      '2030-05-01',
    ]);
  });
});

describe('every working-day rule across Tết 2027 (trigger Thu 04/02/2027)', () => {
  // 5/2 (29 Chạp) – 9/2 (mùng 4) holidays, 10–11/2 days off in lieu of 6/2 (Sat) and 7/2 (Sun).
  // Working days after 4/2: 12/2 Fri = 1, 15 Mon = 2, 16 = 3, 17 = 4, 18 = 5, 19 Fri = 6,
  // 22 Mon = 7, 23 = 8, 24 = 9, 25 Thu = 10.
  it.each([
    ['DC-PUBLISH', 5, '2027-02-18'],
    ['BTTND-RECOG', 5, '2027-02-18'],
    ['TCD-REPLY', 10, '2027-02-25'],
    ['KN-ACCEPT', 7, '2027-02-22'], // version 2 (from 01/07/2026): 07 working days
    ['KN-SUSPEND-SEND', 3, '2027-02-16'],
    ['KN-RESUME-SEND', 3, '2027-02-16'],
    ['TC-SUSPEND-SEND', 5, '2027-02-18'],
    ['TC-INITIAL', 7, '2027-02-22'],
    ['TC-FORWARD', 5, '2027-02-18'],
    ['TC-NOTIFY', 5, '2027-02-18'],
    ['TC-CONCL-SEND', 5, '2027-02-18'],
    ['PAKN-QDHC-FWD', 5, '2027-02-18'],
    ['DON-PROCESS', 10, '2027-02-25'],
  ])('%s: %i working days → %s', (ruleId, n, expected) => {
    const r = computeDeadline(ruleId, { trigger: '2027-02-04' }, generated);
    expect(r.duration).toBe(n);
    expect(r.dayType).toBe('working_days');
    expect(r.due).toBe(expected);
  });

  it('without holiday data the same periods end a week earlier (Tết is what moves them)', () => {
    const bare: CalendarProvider = () => new WorkingCalendar();
    // 5/2 Fri = 1, 8 Mon = 2, 9 = 3, 10 = 4, 11 = 5.
    expect(due('TC-FORWARD', { trigger: '2027-02-04' }, bare)).toBe('2027-02-11');
  });
});

describe('Giỗ Tổ Hùng Vương, 30/4 and 1/5', () => {
  it.each([
    // 2026: Giỗ Tổ Sun 26/4, day off in lieu Mon 27/4; 30/4 Thu, 1/5 Fri. From Fri 24/4:
    // 28 Tue = 1, 29 = 2, 4/5 Mon = 3, 5 = 4, 6 = 5, 7 = 6, 8 Fri = 7, 11 = 8, 12 = 9, 13 Wed = 10.
    ['DC-PUBLISH', '2026-04-24', '2026-05-06'],
    ['TC-INITIAL', '2026-04-24', '2026-05-08'],
    ['TCD-REPLY', '2026-04-24', '2026-05-13'],
    ['KN-ACCEPT', '2026-04-24', '2026-05-13'], // version 1: 10 working days
    // 2027: Giỗ Tổ Fri 16/4. From Thu 15/4: 19 Mon = 1 … 23 Fri = 5.
    ['TC-FORWARD', '2027-04-15', '2027-04-23'],
  ])('%s from %s → %s', (ruleId, trigger, expected) => {
    expect(due(ruleId, { trigger })).toBe(expected);
  });

  it.each([
    // KN-L2-SEND, 7 days: 24/4/2026 + 7 = Fri 1/5 (holiday) → Sat, Sun → Mon 4/5.
    ['KN-L2-SEND', '2026-04-24', '2026-05-04'],
    // 9/4/2027 + 7 = Fri 16/4/2027 (Giỗ Tổ) → Sat, Sun → Mon 19/4.
    ['KN-L2-SEND', '2027-04-09', '2027-04-19'],
    // DC-POST-MIN, 20 days: Mon 6/4/2026 + 20 = Sun 26/4 (Giỗ Tổ) → Mon 27/4 in lieu → Tue 28/4.
    ['DC-POST-MIN', '2026-04-06', '2026-04-28'],
  ])('calendar days: %s from %s rolls to %s', (ruleId, trigger, expected) => {
    const r = computeDeadline(ruleId, { trigger }, generated);
    expect(r.due).toBe(expected);
    expect(r.steps.some((s) => s.action === 'rolled')).toBe(true);
    expect(r.countingBasis).toContain('Bộ luật Dân sự số 91/2015/QH13, Điều 148 khoản 5');
  });
});

describe('a new statutory holiday added as data (24/11 from 2027) moves the deadlines across it', () => {
  // Issue #14 proposes 24/11; not law yet, so the entry lives in the test (2027 is an example).
  const CULTURE_DAY_FROM_2027: FixedDateHoliday = {
    month: 11,
    day: 24,
    name: 'Ngày Văn hóa Việt Nam',
    nameEn: 'Vietnam Culture Day',
    basis: 'Văn bản bổ sung ngày nghỉ lễ (giả định cho kiểm thử)',
    fromYear: 2027,
  };
  const withCultureDay: CalendarProvider = (years) =>
    calendarForYears(years, {}, { fixedDateHolidays: [...STATUTORY_FIXED_DATE_HOLIDAYS, CULTURE_DAY_FROM_2027] });
  it.each([
    // Mon 22/11/2027, 07 working days: 23, 24, 25, 26, 29, 30/11, Wed 1/12; with Wed 24/11 off: Thu 2/12.
    ['TC-INITIAL', '2027-11-22', '2027-12-01', '2027-12-02'],
    // 2026 is before the holiday applies: Mon 23/11/2026 → 24, 25, 26, 27, 30/11, 1/12, Wed 2/12 either way.
    ['TC-INITIAL', '2026-11-23', '2026-12-02', '2026-12-02'],
    // 15 days from Tue 9/11/2027 end on Wed 24/11, which rolls to Thu 25/11 once it is a holiday.
    ['BTTND-REPLY', '2027-11-09', '2027-11-24', '2027-11-25'],
  ])('%s from %s: %s without the holiday, %s with it', (ruleId, trigger, without, withIt) => {
    expect(due(ruleId, { trigger })).toBe(without);
    const r = computeDeadline(ruleId, { trigger }, withCultureDay);
    expect(r.due).toBe(withIt);
    if (without !== withIt) expect(r.explanation.some((l) => l.includes('Ngày Văn hóa Việt Nam'))).toBe(true);
  });
});

describe('calendar-day rules ("ngày" without "làm việc")', () => {
  it.each([
    // Fri 6/3/2026 + 15 = Sat 21/3 → Mon 23/3.
    ['BTTND-REPLY', { trigger: '2026-03-06' }, '2026-03-23'],
    // Tết 2027: Thu 4/2 + 7 = Thu 11/2 (day off in lieu) → Fri 12/2.
    ['KN-L2-SEND', { trigger: '2027-02-04' }, '2027-02-12'],
    // Thu 4/2/2027 + 15 = Fri 19/2, a working day.
    ['BTTND-REPLY', { trigger: '2027-02-04' }, '2027-02-19'],
    // Mon 5/1/2026 + 90 = Sun 5/4 → Mon 6/4.
    ['KN-LIMIT', { trigger: '2026-01-05' }, '2026-04-06'],
    // Mon 1/6/2026 + 30 = Wed 1/7; remote + 45 = Thu 16/7.
    ['KN-L2-WINDOW', { trigger: '2026-06-01' }, '2026-07-01'],
    ['KN-L2-WINDOW', { trigger: '2026-06-01', remote: true }, '2026-07-16'],
    // Mon 6/4/2026 + 30 at commune level = Wed 6/5.
    ['DC-POST-MIN', { trigger: '2026-04-06', communeLevel: true }, '2026-05-06'],
  ] as const)('%s %j → %s', (ruleId, input, expected) => {
    const r = computeDeadline(ruleId, input, generated);
    expect(r.dayType).toBe('calendar_days');
    expect(r.due).toBe(expected);
  });

  // From Mon 2/3/2026 (before the 2026 amendments, version 1): +30 = Wed 1/4, +45 = Thu 16/4,
  // +60 = Fri 1/5 (holiday) → Mon 4/5, +70 = Mon 11/5.
  it.each([
    ['KN-L1', {}, 30, '2026-04-01'],
    ['KN-L1', { complex: true }, 45, '2026-04-16'],
    ['KN-L1', { especiallyComplex: true }, 45, '2026-04-16'],
    ['KN-L1', { remote: true }, 45, '2026-04-16'],
    ['KN-L1', { remote: true, complex: true }, 60, '2026-05-04'],
    ['KN-L2', {}, 45, '2026-04-16'],
    ['KN-L2', { complex: true }, 60, '2026-05-04'],
    ['KN-L2', { remote: true }, 60, '2026-05-04'],
    ['KN-L2', { remote: true, complex: true }, 70, '2026-05-11'],
  ] as const)('%s %j: %i days → %s', (ruleId, flags, n, expected) => {
    const r = computeDeadline(ruleId, { trigger: '2026-03-02', ...flags }, generated);
    expect(r.ruleVersion).toBe(1);
    expect(r.duration).toBe(n);
    expect(r.due).toBe(expected);
  });

  it('says when a flag does not change a rule', () => {
    const r = computeDeadline('BTTND-REPLY', { trigger: '2026-03-06', remote: true, complex: true, communeLevel: true }, generated);
    expect(r.due).toBe('2026-03-23');
    expect(r.explanation).toContain('Quy tắc không có thời hạn riêng cho vùng sâu, vùng xa; yếu tố này không làm thay đổi thời hạn.');
    expect(r.explanation).toContain('Quy tắc không có thời hạn riêng cho vụ việc phức tạp; yếu tố này không làm thay đổi thời hạn.');
    expect(r.explanation).toContain('Quy tắc không có thời hạn riêng cho cấp xã; yếu tố này không làm thay đổi thời hạn.');
  });
});

describe("'before' rules (latest day to act)", () => {
  it.each([
    // Before Mon 15/2/2027: 12 Fri = 1; 11, 10 in lieu; 9–5 Tết; 4 Thu = 2, 3 = 3, 2 = 4, 1 Mon = 5.
    ['TCD-SCHED', '2027-02-15', '2027-02-01'],
    // Before Fri 12/2/2027: 11–5 off; 4 Thu = 1, 3 = 2, 2 = 3, 1 = 4, Fri 29/1 = 5.
    ['BTTND-NOTICE', '2027-02-12', '2027-01-29'],
    // Across the new year: before Tue 5/1/2027: 4 Mon = 1; 1/1 holiday; 31/12 Thu = 2 … 28/12 Mon = 5.
    ['BTTND-NOTICE', '2027-01-05', '2026-12-28'],
    // Before Mon 4/5/2026: 1/5, 30/4 holidays; 29 = 1, 28 = 2; 27 in lieu of Giỗ Tổ; 24 = 3, 23 = 4, 22 Wed = 5.
    ['BTTND-NOTICE', '2026-05-04', '2026-04-22'],
  ])('%s for %s: no later than %s', (ruleId, trigger, expected) => {
    const r = computeDeadline(ruleId, { trigger }, generated);
    expect(r.direction).toBe('before');
    expect(r.due).toBe(expected);
    expect(r.steps.filter((s) => s.action === 'counted')).toHaveLength(5);
  });
});

describe('a swapped Saturday (confirmed 2026: Sat 22/8 worked, Mon 31/8 off)', () => {
  it.each([
    // From Fri 21/8: Sat 22 = 1, 24 Mon = 2, 25 = 3, 26 = 4, 27 Thu = 5. Generated: 24–28 → Fri 28.
    ['TC-FORWARD', '2026-08-21', '2026-08-27', '2026-08-28'],
    // 28 Fri = 6; 29–30 weekend, 31 swapped off, 1–2/9 National Day; Thu 3/9 = 7.
    // Generated: 24–28 = 1–5, 31 Mon = 6, 3/9 Thu = 7.
    ['TC-INITIAL', '2026-08-21', '2026-09-03', '2026-09-03'],
    // Calendar days: Fri 7/8 + 15 = Sat 22/8, a working day when swapped; otherwise → Mon 24/8.
    ['BTTND-REPLY', '2026-08-07', '2026-08-22', '2026-08-24'],
    // Before Wed 26/8: 25 = 1, 24 = 2, Sat 22 = 3, 21 = 4, Thu 20 = 5. Generated: 25, 24, 21, 20, 19.
    ['TCD-SCHED', '2026-08-26', '2026-08-20', '2026-08-19'],
  ])('%s from %s → %s (generated calendar: %s)', (ruleId, trigger, withSwap, withoutSwap) => {
    expect(due(ruleId, { trigger }, swapped)).toBe(withSwap);
    expect(due(ruleId, { trigger }, generated)).toBe(withoutSwap);
  });
});

describe('rule versions are chosen by the trigger date', () => {
  it.each([
    // v1, 10 working days from Thu 25/6/2026: 26 = 1, 29 = 2, 30 = 3, 1/7 = 4, 2 = 5, 3 = 6,
    // 6 = 7, 7 = 8, 8 = 9, Thu 9/7 = 10.
    ['2026-06-25', 1, 10, '2026-07-09'],
    // Last day of v1: Tue 30/6 → 1/7 = 1 … 14/7 Tue = 10.
    ['2026-06-30', 1, 10, '2026-07-14'],
    // First day of v2, 07 working days: Wed 1/7 → 2 = 1, 3 = 2, 6 = 3, 7 = 4, 8 = 5, 9 = 6, Fri 10/7 = 7.
    ['2026-07-01', 2, 7, '2026-07-10'],
    // v2 from Thu 2/7: 3 = 1, 6 = 2, 7 = 3, 8 = 4, 9 = 5, 10 = 6, Mon 13/7 = 7.
    ['2026-07-02', 2, 7, '2026-07-13'],
  ])('KN-ACCEPT received %s: version %i, %i working days → %s', (trigger, version, n, expected) => {
    const r = computeDeadline('KN-ACCEPT', { trigger }, generated);
    expect(r.ruleVersion).toBe(version);
    expect(r.duration).toBe(n);
    expect(r.due).toBe(expected);
    expect(r.confidence).toBe(version === 2 ? 'reported' : 'confirmed');
  });

  it('marks a reported basis in the explanation', () => {
    const r = computeDeadline('KN-ACCEPT', { trigger: '2026-07-02' }, generated);
    expect(r.explanation.some((l) => l.startsWith('Lưu ý: căn cứ mới được đưa tin'))).toBe(true);
    expect(r.basis.map((b) => b.document)).toContain('155/2026/NĐ-CP');
    const old = computeDeadline('KN-ACCEPT', { trigger: '2026-06-25' }, generated);
    expect(old.explanation.some((l) => l.startsWith('Lưu ý'))).toBe(false);
  });

  it('says that KN-ACCEPT version 1 counts working days after the decree, where the law says "10 ngày"', () => {
    const r = computeDeadline('KN-ACCEPT', { trigger: '2026-06-25' }, generated);
    expect(r.explanation).toContain(
      'Căn cứ: Điều 16 khoản 1, Nghị định số 124/2020/NĐ-CP — thụ lý trong 10 ngày làm việc kể từ ngày nhận được khiếu nại.',
    );
    expect(
      r.explanation.some((l) => l.startsWith('Luật Khiếu nại (Điều 27, Điều 36) ghi "10 ngày"; thời hạn được tính theo ngày làm việc')),
    ).toBe(true);
    const v2 = computeDeadline('KN-ACCEPT', { trigger: '2026-07-02' }, generated);
    expect(v2.explanation).toContain(
      'Căn cứ: Điều 10, Nghị định số 155/2026/NĐ-CP — sửa đổi khoản 1 Điều 16 Nghị định số 124/2020/NĐ-CP: thụ lý trong 07 ngày làm việc.',
    );
    expect(v2.explanation.some((l) => l.includes('chưa xác định điều khoản'))).toBe(false);
  });

  it.each([
    // Law 25/2018 Art. 34(4), since 01/01/2019: Fri 3/1/2025 + 5 working days = 6, 7, 8, 9, Fri 10/1.
    ['TC-SUSPEND-SEND', '2025-01-03', '2025-01-10'],
    ['TC-SUSPEND-SEND', '2018-12-31', null],
    // Decree 124/2020 Art. 28b(2), added by Decree 155/2026 Art. 12: Wed 1/7/2026 + 3 = Mon 6/7.
    ['KN-RESUME-SEND', '2026-07-01', '2026-07-06'],
    ['KN-RESUME-SEND', '2026-06-30', null],
  ])('%s from %s → %s (null: not yet in force)', (ruleId, trigger, expected) => {
    if (expected === null) {
      expect(errorOf(() => computeDeadline(ruleId, { trigger }, generated)).code).toBe('DEADLINE_NO_RULE_VERSION');
    } else {
      expect(due(ruleId, { trigger })).toBe(expected);
    }
  });

  it('a rule that did not exist yet has no version', () => {
    expect(errorOf(() => computeDeadline('KN-SUSPEND-SEND', { trigger: '2026-06-30' }, generated)).code).toBe('DEADLINE_NO_RULE_VERSION');
    expect(errorOf(() => computeDeadline('TC-INITIAL', { trigger: '2018-12-31' }, generated)).code).toBe('DEADLINE_NO_RULE_VERSION');
    // Wed 1/7/2026 + 3 working days: 2, 3, Mon 6/7.
    expect(due('KN-SUSPEND-SEND', { trigger: '2026-07-01' })).toBe('2026-07-06');
  });
});

describe('TC-RESOLVE extensions (Law 25/2018 Art. 30; Decree 31/2019 Art. 3)', () => {
  const trigger = '2026-03-02'; // Monday
  const ext1 = { decisionNo: '12/QĐ-TTr', decidedOn: '2026-03-30' };
  const ext2 = { decisionNo: '20/QĐ-TTr', decidedOn: '2026-04-30' };
  const ext3 = { decisionNo: '25/QĐ-TTr', decidedOn: '2026-05-29' };

  it('30 days without extension: Mon 2/3 + 30 = Wed 1/4', () => {
    expect(due('TC-RESOLVE', { trigger })).toBe('2026-04-01');
    expect(due('TC-RESOLVE', { trigger, complex: true })).toBe('2026-04-01');
  });

  it('complex, one extension: 30 + 30 = 60 days → Fri 1/5 (holiday) → Mon 4/5', () => {
    const r = computeDeadline('TC-RESOLVE', { trigger, complex: true, extensions: [ext1] }, generated);
    expect(r.due).toBe('2026-05-04');
    expect(r.totalDuration).toBe(60);
    expect(r.extensions).toEqual([{ decisionNo: '12/QĐ-TTr', decidedOn: '2026-03-30', days: 30 }]);
    expect(r.explanation).toContain(
      'Gia hạn lần 1 (quyết định số 12/QĐ-TTr ngày 30/03/2026): thêm 30 ngày; hạn trước khi gia hạn là 01/04/2026.',
    );
    expect(r.basis.map((b) => b.document)).toContain('31/2019/NĐ-CP');
  });

  it('especially complex, two extensions: 90 days → Sun 31/5 → Mon 1/6', () => {
    // Given in reverse order: the engine sorts them by date.
    const r = computeDeadline('TC-RESOLVE', { trigger, especiallyComplex: true, extensions: [ext2, ext1] }, generated);
    expect(r.due).toBe('2026-06-01');
    expect(r.totalDuration).toBe(90);
    expect(r.extensions.map((x) => x.decisionNo)).toEqual(['12/QĐ-TTr', '20/QĐ-TTr']);
  });

  it('a shorter extension counts its own days: 30 + 20 = 50 → Tue 21/4', () => {
    expect(due('TC-RESOLVE', { trigger, complex: true, extensions: [{ ...ext1, days: 20 }] })).toBe('2026-04-21');
  });

  it('extends from the unrolled end: Fri 6/3 + 30 = Sun 5/4 (→ Mon 6/4); + 30 more = Tue 5/5, not Wed 6/5', () => {
    // A decision on the rolled last day (Mon 6/4) is still in time.
    const r = computeDeadline(
      'TC-RESOLVE',
      { trigger: '2026-03-06', complex: true, extensions: [{ decisionNo: '5/QĐ', decidedOn: '2026-04-06' }] },
      generated,
    );
    expect(r.due).toBe('2026-05-05');
  });

  it.each<[string, DeadlineInput, DeadlineErrorCode]>([
    ['an ordinary case', { trigger, extensions: [ext1] }, 'DEADLINE_EXTENSION_NOT_ALLOWED'],
    ['a second one when only complex', { trigger, complex: true, extensions: [ext1, ext2] }, 'DEADLINE_EXTENSION_LIMIT'],
    ['a third one', { trigger, especiallyComplex: true, extensions: [ext1, ext2, ext3] }, 'DEADLINE_EXTENSION_LIMIT'],
    [
      'one without a decision number',
      { trigger, complex: true, extensions: [{ decidedOn: '2026-03-30' }] },
      'DEADLINE_EXTENSION_DECISION_REQUIRED',
    ],
    [
      'a blank decision number',
      { trigger, complex: true, extensions: [{ decisionNo: '  ', decidedOn: '2026-03-30' }] },
      'DEADLINE_EXTENSION_DECISION_REQUIRED',
    ],
    ['one longer than 30 days', { trigger, complex: true, extensions: [{ ...ext1, days: 31 }] }, 'DEADLINE_EXTENSION_TOO_LONG'],
    ['one of 0 days', { trigger, complex: true, extensions: [{ ...ext1, days: 0 }] }, 'DEADLINE_EXTENSION_TOO_LONG'],
    [
      'one decided after the deadline (1/4)',
      { trigger, complex: true, extensions: [{ ...ext1, decidedOn: '2026-04-02' }] },
      'DEADLINE_EXTENSION_DATE',
    ],
    [
      'one decided before acceptance',
      { trigger, complex: true, extensions: [{ ...ext1, decidedOn: '2026-03-01' }] },
      'DEADLINE_EXTENSION_DATE',
    ],
    [
      'a second one after the extended deadline (4/5)',
      { trigger, especiallyComplex: true, extensions: [ext1, { ...ext2, decidedOn: '2026-05-05' }] },
      'DEADLINE_EXTENSION_DATE',
    ],
    ['a malformed decision date', { trigger, complex: true, extensions: [{ ...ext1, decidedOn: '30/03/2026' }] }, 'DEADLINE_INVALID_DATE'],
  ])('refuses %s', (_, input, code) => {
    const err = errorOf(() => computeDeadline('TC-RESOLVE', input, generated));
    expect(err.code).toBe(code);
    expect(err.vi).not.toBe(err.en);
    expect(err.message).toBe(`${err.vi} / ${err.en}`);
  });

  it('refuses extensions on a rule that has none', () => {
    const err = errorOf(() => computeDeadline('KN-L1', { trigger, complex: true, extensions: [ext1] }, generated));
    expect(err.code).toBe('DEADLINE_EXTENSION_NOT_ALLOWED');
    expect(err.vi).toBe('Quy tắc KN-L1 không cho phép gia hạn');
  });

  it('tells how many extensions are left', () => {
    const r = computeDeadline('TC-RESOLVE', { trigger, especiallyComplex: true, extensions: [ext1] }, generated);
    expect(r.explanation.some((l) => l.startsWith('Còn được gia hạn tối đa 01 lần, mỗi lần không quá 30 ngày'))).toBe(true);
    const none = computeDeadline('TC-RESOLVE', { trigger }, generated);
    expect(none.explanation.some((l) => l.startsWith('Còn được gia hạn'))).toBe(false);
    // Before any extension, the complexity line says it once.
    const before = computeDeadline('TC-RESOLVE', { trigger, especiallyComplex: true }, generated);
    expect(before.explanation).toContain(
      'Vụ việc đặc biệt phức tạp: thời hạn không đổi; được gia hạn tối đa 02 lần, mỗi lần không quá 30 ngày, bằng quyết định.',
    );
    expect(before.explanation.some((l) => l.startsWith('Còn được gia hạn'))).toBe(false);
  });
});

describe('TC-INITIAL extension to 10 working days (multi-site or delegated verification)', () => {
  it('7 + 3 = 10 working days: after Fri 3/5/2030 come Mon 6 = 8, Tue 7 = 9, Wed 8 = 10', () => {
    const r = computeDeadline('TC-INITIAL', { trigger: '2030-04-22', extensions: [{ decidedOn: '2030-04-26' }] }, generated);
    expect(r.due).toBe('2030-05-08');
    expect(r.totalDuration).toBe(10);
  });

  it('a shorter extension: 7 + 2 → Tue 7/5/2030', () => {
    expect(due('TC-INITIAL', { trigger: '2030-04-22', extensions: [{ decidedOn: '2030-04-26', days: 2 }] })).toBe('2030-05-07');
  });

  it('refuses a second extension or one beyond 10 working days in all', () => {
    const twice = { trigger: '2030-04-22', extensions: [{ decidedOn: '2030-04-26' }, { decidedOn: '2030-05-06' }] };
    expect(errorOf(() => computeDeadline('TC-INITIAL', twice, generated)).code).toBe('DEADLINE_EXTENSION_LIMIT');
    const long = { trigger: '2030-04-22', extensions: [{ decidedOn: '2030-04-26', days: 4 }] };
    expect(errorOf(() => computeDeadline('TC-INITIAL', long, generated)).code).toBe('DEADLINE_EXTENSION_TOO_LONG');
  });
});

describe('suspensions stop the clock', () => {
  it('TC-RESOLVE suspended 10/3 → continued 15/3/2026: 30 + 5 = 35 days → Mon 6/4', () => {
    // Days 11–15/3 are not counted (the suspension day counts; the continuation day does not).
    const r = computeDeadline('TC-RESOLVE', { trigger: '2026-03-02', suspensions: [{ from: '2026-03-10', to: '2026-03-15' }] }, generated);
    expect(r.due).toBe('2026-04-06');
    expect(r.suspensions).toEqual([{ from: '2026-03-10', to: '2026-03-15', excluded: 5 }]);
    expect(r.basis).toContainEqual(expect.objectContaining({ document: '25/2018/QH14', article: 'Điều 34' }));
  });

  it('two suspensions, one decided on the day the previous one ended: 30 + 5 + 3 = 38 → Thu 9/4', () => {
    const r = computeDeadline(
      'TC-RESOLVE',
      {
        trigger: '2026-03-02',
        suspensions: [
          { from: '2026-03-15', to: '2026-03-18' },
          { from: '2026-03-10', to: '2026-03-15' },
        ],
      },
      generated,
    );
    expect(r.due).toBe('2026-04-09');
    expect(r.totalDuration).toBe(38);
  });

  it('a suspension and an extension together: 30 + 5 + 30 = 65 days → Wed 6/5', () => {
    const r = computeDeadline(
      'TC-RESOLVE',
      {
        trigger: '2026-03-02',
        complex: true,
        extensions: [{ decisionNo: '12/QĐ-TTr', decidedOn: '2026-04-03' }], // in time only thanks to the suspension (due 6/4)
        suspensions: [{ from: '2026-03-10', to: '2026-03-15' }],
      },
      generated,
    );
    expect(r.due).toBe('2026-05-06');
    expect(r.explanation).toContain('Tổng thời hạn tính từ ngày xảy ra sự kiện: 30 + 05 + 30 = 65 ngày.');
  });

  it('KN-L1 from 01/07/2026 (version 2) can be suspended: 30 + 10 → Mon 10/8', () => {
    const r = computeDeadline('KN-L1', { trigger: '2026-07-01', suspensions: [{ from: '2026-07-10', to: '2026-07-20' }] }, generated);
    expect(r.ruleVersion).toBe(2);
    expect(r.due).toBe('2026-08-10');
  });

  it('KN-L1 version 1 (accepted before 01/07/2026) had no ground for a suspension before that day', () => {
    const err = errorOf(() =>
      computeDeadline('KN-L1', { trigger: '2026-03-02', suspensions: [{ from: '2026-03-10', to: '2026-03-15' }] }, generated),
    );
    expect(err.code).toBe('DEADLINE_SUSPENSION_TOO_EARLY');
    expect(err.vi).toBe(
      'Quy tắc KN-L1 (phiên bản 1) chỉ có căn cứ tạm đình chỉ từ ngày 01/07/2026 (Điều 22 khoản 1, Nghị định số 155/2026/NĐ-CP); không áp dụng cho quyết định ngày 10/03/2026',
    );
    // The last day before the transitional ground, even for a suspension that runs past it.
    const lastDay = { trigger: '2026-06-15', suspensions: [{ from: '2026-06-30', to: '2026-07-03' }] };
    expect(errorOf(() => computeDeadline('KN-L1', lastDay, generated)).code).toBe('DEADLINE_SUSPENSION_TOO_EARLY');
  });

  it('KN-L1 version 1 suspended from 01/07/2026 (Decree 155/2026 Art. 22(1)): Mon 15/6 + 30 + 10 = Sat 25/7 → Mon 27/7', () => {
    const r = computeDeadline('KN-L1', { trigger: '2026-06-15', suspensions: [{ from: '2026-07-10', to: '2026-07-20' }] }, generated);
    expect([r.ruleVersion, r.totalDuration, r.due]).toEqual([1, 40, '2026-07-27']);
    expect(r.suspensions).toEqual([{ from: '2026-07-10', to: '2026-07-20', excluded: 10 }]);
    expect(r.basis).toContainEqual(expect.objectContaining({ document: '155/2026/NĐ-CP', article: 'Điều 22 khoản 1' }));
    expect(r.explanation).toContain(
      'Căn cứ tạm dừng tính thời hạn: Điều 22 khoản 1, Nghị định số 155/2026/NĐ-CP — quy định chuyển tiếp: vụ việc đã thông báo thụ lý trước ngày 01/07/2026 và chưa có quyết định giải quyết được tạm đình chỉ, đình chỉ theo Nghị định này.',
    );
    // The transitional text is reported, not yet checked against the gazette: the result says so.
    expect(r.confidence).toBe('reported');
    expect(r.explanation.some((l) => l.startsWith('Lưu ý: căn cứ tạm dừng tính thời hạn mới được đưa tin'))).toBe(true);
    // Without the suspension, the same complaint keeps its confirmed 30 days (Wed 15/7).
    const plain = computeDeadline('KN-L1', { trigger: '2026-06-15' }, generated);
    expect([plain.due, plain.confidence]).toEqual(['2026-07-15', 'confirmed']);
  });

  it('KN-L2 version 1 suspended on 01/07/2026 itself: Mon 1/6 + 45 + 5 = Tue 21/7', () => {
    const r = computeDeadline('KN-L2', { trigger: '2026-06-01', suspensions: [{ from: '2026-07-01', to: '2026-07-06' }] }, generated);
    expect([r.ruleVersion, r.totalDuration, r.due]).toEqual([1, 50, '2026-07-21']);
  });

  it('KN-LIMIT excludes obstacle days, both ends included: 90 + 10 = 100 → Wed 15/4/2026', () => {
    const r = computeDeadline('KN-LIMIT', { trigger: '2026-01-05', suspensions: [{ from: '2026-02-01', to: '2026-02-10' }] }, generated);
    expect(r.suspensions[0]?.excluded).toBe(10);
    expect(r.due).toBe('2026-04-15');
  });

  it('an obstacle that began before the trigger loses only the days after it', () => {
    // Obstacle 1/1–10/1/2026, trigger 5/1: days 6–10 are lost (5). 5/1 + 95 = Fri 10/4.
    const r = computeDeadline('KN-LIMIT', { trigger: '2026-01-05', suspensions: [{ from: '2026-01-01', to: '2026-01-10' }] }, generated);
    expect(r.suspensions[0]?.excluded).toBe(5);
    expect(r.due).toBe('2026-04-10');
  });

  it.each<[string, string, DeadlineInput]>([
    [
      'no ground on the rule',
      'DEADLINE_SUSPENSION_NOT_ALLOWED',
      { trigger: '2026-03-02', suspensions: [{ from: '2026-03-03', to: '2026-03-04' }] },
    ],
    ['end before start', 'DEADLINE_SUSPENSION_INVALID', { trigger: '2026-03-02', suspensions: [{ from: '2026-03-15', to: '2026-03-10' }] }],
    [
      'before the acceptance',
      'DEADLINE_SUSPENSION_INVALID',
      { trigger: '2026-03-02', suspensions: [{ from: '2026-03-01', to: '2026-03-10' }] },
    ],
    [
      'overlapping',
      'DEADLINE_SUSPENSION_INVALID',
      {
        trigger: '2026-03-02',
        suspensions: [
          { from: '2026-03-10', to: '2026-03-15' },
          { from: '2026-03-14', to: '2026-03-20' },
        ],
      },
    ],
    [
      'after the deadline',
      'DEADLINE_SUSPENSION_INVALID',
      { trigger: '2026-03-02', suspensions: [{ from: '2026-04-02', to: '2026-04-10' }] },
    ],
    ['malformed', 'DEADLINE_INVALID_DATE', { trigger: '2026-03-02', suspensions: [{ from: '2026-03-10', to: '2026-13-01' }] }],
  ])('refuses a suspension: %s', (_, code, input) => {
    const ruleId = code === 'DEADLINE_SUSPENSION_NOT_ALLOWED' ? 'TC-NOTIFY' : 'TC-RESOLVE';
    expect(errorOf(() => computeDeadline(ruleId, input, generated)).code).toBe(code);
  });
});

describe('months and years (Civil Code Art. 148(3)–(4))', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-12-31', 3, '2027-03-31'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-03-15', -3, '2025-12-15'],
    ['2028-02-29', 24, '2030-02-28'],
  ])('addCalendarMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  it('DC-CONF: work year ends 31/12/2026 → Wed 31/3/2027', () => {
    const r = computeDeadline('DC-CONF', { trigger: '2026-12-31' }, generated);
    expect(r.due).toBe('2027-03-31');
    expect(r.dayType).toBe('months');
    expect(r.countingBasis).toContain('Bộ luật Dân sự số 91/2015/QH13, Điều 148 khoản 3');
    expect(r.explanation).toContain(
      'Sau 03 tháng: ngày tương ứng của tháng cuối cùng là 31/03/2027 (thứ Tư) (Điều 148 khoản 3 BLDS 2015).',
    );
  });

  it('DC-RES-REVIEW: 31/8/2026 + 6 months has no 31/2 → Sun 28/2/2027 → Mon 1/3', () => {
    const r = computeDeadline('DC-RES-REVIEW', { trigger: '2026-08-31' }, generated);
    expect(r.due).toBe('2027-03-01');
    expect(r.explanation).toContain(
      'Sau 06 tháng: tháng 2/2027 không có ngày 31, thời hạn kết thúc vào ngày cuối tháng, 28/02/2027 (Chủ nhật) (Điều 148 khoản 3 BLDS 2015). Ngày này là ngày nghỉ: thời hạn kết thúc vào ngày làm việc tiếp theo (Điều 148 khoản 5 BLDS 2015).',
    );
    expect(r.countingBasis).toContain('Bộ luật Dân sự số 91/2015/QH13, Điều 148 khoản 5');
  });

  it('DC-RES-REVIEW second occurrence is 12 months from the resolution, not chained: Tue 31/8/2027', () => {
    const r = computeDeadline('DC-RES-REVIEW', { trigger: '2026-08-31', occurrence: 2 }, generated);
    expect(r.due).toBe('2027-08-31');
    expect(r.totalDuration).toBe(12);
  });

  it('DC-RES-REVIEW ending on Tết: 6/8/2026 + 6 months = Sat 6/2/2027 (mùng 1) → Fri 12/2', () => {
    expect(due('DC-RES-REVIEW', { trigger: '2026-08-06' })).toBe('2027-02-12');
  });

  it('BTTND-TERM: 2 years from Wed 15/7/2026 = Sat 15/7/2028 → Mon 17/7', () => {
    const r = computeDeadline('BTTND-TERM', { trigger: '2026-07-15' }, generated);
    expect(r.due).toBe('2028-07-17');
    expect(r.countingBasis).toContain('Bộ luật Dân sự số 91/2015/QH13, Điều 148 khoản 4');
  });

  it('BTTND-TERM from 29/2/2028 ends on 28/2/2030 (Thu)', () => {
    expect(due('BTTND-TERM', { trigger: '2028-02-29' })).toBe('2030-02-28');
  });

  it('refuses an occurrence on a rule that does not recur', () => {
    expect(errorOf(() => computeDeadline('DC-CONF', { trigger: '2026-12-31', occurrence: 2 }, generated)).code).toBe(
      'DEADLINE_INVALID_OPTION',
    );
    expect(errorOf(() => computeDeadline('DC-RES-REVIEW', { trigger: '2026-12-31', occurrence: 0 }, generated)).code).toBe(
      'DEADLINE_INVALID_OPTION',
    );
  });
});

describe('input errors', () => {
  it.each(['2026-02-30', '2026-2-1', '01/02/2026', '', '2026-02-01T00:00:00Z'])('a malformed trigger %j', (trigger) => {
    const err = errorOf(() => computeDeadline('TC-INITIAL', { trigger }, generated));
    expect(err.code).toBe('DEADLINE_INVALID_DATE');
    expect(err.vi).toContain('không phải ngày hợp lệ');
    expect(err.en).toContain('is not a valid date');
  });

  it('an unknown rule', () => {
    const err = errorOf(() => computeDeadline('TC-NOPE', { trigger: '2026-03-02' }, generated));
    expect(err.code).toBe('DEADLINE_UNKNOWN_RULE');
    expect(err.message).toBe('Không có quy tắc thời hạn "TC-NOPE" / No deadline rule "TC-NOPE"');
    expect(err.status).toBe(400);
  });

  it('a frequency rule is not a deadline', () => {
    const err = errorOf(() => computeDeadline('TCD-HEAD-FREQ', { trigger: '2026-03-02' }, generated));
    expect(err.code).toBe('DEADLINE_NOT_A_DEADLINE');
    expect(err.vi).toContain('ít nhất 01 buổi mỗi tháng');
  });

  it('a non-boolean flag', () => {
    const input = { trigger: '2026-03-02', remote: 'yes' } as unknown as DeadlineInput;
    expect(errorOf(() => computeDeadline('KN-L1', input, generated)).code).toBe('DEADLINE_INVALID_OPTION');
  });

  it('a provider that ignores the years asked for', () => {
    // Mon 28/12/2026 + 10 working days runs into 2027, which this calendar does not cover.
    const only2026: CalendarProvider = () => calendarForYears([2026]);
    const err = errorOf(() => computeDeadline('TCD-REPLY', { trigger: '2026-12-28' }, only2026));
    expect(err.code).toBe('DEADLINE_CALENDAR_UNAVAILABLE');
    expect(err.vi).toContain('2027');
  });

  it('a calendar that cannot cover the years', () => {
    // 2020 predates the holiday generator (2021–2199) and nothing confirmed it.
    const err = errorOf(() => computeDeadline('KN-L1', { trigger: '2020-03-02' }, generated));
    expect(err.code).toBe('DEADLINE_CALENDAR_UNAVAILABLE');
    expect(err.vi).toContain('2020');
  });
});

describe('the years handed to the calendar provider', () => {
  function yearsAsked(ruleId: string, input: DeadlineInput): number[] {
    let asked: number[] = [];
    computeDeadline(ruleId, input, (years) => {
      asked = years;
      return calendarForYears(years);
    });
    return asked;
  }

  it('covers the next year when a period crosses it, and matches deadlineYears', () => {
    const asked = yearsAsked('TCD-REPLY', { trigger: '2026-12-28' });
    expect(asked).toContain(2026);
    expect(asked).toContain(2027);
    expect(deadlineYears('TCD-REPLY', { trigger: '2026-12-28' })).toEqual(asked);
  });

  it('covers the previous year for a rule counted backwards', () => {
    expect(yearsAsked('BTTND-NOTICE', { trigger: '2027-01-05' })).toEqual([2026, 2027]);
  });

  it('does not ask for a year before the trigger for a forward rule (2021 works with generated data)', () => {
    const asked = yearsAsked('TC-INITIAL', { trigger: '2021-01-04' });
    expect(asked[0]).toBe(2021);
    // Mon 4/1/2021: 5 = 1 … 8 Fri = 4, 11 = 5, 12 = 6, Wed 13 = 7.
    expect(due('TC-INITIAL', { trigger: '2021-01-04' })).toBe('2021-01-13');
  });

  it('covers long suspensions', () => {
    const asked = yearsAsked('TC-RESOLVE', { trigger: '2026-11-02', suspensions: [{ from: '2026-11-10', to: '2027-11-10' }] });
    expect(asked).toEqual([2026, 2027, 2028]);
  });
});

describe('time zone independence', () => {
  it('gives the same dates whatever the host time zone', () => {
    const saved = process.env.TZ;
    try {
      const results = ['Asia/Ho_Chi_Minh', 'Pacific/Kiritimati', 'America/Los_Angeles'].map((tz) => {
        process.env.TZ = tz;
        return [due('TC-INITIAL', { trigger: '2030-04-22' }), due('KN-L1', { trigger: '2026-03-02', remote: true, complex: true })];
      });
      expect(results).toEqual([
        ['2030-05-03', '2026-05-04'],
        ['2030-05-03', '2026-05-04'],
        ['2030-05-03', '2026-05-04'],
      ]);
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('invariants over random triggers (2022–2030, generated calendar)', () => {
  const deadlineRules = DEADLINE_RULES.filter((r) => r.kind === 'deadline');
  const dayRules = [...new Set(deadlineRules.filter((r) => r.unit === 'working_days' || r.unit === 'calendar_days').map((r) => r.id))];
  const arbTrigger = fc.integer({ min: 0, max: 3286 }).map((n) => addDays('2022-01-01', n));
  const cal = calendarForYears([2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031]);

  it('the due date is a working day reached by exactly the rule period', () => {
    fc.assert(
      fc.property(fc.constantFrom(...dayRules), arbTrigger, (ruleId, trigger) => {
        let r: ReturnType<typeof computeDeadline>;
        try {
          r = computeDeadline(ruleId, { trigger }, () => cal);
        } catch (err) {
          // Rules that did not exist yet on that date.
          expect(err instanceof DeadlineError && err.code === 'DEADLINE_NO_RULE_VERSION').toBe(true);
          return;
        }
        expect(cal.isWorkingDay(r.due)).toBe(true);
        if (r.dayType === 'working_days' && r.direction === 'after') {
          expect(cal.countWorkingDays(addDays(trigger, 1), r.due)).toBe(r.duration);
        } else if (r.dayType === 'working_days') {
          expect(cal.countWorkingDays(r.due, addDays(trigger, -1))).toBe(r.duration);
        } else {
          // Calendar days: never before trigger + n; every day skipped after it is a day off.
          const last = addDays(trigger, r.duration);
          expect(diffDays(last, r.due)).toBeGreaterThanOrEqual(0);
          for (let d = last; d < r.due; d = addDays(d, 1)) expect(cal.isWorkingDay(d)).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a weekend-only calendar never returns a Saturday or Sunday', () => {
    const bare = new WorkingCalendar();
    fc.assert(
      fc.property(fc.constantFrom(...dayRules), arbTrigger, (ruleId, trigger) => {
        try {
          const d = computeDeadline(ruleId, { trigger }, () => bare).due;
          expect([0, 6]).not.toContain(dayOfWeek(d));
        } catch (err) {
          expect(err instanceof DeadlineError && err.code === 'DEADLINE_NO_RULE_VERSION').toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
