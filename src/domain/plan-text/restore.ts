/**
 * Restoring Vietnamese text that lost its diacritics or was misread by OCR (issue #15;
 * VIETNAMESE.md §2): a syllable bigram model with Viterbi decoding over each run of words,
 * candidates from the folded form of every word, OCR's glyph confusions (VIETNAMESE.md §1.1:
 * "s6" số, "ctia" của, "Pang" Đảng, "¢"/"€" for ê, "6" for ô, "1" for l) and, for a word the
 * model has never seen, the known syllables one edit away. Pure: the model's counts are given
 * by the caller (the server loads them from the file the build script writes).
 *
 * Nothing is restored silently: every changed word is reported with its source and a
 * confidence, and the review screen asks a person to confirm before anything is saved.
 */
import { fold } from './normalize';

/** Counts of the model, as the build script writes them. */
export interface RestoreModel {
  readonly tokens: number;
  /** Lower-case NFC syllable → count. */
  readonly unigrams: Readonly<Record<string, number>>;
  /** "a b" (lower-case syllables, `<s>`/`</s>` at run edges) → count. */
  readonly bigrams: Readonly<Record<string, number>>;
}

/** A word the restorer changed. */
export interface RestoredWord {
  /** Offsets in the restored text. */
  readonly start: number;
  readonly end: number;
  /** The word as the source had it. */
  readonly source: string;
  readonly restored: string;
  /** In [0, 1]: how much the model prefers this word to the next best. */
  readonly confidence: number;
}

/** Result of {@link Restorer.restore}. */
export interface RestoreResult {
  readonly text: string;
  readonly changes: readonly RestoredWord[];
}

/** Options of {@link Restorer.restore}. */
export interface RestoreOptions {
  /**
   * `damaged`: every word may change (text without diacritics or from OCR); `clean`: only words
   * that are not Vietnamese syllables as written (OCR junk in otherwise good text).
   */
  readonly mode: 'damaged' | 'clean';
}

/** A restorer bound to one model. */
export interface Restorer {
  restore(text: string, options: RestoreOptions): RestoreResult;
  /** Whether a text looks damaged (most syllables without marks, or OCR glyphs inside words). */
  looksDamaged(text: string): boolean;
}

const WORD = /[\p{L}\p{M}¢€£&@0-9]+/gu;
const HAS_LETTER = /\p{L}/u;
const OCR_GLYPH_IN_WORD = /\p{L}[¢€£&@0-9]|[¢€£&@0-9]\p{L}/u;
const MARKED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** Runs of Vietnamese words (syllables) in a text: runs break at punctuation other than "-". */
export function syllableRuns(text: string): string[][] {
  const runs: string[][] = [];
  for (const part of text.split(/[.,;:!?()[\]{}"“”'‘’«»/|…\n]+|\s[-–]\s/)) {
    const run = part.match(/\p{L}+/gu)?.filter((w) => w.length <= 7) ?? [];
    if (run.length > 0) runs.push(run);
  }
  return runs;
}

/** Letters OCR puts for others, inside a word (VIETNAMESE.md §1.1). */
const GLYPHS: Record<string, readonly string[]> = {
  '¢': ['e'],
  '€': ['e'],
  '£': ['e'],
  '&': ['o', 'a'],
  '@': ['a'],
  '6': ['o'],
  '0': ['o'],
  '1': ['l', 'i'],
};
/** Whole-word misreadings of the most frequent words (VIETNAMESE.md §1.1). */
const WORD_FIXES: Record<string, string> = {
  s6: 'so',
  sb: 'so',
  's&': 'so',
  's¢': 'so',
  ctia: 'cua',
  ciia: 'cua',
  cta: 'cua',
  caa: 'cua',
  clia: 'cua',
  ctua: 'cua',
  cia: 'cua',
  '&': 'o',
  '¢': 'o',
};

interface Candidate {
  readonly form: string;
  readonly cost: number;
}

const LN10 = Math.log(10);

/**
 * Builds a restorer from model counts.
 * @param model - unigram and bigram counts.
 * @returns the restorer.
 */
export function createRestorer(model: RestoreModel): Restorer {
  const uni = new Map<string, number>(Object.entries(model.unigrams));
  const bi = new Map<string, number>(Object.entries(model.bigrams));
  const left = new Map<string, number>();
  for (const [k, c] of bi) {
    const a = k.slice(0, k.indexOf(' '));
    left.set(a, (left.get(a) ?? 0) + c);
  }
  const byKey = new Map<string, string[]>();
  for (const form of uni.keys()) {
    const k = fold(form);
    const list = byKey.get(k);
    if (list) list.push(form);
    else byKey.set(k, [form]);
  }
  // One-deletion index of the keys, for words one edit away from any known syllable.
  const dels = new Map<string, string[]>();
  const addDel = (d: string, k: string): void => {
    const l = dels.get(d);
    if (!l) dels.set(d, [k]);
    else if (!l.includes(k)) l.push(k);
  };
  for (const k of byKey.keys()) {
    addDel(k, k);
    for (let i = 0; i < k.length; i++) addDel(k.slice(0, i) + k.slice(i + 1), k);
  }
  const N = model.tokens || 1;
  const V = uni.size || 1;
  const pUni = (w: string): number => ((uni.get(w) ?? 0) + 0.1) / (N + 0.1 * V);
  const logP = (a: string, b: string): number => {
    const ca = left.get(a) ?? 0;
    const cab = bi.get(`${a} ${b}`) ?? 0;
    const lambda = ca > 0 ? 0.85 : 0;
    return Math.log(lambda * (ca > 0 ? cab / ca : 0) + (1 - lambda) * pUni(b) + 1e-12);
  };

  const near = (key: string): string[] => {
    const out = new Set<string>();
    for (const k of dels.get(key) ?? []) out.add(k);
    for (let i = 0; i < key.length; i++) for (const k of dels.get(key.slice(0, i) + key.slice(i + 1)) ?? []) out.add(k);
    out.delete(key);
    return [...out].filter((k) => Math.abs(k.length - key.length) <= 1);
  };

  /** Keys a damaged word may stand for, with the cost of the damage. */
  const keysOf = (obs: string): { key: string; cost: number }[] => {
    const f = fold(obs);
    const out: { key: string; cost: number }[] = [{ key: f, cost: 0 }];
    const fix = WORD_FIXES[obs.toLowerCase()];
    if (fix) out.push({ key: fix, cost: 0.2 });
    // Glyphs: expand each to its letters (at most 3 glyphs, else too many combinations).
    const glyphs = [...f].filter((c) => GLYPHS[c]).length;
    if (glyphs > 0 && glyphs <= 3) {
      let variants = [''];
      for (const c of f) variants = variants.flatMap((v) => (GLYPHS[c] ?? [c]).map((g) => v + g));
      for (const v of variants) out.push({ key: v, cost: 0.8 });
    }
    if (f.includes('ii')) out.push({ key: f.replace('ii', 'u'), cost: 0.8 });
    // Đ read as P or B (D is its folded form already).
    for (const { key, cost } of [...out]) if (/^[pb]/.test(key)) out.push({ key: `d${key.slice(1)}`, cost: cost + 0.6 });
    return out;
  };

  const candidatesOf = (obs: string, mode: RestoreOptions['mode']): Candidate[] => {
    const lower = obs.toLowerCase();
    const known = uni.has(lower);
    const marked = MARKED.test(lower);
    // In good text only OCR junk inside a word is repaired; a word the model does not know
    // (a name, a rare syllable) stays as written.
    if (mode === 'clean' && !OCR_GLYPH_IN_WORD.test(lower) && !WORD_FIXES[lower]) return [{ form: lower, cost: 0 }];
    const out = new Map<string, number>();
    const put = (form: string, cost: number): void => {
      const prev = out.get(form);
      if (prev === undefined || cost < prev) out.set(form, cost);
    };
    for (const { key, cost } of keysOf(lower)) {
      for (const form of byKey.get(key) ?? []) {
        // The marks the source kept are evidence: a form that keeps them costs nothing more.
        const same = form === lower;
        put(form, same ? cost : cost + (marked ? 2.2 : 0.3));
      }
    }
    if (out.size === 0) for (const k of near(fold(lower))) for (const form of byKey.get(k) ?? []) put(form, 3.2);
    if (known) put(lower, 0);
    else put(lower, out.size > 0 ? 5 : 0);
    return [...out]
      .map(([form, cost]) => ({ form, cost }))
      .sort((a, b) => a.cost - b.cost || (uni.get(b.form) ?? 0) - (uni.get(a.form) ?? 0))
      .slice(0, 10);
  };

  const looksDamaged = (text: string): boolean => {
    let words = 0;
    let bare = 0;
    let junk = 0;
    for (const m of text.matchAll(WORD)) {
      const w = m[0];
      if (!HAS_LETTER.test(w) || w.length < 2 || (w === w.toUpperCase() && !uni.has(w.toLowerCase()))) continue;
      words++;
      if (OCR_GLYPH_IN_WORD.test(w)) junk++;
      else if (!MARKED.test(w)) bare++;
    }
    // Well-formed Vietnamese has about a third of its syllables without marks.
    return words >= 5 && (bare / words > 0.55 || junk / words > 0.03);
  };

  const restore = (text: string, options: RestoreOptions): RestoreResult => {
    interface Tok {
      start: number;
      end: number;
      obs: string;
      cands: Candidate[];
      /** Whether the previous word token is its context (only spaces between). */
      joined: boolean;
    }
    const toks: Tok[] = [];
    let lastEnd = -1;
    for (const m of text.matchAll(WORD)) {
      const w = m[0];
      const start = m.index;
      const end = start + w.length;
      const between = lastEnd < 0 ? '' : text.slice(lastEnd, start);
      const joined = lastEnd >= 0 && /^[ \t]*\n?[ \t]*$/.test(between);
      lastEnd = end;
      const upperAcronym = w.length > 1 && w === w.toUpperCase() && !byKey.has(fold(w)) && !keysOf(w).some((k) => byKey.has(k.key));
      // Parts of a number and symbol ("QĐ-Tg", "12/KH-UBND") are not words.
      const before = text.slice(Math.max(0, start - 2), start);
      const after = text.slice(end, end + 2);
      const isSymbolPart = /[/]$|\d$|\p{Lu}-$/u.test(before) || /^[/]|^-\d|^-\p{Lu}/u.test(after);
      // A lone "&" between words is OCR's "ở"; other tokens without letters, numbers and
      // acronyms stay as they are.
      const lone = (w === '&' || w === '¢') && joined;
      if ((!HAS_LETTER.test(w) && !lone) || upperAcronym || isSymbolPart || /^\d+$|^\d{2}/.test(w) || w.length > 7) {
        toks.push({ start, end, obs: w, cands: [{ form: w.toLowerCase(), cost: 0 }], joined: false });
        lastEnd = -1;
        continue;
      }
      toks.push({ start, end, obs: w, cands: candidatesOf(w, options.mode), joined });
    }
    // Viterbi over runs of joined tokens.
    const chosen: { form: string; confidence: number }[] = new Array(toks.length);
    let i = 0;
    while (i < toks.length) {
      let j = i + 1;
      while (j < toks.length && toks[j]!.joined) j++;
      const run = toks.slice(i, j);
      const score: number[][] = [];
      const back: number[][] = [];
      run.forEach((t, p) => {
        score.push([]);
        back.push([]);
        t.cands.forEach((c, ci) => {
          let best = -Infinity;
          let arg = 0;
          if (p === 0) best = logP('<s>', c.form);
          else
            run[p - 1]!.cands.forEach((pc, pi) => {
              const s = score[p - 1]![pi]! + logP(pc.form, c.form);
              if (s > best) {
                best = s;
                arg = pi;
              }
            });
          score[p]![ci] = best - c.cost * LN10;
          back[p]![ci] = arg;
        });
      });
      const lastP = run.length - 1;
      let bi2 = 0;
      let bs = -Infinity;
      run[lastP]!.cands.forEach((c, ci) => {
        const s = score[lastP]![ci]! + logP(c.form, '</s>');
        if (s > bs) {
          bs = s;
          bi2 = ci;
        }
      });
      const path: number[] = new Array(run.length);
      for (let p = lastP; p >= 0; p--) {
        path[p] = bi2;
        bi2 = back[p]![bi2]!;
      }
      // Confidence: the chosen form against the others with the chosen neighbours fixed.
      run.forEach((t, p) => {
        const prev = p > 0 ? run[p - 1]!.cands[path[p - 1]!]!.form : '<s>';
        const next = p < lastP ? run[p + 1]!.cands[path[p + 1]!]!.form : '</s>';
        const local = t.cands.map((c) => logP(prev, c.form) + logP(c.form, next) - c.cost * LN10);
        const max = Math.max(...local);
        const z = local.reduce((a, s) => a + Math.exp(s - max), 0);
        chosen[i + p] = { form: t.cands[path[p]!]!.form, confidence: Math.exp(local[path[p]!]! - max) / z };
      });
      i = j;
    }
    // Write the text back with each word in its source's case.
    let out = '';
    let at = 0;
    const changes: RestoredWord[] = [];
    toks.forEach((t, k) => {
      out += text.slice(at, t.start);
      const c = chosen[k]!;
      const restored = c.form === t.obs.toLowerCase() ? t.obs : withCase(c.form, t.obs);
      if (restored !== t.obs)
        changes.push({
          start: out.length,
          end: out.length + restored.length,
          source: t.obs,
          restored,
          confidence: Math.round(c.confidence * 100) / 100,
        });
      out += restored;
      at = t.end;
    });
    out += text.slice(at);
    return { text: out, changes };
  };

  return { restore, looksDamaged };
}

/** A restored lower-case word in the case of the source ("KE" → "KẾ", "Pang" → "Đảng"). */
function withCase(form: string, source: string): string {
  const letters = source.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return form.toUpperCase();
  if (/^\p{Lu}/u.test(source) || /^[PB]/.test(source)) return form.charAt(0).toUpperCase() + form.slice(1);
  return form;
}
