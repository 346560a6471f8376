/**
 * Builders of small test files (no binary fixtures in the repo): Vietnamese text rendered with
 * Be Vietnam Pro (from npm) into PNG images, text PDFs and scanned (image-only) PDFs with
 * @napi-rs/canvas, and .docx files with the `docx` package. Used by the plan-import tests only.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, GlobalFonts, PDFDocument, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { strToU8, zipSync } from 'fflate';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('@fontsource/be-vietnam-pro/package.json')), 'files');
let registered = false;

/** Font stack with Vietnamese glyphs (the fontsource package splits latin and vietnamese subsets). */
export const FONT = 'BVPLatin, BVPVietnamese';

function registerFonts(): void {
  if (registered) return;
  GlobalFonts.registerFromPath(path.join(FONT_DIR, 'be-vietnam-pro-latin-400-normal.woff2'), 'BVPLatin');
  GlobalFonts.registerFromPath(path.join(FONT_DIR, 'be-vietnam-pro-vietnamese-400-normal.woff2'), 'BVPVietnamese');
  registered = true;
}

/**
 * Renders lines of text, black on white, to a PNG.
 * @param lines - the lines.
 * @param px - font size in pixels.
 * @returns PNG bytes.
 */
export function textPng(lines: readonly string[], px = 28): Buffer {
  registerFonts();
  const width = 40 + Math.max(...lines.map((l) => l.length)) * px * 0.62;
  const canvas = createCanvas(Math.ceil(width), Math.ceil(40 + lines.length * px * 1.6));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000000';
  ctx.font = `${px}px ${FONT}`;
  for (const [i, l] of lines.entries()) ctx.fillText(l, 20, 20 + px + i * px * 1.6);
  return canvas.toBuffer('image/png');
}

/**
 * A PDF with a real text layer (Skia's PDF backend embeds the font and a ToUnicode map).
 * @param pages - lines per page.
 * @returns PDF bytes.
 */
export function textPdf(pages: readonly (readonly string[])[]): Buffer {
  registerFonts();
  const doc = new PDFDocument({ title: 'Kế hoạch' });
  for (const lines of pages) {
    const ctx = doc.beginPage(595, 842);
    ctx.fillStyle = '#000000';
    ctx.font = `11px ${FONT}`;
    for (const [i, l] of lines.entries()) ctx.fillText(l, 50, 60 + i * 15);
    doc.endPage();
  }
  return doc.close();
}

/**
 * A scanned PDF: each page is only an image of its lines, no text layer.
 * @param pages - lines per page.
 * @param images - decoder for the PNGs (`loadImage` of @napi-rs/canvas).
 * @returns PDF bytes.
 */
export async function scannedPdf(pages: readonly (readonly string[])[], images: (png: Buffer) => Promise<Image>): Promise<Buffer> {
  const doc = new PDFDocument({ title: 'scan' });
  for (const lines of pages) {
    const img = await images(textPng(lines, 32));
    const w = 540;
    const h = (img.height / img.width) * w;
    const ctx = doc.beginPage(595, h + 40) as unknown as SKRSContext2D;
    ctx.drawImage(img, 27, 20, w, h);
    doc.endPage();
  }
  return doc.close();
}

/**
 * A .docx with one paragraph per line; the lines of `numbered` get Word's automatic numbering
 * ("1.", "2." at level 0), to check that extraction renders it.
 * @param lines - plain paragraphs.
 * @param numbered - paragraphs numbered automatically, appended after `lines`.
 * @param tail - plain paragraphs after the numbered ones.
 * @returns .docx bytes.
 */
export async function docxFile(lines: readonly string[], numbered: readonly string[] = [], tail: readonly string[] = []): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [{ reference: 'items', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }],
    },
    sections: [
      {
        children: [
          ...lines.map((l) => new Paragraph({ children: [new TextRun(l)] })),
          ...numbered.map((l) => new Paragraph({ children: [new TextRun(l)], numbering: { reference: 'items', level: 0 } })),
          ...tail.map((l) => new Paragraph({ children: [new TextRun(l)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A .docx whose document.xml is `mb` MiB of spaces inside one paragraph: a few hundred KB packed. */
export function bombDocx(mb: number): Uint8Array {
  const pad = new Uint8Array(mb * 1024 * 1024).fill(0x20);
  const head = strToU8('<w:document><w:body><w:p><w:r><w:t>Kế hoạch');
  const tail = strToU8('</w:t></w:r></w:p></w:body></w:document>');
  const xml = new Uint8Array(head.length + pad.length + tail.length);
  xml.set(head);
  xml.set(pad, head.length);
  xml.set(tail, head.length + pad.length);
  return zipSync({ 'word/document.xml': [xml, { level: 9 }] });
}

/**
 * A phone photo of a page: the text rotated by `degrees` (rising to the right when positive) and
 * a shadow darkening one corner.
 * @param lines - the page's lines.
 * @param degrees - the slant.
 * @returns PNG bytes.
 */
export async function photoOfPage(lines: readonly string[], degrees: number): Promise<Buffer> {
  const { loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(textPng(lines, 30));
  const c = createCanvas(img.width + 200, img.height + 300);
  const x = c.getContext('2d');
  x.fillStyle = '#ffffff';
  x.fillRect(0, 0, c.width, c.height);
  x.translate(c.width / 2, c.height / 2);
  x.rotate((-degrees * Math.PI) / 180);
  x.drawImage(img, -img.width / 2, -img.height / 2);
  x.setTransform(1, 0, 0, 1, 0, 0);
  const shade = x.createLinearGradient(0, 0, c.width, c.height);
  shade.addColorStop(0, 'rgba(0,0,0,0)');
  shade.addColorStop(1, 'rgba(60,50,20,0.55)');
  x.fillStyle = shade;
  x.fillRect(0, 0, c.width, c.height);
  return c.toBuffer('image/png');
}
