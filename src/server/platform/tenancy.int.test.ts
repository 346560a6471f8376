/**
 * Tenant isolation by row-level security, on PGlite and PostgreSQL alike (issue #2): a query for
 * tenant A that forgets its own filter still cannot read or write tenant B's rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test/harness';
import { seedDemo } from '../seed/bootstrap';
import { MODULES } from '../modules';
import { rowsOf } from './db';
import { auditLog, users, units } from './tables';

/** The database's own message (drizzle wraps it as the cause of "Failed query"). */
async function dbError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  return 'no error';
}

let t: TestApp;
let tenantB: string;
beforeAll(async () => {
  t = await createTestApp();
  tenantB = await seedDemo(t.db, MODULES, { tenantCode: 'agency-b', usernamePrefix: 'b_' });
});
afterAll(async () => t?.close());

describe('row-level security', () => {
  it('shows tenant A only its own rows when the query has no tenant filter', async () => {
    const all = await t.db.owner.select().from(units);
    const fromA = await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) => tx.select().from(units));
    const fromB = await t.db.withTenant({ tenantId: tenantB }, (tx) => tx.select().from(units));
    expect(all.length).toBe(fromA.length + fromB.length);
    expect(fromA.length).toBeGreaterThan(5);
    expect(fromA.every((u) => u.tenantId === t.demoTenantId)).toBe(true);
    expect(fromB.every((u) => u.tenantId === tenantB)).toBe(true);
    // Raw SQL with no WHERE at all, across several tables.
    for (const table of ['users', 'units', 'audit_log', 'role_assignments', 'search_entries', 'tenants']) {
      const rows = rowsOf<{ tenant_id: string }>(
        await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) => tx.execute(sql.raw(`select tenant_id from ${table}`))),
      );
      expect(rows.length, table).toBeGreaterThan(0);
      expect(
        rows.every((r) => r.tenant_id === t.demoTenantId),
        table,
      ).toBe(true);
    }
  });

  it('sees nothing at all when no tenant is set', async () => {
    const rows = await t.db.withoutTenant((tx) => tx.select().from(users));
    expect(rows).toEqual([]);
  });

  it('refuses to write a row into another tenant', async () => {
    expect(
      await dbError(
        t.db.withTenant({ tenantId: t.demoTenantId }, (tx) =>
          tx.insert(units).values({ tenantId: tenantB, code: 'HACK', name: 'Đơn vị lạ', kind: 'other', validFrom: '2026-01-01' }),
        ),
      ),
    ).toMatch(/row-level security/i);
    // An update that names B's rows affects none of them.
    const bUnit = (await t.db.withTenant({ tenantId: tenantB }, (tx) => tx.select().from(units)))[0]!;
    await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) => tx.update(units).set({ name: 'đã sửa' }).where(eq(units.id, bUnit.id)));
    const [after] = await t.db.withTenant({ tenantId: tenantB }, (tx) => tx.select().from(units).where(eq(units.id, bUnit.id)));
    expect(after!.name).toBe(bUnit.name);
  });

  it('runs application queries as a role that cannot bypass RLS', async () => {
    const [r] = rowsOf<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>(
      await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) =>
        tx.execute(sql`select current_user, r.rolsuper, r.rolbypassrls from pg_roles r where r.rolname = current_user`),
      ),
    );
    expect(r).toEqual({ current_user: 'danchu_app', rolsuper: false, rolbypassrls: false });
  });

  it('protects every application table with a tenant policy', async () => {
    const rows = rowsOf<{ relname: string; relrowsecurity: boolean; policies: number | string }>(
      await t.db.owner.execute(sql`
        select c.relname, c.relrowsecurity, (select count(*) from pg_policy p where p.polrelid = c.oid)::int as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'`),
    );
    expect(rows.length).toBeGreaterThanOrEqual(13);
    for (const r of rows) {
      expect(r.relrowsecurity, r.relname).toBe(true);
      expect(Number(r.policies), r.relname).toBeGreaterThanOrEqual(1);
    }
    const cols = rowsOf<{ table_name: string }>(
      await t.db.owner.execute(sql`select t.table_name from information_schema.tables t where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and not exists (select 1 from information_schema.columns c where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'tenant_id')`),
    );
    expect(cols.map((c) => c.table_name)).toEqual([]);
  });

  it('protects a table a later migration adds, with no hand-written policy, and refuses a table without tenant_id', async () => {
    // A module's generated migration creates the table; migrate() gives it the tenant policy.
    await t.db.owner.execute(sql`create table zz_probe (tenant_id uuid not null, note text)`);
    await t.db.migrate();
    await t.db.owner.execute(sql`insert into zz_probe values (${t.demoTenantId}, 'A'), (${tenantB}, 'B')`);
    const seen = await t.db.withTenant({ tenantId: t.demoTenantId }, async (tx) =>
      rowsOf<{ note: string }>(await tx.execute(sql`select note from zz_probe`)),
    );
    expect(seen.map((r) => r.note)).toEqual(['A']);
    await t.db.owner.execute(sql`drop table zz_probe`);

    await t.db.owner.execute(sql`create table zz_untenanted (note text)`);
    await expect(t.db.migrate()).rejects.toThrow(/zz_untenanted/);
    await t.db.owner.execute(sql`drop table zz_untenanted`);
  });

  it('keeps the audit log append-only for the application', async () => {
    expect(await dbError(t.db.withTenant({ tenantId: t.demoTenantId }, (tx) => tx.update(auditLog).set({ summary: 'sửa lén' })))).toMatch(
      /permission denied/i,
    );
    expect(await dbError(t.db.withTenant({ tenantId: t.demoTenantId }, (tx) => tx.delete(auditLog)))).toMatch(/permission denied/i);
  });

  it('gives another agency’s unit 404 through the API', async () => {
    const bUnit = (await t.db.withTenant({ tenantId: tenantB }, (tx) => tx.select().from(units)))[0]!;
    const s = await t.login('vanphong');
    const res = await t.call(s, { method: 'GET', url: `/api/units/${bUnit.id}` });
    expect(res.statusCode).toBe(404);
    const patch = await t.call(s, { method: 'PATCH', url: `/api/units/${bUnit.id}`, payload: { version: 1, name: 'Chiếm quyền' } });
    expect(patch.statusCode).toBe(404);
    const sB = await t.login('b_vanphong');
    const list = (await t.call(sB, { method: 'GET', url: '/api/units?all=true' })).json() as { id: string }[];
    expect(list.some((u) => u.id === bUnit.id)).toBe(true);
    const listA = (await t.call(s, { method: 'GET', url: '/api/units?all=true' })).json() as { id: string }[];
    expect(listA.some((u) => u.id === bUnit.id)).toBe(false);
  });
});
