import { describe, expect, it } from 'vitest';
import { dueState, nextDue, occurrences } from './schedule';

describe('task schedules', () => {
  it('expands "every 6 months" within the plan year from its first date', () => {
    expect(occurrences({ dueOn: '2021-06-10', recurrence: { kind: 'every_months', months: 6 } }, 2021)).toEqual([
      '2021-06-10',
      '2021-12-10',
    ]);
    expect(occurrences({ dueOn: null, recurrence: { kind: 'every_months', months: 3 } }, 2021)).toEqual([
      '2021-04-01',
      '2021-07-01',
      '2021-10-01',
    ]);
  });

  it('ends a month period on the last day of a shorter month (Civil Code Art. 148)', () => {
    expect(occurrences({ dueOn: '2021-08-31', recurrence: { kind: 'every_months', months: 6 } }, 2021)).toEqual([
      '2021-02-28',
      '2021-08-31',
    ]);
  });

  it('puts "before 11/11 each year" on 11/11 of the plan year', () => {
    expect(occurrences({ dueOn: null, recurrence: { kind: 'yearly_before', month: 11, day: 11 } }, 2021)).toEqual(['2021-11-11']);
    expect(occurrences({ dueOn: null, recurrence: { kind: 'yearly_before', month: 2, day: 29 } }, 2021)).toEqual(['2021-02-28']);
  });

  it('flags overdue and due-soon work, never a done task', () => {
    const dates = ['2021-06-10', '2021-12-10'];
    expect(nextDue(dates, '2021-06-05')).toBe('2021-06-10');
    expect(nextDue(dates, '2021-12-11')).toBe('2021-12-10');
    expect(dueState('in_progress', '2021-06-10', '2021-06-05')).toBe('due_soon');
    expect(dueState('in_progress', '2021-06-10', '2021-05-20')).toBe('on_track');
    expect(dueState('not_started', '2021-06-10', '2021-06-11')).toBe('overdue');
    expect(dueState('done', '2021-06-10', '2021-06-11')).toBe('done');
    expect(dueState('in_progress', null, '2021-06-11')).toBe('no_deadline');
  });
});
