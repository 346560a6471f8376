import { describe, expect, it } from 'vitest';
import { countStandings, type ReportStatus, reportStanding } from './standing';

// The plan's deadline "trước ngày 11/6/2021" is recorded as dueOn 2021-06-11.
const due = '2021-06-11';

describe('where a report stands against its deadline (one definition everywhere)', () => {
  it.each<[string, ReportStatus, string | null, string, boolean, number | null]>([
    // today, status, first submitted, → timeliness, owed, lateDays
    ['2021-06-01', 'not_started', null, 'not_due', true, null],
    ['2021-06-10', 'draft', null, 'not_due', true, null],
    ['2021-06-11', 'draft', null, 'overdue', true, 1],
    ['2021-06-20', 'not_started', null, 'overdue', true, 10],
    ['2021-06-20', 'submitted', '2021-06-10', 'on_time', false, 0],
    ['2021-06-20', 'accepted', '2021-06-11', 'late', false, 1],
    ['2021-06-20', 'accepted', '2021-06-16', 'late', false, 6],
    // Returned and sent again after the deadline: the first submission (on time) counts.
    ['2021-06-20', 'submitted', '2021-06-04', 'on_time', false, 0],
    ['2021-06-20', 'accepted', '2021-06-04', 'on_time', false, 0],
    // Returned, not yet sent again: owed, but not "overdue" — it was sent on time.
    ['2021-06-20', 'returned', '2021-06-04', 'on_time', true, 0],
    ['2021-06-20', 'returned', '2021-06-15', 'late', true, 5],
    // Years later, still the calendar days from the deadline (never "—").
    ['2026-07-06', 'submitted', '2026-07-06', 'late', false, 1852],
  ])('on %s a %s report first sent %s is %s', (today, status, first, timeliness, owed, lateDays) => {
    expect(reportStanding(due, today, status, first)).toEqual({ timeliness, owed, lateDays });
  });

  it('counts every unit in exactly one status bucket, and the deadline counts over the same units', () => {
    const today = '2021-06-20';
    const rows = (
      [
        ['accepted', '2021-06-04'],
        ['accepted', '2021-06-16'],
        ['submitted', '2021-06-10'],
        ['returned', '2021-06-09'],
        ['draft', null],
        ['not_started', null],
      ] as [ReportStatus, string | null][]
    ).map(([status, first]) => ({ status, standing: reportStanding(due, today, status, first) }));
    const c = countStandings(rows);
    expect(c).toEqual({ units: 6, accepted: 2, submitted: 1, returned: 1, notSent: 2, owed: 3, late: 1, overdue: 2 });
    expect(c.accepted + c.submitted + c.returned + c.notSent).toBe(c.units);
  });
});
