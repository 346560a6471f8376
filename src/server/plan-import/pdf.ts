/**
 * PDF text and page rendering with pdfjs-dist (legacy build, for Node) and @napi-rs/canvas
 * (a prebuilt Skia binary from npm; no system programs, no node-gyp).
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let pdfjsPromise: Promise<PdfJs> | null = null;
function pdfjs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/**
 * Opens a PDF from memory.
 * @param data - the file's bytes (copied; pdf.js takes ownership of the buffer it gets).
 * @returns the document; call `destroy()` when done.
 */
export async function openPdf(data: Uint8Array): Promise<PdfDocument> {
  const lib = await pdfjs();
  return lib.getDocument({
    data: new Uint8Array(data),
    standardFontDataUrl: path.join(PDFJS_DIR, 'standard_fonts') + path.sep,
    cMapUrl: path.join(PDFJS_DIR, 'cmaps') + path.sep,
    cMapPacked: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/**
 * The text layer of one page as lines: items grouped by baseline, ordered left to right, with
 * two spaces where a wide gap separates columns (the two-column header of Decree 30/2020).
 * @param doc - an open document.
 * @param pageNumber - 1-based page number.
 * @returns the page text.
 */
export async function pageText(doc: PdfDocument, pageNumber: number): Promise<string> {
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  const items = (content.items as unknown[]).filter((i): i is TextItem => typeof (i as TextItem).str === 'string');
  interface Row {
    y: number;
    h: number;
    parts: { x: number; end: number; s: string; size: number }[];
  }
  const rows: Row[] = [];
  for (const it of items) {
    if (it.str.length === 0) continue;
    const x = it.transform[4]!;
    const y = it.transform[5]!;
    const size = Math.hypot(it.transform[2]!, it.transform[3]!) || it.height || 10;
    let row = rows.find((r) => Math.abs(r.y - y) <= Math.max(2, size * 0.4));
    if (!row) {
      row = { y, h: size, parts: [] };
      rows.push(row);
    }
    row.parts.push({ x, end: x + it.width, s: it.str, size });
  }
  rows.sort((a, b) => b.y - a.y);
  const lines: string[] = [];
  let prev: Row | null = null;
  for (const r of rows) {
    if (prev && prev.y - r.y > Math.max(prev.h, r.h) * 1.9) lines.push('');
    r.parts.sort((a, b) => a.x - b.x);
    let line = '';
    let lastEnd: number | null = null;
    for (const p of r.parts) {
      if (lastEnd !== null) {
        const gap = p.x - lastEnd;
        if (gap > p.size * 2) line += '    ';
        else if (gap > p.size * 0.15 && !line.endsWith(' ') && !p.s.startsWith(' ')) line += ' ';
      }
      line += p.s;
      lastEnd = p.end;
    }
    lines.push(line.replace(/\s+$/, ''));
    prev = r;
  }
  page.cleanup();
  return lines.join('\n');
}

/**
 * Renders one page to a PNG for OCR.
 * @param doc - an open document.
 * @param pageNumber - 1-based page number.
 * @param dpi - resolution; 200 dpi is a good trade-off for Tesseract on A4 text.
 * @returns PNG bytes.
 */
export async function renderPagePng(doc: PdfDocument, pageNumber: number, dpi = 200): Promise<Buffer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport })
    .promise;
  page.cleanup();
  return canvas.toBuffer('image/png');
}
