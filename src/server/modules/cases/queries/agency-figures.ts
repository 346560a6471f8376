/**
 * The agency's citizen-reception and case figures of a period, for the consolidated report the
 * Office signs (issue #14 point 1): what the whole agency received and resolved, not only what
 * the units that reported had assigned. Aggregated in SQL; no case is loaded.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../../platform/db';
import { caseIndicators } from './statistics';

export type AgencyCaseFigures = {
  /** Cases received in the period, by kind. */
  received: { total: number; complaint: number; denunciation: number; petition: number; feedback: number };
  accepted: number;
  resolved: number;
  resolvedOnTime: number;
  /** A statutory deadline missed and not met, as of the period's end. */
  overdue: number;
  reception: {
    /** Reception sessions held (Law 42/2013 Arts. 12–13). */
    sessionsHeld: number;
    /** Lines of the register book (lượt tiếp, Art. 25) and the people received (groups counted by size). */
    visits: number;
    people: number;
  };
};

/** The agency's figures for the period `from`–`to` (inclusive). */
export async function agencyCaseFigures(tx: Tx, from: string, to: string): Promise<AgencyCaseFigures> {
  const ci = await caseIndicators(tx, from, to);
  const [k] = rowsOf<{ complaint: number; denunciation: number; petition: number; feedback: number }>(
    await tx.execute(sql`
      select
        count(*) filter (where kind = 'complaint')::int as complaint,
        count(*) filter (where kind = 'denunciation')::int as denunciation,
        count(*) filter (where kind = 'petition')::int as petition,
        count(*) filter (where kind = 'feedback')::int as feedback
      from cases where received_on between ${from}::date and ${to}::date`),
  );
  const [r] = rowsOf<{ sessions: number; visits: number; people: number }>(
    await tx.execute(sql`
      select
        (select count(*)::int from reception_sessions where status = 'held' and date between ${from}::date and ${to}::date) as sessions,
        (select count(*)::int from reception_entries where received_on between ${from}::date and ${to}::date) as visits,
        (select coalesce(sum(group_size), 0)::int from reception_entries where received_on between ${from}::date and ${to}::date) as people`),
  );
  return {
    received: {
      total: ci.received,
      complaint: k?.complaint ?? 0,
      denunciation: k?.denunciation ?? 0,
      petition: k?.petition ?? 0,
      feedback: k?.feedback ?? 0,
    },
    accepted: ci.accepted,
    resolved: ci.resolved,
    resolvedOnTime: ci.resolvedOnTime,
    overdue: ci.overdue,
    reception: { sessionsHeld: r?.sessions ?? 0, visits: r?.visits ?? 0, people: r?.people ?? 0 },
  };
}
