/**
 * `extractPlanText`: turns an uploaded or local file into text for the plan parser, in the
 * order of preference of VIETNAMESE.md §0 point 1 — the document's own text (plain text, .docx,
 * the PDF text layer) first, OCR with the Vietnamese model only for scans and images.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { docxToText } from './docx';
import { htmlToText } from './html';
import { PlanImportError } from './errors';
import { createVieOcr, type VieOcr } from './ocr';
import { openPdf, pageText, renderPagePng } from './pdf';
import { straightenPhoto } from './photo';

/** Where the text came from. */
export type PlanTextSource = 'text' | 'html' | 'docx' | 'pdf-text' | 'ocr';

/** Result of {@link extractPlanText}. */
export interface ExtractedPlanText {
  /** The text, NFC. */
  readonly text: string;
  readonly source: PlanTextSource;
  /** Pages of a PDF (or 1 for an image). */
  readonly pages?: number;
}

/** Progress of a long extraction: `done` of `total` steps of `stage` ("ocr"). */
export type ExtractProgress = (done: number, total: number, stage: 'read' | 'render' | 'ocr') => void;

/** Options of {@link extractPlanText}. */
export interface ExtractOptions {
  readonly onProgress?: ExtractProgress;
  /** Below this many letters per page, a PDF is treated as a scan and OCR'd (default 40). */
  readonly minLettersPerPage?: number;
  /** OCR resolution for scanned PDFs (default 200 dpi). */
  readonly dpi?: number;
}

/** A file given as bytes (an upload) or a path. */
export type PlanFile = string | { readonly buffer: Uint8Array; readonly filename: string };

type Kind = 'pdf' | 'docx' | 'image' | 'text' | 'html' | 'unsupported';

const IMAGE_EXT = new Set(['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.bmp', '.webp', '.pbm']);

function sniff(b: Uint8Array, filename: string): { kind: Kind; why: string } {
  const ext = path.extname(filename).toLowerCase();
  const head = (n: number): string => String.fromCharCode(...b.subarray(0, n));
  if (head(5) === '%PDF-') return { kind: 'pdf', why: 'pdf' };
  if (b[0] === 0x89 && head(4).slice(1) === 'PNG') return { kind: 'image', why: 'png' };
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { kind: 'image', why: 'jpeg' };
  if (head(4) === 'II*\0' || head(4) === 'MM\0*') return { kind: 'image', why: 'tiff' };
  if (head(2) === 'BM' && IMAGE_EXT.has(ext)) return { kind: 'image', why: 'bmp' };
  if (head(4) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP') return { kind: 'image', why: 'webp' };
  if (head(4) === 'PK\u0003\u0004')
    return ext === '.docx' || ext === '' || ext === '.docm' ? { kind: 'docx', why: 'docx' } : { kind: 'unsupported', why: ext || 'zip' };
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0)
    return { kind: 'unsupported', why: `${ext || '.doc'} (Word 97–2003)` };
  if (IMAGE_EXT.has(ext)) return { kind: 'unsupported', why: ext };
  if (looksLikeText(b)) {
    const start = new TextDecoder().decode(b.subarray(0, 1024)).trimStart().toLowerCase();
    const html = ext === '.html' || ext === '.htm' || start.startsWith('<!doctype html') || start.startsWith('<html');
    return html ? { kind: 'html', why: 'html' } : { kind: 'text', why: 'text' };
  }
  return { kind: 'unsupported', why: ext || 'binary' };
}

function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return true;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  const n = Math.min(b.length, 4096);
  let control = 0;
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) zeros++;
    else if (c < 9 || (c > 13 && c < 32)) control++;
  }
  // UTF-16 without a BOM has a zero in every other byte.
  if (zeros > n / 3) return true;
  return zeros === 0 && control < n / 100;
}

/**
 * Decodes plain text: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or BOM-less LE), and, when
 * the bytes are not valid UTF-8, Windows-1258 (the legacy Vietnamese code page).
 * @param b - the bytes.
 * @returns the decoded text.
 */
export function decodeText(b: Uint8Array): string {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3));
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  let zerosOdd = 0;
  for (let i = 1; i < Math.min(b.length, 4096); i += 2) if (b[i] === 0) zerosOdd++;
  if (b.length > 8 && zerosOdd > Math.min(b.length, 4096) / 4) return new TextDecoder('utf-16le').decode(b);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return new TextDecoder('windows-1258').decode(b);
  }
}

/** Largest plain-text file read (a 100-page plan is under 1 MB). */
const MAX_TEXT_BYTES = 4 * 1024 * 1024;

const letters = (s: string): number => (s.match(/\p{L}/gu) ?? []).length;

async function load(file: PlanFile): Promise<{ bytes: Uint8Array; filename: string }> {
  if (typeof file !== 'string') return { bytes: file.buffer, filename: file.filename };
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new PlanImportError(code === 'ENOENT' || code === 'ENOTDIR' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', file, { cause: e });
  }
  if (!st.isFile()) throw new PlanImportError('FILE_UNREADABLE', `${file} (không phải tệp / not a file)`);
  try {
    return { bytes: await readFile(file), filename: file };
  } catch (e) {
    throw new PlanImportError('FILE_UNREADABLE', file, { cause: e });
  }
}

/**
 * Extracts the text of a plan document.
 * @param file - a path, or `{ buffer, filename }` for an upload.
 * @param options - progress callback and OCR settings.
 * @returns the text (NFC) and where it came from.
 * @throws PlanImportError FILE_NOT_FOUND / FILE_UNREADABLE / UNSUPPORTED_FORMAT / NO_TEXT.
 */
export async function extractPlanText(file: PlanFile, options: ExtractOptions = {}): Promise<ExtractedPlanText> {
  const { bytes, filename } = await load(file);
  const name = path.basename(filename);
  const { kind, why } = sniff(bytes, filename);
  const progress = options.onProgress ?? (() => undefined);
  const done = (text: string, source: PlanTextSource, pages?: number): ExtractedPlanText => {
    const nfc = text.normalize('NFC');
    if (letters(nfc) === 0) throw new PlanImportError('NO_TEXT', name);
    return pages === undefined ? { text: nfc, source } : { text: nfc, source, pages };
  };
  switch (kind) {
    case 'text':
      // Decoding and normalizing a huge text are single large allocations that no memory limit
      // of a worker thread can stop; no plan is this long (issue #16 point 3).
      if (bytes.length > MAX_TEXT_BYTES) throw new PlanImportError('TOO_LARGE', `${name}: ${Math.round(bytes.length / 1024 / 1024)} MB`);
      return done(decodeText(bytes), 'text');
    case 'html':
      if (bytes.length > MAX_TEXT_BYTES * 4)
        throw new PlanImportError('TOO_LARGE', `${name}: ${Math.round(bytes.length / 1024 / 1024)} MB`);
      return done(htmlToText(decodeText(bytes)), 'html');
    case 'docx': {
      let text: string;
      try {
        text = docxToText(bytes, name);
      } catch (e) {
        if (e instanceof PlanImportError) throw e;
        throw new PlanImportError('FILE_UNREADABLE', `${name}: ${(e as Error).message}`, { cause: e });
      }
      return done(text, 'docx');
    }
    case 'pdf':
      return extractPdf(bytes, name, options, progress, done);
    case 'image': {
      progress(0, 1, 'ocr');
      // A phone photo: even out the light and rotate the page straight before OCR.
      const page = await straightenPhoto(bytes).catch((e: unknown) => {
        throw new PlanImportError('FILE_UNREADABLE', `${name} (${why})`, { cause: e });
      });
      const ocr = await startOcr();
      try {
        const text = await ocr.recognize(page.png).catch((e: unknown) => {
          throw new PlanImportError('FILE_UNREADABLE', `${name} (${why})`, { cause: e });
        });
        progress(1, 1, 'ocr');
        return done(text, 'ocr', 1);
      } finally {
        await ocr.terminate();
      }
    }
    default:
      throw new PlanImportError('UNSUPPORTED_FORMAT', `${name}: ${why}`);
  }
}

async function startOcr(): Promise<VieOcr> {
  return createVieOcr();
}

async function extractPdf(
  bytes: Uint8Array,
  name: string,
  options: ExtractOptions,
  progress: ExtractProgress,
  done: (text: string, source: PlanTextSource, pages?: number) => ExtractedPlanText,
): Promise<ExtractedPlanText> {
  let doc: Awaited<ReturnType<typeof openPdf>>;
  try {
    doc = await openPdf(bytes);
  } catch (e) {
    throw new PlanImportError('FILE_UNREADABLE', `${name}: ${(e as Error).message}`, { cause: e });
  }
  try {
    const pages = doc.numPages;
    const texts: string[] = [];
    for (let p = 1; p <= pages; p++) {
      texts.push(await pageText(doc, p));
      progress(p, pages, 'read');
    }
    const minLetters = options.minLettersPerPage ?? 40;
    if (letters(texts.join('')) >= minLetters * pages) return done(texts.join('\n\n'), 'pdf-text', pages);
    // A scan: render every page and OCR it with the Vietnamese model.
    const ocr = await startOcr();
    try {
      const out: string[] = [];
      progress(0, pages, 'ocr');
      for (let p = 1; p <= pages; p++) {
        const png = await renderPagePng(doc, p, options.dpi ?? 200);
        out.push(await ocr.recognize(png));
        progress(p, pages, 'ocr');
      }
      return done(out.join('\n\n'), 'ocr', pages);
    } finally {
      await ocr.terminate();
    }
  } finally {
    await doc.destroy();
  }
}
