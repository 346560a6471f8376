/**
 * Issue #14 point 1: the consolidated report carries the Office's own lead tasks, the plan's
 * overall progress and the agency's reception and case figures, not only the accepted unit reports.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Session;
let unitId: Record<string, string>;
let planId: string;
let cycleId: string;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  unitId = Object.fromEntries(
    ((await t.call(office, { method: 'GET', url: '/api/units?all=true' })).json() as { id: string; code: string }[]).map((u) => [
      u.code,
      u.id,
    ]),
  );
  planId = ((await t.call(office, { method: 'GET', url: '/api/plans?year=2021' })).json() as { id: string; unit: unknown }[]).find(
    (p) => p.unit === null,
  )!.id;
  const created = await t.call(office, {
    method: 'POST',
    url: '/api/report-cycles',
    payload: {
      planId,
      kind: 'adhoc',
      title: 'tổng hợp có Văn phòng',
      periodFrom: '2020-01-01',
      periodTo: '2099-12-31',
      dueOn: '2099-12-31',
    },
  });
  expect(created.statusCode).toBe(200);
  cycleId = created.json().id;
});
afterAll(async () => t?.close());

type Agency = {
  version: number;
  body: { assessment: { achievements: string } };
  consolidated: {
    sections: { key: string; parts: { unit: string; text: string }[] }[];
    indicators: { code: string; name: string; total: number }[];
    unitTable: { unit: string; status: string }[];
    missing: string[];
  };
};
const agency = async () => (await t.call(office, { method: 'GET', url: `/api/report-cycles/${cycleId}/agency-report` })).json() as Agency;
const figure = (a: Agency, code: string) => a.consolidated.indicators.find((i) => i.code === code)?.total;

describe('the consolidated report the Office signs (issue #14 point 1)', () => {
  it("puts the Office's own lead tasks under their plan items, from what it recorded, and does not call the Office missing", async () => {
    const plan = (await t.call(office, { method: 'GET', url: `/api/plans/${planId}` })).json();
    // An item the report has a section for (the plan's content items).
    const key = (await agency()).consolidated.sections[0]!.key;
    const item = plan.sections
      .flatMap((s: { numeral: string; items: { id: string; number: number }[] }) =>
        s.items.map((i) => ({ ...i, key: `${s.numeral}.${i.number}` })),
      )
      .find((i: { key: string }) => i.key === key);
    const task = await t.call(office, {
      method: 'POST',
      url: `/api/plans/${planId}/tasks`,
      payload: { itemId: item.id, title: 'Văn phòng tổ chức Hội nghị cán bộ, công chức', leadUnitId: unitId.VP },
    });
    expect(task.statusCode).toBe(200);
    const reported = await t.call(office, {
      method: 'POST',
      url: `/api/tasks/${task.json().id}/progress`,
      payload: { progress: 60, status: 'in_progress', note: 'Đã xây dựng dự thảo quy chế, lấy ý kiến các phòng.' },
    });
    expect(reported.statusCode).toBe(200);
    const a = await agency();
    const section = a.consolidated.sections.find((s) => s.key === item.key)!;
    const part = section.parts.find((p) => p.text.startsWith('Văn phòng tổ chức Hội nghị'));
    expect(part).toEqual({
      unit: 'Văn phòng Sở (chủ trì)',
      text: 'Văn phòng tổ chức Hội nghị cán bộ, công chức: đang thực hiện (60%). Đã xây dựng dự thảo quy chế, lấy ý kiến các phòng.',
    });
    expect(a.consolidated.missing).not.toContain('Văn phòng Sở');
    expect(a.consolidated.unitTable.map((u) => u.unit)).not.toContain('Văn phòng Sở');
  });

  it("gives the plan's overall progress, the same figure as the plan page, and writes it into the draft's achievements", async () => {
    const summary = (await t.call(office, { method: 'GET', url: `/api/plans/${planId}` })).json();
    const rollup = (await t.call(office, { method: 'GET', url: `/api/plans/${planId}/rollup` })).json();
    const a = await agency();
    expect(typeof summary.progress).toBe('number');
    expect(figure(a, 'agency_plan_progress')).toBe(summary.progress);
    expect(rollup.plan).toBe(summary.progress);
    expect(figure(a, 'agency_plan_tasks_done')).toBe(summary.taskCounts.done);
    expect(a.version).toBe(0);
    expect(a.body.assessment.achievements).toContain(`Kế hoạch đạt tiến độ chung ${summary.progress}%`);
  });

  it("counts the agency's reception and cases of the period through the cases module", async () => {
    const counts = await t.db.withTenant({ tenantId: t.demoTenantId }, async (tx) => {
      const [c] = rowsOf<{ total: number; complaint: number }>(
        await tx.execute(
          sql`select count(*)::int as total, count(*) filter (where kind = 'complaint')::int as complaint from cases where received_on between '2020-01-01' and '2099-12-31'`,
        ),
      );
      const [r] = rowsOf<{ visits: number; sessions: number }>(
        await tx.execute(
          sql`select (select count(*)::int from reception_entries) as visits, (select count(*)::int from reception_sessions where status = 'held') as sessions`,
        ),
      );
      return { ...c!, ...r! };
    });
    expect(counts.total).toBeGreaterThan(0);
    const a = await agency();
    expect(figure(a, 'agency_cases_received')).toBe(counts.total);
    expect(figure(a, 'agency_cases_complaints')).toBe(counts.complaint);
    expect(figure(a, 'agency_reception_visits')).toBe(counts.visits);
    expect(figure(a, 'agency_reception_sessions')).toBe(counts.sessions);
    expect(a.body.assessment.achievements).toContain(`tiếp nhận ${counts.total} đơn (khiếu nại ${counts.complaint},`);
    // The .xlsx and the .docx carry them too.
    const xlsx = await t.call(office, { method: 'GET', url: `/api/report-cycles/${cycleId}/export?format=xlsx` });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(cells).toContain('Đơn thư tiếp nhận trong kỳ (toàn cơ quan)');
  });

  it('the văn thư numbers the consolidated report from the register; the number then stays', async () => {
    const head = await t.login('truongphong');
    const before = await agency();
    expect((before as unknown as { body: { numberSymbol: string } }).body.numberSymbol).toBe('/BC-SKHCN');
    const url = `/api/report-cycles/${cycleId}/agency-report/number`;
    expect((await t.call(head, { method: 'POST', url, payload: { issuedOn: '2024-09-03', version: before.version } })).statusCode).toBe(
      403,
    );
    const res = await t.call(office, { method: 'POST', url, payload: { issuedOn: '2024-09-03', version: before.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      numberSymbol: expect.stringMatching(/^\d{2,}\/BC-SKHCN$/),
      issuedOn: '2024-09-03',
      version: before.version + 1,
    });
    const after = (await agency()) as unknown as { version: number; body: { numberSymbol: string; date: string } };
    expect(after.body).toMatchObject({ numberSymbol: res.json().numberSymbol, date: '2024-09-03' });
    const line = (await t.call(office, { method: 'GET', url: '/api/outgoing?year=2024&typeCode=BC' }))
      .json()
      .items.find((d: { source: { id: string } | null }) => d.source?.id === cycleId);
    expect(line).toMatchObject({ numberSymbol: res.json().numberSymbol, source: { type: 'agency_report' } });
    expect((await t.call(office, { method: 'POST', url, payload: { issuedOn: '2024-09-04', version: after.version } })).statusCode).toBe(
      409,
    );
    const retyped = await t.call(office, {
      method: 'PUT',
      url: `/api/report-cycles/${cycleId}/agency-report`,
      payload: { version: after.version, body: { ...after.body, numberSymbol: '99/BC-SKHCN' } },
    });
    expect(retyped.statusCode).toBe(400);
    expect(retyped.json().error.fields[0].field).toBe('body.numberSymbol');
  });
});
