/**
 * Text normalization, the folded shadow string and OCR-tolerant string similarity.
 *
 * VIETNAMESE.md §1.2 points 1–2 and §3.1: store and match NFC; run every keyword pattern on a
 * *folded shadow* of the text that has exactly one character per character of the text (marks
 * removed, đ→d), so a match's offsets are also offsets into the text and spans can be cut
 * from it unchanged.
 */

/**
 * Normalizes raw input once, at the import boundary (VIETNAMESE.md §3.1): NFC; CR/LF and form
 * feeds to `\n`; no-break spaces to spaces; zero-width characters and the BOM removed; the
 * look-alike letters Ð/ð (U+00D0/U+00F0, Icelandic eth, common in converted legacy fonts) and
 * Ɖ/ɖ to Đ/đ; a dotless ı followed by a tone mark (from PDF text layers) to i. Every span the parser returns is an offset into this normalized text.
 * @param raw - text as extracted from a file.
 * @returns the normalized text.
 */
export function normalizePlanText(raw: string): string {
  return cleanMarkup(
    raw
      .replace(/\r\n?|\f|\v/g, '\n')
      .replace(/[\u00a0\u2007\u202f]/g, ' ')
      .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
      .replace(/[\u00d0\u0189]/g, '\u0110')
      .replace(/[\u00f0\u0256]/g, '\u0111')
      // PDF fonts often map "ỉ"/"ị" to a dotless ı plus a combining mark, which NFC cannot compose.
      .replace(/\u0131(?=[\u0300-\u036f])/g, 'i')
      .normalize('NFC'),
  );
}

const TABLE_RULE = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/;
const TABLE_ROW = /^[ \t]*\|(.*)\|[ \t]*$/;
const LABEL_NOI_NHAN = /n[oơ]i\s+nh[aậ]n/i;

/**
 * Removes the markup that text copied from law websites or exported from Word/HTML carries
 * (issue #15): markdown tables become one cell per line ("| Số: 09/KH-BTNMT | Hà Nội, ngày … |"),
 * rules and table separators go, `**bold**`, `*italic*`, `#` headings, `\` escapes and links
 * lose their marks, markdown footnotes `[^1]` become `[1]`. A "Nơi nhận" cell written on one
 * line ("Nơi nhận: - A; - B") gets a line per recipient.
 * @param text - NFC text.
 * @returns the text without markup.
 */
export function cleanMarkup(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (TABLE_RULE.test(line)) continue;
    const row = TABLE_ROW.exec(line);
    if (row) {
      for (let cell of row[1]!.split('|')) {
        cell = cell.replace(/-{3,}/g, ' ').trim();
        if (!cell) continue;
        if (LABEL_NOI_NHAN.test(cell)) cell = cell.replace(/([:;.])\s+-\s+/g, '$1\n- ');
        out.push(inlineMarkup(cell));
      }
      continue;
    }
    if (/^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/.test(line)) {
      out.push('');
      continue;
    }
    out.push(inlineMarkup(line.replace(/^[ \t]*#{1,6}[ \t]+/, '').replace(/^[ \t]*>[ \t]?/, '')));
  }
  return out.join('\n');
}

function inlineMarkup(s: string): string {
  return s
    .replace(/\*\*(?=\S)([^*\n]*?\S)\*\*/g, '$1')
    .replace(/__(?=\S)([^_\n]*?\S)__/g, '$1')
    .replace(/(^|[\s(])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?=$|[\s).,;:])/g, '$1$2')
    .replace(/\*\*/g, '')
    .replace(/\[\^(\d{1,3})\]:?/g, '[$1]')
    .replace(/\[([^\]\n]+)\]\((?:https?:|\/)[^)\s]*\)/g, '$1')
    .replace(/\\([*_#|[\]().\-+!`])/g, '$1');
}

const foldCache = new Map<string, string>();

/** Folds one UTF-16 code unit to one character: marks removed, đ→d, dashes and quotes simplified. */
function foldUnit(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return ch;
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  if (ch === '\u0111') out = 'd';
  else if (ch === '\u0110') out = 'D';
  else if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) out = '-';
  else if (code === 0x2018 || code === 0x2019 || code === 0x201a) out = "'";
  else if (code === 0x201c || code === 0x201d || code === 0x201e) out = '"';
  else if (code >= 0x0300 && code <= 0x036f)
    out = '~'; // a stray mark that NFC could not compose
  else {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out = base.length === 1 && base.charCodeAt(0) < 0x80 ? base : ch;
  }
  foldCache.set(ch, out);
  return out;
}

/**
 * The folded shadow of a normalized text: same length, one character per UTF-16 unit,
 * Vietnamese letters reduced to their ASCII base letter with case kept ("Đảng" → "Dang"), so
 * that the keyword and symbol patterns can be written in ASCII and OCR-tolerant classes.
 * Inside date-shaped and law-number-shaped tokens with at least four real digits, letters that
 * OCR confuses with digits are read as digits (l/I/|→1, O/o→0, S→5, B→8), as VIETNAMESE.md §1.2
 * point 1 says; this too is one character for one.
 * @param text - a text returned by {@link normalizePlanText}.
 * @returns the shadow string, `shadow.length === text.length`.
 */
export function foldShadow(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text[i]!);
  return repairOcrDigits(out);
}

const OCR_DIGIT: Record<string, string> = { l: '1', I: '1', '|': '1', O: '0', o: '0', S: '5', B: '8' };
// d/m/yyyy with OCR letters, and the "number/yyyy/" head of a legal symbol ("O4 /2015/ND-CP").
const DIGITISH_DATE = /(?<![A-Za-z0-9])[0-9lIO|oSB]{1,2}[ \t]*[/.][ \t]*[0-9lIO|oSB]{1,2}[ \t]*[/.][ \t]*[0-9lIO|oSB]{4}(?![A-Za-z0-9])/g;
const DIGITISH_SYMBOL = /(?<![A-Za-z0-9])[0-9lIO|o]{1,5}[ \t]*\/[ \t]*[0-9lIO|o]{4}[ \t]*\//g;

function repairOcrDigits(shadow: string): string {
  const fix = (m: string): string => {
    const real = m.replace(/[^0-9]/g, '').length;
    return real >= 4 ? m.replace(/[lIO|oSB]/g, (c) => OCR_DIGIT[c] ?? c) : m;
  };
  return shadow.replace(DIGITISH_DATE, fix).replace(DIGITISH_SYMBOL, fix);
}

/**
 * Folds a string for comparison: marks removed, đ→d, lower case (VIETNAMESE.md §3.1).
 * @param s - any string.
 * @returns the folded string.
 */
export function fold(s: string): string {
  let out = '';
  const n = s.normalize('NFC');
  for (let i = 0; i < n.length; i++) out += foldUnit(n[i]!);
  return out.toLowerCase();
}

/**
 * The OCR key of VIETNAMESE.md §1.2 point 3: folded, lower case, punctuation to spaces, and
 * inside a word the glyphs an English OCR model puts for Vietnamese vowels (¢ € £ & @ and the
 * digits 0 3 4 6 8: "S6" Sở, "x4" xã, "K&" Kế) replaced by the vowel wildcard `*`; 1 inside a
 * word reads as l ("1anh" lãnh), 5 as s.
 * @param s - any string.
 * @returns the key; tokens separated by single spaces.
 */
export function ocrKey(s: string): string {
  const f = fold(s).replace(/[¢€£&@¥]/g, '*');
  return f
    .split(/[^a-z0-9*]+/)
    .filter((t) => t.length > 0)
    .map((t) =>
      /[a-z*]/.test(t)
        ? t
            .replace(/[03468]/g, '*')
            .replace(/1/g, 'l')
            .replace(/5/g, 's')
        : t,
    )
    .join(' ');
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Cost of reading `a` where `b` was written, tuned to the seed's OCR damage (VIETNAMESE.md §1.1). */
function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '*' || b === '*') {
    const other = a === '*' ? b : a;
    return VOWELS.has(other) ? 0.2 : 0.8;
  }
  if (VOWELS.has(a) && VOWELS.has(b)) return 0.4; // lost or replaced diacritics: ơ→é, ư→u…
  const pair = a < b ? a + b : b + a;
  if (pair === 'dp' || pair === 'bd' || pair === 'bp') return 0.4; // Đ read as P, D, B
  if (pair === 'il' || pair === 'lt') return 0.6;
  return 1;
}

/**
 * Weighted Levenshtein distance for OCR keys: substitutions between vowels, of the wildcard
 * `*` for a vowel, and among d/p/b are cheap.
 * @param a - first key.
 * @param b - second key.
 * @returns the edit distance (insertions and deletions cost 1).
 */
export function ocrDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a[i - 1]!;
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + substitutionCost(ca, b[j - 1]!);
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, sub);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Similarity of two OCR keys in [0, 1]: 1 − distance / longer length.
 * @param a - first key (see {@link ocrKey}).
 * @param b - second key.
 * @returns 1 for equal keys.
 */
export function ocrSimilarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : Math.max(0, 1 - ocrDistance(a, b) / len);
}

/** A word of a text with its offsets. */
export interface Token {
  /** The word as written (NFC). */
  readonly text: string;
  /** Its OCR key. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Splits a region of the text into words (runs of non-space characters, with leading and
 * trailing punctuation that is not part of a word excluded from the span).
 * @param text - the normalized text.
 * @param start - region start offset.
 * @param end - region end offset.
 * @returns the words in order; words whose key is empty (pure punctuation) are skipped.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  re.lastIndex = start;
  const region = text.slice(0, end);
  for (let m = re.exec(region); m; m = re.exec(region)) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && /[(“"'«[{]/.test(text[s]!)) s++;
    while (e > s && /[)”"'»\]}.,;:!?]/.test(text[e - 1]!)) e--;
    const word = text.slice(s, e);
    const key = ocrKey(word);
    if (key.length > 0) out.push({ text: word, key, start: s, end: e });
  }
  return out;
}

/**
 * Collapses the whitespace of a text fragment to single spaces, re-joining words that a line
 * break split after a hyphen ("120-\nKL/TW" → "120-KL/TW") but keeping " - " separators.
 * @param s - a fragment of the text.
 * @returns the fragment on one line, trimmed.
 */
export function oneLine(s: string): string {
  return s
    .replace(/(\S)-[ \t]*\n[ \t]*/g, '$1-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Share of upper-case letters among the letters of a string (VIETNAMESE.md §1.2 point 4: a
 * section title is ≥ 70 % upper case).
 * @param s - any string.
 * @returns a ratio in [0, 1]; 0 when there are no letters.
 */
export function upperRatio(s: string): number {
  let letters = 0;
  let upper = 0;
  for (const ch of s) {
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      letters++;
      if (ch === ch.toUpperCase()) upper++;
    }
  }
  return letters === 0 ? 0 : upper / letters;
}
