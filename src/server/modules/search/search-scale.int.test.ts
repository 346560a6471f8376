/**
 * The search box at province scale (issue #17): its LIKE reaches the trigram index through the
 * view `search_entry_search` (row-level security kept it from the index, as it did for cases), and
 * it still sees one agency only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { explainAsApp } from '../../test/explain';
import { rowsOf } from '../../platform/db';

let t: TestApp;
let office: Session;
const OTHER = '00000000-0000-4000-8000-000000000018';

/** `n` entries of an agency, set-based, on ten topics; the i-th holds a rare word md5(i). */
async function fill(n: number, tenantId: string) {
  await t.db.owner.execute(sql`
    insert into search_entries (tenant_id, entity_type, entity_id, title, body)
    select ${tenantId}::uuid, 'bench', 'gen-' || i,
      'Kế hoạch về ' || (array['dân vận','môi trường','xây dựng','chính sách','thủ tục','y tế','giáo dục','giao thông','an ninh','đất đai'])[1 + i % 10],
      'Mã ' || md5(i::text) || ' của mục số ' || i
    from generate_series(1, ${n}) i`);
}

async function search(q: string): Promise<{ entityId: string; title: string }[]> {
  const res = await t.call(office, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** EXPLAIN a logged statement as the app runs it, for the demo agency. */
async function explain(text: string, params: unknown[]): Promise<string> {
  return explainAsApp(t.db, { tenantId: t.demoTenantId }, text, params);
}

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
});
afterAll(async () => t?.close());

describe('search entries', () => {
  it('a rare word goes through the trigram index, not a scan of the entries', async () => {
    await t.db.owner.execute(
      sql`insert into tenants (tenant_id, code, name, place) values (${OTHER}, 'search-other', 'Cơ quan khác', 'Quảng Ngãi')`,
    );
    await fill(3000, t.demoTenantId);
    await fill(12_000, OTHER);
    await t.db.owner.execute(sql`vacuum analyze search_entries`);
    const rare = rowsOf<{ h: string }>(await t.db.owner.execute(sql`select left(md5('12'), 10) as h`))[0]!.h;
    const logged = await t.statements(() => search(rare));
    const stmt = logged.find((l) => /search_entry_search/.test(l.sql));
    expect(stmt, logged.map((l) => l.sql).join('\n')).toBeDefined();
    const plan = await explain(stmt!.sql, stmt!.params);
    expect(plan).not.toMatch(/Seq Scan on search_entries/);
    expect(plan).toMatch(/search_entries_folded_trgm/);
    // One agency only: the other agency's entry with the same word is not found.
    expect((await search(rare)).map((h) => h.entityId)).toEqual(['gen-12']);
    expect((await search('dan van')).length).toBeGreaterThan(0);
    // Filling and indexing 15,000 entries takes PGlite a while on a busy machine.
  }, 240_000);

  it('another agency’s session finds nothing of this one', async () => {
    const [{ n }] = rowsOf<{ n: number }>(
      await t.db.withTenant({ tenantId: OTHER }, (tx) => tx.execute(sql`select count(*)::int as n from search_entry_search`)),
    ) as [{ n: number }];
    expect(n).toBe(12_000);
    const none = rowsOf<{ n: number }>(await t.db.owner.execute(sql`select count(*)::int as n from search_entry_search`))[0]!.n;
    // Without an agency set (the owner, no app.tenant_id) the view shows nothing.
    expect(none).toBe(0);
  });
});
