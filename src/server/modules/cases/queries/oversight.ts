/** Oversight: due soon, overdue, prolonged and repeated cases, by unit and by handler. */
import type { ActorContext } from '../../../platform/module';
import { and, inArray, sql } from 'drizzle-orm';
import { addDays, compareIsoDates } from '../../../../domain';
import { OPEN_CASE_STATUSES } from '../../../../contracts/cases';
import { rowsOf } from '../../../platform/db';
import { cases } from '../tables';
import { DUE_SOON_DAYS } from '../records';
import { toRows, readableBy } from './rows';

export async function oversight(ctx: ActorContext) {
  const { tx, actor, today } = ctx;
  const scope = readableBy(actor);
  const openCases = await tx
    .select()
    .from(cases)
    .where(and(scope, inArray(cases.status, [...OPEN_CASE_STATUSES])));
  const rows = await toRows(tx, openCases);
  const soonLimit = addDays(today, DUE_SOON_DAYS);
  const dueSoon = rows.filter(
    (r) => !r.overdue && r.nextDeadline && r.nextDeadline.status === 'open' && compareIsoDates(r.nextDeadline.due, soonLimit) <= 0,
  );
  const overdue = rows.filter((r) => r.overdue);
  // Prolonged (kéo dài): open more than 90 days, or extended.
  const prolonged = rows.filter((r) => compareIsoDates(addDays(r.receivedOn, 90), today) < 0 || r.extensions > 0);
  const allRepeats = rowsOf<{ case_id: string }>(
    await tx.execute(sql`select distinct case_id from case_links where relation = 'repeat'`),
  ).map((r) => r.case_id);
  const repeatedCases = allRepeats.length
    ? await tx
        .select()
        .from(cases)
        .where(and(scope, inArray(cases.id, allRepeats)))
    : [];
  const repeated = await toRows(tx, repeatedCases);
  const group = <K extends 'unit' | 'handler'>(key: K) => {
    const m = new Map<string, { id: string; name: string; open: number; overdue: number; dueSoon: number }>();
    for (const r of rows) {
      const k = r[key];
      const id = k?.id ?? '-';
      const g = m.get(id) ?? { id, name: k?.name ?? 'Chưa giao', open: 0, overdue: 0, dueSoon: 0 };
      g.open++;
      if (r.overdue) g.overdue++;
      if (dueSoon.includes(r)) g.dueSoon++;
      m.set(id, g);
    }
    return [...m.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open);
  };
  // Law 25/2018 Arts. 8(3), 47: a reveal of a denouncer by someone who gained the right through a
  // reassignment is flagged for supervision (the reason stays in the case's reveal log).
  const flagged = rowsOf<{ case_id: string; code: string; user_name: string; at: string | Date; reassigned_on: string }>(
    await tx.execute(sql`
      select r.case_id, c.code, r.user_name, r.at, max(e.on)::text as reassigned_on
      from identity_reveals r
      join cases c on c.tenant_id = r.tenant_id and c.id = r.case_id
      join case_events e on e.tenant_id = r.tenant_id and e.case_id = r.case_id
        and e.type = 'assigned' and e.data->>'reassignment' = 'true' and e.at <= r.at
      group by r.id, r.case_id, c.code, r.user_name, r.at
      order by r.at desc
      limit 200`),
  );
  const visible = new Set(
    flagged.length
      ? (
          await tx
            .select({ id: cases.id })
            .from(cases)
            .where(
              and(
                scope,
                inArray(
                  cases.id,
                  flagged.map((f) => f.case_id),
                ),
              ),
            )
        ).map((c) => c.id)
      : [],
  );
  const revealsAfterReassignment = flagged
    .filter((f) => visible.has(f.case_id))
    .map((f) => ({
      caseId: f.case_id,
      code: f.code,
      revealedBy: f.user_name,
      revealedAt: new Date(f.at).toISOString(),
      reassignedOn: f.reassigned_on,
    }));
  return {
    revealsAfterReassignment,
    dueSoon,
    overdue,
    prolonged,
    repeated,
    byUnit: group('unit').map((g) => ({ unit: { id: g.id, name: g.name }, open: g.open, overdue: g.overdue, dueSoon: g.dueSoon })),
    byHandler: group('handler').map((g) => ({ handler: { id: g.id, name: g.name }, open: g.open, overdue: g.overdue, dueSoon: g.dueSoon })),
  };
}
