import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textPng } from '../plan-import/test-fixtures';
import { importPlanCommand } from './import-plan';

const SEED = path.resolve(import.meta.dirname, '../../../examples/ke-hoach-2021-ban-ocr.txt');

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await importPlanCommand(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out, err };
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'danchu-import-cmd-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('danchu import-plan', () => {
  it('prints exactly one JSON object in the contract shape for the seed', async () => {
    const r = await run([SEED, '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    const j = JSON.parse(r.out[0]!) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(['title', 'issuer', 'signedAt', 'references', 'sections', 'deadlines', 'recipients']);
    const sections = j.sections as { items: unknown[] }[];
    expect(sections.map((s) => s.items.length)).toEqual([3, 14, 4]);
    expect((j.references as unknown[]).length).toBe(18);
    expect(j.deadlines).toEqual([
      expect.objectContaining({ date: '2021-06-11', section: 'III', item: 2 }),
      expect.objectContaining({ date: '2021-11-11', section: 'III', item: 2 }),
    ]);
    expect((j.recipients as unknown[]).length).toBe(8);
    expect(r.err).toEqual([]);
  });

  it('prints a bilingual summary without --json', async () => {
    const r = await run([SEED]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toContain('Văn bản được viện dẫn / Cited documents: 18');
    expect(r.out[0]).toContain('III. TỔ CHỨC THỰC HIỆN — 4 mục / items');
    expect(r.out[0]).toContain('- UBND tỉnh (báo cáo)');
  });

  it('exits 2 with a Vietnamese and English message for a missing or unsupported file, or bad usage', async () => {
    const missing = await run([path.join(dir, 'khong-co.pdf'), '--json']);
    expect(missing.code).toBe(2);
    expect(missing.out).toEqual([]);
    expect(missing.err.join('\n')).toMatch(/Không tìm thấy tệp.*File not found/);
    const bad = path.join(dir, 'cu.doc');
    await writeFile(bad, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const unsupported = await run([bad, '--json']);
    expect(unsupported.code).toBe(2);
    expect(unsupported.err.join('\n')).toMatch(/Định dạng tệp không được hỗ trợ.*Unsupported file format/);
    expect((await run([])).code).toBe(2);
    expect((await run(['a.txt', 'b.txt'])).code).toBe(2);
    expect((await run(['--nope'])).code).toBe(2);
  });

  it('sends OCR progress to stderr and keeps stdout to the JSON', async () => {
    const f = path.join(dir, 'trang.png');
    await writeFile(f, textPng(['Kế hoạch số 38/KH-UBND ngày 04/3/2021 của UBND tỉnh']));
    const r = await run([f, '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect((JSON.parse(r.out[0]!) as { references: { symbol: string }[] }).references.map((x) => x.symbol)).toEqual(['38/KH-UBND']);
    expect(r.err).toEqual(['nhận dạng chữ (OCR) / OCR: 0/1', 'nhận dạng chữ (OCR) / OCR: 1/1']);
  }, 60_000);
});
