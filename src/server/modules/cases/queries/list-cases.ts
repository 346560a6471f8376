/** The cases list: filters and the diacritic-insensitive search (never over identities). */
import type { ActorContext } from '../../../platform/module';
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { addDays } from '../../../../domain';
import { OPEN_CASE_STATUSES, type TCaseRow } from '../../../../contracts/cases';
import { isOffice } from '../policy';
import { cases } from '../tables';
import { DUE_SOON_DAYS } from '../records';
import { toRows, readableBy } from './rows';

export type CaseListQuery = {
  q?: string;
  kind?: string;
  status?: string;
  channel?: string;
  unitId?: string;
  handlerId?: string;
  due?: 'overdue' | 'soon' | 'open';
  mine?: string;
  unassigned?: string;
  year?: number;
  limit: number;
  offset: number;
};

export async function listCases(ctx: ActorContext, q: CaseListQuery): Promise<{ rows: TCaseRow[]; total: number }> {
  const { tx, actor, today } = ctx;
  const where: (SQL | undefined)[] = [readableBy(actor)];
  if (q.kind) where.push(eq(cases.kind, q.kind));
  if (q.status) where.push(eq(cases.status, q.status));
  if (q.channel) where.push(eq(cases.channel, q.channel));
  if (q.unitId) where.push(eq(cases.unitId, q.unitId));
  if (q.handlerId) where.push(eq(cases.handlerId, q.handlerId));
  if (q.unassigned === 'true') where.push(sql`${cases.unitId} is null`);
  if (q.mine === 'true') where.push(or(eq(cases.handlerId, actor.userId), eq(cases.decisionMakerId, actor.userId)));
  if (q.year) where.push(sql`extract(year from ${cases.receivedOn}) = ${q.year}`);
  if (q.q) {
    // Diacritic-insensitive (VIETNAMESE.md §3) over code, subject and content — never identities.
    const words = q.q.normalize('NFC').trim().split(/\s+/).filter(Boolean).slice(0, 8);
    for (const w of words) {
      const like = `%${w.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      // A denunciation's content is searched only for those who may read it (no oracle on its words).
      const contentReadable = isOffice(actor)
        ? sql`true`
        : sql`(${cases.kind} <> 'denunciation' or ${cases.handlerId} = ${actor.userId} or ${cases.decisionMakerId} = ${actor.userId})`;
      where.push(
        sql`(f_unaccent(lower(${cases.code} || ' ' || ${cases.subject})) like f_unaccent(lower(${like})) or (${contentReadable} and f_unaccent(lower(${cases.content})) like f_unaccent(lower(${like}))))`,
      );
    }
  }
  if (q.due === 'overdue')
    where.push(sql`exists (select 1 from case_deadlines d where d.case_id = ${cases.id} and d.status = 'missed' and d.met_on is null)`);
  if (q.due === 'soon')
    where.push(
      sql`exists (select 1 from case_deadlines d where d.case_id = ${cases.id} and d.status = 'open' and d.due <= ${addDays(today, DUE_SOON_DAYS)}::date)`,
    );
  if (q.due === 'open') where.push(inArray(cases.status, [...OPEN_CASE_STATUSES]));
  const cond = and(...where.filter((w): w is SQL => !!w));
  const [t] = await tx.select({ n: sql<number>`count(*)::int` }).from(cases).where(cond);
  const list = await tx.select().from(cases).where(cond).orderBy(desc(cases.receivedOn), desc(cases.code)).limit(q.limit).offset(q.offset);
  return { rows: await toRows(tx, list), total: t?.n ?? 0 };
}
