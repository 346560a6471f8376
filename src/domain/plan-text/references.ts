/**
 * Cited documents (VIETNAMESE.md §1.1 "Document number and symbol", §1.2 point 3; DOMAIN.md §5
 * "Symbol patterns"): three symbol families found on the folded shadow, codes repaired against
 * the tables (Đ for OCR's P/D/B/b), the date written after the symbol, the issuer named after
 * "của"/"giữa" (fuzzy, anchored, cross-checked with the issuer code), the type named before the
 * symbol (cross-checked with the type code), and repeated mentions merged into documents.
 */
import type { IsoDate } from '../dates';
import { isIssuerCode, issuerNameFromAtoms, repairIssuerCode, repairTypeCode, TYPE_CODES, type RepairedIssuer } from './codes';
import { dateAt } from './date-text';
import { ISSUERS, matchAnchored, TYPE_NAMES, type GazetteerEntry } from './gazetteer';
import { fold, ocrKey, ocrSimilarity, tokenize, type Token } from './normalize';
import type { Field, PlanReference, ReferenceMention, Span } from './types';

const CODE = '[A-Z][A-Za-z]{0,11}(?:\\d{1,2})?';
const DASH = '[ \\t]*-[ \\t]*(?:\\n[ \\t]*)?';
const SLASH = '[ \\t]*\\/[ \\t]*(?:\\n[ \\t]*)?';
const NUM = '(?<![A-Za-z0-9/.,-])\\d{1,5}';
const END = '(?![A-Za-z0-9])';

/** Shapes of the three families plus the law shape; they are told apart again by their parts. */
const SYMBOL_PATTERNS: readonly { family: 'normative' | 'party' | 'state'; re: RegExp }[] = [
  // number/year/TYPE-ISSUER[-ISSUER…] and number/year/QH15 (normative documents and laws)
  { family: 'normative', re: new RegExp(`${NUM}${SLASH}\\d{4}${SLASH}${CODE}(?:${DASH}${CODE}){0,3}${END}`, 'g') },
  // number-TYPE/ISSUER[-ISSUER…] (Party and joint Party/State documents)
  { family: 'party', re: new RegExp(`${NUM}${DASH}${CODE}${SLASH}${CODE}(?:${DASH}${CODE}){0,3}${END}`, 'g') },
  // number/TYPE-ISSUER[-UNIT] and number/ISSUER-UNIT (State administrative documents, công văn)
  { family: 'state', re: new RegExp(`${NUM}${SLASH}${CODE}${DASH}${CODE}(?:${DASH}${CODE}){0,2}${END}`, 'g') },
];

interface Piece {
  readonly text: string; // original text (proper Vietnamese when the input had it)
  readonly shadow: string;
  readonly start: number;
  readonly end: number;
  /** Separator before this piece: '-', '/', or '' for the first; `spaced` when written with spaces. */
  readonly sep: string;
  readonly spaced: boolean;
}

function pieces(text: string, shadow: string, start: number, end: number): Piece[] {
  const out: Piece[] = [];
  const re = /\d+|[A-Za-z]+\d{0,2}|[-/]/g;
  const region = shadow.slice(start, end);
  let sep = '';
  let spaced = false;
  let lastEnd = 0;
  for (let m = re.exec(region); m; m = re.exec(region)) {
    if (m[0] === '-' || m[0] === '/') {
      sep = m[0];
      spaced = m.index > lastEnd || /\s/.test(region[m.index + 1] ?? '');
      lastEnd = m.index + 1;
      continue;
    }
    spaced = spaced || m.index > lastEnd;
    out.push({
      text: text.slice(start + m.index, start + m.index + m[0].length),
      shadow: m[0],
      start: start + m.index,
      end: start + m.index + m[0].length,
      sep,
      spaced,
    });
    sep = '';
    spaced = false;
    lastEnd = m.index + m[0].length;
  }
  return out;
}

/** A code part that is plausibly a code and not a word ("UBND", "VP", "Qb" — not "Ve"). */
function codeLike(p: Piece): boolean {
  if (repairIssuerCode(p.text).known || repairTypeCode(p.text).known) return true;
  const letters = p.text.replace(/[^A-Za-zĐđ]/g, '');
  if (letters.length < 2) return false;
  const upper = letters.replace(/[^A-ZĐ]/g, '').length;
  return p.spaced ? upper === letters.length : upper >= letters.length - 1 && /^[A-ZĐ]{2}/.test(p.text);
}

/**
 * Repairs an issuer code, also when a doubled letter was typed once or twice ("Tg" for "TTg",
 * "UBBND" for "UBND"): a slip frequent in typed symbols.
 */
function repairDoubled(raw: string): RepairedIssuer {
  const direct = repairIssuerCode(raw);
  if (direct.known) return direct;
  for (let i = 0; i < raw.length; i++) {
    for (const v of [raw.slice(0, i) + raw[i] + raw.slice(i), raw[i] === raw[i + 1] ? raw.slice(0, i) + raw.slice(i + 1) : null]) {
      if (!v || v === raw) continue;
      const r = repairIssuerCode(v);
      if (r.known && r.atoms.length === 1) return { ...r, edits: 1 };
    }
  }
  return direct;
}

/** Context shared by the reference finders. */
export interface ReferenceContext {
  readonly text: string;
  readonly shadow: string;
  /** Local level of "UBND"/"HĐND" ("tỉnh"…), inferred from the text. */
  readonly level: string | null;
  /** Spans to skip (the plan's own "Số: …" symbol). */
  readonly exclude?: readonly Span[];
}

const LEVELS: readonly [RegExp, string][] = [
  [/\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\s+tinh\b/g, 'tỉnh'],
  [/\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\s+thanh pho\b/g, 'thành phố'],
  [/\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\s+huyen\b/g, 'huyện'],
  [/\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\s+thi xa\b/g, 'thị xã'],
  [/\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\s+xa\b/g, 'xã'],
  [/\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\s+phuong\b/g, 'phường'],
];

/**
 * The local level that a bare "UBND" in a symbol most likely refers to: the level most often
 * written after "UBND"/"Ủy ban nhân dân" in the text (a provincial department's plan says
 * "UBND tỉnh"). Used only when the text names no issuer for a "…-UBND" symbol.
 * @param text - the normalized text.
 * @returns "tỉnh", "huyện", "xã"… or null when the text never says.
 */
export function inferLocalLevel(text: string): string | null {
  const f = fold(text);
  let best: string | null = null;
  let bestCount = 0;
  for (const [re, level] of LEVELS) {
    const n = (f.match(re) ?? []).length;
    if (n > bestCount) {
      best = level;
      bestCount = n;
    }
  }
  return best;
}

function isSoToken(t: Token): boolean {
  // "số" and the seed's OCR readings of it: s6, sb, sé, s&, s¢, s (VIETNAMESE.md §1.1).
  return /^s[\S]{0,2}$/i.test(t.text.replace(/:$/, '')) && (t.key === 's' || ocrSimilarity(t.key, 'so') >= 0.5);
}

/** The document type named in the words just before a symbol ("Kết luận số 120-KL/TW"). */
function typeBefore(text: string, start: number): { name: string; score: number; span: Span } | null {
  const from = Math.max(0, start - 80);
  // Stay within the sentence: cut at the last ";" or "." followed by space or at a blank line.
  let region = text.slice(from, start);
  const cut = Math.max(region.lastIndexOf(';'), region.search(/\n\s*\n(?![\s\S]*\n\s*\n)/), region.lastIndexOf(': '));
  const base = cut >= 0 ? from + cut + 1 : from;
  region = text.slice(base, start);
  let toks = tokenize(text, base, start);
  if (toks.length > 0 && isSoToken(toks[toks.length - 1]!)) toks = toks.slice(0, -1);
  if (toks.length === 0) return null;
  let best: { name: string; score: number; span: Span; len: number } | null = null;
  for (const name of TYPE_NAMES) {
    const key = ocrKey(name);
    const k = key.split(' ').length;
    if (k > toks.length) continue;
    const tail = toks.slice(toks.length - k);
    const score = ocrSimilarity(tail.map((t) => t.key).join(' '), key);
    const need = key.length <= 4 ? 0.85 : 0.75;
    if (score < need) continue;
    if (!best || key.length > best.len || (key.length === best.len && score > best.score)) {
      best = { name, score, span: { start: tail[0]!.start, end: tail[k - 1]!.end }, len: key.length };
    }
  }
  return best && { name: best.name, score: best.score, span: best.span };
}

function isCuaToken(t: Token): boolean {
  return t.key.startsWith('c') && t.key.length <= 4 && ocrSimilarity(t.key, 'cua') >= 0.5;
}
function isGiuaToken(t: Token): boolean {
  return t.key.startsWith('gi') && t.key.length <= 5 && ocrSimilarity(t.key, 'giua') >= 0.5;
}
function isAndToken(t: Token): boolean {
  return t.key.startsWith('v') && t.key.length <= 3 && (ocrSimilarity(t.key, 'va') >= 0.6 || ocrSimilarity(t.key, 'voi') >= 0.6);
}

interface TextIssuer {
  readonly entry: GazetteerEntry;
  readonly score: number;
  readonly span: Span;
}

/** The issuers named after "của"/"giữa" at `pos` (VIETNAMESE.md §1.2 point 3). */
function issuersAfter(text: string, pos: number): TextIssuer[] {
  // The phrase stays within the paragraph and the sentence.
  const limit = Math.min(text.length, pos + 220);
  let stop = limit;
  const para = text.slice(pos, limit).search(/\n\s*\n|;/);
  if (para >= 0) stop = pos + para;
  let toks = tokenize(text, pos, stop);
  if (toks.length < 2) return [];
  const first = toks[0]!;
  if (!isCuaToken(first) && !isGiuaToken(first)) return [];
  toks = toks.slice(1);
  // "của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII": the Conference is a
  // session of the issuing body, so skip to the body.
  if (toks.length >= 2 && ocrSimilarity(`${toks[0]!.key} ${toks[1]!.key}`, 'hoi nghi') >= 0.75) {
    toks = toks.slice(2);
    if (toks.length >= 3 && ocrSimilarity(toks[0]!.key, 'lan') >= 0.6) toks = toks.slice(3);
  }
  const out: TextIssuer[] = [];
  for (let round = 0; round < 2 && toks.length > 0; round++) {
    const m = matchAnchored(toks, ISSUERS);
    if (!m) break;
    out.push({ entry: m.entry, score: m.score, span: { start: toks[0]!.start, end: toks[m.tokens - 1]!.end } });
    toks = toks.slice(m.tokens);
    // "… và/với X" names a second issuer of a joint document.
    if (toks.length > 1 && isAndToken(toks[0]!)) toks = toks.slice(1);
    else break;
  }
  return out;
}

/** Whether a gazetteer issuer can sign with the symbol's issuer codes. */
function compatible(entry: GazetteerEntry, parts: readonly RepairedIssuer[]): boolean {
  if (!entry.codes || parts.length === 0 || parts.every((p) => !p.known)) return true;
  const have = new Set<string>();
  for (const p of parts) {
    have.add(p.code.replace(/\d+$/, '').toUpperCase());
    for (const a of p.atoms) have.add(a.code.toUpperCase());
  }
  return entry.codes.some((c) => have.has(c.toUpperCase()));
}

function field<T>(value: T, span: Span | null, confidence: number): Field<T> {
  return { value, span, confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100 };
}

/** Builds one mention from a symbol match, or null when its parts do not form a symbol. */
function buildMention(ctx: ReferenceContext, family: 'normative' | 'party' | 'state', start: number, end: number): ReferenceMention | null {
  const { text, shadow } = ctx;
  let ps = pieces(text, shadow, start, end);
  const num = ps[0];
  if (!num || !/^\d+$/.test(num.shadow)) return null;
  const ocrDigits = num.shadow !== fold(num.text) ? 0.1 : 0;
  const textType = typeBefore(text, start);

  let symbol: string;
  let fam: ReferenceMention['family'];
  let typeCode: string | null = null;
  let repairs = 0;
  let unknown = 0;
  let issuerParts: RepairedIssuer[] = [];

  if (family === 'normative') {
    const year = ps[1]!;
    ps = ps.slice(2);
    const head = ps[0]!;
    const law = /^(?:UBTVQH|QH)\d{1,2}$/i.test(head.shadow) && ps.length === 1;
    if (law) {
      const code = head.shadow.toUpperCase();
      fam = 'law';
      symbol = `${num.shadow}/${year.shadow}/${code}`;
      issuerParts = [repairIssuerCode(code)];
    } else {
      // Keep trailing parts only while they look like codes.
      const rest: Piece[] = [];
      for (const p of ps.slice(1)) {
        if (!codeLike(p)) break;
        rest.push(p);
      }
      if (rest.length === 0) return null;
      const t = repairTypeCode(head.text);
      typeCode = t.code;
      repairs += t.edits;
      if (!t.known) unknown++;
      issuerParts = rest.map((p) => repairIssuerCode(p.text));
      for (const p of issuerParts) {
        repairs += p.edits;
        if (!p.known) unknown++;
      }
      fam = 'normative';
      symbol = `${num.shadow}/${year.shadow}/${typeCode}-${issuerParts.map((p) => p.code).join('-')}`;
      end = rest[rest.length - 1]!.end;
    }
  } else if (family === 'party') {
    const t = repairTypeCode(ps[1]!.text);
    const rest: Piece[] = [];
    for (const [i, p] of ps.slice(2).entries()) {
      if (i > 0 && !codeLike(p)) break;
      rest.push(p);
    }
    if (rest.length === 0) return null;
    typeCode = t.code;
    repairs += t.edits;
    if (!t.known) unknown++;
    issuerParts = rest.map((p) => repairIssuerCode(p.text));
    for (const p of issuerParts) {
      repairs += p.edits;
      if (!p.known) unknown++;
    }
    fam = 'party';
    symbol = `${num.shadow}-${typeCode}/${issuerParts.map((p) => p.code).join('-')}`;
    end = rest[rest.length - 1]!.end;
  } else {
    const a = ps[1]!;
    const rest: Piece[] = [];
    const typeKnown = repairTypeCode(a.text).known;
    for (const [i, p] of ps.slice(2).entries()) {
      // Right after a known type code the issuer may be typed in mixed case ("QĐ-Tg").
      if (!codeLike(p) && !(i === 0 && typeKnown && /^[A-ZĐ][A-Za-zĐđ]{1,7}$/.test(p.text))) break;
      rest.push(p);
    }
    if (rest.length === 0) return null;
    const t = repairTypeCode(a.text);
    const unitCode = (p: Piece): string => p.text.toUpperCase();
    if (t.known) {
      typeCode = t.code;
      repairs += t.edits;
      const iss = repairDoubled(rest[0]!.text);
      issuerParts = [iss];
      repairs += iss.edits;
      if (!iss.known) unknown++;
      fam = 'state';
      symbol = `${num.shadow}/${typeCode}-${[iss.code, ...rest.slice(1).map(unitCode)].join('-')}`;
    } else if (isIssuerCode(a.text)) {
      // Công văn: number/ISSUER-DRAFTING UNIT, no type code (Decree 30/2020 Annex III).
      const iss = repairIssuerCode(a.text);
      issuerParts = [iss];
      repairs += iss.edits;
      fam = 'cong-van';
      symbol = `${num.shadow}/${[iss.code, ...rest.map(unitCode)].join('-')}`;
    } else {
      typeCode = a.text;
      unknown += 2;
      issuerParts = [repairIssuerCode(rest[0]!.text)];
      fam = 'state';
      symbol = `${num.shadow}/${[a.text, ...rest.map((p) => p.text)].join('-')}`;
    }
    end = rest[rest.length - 1]!.end;
  }

  // Precision: a shape with unknown codes is a reference only when the text names a type before it.
  if (unknown >= 2 && !textType) return null;
  if (unknown === 1 && !textType && issuerParts.every((p) => !p.known)) return null;

  const symbolConfidence = 1 - 0.1 * repairs - 0.25 * unknown - ocrDigits - (shadow.slice(start, end).includes('\n') ? 0.05 : 0);
  const symbolField = field(symbol, { start, end }, symbolConfidence);

  // Type: from the code, cross-checked with the words before the symbol.
  const codeType = typeCode && TYPE_CODES[typeCode] ? TYPE_CODES[typeCode]! : fam === 'cong-van' ? 'Công văn' : null;
  let type: Field<string> | null = null;
  if (codeType && textType) {
    const agree = fold(textType.name) === fold(codeType) || fold(textType.name).startsWith(fold(codeType));
    type = agree ? field(textType.name.length > codeType.length ? textType.name : codeType, textType.span, 1) : field(codeType, null, 0.6);
  } else if (codeType) {
    type = field(codeType, null, 0.85);
  } else if (textType) {
    type = field(textType.name, textType.span, textType.score * 0.9);
  } else if (fam === 'law') {
    type = field(/^UBTVQH/i.test(issuerParts[0]?.code ?? '') ? 'Nghị quyết' : 'Luật', null, 0.4);
  }

  // Date directly after the symbol.
  const d = dateAt(shadow, end);
  let date: Field<IsoDate> | null = null;
  let after = end;
  if (d) {
    const clean = fold(text.slice(d.start, d.end)) === shadow.slice(d.start, d.end).toLowerCase();
    const yearMismatch = fam === 'normative' || fam === 'law' ? !symbol.includes(`/${d.iso.slice(0, 4)}/`) : false;
    date = field(d.iso, { start: d.start, end: d.end }, (clean ? 1 : 0.85) - (yearMismatch ? 0.3 : 0));
    after = d.end;
  }
  // A bracketed note such as "(khóa XI)" may stand between the date and "của".
  const paren = /^\s*\([^()\n]{1,40}\)/.exec(text.slice(after, after + 60));
  const textIssuers = issuersAfter(text, after + (paren ? paren[0].length : 0));

  const issuers: Field<string>[] = [];
  const codeNames = issuerParts
    .filter((p) => p.known)
    .map((p) => issuerNameFromAtoms(p.atoms, ctx.level))
    .filter((n): n is string => n !== null);
  for (const ti of textIssuers) {
    if (compatible(ti.entry, issuerParts))
      issuers.push(field(ti.entry.name, ti.span, Math.min(1, ti.score + (issuerParts.some((p) => p.known) ? 0.05 : 0))));
  }
  if (issuers.length === 0) for (const n of codeNames) issuers.push(field(n, null, 0.7));

  return { symbol: symbolField, family: fam, type, date, issuers };
}

/**
 * Finds every mention of a document number and symbol in the text.
 * @param ctx - the text, its shadow and the inferred local level.
 * @returns the mentions in text order (overlapping shapes resolved to the longest).
 */
export function findMentions(ctx: ReferenceContext): ReferenceMention[] {
  const hits: { family: 'normative' | 'party' | 'state'; start: number; end: number }[] = [];
  for (const { family, re } of SYMBOL_PATTERNS) {
    const r = new RegExp(re.source, 'g');
    for (let m = r.exec(ctx.shadow); m; m = r.exec(ctx.shadow)) hits.push({ family, start: m.index, end: m.index + m[0].length });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ReferenceMention[] = [];
  let lastEnd = -1;
  for (const h of hits) {
    if (h.start < lastEnd) continue;
    if (ctx.exclude?.some((x) => h.start < x.end && x.start < h.end)) continue;
    const m = buildMention(ctx, h.family, h.start, h.end);
    if (!m) continue;
    out.push(m);
    lastEnd = m.symbol.span!.end;
  }
  return out;
}

/**
 * Merges mentions of the same document (VIETNAMESE.md §1.2 point 3): same symbol and the same
 * date or a missing one (administrative numbers restart every year, so two mentions of
 * "38/KH-UBND" with different dates are two documents). A later mention without a date takes
 * it from the earlier one; missing type and issuer are filled the same way.
 * @param mentions - mentions in text order.
 * @returns unique documents in order of first mention.
 */
export function mergeMentions(mentions: readonly ReferenceMention[]): PlanReference[] {
  interface Acc {
    symbol: string;
    family: ReferenceMention['family'];
    type: Field<string> | null;
    date: Field<IsoDate> | null;
    issuers: Field<string>[];
    mentions: ReferenceMention[];
  }
  const docs: Acc[] = [];
  const better = <T>(a: Field<T> | null, b: Field<T> | null): Field<T> | null => (!a ? b : !b ? a : b.confidence > a.confidence ? b : a);
  for (const m of mentions) {
    const key = m.symbol.value.toUpperCase();
    // Administrative numbers restart every year, so "38/KH-UBND" of 2021 and of 2022 are two
    // documents; but the same day and month with another year is a slip of the year (the
    // first date read wins). Documents without a number are one when type and date agree.
    const doc = docs.find((d) =>
      key
        ? d.symbol.toUpperCase() === key && (!d.date || !m.date || sameOrYearSlip(d.date.value, m.date.value))
        : !d.symbol && d.type?.value === m.type?.value && d.date?.value === m.date?.value,
    );
    if (!doc) {
      docs.push({ symbol: m.symbol.value, family: m.family, type: m.type, date: m.date, issuers: [...m.issuers], mentions: [m] });
      continue;
    }
    doc.mentions.push(m);
    doc.type = better(doc.type, m.type);
    if (!doc.date) doc.date = m.date;
    const inferredOnly = doc.issuers.every((i) => i.span === null);
    const mRead = m.issuers.some((i) => i.span !== null);
    if (doc.issuers.length === 0 || (inferredOnly && mRead)) doc.issuers = [...m.issuers];
  }
  return docs.map((d) => {
    const parts = [d.mentions[0]!.symbol.confidence, d.type?.confidence ?? 0.3, d.date?.confidence ?? 0.5, d.issuers[0]?.confidence ?? 0.5];
    const issuers = d.issuers.map((i) => i.value);
    return {
      symbol: d.symbol,
      family: d.family,
      type: d.type?.value ?? null,
      issuer: issuers.length > 0 ? issuers.join(' và ') : null,
      issuers,
      date: d.date?.value ?? null,
      confidence: Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 100) / 100,
      mentions: d.mentions,
    };
  });
}

/** Same date, or the same day and month in another year (a typed year slip). */
function sameOrYearSlip(a: IsoDate, b: IsoDate): boolean {
  return a === b || a.slice(4) === b.slice(4);
}

/** Types that are written with a capital and can be cited by type and date alone. */
const UNNUMBERED_TYPES: readonly string[] = [
  'Luật',
  'Bộ luật',
  'Pháp lệnh',
  'Nghị quyết',
  'Nghị định',
  'Quyết định',
  'Chỉ thị',
  'Kết luận',
  'Kế hoạch',
  'Chương trình',
  'Đề án',
  'Hướng dẫn',
  'Thông báo',
  'Thông tư',
  'Công văn',
  'Văn bản',
];
const UNNUMBERED_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${UNNUMBERED_TYPES.map((t) => fold(t).replace(/^./, (c) => c.toUpperCase())).join('|')})(?![\\p{L}])`,
  'gu',
);

/**
 * Cited documents that the symbol patterns miss (issue #15):
 * - a number that fits no symbol family, after a type and "số" ("Văn bản số 24.6/GĐN ngày
 *   24/6/2026", "Đề án số 13"), also a symbol split by a stray space ("104 CTr/TU");
 * - a document named by its type and issuing date only ("Luật Quản lý, sử dụng vũ khí… ngày
 *   26 tháng 8 năm 2024", "Văn bản ngày 22/6/2026", "Kế hoạch của Tỉnh ủy ngày …").
 * @param ctx - text, shadow and level.
 * @param taken - spans of the symbol mentions already found (nothing overlapping them is read).
 * @returns the extra mentions in text order.
 */
export function findLooseMentions(ctx: ReferenceContext, taken: readonly Span[]): ReferenceMention[] {
  const { text, shadow } = ctx;
  const out: ReferenceMention[] = [];
  const overlaps = (a: number, b: number): boolean =>
    taken.some((t) => a < t.end && t.start < b) || out.some((m) => a < m.symbol.span!.end && m.symbol.span!.start < b);
  // 1. "<type> số <number>".
  const SO =
    /(?<![\p{L}\p{N}])s[o06be&¢][ \t]*:?[ \t]+([0-9][0-9A-Za-z./&-]*)(?:[ \t]+([A-Za-z]{1,6}\/[A-Z][A-Za-z-]{0,12}|\/[ \t]*[A-Z][A-Za-z-]{0,12}))?/gu;
  for (let m = SO.exec(shadow); m; m = SO.exec(shadow)) {
    const numStart = m.index + m[0].indexOf(m[1]!, 2);
    let numEnd = numStart + m[1]!.replace(/[./-]+$/, '').length;
    if (overlaps(m.index, numEnd)) continue;
    const type = typeBefore(text, m.index);
    if (!type) continue;
    let symbol = text.slice(numStart, numEnd);
    if (m[2]) {
      // "104 CTr/TU", "1105 /KH-ĐKT": one symbol with a stray space.
      const tailStart = m.index + m[0].lastIndexOf(m[2]);
      numEnd = tailStart + m[2].length;
      const tail = text.slice(tailStart, numEnd).replace(/\s+/g, '');
      symbol = tail.startsWith('/') ? `${symbol}${tail}` : `${symbol}-${tail}`;
    }
    if (!/\d/.test(symbol)) continue;
    // "GĐN" (giấy đề nghị), the code of request letters, as OCR reads it ("GDN", "GPN").
    symbol = symbol.replace(/(?<![A-Za-zĐđ])G[DPB]N(?![A-Za-z])/g, 'GĐN');
    const d = dateAt(shadow, numEnd);
    const issuers = issuersAfter(text, d ? d.end : numEnd).map((i) => field(i.entry.name, i.span, i.score));
    out.push({
      symbol: field(symbol, { start: numStart, end: numEnd }, 0.7),
      family: 'other',
      type: field(type.name, type.span, type.score * 0.9),
      date: d ? field(d.iso, { start: d.start, end: d.end }, 0.9) : null,
      issuers,
    });
  }
  // 2. "<Type> … ngày <date>" without a number.
  const re = new RegExp(UNNUMBERED_RE.source, 'gu');
  for (let m = re.exec(shadow); m; m = re.exec(shadow)) {
    const typeStart = m.index;
    const typeEnd = m.index + m[0].length;
    // The type must be written with its capital, as the name of a document.
    if (text[typeStart] !== text[typeStart]!.toUpperCase()) continue;
    const stop = Math.min(shadow.length, typeEnd + 200);
    const gap = shadow.slice(typeEnd, stop);
    // A document's name follows its type ("Luật Quản lý…", "Kế hoạch của Tỉnh ủy", "Văn bản
    // ngày …"); a bare "Luật, hoàn thành trước ngày …" refers back and its date is a deadline.
    const first = /^[ \t]+(\S+)/.exec(text.slice(typeEnd, stop))?.[1] ?? '';
    if (!/^\p{Lu}/u.test(first) && !/^(?:cua|ngay|ng\S{1,3})$/.test(fold(first))) continue;

    const end = gap.search(/[;.:!?)(]|\n\s*\n|\sso\s|\s(?:nay|kem theo|tai)(?![\p{L}])/u);
    const region = end >= 0 ? gap.slice(0, end) : gap;
    const ngay = /(?:^|\s)(ng\S{1,3})\s+\d/.exec(region);
    if (!ngay) continue;
    if (/(?:truoc|cham nhat|han chot|den het|hoan thanh|tu|den|sau)\s*$/.test(region.slice(0, ngay.index))) continue;
    const at = typeEnd + ngay.index;
    const words = shadow.slice(typeEnd, at).trim().split(/\s+/).filter(Boolean);
    if (words.length > 20) continue;
    // Another type word in between starts a mention of its own.
    if (words.some((w, i) => i > 0 && UNNUMBERED_TYPES.some((t) => fold(t).split(' ')[0] === w.toLowerCase() && /^\p{Lu}/u.test(w))))
      continue;
    const d = dateAt(shadow, at);
    if (!d || overlaps(typeStart, d.end)) continue;
    const name = UNNUMBERED_TYPES.find((t) => fold(t) === m[1]!.toLowerCase())!;
    const cua = /\bcua\s/.exec(shadow.slice(typeEnd, at));
    const issuers = cua ? issuersAfter(text, typeEnd + cua.index).map((i) => field(i.entry.name, i.span, i.score)) : [];
    if (issuers.length === 0 && (name === 'Luật' || name === 'Bộ luật')) issuers.push(field('Quốc hội', null, 0.7));
    out.push({
      symbol: field('', { start: typeStart, end: d.end }, 0.7),
      family: 'unnumbered',
      type: field(name, { start: typeStart, end: typeEnd }, 0.9),
      date: field(d.iso, { start: d.start, end: d.end }, 0.9),
      issuers,
    });
  }
  return out.sort((a, b) => a.symbol.span!.start - b.symbol.span!.start);
}
