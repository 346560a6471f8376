import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanText, toImportJson } from '../../domain/plan-text';
import { decodeText, extractPlanText, PlanImportError } from '.';
import { straightenPhoto } from './photo';
import { docxFile, photoOfPage, scannedPdf, textPdf, textPng } from './test-fixtures';

const CLEAN = readFileSync(path.resolve(import.meta.dirname, '../../domain/plan-text/fixtures/clean-plan.txt'), 'utf8');
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'danchu-plan-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Wraps long lines so they stay on an A4 page, the way a word processor would. */
function wrap(text: string, width = 95): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let rest = line;
    while (rest.length > width) {
      const cut = rest.lastIndexOf(' ', width);
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    out.push(rest);
  }
  return out;
}

describe('plain text', () => {
  it('reads UTF-8 with and without BOM, UTF-16 and Windows-1258', () => {
    const s = 'Kế hoạch số 38/KH-UBND của UBND tỉnh';
    expect(decodeText(new TextEncoder().encode(s))).toBe(s);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]))).toBe(s);
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]))).toBe(s);
    expect(decodeText(new Uint8Array(Buffer.from(s, 'utf16le')))).toBe(s);
    // "Tỉnh" in Windows-1258: T, i, combining hook above (0xD2), n, h.
    expect(decodeText(new Uint8Array([0x54, 0x69, 0xd2, 0x6e, 0x68])).normalize('NFC')).toBe('Tỉnh');
  });
  it('extracts a .txt file from disk as NFC', async () => {
    const f = path.join(dir, 'plan.txt');
    await writeFile(f, CLEAN.normalize('NFD'));
    const r = await extractPlanText(f);
    expect(r).toEqual({ text: CLEAN.normalize('NFC'), source: 'text' });
  });
});

describe('.docx', () => {
  it('reads paragraphs and renders automatic numbering', async () => {
    const buf = await docxFile(
      ['KẾ HOẠCH', 'Tuyên truyền pháp luật', '', 'I. MỤC ĐÍCH, YÊU CẦU'],
      ['Nâng cao nhận thức.', 'Thực hiện trước ngày 15/12/2021.'],
      ['', 'Nơi nhận:', '- UBND tỉnh (báo cáo);'],
    );
    const r = await extractPlanText({ buffer: buf, filename: 'ke-hoach.docx' });
    expect(r.source).toBe('docx');
    expect(r.text).toBe(
      'KẾ HOẠCH\nTuyên truyền pháp luật\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\n2. Thực hiện trước ngày 15/12/2021.\n\nNơi nhận:\n- UBND tỉnh (báo cáo);',
    );
    const j = toImportJson(parsePlanText(r.text));
    expect(j.sections[0]!.items.map((i) => [i.number, i.deadlines])).toEqual([
      [1, []],
      [2, ['2021-12-15']],
    ]);
  });
});

describe('PDF', () => {
  it('reads a text layer over two pages and parses it like the text', async () => {
    const lines = wrap(CLEAN);
    const pdf = textPdf([lines.slice(0, 30), lines.slice(30)]);
    const r = await extractPlanText({ buffer: pdf, filename: 'ke-hoach.pdf' });
    expect(r.source).toBe('pdf-text');
    expect(r.pages).toBe(2);
    const fromPdf = toImportJson(parsePlanText(r.text));
    const fromText = toImportJson(parsePlanText(CLEAN));
    expect(fromPdf.references).toEqual(fromText.references);
    expect(fromPdf.sections.map((s) => [s.numeral, s.title, s.items.length])).toEqual(
      fromText.sections.map((s) => [s.numeral, s.title, s.items.length]),
    );
    expect(fromPdf.deadlines.map((d) => d.date)).toEqual(fromText.deadlines.map((d) => d.date));
    expect(fromPdf.signedAt).toBe('2021-02-05');
  });

  it('OCRs a scanned PDF page with the Vietnamese model and reports progress', async () => {
    const pdf = await scannedPdf([['Căn cứ Kế hoạch số 38/KH-UBND ngày 04/3/2021 của UBND tỉnh;', 'I. MỤC ĐÍCH, YÊU CẦU']], (b) =>
      loadImage(b),
    );
    const progress: string[] = [];
    const t0 = performance.now();
    const r = await extractPlanText({ buffer: pdf, filename: 'scan.pdf' }, { onProgress: (d, t, s) => progress.push(`${s} ${d}/${t}`) });
    const ms = performance.now() - t0;
    expect(r.source).toBe('ocr');
    expect(r.pages).toBe(1);
    expect(progress).toEqual(['read 1/1', 'ocr 0/1', 'ocr 1/1']);
    expect(r.text).toContain('Kế hoạch số 38/KH-UBND ngày 04/3/2021 của UBND tỉnh');
    expect(toImportJson(parsePlanText(r.text)).references).toEqual([
      { symbol: '38/KH-UBND', type: 'Kế hoạch', issuer: 'UBND tỉnh', date: '2021-03-04' },
    ]);
    expect(ms).toBeLessThan(30_000);
  }, 60_000);
});

describe('images and errors', () => {
  it('OCRs a PNG of Vietnamese text', async () => {
    const png = textPng(['Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị', 'trước ngày 11/6/2021']);
    const r = await extractPlanText({ buffer: png, filename: 'trang.png' });
    expect(r.source).toBe('ocr');
    expect(r.text).toContain('Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị');
  }, 60_000);

  it('straightens a slanted, unevenly lit phone photo before OCR', async () => {
    const lines = [
      'Căn cứ Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị;',
      'Ủy ban nhân dân xã ban hành Kế hoạch như sau:',
      '1. Báo cáo kết quả trước ngày 15/12 hằng năm.',
    ];
    const photo = await photoOfPage(lines, 7);
    expect((await straightenPhoto(photo)).angle).toBeCloseTo(7, 0);
    expect((await straightenPhoto(await photoOfPage(lines, -4))).angle).toBeCloseTo(-4, 0);
    const r = await extractPlanText({ buffer: photo, filename: 'anh-chup.png' });
    expect(r.source).toBe('ocr');
    expect(r.text).toContain('Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị');
    expect(r.text).toContain('trước ngày 15/12 hằng năm');
  }, 90_000);

  it('throws typed errors for missing, unsupported and empty files', async () => {
    await expect(extractPlanText(path.join(dir, 'nope.pdf'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(extractPlanText(dir)).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
    await expect(extractPlanText({ buffer: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), filename: 'cu.doc' })).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
    });
    await expect(extractPlanText({ buffer: new Uint8Array([0, 1, 2, 3, 250, 251, 0, 7, 8]), filename: 'x.bin' })).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
    });
    await expect(
      extractPlanText({ buffer: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), filename: 'hong.pdf' }),
    ).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
    await expect(extractPlanText({ buffer: new TextEncoder().encode('  \n 123 \n'), filename: 'rong.txt' })).rejects.toMatchObject({
      code: 'NO_TEXT',
    });
    const e = await extractPlanText(path.join(dir, 'nope.pdf')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PlanImportError);
    expect((e as Error).message).toMatch(/Không tìm thấy tệp .* \/ File not found/);
  });
});
