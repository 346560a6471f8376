/**
 * The default SIPAS computation (DOMAIN.md §3.1; Quyết định 2640/QĐ-BNV ngày 10/10/2017 and
 * Quyết định 1001/QĐ-BNV ngày 11/12/2023, "Phương pháp đo lường sự hài lòng"):
 * - a criterion's index = share of its valid answers (1–5) that are 4 "hài lòng" or 5 "rất hài lòng";
 * - an element's index = mean of the indices of its criteria that have at least one valid answer;
 * - the overall index = mean of the indices of the elements that have one;
 * all in %, rounded half-up to two decimals only at the end (the means are taken on the exact
 * fractions, so a rounded criterion never moves its element). Pure: no I/O.
 */

/** One answer: who (an opaque respondent key), which criterion of which element, and the 1–5 answer (null = none). */
export type SipasAnswer = { respondent: string; element: string; criterion: string; answer: number | null };

export type SipasCriterionResult = { criterion: string; element: string; index: number | null; valid: number };
export type SipasElementResult = { element: string; index: number | null; valid: number };
export type SipasResult = { overall: number | null; elements: SipasElementResult[]; criteria: SipasCriterionResult[] };

/** An exact non-negative fraction (BigInt), so that rounding at the end is exact. */
type Frac = { n: bigint; d: bigint };

function add(a: Frac, b: Frac): Frac {
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

function mean(xs: Frac[]): Frac | null {
  if (xs.length === 0) return null;
  const sum = xs.reduce(add, { n: 0n, d: 1n });
  return { n: sum.n, d: sum.d * BigInt(xs.length) };
}

/** A fraction (0–1) as a percentage rounded half-up to two decimals: 2/3 → 66.67, 1/32 → 3.13. */
export function percent2(f: Frac): number {
  // round(f × 10000) / 100, half-up, on integers.
  const scaled = (f.n * 10000n * 2n + f.d) / (2n * f.d);
  return Number(scaled) / 100;
}

/** True for an answer that counts: an integer from 1 to 5. */
export function isValidAnswer(a: number | null | undefined): a is number {
  return typeof a === 'number' && Number.isInteger(a) && a >= 1 && a <= 5;
}

/** True for "hài lòng" (4) or "rất hài lòng" (5). */
export function isSatisfied(a: number): boolean {
  return a >= 4;
}

/**
 * Computes the default SIPAS indices. Elements and criteria keep the order in which they first
 * appear; a criterion is identified by its element and its code, so "1" may recur under each element.
 * @param answers - one row per respondent × criterion.
 * @returns the overall index, each element's index and each criterion's, each with its count of valid answers;
 *   an index is null when nothing under it has a valid answer.
 */
export function computeSipas(answers: readonly SipasAnswer[]): SipasResult {
  const elements = new Map<string, Map<string, { valid: number; satisfied: number }>>();
  for (const a of answers) {
    let crit = elements.get(a.element);
    if (!crit) {
      crit = new Map();
      elements.set(a.element, crit);
    }
    let c = crit.get(a.criterion);
    if (!c) {
      c = { valid: 0, satisfied: 0 };
      crit.set(a.criterion, c);
    }
    if (isValidAnswer(a.answer)) {
      c.valid += 1;
      if (isSatisfied(a.answer)) c.satisfied += 1;
    }
  }
  const criteria: SipasCriterionResult[] = [];
  const elementResults: SipasElementResult[] = [];
  const elementFracs: Frac[] = [];
  for (const [element, crit] of elements) {
    const fracs: Frac[] = [];
    let valid = 0;
    for (const [criterion, c] of crit) {
      const f = c.valid > 0 ? { n: BigInt(c.satisfied), d: BigInt(c.valid) } : null;
      if (f) fracs.push(f);
      valid += c.valid;
      criteria.push({ criterion, element, index: f ? percent2(f) : null, valid: c.valid });
    }
    const e = mean(fracs);
    if (e) elementFracs.push(e);
    elementResults.push({ element, index: e ? percent2(e) : null, valid });
  }
  const o = mean(elementFracs);
  return { overall: o ? percent2(o) : null, elements: elementResults, criteria };
}

/** A 95 % interval around an index, in %, two decimals. */
export type Interval = { low: number; high: number };

const Z95 = 1.959963984540054;

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Wilson score interval (95 %) for one criterion's share of satisfied answers: unlike the normal
 * approximation it stays within 0–100 % and is usable for small counts and shares near 0 or 1.
 * @param satisfied - answers 4 or 5.
 * @param valid - valid answers (1–5).
 * @returns the interval in %, or null with no valid answer.
 */
export function wilsonInterval(satisfied: number, valid: number): Interval | null {
  if (valid <= 0) return null;
  const p = satisfied / valid;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / valid;
  const centre = (p + z2 / (2 * valid)) / denom;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / valid + z2 / (4 * valid * valid))) / denom;
  return { low: round2(Math.max(0, centre - half) * 100), high: round2(Math.min(1, centre + half) * 100) };
}

/**
 * A 95 % interval for a mean of shares (an element or the overall index), treating the shares as
 * independent: variance = Σ p(1−p)/n ÷ k². Answers of one respondent are correlated, so this is
 * an indication of sampling error, shown as such, not a guarantee.
 * @param parts - the satisfied and valid counts of each share that enters the mean.
 * @returns the interval in %, or null when no part has a valid answer.
 */
export function meanInterval(parts: readonly { satisfied: number; valid: number }[]): Interval | null {
  const used = parts.filter((p) => p.valid > 0);
  if (used.length === 0) return null;
  const k = used.length;
  const m = used.reduce((s, p) => s + p.satisfied / p.valid, 0) / k;
  // A share of 0 or 1 has no sampling variance under the normal approximation; use a continuity floor of 1/(4n²).
  const variance =
    used.reduce((s, p) => s + Math.max((p.satisfied / p.valid) * (1 - p.satisfied / p.valid), 1 / (4 * p.valid)) / p.valid, 0) / (k * k);
  const half = Z95 * Math.sqrt(variance);
  return { low: round2(Math.max(0, m - half) * 100), high: round2(Math.min(1, m + half) * 100) };
}

/**
 * A 95 % interval for a mean of means (the overall index: the mean of the elements, each the mean
 * of its criteria), with the same independence assumption as `meanInterval`:
 * variance = Σ_e (Σ_c p(1−p)/n ÷ k_e²) ÷ E².
 * @param groups - per element, the satisfied and valid counts of its criteria.
 * @returns the interval in %, or null when nothing has a valid answer.
 */
export function nestedMeanInterval(groups: readonly (readonly { satisfied: number; valid: number }[])[]): Interval | null {
  const used = groups.map((g) => g.filter((p) => p.valid > 0)).filter((g) => g.length > 0);
  if (used.length === 0) return null;
  const E = used.length;
  let m = 0;
  let variance = 0;
  for (const g of used) {
    const k = g.length;
    m += g.reduce((s, p) => s + p.satisfied / p.valid, 0) / k / E;
    variance +=
      g.reduce((s, p) => s + Math.max((p.satisfied / p.valid) * (1 - p.satisfied / p.valid), 1 / (4 * p.valid)) / p.valid, 0) /
      (k * k) /
      (E * E);
  }
  const half = Z95 * Math.sqrt(variance);
  return { low: round2(Math.max(0, m - half) * 100), high: round2(Math.min(1, m + half) * 100) };
}

/** A malformed line of an answers file: its 1-based line number and what is wrong, in both languages. */
export class SipasCsvError extends Error {
  constructor(
    readonly line: number,
    readonly vi: string,
    readonly en: string,
  ) {
    super(`dòng ${line}: ${vi} / line ${line}: ${en}`);
  }
}

/** Splits one CSV line (RFC 4180 quotes; a quoted field may not span lines here). */
function splitCsvLine(line: string, lineNo: number): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = false;
      } else cur += ch;
    } else if (ch === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
    } else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (quoted) throw new SipasCsvError(lineNo, 'dấu ngoặc kép chưa đóng', 'unterminated quote');
  out.push(cur);
  return out.map((s) => s.trim());
}

export const SIPAS_CSV_HEADER = ['respondent', 'element', 'criterion', 'answer'] as const;

/**
 * Reads an answers file with the header `respondent,element,criterion,answer` (answer 1–5;
 * empty or 0 = no answer). Blank lines are skipped.
 * @param text - the file's text (UTF-8, with or without BOM, LF or CRLF).
 * @returns the answers.
 * @throws SipasCsvError naming the first malformed line: a wrong header, a wrong number of fields, an
 *   empty key, an answer other than empty or 0–5, or the same respondent answering one criterion twice.
 */
export function parseSipasCsv(text: string): SipasAnswer[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const firstIdx = lines.findIndex((l) => l.trim() !== '');
  if (firstIdx < 0) throw new SipasCsvError(1, 'tệp rỗng, thiếu dòng tiêu đề', 'empty file, the header line is missing');
  const header = splitCsvLine(lines[firstIdx]!, firstIdx + 1).map((h) => h.toLowerCase());
  if (header.length !== 4 || SIPAS_CSV_HEADER.some((h, i) => header[i] !== h)) {
    throw new SipasCsvError(
      firstIdx + 1,
      `tiêu đề phải là "${SIPAS_CSV_HEADER.join(',')}"`,
      `the header must be "${SIPAS_CSV_HEADER.join(',')}"`,
    );
  }
  const seen = new Set<string>();
  const out: SipasAnswer[] = [];
  for (let i = firstIdx + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const lineNo = i + 1;
    const f = splitCsvLine(raw, lineNo);
    if (f.length !== 4) throw new SipasCsvError(lineNo, `cần 4 trường, có ${f.length}`, `4 fields expected, found ${f.length}`);
    const [respondent, element, criterion, ans] = f as [string, string, string, string];
    for (const [name, v] of [
      ['respondent', respondent],
      ['element', element],
      ['criterion', criterion],
    ] as const) {
      if (v === '') throw new SipasCsvError(lineNo, `thiếu ${name}`, `${name} is empty`);
    }
    let answer: number | null;
    if (ans === '' || ans === '0') answer = null;
    else if (/^[1-5]$/.test(ans)) answer = Number(ans);
    else throw new SipasCsvError(lineNo, `answer "${ans}" phải là 1–5, 0 hoặc để trống`, `answer "${ans}" must be 1–5, 0 or empty`);
    const key = JSON.stringify([respondent, element, criterion]);
    if (seen.has(key)) {
      throw new SipasCsvError(
        lineNo,
        `người trả lời "${respondent}" đã trả lời tiêu chí "${criterion}" của yếu tố "${element}"`,
        `respondent "${respondent}" already answered criterion "${criterion}" of element "${element}"`,
      );
    }
    seen.add(key);
    out.push({ respondent, element, criterion, answer });
  }
  return out;
}
