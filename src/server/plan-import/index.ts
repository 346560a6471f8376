/**
 * Plan import, file side: text from .txt, .docx, PDF text layers, and OCR of scans and images
 * with the Vietnamese model, offline. The parsing itself is pure: `src/domain/plan-text`.
 */
export {
  extractPlanText,
  decodeText,
  type ExtractedPlanText,
  type ExtractOptions,
  type ExtractProgress,
  type PlanFile,
  type PlanTextSource,
} from './extract';
export { PlanImportError, type PlanImportErrorCode } from './errors';
export { docxToText } from './docx';
export { readPlanInWorker, type WorkerOptions } from './worker';
export { safeUnzip, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive';
export { shippedRestorer, RESTORE_MODEL_FILE } from './restore-model';
