import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bombDocx } from '../../plan-import/test-fixtures';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { processPlanImport } from './import';
import { planImports } from './tables';
import { eq } from 'drizzle-orm';

const SEED = path.resolve(import.meta.dirname, '../../../../examples/ke-hoach-2021-ban-ocr.txt');

let t: TestApp;
let office: Session;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
});
afterAll(async () => t?.close());

function upload(session: Session, filename: string, data: Buffer, type: string) {
  const b = 'importboundary';
  return t.call(session, {
    method: 'POST',
    url: '/api/plan-imports',
    payload: Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
      data,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
  });
}

async function waitDone(session: Session, id: string) {
  for (let i = 0; i < 100; i++) {
    const r = (await t.call(session, { method: 'GET', url: `/api/plan-imports/${id}` })).json();
    if (r.status === 'done' || r.status === 'failed') return r;
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error('import did not finish');
}

describe('importing a plan document', () => {
  it('reads the OCR-damaged seed into a draft, saves nothing until confirmed, then creates the plan', async () => {
    const before = (await t.call(office, { method: 'GET', url: '/api/plans' })).json().length;
    const res = await upload(office, 'ke-hoach-2021.txt', fs.readFileSync(SEED), 'text/plain');
    expect(res.statusCode).toBe(200);
    const job = await waitDone(office, res.json().id);
    expect(job.status).toBe('done');
    const draft = job.draft;
    expect(draft.plan.sections.map((s: { items: unknown[] }) => s.items.length)).toEqual([3, 14, 4]);
    expect(draft.plan.citations).toHaveLength(18);
    expect(draft.plan.recipients).toHaveLength(8);
    expect(draft.plan.signedOn).toBe('2021-03-22');
    expect(draft.deadlines.map((d: { date: string }) => d.date).sort()).toEqual(['2021-06-11', '2021-11-11']);
    expect(draft.fields.summary.source).toBeTruthy();
    expect(draft.units.some((u: { match: { name: string } | null }) => u.match?.name === 'Văn phòng Sở')).toBe(true);
    // Nothing saved yet.
    expect((await t.call(office, { method: 'GET', url: '/api/plans' })).json().length).toBe(before);
    const plan = {
      ...draft.plan,
      summary: 'Triển khai thực hiện Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2021',
      importSource: { filename: 'ke-hoach-2021.txt', source: draft.source.kind },
    };
    plan.sections = plan.sections.map((s: { items: object[] }) => ({ ...s, items: s.items.map((i) => ({ ...i, implementsItemIds: [] })) }));
    const saved = await t.call(office, { method: 'POST', url: '/api/plans', payload: plan });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().citations.find((c: { symbol: string }) => c.symbol === '04/2015/NĐ-CP').replacedBy.symbol).toBe('10/2022/QH15');
    expect((await t.call(office, { method: 'GET', url: '/api/plans' })).json().length).toBe(before + 1);
  });

  it('reports an unsupported file as a failed import with a clear message, and refuses staff', async () => {
    const staff = await t.login('canbo');
    expect((await upload(staff, 'a.txt', Buffer.from('Kế hoạch'), 'text/plain')).statusCode).toBe(403);
    const empty = await upload(office, 'trong.txt', Buffer.from('   \n  '), 'text/plain');
    const job = await waitDone(office, empty.json().id);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/không có nội dung|readable text/i);
    const exe = await upload(office, 'x.exe', Buffer.from('MZ'), 'application/octet-stream');
    expect(exe.statusCode).toBe(415);
  });

  it('fails a .docx bomb for good with a message, and a crashed import is not run again (issue #16)', async () => {
    const res = await upload(
      office,
      'bom.docx',
      Buffer.from(bombDocx(300)),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.statusCode).toBe(200);
    const job = await waitDone(office, res.json().id);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/không an toàn|unsafe archive/i);
    // An import left "running" by a process that died is failed, not retried.
    const again = await upload(office, 'ke-hoach.txt', fs.readFileSync(SEED), 'text/plain');
    await waitDone(office, again.json().id);
    const tenantId = t.demoTenantId;
    await t.db.withTenant({ tenantId }, (tx) =>
      tx.update(planImports).set({ status: 'running', result: null }).where(eq(planImports.id, again.json().id)),
    );
    await processPlanImport(t.db, tenantId, again.json().id);
    const after = (await t.call(office, { method: 'GET', url: `/api/plan-imports/${again.json().id}` })).json();
    expect(after.status).toBe('failed');
    expect(after.error).toMatch(/gián đoạn|interrupted/);
  });

  it("does not show one person's draft to another", async () => {
    const res = await upload(office, 'ke-hoach.txt', fs.readFileSync(SEED), 'text/plain');
    await waitDone(office, res.json().id);
    const other = await t.login('admin');
    expect((await t.call(other, { method: 'GET', url: `/api/plan-imports/${res.json().id}` })).statusCode).toBe(404);
  });
});
