import { describe, expect, it } from 'vitest';
import { calendarForYears } from '../../../domain';
import type { CalendarProvider } from '../../../domain/deadlines';
import { CATEGORY_RULES, minimumPostedUntil, publishBy, sweepVerdict, type SweepFacts } from './rules';

const generated: CalendarProvider = (years) => calendarForYears(years);

describe('publish-by = decision + 5 working days (Art. 47(2), DC-PUBLISH)', () => {
  it.each([
    // An ordinary week: Mon 7/12/2026 → 8, 9, 10, 11, Mon 14 = 5th working day.
    ['2026-12-07', '2026-12-14'],
    // Decided on a Friday: the weekend does not count. Fri 4/12/2026 → 7, 8, 9, 10, Fri 11.
    ['2026-12-04', '2026-12-11'],
    // Across Tết 2027 (5–11/2 off): Thu 4/2/2027 → 12, 15, 16, 17, Thu 18/2.
    ['2027-02-04', '2027-02-18'],
    // Decided on the eve of Tết: Mon 1/2/2027 → 2, 3, 4, 12, Mon 15/2.
    ['2027-02-01', '2027-02-15'],
    // Giỗ Tổ, 30/4 and 1/5 2026: Fri 24/4 → 28, 29/4, 4, 5, Wed 6/5.
    ['2026-04-24', '2026-05-06'],
    // National Day 2026 (1–2/9): Fri 28/8 → 31/8, 3, 4, 7, Tue 8/9.
    ['2026-08-28', '2026-09-08'],
    // New Year: Wed 30/12/2026 → 31/12, (1/1 off) 4, 5, 6, Thu 7/1/2027.
    ['2026-12-30', '2027-01-07'],
  ])('decided %s → publish by %s', (decided, expected) => {
    const r = publishBy(decided, generated);
    expect(r.due).toBe(expected);
    expect(r.explanation.join(' ')).toMatch(/Điều 47|DC-PUBLISH/);
  });
});

describe('minimum posting period (Art. 48(1); Art. 13(2) at commune level; DC-POST-MIN)', () => {
  it.each([
    // 20 consecutive days, the first day of posting not counted: Tue 1/12/2026 + 20 = Mon 21/12.
    ['2026-12-01', false, '2026-12-21'],
    // Ending on a Sunday rolls to Monday: Mon 16/11/2026 + 20 = Sun 6/12 → Mon 7/12.
    ['2026-11-16', false, '2026-12-07'],
    // Ending in Tết 2027 rolls past it: Sat 16/1/2027 + 20 = Fri 5/2 (29 Chạp) → Fri 12/2.
    ['2027-01-16', false, '2027-02-12'],
    // Giỗ Tổ 2026: Mon 6/4 + 20 = Sun 26/4 → Mon 27/4 (in lieu) → Tue 28/4.
    ['2026-04-06', false, '2026-04-28'],
    // Commune tenants: 30 days. Mon 6/4/2026 + 30 = Wed 6/5.
    ['2026-04-06', true, '2026-05-06'],
    // Commune, Tue 1/12/2026 + 30 = Thu 31/12.
    ['2026-12-01', true, '2026-12-31'],
  ])('posted %s (commune %s) → stays at least until %s', (posted, commune, expected) => {
    expect(minimumPostedUntil(posted, commune, generated).due).toBe(expected);
  });
});

describe('the sweep', () => {
  const base: SweepFacts = { status: 'posted', publishBy: '2026-11-06', postedUntil: '2026-12-01', keepPosted: false, source: null };
  it.each<[string, Partial<SweepFacts>, string, 'withdraw' | 'publish-overdue' | null, RegExp | null]>([
    ['posted, period ran the day before', {}, '2026-12-02', 'withdraw', /01\/12\/2026.*Điều 48/],
    ['posted, last day of the period', {}, '2026-12-01', null, null],
    ['posted, period ran but meant to stay', { keepPosted: true }, '2027-03-01', null, null],
    [
      'source replaced: withdrawn at once, even inside its period',
      { source: { symbol: '04/2015/NĐ-CP', status: 'replaced', replacedBy: '10/2022/QH15' } },
      '2026-11-20',
      'withdraw',
      /04\/2015\/NĐ-CP đã được thay thế bởi 10\/2022\/QH15/,
    ],
    [
      'source replaced: withdrawn even when meant to stay',
      { keepPosted: true, source: { symbol: '04/2015/NĐ-CP', status: 'replaced', replacedBy: null } },
      '2026-11-20',
      'withdraw',
      /đã được thay thế/,
    ],
    ['source expired', { source: { symbol: '246-CV/TU', status: 'expired', replacedBy: null } }, '2026-11-20', 'withdraw', /hết hiệu lực/],
    ['source amended stays', { source: { symbol: 'X', status: 'amended', replacedBy: null } }, '2026-11-20', null, null],
    ['draft past publish-by', { status: 'draft', postedUntil: null }, '2026-11-07', 'publish-overdue', /06\/11\/2026.*Điều 47/],
    ['draft on its publish-by day', { status: 'draft', postedUntil: null }, '2026-11-06', null, null],
    ['withdrawn items are left alone', { status: 'withdrawn' }, '2027-01-01', null, null],
  ])('%s', (_name, facts, at, action, reason) => {
    const v = sweepVerdict({ ...base, ...facts }, at);
    expect(v?.action ?? null).toBe(action);
    if (reason) expect(v!.reason).toMatch(reason);
  });
});

describe('categories', () => {
  it('covers the twelve of Art. 46, personnel and consultation explanations staying internal', () => {
    expect(Object.keys(CATEGORY_RULES)).toHaveLength(12);
    expect(CATEGORY_RULES[6].mayBePublic).toBe(false);
    expect(CATEGORY_RULES[10].mayBePublic).toBe(false);
    expect(CATEGORY_RULES[3].defaultAudience).toBe('public');
    expect(CATEGORY_RULES[2].defaultAudience).toBe('staff');
  });
});
