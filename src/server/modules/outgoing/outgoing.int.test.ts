import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Session; // vanphong: the Office, keeps the register (văn thư)
let admin: Session;
let leader: Session;
let head: Session; // truongphong: head of a unit
let staff: Session;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  admin = await t.login('admin');
  leader = await t.login('lanhdao');
  head = await t.login('truongphong');
  staff = await t.login('canbo');
});
afterAll(async () => t?.close());

const issue = (s: Session, payload: Record<string, unknown>) => t.call(s, { method: 'POST', url: '/api/outgoing', payload });
const register = async (s: Session, q = '') => t.call(s, { method: 'GET', url: `/api/outgoing${q}` });

describe('register of outgoing documents (Decree 30/2020 Art. 15; issue #14 point 1)', () => {
  it('numbers each type in its own sequence from 01, with the agency code, and audits each number', async () => {
    const a = await issue(office, { typeCode: 'KH', issuedOn: '2024-03-01', summary: 'Tuyên truyền dân chủ ở cơ sở' });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({
      number: 1,
      year: 2024,
      numberSymbol: '01/KH-SKHCN',
      typeName: 'Kế hoạch',
      issuedBy: expect.any(String),
    });
    const b = await issue(office, { typeCode: 'KH', issuedOn: '2024-03-01', summary: 'Kiểm tra cuối năm' });
    expect(b.json().numberSymbol).toBe('02/KH-SKHCN');
    const c = await issue(office, { typeCode: 'BC', issuedOn: '2024-03-02', summary: 'Kết quả 6 tháng' });
    expect(c.json().numberSymbol).toBe('01/BC-SKHCN');
    const units = (await t.call(office, { method: 'GET', url: '/api/units?all=true' })).json() as { id: string; code: string }[];
    const vp = units.find((u) => u.code === 'VP')!;
    const letter = await issue(office, { typeCode: 'CV', issuedOn: '2024-03-02', summary: 'V/v cử cán bộ', draftingUnitId: vp.id });
    expect(letter.json()).toMatchObject({ numberSymbol: '01/SKHCN-VP', draftingUnit: { id: vp.id } });

    const list = (await register(office, '?year=2024')).json();
    expect(list.items.map((d: { numberSymbol: string }) => d.numberSymbol)).toEqual([
      '01/KH-SKHCN',
      '02/KH-SKHCN',
      '01/BC-SKHCN',
      '01/SKHCN-VP',
    ]);
    expect(list.counters).toEqual(
      expect.arrayContaining([
        { typeCode: 'KH', last: 2 },
        { typeCode: 'BC', last: 1 },
      ]),
    );
    const onlyKh = (await register(office, '?year=2024&typeCode=KH')).json();
    expect(onlyKh.items).toHaveLength(2);

    const audit = (await t.call(admin, { method: 'GET', url: '/api/audit?entityType=outgoing_document&action=outgoing.issue' })).json();
    const summaries = audit.rows.map((r: { summary: string }) => r.summary);
    expect(summaries.some((s: string) => s.startsWith('Cấp số 02/KH-SKHCN ngày 01/03/2024'))).toBe(true);
    expect(audit.rows.find((r: { entityId: string }) => r.entityId === c.json().id)).toBeTruthy();
  });

  it('starts again at 01 on 1 January, and keeps numbers in the order of their days', async () => {
    const dec = await issue(office, { typeCode: 'TB', issuedOn: '2023-12-29', summary: 'Lịch trực Tết' });
    const dec2 = await issue(office, { typeCode: 'TB', issuedOn: '2023-12-31', summary: 'Nghỉ Tết Dương lịch' });
    expect([dec.json().numberSymbol, dec2.json().numberSymbol]).toEqual(['01/TB-SKHCN', '02/TB-SKHCN']);
    const jan = await issue(office, { typeCode: 'TB', issuedOn: '2024-01-02', summary: 'Lịch làm việc tháng 1' });
    expect(jan.json()).toMatchObject({ year: 2024, number: 1, numberSymbol: '01/TB-SKHCN' });
    // A later number never carries an earlier day than the last one given (Art. 15(1)).
    const back = await issue(office, { typeCode: 'TB', issuedOn: '2023-12-30', summary: 'Ngày lùi' });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.fields[0].field).toBe('issuedOn');
    expect(back.json().error.fields[0].vi).toMatch(/số 2 .* 31\/12\/2023/);
    // Numbered once signed: never ahead of today.
    const future = await issue(office, { typeCode: 'TB', issuedOn: '2099-01-02', summary: 'Tương lai' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].field).toBe('issuedOn');
    // The refused registrations took no number.
    const next = await issue(office, { typeCode: 'TB', issuedOn: '2024-01-03', summary: 'Tiếp theo' });
    expect(next.json().numberSymbol).toBe('02/TB-SKHCN');
  });

  it('gives every one of many simultaneous registrations its own number, with no gap', async () => {
    const n = 12;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        issue(i % 2 ? office : admin, { typeCode: 'GM', issuedOn: '2024-05-06', summary: `Giấy mời ${i}` }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(n).fill(200));
    const numbers = results.map((r) => r.json().number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.json().numberSymbol)).size).toBe(n);
  });

  it('only the Office and the administrator give numbers; the leadership reads the register; others do not see it', async () => {
    const doc = { typeCode: 'QĐ', issuedOn: '2024-06-03', summary: 'Thành lập tổ' };
    expect((await issue(head, doc)).statusCode).toBe(403);
    expect((await issue(staff, doc)).statusCode).toBe(403);
    expect((await issue(leader, doc)).statusCode).toBe(403);
    expect((await issue(admin, doc)).json().numberSymbol).toBe('01/QĐ-SKHCN');
    expect((await register(leader, '?year=2024')).statusCode).toBe(200);
    expect((await register(leader, '?year=2024')).json().abilities).toEqual({ issue: false, configure: false });
    expect((await register(head)).statusCode).toBe(404);
    expect((await register(staff)).statusCode).toBe(404);
    // Bad input names the field.
    const bad = await issue(office, { typeCode: 'XX', issuedOn: '2024-06-03', summary: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['typeCode']));
  });

  it('exports the register of a year as .xlsx in the register book columns', async () => {
    const res = await t.call(office, { method: 'GET', url: '/api/outgoing/export.xlsx?year=2024' });
    expect(res.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2024');
    expect(ws.getRow(3).getCell(1).value).toBe('Số, ký hiệu văn bản');
    const symbols = ws.getColumn(1).values.slice(4);
    expect(symbols).toEqual(expect.arrayContaining(['01/KH-SKHCN', '02/TB-SKHCN']));
    expect(ws.getColumn(2).values).toContain('01/03/2024');
    expect((await t.call(head, { method: 'GET', url: '/api/outgoing/export.xlsx?year=2024' })).statusCode).toBe(404);
  });

  it('the Office sets the agency code in symbols, with a version check', async () => {
    const s = (await t.call(office, { method: 'GET', url: '/api/outgoing/settings' })).json();
    expect(s).toEqual({ issuerCode: 'SKHCN', version: 0 });
    const lower = await t.call(office, { method: 'PUT', url: '/api/outgoing/settings', payload: { issuerCode: 'skhcn', version: 0 } });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().error.fields[0].field).toBe('issuerCode');
    const set = await t.call(office, { method: 'PUT', url: '/api/outgoing/settings', payload: { issuerCode: 'SKHCNQN', version: 0 } });
    expect(set.json()).toEqual({ issuerCode: 'SKHCNQN', version: 1 });
    expect(
      (await t.call(office, { method: 'PUT', url: '/api/outgoing/settings', payload: { issuerCode: 'X', version: 0 } })).statusCode,
    ).toBe(409);
    expect((await issue(office, { typeCode: 'HD', issuedOn: '2024-07-01', summary: 'Hướng dẫn' })).json().numberSymbol).toBe(
      '01/HD-SKHCNQN',
    );
    expect(
      (await t.call(head, { method: 'PUT', url: '/api/outgoing/settings', payload: { issuerCode: 'Y', version: 1 } })).statusCode,
    ).toBe(403);
    await t.call(office, { method: 'PUT', url: '/api/outgoing/settings', payload: { issuerCode: 'SKHCN', version: 1 } });
  });
});

describe('a plan gets its number from the register (issue #14 point 1: no more "chờ văn thư cấp số")', () => {
  it('the văn thư numbers the plan once; it shows the number and is issued that day; nobody types over it', async () => {
    const plans = (await t.call(office, { method: 'GET', url: '/api/plans' })).json() as { id: string; numberSymbol: string | null }[];
    const target = plans.find((p) => !p.numberSymbol)!;
    const plan = (await t.call(office, { method: 'GET', url: `/api/plans/${target.id}` })).json();
    expect(plan.abilities.number).toBe(true);
    // A unit head sees no such action and may not do it.
    expect((await t.call(head, { method: 'GET', url: `/api/plans/${target.id}` })).json().abilities.number).toBe(false);
    const refused = await t.call(head, {
      method: 'POST',
      url: `/api/plans/${target.id}/number`,
      payload: { issuedOn: '2024-08-01', version: plan.version },
    });
    expect(refused.statusCode).toBe(403);

    // Two clicks at once: one number.
    const [r1, r2] = await Promise.all(
      [office, admin].map((s) =>
        t.call(s, { method: 'POST', url: `/api/plans/${target.id}/number`, payload: { issuedOn: '2024-08-01', version: plan.version } }),
      ),
    );
    expect([r1!.statusCode, r2!.statusCode].sort()).toEqual([200, 409]);
    const numbered = (r1!.statusCode === 200 ? r1! : r2!).json();
    expect(numbered).toMatchObject({ numberSymbol: '03/KH-SKHCN', signedOn: '2024-08-01', status: 'issued', abilities: { number: false } });

    const list = (await register(office, '?year=2024&typeCode=KH')).json();
    const line = list.items.find((d: { numberSymbol: string }) => d.numberSymbol === '03/KH-SKHCN');
    expect(line).toMatchObject({ source: { type: 'plan', id: target.id }, summary: plan.summary });
    const again = await t.call(office, {
      method: 'POST',
      url: `/api/plans/${target.id}/number`,
      payload: { issuedOn: '2024-08-02', version: numbered.version },
    });
    expect(again.statusCode).toBe(409);
    const typed = await t.call(office, {
      method: 'PATCH',
      url: `/api/plans/${target.id}`,
      payload: { numberSymbol: '99/KH-SKHCN', version: numbered.version },
    });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.fields[0].field).toBe('numberSymbol');
    const audit = (
      await t.call(admin, { method: 'GET', url: `/api/audit?entityType=plan&entityId=${target.id}&action=plan.number` })
    ).json();
    expect(audit.rows[0].summary).toMatch(/^03\/KH-SKHCN: /);
  });
});
