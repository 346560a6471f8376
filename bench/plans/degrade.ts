/**
 * Damages clean Vietnamese text the way OCR with an English model damages it (VIETNAMESE.md
 * §1.1 "OCR damage seen in the seed", §1.5): diacritics dropped or replaced by look-alike glyphs,
 * Đ read as D/P/B, the frequent words "số", "của", "ngày" misread, a little letter noise. It is
 * deterministic for a seed, so the damaged fixtures can be rebuilt byte for byte.
 */

/** A small seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const strip = (ch: string): string =>
  ch
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** Glyphs an English OCR model puts for accented vowels (the seed: "s6", "Ké", "K&", "¢"). */
const GLYPH: Record<string, string[]> = {
  a: ['a', 'á', 'à', '&'],
  e: ['é', 'e', '¢', '€'],
  o: ['6', 'é', 'o', '&'],
  u: ['u', 'ú', 'ii'],
  i: ['i', 'í', '1'],
  y: ['y', 'ý'],
};
const WORDS: Record<string, string[]> = {
  số: ['s6', 'sb', 'sé', 's&', 's¢'],
  của: ['ctia', 'ciia', 'cta', 'caa', 'clia'],
  ngày: ['ngay', 'ngáy'],
  Đảng: ['Pang', 'Dang', 'Ðang'],
};

/** Options of {@link degrade}. */
export interface DegradeOptions {
  /** 'strip': every diacritic removed; 'ocr': the mixed damage of an English OCR model. */
  readonly mode: 'strip' | 'ocr';
  readonly seed: number;
  /** Share of accented letters whose marks are dropped (ocr mode, default 0.55). */
  readonly dropRate?: number;
  /** Share of accented letters replaced by a look-alike glyph (ocr mode, default 0.2). */
  readonly glyphRate?: number;
  /** Share of other letters damaged (ocr mode, default 0.01). */
  readonly noiseRate?: number;
}

/**
 * Damages a text.
 * @param text - clean NFC text.
 * @param o - mode, seed and rates.
 * @returns the damaged text (same lines).
 */
export function degrade(text: string, o: DegradeOptions): string {
  if (o.mode === 'strip') return [...text.normalize('NFC')].map(strip).join('');
  const r = rng(o.seed);
  const drop = o.dropRate ?? 0.55;
  const glyph = o.glyphRate ?? 0.2;
  const noise = o.noiseRate ?? 0.01;
  return text.normalize('NFC').replace(/[\p{L}\p{M}]+|[^\p{L}\p{M}]+/gu, (tok) => {
    if (!/\p{L}/u.test(tok)) return tok;
    const w = WORDS[tok];
    if (w && r() < 0.7) return w[Math.floor(r() * w.length)]!;
    let out = '';
    for (const ch of tok) {
      const base = strip(ch);
      if (ch === 'Đ' || ch === 'đ') {
        const x = r();
        out += x < 0.5 ? (ch === 'Đ' ? 'D' : 'd') : x < 0.75 ? (ch === 'Đ' ? 'P' : 'p') : x < 0.9 ? (ch === 'Đ' ? 'B' : 'b') : ch;
        continue;
      }
      if (base !== ch) {
        const x = r();
        if (x < drop) out += base;
        else if (x < drop + glyph) {
          const g = GLYPH[base.toLowerCase()];
          out += g ? g[Math.floor(r() * g.length)]! : base;
        } else out += ch;
        continue;
      }
      if (/[a-z]/i.test(ch) && r() < noise) {
        const x = r();
        out += x < 0.3 ? '' : x < 0.5 ? (ch === 'l' ? '1' : ch === 'm' ? 'rn' : ch) : x < 0.7 ? 'i' : x < 0.85 ? 'c' : 'e';
        continue;
      }
      out += ch;
    }
    return out;
  });
}
