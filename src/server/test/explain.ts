/**
 * EXPLAIN a statement as the app runs it (issue #17's index checks): in a transaction with the
 * tenant (and the user, when given) set and the role `danchu_app`, so row-level security applies
 * as in a request; rolled back. `noSeqScan` turns sequential scans off, which proves only that a
 * usable index exists, not that the planner would choose it.
 */
import type { Database } from '../platform/db';

export async function explainAsApp(
  db: Database,
  as: { tenantId: string; userId?: string; noSeqScan?: boolean },
  text: string,
  params: unknown[],
): Promise<string> {
  const stmts = [
    as.userId
      ? `select set_config('app.tenant_id', '${as.tenantId}', true), set_config('app.user_id', '${as.userId}', true)`
      : `select set_config('app.tenant_id', '${as.tenantId}', true)`,
    'set local role danchu_app',
    ...(as.noSeqScan ? ['set local enable_seqscan = off'] : []),
  ];
  if (db.pglite) {
    return db.pglite.transaction(async (tx) => {
      for (const s of stmts) await tx.query(s);
      const r = await tx.query<Record<string, string>>(`explain ${text}`, params as never[]);
      return r.rows.map((x) => Object.values(x)[0]).join('\n');
    });
  }
  const client = await db.pool!.connect();
  try {
    await client.query('begin');
    for (const s of stmts) await client.query(s);
    const r = await client.query(`explain ${text}`, params);
    await client.query('rollback');
    return r.rows.map((x) => Object.values(x)[0]).join('\n');
  } finally {
    client.release();
  }
}
