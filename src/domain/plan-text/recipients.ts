/**
 * "Nơi nhận" (recipients), the archive note and the signer block (Decree 30/2020/NĐ-CP Art. 8(2)
 * items 7 and 9, Art. 13; VIETNAMESE.md §1.2 point 7). In a scan the signer column ("KT. GIÁM
 * ĐỐC / PHÓ GIÁM ĐỐC / name") is printed beside the list and OCR interleaves the two line by
 * line, so signer fragments are cut out of recipient lines and collected into the signer block.
 */
import { ISSUERS, matchPhrase, UNIT_NAMES } from './gazetteer';
import { ocrKey, ocrSimilarity, oneLine } from './normalize';
import { linesOf } from './structure';
import type { Field, PlanRecipient, PlanSigner, Span } from './types';

/** "Nơi nhận" and OCR readings such as "Noi nhin" (on the shadow). */
const LABEL_RE = /(?<![A-Za-z])N\S{1,2}i[ \t]+nh\S{1,3}n[ \t]*:?/gi;
// KT./TM./TL./TUQ. (Decree 30/2020 Art. 13), also written K/T, T/M, T/L.
const AUTH = '(?:KT|TM|TL|TUQ|Q|K\\/T|T\\/M|T\\/L)[ \\t]*\\.?(?=[ \\t]+[A-Z])';
const TITLE =
  '(?:PHO[ \\t]+)?(?:TONG[ \\t]+)?(?:GIAM[ \\t]+[DPB]{1,2}[O0]C|CHU[ \\t]+TICH|TRUONG[ \\t]+BAN|BI[ \\t]+THU|CHANH[ \\t]+VAN[ \\t]+PHONG|CHANH[ \\t]+THANH[ \\t]+TRA|TRUONG[ \\t]+PHONG|CUC[ \\t]+TRUONG|VIEN[ \\t]+TRUONG|THU[ \\t]+TRUONG)';
/** Signer-column text: an authority mark with its upper-case title, or a title on its own (case-sensitive: the block is printed in capitals). */
const SIG_RE = new RegExp(`(?<![A-Za-z])(?:${AUTH}(?:[ \\t]*[A-Z]{2,})*|${TITLE})`);
const SIG_AUTH_RE = /^(KT|TM|TL|TUQ|Q|K\/T|T\/M|T\/L)[ \t]*\.?[ \t]*((?:[A-Z]{2,}[ \t]*)*)/;
const ISSUER_NAMES = ISSUERS.map((i) => i.name);
/** Titles printed in the signer block (Decree 30/2020 Art. 13), for OCR repair ("GIAM POC"). */
const SIGNER_TITLES: readonly string[] = [
  'GIÁM ĐỐC',
  'PHÓ GIÁM ĐỐC',
  'CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  'TRƯỞNG BAN',
  'PHÓ TRƯỞNG BAN',
  'BÍ THƯ',
  'PHÓ BÍ THƯ',
  'CHÁNH VĂN PHÒNG',
  'PHÓ CHÁNH VĂN PHÒNG',
  'CHÁNH THANH TRA',
  'TRƯỞNG PHÒNG',
  'CỤC TRƯỞNG',
  'VIỆN TRƯỞNG',
  'THỦ TRƯỞNG',
  'TỔNG GIÁM ĐỐC',
  'ỦY BAN NHÂN DÂN',
  'BAN THƯỜNG VỤ',
  'BAN CHẤP HÀNH',
  'GIÁM ĐỐC SỞ',
];
const TIMESTAMP_RE = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Roles written in parentheses after a recipient, without a leading "để" (Decree 30/2020 Annex I examples). */
const ROLES: readonly string[] = ['báo cáo', 'phối hợp', 'thực hiện', 'biết', 'chỉ đạo', 'theo dõi', 'đăng tải', 'b/c', 't/h', 'p/h'];
const ROLE_CANON: Readonly<Record<string, string>> = { 'b/c': 'báo cáo', 't/h': 'thực hiện', 'p/h': 'phối hợp', biết: 'để biết' };

/** Where "Nơi nhận" starts (the last label at a line start or after a wide gap), or -1. */
export function findRecipientsLabel(shadow: string): number {
  let found = -1;
  const re = new RegExp(LABEL_RE.source, 'gi');
  for (let m = re.exec(shadow); m; m = re.exec(shadow)) {
    const before = shadow.slice(Math.max(0, m.index - 3), m.index);
    if (m.index === 0 || /\n[ \t]*$|[ \t]{2,}$|\t$/.test(before) || /\n/.test(before)) found = m.index;
  }
  return found;
}

/** Where the signer block starts when there is no "Nơi nhận" (a line opening with KT./TM./TL.). */
export function findSignerStart(shadow: string, from: number): number {
  const re = new RegExp(`(?:^|\\n)[ \\t]*(?:${AUTH})`, 'g');
  re.lastIndex = from;
  const m = re.exec(shadow);
  return m ? m.index + (shadow[m.index] === '\n' ? 1 : 0) : -1;
}

function roleOf(inner: string): string | null {
  const base = inner.trim().replace(/^(?:để|đe|de|đê)\s+/i, '');
  const key = ocrKey(base);
  if (key.length === 0) return null;
  let best: { role: string; score: number } | null = null;
  for (const r of ROLES) {
    const score = ocrSimilarity(key, ocrKey(r));
    if (score >= 0.75 && (!best || score > best.score)) best = { role: r, score };
  }
  return best ? (ROLE_CANON[best.role] ?? best.role) : null;
}

/** Letters and the glyphs OCR puts for Vietnamese vowels ("S¢" is "Sở"). */
const LETTERISH = /[\p{L}¢€£&@]/gu;

/** Junk left by the signature column and the seal: trailing non-words and lone letters ("£ o,", "="). */
function trimJunk(s: string): string {
  let out = s.replace(/\s+$/, '');
  for (;;) {
    const m = /(?:^|\s)(\S+)$/.exec(out);
    if (!m) break;
    const tok = m[1]!;
    const letters = (tok.match(LETTERISH) ?? []).length;
    const junk = letters === 0 ? !/[0-9)]/.test(tok) : letters === 1 && !/^\p{Lu}[.;)]?$/u.test(tok) && !/^\p{L}\)/u.test(tok);
    if (!junk) break;
    out = out.slice(0, out.length - m[0].length).replace(/\s+$/, '');
  }
  return out;
}

const NAME_RE = /([\p{Lu}][\p{Ll}]{0,7}(?:[ \t]+[\p{Lu}][\p{Ll}]{0,7}){1,4})[ \t]*$/u;

function nameLike(s: string): boolean {
  const t = s.trim();
  if (!NAME_RE.test(t) || NAME_RE.exec(t)![1] !== t) return false;
  if (/^(Đã|Da)\s+k/i.test(t)) return false;
  // Not a unit ("Ban Dân vận", "Sở Nội vụ").
  return !matchPhrase(t, UNIT_NAMES, 0.75) && !/^(Ban|Sở|Phòng|Văn|Công|Các|Lưu|UBND)\b/u.test(t);
}

/** Result of {@link parseRecipients}. */
export interface RecipientsResult {
  readonly recipients: PlanRecipient[];
  readonly archive: Field<string> | null;
  readonly signer: PlanSigner | null;
}

/**
 * Reads the recipients list, the archive note and the signer block after "Nơi nhận".
 * @param text - the normalized text.
 * @param shadow - its shadow.
 * @param labelAt - offset of "Nơi nhận", or -1.
 * @param signerFrom - where to look for a signer block when there is no label (-1: nowhere).
 * @param own - the agency's own unit names, matched first.
 * @returns recipients, archive note and signer.
 */
export function parseRecipients(
  text: string,
  shadow: string,
  labelAt: number,
  signerFrom: number,
  own: readonly string[],
): RecipientsResult {
  const recipients: PlanRecipient[] = [];
  let archive: Field<string> | null = null;
  const sig: {
    authority: string | null;
    title: string | null;
    position: string | null;
    name: Field<string> | null;
    start: number;
    end: number;
  } = {
    authority: null,
    title: null,
    position: null,
    name: null,
    start: -1,
    end: -1,
  };
  const noteSig = (start: number, end: number): void => {
    const raw = oneLine(text.slice(start, end));
    const canon = (t: string): string => matchPhrase(t, SIGNER_TITLES, 0.8)?.name ?? t;
    const sh = shadow.slice(start, end).trim();
    if (sig.start < 0 || start < sig.start) sig.start = start;
    sig.end = Math.max(sig.end, end);
    const a = SIG_AUTH_RE.exec(sh);
    if (a) {
      sig.authority = `${a[1]!.replace('/', '')}.`;
      const t = raw.replace(/^[A-Za-z/]+\s*\.?\s*/, '').trim();
      if (t) sig.title = canon(t);
    } else if (!sig.title && !sig.authority) sig.title = canon(raw);
    else if (!sig.position) sig.position = canon(raw);
  };

  const regionStart = labelAt >= 0 ? labelAt : signerFrom;
  if (regionStart < 0) return { recipients, archive, signer: null };
  const labelLen = labelAt >= 0 ? (new RegExp(LABEL_RE.source, 'iy').exec(shadow.slice(labelAt))?.[0].length ?? 0) : 0;
  let pendingName: Field<string> | null = null;

  for (const line of linesOf(text, regionStart + labelLen, text.length)) {
    const sh = shadow.slice(line.start, line.end);
    if (TIMESTAMP_RE.test(sh)) continue;
    // Cut the signer column out of the line.
    let cut = line.end;
    const sm = SIG_RE.exec(sh);
    if (sm) {
      cut = line.start + sm.index;
      noteSig(cut, line.end);
    }
    let raw = text.slice(line.start, cut);
    let rawEnd = cut;
    const lead = /^[ \t]*[-–+•][ \t]*/.exec(raw);
    if (!lead) {
      // A line that is not a list entry: a name of the signer, seal noise, or a wrapped entry.
      const t = trimJunk(raw.replace(/^[\s=_"“”'~*.,:;|]+/, ''));
      if (t && nameLike(t)) {
        const s = line.start + raw.indexOf(t);
        pendingName = { value: t, span: { start: s, end: s + t.length }, confidence: 0.6 };
      } else if (t && /^[\p{Ll}]/u.test(t) && recipients.length > 0 && labelAt >= 0) {
        const prev = recipients.pop()!;
        const span: Span = { start: prev.name.span!.start, end: line.start + raw.indexOf(t) + t.length };
        recipients.push(makeRecipient(text, span, own));
      }
      continue;
    }
    if (labelAt < 0) continue;
    // "- Lưu: VT, VP." is the archive note; anything after it on the line is the signer column.
    const body = raw.slice(lead[0].length);
    const bodyStart = line.start + lead[0].length;
    // "Lưu: VT, VP." (Decree 30/2020 Annex I), sometimes without the colon ("Lưu Văn phòng").
    const archiveMatch = /^L\S{1,2}u(?:[ \t]*:|[ \t]+(?=\S))[ \t]*/.exec(shadow.slice(bodyStart, cut));
    if (archiveMatch && /^L[^\s:]{1,2}u$/i.test(body.slice(0, archiveMatch[0].replace(/[ \t:]+$/, '').length))) {
      const codesStart = bodyStart + archiveMatch[0].length;
      const rest = text.slice(codesStart, cut);
      const stop = /\.(?=\s|$)/.exec(rest);
      const codesEnd = stop ? codesStart + stop.index + 1 : codesStart + trimJunk(rest).length;
      archive = { value: `Lưu: ${oneLine(text.slice(codesStart, codesEnd))}`, span: { start: bodyStart, end: codesEnd }, confidence: 0.9 };
      const tail = trimJunk(text.slice(codesEnd, cut).replace(/^[\s=_"“”'~*.,:;|]+/, ''));
      if (tail && nameLike(tail)) {
        const s = text.indexOf(tail, codesEnd);
        pendingName = { value: tail, span: { start: s, end: s + tail.length }, confidence: 0.6 };
      }
      continue;
    }
    raw = trimJunk(body);
    rawEnd = bodyStart + raw.length;
    if (raw.replace(/[^\p{L}]/gu, '').length < 2) continue;
    recipients.push(makeRecipient(text, { start: bodyStart, end: rawEnd }, own));
  }
  if (pendingName) sig.name = pendingName;
  const signer: PlanSigner | null =
    sig.start >= 0 || sig.name
      ? {
          authority: sig.authority,
          title: sig.title,
          position: sig.position,
          name: sig.name,
          span: { start: sig.start >= 0 ? sig.start : sig.name!.span!.start, end: Math.max(sig.end, sig.name?.span?.end ?? 0) },
        }
      : null;
  return { recipients, archive, signer };
}

function makeRecipient(text: string, span: Span, own: readonly string[]): PlanRecipient {
  let raw = text.slice(span.start, span.end);
  let role: string | null = null;
  // A role in parentheses at the end; OCR may have lost the opening parenthesis ("UBND tinh Bao cao);").
  const m = /[ \t]*\(?[ \t]*([^()\n]{1,24}?)[ \t]*\)[ \t]*[;.,]*[ \t]*$/u.exec(raw);
  if (m) {
    const r = roleOf(m[1]!);
    if (r) {
      role = r;
      raw = raw.slice(0, m.index);
    } else {
      // The role may be the last words before the ")" without a "(": try the last one or two words.
      const words = m[1]!.trim().split(/\s+/);
      for (const n of [2, 1]) {
        if (words.length < n) continue;
        const r2 = roleOf(words.slice(-n).join(' '));
        if (r2) {
          role = r2;
          raw = `${raw.slice(0, m.index)} ${words.slice(0, -n).join(' ')}`;
          break;
        }
      }
    }
  }
  const name = oneLine(raw).replace(/[\s;.,:]+$/u, '');
  const end = span.start + raw.replace(/[\s;.,:]+$/u, '').length;
  const hit = matchPhrase(name, own, 0.8) ?? matchPhrase(name, UNIT_NAMES, 0.8) ?? matchPhrase(name, ISSUER_NAMES, 0.85);
  const value = hit ? hit.name : name;
  return {
    name: {
      value,
      span: { start: span.start, end: Math.max(span.start, Math.min(span.end, end)) },
      confidence: hit ? Math.round(hit.score * 100) / 100 : 0.6,
    },
    role,
  };
}
