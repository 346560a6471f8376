/**
 * OCR with tesseract.js and the Vietnamese model from npm (`@tesseract.js-data/vie`), offline:
 * the language data is read from the package folder (no CDN) and nothing is cached on disk
 * (VIETNAMESE.md §0 point 1, §2.1: `-l vie` gave 205/205 tokens where `-l eng` gave 29/205).
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Folder of the `vie` traineddata shipped by `@tesseract.js-data/vie` (the "fast"/4.0.0 model). */
export function vieLangPath(): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/vie/package.json')), '4.0.0');
}

/** A Tesseract worker for Vietnamese, created lazily and reused for every page of one file. */
export interface VieOcr {
  /** Recognizes one image (PNG, JPEG, BMP, TIFF…); returns its text. */
  recognize(image: Buffer): Promise<string>;
  terminate(): Promise<void>;
}

/**
 * Starts a Vietnamese OCR worker.
 * @returns the worker; call `terminate()` when done.
 */
export async function createVieOcr(): Promise<VieOcr> {
  const { createWorker, OEM } = await import('tesseract.js');
  const worker = await createWorker('vie', OEM.LSTM_ONLY, {
    langPath: vieLangPath(),
    gzip: true,
    cacheMethod: 'none',
    logger: () => undefined,
    errorHandler: () => undefined,
  });
  return {
    async recognize(image: Buffer): Promise<string> {
      const r = await worker.recognize(image);
      return r.data.text;
    },
    async terminate(): Promise<void> {
      await worker.terminate();
    },
  };
}
