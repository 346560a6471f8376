/**
 * Builds the derived fixtures of test/fixtures/plans from the real documents: the same plan
 * saved as HTML, copied as markdown from a law website (legal bases in footnotes), and damaged
 * the way OCR damages text. Run: node --import tsx bench/plans/make-variants.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { docxToText } from '../../src/server/plan-import';
import { degrade } from './degrade';

const DIR = path.resolve(import.meta.dirname, '../../test/fixtures/plans');
const read = (f: string): string => {
  const b = readFileSync(path.join(DIR, f));
  return f.endsWith('.docx') ? docxToText(b, f) : b.toString('utf8');
};
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/ {2}/g, ' &nbsp;');
const HEADING = /^\s*(?:[IVX]+\.|\d+\.)\s/;

/** Word's "Save as web page": the header in a two-column table, headings bold, one <p> a line. */
function toHtml(text: string): string {
  const lines = text.split('\n');
  const title = lines.findIndex((l) => /^KẾ HOẠCH\s*$/.test(l.trim()));
  const head = lines
    .slice(0, title)
    .map((l) => l.trim())
    .filter(Boolean);
  const left = head.filter((l) => /^(ỦY BAN|TỈNH|UBND|SỞ|Số:)/i.test(l));
  const right = head.filter((l) => !left.includes(l));
  const body = lines.slice(title).map((l) => {
    const t = l.trim();
    if (!t) return '';
    return HEADING.test(t) || /^[A-ZĐÀ-Ỹ ,]+$/.test(t) ? `<p><b>${esc(t)}</b></p>` : `<p style="text-align:justify">${esc(t)}</p>`;
  });
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Kế hoạch</title></head><body>\n<table><tr><td>${left.map(esc).join('<br>')}</td><td>${right.map(esc).join('<br>')}</td></tr></table>\n${body.filter(Boolean).join('\n')}\n</body></html>\n`;
}

/** A law website's copy: header table with |, **bold** headings, rules, the legal bases as footnotes. */
function toMarkdown(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  const title = lines.findIndex((l) => /^KẾ HOẠCH$/.test(l));
  const head = lines.slice(0, title).filter(Boolean);
  const out: string[] = [];
  out.push(`| ${head.filter((l) => /^(UBND|SỞ|Số:)/.test(l)).join(' ')} | ${head.filter((l) => !/^(UBND|SỞ|Số:)/.test(l)).join(' ')} |`);
  out.push('| --- | --- |', '');
  const notes: string[] = [];
  let inBases = false;
  for (const l of lines.slice(title)) {
    if (/^Căn cứ /.test(l)) {
      notes.push(l.replace(/^Căn cứ /, '').replace(/[;.]$/, '.'));
      if (!inBases) out.push('Căn cứ các văn bản quy phạm pháp luật và văn bản chỉ đạo hiện hành' + '§');
      inBases = true;
      continue;
    }
    if (inBases) {
      out[out.length - 1] = out[out.length - 1]!.replace('§', `${notes.map((_, i) => `[${i + 1}]`).join('')};`);
      inBases = false;
    }
    if (!l) continue;
    if (/^KẾ HOẠCH$/.test(l) || HEADING.test(l) || /^[A-ZĐÀ-Ỹ ,]+$/.test(l)) out.push(`**${l}**`, '');
    else out.push(l, '');
  }
  out.push('---', '');
  notes.forEach((n, i) => {
    out.push(`[${i + 1}] ${n}`);
  });
  return `${out.join('\n')}\n`;
}

writeFileSync(path.join(DIR, 'kh-ubnd-lao-cai-chi-thi-11-2026.html'), toHtml(read('kh-ubnd-lao-cai-chi-thi-11-2026.docx')));
writeFileSync(path.join(DIR, 'kh-3024-sct-lao-cai-2026.md'), toMarkdown(read('kh-3024-sct-lao-cai-2026.docx')));
const damage: [string, string, number][] = [
  ['kh-ubnd-lao-cai-chi-thi-11-2026.docx', 'kh-ubnd-lao-cai-chi-thi-11-2026.ocr.txt', 11],
  ['kh-1105-dkt-lao-cai-2026.txt', 'kh-1105-dkt-lao-cai-2026.ocr.txt', 1105],
  ['dev-kh-3898-sct-lao-cai-2026.docx', 'dev-kh-3898-sct-lao-cai-2026.ocr.txt', 3898],
];
for (const [from, to, seed] of damage) writeFileSync(path.join(DIR, to), degrade(read(from), { mode: 'ocr', seed }));
