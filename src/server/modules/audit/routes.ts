/** HTTP routes of the `audit` module: the audit-log viewer and an on-line check of the hash chain. */
import { and, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { errorResponses } from '../../../contracts/common';
import { ZAuditFacets, ZAuditPage, ZAuditQuery, ZAuditVerify } from '../../../contracts/platform';
import { verifyAuditChain } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { inTenant } from '../../platform/http';
import { can } from '../../platform/roles';
import { auditLog } from '../../platform/tables';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const tags = ['audit'];

/** The next day, for an inclusive 'to' bound on timestamps (Vietnam time, UTC+7, no DST). */
function dayBoundary(day: string, plusDays = 0): Date {
  const d = new Date(`${day}T00:00:00+07:00`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d;
}

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: 'Nhật ký thay đổi / Audit log',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage, ...errorResponses },
      },
    },
    (req) =>
      inTenant(req, async (tx, actor) => {
        if (!can(actor, 'audit.read')) throw new AppError('FORBIDDEN');
        const q = req.query;
        const where: SQL[] = [];
        if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
        if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
        if (q.action) where.push(eq(auditLog.action, q.action));
        if (q.from) where.push(gte(auditLog.at, dayBoundary(q.from)));
        if (q.to) where.push(lt(auditLog.at, dayBoundary(q.to, 1)));
        if (q.q) {
          const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
          where.push(
            or(
              sql`f_unaccent(lower(coalesce(${auditLog.summary}, ''))) like f_unaccent(lower(${like}))`,
              sql`f_unaccent(lower(coalesce(${auditLog.actorName}, ''))) like f_unaccent(lower(${like}))`,
              ilike(auditLog.action, like),
            )!,
          );
        }
        const cond = where.length ? and(...where) : undefined;
        const [total] = await tx.select({ n: count() }).from(auditLog).where(cond);
        const rows = await tx
          .select()
          .from(auditLog)
          .where(cond)
          .orderBy(desc(auditLog.seq))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize);
        return {
          rows: rows.map((r) => ({ ...r, at: r.at.toISOString(), before: r.before ?? null, after: r.after ?? null })),
          total: Number(total?.n ?? 0),
          page: q.page,
          pageSize: q.pageSize,
        };
      }),
  );
  app.get(
    '/audit/facets',
    {
      schema: {
        tags,
        summary: 'Loại bản ghi và thao tác có trong nhật ký / Record types and actions',
        response: { 200: ZAuditFacets, ...errorResponses },
      },
    },
    (req) =>
      inTenant(req, async (tx, actor) => {
        if (!can(actor, 'audit.read')) throw new AppError('FORBIDDEN');
        const types = await tx.selectDistinct({ v: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType);
        const actions = await tx.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(auditLog.action);
        return { entityTypes: types.map((r) => r.v), actions: actions.map((r) => r.v) };
      }),
  );
  app.get(
    '/audit/verify',
    { schema: { tags, summary: 'Kiểm tra chuỗi băm / Verify the hash chain', response: { 200: ZAuditVerify, ...errorResponses } } },
    async (req) => {
      const actor = req.actor!;
      if (!can(actor, 'audit.read')) throw new AppError('FORBIDDEN');
      // Reads through the tenant's RLS view: the chain of this agency only.
      const res = await app.db.withTenant({ tenantId: actor.tenantId }, (tx) => verifyAuditChain(tx as never, actor.tenantId));
      return res.ok
        ? { ok: true, rows: res.rows, brokenSeq: null, reason: null }
        : { ok: false, rows: res.rows, brokenSeq: res.brokenSeq, reason: res.reason };
    },
  );
};
