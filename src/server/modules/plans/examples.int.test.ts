/** The sample documents shipped in examples/ are offered by the import page and read by the importer (issue #14). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../../examples');

let t: TestApp;
let office: Session;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
});
afterAll(async () => t?.close());

describe('sample documents', () => {
  it('serves each sample exactly as it is in the repository, and nothing else', async () => {
    for (const name of ['ke-hoach-2021-ban-ocr.txt', 'ke-hoach-tuyen-truyen-2021.docx', 'trang-quet-ke-hoach.png']) {
      const res = await t.call(office, { method: 'GET', url: `/api/plan-imports/examples/${name}` });
      expect(res.statusCode, name).toBe(200);
      expect(Buffer.compare(res.rawPayload, fs.readFileSync(path.join(EXAMPLES, name))), name).toBe(0);
    }
    const other = await t.call(office, { method: 'GET', url: '/api/plan-imports/examples/..%2F..%2Fpackage.json' });
    expect(other.statusCode).toBe(400);
  });

  it('imports the Word sample into a draft with its sections and citations', async () => {
    const b = 'samplebound';
    const data = fs.readFileSync(path.join(EXAMPLES, 'ke-hoach-tuyen-truyen-2021.docx'));
    const started = await t.call(office, {
      method: 'POST',
      url: '/api/plan-imports',
      payload: Buffer.concat([
        Buffer.from(
          `--${b}\r\nContent-Disposition: form-data; name="file"; filename="ke-hoach.docx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n`,
        ),
        data,
        Buffer.from(`\r\n--${b}--\r\n`),
      ]),
      headers: { 'content-type': `multipart/form-data; boundary=${b}` },
    });
    expect(started.statusCode, started.body).toBe(200);
    let job = started.json() as { id: string; status: string; draft: { plan: { sections: unknown[]; citations: unknown[] } } | null };
    for (let i = 0; i < 100 && job.status !== 'done' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      job = (await t.call(office, { method: 'GET', url: `/api/plan-imports/${job.id}` })).json();
    }
    expect(job.status).toBe('done');
    expect(job.draft!.plan.sections.length).toBeGreaterThanOrEqual(3);
    expect(job.draft!.plan.citations.length).toBeGreaterThanOrEqual(3);
  });
});
