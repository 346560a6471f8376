/** The cases list: filters and the diacritic-insensitive search (never over identities). */
import type { ActorContext } from '../../../platform/module';
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { addDays } from '../../../../domain';
import { OPEN_CASE_STATUSES, type TCaseRow } from '../../../../contracts/cases';
import { isOffice } from '../policy';
import { caseSearch, cases } from '../tables';
import { DUE_SOON_DAYS } from '../records';
import { rowsOf, type Tx } from '../../../platform/db';
import { LIST_COLUMNS, type ListCase, toRows, readableBy } from './rows';

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

/** The search view under the name "cases": the list's columns and filters read it unchanged. */
const SEARCH_AS_CASES = sql`${caseSearch} "cases"`;
/** The list columns as plain SQL (`"cases"."id"`…), read from the table or from the view alike. */
const LIST_FIELDS = Object.fromEntries(Object.entries(LIST_COLUMNS).map(([k, c]) => [k, sql`${c}`.mapWith(c).as(k)])) as {
  [K in keyof typeof LIST_COLUMNS]: SQL.Aliased<ListCase[K]> | SQL<ListCase[K]>;
};

/** The largest total a list counts exactly. */
export const COUNT_CAP = 1000;

/** Escape LIKE wildcards in user input. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

export async function listCases(ctx: ActorContext, q: CaseListQuery): Promise<{ rows: TCaseRow[]; total: number; totalCapped: boolean }> {
  const { tx, actor, today } = ctx;
  const where: (SQL | undefined)[] = [readableBy(actor)];
  if (q.kind) where.push(eq(cases.kind, q.kind));
  if (q.status) where.push(eq(cases.status, q.status));
  if (q.channel) where.push(eq(cases.channel, q.channel));
  if (q.unitId) where.push(eq(cases.unitId, q.unitId));
  if (q.handlerId) where.push(eq(cases.handlerId, q.handlerId));
  if (q.unassigned === 'true') where.push(sql`${cases.unitId} is null`);
  if (q.mine === 'true') where.push(or(eq(cases.handlerId, actor.userId), eq(cases.decisionMakerId, actor.userId)));
  // A range on received_on, not extract(year …): the (tenant, received_on) index serves it (issue #17).
  if (q.year) where.push(sql`${cases.receivedOn} >= ${`${q.year}-01-01`}::date and ${cases.receivedOn} < ${`${q.year + 1}-01-01`}::date`);
  let rank: SQL | undefined;
  let source: SQL = sql`${cases}`;
  if (q.q) {
    // Diacritic-insensitive (VIETNAMESE.md §3) over the folded search columns (code, subject, the
    // names of unprotected parties; the content) with their trigram GIN indexes — never protected identities.
    const phrase = q.q.normalize('NFC').trim().replace(/\s+/g, ' ');
    const words = phrase.split(' ').filter(Boolean).slice(0, 8);
    // A denunciation's content is searched only by those who may read it (no oracle on its words).
    const bodyReadable = isOffice(actor)
      ? undefined
      : sql`(${cases.kind} <> 'denunciation' or ${cases.handlerId} = ${actor.userId} or ${cases.decisionMakerId} = ${actor.userId})`;
    for (const w of words) {
      const like = sql`'%' || f_unaccent(lower(${likeEscape(w)})) || '%'`;
      where.push(
        bodyReadable
          ? sql`(${cases.searchHead} like ${like} or (${bodyReadable} and ${cases.searchBody} like ${like}))`
          : sql`(${cases.searchHead} like ${like} or ${cases.searchBody} like ${like})`,
      );
    }
    // A search reads the agency's cases through the search view (under the name "cases", so every
    // filter above applies unchanged): there the LIKE conditions reach the trigram indexes.
    source = SEARCH_AS_CASES;
    // Ranked: the whole phrase in the code, subject or a party's name first, then in the content,
    // then by the share of the words found in the subject; newest first among equals. Plain LIKE
    // tests of the row already read: trigram similarity (word_similarity) cost ~30 µs a row, most
    // of the statement for the 1,000 matches it ranks (issue #17).
    const p = sql`'%' || f_unaccent(lower(${likeEscape(phrase)})) || '%'`;
    const inHead = words.map(
      (w) => sql`case when ${cases.searchHead} like '%' || f_unaccent(lower(${likeEscape(w)})) || '%' then 1 else 0 end`,
    );
    // The content counts only where the person may search it: the order is no oracle either.
    rank = sql`(case when ${cases.searchHead} like ${p} then 2 else 0 end + case when ${bodyReadable ?? sql`true`} and ${cases.searchBody} like ${p} then 1 else 0 end
      + (${sql.join(inHead, sql` + `)})::float8 / ${words.length})`;
  }
  if (q.due === 'overdue')
    where.push(sql`exists (select 1 from case_deadlines d where d.case_id = ${cases.id} and d.status = 'missed' and d.met_on is null)`);
  if (q.due === 'soon')
    where.push(
      sql`exists (select 1 from case_deadlines d where d.case_id = ${cases.id} and d.status = 'open' and d.due <= ${addDays(today, DUE_SOON_DAYS)}::date)`,
    );
  if (q.due === 'open') where.push(inArray(cases.status, [...OPEN_CASE_STATUSES]));
  const cond = and(...where.filter((w): w is SQL => !!w));
  let list: ListCase[];
  let n: number;
  if (rank) {
    // One statement (issue #17): the newest COUNT_CAP + 1 matches, read once in the order the
    // (tenant, received_on) index gives, or through the trigram indexes when the words are rare
    // (the planner's choice); the capped count and the ranked page both come from them. The page
    // ranks among the newest COUNT_CAP matches whatever the size of the agency; past the cap the
    // person narrows the search (the count says "1000+").
    const m = tx.$with('m').as(
      tx
        .select({
          ...LIST_FIELDS,
          rank: sql<number>`${rank}`.as('rank'),
          seq: sql<number>`row_number() over (order by ${cases.receivedOn} desc, ${cases.code} desc)`.as('seq'),
        })
        .from(source)
        .where(cond)
        .orderBy(desc(cases.receivedOn), desc(cases.code))
        .limit(COUNT_CAP + 1),
    );
    const page = await tx
      .with(m)
      .select({
        id: m.id,
        code: m.code,
        kind: m.kind,
        channel: m.channel,
        status: m.status,
        subject: m.subject,
        receivedOn: m.receivedOn,
        instance: m.instance,
        unitId: m.unitId,
        handlerId: m.handlerId,
        anonymous: m.anonymous,
        n: sql<number>`(select count(*) from "m")::int`.mapWith(Number),
      })
      .from(m)
      .where(sql`${m.seq} <= ${COUNT_CAP}`)
      .orderBy(desc(m.rank), desc(m.receivedOn), desc(m.code))
      .limit(q.limit)
      .offset(q.offset);
    list = page.map(({ n: _, ...c }) => c);
    // A page past the last match holds no row to carry the count: only then is it counted apart.
    n = page[0]?.n ?? (q.offset > 0 ? await cappedCount(tx, source, cond) : 0);
  } else {
    n = await cappedCount(tx, source, cond);
    list = await tx
      .select(LIST_FIELDS)
      .from(source)
      .where(cond)
      .orderBy(desc(cases.receivedOn), desc(cases.code))
      .limit(q.limit)
      .offset(q.offset);
  }
  return { rows: await toRows(tx, list), total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

/**
 * The number of matches up to COUNT_CAP + 1: past the cap the page says "more than" (a count of
 * 100,000 rows costs as much as reading them; issue #17).
 */
async function cappedCount(tx: Tx, source: SQL, cond: SQL | undefined): Promise<number> {
  const [t] = rowsOf<{ n: number }>(
    await tx.execute(
      sql`select count(*)::int as n from (select 1 from ${source} where ${cond ?? sql`true`} limit ${COUNT_CAP + 1}) capped`,
    ),
  );
  return t?.n ?? 0;
}
