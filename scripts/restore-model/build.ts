/**
 * Builds the diacritic-restoration model of the plan importer (issue #15) from a folder of
 * Vietnamese legal documents (.docx, PDF with a text layer, .txt): syllable unigram and bigram
 * counts, plus the importer's own gazetteers and the legal registry's titles as a lexicon.
 * The counts are written gzip-compressed to assets/restore-model.json.gz.
 *
 *   node --import tsx scripts/restore-model/build.ts --from DIR [--out FILE]
 *
 * The corpus used for the shipped model and its licence are described in
 * scripts/restore-model/README.md.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync, strToU8 } from 'fflate';
import { HEADINGS, ISSUERS, TYPE_NAMES, UNIT_NAMES } from '../../src/domain/plan-text/gazetteer';
import { syllableRuns } from '../../src/domain/plan-text/restore';
import { docxToText } from '../../src/server/plan-import';
import { openPdf, pageText } from '../../src/server/plan-import/pdf';
import { LEGAL_DOCUMENTS } from '../../src/server/modules/plans/demo/legal-documents';

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    out: { type: 'string', default: 'assets/restore-model.json.gz' },
    min: { type: 'string', default: '2' },
  },
});
if (!values.from) throw new Error('--from DIR is required');

async function textOf(file: string): Promise<string> {
  const b = readFileSync(file);
  if (file.endsWith('.docx')) return docxToText(b, file);
  if (file.endsWith('.pdf')) {
    const doc = await openPdf(new Uint8Array(b));
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) pages.push(await pageText(doc, p));
    await doc.destroy();
    return pages.join('\n');
  }
  return b.toString('utf8');
}

const uni = new Map<string, number>();
const bi = new Map<string, number>();
let tokens = 0;
const add = (text: string, weight = 1): void => {
  for (const run of syllableRuns(text.normalize('NFC'))) {
    let prev = '<s>';
    for (const w of run) {
      const s = w.toLowerCase();
      uni.set(s, (uni.get(s) ?? 0) + weight);
      bi.set(`${prev} ${s}`, (bi.get(`${prev} ${s}`) ?? 0) + weight);
      prev = s;
      tokens += weight;
    }
    bi.set(`${prev} </s>`, (bi.get(`${prev} </s>`) ?? 0) + weight);
  }
};

const files = readdirSync(values.from).sort();
let used = 0;
for (const f of files) {
  try {
    const t = await textOf(path.join(values.from, f));
    // Scans without a text layer and damaged extractions would teach damage: keep texts whose
    // syllables mostly carry the marks of well-formed Vietnamese.
    const words = t.match(/\p{L}+/gu) ?? [];
    const marked = words.filter((w) => /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i.test(w)).length;
    if (words.length < 300 || marked / words.length < 0.45) {
      console.error(`skipped ${f}: ${words.length} words, ${Math.round((100 * marked) / Math.max(1, words.length))}% with marks`);
      continue;
    }
    add(t);
    used++;
  } catch (e) {
    console.error(`skipped ${f}: ${(e as Error).message}`);
  }
}
// The lexicon: names the importer already knows, and the legal registry's titles.
const lexicon = [
  ...HEADINGS.map((h) => h.toLowerCase()),
  ...TYPE_NAMES,
  ...ISSUERS.map((i) => i.name),
  ...UNIT_NAMES,
  ...LEGAL_DOCUMENTS.map((d) => d.title ?? ''),
];
for (const l of lexicon) add(l, 3);

const min = Number(values.min);
const model = {
  version: 1,
  built: new Date().toISOString().slice(0, 10),
  documents: used,
  tokens,
  unigrams: Object.fromEntries([...uni].filter(([, c]) => c >= min).sort((a, b) => b[1] - a[1])),
  bigrams: Object.fromEntries([...bi].filter(([, c]) => c >= min)),
};
const out = gzipSync(strToU8(JSON.stringify(model)), { level: 9 });
writeFileSync(values.out, out);
console.log(
  `${used} documents, ${tokens} syllables, ${Object.keys(model.unigrams).length} syllable forms, ${Object.keys(model.bigrams).length} bigrams -> ${values.out} (${(out.length / 1024).toFixed(0)} KB)`,
);
