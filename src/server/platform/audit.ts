/**
 * The audit log: every write records who did what to which record, with before/after, in the
 * same transaction as the change (STYLE.md 17). Rows are hash-chained per agency so that editing
 * or deleting one shows: `danchu audit verify` recomputes the chain and names the first broken row.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from './db';
import { rowsOf } from './db';
import { auditHeads, auditLog } from './tables';

export const GENESIS_HASH = '0'.repeat(64);

/** Who is acting, and from where (filled from the request, or from the CLI/job). */
export type AuditActor = {
  tenantId: string;
  userId: string | null;
  name: string;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
};

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  summary?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Deep copy with object keys sorted, so the hash does not depend on key order (jsonb reorders keys). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Plain JSON (Dates → ISO strings, undefined dropped), as jsonb will return it. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

type HashedFields = {
  tenantId: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  prevHash: string;
};

/** The hash of one audit row given its predecessor's hash. */
export function hashAuditRow(row: HashedFields): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(row)))
    .digest('hex');
}

/** Strip secrets that must never reach the log (password hashes, session tokens). */
function redact(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(redact);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (/password|token|secret/i.test(k)) out[k] = v == null ? v : '[redacted]';
    else out[k] = redact(v);
  }
  return out;
}

/**
 * Append one audit row in the caller's transaction.
 * @param tx the transaction that makes the change (so both commit or neither).
 */
export async function recordAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, actor, [entry]);
}

/**
 * Append several audit rows of one actor in the caller's transaction, chained in order: one lock
 * of the chain head, one insert and one head update whatever their number (a batch of recomputed
 * deadlines, issue #17). The head stays locked until the transaction ends, so batch writers keep
 * their transactions short.
 */
export async function recordAudits(tx: Tx, actor: AuditActor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // Lock the chain head: concurrent writers of one agency queue here, so the chain never forks.
  await tx.execute(
    sql`insert into audit_heads (tenant_id, last_seq, last_hash) values (${actor.tenantId}, 0, ${GENESIS_HASH}) on conflict (tenant_id) do nothing`,
  );
  const [head] = rowsOf<{ last_seq: string | number; last_hash: string }>(
    await tx.execute(sql`select last_seq, last_hash from audit_heads where tenant_id = ${actor.tenantId} for update`),
  );
  if (!head) throw new Error('audit head missing');
  let seq = Number(head.last_seq);
  let prevHash = head.last_hash;
  const rows: (typeof auditLog.$inferInsert)[] = [];
  for (const entry of entries) {
    const fields: HashedFields = {
      tenantId: actor.tenantId,
      seq: seq + 1,
      at: new Date().toISOString(),
      actorId: actor.userId,
      actorName: actor.name,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      summary: entry.summary ?? null,
      before: toJson(redact(entry.before)),
      after: toJson(redact(entry.after)),
      ip: actor.ip ?? null,
      userAgent: actor.userAgent ?? null,
      requestId: actor.requestId ?? null,
      prevHash,
    };
    const hash = hashAuditRow(fields);
    rows.push({ ...fields, at: new Date(fields.at), hash });
    seq = fields.seq;
    prevHash = hash;
  }
  await tx.insert(auditLog).values(rows);
  await tx.update(auditHeads).set({ lastSeq: seq, lastHash: prevHash }).where(eq(auditHeads.tenantId, actor.tenantId));
}

export type AuditVerifyResult =
  | { ok: true; tenantId: string; rows: number }
  | { ok: false; tenantId: string; rows: number; brokenSeq: number; reason: string };

/**
 * Recompute one agency's chain from the start. Runs as the owner (reads the whole log).
 * @returns the first broken row (by sequence number) and why, or ok.
 */
export async function verifyAuditChain(db: Db, tenantId: string): Promise<AuditVerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  const pageSize = 1000;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), gt(auditLog.seq, expectedSeq - 1)))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const r of page) {
      if (r.seq !== expectedSeq) {
        return { ok: false, tenantId, rows, brokenSeq: expectedSeq, reason: `row ${expectedSeq} is missing (next is ${r.seq})` };
      }
      if (r.prevHash !== prevHash) {
        return { ok: false, tenantId, rows, brokenSeq: r.seq, reason: 'prev_hash does not match the previous row' };
      }
      const recomputed = hashAuditRow({
        tenantId: r.tenantId,
        seq: r.seq,
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorName: r.actorName,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        summary: r.summary,
        before: r.before ?? null,
        after: r.after ?? null,
        ip: r.ip,
        userAgent: r.userAgent,
        requestId: r.requestId,
        prevHash: r.prevHash,
      });
      if (recomputed !== r.hash) {
        return { ok: false, tenantId, rows, brokenSeq: r.seq, reason: 'content does not match its hash (row altered)' };
      }
      prevHash = r.hash;
      expectedSeq++;
      rows++;
    }
    if (page.length < pageSize) break;
  }
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.tenantId, tenantId));
  if (head && head.lastSeq !== rows) {
    return {
      ok: false,
      tenantId,
      rows,
      brokenSeq: rows + 1,
      reason: `the chain head says ${head.lastSeq} rows but ${rows} were found (rows deleted at the end)`,
    };
  }
  return { ok: true, tenantId, rows };
}
