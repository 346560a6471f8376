/**
 * Drill: `danchu backup` → `danchu restore` into a fresh installation → the same number of rows
 * in every table and an audit chain that verifies (`danchu audit verify`, and verifyAuditChain
 * per agency). Then the same backup under another identity key: refused with a message, and the
 * fresh installation left as it was (issue #16 point 7).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { verifyAuditChain } from '../../src/server/platform/audit';
import { tenants } from '../../src/server/platform/tables';
import { danchu, type Databases, dbName, type Figure, openTarget, rowCounts, type Target } from './lib';

async function inspect(target: Target) {
  const db = await openTarget(target);
  try {
    const counts = await rowCounts(db);
    const agencies = await db.owner.select({ tenantId: tenants.tenantId }).from(tenants);
    const chains = [];
    for (const a of agencies) chains.push(await verifyAuditChain(db.owner, a.tenantId));
    return { counts, chains };
  } finally {
    await db.close();
  }
}

export async function backupRestoreDrill(source: Target, dbs: Databases): Promise<Figure[]> {
  const file = path.join(dbs.work, `sao-luu-${source.kind}-${Date.now()}.danchu.gz`);
  const b = danchu(source, ['backup', file]);
  if (b.code !== 0) throw new Error(`danchu backup: exit ${b.code}: ${b.err}`);
  const mode = fs.statSync(file).mode & 0o777;
  const before = await inspect(source);

  const target = source.kind === 'pglite' ? dbs.emptyPglite() : await dbs.emptyPostgres();
  const r = danchu(target, ['restore', file], { DANCHU_DEMO: 'false' });
  if (r.code !== 0) throw new Error(`danchu restore: exit ${r.code}: ${r.err}`);
  const verify = danchu(target, ['audit', 'verify']);
  const after = await inspect(target);

  const tables = Object.keys(before.counts);
  const differ = [...new Set([...tables, ...Object.keys(after.counts)])].filter((t) => before.counts[t] !== after.counts[t]);
  const rows = Object.values(before.counts).reduce((a, n) => a + n, 0);
  const auditRows = after.chains.reduce((a, c) => a + c.rows, 0);
  const chainsOk = after.chains.length > 0 && after.chains.every((c) => c.ok) && verify.code === 0;

  // The same file under another key, into another fresh installation.
  const other = source.kind === 'pglite' ? dbs.emptyPglite() : await dbs.emptyPostgres();
  const otherKey = crypto.randomBytes(32).toString('base64');
  const m = danchu(other, ['migrate'], { DANCHU_DEMO: 'false', DANCHU_IDENTITY_KEY: otherKey });
  if (m.code !== 0) throw new Error(`danchu migrate: exit ${m.code}: ${m.err}`);
  const baseline = await inspect(other);
  const wrong = danchu(other, ['restore', file], { DANCHU_DEMO: 'false', DANCHU_IDENTITY_KEY: otherKey });
  const untouched = await inspect(other);
  const changed = Object.keys(untouched.counts).filter((t) => untouched.counts[t] !== baseline.counts[t]);
  const refused = wrong.code !== 0 && /identity key/.test(wrong.err) && /khóa định danh/.test(wrong.err);

  return [
    {
      drill: 'backup → restore',
      db: dbName(source),
      figure: `${tables.length} tables, ${rows} rows, ${differ.length} differ; audit chain ${chainsOk ? 'verifies' : 'BROKEN'} (${auditRows} entries, ${after.chains.length} agencies); file mode ${mode.toString(8)}`,
      ok: rows > 0 && differ.length === 0 && chainsOk && mode === 0o600,
      details: { differ: differ.map((t) => `${t}: ${before.counts[t]} → ${after.counts[t]}`), verify: verify.out.trim() },
    },
    {
      drill: 'restore under the wrong identity key',
      db: dbName(source),
      figure: `${refused ? 'refused' : 'NOT refused'} (exit ${wrong.code}), ${changed.length} tables changed`,
      ok: refused && changed.length === 0,
      details: { message: wrong.err.trim().split('\n')[0] },
    },
  ];
}
