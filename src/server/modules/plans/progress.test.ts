import { describe, expect, it } from 'vitest';
import { overallProgress, rollUp, unitProgress } from './progress';

const lead = 'qlkh';
const co = 'vp';

describe('task progress per unit, rolled up by the lead unit (issue #14 point 4)', () => {
  it.each([
    // task before, reporting unit, report → task after
    [{ progress: 0, status: 'not_started' }, lead, { progress: 40, status: 'in_progress' }, { progress: 40, status: 'in_progress' }],
    [{ progress: 40, status: 'in_progress' }, co, { progress: 70, status: 'in_progress' }, { progress: 40, status: 'in_progress' }],
    [{ progress: 40, status: 'in_progress' }, co, { progress: 100, status: 'done' }, { progress: 40, status: 'in_progress' }],
    [{ progress: 0, status: 'not_started' }, co, { progress: 30, status: 'in_progress' }, { progress: 0, status: 'in_progress' }],
    [{ progress: 40, status: 'in_progress' }, lead, { progress: 100, status: 'done' }, { progress: 100, status: 'done' }],
  ] as const)('%o + %s reports %o → %o', (before, unitId, report, after) => {
    expect(rollUp({ leadUnitId: lead, ...before }, { unitId, ...report })).toEqual(after);
  });

  it('lists the lead first, then every co-operating unit, with null until it reports', () => {
    const names = new Map([
      [lead, 'Phòng Quản lý khoa học'],
      [co, 'Văn phòng Sở'],
      ['tt', 'Thanh tra Sở'],
    ]);
    const rows = unitProgress(
      { leadUnitId: lead, coUnitIds: [co, 'tt'] },
      [
        { unitId: co, progress: 70, status: 'in_progress', reportedOn: '2021-05-02' },
        { unitId: lead, progress: 40, status: 'in_progress', reportedOn: '2021-05-01' },
      ],
      names,
    );
    expect(rows.map((r) => [r.unit.name, r.role, r.progress])).toEqual([
      ['Phòng Quản lý khoa học', 'lead', 40],
      ['Văn phòng Sở', 'co', 70],
      ['Thanh tra Sở', 'co', null],
    ]);
  });
});

describe("a plan's overall progress, counted by task (issue #14 point 1)", () => {
  it('averages the tasks, a done task counting 100%, and leaves cancelled tasks out', () => {
    expect(
      overallProgress([
        { status: 'done', progress: 80 },
        { status: 'in_progress', progress: 40, dueState: 'overdue' },
        { status: 'not_started', progress: 0 },
        { status: 'cancelled', progress: 0 },
      ]),
    ).toEqual({ percent: 47, total: 3, done: 1, inProgress: 1, notStarted: 1, overdue: 1 });
  });
  it('has no percentage without tasks', () => {
    expect(overallProgress([{ status: 'cancelled', progress: 10 }])).toEqual({
      percent: null,
      total: 0,
      done: 0,
      inProgress: 0,
      notStarted: 0,
      overdue: 0,
    });
  });
});
