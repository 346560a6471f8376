/**
 * A task's progress per unit, and how it rolls up (issue #14 point 4). Pure functions: no I/O.
 *
 * Each unit on a task — the lead unit (chủ trì) and every co-operating unit (phối hợp) — records
 * its own progress; one unit's report never overwrites another's. The task's progress is the
 * **lead unit's** latest reported progress, and the task is done only when the lead unit reports
 * it done. Why this rule and not an average: the plan assigns each task to one unit that "chủ trì"
 * (leads and answers for the result) and others that "phối hợp" (contribute their part) — Kế
 * hoạch 2021 of the demo agency, part III "Tổ chức thực hiện", as every plan under Decree
 * 30/2020/NĐ-CP Annex III writes its assignments; the lead unit is the one that reports the task
 * to the Office. A co-operating unit's 70% is shown beside the lead's 40%, and is not the task's.
 */

export type UnitProgress = {
  unit: { id: string; name: string };
  role: 'lead' | 'co';
  /** The unit's latest report, or null while it has reported nothing. */
  progress: number | null;
  status: string | null;
  reportedOn: string | null;
};

export type LatestUpdate = { unitId: string; progress: number; status: string; reportedOn: string };

/** Every unit on the task, lead first, with its latest report. */
export function unitProgress(
  task: { leadUnitId: string; coUnitIds: string[] },
  latest: LatestUpdate[],
  names: Map<string, string>,
): UnitProgress[] {
  const of = (id: string, role: 'lead' | 'co'): UnitProgress => {
    const u = latest.find((x) => x.unitId === id);
    return {
      unit: { id, name: names.get(id) ?? '' },
      role,
      progress: u?.progress ?? null,
      status: u?.status ?? null,
      reportedOn: u?.reportedOn ?? null,
    };
  };
  const cos = [...new Set([...task.coUnitIds, ...latest.map((l) => l.unitId)])].filter((id) => id !== task.leadUnitId);
  return [of(task.leadUnitId, 'lead'), ...cos.map((id) => of(id, 'co'))];
}

/**
 * The task's progress and status after a unit reports: the lead unit's report sets them; a
 * co-operating unit's report leaves the progress alone and only marks a task not started as in
 * progress (work has begun).
 */
export function rollUp(
  task: { leadUnitId: string; progress: number; status: string },
  report: { unitId: string; progress: number; status: 'in_progress' | 'done' },
): { progress: number; status: string } {
  if (report.unitId === task.leadUnitId) return { progress: report.progress, status: report.status };
  return { progress: task.progress, status: task.status === 'not_started' ? 'in_progress' : task.status };
}

/** A plan's overall progress: one definition for the plan page, the dashboard and the consolidated report (issue #14 point 1). */
export type OverallProgress = {
  /** Mean of the tasks' progress, a task done counting 100%; null without tasks. */
  percent: number | null;
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
};

/**
 * Counted by task, each task weighing the same (the plan gives tasks no weights): the mean of
 * their progress — the lead unit's, see `rollUp` — a task reported done counting 100%. Cancelled
 * tasks are left out: they are no longer part of the plan's work.
 */
export function overallProgress(tasks: readonly { status: string; progress: number; dueState?: string }[]): OverallProgress {
  const live = tasks.filter((t) => t.status !== 'cancelled');
  const done = live.filter((t) => t.status === 'done').length;
  const sum = live.reduce((s, t) => s + (t.status === 'done' ? 100 : t.progress), 0);
  return {
    percent: live.length ? Math.round(sum / live.length) : null,
    total: live.length,
    done,
    inProgress: live.filter((t) => t.status === 'in_progress').length,
    notStarted: live.filter((t) => t.status === 'not_started').length,
    overdue: live.filter((t) => t.dueState === 'overdue').length,
  };
}
