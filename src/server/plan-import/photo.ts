/**
 * Straightening a phone photo of a page before OCR (issue #15): a photo is taken at a slant and
 * under uneven light, and Tesseract reads such a page much worse. The light is evened out by
 * dividing each pixel by the page's background (a large box blur), and the skew is the angle
 * whose horizontal projection of ink is the most peaked (text lines line up); the page is then
 * rotated back. @napi-rs/canvas (already used to render PDF pages) does the pixel work.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';

/** Result of {@link straightenPhoto}. */
export interface StraightenedPhoto {
  /** PNG of the evened-out, rotated page. */
  readonly png: Buffer;
  /** The skew found, degrees (positive: the text rises to the right). */
  readonly angle: number;
}

/** Box blur by an integral image; returns the local mean of `gray` in a (2r+1)² window. */
function boxMean(gray: Float32Array, w: number, h: number, r: number): Float32Array {
  const ii = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += gray[y * w + x]!;
      ii[(y + 1) * (w + 1) + x + 1] = ii[y * (w + 1) + x + 1]! + row;
    }
  }
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(w, x + r + 1);
      const sum = ii[y1 * (w + 1) + x1]! - ii[y0 * (w + 1) + x1]! - ii[y1 * (w + 1) + x0]! + ii[y0 * (w + 1) + x0]!;
      out[y * w + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}

/**
 * The skew of a page from its ink pixels: the angle that makes the row histogram of the
 * rotated ink most peaked (sum of squared counts), searched coarse then fine.
 * @param ink - ink pixel coordinates, [x0, y0, x1, y1, …].
 * @param h - image height (histogram size).
 * @param w - image width.
 * @returns degrees.
 */
export function skewOf(ink: Float32Array, w: number, h: number): number {
  const score = (deg: number): number => {
    const a = (deg * Math.PI) / 180;
    const sin = Math.sin(a);
    const cos = Math.cos(a);
    const off = Math.ceil(w * Math.abs(sin)) + 1;
    const bins = new Float64Array(h + 2 * off + 2);
    for (let i = 0; i < ink.length; i += 2) {
      const y = ink[i + 1]! * cos - (ink[i]! - w / 2) * sin;
      bins[Math.round(y) + off]! += 1;
    }
    let s = 0;
    for (const b of bins) s += b * b;
    return s;
  };
  let best = 0;
  let bestScore = -1;
  for (let d = -15; d <= 15; d += 1) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  const coarse = best;
  for (let d = coarse - 1; d <= coarse + 1; d += 0.1) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  return Math.round(best * 10) / 10;
}

/**
 * Evens out the light of a photographed page and rotates it straight.
 * @param image - the photo (PNG, JPEG, WebP…).
 * @returns a PNG ready for OCR and the skew that was corrected.
 */
export async function straightenPhoto(image: Uint8Array): Promise<StraightenedPhoto> {
  const img = await loadImage(Buffer.from(image));
  // Work at most 2400 px on the longer side: enough for OCR, bounded memory.
  const scale = Math.min(1, 2400 / Math.max(img.width, img.height));
  const w = Math.max(1, Math.round(img.width * scale));
  const h = Math.max(1, Math.round(img.height * scale));
  const src = createCanvas(w, h);
  const sctx = src.getContext('2d');
  sctx.drawImage(img, 0, 0, w, h);
  const data = sctx.getImageData(0, 0, w, h);
  const gray = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) gray[i] = 0.299 * data.data[i * 4]! + 0.587 * data.data[i * 4 + 1]! + 0.114 * data.data[i * 4 + 2]!;
  // Uneven light: the background is the local mean over a window much larger than a letter.
  const bg = boxMean(gray, w, h, Math.max(8, Math.round(Math.min(w, h) / 16)));
  const inkXY: number[] = [];
  const step = Math.max(1, Math.round(Math.sqrt((w * h) / 400_000)));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const v = Math.max(0, Math.min(255, (gray[i]! / Math.max(1, bg[i]!)) * 235));
      gray[i] = v;
      if (v < 150 && x % step === 0 && y % step === 0) inkXY.push(x, y);
    }
  }
  const angle = inkXY.length > 20 ? -skewOf(Float32Array.from(inkXY), w, h) : 0;
  for (let i = 0; i < w * h; i++) {
    const v = gray[i]!;
    data.data[i * 4] = v;
    data.data[i * 4 + 1] = v;
    data.data[i * 4 + 2] = v;
    data.data[i * 4 + 3] = 255;
  }
  sctx.putImageData(data, 0, 0);
  const out = createCanvas(w, h);
  const octx = out.getContext('2d');
  octx.fillStyle = '#ffffff';
  octx.fillRect(0, 0, w, h);
  octx.translate(w / 2, h / 2);
  octx.rotate((angle * Math.PI) / 180);
  octx.drawImage(src, -w / 2, -h / 2);
  return { png: out.toBuffer('image/png'), angle };
}
