/**
 * Ready for Citus, distributed by `tenant_id` (issue #17, "Beyond one machine"; docs/scale.md,
 * "Citus plan"). Citus keeps a distributed table's rows of one tenant on one shard, and can only
 * enforce a primary key, a unique key or a foreign key there when it contains the distribution
 * column; a foreign key between two distributed tables must join them on it (colocation). This
 * reads the migrated catalogue (`pg_constraint`, `pg_index`) and checks that:
 * - every table of the schema has `tenant_id`, except the declared reference tables (none: even
 *   `tenants` is keyed by it, and is itself the one reference table, copied to every node);
 * - every primary key and foreign key includes `tenant_id`, and a foreign key pairs `tenant_id`
 *   with the referenced table's `tenant_id` (same position in both column lists);
 * - the unique keys without `tenant_id` are exactly the declared installation-wide look-ups below,
 *   each with the reason it is global and how it is served under Citus (docs/scale.md).
 * A new table or key that breaks this fails here, with its name.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTestDb, type TestDb } from '../test/harness';
import { rowsOf } from './db';

/** Tables that Citus would copy to every node (`create_reference_table`) rather than shard. */
const REFERENCE_TABLES: Record<string, string> = {
  tenants: 'the list of agencies (≈200 rows for a province), read by every request and log-in; its key is tenant_id',
};

/**
 * Unique keys that deliberately span the installation (found before any agency is known). Under
 * Citus a unique index without the distribution column cannot be created on a distributed table:
 * each becomes a small look-up table (reference table, or distributed by the key itself) that
 * gives the tenant_id, then the row is read on its tenant's shard (docs/scale.md, Citus plan).
 */
const GLOBAL_UNIQUE_KEYS: Record<string, string> = {
  'tenants.tenants_code_unique': 'agency code, unique in the installation (tenants is a reference table: allowed as it is)',
  'users.users_username_key': 'a log-in name is typed without the agency: one name, one person in the installation',
  'sessions.sessions_token_hash_key': 'the session cookie is looked up before the agency is known (http.ts)',
  'cases.cases_tracking_code': 'the citizen portal finds a case by its tracking code alone',
  'calendar_feed_tokens.calendar_feed_tokens_hash_key': 'a calendar feed URL carries only its token',
  'survey_invitations.survey_invitations_token_key': 'a survey invitation link carries only its token',
};

let t: TestDb;
beforeAll(async () => {
  t = await cloneTestDb();
}, 120_000);
afterAll(async () => {
  await t?.drop();
});

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await t.db.owner.execute(q));
}

describe('the schema is ready to be distributed by tenant_id (Citus)', () => {
  it('every table has tenant_id, but for the declared reference tables', async () => {
    const tables = await rows<{ name: string; tenant: boolean; key: string | null }>(sql`
      select c.relname as name,
             exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant,
             (select pg_get_constraintdef(k.oid) from pg_constraint k where k.conrelid = c.oid and k.contype = 'p') as key
        from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
       order by 1`);
    expect(tables.length).toBeGreaterThan(50);
    expect(tables.filter((r) => !r.tenant).map((r) => r.name)).toEqual([]);
    // The reference table is keyed by tenant_id alone: what distributed rows refer to.
    for (const name of Object.keys(REFERENCE_TABLES)) {
      expect(tables.find((r) => r.name === name)?.key, name).toBe('PRIMARY KEY (tenant_id)');
    }
  });

  it('every primary key and foreign key includes tenant_id; foreign keys join on it', async () => {
    const bad = await rows<{ tbl: string; name: string; def: string }>(sql`
      select k.conrelid::regclass::text as tbl, k.conname as name, pg_get_constraintdef(k.oid) as def
        from pg_constraint k join pg_class c on c.oid = k.conrelid
       where c.relnamespace = 'public'::regnamespace and k.contype in ('p', 'f')
         and (
           -- the key's own columns lack tenant_id
           not exists (select 1 from pg_attribute a where a.attrelid = k.conrelid and a.attname = 'tenant_id' and a.attnum = any(k.conkey))
           -- a foreign key must pair tenant_id with the referenced table's tenant_id (colocated join)
           or (k.contype = 'f' and array_position(k.conkey, (select attnum from pg_attribute where attrelid = k.conrelid and attname = 'tenant_id'))
                 is distinct from array_position(k.confkey, (select attnum from pg_attribute where attrelid = k.confrelid and attname = 'tenant_id')))
         )
       order by 1, 2`);
    expect(bad.map((b) => `${b.tbl}.${b.name}: ${b.def}`)).toEqual([]);
    const [counted] = await rows<{ p: number; f: number }>(sql`
      select count(*) filter (where contype = 'p')::int as p, count(*) filter (where contype = 'f')::int as f
        from pg_constraint where connamespace = 'public'::regnamespace`);
    expect(counted!.p).toBeGreaterThan(50);
    expect(counted!.f).toBeGreaterThan(30);
  });

  it('the unique keys without tenant_id are the declared installation-wide look-ups', async () => {
    const global = await rows<{ name: string }>(sql`
      select r.relname || '.' || x.relname as name
        from pg_index i join pg_class r on r.oid = i.indrelid join pg_class x on x.oid = i.indexrelid
       where r.relnamespace = 'public'::regnamespace and i.indisunique
         and not exists (select 1 from pg_attribute a where a.attrelid = r.oid and a.attname = 'tenant_id' and a.attnum = any(i.indkey))
       order by 1`);
    expect(global.map((g) => g.name)).toEqual(Object.keys(GLOBAL_UNIQUE_KEYS).sort());
  });
});
