import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Session;
let head: Session; // truongphong: head of Phòng Quản lý khoa học (QLKH)
let staff: Session;
let unitId: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  head = await t.login('truongphong');
  staff = await t.login('canbo');
  const list = (await t.call(office, { method: 'GET', url: '/api/units?all=true' })).json() as { id: string; code: string }[];
  unitId = Object.fromEntries(list.map((u) => [u.code, u.id]));
});
afterAll(async () => t?.close());

const newPlan = () => ({
  year: 2026,
  issuerParent: 'UBND TỈNH QUẢNG NGÃI',
  issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  place: 'Quảng Ngãi',
  signedOn: '2026-11-20',
  summary: 'Thực hiện dân chủ ở cơ sở năm 2027 (thử nghiệm)',
  citations: [{ symbol: '10/2022/QH15', typeName: 'Luật' }],
  recipients: [{ name: 'Các phòng, đơn vị thuộc Sở', role: 'thực hiện' }],
  sections: [
    { numeral: 'I', title: 'MỤC ĐÍCH, YÊU CẦU', items: [{ number: 1, text: 'Nâng cao nhận thức.' }] },
    {
      numeral: 'II',
      title: 'NỘI DUNG THỰC HIỆN',
      items: [
        { number: 1, text: 'Công khai kế hoạch công tác năm.' },
        { number: 2, text: 'Tổ chức hội nghị cán bộ, công chức.' },
      ],
    },
  ],
  requiredUnitIds: [] as string[],
});

describe('the demo 2021 plan', () => {
  it('is seeded in correct Vietnamese with its citations linked and replaced ones flagged', async () => {
    const plans = (await t.call(staff, { method: 'GET', url: '/api/plans?year=2021' })).json() as {
      id: string;
      unit: unknown;
      summary: string;
      replacedCitations: number;
      taskCounts: { total: number };
    }[];
    const agency = plans.find((p) => p.unit === null)!;
    expect(agency.summary).toMatch(/Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2021/);
    expect(agency.taskCounts.total).toBeGreaterThanOrEqual(18);
    const plan = (await t.call(staff, { method: 'GET', url: `/api/plans/${agency.id}` })).json();
    expect(plan.sections.map((s: { items: unknown[] }) => s.items.length)).toEqual([3, 14, 4]);
    expect(plan.citations).toHaveLength(18);
    const d04 = plan.citations.find((c: { symbol: string }) => c.symbol === '04/2015/NĐ-CP');
    expect(d04.status).toBe('replaced');
    expect(d04.replacedBy.symbol).toBe('10/2022/QH15');
    const d159 = plan.citations.find((c: { symbol: string }) => c.symbol === '159/2016/NĐ-CP');
    expect(d159.replacedBy.symbol).toBe('59/2023/NĐ-CP');
    expect(agency.replacedCitations).toBeGreaterThanOrEqual(3);
    expect(plan.recipients).toHaveLength(8);
    expect(plan.abilities).toMatchObject({ read: true, update: false, manageTasks: false });
  });

  it('rolls progress up by item, by unit and for the plan, with overdue work standing out', async () => {
    const plans = (await t.call(office, { method: 'GET', url: '/api/plans?year=2021' })).json() as { id: string; unit: unknown }[];
    const id = plans.find((p) => p.unit === null)!.id;
    const r = (await t.call(office, { method: 'GET', url: `/api/plans/${id}/rollup` })).json();
    expect(r.plan).toBeGreaterThan(0);
    expect(r.plan).toBeLessThan(100);
    expect(r.byItem.length).toBeGreaterThanOrEqual(10);
    expect(r.byUnit.some((u: { overdue: number }) => u.overdue > 0)).toBe(true);
    const tasks = (await t.call(office, { method: 'GET', url: `/api/tasks?planId=${id}` })).json() as {
      dueState: string;
      progress: number;
    }[];
    expect(tasks.some((x) => x.dueState === 'done')).toBe(true);
    expect(tasks.some((x) => x.dueState === 'overdue')).toBe(true);
  });

  it('shows which units have not submitted their plan and which items no unit plan covers', async () => {
    const plans = (await t.call(office, { method: 'GET', url: '/api/plans?year=2021' })).json() as { id: string; unit: unknown }[];
    const id = plans.find((p) => p.unit === null)!.id;
    const c = (await t.call(office, { method: 'GET', url: `/api/plans/${id}/cascade` })).json();
    const states = Object.fromEntries(c.units.map((u: { unit: { name: string }; state: string }) => [u.unit.name, u.state]));
    expect(states['Phòng Quản lý khoa học']).toBe('submitted');
    expect(states['Phòng Kế hoạch - Tài chính']).toBe('submitted');
    expect(states['Phòng Quản lý công nghệ và Phát triển thị trường']).toBe('late');
    expect(states['Chi cục Tiêu chuẩn Đo lường Chất lượng']).toBe('late');
    expect(c.uncoveredItems.map((i: { label: string }) => i.label)).toContain('II.4');
    expect(c.uncoveredItems.map((i: { label: string }) => i.label)).not.toContain('II.1');
  });
});

describe('plans and tasks', () => {
  it('lets the Office create a plan; staff and unit heads may not create the agency plan', async () => {
    expect((await t.call(staff, { method: 'POST', url: '/api/plans', payload: newPlan() })).statusCode).toBe(403);
    expect((await t.call(head, { method: 'POST', url: '/api/plans', payload: newPlan() })).statusCode).toBe(403);
    const res = await t.call(office, { method: 'POST', url: '/api/plans', payload: newPlan() });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan.citations[0]).toMatchObject({ symbol: '10/2022/QH15', status: 'in_force' });
    expect(plan.abilities.update).toBe(true);
    const audit = (await t.call(office, { method: 'GET', url: `/api/audit?entityType=plan&entityId=${plan.id}` })).json();
    expect(audit.rows[0].action).toBe('plan.create');
  });

  it('names the bad field of a plan and saves nothing', async () => {
    const before = (await t.call(office, { method: 'GET', url: '/api/plans' })).json().length;
    const bad = newPlan();
    bad.sections[1]!.items[1]!.number = 1;
    const res = await t.call(office, { method: 'POST', url: '/api/plans', payload: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('sections.1.items.1.number');
    const missing = await t.call(office, { method: 'POST', url: '/api/plans', payload: { ...newPlan(), summary: '' } });
    expect(missing.json().error.fields[0].field).toBe('summary');
    expect((await t.call(office, { method: 'GET', url: '/api/plans' })).json().length).toBe(before);
  });

  it('assigns a task; the lead unit head reports progress with evidence; staff only read', async () => {
    const plan = (await t.call(office, { method: 'POST', url: '/api/plans', payload: newPlan() })).json();
    const item = plan.sections[1].items[0];
    const task = await t.call(office, {
      method: 'POST',
      url: `/api/plans/${plan.id}/tasks`,
      payload: {
        itemId: item.id,
        title: 'Công khai kế hoạch năm 2027',
        leadUnitId: unitId.QLKH,
        coUnitIds: [unitId.VP],
        dueOn: '2027-01-15',
        expectedEvidence: 'Ảnh niêm yết',
      },
    });
    expect(task.statusCode).toBe(200);
    const tk = task.json();
    expect(tk.abilities).toMatchObject({ update: true, report: true });
    const boundary = 'xyz';
    const pdf = Buffer.from('%PDF-1.4\nminh chung\n%%EOF');
    const up = await t.call(head, {
      method: 'POST',
      url: '/api/files',
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Biên bản niêm yết.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const fileId = up.json()[0].id;
    const denied = await t.call(staff, {
      method: 'POST',
      url: `/api/tasks/${tk.id}/progress`,
      payload: { progress: 50, status: 'in_progress', note: 'x' },
    });
    expect(denied.statusCode).toBe(403);
    const bad = await t.call(head, {
      method: 'POST',
      url: `/api/tasks/${tk.id}/progress`,
      payload: { progress: 60, status: 'done', note: 'Xong' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('progress');
    const ok = await t.call(head, {
      method: 'POST',
      url: `/api/tasks/${tk.id}/progress`,
      payload: { progress: 60, status: 'in_progress', note: 'Đã niêm yết tại trụ sở', attachmentIds: [fileId] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().task.progress).toBe(60);
    expect(ok.json().updates[0].attachments[0].filename).toBe('Biên bản niêm yết.pdf');
    expect(ok.json().updates[0].unit.name).toBe('Phòng Quản lý khoa học');
    const roll = (await t.call(office, { method: 'GET', url: `/api/plans/${plan.id}/rollup` })).json();
    expect(roll.byItem).toEqual([expect.objectContaining({ label: 'II.1', progress: 60, tasks: 1 })]);
    expect(roll.byUnit[0]).toMatchObject({ unit: { name: 'Phòng Quản lý khoa học' }, progress: 60 });
    // Another unit's head cannot report on this task.
    const other = await t.login('tpkhtc');
    expect(
      (
        await t.call(other, {
          method: 'POST',
          url: `/api/tasks/${tk.id}/progress`,
          payload: { progress: 70, status: 'in_progress', note: 'x' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('lets a unit head make and edit only their own unit plan under the agency plan', async () => {
    const parent = (
      await t.call(office, {
        method: 'POST',
        url: '/api/plans',
        payload: { ...newPlan(), unitPlansDueOn: '2027-01-31', requiredUnitIds: [unitId.QLKH, unitId.KHTC] },
      })
    ).json();
    const item = parent.sections[1].items[1];
    const mine = {
      ...newPlan(),
      parentPlanId: parent.id,
      unitId: unitId.QLKH,
      issuer: 'PHÒNG QUẢN LÝ KHOA HỌC',
      requiredUnitIds: [],
      sections: [{ numeral: 'I', title: 'NỘI DUNG', items: [{ number: 1, text: 'Tham gia hội nghị.', implementsItemIds: [item.id] }] }],
    };
    const notMine = await t.call(head, { method: 'POST', url: '/api/plans', payload: { ...mine, unitId: unitId.KHTC } });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().error.fields[0].field).toBe('unitId');
    const created = await t.call(head, { method: 'POST', url: '/api/plans', payload: mine });
    expect(created.statusCode).toBe(200);
    const up = await t.call(head, {
      method: 'PATCH',
      url: `/api/plans/${created.json().id}`,
      payload: { version: created.json().version, status: 'issued' },
    });
    expect(up.statusCode).toBe(200);
    expect(
      (
        await t.call(head, {
          method: 'PATCH',
          url: `/api/plans/${parent.id}`,
          payload: { version: parent.version, summary: 'Sửa trái phép' },
        })
      ).statusCode,
    ).toBe(403);
    const c = (await t.call(office, { method: 'GET', url: `/api/plans/${parent.id}/cascade` })).json();
    expect(c.units.find((u: { unit: { id: string } }) => u.unit.id === unitId.QLKH).state).toBe('submitted');
    expect(c.units.find((u: { unit: { id: string } }) => u.unit.id === unitId.KHTC).state).toBe('missing');
    expect(c.uncoveredItems.map((i: { label: string }) => i.label)).toEqual(['II.1']);
  });

  it('changes only what a PATCH names: recipients, required units and the document type stay', async () => {
    const plan = (
      await t.call(office, {
        method: 'POST',
        url: '/api/plans',
        payload: { ...newPlan(), documentType: 'CHƯƠNG TRÌNH', unitPlansDueOn: '2027-01-31', requiredUnitIds: [unitId.QLKH] },
      })
    ).json();
    // The header dialog sends its fields only (web/features/plans/PlanEditors.tsx).
    const up = await t.call(office, {
      method: 'PATCH',
      url: `/api/plans/${plan.id}`,
      payload: { version: plan.version, summary: 'Thực hiện dân chủ ở cơ sở năm 2027 (sửa)', signerName: null },
    });
    expect(up.statusCode).toBe(200);
    const after = up.json();
    expect(after.summary).toBe('Thực hiện dân chủ ở cơ sở năm 2027 (sửa)');
    expect(after.documentType).toBe('CHƯƠNG TRÌNH');
    expect(after.recipients.map((r: { name: string }) => r.name)).toEqual(['Các phòng, đơn vị thuộc Sở']);
    const cascade = (await t.call(office, { method: 'GET', url: `/api/plans/${plan.id}/cascade` })).json();
    expect(cascade.units.map((u: { unit: { id: string } }) => u.unit.id)).toEqual([unitId.QLKH]);
  });

  it('exports a plan to .docx in the Decree 30/2020 layout', async () => {
    const plan = (await t.call(office, { method: 'POST', url: '/api/plans', payload: newPlan() })).json();
    const res = await t.call(staff, { method: 'GET', url: `/api/plans/${plan.id}/export.docx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Quảng Ngãi, ngày 20 tháng 11 năm 2026');
    expect(text).toContain('KẾ HOẠCH');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('II. NỘI DUNG THỰC HIỆN');
    expect(xml).toContain('Times New Roman');
  });
});
