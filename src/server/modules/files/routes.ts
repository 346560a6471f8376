/** HTTP routes of the `files` module: upload and download attachments (stored in the database). */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { errorResponses, zIdParams } from '../../../contracts/common';
import { ZFileMeta } from '../../../contracts/platform';
import { recordAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { mayDownload, storeFile } from '../../platform/files';
import { auditActorOf, inTenant, withContext } from '../../platform/http';
import { can } from '../../platform/roles';
import { attachments } from '../../platform/tables';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const tags = ['files'];

export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/files',
    {
      schema: {
        tags,
        summary: 'Tải tệp lên / Upload a file (multipart, field "file")',
        consumes: ['multipart/form-data'],
        querystring: z.object({ purpose: z.enum(['case']).optional() }),
        response: { 200: z.array(ZFileMeta), ...errorResponses },
      },
    },
    async (req) => {
      // A file for a case (a letter, maybe a denouncer's handwriting) stays the uploader's alone until a case claims it.
      const forCase = req.query.purpose === 'case';
      if (!req.isMultipart())
        throw new AppError('VALIDATION_FAILED', {
          fields: [{ field: 'file', vi: 'file: cần gửi tệp dạng multipart/form-data', en: 'file: send the file as multipart/form-data' }],
        });
      const parts: { filename: string; mimetype: string; data: Buffer }[] = [];
      for await (const part of req.files()) {
        const data = await part.toBuffer();
        if (part.file.truncated)
          throw new AppError('PAYLOAD_TOO_LARGE', { params: { limit: `${Math.round(app.config.uploadMaxBytes / 1024 / 1024)} MB` } });
        parts.push({ filename: part.filename, mimetype: part.mimetype, data });
      }
      if (parts.length === 0)
        throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', vi: 'file: chưa chọn tệp', en: 'file: no file was sent' }] });
      return inTenant(req, async (tx, actor) => {
        if (!can(actor, 'files.upload')) throw new AppError('FORBIDDEN');
        const stored = [];
        for (const p of parts) {
          const f = await storeFile(tx, {
            tenantId: actor.tenantId,
            filename: p.filename,
            declaredType: p.mimetype,
            data: p.data,
            maxBytes: app.config.uploadMaxBytes,
            uploadedBy: actor.userId,
            ...(forCase ? { entityType: 'case_pending', entityId: actor.userId } : {}),
          });
          // The name of a case document may name a denouncer: the audit keeps only its size and hash.
          const logged = forCase ? { id: f.id, contentType: f.contentType, size: f.size, sha256: f.sha256 } : f;
          await recordAudit(tx, auditActorOf(req), {
            action: 'file.upload',
            entityType: 'file',
            entityId: f.id,
            summary: forCase ? `Tài liệu hồ sơ đơn thư (${f.size} byte)` : f.filename,
            after: logged,
          });
          stored.push(f);
        }
        return stored;
      });
    },
  );
  app.get('/files/:id', { schema: { tags, summary: 'Tải tệp về / Download a file', params: zIdParams } }, async (req, reply) => {
    const file = await withContext(req, async (ctx) => {
      const { tx } = ctx;
      const [f] = await tx.select().from(attachments).where(eq(attachments.id, req.params.id));
      // A file of a protected record (a denunciation's documents) is not found for others.
      if (f && !(await mayDownload(ctx, f.entityType, f.entityId))) return undefined;
      return f;
    });
    if (!file) throw new AppError('NOT_FOUND');
    reply.header('content-type', file.contentType);
    reply.header(
      'content-disposition',
      `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );
    reply.header('x-content-type-options', 'nosniff');
    // Files may be a case's documents: nothing in shared or browser caches.
    reply.header('cache-control', 'private, no-store');
    return reply.send(file.data);
  });
};
