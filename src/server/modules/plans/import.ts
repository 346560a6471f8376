/**
 * Import of plan documents (issue #3): the upload is stored as an attachment, a background job
 * extracts its text (text layer, .docx, or Vietnamese OCR for scans, all from npm packages) and
 * parses it, recording progress so a multi-page scan shows how far it has got. The result is a
 * draft for review; the plan is created only when a person confirms it (POST /api/plans).
 */
import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { attachments, tenants, units } from '../../platform/tables';
import { PlanImportError, readPlanInWorker } from '../../plan-import';
import { buildImportDraft, type ImportDraft } from './import-draft';
import { planImports, plans } from './tables';
import { todayInVietnam } from '../../platform/clock';

export const IMPORT_JOB = 'plans.import';

export type ImportJobView = {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  stage: string | null;
  done: number;
  total: number;
  error: string | null;
  draft: ImportDraft | null;
};

export function presentImport(row: typeof planImports.$inferSelect): ImportJobView {
  return {
    id: row.id,
    status: row.status as ImportJobView['status'],
    stage: row.stage,
    done: row.done,
    total: row.total,
    error: row.error,
    draft: (row.result as ImportDraft | null) ?? null,
  };
}

export async function getImport(tx: Tx, id: string, userId: string): Promise<ImportJobView> {
  const [row] = await tx.select().from(planImports).where(eq(planImports.id, id));
  // Someone else's draft is not shown (outsiders get 404); the confirmed plan is what others see.
  if (!row || row.createdBy !== userId) throw new AppError('NOT_FOUND');
  return presentImport(row);
}

const STAGES: Record<string, string> = { read: 'Đọc tệp / Reading', render: 'Dựng trang / Rendering pages', ocr: 'Nhận dạng chữ / OCR' };

/** Run one import: extract, parse, build the draft; every step records its progress. */
export async function processPlanImport(db: Database, tenantId: string, importId: string): Promise<void> {
  const ctx = { tenantId };
  const update = (data: Partial<typeof planImports.$inferInsert>) =>
    db.withTenant(ctx, (tx) =>
      tx
        .update(planImports)
        .set({ ...data, updatedAt: new Date() })
        .where(eq(planImports.id, importId)),
    );
  const loaded = await db.withTenant(ctx, async (tx) => {
    const [job] = await tx.select().from(planImports).where(eq(planImports.id, importId));
    if (!job) return null;
    const [file] = await tx.select().from(attachments).where(eq(attachments.id, job.attachmentId));
    const unitRows = await tx.select({ id: units.id, name: units.name, code: units.code }).from(units);
    const [tenant] = await tx.select().from(tenants);
    // The agency's plans, to warn when the import likely duplicates one (issue #14 point 9).
    const existing = await tx
      .select({ id: plans.id, summary: plans.summary, numberSymbol: plans.numberSymbol, year: plans.year })
      .from(plans);
    return { job, file, unitRows, existing, place: tenant?.place ?? '' };
  });
  if (!loaded?.file) return;
  // pg-boss runs a job again after a crash; an import that was already running when the process
  // died would crash it again (issue #16 point 3), so it fails for good instead.
  if (loaded.job.status !== 'queued') {
    if (loaded.job.status === 'running')
      await update({ status: 'failed', error: new PlanImportError('INTERRUPTED', loaded.file.filename).message });
    return;
  }
  try {
    await update({ status: 'running', stage: STAGES.read });
    let last = 0;
    const { extracted, parsed } = await readPlanInWorker(
      { buffer: loaded.file.data, filename: loaded.file.filename },
      {
        units: loaded.unitRows.map((u) => u.name),
        onProgress: (done, total, stage) => {
          // Write progress at most twice a second; OCR pages take longer than that.
          const now = Date.now();
          if (now - last < 500 && done < total) return;
          last = now;
          void update({ stage: STAGES[stage] ?? stage, done, total });
        },
      },
    );
    const draft = buildImportDraft(parsed, {
      filename: loaded.file.filename,
      kind: extracted.source,
      pages: extracted.pages ?? null,
      units: loaded.unitRows,
      defaultPlace: loaded.place,
      fallbackYear: Number(todayInVietnam().slice(0, 4)),
      existing: loaded.existing,
    });
    await update({ status: 'done', stage: null, result: draft, done: extracted.pages ?? 1, total: extracted.pages ?? 1 });
  } catch (err) {
    const message =
      err instanceof PlanImportError ? err.message : `Không đọc được văn bản / Could not read the document: ${(err as Error).message}`;
    await update({ status: 'failed', error: message });
  }
}
