/**
 * Issue #14 points 3 (one definition of late and not sent; "Nhắc các đơn vị chưa gửi"), on the
 * demo agency's 2021 plan.
 */
import { and, eq } from 'drizzle-orm';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysLate } from '../../../domain/reports/standing';
import { todayInVietnam } from '../../platform/clock';
import { notifications, users } from '../../platform/tables';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { reportCycles } from './tables';

let t: TestApp;
let office: Session;
let head: Session; // truongphong heads Phòng Quản lý khoa học (QLKH)
let unitId: Record<string, string>;
let planId: string;
let smtp: SMTPServer;
const mails: { to: string; body: string }[] = [];

beforeAll(async () => {
  const { SMTPServer } = await import('smtp-server');
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, cb) {
      let body = '';
      stream.on('data', (c: Buffer) => (body += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
        cb();
      });
    },
  });
  await new Promise<void>((res) => smtp.listen(0, '127.0.0.1', () => res()));
  const port = (smtp.server.address() as { port: number }).port;
  t = await createTestApp({ config: { SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'danchu <no-reply@skhcn.example>' } });
  office = await t.login('vanphong');
  head = await t.login('truongphong');
  unitId = Object.fromEntries(
    ((await t.call(office, { method: 'GET', url: '/api/units?all=true' })).json() as { id: string; code: string }[]).map((u) => [
      u.code,
      u.id,
    ]),
  );
  planId = ((await t.call(office, { method: 'GET', url: '/api/plans?year=2021' })).json() as { id: string; unit: unknown }[]).find(
    (p) => p.unit === null,
  )!.id;
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((res) => (smtp ? smtp.close(() => res()) : res()));
});

type Row = {
  unit: { id: string; name: string };
  status: string;
  submittedOn: string | null;
  standing: { owed: boolean; timeliness: string; lateDays: number | null };
};

async function sixMonth() {
  const list = (await t.call(office, { method: 'GET', url: `/api/report-cycles?planId=${planId}` })).json() as {
    id: string;
    title: string;
    counts: Record<string, number>;
  }[];
  const six = list.find((c) => c.title === '6 tháng đầu năm 2021')!;
  const detail = (await t.call(office, { method: 'GET', url: `/api/report-cycles/${six.id}` })).json() as {
    counts: { accepted: number; submitted: number; returned: number; notSent: number; owed: number; late: number; overdue: number };
    rows: Row[];
  };
  return { six, detail };
}

describe('one definition of late and not sent (issue #14 point 3)', () => {
  it('gives the cycles list and the cycle page the same counts, and every row a lateness', async () => {
    const { six, detail } = await sixMonth();
    expect(six.counts).toEqual(detail.counts);
    const c = detail.counts;
    expect(c.accepted + c.submitted + c.returned + c.notSent).toBe(detail.rows.length);
    expect(c.overdue).toBe(detail.rows.filter((r) => r.standing.timeliness === 'overdue').length);
    expect(c.late).toBe(detail.rows.filter((r) => r.standing.timeliness === 'late').length);
    expect(c.owed).toBe(c.returned + c.notSent);
    const row = (code: string) => detail.rows.find((r) => r.unit.id === unitId[code])!;
    // Returned once, sent again: lateness from the deadline (11/6) to the first submission (04/06).
    expect(row('KHTC')).toMatchObject({ status: 'accepted', submittedOn: '2021-06-04', standing: { timeliness: 'on_time', lateDays: 0 } });
    expect(row('CCTDC').standing).toEqual({ owed: false, timeliness: 'late', lateDays: 6 });
    // Not sent and the deadline long gone: overdue, by the same count of days.
    expect(row('QLKH').standing).toEqual({ owed: true, timeliness: 'overdue', lateDays: daysLate('2021-06-11', todayInVietnam()) });
    expect(row('QLCN')).toMatchObject({ status: 'draft', standing: { owed: true, timeliness: 'overdue' } });
  });

  it('keeps the first submission’s lateness when a returned report is sent again after the deadline', async () => {
    const created = await t.call(office, {
      method: 'POST',
      url: '/api/report-cycles',
      payload: { planId, kind: 'adhoc', title: 'gửi lại sau hạn', periodFrom: '2021-01-01', periodTo: '2021-12-31', dueOn: '2099-12-31' },
    });
    const cycleId = created.json().id as string;
    let r = (await t.call(head, { method: 'POST', url: `/api/report-cycles/${cycleId}/units/${unitId.QLKH}` })).json();
    r = (await t.call(head, { method: 'POST', url: `/api/unit-reports/${r.id}/submit`, payload: { version: r.version } })).json();
    expect(r.standing).toEqual({ owed: false, timeliness: 'on_time', lateDays: 0 });
    const first = r.submittedOn as string;
    r = (
      await t.call(office, {
        method: 'POST',
        url: `/api/unit-reports/${r.id}/return`,
        payload: { version: r.version, comment: 'Bổ sung số liệu' },
      })
    ).json();
    // The deadline passes while the unit corrects the report.
    await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) =>
      tx.update(reportCycles).set({ dueOn: '2021-02-01' }).where(eq(reportCycles.id, cycleId)),
    );
    r = (await t.call(head, { method: 'POST', url: `/api/report-cycles/${cycleId}/units/${unitId.QLKH}` })).json();
    expect(r.standing.owed).toBe(true);
    r = (await t.call(head, { method: 'POST', url: `/api/unit-reports/${r.id}/submit`, payload: { version: r.version } })).json();
    expect(r.submittedOn).toBe(first);
    expect(r.lateDays).toBe(daysLate('2021-02-01', first));
    const detail = (await t.call(office, { method: 'GET', url: `/api/report-cycles/${cycleId}` })).json() as { rows: Row[] };
    const mine = detail.rows.find((x) => x.unit.id === unitId.QLKH)!;
    expect(mine.standing).toEqual({ owed: false, timeliness: 'late', lateDays: daysLate('2021-02-01', first) });
  });
});

describe('"Nhắc các đơn vị chưa gửi" (issue #14 point 3)', () => {
  it('is the Office’s: a unit head may not remind', async () => {
    const { six } = await sixMonth();
    expect((await t.call(head, { method: 'POST', url: `/api/report-cycles/${six.id}/remind` })).statusCode).toBe(403);
  });

  it('notifies the heads of exactly the units that owe the report, by e-mail too, and is audited', async () => {
    await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) =>
      tx.update(users).set({ email: 'truongphong@skhcn.example' }).where(eq(users.username, 'truongphong')),
    );
    const { six, detail } = await sixMonth();
    const res = await t.call(office, { method: 'POST', url: `/api/report-cycles/${six.id}/remind` });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as { units: { id: string; recipients: number }[]; notified: number; mailed: number; mailConfigured: boolean };
    expect(r.units.map((u) => u.id).sort()).toEqual(
      detail.rows
        .filter((x) => x.standing.owed)
        .map((x) => x.unit.id)
        .sort(),
    );
    expect(r.units.map((u) => u.id)).toContain(unitId.QLKH);
    expect(r.units.map((u) => u.id)).not.toContain(unitId.KHTC);
    expect(r.notified).toBeGreaterThanOrEqual(1);
    expect(r.mailConfigured).toBe(true);
    expect(r.mailed).toBeGreaterThanOrEqual(1);
    expect(mails.some((m) => m.to === 'truongphong@skhcn.example')).toBe(true);
    const notes = (await t.call(head, { method: 'GET', url: '/api/notifications' })).json() as {
      items: { title: string; link: string | null }[];
    };
    const note = notes.items.find((n) => n.link === `/reports/${six.id}/units/${unitId.QLKH}`);
    expect(note?.title).toMatch(/^Nhắc gửi báo cáo 6 tháng đầu năm 2021, đã quá hạn \d+ ngày/);
    // The head of a unit that has reported gets nothing.
    const [khtcHead] = await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) =>
      tx
        .select()
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(and(eq(users.username, 'tpkhtc'), eq(notifications.kind, 'report.reminder'))),
    );
    expect(khtcHead).toBeUndefined();
    const audit = (await t.call(office, { method: 'GET', url: `/api/audit?entityType=report_cycle&entityId=${six.id}` })).json() as {
      rows: { action: string; summary: string }[];
    };
    expect(audit.rows.find((a) => a.action === 'report_cycle.remind')?.summary).toMatch(/^Nhắc \d+ đơn vị chưa gửi báo cáo 6 tháng/);
  });
});

describe('the consolidated report ready to sign (issue #14 point 1)', () => {
  it('keeps item titles whole, carries the agency’s symbol and the four closing parts, and speaks Vietnamese in the .xlsx', async () => {
    const { six } = await sixMonth();
    const a = (await t.call(office, { method: 'GET', url: `/api/report-cycles/${six.id}/agency-report` })).json() as {
      version: number;
      body: { numberSymbol: string; sections: { title: string }[]; assessment: Record<string, string> } & Record<string, unknown>;
    };
    expect(a.body.numberSymbol).toMatch(/^\/BC-[A-ZĐ0-9]+$/u);
    expect(a.body.numberSymbol).not.toBe('/BC-');
    expect(a.body.sections.length).toBeGreaterThan(0);
    for (const s of a.body.sections) expect(s.title).not.toMatch(/…/);
    const saved = await t.call(office, {
      method: 'PUT',
      url: `/api/report-cycles/${six.id}/agency-report`,
      payload: {
        version: a.version,
        body: {
          ...a.body,
          assessment: {
            achievements: 'Các đơn vị triển khai đầy đủ Kế hoạch.',
            shortcomings: 'Một số đơn vị gửi báo cáo chậm.',
            directions: 'Tiếp tục công khai kế hoạch công tác.',
            proposals: 'Đề nghị UBND tỉnh tổ chức tập huấn.',
          },
        },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const docx = await t.call(office, { method: 'GET', url: `/api/report-cycles/${six.id}/export?format=docx` });
    const { default: JSZip } = await import('jszip');
    const text = (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain(a.body.numberSymbol);
    for (const h of ['KẾT QUẢ ĐẠT ĐƯỢC', 'TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN', 'PHƯƠNG HƯỚNG, NHIỆM VỤ', 'KIẾN NGHỊ, ĐỀ XUẤT'])
      expect(text).toContain(h);
    expect(text).toContain('Một số đơn vị gửi báo cáo chậm.');
    expect(text).toContain('Trễ 6 ngày');
    const xlsx = await t.call(office, { method: 'GET', url: `/api/report-cycles/${six.id}/export?format=xlsx` });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const statuses = wb.getWorksheet('Đơn vị')!.getColumn(3).values.filter(Boolean).map(String).slice(1);
    expect(statuses).toContain('Đã chấp nhận');
    expect(statuses).toContain('Chưa gửi');
    for (const s of statuses) expect(s).not.toMatch(/^(accepted|missing|returned|submitted|draft)$/);
  });
});
