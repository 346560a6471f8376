/**
 * The tenant transaction on a PostgreSQL pool (issue #17, db.ts `pgTenantRunner`): BEGIN travels
 * with the tenant's settings and the data-version statement with COMMIT, so a transaction of one
 * statement takes three round trips, not five; and the statements whose plan does not depend on
 * their values are prepared once per connection (`preparedRows`). Everything else must behave as
 * drizzle's own transaction did: the settings and role inside, rollback on any error, a connection
 * that is clean for the next request, savepoints.
 *
 * PostgreSQL pass only (`*.postgres.int.test.ts`, vitest.config.ts): PGlite runs in process and
 * keeps drizzle's own transaction, which the rest of the suite covers on both databases.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_TENANT } from '../seed/demo-org';
import { cloneTestDb, type TestDb } from '../test/harness';
import { type Database, openPostgres, preparedRows, rowsOf } from './db';
import { units } from './tables';

let clone: TestDb;
/** One connection, so what one transaction leaves on it is what the next one finds. */
let db: Database;
let tenantId: string;

beforeAll(async () => {
  clone = await cloneTestDb();
  db = await openPostgres(clone.db.url!, { max: 1 });
  const [t] = rowsOf<{ tenant_id: string }>(await db.owner.execute(sql`select tenant_id from tenants where code = ${DEMO_TENANT.code}`));
  tenantId = t!.tenant_id;
}, 120_000);

afterAll(async () => {
  await db?.close();
  await clone?.drop();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** The messages sent to the server while `fn` runs (node-postgres's `Client#query` calls). */
async function roundTrips<T>(fn: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  const sent: string[] = [];
  const original = pg.Client.prototype.query;
  vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text: string };
    sent.push(typeof q === 'string' ? q : q.text);
    return (original as (...a: unknown[]) => unknown).apply(this, args) as never;
  });
  const result = await fn();
  vi.restoreAllMocks();
  return { result, sent };
}

async function dataVersion(): Promise<string | null> {
  const [v] = rowsOf<{ version: string }>(
    await db.owner.execute(sql`select version::text from data_versions where tenant_id = ${tenantId}`),
  );
  return v?.version ?? null;
}

describe('a tenant transaction on PostgreSQL', () => {
  it('runs with the tenant, the user and the app role in three round trips', async () => {
    const { result, sent } = await roundTrips(() =>
      db.withTenant({ tenantId, userId: null }, async (tx) =>
        rowsOf<{ tenant: string; who: string; ro: string }>(
          await tx.execute(
            sql`select current_setting('app.tenant_id') as tenant, current_user as who, current_setting('transaction_read_only') as ro`,
          ),
        ),
      ),
    );
    expect(result).toEqual([{ tenant: tenantId, who: 'danchu_app', ro: 'off' }]);
    expect(sent).toHaveLength(3);
    expect(sent[0]).toMatch(/^begin; select set_config\('app\.tenant_id', '[0-9a-f-]{36}', true\)/);
    expect(sent[2]).toMatch(/insert into data_versions[\s\S]*;\ncommit$/);
  });

  it("gives the statement log the settings and the data-version statement, as drizzle's own did", async () => {
    const options = (db.owner as unknown as { session: { options: { logger?: unknown } } }).session.options;
    const logged: string[] = [];
    options.logger = { logQuery: (q: string) => logged.push(q) };
    try {
      await db.withTenant({ tenantId }, (tx) => tx.select().from(units).limit(1));
    } finally {
      delete options.logger;
    }
    expect(logged).toHaveLength(3);
    expect(logged[0]).toMatch(/^select set_config\('app\.tenant_id'/);
    expect(logged[1]).toMatch(/from "units"/);
    expect(logged[2]).toMatch(/^insert into data_versions/);
  });

  it('a read-only transaction cannot write, and sends no data-version statement', async () => {
    const { sent } = await roundTrips(() => db.withTenantRead({ tenantId }, (tx) => tx.select().from(units)));
    expect(sent).toHaveLength(3);
    expect(sent[2]).toBe('commit');
    const err = await db.withTenantRead({ tenantId }, (tx) => tx.execute(sql`update units set name = name`)).catch((e: Error) => e);
    expect(String((err as Error & { cause?: Error }).cause ?? err)).toMatch(/read-only transaction/);
  });

  it('a write becomes the data version at COMMIT; a read leaves it as it was', async () => {
    const before = await dataVersion();
    await db.withTenant({ tenantId }, (tx) => tx.execute(sql`update units set name = name where tenant_id = ${tenantId}`));
    const after = await dataVersion();
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    await db.withTenant({ tenantId }, (tx) => tx.select().from(units));
    expect(await dataVersion()).toBe(after);
  });

  it('rolls back on an error, and leaves the connection clean for the next transaction', async () => {
    const [u] = await db.withTenant({ tenantId }, (tx) => tx.select().from(units).limit(1));
    const err = await db
      .withTenant({ tenantId }, async (tx) => {
        await tx.execute(sql`update units set name = 'Không được lưu' where id = ${u!.id}`);
        throw new Error('a failure after the write');
      })
      .catch((e: Error) => e);
    expect((err as Error).message).toBe('a failure after the write');
    // A failed statement too (the transaction is aborted, then rolled back).
    await expect(db.withTenant({ tenantId }, (tx) => tx.execute(sql`select 1/0`))).rejects.toThrow();
    const [again] = await db.withTenant({ tenantId }, (tx) => tx.select().from(units).where(sql`id = ${u!.id}`));
    expect(again!.name).toBe(u!.name);
    // Outside a transaction, the one connection is the owner again, with no tenant left set.
    const { rows } = await db.pool!.query<{ who: string; tenant: string | null }>(
      `select current_user as who, nullif(current_setting('app.tenant_id', true), '') as tenant`,
    );
    expect(rows[0]).toEqual({ who: 'postgres', tenant: null });
  });

  it('a savepoint inside rolls back alone', async () => {
    const [u] = await db.withTenant({ tenantId }, (tx) => tx.select().from(units).limit(1));
    await db.withTenant({ tenantId }, async (tx) => {
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`update units set name = 'Trong điểm lưu' where id = ${u!.id}`);
          throw new Error('undo the savepoint');
        })
        .catch(() => {});
      const [seen] = await tx.select().from(units).where(sql`id = ${u!.id}`);
      expect(seen!.name).toBe(u!.name);
    });
  });

  it('quotes the ids it sends with BEGIN', async () => {
    // Ids come from sessions and jobs, never from input; still, a quote cannot end the literal.
    const err = await db
      .withTenant({ tenantId: "x', true); drop table units; --" }, (tx) => tx.select().from(units))
      .catch((e: Error) => e);
    expect(String((err as Error & { cause?: Error }).cause ?? err)).toMatch(/invalid input syntax for type uuid/);
    const [n] = rowsOf<{ n: number }>(await db.owner.execute(sql`select count(*)::int as n from units`));
    expect(n!.n).toBeGreaterThan(0);
  });
});

describe('prepared statements (preparedRows)', () => {
  it('prepares a statement once per connection and answers with its rows', async () => {
    const first = await preparedRows<{ n: number }>(db.owner, 'danchu_test_prepared', sql`select ${41}::int + 1 as n`);
    const second = await preparedRows<{ n: number }>(db.owner, 'danchu_test_prepared', sql`select ${1}::int + 1 as n`);
    expect(first).toEqual([{ n: 42 }]);
    expect(second).toEqual([{ n: 2 }]);
    const { rows } = await db.pool!.query<{ name: string }>(`select name from pg_prepared_statements where name = 'danchu_test_prepared'`);
    expect(rows).toHaveLength(1);
  });

  it('names nothing with DATABASE_PREPARED=false (a pooler in transaction mode)', async () => {
    const unnamed = await openPostgres(clone.db.url!, { max: 1, prepared: false });
    try {
      const rows = await unnamed.withTenant({ tenantId }, (tx) =>
        preparedRows<{ n: number }>(tx, 'danchu_test_unnamed', sql`select count(*)::int as n from units where ${1} = 1`),
      );
      expect(rows[0]!.n).toBeGreaterThan(0);
      const { rows: named } = await unnamed.pool!.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements');
      expect(named[0]!.n).toBe(0);
    } finally {
      await unnamed.close();
    }
  });

  it('inside a tenant transaction, with its role and row-level security', async () => {
    const rows = await db.withTenant({ tenantId }, (tx) =>
      preparedRows<{ n: number; who: string }>(
        tx,
        'danchu_test_units',
        sql`select count(*)::int as n, current_user as who from units where ${1} = 1`,
      ),
    );
    const none = await db.withoutTenant((tx) =>
      preparedRows<{ n: number }>(tx, 'danchu_test_units', sql`select count(*)::int as n, current_user as who from units where ${1} = 1`),
    );
    expect(rows[0]!.who).toBe('danchu_app');
    expect(rows[0]!.n).toBeGreaterThan(0);
    // The same prepared statement, planned under the policy: no tenant, no rows.
    expect(none[0]!.n).toBe(0);
  });
});
