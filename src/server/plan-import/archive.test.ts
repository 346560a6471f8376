import { strToU8, zipSync } from 'fflate';
import { bombDocx } from './test-fixtures';
import { describe, expect, it } from 'vitest';
import { docxToText, PlanImportError, readPlanInWorker, safeUnzip } from '.';

function expectCode(f: () => unknown, code: string): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PlanImportError);
    expect((e as PlanImportError).code).toBe(code);
    return;
  }
  throw new Error('did not throw');
}

describe('opening archives within limits (issue #16 point 3)', () => {
  it('refuses a .docx bomb before inflating it', () => {
    const bomb = bombDocx(40);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expectCode(() => docxToText(bomb, 'bom.docx'), 'UNSAFE_ARCHIVE');
  });
  it('refuses too many entries and too much declared data', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) many[`f${i}.xml`] = strToU8('x');
    const zip = zipSync(many);
    expectCode(
      () => safeUnzip(zip, () => true, 'a.zip', { maxEntries: 10, maxTotalBytes: 1e9, maxReadBytes: 1e9, maxRatio: 1e9 }),
      'UNSAFE_ARCHIVE',
    );
    const big = zipSync({ 'a.xml': new Uint8Array(2 * 1024 * 1024).fill(65) });
    expectCode(
      () => safeUnzip(big, () => true, 'a.zip', { maxEntries: 10, maxTotalBytes: 1024 * 1024, maxReadBytes: 1e9, maxRatio: 1e9 }),
      'UNSAFE_ARCHIVE',
    );
  });
  it('stops at the real inflated size when the header lies', () => {
    const zip = zipSync({ 'word/document.xml': new Uint8Array(3 * 1024 * 1024).fill(65) });
    // Patch the central directory's declared size (offset 24 of the entry header) down to 10 bytes.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = zip.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 10, true);
        break;
      }
    }
    expectCode(
      () => safeUnzip(zip, () => true, 'a.docx', { maxEntries: 10, maxTotalBytes: 1e9, maxReadBytes: 1024 * 1024, maxRatio: 1e9 }),
      'UNSAFE_ARCHIVE',
    );
  });
  it('reads a normal archive', () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:p><w:r><w:t>Xin chào</w:t></w:r></w:p>'), 'x.bin': strToU8('y') });
    expect(Object.keys(safeUnzip(zip, (n) => n === 'word/document.xml', 'a.docx'))).toEqual(['word/document.xml']);
    expect(docxToText(zip)).toBe('Xin chào');
  });
});

describe('reading in a memory-limited worker thread', () => {
  it('parses a plan in the worker', async () => {
    const text = 'KẾ HOẠCH\nThử\nI. MỤC ĐÍCH, YÊU CẦU\n1. Một việc.\n2. Hai việc.\n';
    const r = await readPlanInWorker({ buffer: new TextEncoder().encode(text), filename: 'k.txt' });
    expect(r.extracted.source).toBe('text');
    expect(r.parsed.sections[0]?.items).toHaveLength(2);
  });
  it('fails with TOO_LARGE, and the process lives on, when the worker runs out of memory', async () => {
    // 1.2 MB of plan-like lines: parsing needs far more than a 12 MB heap.
    const line = 'Căn cứ Quyết định số 12/QĐ-UBND ngày 01/01/2024 của UBND tỉnh về việc thực hiện.\n';
    const text = line.repeat(Math.ceil((1.2 * 1024 * 1024) / line.length));
    const err = await readPlanInWorker({ buffer: new TextEncoder().encode(text), filename: 'lon.txt' }, { maxMemoryMb: 12 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PlanImportError);
    expect((err as PlanImportError).code).toBe('TOO_LARGE');
    // A text far larger than any plan is refused before it is decoded.
    const huge = await readPlanInWorker({ buffer: new Uint8Array(8 * 1024 * 1024).fill(0x61), filename: 'a.txt' }).catch((e: unknown) => e);
    expect((huge as PlanImportError).code).toBe('TOO_LARGE');
  }, 60_000);
});
