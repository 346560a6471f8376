/**
 * Body of the import worker thread (see `worker.ts`): reads and parses one file and posts
 * progress and the result to the parent. It runs under `resourceLimits`, so a document that
 * needs more memory than allowed ends this thread, not the server (issue #16 point 3).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parsePlanText } from '../../domain/plan-text';
import { PlanImportError } from './errors';
import { extractPlanText } from './extract';
import { shippedRestorer } from './restore-model';
import type { WorkerRequest, WorkerMessage } from './worker';

/** Longest text parsed: a 100-page plan has about 300,000 characters. */
const MAX_TEXT_CHARS = 1_500_000;
const req = workerData as WorkerRequest;
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);

try {
  const file = req.path ?? { buffer: req.bytes!, filename: req.filename };
  const extracted = await extractPlanText(file, { onProgress: (done, total, stage) => post({ kind: 'progress', done, total, stage }) });
  // V8 cannot stop a thread that makes one huge allocation within its limits (the process dies
  // instead), so text beyond any real plan's length is refused before parsing.
  if (extracted.text.length > MAX_TEXT_CHARS)
    throw new PlanImportError('TOO_LARGE', `${req.filename}: ${extracted.text.length} ký tự / characters`);
  const parsed = parsePlanText(extracted.text, { units: req.units, restorer: shippedRestorer() });
  post({ kind: 'done', extracted, parsed });
} catch (e) {
  if (e instanceof PlanImportError) post({ kind: 'error', code: e.code, detail: e.detail });
  else post({ kind: 'error', code: null, detail: (e as Error).message });
}
