/**
 * Plan text parser (pure, no I/O): extracts the structure of a Vietnamese administrative plan
 * from clean or OCR-damaged text. See VIETNAMESE.md §1 and DOMAIN.md §5.
 */
export { parsePlanText, toImportJson } from './parse';
export { normalizePlanText, foldShadow, fold, ocrKey, ocrSimilarity } from './normalize';
export { repairTypeCode, repairIssuerCode, TYPE_CODES } from './codes';
export type * from './types';
export { createRestorer, syllableRuns, type RestoreModel, type RestoredWord, type Restorer, type RestoreResult } from './restore';
