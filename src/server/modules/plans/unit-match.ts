/**
 * Match unit names found in a plan document (often OCR-damaged: "Trudng cac don vi thudc S¢")
 * to the agency's own units, ignoring diacritics and tolerating OCR noise (VIETNAMESE.md §1.6:
 * a gazetteer of the agency's units is small and known, so fuzzy matching against it is exact in
 * practice). Pure functions.
 */

/** Fold for comparison: NFC → strip marks, đ→d, OCR glyphs (¢/€→e, &→o, 6→o inside words), lower-case. */
export function ocrKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[¢€]/g, 'e')
    .replace(/&/g, 'o')
    .toLowerCase()
    .replace(/(?<=[a-z])6|6(?=[a-z])/g, 'o')
    .replace(/(?<=[a-z])1|1(?=[a-z])/g, 'l')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance (iterative, two rows). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

export function similarity(a: string, b: string): number {
  const x = ocrKey(a);
  const y = ocrKey(b);
  if (!x || !y) return 0;
  return 1 - levenshtein(x, y) / Math.max(x.length, y.length);
}

// Words that name the kind of unit but not which one.
const GENERIC = new Set(['phong', 'so', 'ban', 'trung', 'tam', 'chi', 'cuc', 'cua', 'va', 'tinh']);

export type UnitCandidate = { id: string; name: string; code?: string; aliases?: string[] };
export type UnitMatch = { unitId: string; name: string; score: number } | null;

/**
 * The best unit for a name, or null below `threshold`. Scores the whole name and also the best
 * window of the same length inside a longer text ("Văn phòng Sở là cơ quan thường trực…").
 */
export function matchUnit(text: string, units: UnitCandidate[], threshold = 0.78): UnitMatch {
  const key = ocrKey(text);
  if (!key) return null;
  let best: UnitMatch = null;
  for (const u of units) {
    for (const label of [u.name, ...(u.aliases ?? []), ...(u.code ? [u.code] : [])]) {
      const lk = ocrKey(label);
      if (!lk) continue;
      let score = 1 - levenshtein(key, lk) / Math.max(key.length, lk.length);
      if (key.length > lk.length) {
        // Slide a window of the label's word count over the text.
        const words = key.split(' ');
        const n = lk.split(' ').length;
        for (let i = 0; i + n <= words.length; i++) {
          const w = words.slice(i, i + n).join(' ');
          score = Math.max(score, 1 - levenshtein(w, lk) / Math.max(w.length, lk.length));
        }
      }
      if (lk.length > key.length && key.split(' ').filter((w) => !GENERIC.has(w)).length >= 2) {
        // A short name inside a longer official one ("Công đoàn cơ sở" → "Công đoàn cơ sở Sở KH&CN").
        const words = lk.split(' ');
        const n = key.split(' ').length;
        for (let i = 0; i + n <= words.length; i++) {
          const w = words.slice(i, i + n).join(' ');
          score = Math.max(score, (1 - levenshtein(w, key) / Math.max(w.length, key.length)) * 0.97);
        }
      }
      // A match made only of generic words ("Phòng", "Sở") is no match.
      const specific = lk.split(' ').filter((w) => !GENERIC.has(w));
      if (specific.length === 0 && key !== lk) score = Math.min(score, threshold - 0.01);
      if (score >= threshold && (!best || score > best.score)) best = { unitId: u.id, name: u.name, score: Math.round(score * 100) / 100 };
    }
  }
  return best;
}
