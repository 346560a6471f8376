/**
 * Rule tables of the People's Inspection Board (issue #11): eligibility, member counts, the
 * deputy limit, majority, the notice 5 working days before across holidays, the 15-day reply.
 */
import { describe, expect, it } from 'vitest';
import { calendarForYears } from '../../../domain';
import type { CalendarProvider } from '../../../domain/deadlines';
import { boardDeadline, earliestStart } from './deadlines';
import {
  monthsBefore,
  boardAllowed,
  carries,
  compositionProblems,
  deputyLimit,
  eligibilityProblems,
  type MemberRole,
  periodRange,
  recommendationStatus,
} from './rules';

const generated: CalendarProvider = (years) => calendarForYears(years);
const staff = { worksInAgency: true, isHead: false, isDeputyHead: false, isChiefAccountant: false };

describe('eligibility (Law 10/2022 Art. 60(2))', () => {
  it.each([
    ['a civil servant of the agency', staff, []],
    ['someone from outside', { ...staff, worksInAgency: false }, ['not_staff']],
    ['the head', { ...staff, isHead: true }, ['head']],
    ['a deputy head', { ...staff, isDeputyHead: true }, ['deputy_head']],
    ['the chief accountant', { ...staff, isChiefAccountant: true }, ['chief_accountant']],
    [
      'an outsider who is chief accountant elsewhere',
      { ...staff, worksInAgency: false, isChiefAccountant: true },
      ['not_staff', 'chief_accountant'],
    ],
  ] as const)('%s → %j', (_, c, expected) => {
    expect(eligibilityProblems(c)).toEqual(expected);
  });
});

describe('a board at all (Art. 60(1))', () => {
  it.each([
    [7, false, false],
    [7, true, true],
    [3, true, true],
    [8, false, true],
    [98, false, true],
  ])('%i staff, upper union decided %s → %s', (n, decided, expected) => {
    expect(boardAllowed(n, decided)).toBe(expected);
  });
});

const board = (chairs: number, deputies: number, members: number): MemberRole[] => [
  ...Array<MemberRole>(chairs).fill('chair'),
  ...Array<MemberRole>(deputies).fill('deputy'),
  ...Array<MemberRole>(members).fill('member'),
];

describe('composition (Art. 60(1); Decree 59/2023 Art. 21(2)(3))', () => {
  it.each([
    ['2 members', board(1, 0, 1), false, ['too_few']],
    ['3 members', board(1, 0, 2), false, []],
    ['5 members, 1 deputy', board(1, 1, 3), false, []],
    ['5 members, 2 deputies', board(1, 2, 2), false, ['deputies']],
    ['8 members, 2 deputies', board(1, 2, 5), false, ['deputies']],
    ['9 members, 2 deputies', board(1, 2, 6), false, []],
    ['9 members, 3 deputies', board(1, 3, 5), false, ['deputies']],
    ['10 members without a decision', board(1, 2, 7), false, ['too_many']],
    ['10 members by conference decision', board(1, 2, 7), true, []],
    ['two chairs', board(2, 0, 3), false, ['chairs']],
    ['no chair yet (elected before the board meets)', board(0, 0, 5), false, []],
  ] as const)('%s → %j', (_, roles, decided, expected) => {
    expect(compositionProblems(roles, decided)).toEqual(expected);
  });
  it.each([
    [3, 1],
    [8, 1],
    [9, 2],
    [15, 2],
  ])('a board of %i may have %i deputies', (n, limit) => expect(deputyLimit(n)).toBe(limit));
});

describe('majority (Decree 59/2023 Art. 20)', () => {
  it.each([
    [3, 5, true],
    [2, 5, false],
    [2, 4, false],
    [3, 4, true],
    [0, 0, false],
  ])('%i for of %i sitting → %s', (votes, members, expected) => expect(carries(votes, members)).toBe(expected));
});

describe('notice at least 05 working days before (BTTND-NOTICE, Decree 59/2023 Art. 22)', () => {
  it.each([
    // An ordinary week: before Mon 14/9/2026 → Mon 7/9.
    ['2026-09-14', '2026-09-07'],
    // Across National Day (1–2/9/2026 off): before Mon 7/9 → 31/8 Mon, skipping 1 and 2/9.
    ['2026-09-07', '2026-08-27'],
    // Across Tết 2027: before Fri 12/2/2027 → Fri 29/1.
    ['2027-02-12', '2027-01-29'],
    // Across Giỗ Tổ, 30/4 and 1/5/2026: before Mon 4/5 → Wed 22/4.
    ['2026-05-04', '2026-04-22'],
  ])('an activity starting %s is notified no later than %s', (start, latest) => {
    expect(boardDeadline('BTTND-NOTICE', start, generated).due).toBe(latest);
  });
  it.each([
    // Planned on Mon 7/9/2026: before Sat 12/9 the working days are 11, 10, 9, 8 and 7/9 (today):
    // the earliest start is Sat 12/9 (Fri 11/9 would need notice by Fri 4/9).
    ['2026-09-07', '2026-09-12'],
    // Planned on Fri 28/8/2026: 31/8, 3, 4, 7, 8/9 (1–2/9 off) → Tue 8/9.
    ['2026-08-28', '2026-09-08'],
  ])('planned on %s, the earliest lawful start is %s', (today, start) => {
    const s = earliestStart(today, generated);
    expect(s).toBe(start);
    expect(boardDeadline('BTTND-NOTICE', s, generated).due >= today).toBe(true);
  });
});

describe('the head answers within 15 days (BTTND-REPLY, Law 10/2022 Art. 63(1)(c))', () => {
  it.each([
    // Fri 6/3/2026 + 15 = Sat 21/3 → Mon 23/3.
    ['2026-03-06', '2026-03-23'],
    // Thu 4/2/2027 + 15 = Fri 19/2.
    ['2027-02-04', '2027-02-19'],
    // Thu 16/4/2026 + 15 = Fri 1/5 (holiday) → Mon 4/5.
    ['2026-04-16', '2026-05-04'],
  ])('received %s → answer by %s', (received, due) => {
    expect(boardDeadline('BTTND-REPLY', received, generated).due).toBe(due);
  });
  it.each([
    ['2026-03-23', null, '2026-03-23', 'open'],
    ['2026-03-23', null, '2026-03-24', 'overdue'],
    ['2026-03-23', '2026-03-23', '2026-04-30', 'answered'],
    ['2026-03-23', '2026-03-25', '2026-04-30', 'answered_late'],
  ] as const)('due %s, answered %s, on %s → %s', (due, answered, today, status) => {
    expect(recommendationStatus(due, answered, today)).toBe(status);
  });
});

describe('term and recognition', () => {
  it('a term that starts on Mon 3/3/2025 ends on Tue 3/3/2027 (BTTND-TERM, Art. 60(3))', () => {
    expect(boardDeadline('BTTND-TERM', '2025-03-03', generated).due).toBe('2027-03-03');
  });
  it('an election on Fri 9/1/2026 is recognised by Fri 16/1 (BTTND-RECOG, Decree 59/2023 Art. 21(1))', () => {
    expect(boardDeadline('BTTND-RECOG', '2026-01-09', generated).due).toBe('2026-01-16');
  });
  it.each([
    ['q1', '2026-01-01', '2026-03-31'],
    ['h2', '2026-07-01', '2026-12-31'],
    ['year', '2026-01-01', '2026-12-31'],
  ] as const)('period %s of 2026 runs %s – %s', (p, from, to) => expect(periodRange(2026, p)).toEqual({ from, to }));
});

describe('monthsBefore: the start of "trained in the last N months" (seed plan II.9)', () => {
  it.each([
    ['2026-12-07', 24, '2024-12-07'],
    ['2026-12-07', 1, '2026-11-07'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2028-02-29', 24, '2026-02-28'],
    ['2026-01-15', 13, '2024-12-15'],
    ['2026-05-10', 120, '2016-05-10'],
  ])('%s minus %i months is %s', (today, n, since) => {
    expect(monthsBefore(today, n)).toBe(since);
  });
});
