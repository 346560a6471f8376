/**
 * The header of an administrative document (Decree 30/2020/NĐ-CP Art. 8(2) items 1–5 and Annex
 * I; DOMAIN.md §5): issuing body under its parent, "Số: …", "Place, ngày … tháng … năm …",
 * the type name ("KẾ HOẠCH") with the trích yếu below it — and, for scans whose header was not
 * captured (like the seed), the fallbacks: the digital-signature timestamps for the date and the
 * "X xây dựng Kế hoạch …" sentence for the issuer.
 */
import type { IsoDate } from '../dates';
import { ISSUERS, matchPhrase, UNIT_NAMES } from './gazetteer';
import { findDates } from './date-text';
import { fold, ocrKey, ocrSimilarity, oneLine, tokenize, upperRatio } from './normalize';
import { linesOf } from './structure';
import type { Field, Span } from './types';

const TIMESTAMP_RE = /(?<![0-9])(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?/g;

/**
 * Digital-signature timestamps ("2021-03-22T14:14:01+0700", VIETNAMESE.md §1.2 point 8).
 * @param text - the normalized text.
 * @returns the timestamps in text order.
 */
export function findTimestamps(text: string): Field<string>[] {
  const out: Field<string>[] = [];
  for (const m of text.matchAll(TIMESTAMP_RE)) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    out.push({ value: m[0], span: { start: m.index, end: m.index + m[0].length }, confidence: 1 });
  }
  return out;
}

/** Instant of a timestamp in ms (offset honoured; none = UTC+7, the signer's civil time). */
function instant(ts: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|([+-])(\d{2}):?(\d{2}))?$/.exec(ts);
  if (!m) return 0;
  const base = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  const offsetMin = m[7] === 'Z' ? 0 : m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) : 420;
  return base - offsetMin * 60_000;
}

/**
 * The date of the latest timestamp, as written (its own civil date, not UTC).
 * @param stamps - timestamps from {@link findTimestamps}.
 * @returns the latest one's date, or null.
 */
export function latestTimestampDate(stamps: readonly Field<string>[]): Field<IsoDate> | null {
  let best: Field<string> | null = null;
  for (const s of stamps) if (!best || instant(s.value) >= instant(best.value)) best = s;
  return best ? { value: best.value.slice(0, 10), span: best.span, confidence: 0.8 } : null;
}

/**
 * The place and date line ("Quảng Ngãi, ngày 22 tháng 3 năm 2021"): a date after "Place, "
 * where the place (1–5 capitalized words) opens a line, follows a wide gap (two columns on one
 * line) or follows the "Số: …" symbol.
 * @param text - the normalized text.
 * @param shadow - its shadow.
 * @param end - search only before this offset (the first section).
 * @returns place and date, or null.
 */
export function findPlaceDate(text: string, shadow: string, end: number): { place: Field<string>; date: Field<IsoDate> } | null {
  for (const d of findDates(shadow, 0, end)) {
    const before = shadow.slice(Math.max(0, d.start - 60), d.start);
    const m = /(?<![^\s])([A-Z][^\s,0-9/():;.-]*(?: [A-Z][^\s,0-9/():;.-]*){0,4})[ \t]*,[ \t]*$/.exec(before);
    if (!m) continue;
    const placeStart = d.start - before.length + m.index;
    const lead = shadow.slice(Math.max(0, placeStart - 40), placeStart);
    const opensLine =
      placeStart === 0 || /\n[ \t]*$/.test(lead) || /[ \t]{2,}$|\t$/.test(lead) || /[A-Za-z0-9]\/[A-Za-z0-9-]+[ \t]+$/.test(lead);
    if (!opensLine) continue;
    const placeEnd = placeStart + m[1]!.length;
    return {
      place: { value: oneLine(text.slice(placeStart, placeEnd)), span: { start: placeStart, end: placeEnd }, confidence: 0.9 },
      date: {
        value: d.iso,
        span: { start: d.start, end: d.end },
        confidence: text.slice(d.start, d.end) === shadow.slice(d.start, d.end) || d.long ? 0.95 : 0.85,
      },
    };
  }
  return null;
}

/**
 * "Số:" (and OCR's "S6:", "Sé:") right before `pos`; Party documents write "Số 12-KH/TU"
 * without the colon (Hướng dẫn 36-HD/VPTW), so without it the label must open a line or a column.
 */
export function hasNumberLabelBefore(shadow: string, pos: number): boolean {
  const before = shadow.slice(Math.max(0, pos - 12), pos);
  return /(?<![A-Za-z])S\S{0,2}[ \t]*:[ \t]*$/.test(before) || /(?:^|\n|[ \t]{2,})[ \t]*S\S{0,2}[ \t]+$/.test(before);
}

// Quốc hiệu, tiêu ngữ and the Party's "ĐẢNG CỘNG SẢN VIỆT NAM" (on the shadow).
const BOILERPLATE: readonly RegExp[] = [
  /C\S{1,3}NG[ \t]+H\S{1,3}A[ \t]+X\S{1,2}[ \t]+H\S{1,3}I[ \t]+CH\S{1,2}[ \t]+NGH\S{1,3}A[ \t]+VI\S{1,3}T[ \t]+NAM/i,
  /\S{1,3}c[ \t]+l\S{1,3}p[ \t]*-[ \t]*T\S{1,2}[ \t]+do[ \t]*-[ \t]*H\S{1,3}nh[ \t]+ph\S{1,3}c/i,
  /\S{1,3}NG[ \t]+C\S{1,3}NG[ \t]+S\S{1,3}N[ \t]+VI\S{1,3}T[ \t]+NAM/i,
];

const DOC_TYPES = [
  'Kế hoạch',
  'Chương trình',
  'Đề án',
  'Phương án',
  'Hướng dẫn',
  'Quyết định',
  'Chỉ thị',
  'Nghị quyết',
  'Báo cáo',
  'Thông báo',
  'Kết luận',
  'Quy chế',
  'Quy định',
];

/** Result of {@link findHeader}. */
export interface HeaderResult {
  readonly documentType: Field<string>;
  readonly title: Field<string>;
  readonly issuer: Field<string> | null;
  readonly parentIssuer: Field<string> | null;
}

function canonicalIssuer(s: string): { name: string; score: number } | null {
  return (
    matchPhrase(
      s,
      ISSUERS.map((i) => i.name),
      0.85,
    ) ?? matchPhrase(s, UNIT_NAMES, 0.85)
  );
}

const LEVEL_WORD = /^(tinh|huyen|xa|thanh pho|phuong|thi xa|thi tran|quan|dac khu)\b/;

function titleCase(s: string): string {
  return s
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map((w) => (w ? w[0]!.toLocaleUpperCase('vi') + w.slice(1) : w))
    .join(' ');
}

/**
 * A body name printed in capitals, in the usual mixed case: "ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH" →
 * "UBND huyện Sơn Tịnh", "SỞ NỘI VỤ TỈNH QUẢNG NGÃI" → "Sở Nội vụ tỉnh Quảng Ngãi". Names it
 * cannot split stay as printed.
 */
function prettyBody(upper: string): string {
  if (upperRatio(upper) < 0.8) return upper;
  const f = fold(upper);
  const local =
    /^(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)\s+(tinh|huyen|xa|thanh pho|phuong|thi xa|thi tran|quan|dac khu)\b\s*(.*)$/.exec(f);
  const words = upper.split(/\s+/);
  if (local) {
    const head = /^(uy ban|ubnd)/.test(local[1]!) ? 'UBND' : 'HĐND';
    const headWords = local[1]!.split(' ').length;
    const levelWords = local[2]!.split(' ').length;
    const level = words
      .slice(headWords, headWords + levelWords)
      .join(' ')
      .toLocaleLowerCase('vi');
    const place = titleCase(words.slice(headWords + levelWords).join(' '));
    return `${head} ${level}${place ? ` ${place}` : ''}`;
  }
  // A known body followed by its place ("SỞ NỘI VỤ TỈNH QUẢNG NGÃI").
  for (let n = words.length - 1; n >= 1; n--) {
    const hit = canonicalIssuer(words.slice(0, n).join(' '));
    if (!hit) continue;
    const rest = words.slice(n);
    const lv = LEVEL_WORD.exec(fold(rest.join(' ')));
    if (!lv) break;
    const lvWords = lv[1]!.split(' ').length;
    return `${hit.name} ${rest.slice(0, lvWords).join(' ').toLocaleLowerCase('vi')} ${titleCase(rest.slice(lvWords).join(' '))}`.trim();
  }
  return upper;
}

function lcFirst(s: string): string {
  return s.length > 1 && /\p{Lu}/u.test(s[0]!) && /\p{Ll}/u.test(s[1]!) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/**
 * Reads the document type, the title (type + trích yếu), the issuer and its parent.
 * @param text - the normalized text.
 * @param shadow - its shadow.
 * @param end - end of the header area (the first section or the body end).
 * @param symbolSpans - spans of all document symbols (a paragraph citing documents is no trích yếu).
 * @returns the header fields.
 */
export function findHeader(text: string, shadow: string, end: number, symbolSpans: readonly Span[]): HeaderResult {
  const lines = linesOf(text, 0, end).slice(0, 60);
  const blank = (i: number): boolean => text.slice(lines[i]!.start, lines[i]!.end).trim() === '';
  const cleanLine = (i: number): { s: number; e: number; t: string } => {
    const l = lines[i]!;
    let sh = shadow.slice(l.start, l.end);
    for (const re of BOILERPLATE) sh = sh.replace(re, (m) => ' '.repeat(m.length));
    // The "Số: …" symbol and the place/date share the header lines in two columns.
    sh = sh.replace(/(?<![A-Za-z])S\S{0,2}[ \t]*:[ \t]*\S+/, (m) => ' '.repeat(m.length));
    sh = sh.replace(/[A-Z][A-Za-z]*(?:[ \t]+[A-Z][A-Za-z]*){0,4}[ \t]*,[ \t]*ng\S{1,3}[ \t][^\n]*$/, (m) => ' '.repeat(m.length));
    sh = sh.replace(/[_*=~]{2,}|-{3,}/g, (m) => ' '.repeat(m.length));
    const lead = sh.length - sh.trimStart().length;
    const t = sh.trim();
    return { s: l.start + lead, e: l.start + lead + t.length, t: text.slice(l.start + lead, l.start + lead + t.length) };
  };
  const inSymbol = (s: number, e: number): boolean => symbolSpans.some((x) => x.start < e && s < x.end);

  // 1. The type line ("KẾ HOẠCH") and the trích yếu below it.
  let typeIdx = -1;
  let docType: Field<string> | null = null;
  for (let i = 0; i < lines.length; i++) {
    const c = cleanLine(i);
    if (c.t.length < 4 || c.t.length > 40 || upperRatio(c.t) < 0.7) continue;
    const key = ocrKey(c.t);
    for (const name of DOC_TYPES) {
      const score = ocrSimilarity(key, ocrKey(name));
      if (score >= 0.85) {
        typeIdx = i;
        docType = { value: name, span: { start: c.s, end: c.e }, confidence: score };
        break;
      }
    }
    if (docType) break;
  }
  let trich: { start: number; end: number } | null = null;
  let trichConfidence = 0.9;
  const collect = (from: number): { start: number; end: number } | null => {
    let i = from;
    while (i < lines.length && blank(i)) i++;
    const startIdx = i;
    let last = -1;
    for (; i < lines.length && i < startIdx + 4; i++) {
      if (blank(i)) break;
      const c = cleanLine(i);
      if (c.t.length === 0) break;
      if (/^\s*C\S{1,2}n\s+c\S{1,2}\b/.test(shadow.slice(lines[i]!.start, lines[i]!.end)) || inSymbol(lines[i]!.start, lines[i]!.end))
        break;
      last = i;
    }
    if (last < 0) return null;
    const s = cleanLine(startIdx).s;
    const e = cleanLine(last).e;
    return e > s ? { start: s, end: e } : null;
  };
  if (typeIdx >= 0) {
    trich = collect(typeIdx + 1);
  } else {
    // No type line survived (the seed): the first paragraph that is not header boilerplate,
    // if it cites nothing and is short, is the trích yếu.
    let i = 0;
    for (; i < lines.length; i++) {
      if (blank(i)) continue;
      const c = cleanLine(i);
      if (c.t.length === 0 || (upperRatio(c.t) >= 0.8 && c.t.length < 80)) continue;
      break;
    }
    const para = i < lines.length ? collect(i) : null;
    if (
      para &&
      para.end - para.start <= 300 &&
      !inSymbol(para.start, para.end) &&
      !/^\s*C\S{1,2}n\s+c\S{1,2}\b/.test(shadow.slice(para.start, para.end))
    ) {
      // A following paragraph that carries on the sentence would mean this is body text, not a title.
      trich = para;
      trichConfidence = 0.5;
    }
  }
  const typeName = docType?.value ?? 'Kế hoạch';
  const trichText = trich ? oneLine(text.slice(trich.start, trich.end)) : '';
  const title: Field<string> = trich
    ? {
        value: `${typeName} ${lcFirst(trichText)}`,
        span: { start: docType?.span?.start ?? trich.start, end: trich.end },
        confidence: trichConfidence,
      }
    : { value: typeName, span: docType?.span ?? null, confidence: docType ? 0.6 : 0.3 };

  // 2. Issuer: upper-case lines above the type line (parent body first, Decree 30/2020 Annex I).
  const headLimit = typeIdx >= 0 ? typeIdx : Math.min(lines.length, 12);
  const chunks: { s: number; e: number; t: string }[] = [];
  for (let i = 0; i < headLimit; i++) {
    const c = cleanLine(i);
    if (c.t.replace(/[^\p{L}]/gu, '').length < 3 || upperRatio(c.t) < 0.8) continue;
    if (ocrSimilarity(ocrKey(c.t), ocrKey(typeName)) >= 0.85) continue;
    chunks.push(c);
  }
  // "ỦY BAN NHÂN DÂN" / "HUYỆN SƠN TỊNH" is one name on two lines: join a chunk that opens with a level word.
  for (let i = chunks.length - 1; i > 0; i--) {
    if (LEVEL_WORD.test(fold(chunks[i]!.t))) {
      const a = chunks[i - 1]!;
      const b = chunks[i]!;
      chunks.splice(i - 1, 2, { s: a.s, e: b.e, t: `${a.t} ${b.t}` });
    }
  }
  let issuer: Field<string> | null = null;
  let parentIssuer: Field<string> | null = null;
  if (chunks.length > 0) {
    const own = chunks.length >= 2 ? chunks.slice(1) : chunks;
    const t = oneLine(own.map((c) => c.t).join(' '));
    const hit = canonicalIssuer(t);
    issuer = {
      value: hit ? hit.name : prettyBody(t),
      span: { start: own[0]!.s, end: own[own.length - 1]!.e },
      confidence: hit ? hit.score : 0.8,
    };
    if (chunks.length >= 2)
      parentIssuer = { value: prettyBody(oneLine(chunks[0]!.t)), span: { start: chunks[0]!.s, end: chunks[0]!.e }, confidence: 0.8 };
  }
  const documentType: Field<string> = docType ?? { value: 'Kế hoạch', span: null, confidence: 0.3 };
  return { documentType, title, issuer, parentIssuer };
}

const BUILD_CUES = [
  ocrKey('xây dựng kế hoạch'),
  ocrKey('ban hành kế hoạch'),
  ocrKey('xây dựng chương trình'),
  ocrKey('ban hành chương trình'),
];

/**
 * The issuer named in the preamble sentence "Sở … xây dựng/ban hành Kế hoạch …" (used when
 * the header did not survive, as in the seed).
 * @param text - the normalized text.
 * @param end - search before this offset (the first section).
 * @returns the issuer, or null.
 */
export function issuerFromPreamble(text: string, end: number): Field<string> | null {
  const toks = tokenize(text, 0, end);
  for (let i = 1; i + 2 < toks.length; i++) {
    const key = `${toks[i]!.key} ${toks[i + 1]!.key} ${toks[i + 2]!.key} ${toks[i + 3]?.key ?? ''}`.trim();
    if (!BUILD_CUES.some((c) => ocrSimilarity(key, c) >= 0.8)) continue;
    // The subject runs back to the start of its paragraph (or a sentence end).
    let j = i;
    while (j > 0 && i - j < 12) {
      const gap = text.slice(toks[j - 1]!.end, toks[j]!.start);
      if (/\n\s*\n/.test(gap) || /[.;:]/.test(text[toks[j - 1]!.end] ?? '')) break;
      j--;
    }
    if (i - j < 1 || i - j >= 12) continue;
    const span = { start: toks[j]!.start, end: toks[i - 1]!.end };
    const raw = oneLine(text.slice(span.start, span.end));
    const hit = canonicalIssuer(raw);
    return { value: hit ? hit.name : raw, span, confidence: hit ? Math.min(0.8, hit.score) : 0.5 };
  }
  return null;
}

/**
 * The issuer read from the plan's own symbol code ("12/KH-SKHCN" → Sở Khoa học và Công nghệ).
 * @param name - name given by the code, or null.
 * @param span - span of the symbol.
 * @returns the field, or null.
 */
export function issuerFromOwnSymbol(name: string | null, span: Span | null): Field<string> | null {
  return name ? { value: name, span, confidence: 0.7 } : null;
}
