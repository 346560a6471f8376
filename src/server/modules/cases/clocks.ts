/** A case's statutory deadlines on the agency's calendar: computed, stored, and the limitation of a complaint (DOMAIN.md §7.3). */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { compareIsoDates } from '../../../domain';
import { DeadlineError, computeDeadline, deadlineYears, secondComplaintWindowStart } from '../../../domain/deadlines';
import { OPEN_CASE_STATUSES, type TCase, type TCaseDeadline } from '../../../contracts/cases';
import type { Tx } from '../../platform/db';
import { workingCalendarFor } from '../calendar';
import { caseDeadlineSpecs, computeCaseDeadlines, yearsOf, type EventFact } from './deadlines';
import { caseDeadlines, cases } from './tables';
import { markCaseStats } from './queries/statistics';
import { type CaseRow, loadCase, eventsOf, factsOf } from './records';

/** Compute a case's deadlines on the agency's calendar (no writes). */
export async function computeDeadlinesOf(
  tx: Tx,
  c: CaseRow,
  events: EventFact[],
  today: string,
  opts: { lenient?: boolean } = {},
): Promise<TCaseDeadline[]> {
  const specs = caseDeadlineSpecs(factsOf(c), events, today);
  const years = yearsOf(specs);
  if (!years.length) return [];
  const cal = await workingCalendarFor(tx, years);
  return computeCaseDeadlines(specs, () => cal, today, c.status, opts);
}

/** The stored row of a computed deadline of a case (one shape for the per-case and the batch refresh). */
export function deadlineRow(c: Pick<CaseRow, 'tenantId' | 'id'>, d: TCaseDeadline): typeof caseDeadlines.$inferInsert {
  return {
    tenantId: c.tenantId,
    caseId: c.id,
    ruleId: d.ruleId,
    ruleVersion: d.ruleVersion,
    title: d.title,
    titleEn: d.titleEn,
    trigger: d.trigger,
    due: d.due,
    status: d.status,
    metOn: d.metOn,
    explanation: d.explanation,
    basis: d.basis,
  };
}

/**
 * Recompute and store a case's deadlines. Returns the due dates that moved (rule → [before, after]).
 */
export async function refreshDeadlines(
  tx: Tx,
  c: CaseRow,
  today: string,
  opts: { lenient?: boolean } = {},
): Promise<{ ruleId: string; before: string; after: string; status: string }[]> {
  const events = (await eventsOf(tx, c.id)).map((e) => ({
    type: e.type,
    on: e.on,
    decisionNo: e.decisionNo,
    data: e.data as Record<string, unknown>,
  }));
  const computed = await computeDeadlinesOf(tx, c, events, today, opts);
  const old = await tx.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, c.id));
  const moved: { ruleId: string; before: string; after: string; status: string }[] = [];
  for (const d of computed) {
    const prev = old.find((o) => o.ruleId === d.ruleId);
    if (prev && prev.due !== d.due) moved.push({ ruleId: d.ruleId, before: prev.due, after: d.due, status: d.status });
  }
  await tx.delete(caseDeadlines).where(eq(caseDeadlines.caseId, c.id));
  if (computed.length) {
    await tx.insert(caseDeadlines).values(computed.map((d) => deadlineRow(c, d)));
  }
  // Every write of a case ends here: its month of the statistics is to be recounted (issue #17).
  await markCaseStats(tx, c.tenantId, [c.receivedOn]);
  return moved;
}

/** The limitation check of a complaint (Law 02/2011 Art. 9; second instance: Art. 33). */
export async function limitationOf(tx: Tx, c: CaseRow): Promise<TCase['limitation']> {
  if (c.kind !== 'complaint') return null;
  let ruleId: string;
  let input: Parameters<typeof computeDeadline>[1];
  let preface: string[] = [];
  if (c.instance === 2 && c.firstInstanceId) {
    const first = await loadCase(tx, c.firstInstanceId);
    const firstDeadline = (
      await tx
        .select()
        .from(caseDeadlines)
        .where(and(eq(caseDeadlines.caseId, first.id), eq(caseDeadlines.ruleId, 'KN-L1')))
    )[0];
    // Law 02/2011 Art. 33: from the day the complainant received the first decision, or from the
    // first-instance deadline when no decision came; never from the decision's own date.
    const start = secondComplaintWindowStart({
      decidedOn: first.decidedOn,
      decisionReceivedOn: first.decisionReceivedOn,
      firstInstanceDue: firstDeadline?.due ?? null,
    });
    if (start.trigger === null) return { due: null, expired: false, explanation: [start.reason] };
    ruleId = 'KN-L2-WINDOW';
    input = { trigger: start.trigger, remote: c.remote };
    preface = [start.text];
  } else {
    if (!c.knowledgeOn) return null;
    ruleId = 'KN-LIMIT';
    input = { trigger: c.knowledgeOn, suspensions: c.obstacleFrom && c.obstacleTo ? [{ from: c.obstacleFrom, to: c.obstacleTo }] : [] };
  }
  try {
    const cal = await workingCalendarFor(tx, deadlineYears(ruleId, input));
    const r = computeDeadline(ruleId, input, () => cal);
    return { due: r.due, expired: compareIsoDates(c.receivedOn, r.due) > 0, explanation: [...preface, ...r.explanation] };
  } catch (e) {
    if (e instanceof DeadlineError) return null; // no rule in force on that date: nothing to compute
    throw e;
  }
}

/** Open cases, and ended ones with a duty still running (sending the decision): their ids, in a stable order (batches). */
export async function caseIdsWithRunningClocks(tx: Tx): Promise<string[]> {
  const rows = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(
      or(
        inArray(cases.status, [...OPEN_CASE_STATUSES]),
        sql`exists (select 1 from case_deadlines d where d.case_id = ${cases.id} and d.status = 'open')`,
      ),
    )
    .orderBy(cases.id);
  return rows.map((r) => r.id);
}
