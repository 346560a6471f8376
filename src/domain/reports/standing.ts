/**
 * Where a unit's report stands against its cycle's deadline: the one definition of "late" and
 * "not sent" (issue #14 point 3) that the cycles list, the cycle page, the units × cycles matrix,
 * the consolidated report, the reminders and the CLI all use. Pure functions: no I/O.
 *
 * The rule, from the plan's own wording ("báo cáo … trước ngày 11/6", Kế hoạch section IV; the
 * deadline a cycle records as `dueOn`):
 * - a report is **late** when its FIRST submission was on or after `dueOn`; its lateness is the
 *   calendar days from `dueOn` to that first submission, plus one (submitted on 11/6 for "before
 *   11/6" is 1 day late). A report returned for correction and sent again keeps the lateness of
 *   its first submission: the unit met (or missed) the deadline when it first reported, and the
 *   Office's review time is not the unit's delay;
 * - a report is **not sent** while the unit still owes it: not started, a draft, or returned for
 *   correction and not yet sent again (the reminders go to exactly these units);
 * - a report not sent is **overdue** once `dueOn` has come, by the days since, counted the same
 *   way; before that it is **not yet due**.
 */

/** The workflow state of a unit's report in a cycle; `not_started` when the unit has not opened it. */
export type ReportStatus = 'not_started' | 'draft' | 'submitted' | 'returned' | 'accepted';

export type Timeliness = 'on_time' | 'late' | 'overdue' | 'not_due';

export type Standing = {
  /** The unit still owes the report (not started, draft, or returned and not yet sent again). */
  owed: boolean;
  timeliness: Timeliness;
  /** Late: days late at the first submission; overdue: days overdue so far; on time: 0; not yet due: null. */
  lateDays: number | null;
};

/** Calendar days late on `day` for a report due "before `dueOn`": 0 before `dueOn`, 1 on it. */
export function daysLate(dueOn: string, day: string): number {
  const d = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.max(0, Math.round((d(day) - d(dueOn)) / 86_400_000) + 1);
}

/** Where a report stands on `today`; `firstSubmittedOn` is the day it was first sent (kept through returns), or null. */
export function reportStanding(dueOn: string, today: string, status: ReportStatus, firstSubmittedOn: string | null): Standing {
  const owed = status === 'not_started' || status === 'draft' || status === 'returned';
  if (firstSubmittedOn) {
    const days = daysLate(dueOn, firstSubmittedOn);
    return { owed, timeliness: days > 0 ? 'late' : 'on_time', lateDays: days };
  }
  const days = daysLate(dueOn, today);
  return days > 0 ? { owed, timeliness: 'overdue', lateDays: days } : { owed, timeliness: 'not_due', lateDays: null };
}

/**
 * The counts of a cycle, every unit in exactly one status bucket (`accepted + submitted +
 * returned + notSent` = units), and the deadline counts over the same units: `late` (sent late),
 * `overdue` (never sent and past the deadline). `owed` = `returned + notSent` (who gets reminded).
 */
export type StandingCounts = {
  units: number;
  accepted: number;
  submitted: number;
  returned: number;
  notSent: number;
  owed: number;
  late: number;
  overdue: number;
};

export function countStandings(rows: { status: ReportStatus; standing: Standing }[]): StandingCounts {
  const n = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length;
  return {
    units: rows.length,
    accepted: n((r) => r.status === 'accepted'),
    submitted: n((r) => r.status === 'submitted'),
    returned: n((r) => r.status === 'returned'),
    notSent: n((r) => r.status === 'not_started' || r.status === 'draft'),
    owed: n((r) => r.standing.owed),
    late: n((r) => r.standing.timeliness === 'late'),
    overdue: n((r) => r.standing.timeliness === 'overdue'),
  };
}
