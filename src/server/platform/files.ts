/**
 * Attachments stored in the database (DESIGN.md: one backup holds everything), with size and
 * type checks. The declared type is not trusted: the first bytes must match it.
 */
import { createHash } from 'node:crypto';
import { AppError } from './errors';
import type { Tx } from './db';
import type { ActorContext } from './module';
import { attachments } from './tables';

/** Accepted types: office documents, PDF, images and plain text (evidence, scans, plans). */
export const ACCEPTED_TYPES: Record<string, { ext: string[]; magic?: (b: Buffer) => boolean }> = {
  'application/pdf': { ext: ['pdf'], magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  'image/png': { ext: ['png'], magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  'image/jpeg': { ext: ['jpg', 'jpeg'], magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/tiff': { ext: ['tif', 'tiff'], magic: (b) => ['II*\0', 'MM\0*'].includes(b.subarray(0, 4).toString('latin1')) },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: ['docx'], magic: isZip },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: ['xlsx'], magic: isZip },
  'application/vnd.oasis.opendocument.text': { ext: ['odt'], magic: isZip },
  'application/vnd.oasis.opendocument.spreadsheet': { ext: ['ods'], magic: isZip },
  'application/msword': { ext: ['doc'], magic: isOle },
  'application/vnd.ms-excel': { ext: ['xls'], magic: isOle },
  'text/plain': { ext: ['txt'], magic: (b) => !b.includes(0) },
  'text/csv': { ext: ['csv'], magic: (b) => !b.includes(0) },
  // Plans copied from law websites or saved from Word as a web page (issue #15); always served
  // as a download with nosniff, never rendered.
  'text/markdown': { ext: ['md'], magic: (b) => !b.includes(0) },
  'text/html': { ext: ['html', 'htm'], magic: (b) => !b.includes(0) },
};

function isZip(b: Buffer): boolean {
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}
function isOle(b: Buffer): boolean {
  return b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
}

/** Decide the content type from the file name and bytes, or throw 415. */
export function checkFileType(filename: string, declared: string, data: Buffer): string {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const byExt = Object.entries(ACCEPTED_TYPES).find(([, t]) => t.ext.includes(ext));
  const type = byExt?.[0];
  if (!type || !byExt) throw new AppError('UNSUPPORTED_FILE_TYPE', { params: { type: declared || ext || '?' } });
  if (byExt[1].magic && !byExt[1].magic(data)) {
    // The content does not match the extension: refuse rather than store a disguised file.
    throw new AppError('UNSUPPORTED_FILE_TYPE', { params: { type: `${declared || type} (nội dung không khớp / content mismatch)` } });
  }
  return type;
}

/**
 * Whether this person may download a file attached to (entityType, entityId). A module protects
 * the files of its records (a denunciation's documents) with a guard in its manifest; files of
 * unguarded types are open to the agency.
 */
export async function mayDownload(ctx: ActorContext, entityType: string | null, entityId: string | null): Promise<boolean> {
  const g = entityType ? ctx.modules.attachmentGuard(entityType) : undefined;
  return g ? g(ctx, entityId ?? '') : true;
}

export type StoredFile = { id: string; filename: string; contentType: string; size: number; sha256: string };

/**
 * Store a file for the tenant of the transaction.
 * @throws AppError PAYLOAD_TOO_LARGE or UNSUPPORTED_FILE_TYPE.
 */
export async function storeFile(
  tx: Tx,
  input: {
    tenantId: string;
    filename: string;
    declaredType: string;
    data: Buffer;
    maxBytes: number;
    uploadedBy: string | null;
    entityType?: string;
    entityId?: string;
  },
): Promise<StoredFile> {
  if (input.data.length > input.maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', { params: { limit: `${Math.round(input.maxBytes / 1024 / 1024)} MB` } });
  }
  if (input.data.length === 0)
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', vi: 'file: tệp rỗng', en: 'file: the file is empty' }] });
  const filename = input.filename
    .normalize('NFC')
    .replace(/[\\/\0]/g, '_')
    .slice(0, 255);
  const contentType = checkFileType(filename, input.declaredType, input.data);
  const sha256 = createHash('sha256').update(input.data).digest('hex');
  const [row] = await tx
    .insert(attachments)
    .values({
      tenantId: input.tenantId,
      filename,
      contentType,
      size: input.data.length,
      sha256,
      data: input.data,
      uploadedBy: input.uploadedBy,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
    })
    .returning({ id: attachments.id });
  return { id: row!.id, filename, contentType, size: input.data.length, sha256 };
}
