/**
 * Plain text of a .docx (Office Open XML) without any program: unzip with fflate, read
 * word/document.xml paragraph by paragraph, and render Word's automatic numbering from
 * word/numbering.xml ("I.", "1.", "a)"), because plans often number their sections and items
 * that way and the parser needs the numbers (VIETNAMESE.md §1.2 point 4).
 */
import { strFromU8 } from 'fflate';
import { safeUnzip } from './archive';

interface Level {
  fmt: string;
  text: string;
  start: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

const attr = (xml: string, name: string): string | null => new RegExp(`${name}="([^"]*)"`).exec(xml)?.[1] ?? null;

/** Number formats of Word's numbering (ECMA-376 §17.18.59). */
function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman':
    case 'lowerRoman': {
      const table: [number, string][] = [
        [1000, 'M'],
        [900, 'CM'],
        [500, 'D'],
        [400, 'CD'],
        [100, 'C'],
        [90, 'XC'],
        [50, 'L'],
        [40, 'XL'],
        [10, 'X'],
        [9, 'IX'],
        [5, 'V'],
        [4, 'IV'],
        [1, 'I'],
      ];
      let r = '';
      let x = n;
      for (const [v, s] of table) {
        while (x >= v) {
          r += s;
          x -= v;
        }
      }
      return fmt === 'upperRoman' ? r : r.toLowerCase();
    }
    case 'upperLetter':
    case 'lowerLetter': {
      const s = String.fromCharCode(97 + ((n - 1) % 26));
      return fmt === 'upperLetter' ? s.toUpperCase() : s;
    }
    case 'bullet':
      return '-';
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function readNumbering(xml: string | null): Map<string, Map<number, Level>> {
  const out = new Map<string, Map<number, Level>>();
  if (!xml) return out;
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2]!;
      levels.set(Number(l[1]), {
        fmt: attr(/<w:numFmt\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? 'decimal',
        text: decodeXml(attr(/<w:lvlText\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? ''),
        start: Number(attr(/<w:start\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? 1),
      });
    }
    abstract.set(m[1]!, levels);
  }
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const absId = attr(/<w:abstractNumId\b[^>]*>/.exec(m[2]!)?.[0] ?? '', 'w:val');
    const levels = absId ? abstract.get(absId) : undefined;
    if (levels) out.set(m[1]!, levels);
  }
  return out;
}

/**
 * Extracts the text of a .docx, one paragraph per line, with automatic numbers rendered.
 * @param data - the file's bytes.
 * @returns the text.
 * @throws Error when the archive has no word/document.xml.
 */
export function docxToText(data: Uint8Array, name = 'document.docx'): string {
  const files = safeUnzip(data, (f) => f === 'word/document.xml' || f === 'word/numbering.xml' || f === 'word/footnotes.xml', name);
  const doc = files['word/document.xml'];
  if (!doc) throw new Error('word/document.xml missing');
  const numbering = readNumbering(files['word/numbering.xml'] ? strFromU8(files['word/numbering.xml']) : null);
  const counters = new Map<string, number[]>();
  const xml = strFromU8(doc);
  const lines: string[] = [];
  for (const p of xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const body = p[1] ?? '';
    let prefix = '';
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(body);
    if (numPr) {
      const numId = attr(/<w:numId\b[^>]*>/.exec(numPr[1]!)?.[0] ?? '', 'w:val');
      const ilvl = Number(attr(/<w:ilvl\b[^>]*>/.exec(numPr[1]!)?.[0] ?? '', 'w:val') ?? 0);
      const levels = numId ? numbering.get(numId) : undefined;
      if (numId && levels && numId !== '0') {
        const c = counters.get(numId) ?? [];
        for (let i = 0; i <= ilvl; i++) if (c[i] === undefined) c[i] = (levels.get(i)?.start ?? 1) - 1;
        c[ilvl] = c[ilvl]! + 1;
        c.length = ilvl + 1;
        counters.set(numId, c);
        const lvl = levels.get(ilvl);
        if (lvl) {
          prefix = lvl.text.replace(/%(\d)/g, (_, k: string) =>
            formatNumber(c[Number(k) - 1] ?? 1, levels.get(Number(k) - 1)?.fmt ?? 'decimal'),
          );
          if (prefix) prefix += lvl.fmt === 'bullet' ? ' ' : ' ';
          if (lvl.fmt === 'bullet') prefix = '- ';
        }
      }
    }
    lines.push(prefix + runsText(body));
  }
  // Footnotes often list the documents a plan implements: keep them, after the body, as "[n] …"
  // lines that the footnote markers in the body point to.
  const notes = files['word/footnotes.xml'] ? strFromU8(files['word/footnotes.xml']) : '';
  const footLines: string[] = [];
  for (const f of notes.matchAll(/<w:footnote\b([^>]*)>([\s\S]*?)<\/w:footnote>/g)) {
    const id = attr(f[1]!, 'w:id');
    if (!id || /w:type="(?:separator|continuationSeparator|continuationNotice)"/.test(f[1]!)) continue;
    const text = [...f[2]!.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)]
      .map((p) => runsText(p[1] ?? ''))
      .join(' ')
      .trim();
    if (text) footLines.push(`[${id}] ${text}`);
  }
  return footLines.length > 0 ? `${lines.join('\n')}\n\n${footLines.join('\n')}` : lines.join('\n');
}

/** The text of a paragraph's runs: text, tabs, breaks, and footnote markers as "[n]". */
function runsText(body: string): string {
  let text = '';
  for (const r of body.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>|<w:footnoteReference\b[^>]*w:id="(\d+)"[^>]*\/>/g)) {
    if (r[1] !== undefined) text += decodeXml(r[1]);
    else if (r[3] !== undefined) text += `[${r[3]}]`;
    else text += r[2] === 'tab' ? '\t' : '\n';
  }
  return text;
}
