/**
 * Plan layout (VIETNAMESE.md §1.1 "Plan layout", §1.2 points 4–6): Roman-numeral sections with
 * the expected-next rule and upper-case titles, numbered items with the next-number rule, a)/b)
 * and "-" sub-items, responsible units of the items of "TỔ CHỨC THỰC HIỆN", and deadlines
 * written as a cue (trước / chậm nhất / hạn chót / đến hết / không quá) followed by a date.
 */
import { findDates } from './date-text';
import { HEADINGS, matchPhrase, ORGANIZATION_HEADINGS, UNIT_HEADS, UNIT_NAMES, UNIT_VERB_CUES } from './gazetteer';
import { ocrKey, ocrSimilarity, oneLine, tokenize, upperRatio, type Token } from './normalize';
import type { Field, PlanDeadline, PlanItem, PlanSection, PlanSubItem, Span } from './types';

interface Line {
  readonly start: number;
  readonly end: number; // excluding the newline
}

/** The lines of a region with their offsets. */
export function linesOf(text: string, start = 0, end = text.length): Line[] {
  const out: Line[] = [];
  let s = start;
  while (s <= end) {
    let e = text.indexOf('\n', s);
    if (e < 0 || e > end) e = end;
    out.push({ start: s, end: e });
    if (e >= end) break;
    s = e + 1;
  }
  return out;
}

const ROMAN: readonly string[] = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
  'XVIII',
  'XIX',
  'XX',
];

/** A section heading line: numeral (with OCR's 1/l/L/| for I), a dot, colon or dash, then the title. */
const HEADING_RE = /^[ \t]*([IVXLl1|]{1,5})[ \t]*[.:-][ \t]*(\S[^\n]*)$/;
/** A numbered item line ("1.", "1)", or the Party style "1- "); the number must not start a date or "1.2." numbering. */
const ITEM_RE = /^[ \t]*(\d{1,2})[ \t]*(?:[.)](?![0-9])|-(?=[ \t]))[ \t]*(?=\S)/;
/** A sub-item line: "a)", "đ)", "a." or a dash/plus/bullet. */
const SUB_RE = /^[ \t]*(?:([a-zđ])[ \t]*[).](?=[ \t])|([-+•*])[ \t]+)/;
/** Phrases that close a plan's body after its last item (OCR-tolerant, on the shadow). */
const CLOSING_RE =
  /^[ \t]*(?:Tr\S{0,3}n[ \t]+d\S{1,3}y[ \t]+l\S{1,2}[ \t]|Trong[ \t]+qu\S{1,2}[ \t]+tr\S{1,3}nh|Qu\S{1,2}[ \t]+tr\S{1,3}nh[ \t]+th\S{1,3}c[ \t]+hi\S{1,3}n|Y\S{1,3}u[ \t]+c\S{1,3}u[ \t]|\S{1,2}[ \t]+ngh\S{1,2}[ \t]+c\S{1,2}c[ \t])/i;

function romanIndex(raw: string): number {
  const r = raw.replace(/[lL1|]/g, 'I');
  return ROMAN.indexOf(r) + 1;
}

function canonicalHeading(title: string): { title: string; confidence: number } {
  const cleaned = oneLine(title).replace(/[.:;,\s]+$/, '');
  const hit = matchPhrase(cleaned, HEADINGS, 0.8);
  if (hit) return { title: hit.name, confidence: hit.score };
  return { title: cleaned, confidence: 0.6 };
}

/** The heading at a line, if the line is the expected next section. */
function headingAt(
  text: string,
  shadow: string,
  line: Line,
  expected: number,
): { title: string; titleSpan: Span; extraLine: Line | null } | null {
  const m = HEADING_RE.exec(shadow.slice(line.start, line.end));
  if (!m || romanIndex(m[1]!) !== expected) return null;
  const titleStart = line.start + m[0].indexOf(m[2]!, m[1]!.length);
  const title = text.slice(titleStart, line.end);
  const letters = title.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return null;
  // Upper case as the clerical rules want; a heading typed in sentence case ("I. Mục đích, yêu
  // cầu") is accepted when it is one of the usual headings.
  // (Not when the numeral is OCR's 1/l/|: "1. Mục tiêu" is an item.)
  const sentenceCaseOk = /^[IVX]+$/.test(m[1]!) && matchPhrase(oneLine(title).replace(/[.:;,\s]+$/, ''), HEADINGS, 0.85) !== null;
  if (upperRatio(title) < 0.7 && !sentenceCaseOk) return null;
  return { title, titleSpan: { start: titleStart, end: line.end }, extraLine: null };
}

/**
 * A heading whose Roman numeral was lost with Word's automatic numbering: an upper-case line
 * that is one of the usual headings ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN").
 */
function bareHeadingAt(text: string, line: Line): { title: string; titleSpan: Span } | null {
  const raw = text.slice(line.start, line.end);
  const title = raw.trim();
  if (title.length < 6 || title.length > 80 || upperRatio(title) < 0.9) return null;
  if (!matchPhrase(title.replace(/[.:;,\s]+$/, ''), HEADINGS, 0.88)) return null;
  const start = line.start + raw.indexOf(title);
  return { title, titleSpan: { start, end: start + title.length } };
}

function isBlank(text: string, l: Line): boolean {
  return text.slice(l.start, l.end).trim().length === 0;
}

/** Options for {@link findSections}. */
export interface StructureContext {
  readonly text: string;
  readonly shadow: string;
  /** Where the body ends ("Nơi nhận", the signer block). */
  readonly bodyEnd: number;
  /** The agency's own units, matched before the built-in names. */
  readonly units: readonly string[];
}

/**
 * Finds sections and their items.
 * @param ctx - text, shadow, body end and unit names.
 * @returns the sections in order, each with its items, sub-items, units and deadlines.
 */
export function findSections(ctx: StructureContext): PlanSection[] {
  const { text, shadow, bodyEnd } = ctx;
  const lines = linesOf(text, 0, bodyEnd);
  interface Head {
    lineIdx: number;
    numeral: string;
    title: Field<string>;
    span: Span;
  }
  const heads: Head[] = [];
  // Without any numbered heading, the numbering may have been lost in extraction: the usual
  // upper-case headings then open the sections, numbered in order.
  const numbered = lines.some((l) => headingAt(text, shadow, l, 1) !== null);
  for (let i = 0; i < lines.length; i++) {
    const h = numbered ? headingAt(text, shadow, lines[i]!, heads.length + 1) : bareHeadingAt(text, lines[i]!);
    if (!h) continue;
    let titleText = h.title;
    let end = h.titleSpan.end;
    // A title that runs onto a second upper-case line ("NHIỆM VỤ VÀ GIẢI PHÁP\nTHỰC HIỆN").
    const next = lines[i + 1];
    if (next && !isBlank(text, next)) {
      const nt = text.slice(next.start, next.end);
      if (
        upperRatio(nt) >= 0.9 &&
        nt.trim().length < 60 &&
        !ITEM_RE.test(shadow.slice(next.start, next.end)) &&
        !HEADING_RE.test(shadow.slice(next.start, next.end))
      ) {
        titleText += ` ${nt}`;
        end = next.end;
      }
    }
    const c = canonicalHeading(titleText);
    heads.push({
      lineIdx: i,
      numeral: ROMAN[heads.length]!,
      title: { value: c.title, span: { start: h.titleSpan.start, end }, confidence: c.confidence },
      span: { start: lines[i]!.start, end },
    });
  }

  // A plan without sections (an inspection plan numbered 1., 2., … at the top level) has its
  // items in one section without numeral, from the first "1." line on.
  if (heads.length === 0) {
    const first = lines.findIndex((l) => {
      const m = ITEM_RE.exec(shadow.slice(l.start, l.end));
      return m !== null && Number(m[1]) === 1;
    });
    const second = first >= 0 ? lines.findIndex((l, i) => i > first && Number(ITEM_RE.exec(shadow.slice(l.start, l.end))?.[1]) === 2) : -1;
    if (first >= 0 && second > first) {
      const l = lines[first]!;
      heads.push({
        lineIdx: first - 1,
        numeral: '',
        title: { value: 'NỘI DUNG', span: null, confidence: 0.5 },
        span: { start: l.start, end: l.start },
      });
    }
  }

  const sections: PlanSection[] = [];
  for (let s = 0; s < heads.length; s++) {
    const head = heads[s]!;
    const lastSection = s === heads.length - 1;
    const endLine = s + 1 < heads.length ? heads[s + 1]!.lineIdx : lines.length;
    const sectionEnd = s + 1 < heads.length ? lines[endLine]!.start : bodyEnd;
    const org = ORGANIZATION_HEADINGS.has(head.title.value) || /to chuc thuc hien|phan cong|trach nhiem/.test(ocrKey(head.title.value));
    // Item starts by the next-number rule.
    const starts: { lineIdx: number; number: number; textStart: number }[] = [];
    for (let i = head.lineIdx + 1; i < endLine; i++) {
      const l = lines[i]!;
      const m = ITEM_RE.exec(shadow.slice(l.start, l.end));
      if (m && Number(m[1]) === starts.length + 1) starts.push({ lineIdx: i, number: starts.length + 1, textStart: l.start + m[0].length });
    }
    // A section of dash paragraphs only ("V. CHẾ ĐỘ BÁO CÁO\n- Các Sở… định kỳ…"): each is an item.
    if (starts.length === 0) {
      for (let i = head.lineIdx + 1; i < endLine; i++) {
        const l = lines[i]!;
        const m = /^[ \t]*[-+•–][ \t]+(?=\S)/.exec(shadow.slice(l.start, l.end));
        if (m) starts.push({ lineIdx: i, number: starts.length + 1, textStart: l.start + m[0].length });
      }
    }
    const items: PlanItem[] = [];
    for (let k = 0; k < starts.length; k++) {
      const st = starts[k]!;
      let itemEnd = k + 1 < starts.length ? lines[starts[k + 1]!.lineIdx]!.start : sectionEnd;
      if (k === starts.length - 1 && lastSection) {
        // After the last item come closing paragraphs ("Trong quá trình thực hiện…"): end the
        // item at a blank line followed by a paragraph that is not a sub-item, or at a closing phrase.
        for (let i = st.lineIdx + 1; i < lines.length && lines[i]!.start < itemEnd; i++) {
          const l = lines[i]!;
          const sh = shadow.slice(l.start, l.end);
          const afterBlank = isBlank(text, lines[i - 1]!);
          if (isBlank(text, l)) continue;
          if (CLOSING_RE.test(sh) || (afterBlank && !SUB_RE.test(sh) && !/^[ \t]*[a-zđ]/.test(text.slice(l.start, l.end)))) {
            itemEnd = l.start;
            break;
          }
        }
      }
      // Trim trailing blank space.
      while (itemEnd > st.textStart && /\s/.test(text[itemEnd - 1]!)) itemEnd--;
      const sub = subItems(text, shadow, lines, st.lineIdx + 1, itemEnd);
      const units: Field<string>[] = [];
      let leadUnitCount = 0;
      if (org) {
        const segs = [
          { start: st.textStart, end: sub[0]?.span.start ?? itemEnd },
          ...sub.map((x) => ({ start: x.span.start + x.label.length, end: x.span.end })),
        ];
        for (const seg of segs) {
          const u = unitsOf(text, seg.start, seg.end, ctx.units);
          for (const f of u.lead) if (!units.some((x) => x.value === f.value)) units.splice(leadUnitCount++, 0, f);
          for (const f of u.partners) if (!units.some((x) => x.value === f.value)) units.push(f);
        }
      }
      const itemText = oneLine(text.slice(st.textStart, itemEnd));
      items.push({
        number: st.number,
        text: itemText,
        sourceText: itemText,
        restoration: [],
        span: { start: lines[st.lineIdx]!.start, end: itemEnd },
        subItems: sub,
        units,
        leadUnitCount,
        deadlines: [],
      });
    }
    sections.push({ numeral: head.numeral, title: head.title, span: { start: head.span.start, end: sectionEnd }, items });
  }
  return sections;
}

function subItems(text: string, shadow: string, lines: readonly Line[], from: number, end: number): PlanSubItem[] {
  const starts: { start: number; label: string }[] = [];
  for (let i = from; i < lines.length && lines[i]!.start < end; i++) {
    const l = lines[i]!;
    const m = SUB_RE.exec(shadow.slice(l.start, l.end));
    if (!m) continue;
    const lead = /^[ \t]*/.exec(text.slice(l.start, l.end))![0].length;
    starts.push({ start: l.start + lead, label: oneLine(text.slice(l.start + lead, l.start + m[0].length)) });
  }
  return starts.map((s, i) => {
    let e = i + 1 < starts.length ? starts[i + 1]!.start : end;
    while (e > s.start && /\s/.test(text[e - 1]!)) e--;
    const raw = text.slice(s.start, e);
    return { label: s.label, text: oneLine(raw.slice(raw.indexOf(s.label) + s.label.length)), span: { start: s.start, end: e } };
  });
}

const headKeys = UNIT_HEADS.map((h) => ocrKey(h));
const cueKeys = UNIT_VERB_CUES.map((c) => ocrKey(c));
const PHOI_HOP = ocrKey('phối hợp');

/** Index of the first token at or after `from` that starts a verb cue, or -1. */
function cueAt(tokens: readonly Token[], i: number): number {
  for (const key of cueKeys) {
    const parts = key.split(' ');
    const n = parts.length;
    if (i + n > tokens.length) continue;
    const got = tokens.slice(i, i + n);
    // Every word must resemble its counterpart ("cac don vi" is not "là đơn vị") and the whole cue must match.
    if (!got.every((t, k) => ocrSimilarity(t.key, parts[k]!) >= 0.5)) continue;
    if (ocrSimilarity(got.map((t) => t.key).join(' '), key) >= 0.78) return n;
  }
  return 0;
}

/** Turns a unit phrase as written into a field, canonical when a known name matches. */
function unitField(text: string, span: Span, own: readonly string[]): Field<string> | null {
  const raw = oneLine(text.slice(span.start, span.end)).replace(/^[,;:\s]+|[,;:\s]+$/g, '');
  if (raw.length < 2) return null;
  const hit = matchPhrase(raw, own, 0.8) ?? matchPhrase(raw, UNIT_NAMES, 0.8);
  if (hit) return { value: hit.name, span, confidence: Math.round(hit.score * 100) / 100 };
  return { value: raw, span, confidence: 0.6 };
}

/**
 * Units of an item (VIETNAMESE.md §1.2 point 5): when the item starts with a unit head noun,
 * the lead unit is the text up to the first verb cue; "phối hợp (với) X" in the first sentence
 * names partners, split on "," and "và".
 */
function unitsOf(text: string, start: number, end: number, own: readonly string[]): { lead: Field<string>[]; partners: Field<string>[] } {
  const sentenceEnd = (() => {
    const m = /[.;:](\s|$)/.exec(text.slice(start, end));
    return m ? start + m.index : end;
  })();
  const tokens = tokenize(text, start, Math.min(sentenceEnd, start + 600));
  const lead: Field<string>[] = [];
  const partners: Field<string>[] = [];
  if (tokens.length < 2) return { lead, partners };
  const headOk = cueAt(tokens, 0) === 0 && startsWithHead(tokens);
  let i = 1;
  if (headOk) {
    for (; i < Math.min(tokens.length, 20); i++) if (cueAt(tokens, i) > 0) break;
    if (i < Math.min(tokens.length, 20)) {
      for (const part of splitUnits(text, tokens.slice(0, i))) {
        const f = unitField(text, part, own);
        if (f) lead.push(f);
      }
    }
  }
  // Partners after "phối hợp (với/cùng)".
  for (let j = 0; j < tokens.length - 1; j++) {
    if (ocrSimilarity(`${tokens[j]!.key} ${tokens[j + 1]!.key}`, PHOI_HOP) < 0.75) continue;
    let k = j + 2;
    const w = tokens[k];
    if (
      w &&
      /^[\p{Ll}]/u.test(w.text) &&
      ((w.key.startsWith('v') && w.key.length === 3 && ocrSimilarity(w.key, 'voi') >= 0.6) || w.key === 'cung')
    )
      k++;
    let e = k;
    while (e < tokens.length && e - k < 16 && cueAt(tokens, e) === 0 && !/^(de|nham|theo|tai)$/.test(tokens[e]!.key)) e++;
    if (e > k && e - k < 16) {
      for (const part of splitUnits(text, tokens.slice(k, e))) {
        const f = unitField(text, part, own);
        if (f) partners.push(f);
      }
    }
    break;
  }
  return { lead, partners };
}

/** Whether a run of tokens opens with a unit head noun ("Sở", "Văn phòng", "các đơn vị"…). */
function startsWithHead(tokens: readonly Token[]): boolean {
  return headKeys.some((h) => {
    const n = h.split(' ').length;
    if (tokens.length < n) return false;
    return (
      ocrSimilarity(
        tokens
          .slice(0, n)
          .map((t) => t.key)
          .join(' '),
        h,
      ) >= (h.length <= 3 ? 0.85 : 0.75)
    );
  });
}

/**
 * A list of units ("Văn phòng Sở và Thanh tra Sở", "các phòng chức năng, các đơn vị liên quan")
 * split into members — only when every member opens with a unit head noun, so that names
 * with "và" ("Sở Khoa học và Công nghệ") stay whole.
 */
function splitUnits(text: string, tokens: readonly Token[]): Span[] {
  const parts = splitList(text, tokens);
  if (parts.length > 1) {
    const groups = parts.map((p) => tokens.filter((t) => t.start >= p.start && t.end <= p.end));
    if (groups.every((g) => startsWithHead(g))) return parts;
  }
  return tokens.length > 0 ? [{ start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end }] : [];
}

/**
 * Splits a run of tokens on "," and "và" into unit spans. A comma after a one- or two-word
 * generic group ("các phòng, đơn vị thuộc Sở") does not split: it names one group.
 */
function splitList(text: string, tokens: readonly Token[]): Span[] {
  const out: Span[] = [];
  let cur: Token[] = [];
  const flush = (): void => {
    if (cur.length > 0) out.push({ start: cur[0]!.start, end: cur[cur.length - 1]!.end });
    cur = [];
  };
  let pendingComma = false;
  for (const t of tokens) {
    if (cur.length > 0 && /^v[a*e]$/.test(t.key)) {
      flush();
      pendingComma = false;
      continue;
    }
    if (pendingComma && (/^\p{Lu}/u.test(t.text) || t.key === 'cac')) flush();
    cur.push(t);
    // Split at a comma only before a new name ("Sở Nội vụ, Sở Tài chính", "…, các đơn vị"), not
    // inside a coordinated group ("Trưởng các phòng, đơn vị thuộc Sở", "UBND các xã, thị trấn").
    if (text[t.end] === ',') pendingComma = true;
    else pendingComma = false;
  }
  flush();
  return out;
}

/** Deadline cues (VIETNAMESE.md §1.2 point 6), OCR-tolerant, on the shadow, ending right before a date. */
const DEADLINE_CUE_RE =
  /(?:^|[^A-Za-z])((?:tr\S{1,3}c|ch\S{1,2}m[ \t\n]+nh\S{1,3}t|h\S{1,2}n[ \t\n]+ch\S{1,2}t|\S{1,3}n[ \t\n]+h\S{1,2}t|kh\S{1,3}ng[ \t\n]+qu\S{1,2})(?:[ \t\n]+l\S{1,2})?)[ \t\n]+$/i;

/**
 * Finds deadlines in the body and attaches them to their items.
 * @param text - the normalized text.
 * @param shadow - its shadow.
 * @param sections - sections found by {@link findSections} (their items get the deadlines).
 * @param bodyEnd - end of the body.
 * @param skip - spans to ignore (dates that belong to cited documents).
 * @returns all deadlines in order, and the sections with items' deadlines filled in.
 */
export function findDeadlines(
  text: string,
  shadow: string,
  sections: readonly PlanSection[],
  bodyEnd: number,
  skip: readonly Span[],
): { deadlines: PlanDeadline[]; sections: PlanSection[] } {
  const deadlines: PlanDeadline[] = [];
  for (const d of findDates(shadow, 0, bodyEnd)) {
    if (skip.some((s) => d.start < s.end && s.start < d.end)) continue;
    const pre = shadow.slice(Math.max(0, d.start - 30), d.start);
    const m = DEADLINE_CUE_RE.exec(pre);
    if (!m) continue;
    const cueStart = d.start - pre.length + m.index + m[0].indexOf(m[1]!);
    const section = sections.find((x) => d.start >= x.span.start && d.start < x.span.end) ?? null;
    const item = section?.items.find((it) => d.start >= it.span.start && d.start < it.span.end) ?? null;
    const floor = item ? item.span.start : section ? section.span.start : 0;
    // The clause (VIETNAMESE.md §1.2 point 6): the sentence around the date — back to the
    // previous [.;:!?] or blank line (single line breaks are only wrapping), forward to the next
    // [.;!?] — narrowed at commas only where they separate it from another dated clause
    // ("… trước ngày 11/6/2021, báo cáo năm gửi trước ngày 11/11/2021 …").
    let s = d.start;
    while (s > floor && d.start - s < 400) {
      const ch = text[s - 1]!;
      if (/[.;:!?]/.test(ch) && !/\d/.test(text[s] ?? '')) break;
      if (ch === '\n' && /\n[ \t]*$/.test(text.slice(floor, s - 1))) break;
      s--;
    }
    for (let c = cueStart - 1; c > s; c--) {
      if (text[c] === ',' && findDates(shadow, s, c).length > 0) {
        s = c + 1;
        break;
      }
    }
    while (s < d.start && /\s/.test(text[s]!)) s++;
    const limit = Math.min(bodyEnd, item ? item.span.end : section ? section.span.end : bodyEnd, d.end + 300);
    let e = d.end;
    while (e < limit && !/[.;!?]/.test(text[e]!) && !/^\n[ \t]*\n/.test(text.slice(e, e + 3))) e++;
    const later = findDates(shadow, d.end, e);
    if (later.length > 0) {
      const comma = text.lastIndexOf(',', later[0]!.start);
      if (comma >= d.end) e = comma;
    }
    while (e > d.end && /\s/.test(text[e - 1]!)) e--;
    const clean = text.slice(d.start, d.end).toLowerCase() === shadow.slice(d.start, d.end).toLowerCase() ? 1 : 0.9;
    deadlines.push({
      date: d.iso,
      text: oneLine(text.slice(s, e)),
      span: { start: s, end: e },
      confidence: clean,
      section: section?.numeral ?? null,
      item: item?.number ?? null,
    });
  }
  const withDeadlines = sections.map((sec) => ({
    ...sec,
    items: sec.items.map((it) => ({ ...it, deadlines: deadlines.filter((d) => d.section === sec.numeral && d.item === it.number) })),
  }));
  return { deadlines, sections: withDeadlines };
}
