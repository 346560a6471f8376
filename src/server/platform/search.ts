/**
 * Diacritic-insensitive search (VIETNAMESE.md §3): modules index their records here; queries are
 * folded by the same `f_unaccent(lower(…))` as the index, so "dan van" finds "Dân vận" and "Đ"
 * matches "d". Ranking prefers exact (accented) matches, then trigram similarity.
 */
import { foldVietnamese as fold } from '../../domain/text';
import { sql } from 'drizzle-orm';
import type { Tx } from './db';
import { rowsOf } from './db';
import { excerptAround } from '../../contracts/text';
import { type Actor, unitsOf } from './roles';

/**
 * One audience token: who may find an entry. `public` (anyone), `staff` (every account of the
 * agency), `unit:<id>` (people with a role in the unit), `user:<id>` (one person),
 * `cap:<capability>` (holders of a capability, e.g. the Office for drafts).
 */
export type SearchAudience = 'public' | 'staff' | `unit:${string}` | `user:${string}` | `cap:${string}`;

export type SearchEntry = {
  tenantId: string;
  entityType: string;
  entityId: string;
  title: string;
  body?: string;
  link?: string;
  /** Who may find it (any one token suffices); every staff member when omitted. */
  audience?: readonly SearchAudience[];
};
export type SearchHit = { entityType: string; entityId: string; title: string; link: string | null; snippet: string; score: number };

/** Add or replace one record's entry. */
export async function indexForSearch(tx: Tx, e: SearchEntry): Promise<void> {
  const title = e.title.normalize('NFC');
  const body = (e.body ?? '').normalize('NFC');
  const audience = e.audience?.length ? [...new Set(e.audience)] : ['staff'];
  await tx.execute(sql`
    insert into search_entries (tenant_id, entity_type, entity_id, title, body, link, audience, updated_at)
    values (${e.tenantId}, ${e.entityType}, ${e.entityId}, ${title}, ${body}, ${e.link ?? null}, ${textArray(audience)}, now())
    on conflict (tenant_id, entity_type, entity_id)
    do update set title = excluded.title, body = excluded.body, link = excluded.link, audience = excluded.audience, updated_at = now()`);
}

/** A text[] parameter that binds the same way on PGlite and node-postgres. */
function textArray(values: readonly string[]) {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * The audience tokens a signed-in person holds: public and staff entries, their own, their
 * units' and their capabilities'. (An entry is found when it shares one token with these.)
 */
export function audienceOf(actor: Actor): SearchAudience[] {
  return [
    'public',
    'staff',
    `user:${actor.userId}`,
    ...unitsOf(actor).map((u) => `unit:${u}` as const),
    ...actor.capabilities.map((c) => `cap:${c}` as const),
  ];
}

/** Remove a record's entry. */
export async function removeFromSearch(tx: Tx, entityType: string, entityId: string): Promise<void> {
  await tx.execute(sql`delete from search_entries where entity_type = ${entityType} and entity_id = ${entityId}`);
}

/** Escape LIKE wildcards in user input. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/**
 * Search the current tenant's entries that the caller may find: an entry shares at least one token
 * with `audience` (`audienceOf(actor)`). It reads through the view that limits rows to the
 * transaction's tenant so that the LIKE conditions use the trigram index (issue #17).
 * Every word must appear (folded); the whole phrase and exact accents rank higher.
 */
export async function search(
  tx: Tx,
  query: string,
  opts: { audience: readonly SearchAudience[]; types?: string[]; limit?: number },
): Promise<SearchHit[]> {
  const q = query.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (q.length === 0) return [];
  const words = q.split(' ').slice(0, 8);
  const conditions = words.map((w) => sql`folded like '%' || f_unaccent(lower(${likeEscape(w)})) || '%'`);
  const typeFilter = opts.types?.length
    ? sql`and entity_type in (${sql.join(
        opts.types.map((t) => sql`${t}`),
        sql`, `,
      )})`
    : sql``;
  const rows = rowsOf<{ entity_type: string; entity_id: string; title: string; body: string; link: string | null; score: number | string }>(
    await tx.execute(sql`
      select entity_type, entity_id, title, body, link,
        ( case when folded like '%' || f_unaccent(lower(${likeEscape(q)})) || '%' then 1 else 0 end
        + case when lower(title || ' ' || body) like '%' || lower(${likeEscape(q)}) || '%' then 1 else 0 end
        + word_similarity(f_unaccent(lower(${q})), folded) )::float8 as score
      from search_entry_search
      where ${sql.join(conditions, sql` and `)} ${typeFilter}
        and audience && ${textArray(opts.audience.length ? opts.audience : ['public'])}
      order by score desc, title
      limit ${opts.limit ?? 20}`),
  );
  return rows.map((r) => ({
    entityType: r.entity_type,
    entityId: r.entity_id,
    title: r.title,
    link: r.link,
    snippet: snippet(r.body, words[0]!),
    score: Number(r.score),
  }));
}

/** A short excerpt of `body` around the first folded match of `word`. */
function snippet(body: string, word: string): string {
  if (!body) return '';
  return excerptAround(body, Math.max(0, fold(body).indexOf(fold(word))), 160);
}
