/**
 * Loads the diacritic-restoration model shipped with the app (built by
 * scripts/restore-model/build.ts from public legal documents; see its README for the corpus
 * and licence) once per process.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, strFromU8 } from 'fflate';
import { ASSETS_DIR } from '../platform/paths';
import { createRestorer, type RestoreModel, type Restorer } from '../../domain/plan-text/restore';

let cached: Restorer | null = null;

/** The model file (assets/ of the installation: the same from the sources and from the build). */
export const RESTORE_MODEL_FILE = path.join(ASSETS_DIR, 'restore-model.json.gz');

/**
 * The restorer of the shipped model.
 * @returns a restorer (the model is read on first use).
 */
export function shippedRestorer(): Restorer {
  if (!cached) {
    const model = JSON.parse(strFromU8(gunzipSync(readFileSync(RESTORE_MODEL_FILE)))) as RestoreModel;
    cached = createRestorer(model);
  }
  return cached;
}
