/**
 * Reading a plan document in a worker thread with a memory ceiling (issue #16 point 3): text
 * extraction, OCR and parsing run in `worker-main.ts` under `resourceLimits`; when the thread
 * runs out of memory, or dies otherwise, the import fails with a message and the server
 * carries on.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParsedPlan } from '../../domain/plan-text';
import { SERVER_DIST_DIR } from '../platform/paths';
import { PlanImportError, type PlanImportErrorCode } from './errors';
import type { ExtractedPlanText, ExtractProgress, PlanFile } from './extract';

/** What the worker is given. */
export interface WorkerRequest {
  readonly path?: string;
  readonly bytes?: Uint8Array;
  readonly filename: string;
  readonly units: readonly string[];
}

/** What the worker posts back. */
export type WorkerMessage =
  | { kind: 'progress'; done: number; total: number; stage: Parameters<ExtractProgress>[2] }
  | { kind: 'done'; extracted: ExtractedPlanText; parsed: ParsedPlan }
  | { kind: 'error'; code: PlanImportErrorCode | null; detail: string };

/** Options of {@link readPlanInWorker}. */
export interface WorkerOptions {
  readonly units?: readonly string[];
  readonly onProgress?: ExtractProgress;
  /** Old-generation heap of the thread, MB (default 768: OCR of a multi-page scan fits). */
  readonly maxMemoryMb?: number;
}

/**
 * What the thread runs. Built (dist/server, plain JavaScript): the worker's own bundle. From the
 * sources (tsx, vitest): the TypeScript entry, after registering tsx in the thread (a worker
 * starts without the parent's loader hooks).
 */
const BUILT = import.meta.url.endsWith('.js');
const ENTRY = BUILT
  ? pathToFileURL(path.join(SERVER_DIST_DIR, 'plan-import-worker.js')).href
  : pathToFileURL(new URL('./worker-main.ts', import.meta.url).pathname).href;
const BOOT = BUILT
  ? `import(${JSON.stringify(ENTRY)});`
  : `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(ENTRY)}); });`;

/**
 * Extracts and parses a plan file in a memory-limited worker thread.
 * @param file - a path, or `{ buffer, filename }`.
 * @param options - unit names, progress callback, memory ceiling.
 * @returns the extracted text and the parsed plan.
 * @throws PlanImportError (the worker's own, or TOO_LARGE when it ran out of memory).
 */
export function readPlanInWorker(
  file: PlanFile,
  options: WorkerOptions = {},
): Promise<{ extracted: ExtractedPlanText; parsed: ParsedPlan }> {
  const data: WorkerRequest =
    typeof file === 'string'
      ? { path: file, filename: file, units: options.units ?? [] }
      : { bytes: file.buffer, filename: file.filename, units: options.units ?? [] };
  const name = typeof file === 'string' ? file : file.filename;
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? 768, maxYoungGenerationSizeMb: 64 },
    });
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'progress') options.onProgress?.(m.done, m.total, m.stage);
      else if (m.kind === 'done') finish(() => resolve({ extracted: m.extracted, parsed: m.parsed }));
      else finish(() => reject(m.code ? new PlanImportError(m.code, m.detail) : new Error(m.detail)));
    });
    worker.on('error', (e: Error & { code?: string }) =>
      finish(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new PlanImportError('TOO_LARGE', name, { cause: e })
            : new PlanImportError('FILE_UNREADABLE', `${name}: ${e.message}`, { cause: e }),
        ),
      ),
    );
    worker.on('exit', (code) => finish(() => reject(new PlanImportError('FILE_UNREADABLE', `${name} (exit ${code})`))));
  });
}
