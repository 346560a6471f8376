import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { sendReminders } from './service';
import { notifications } from '../../platform/tables';
import { and, eq } from 'drizzle-orm';
import { unitReports } from './tables';

let t: TestApp;
let office: Session;
let head: Session; // truongphong heads Phòng Quản lý khoa học
let staff: Session;
let unitId: Record<string, string>;
let planId: string;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  head = await t.login('truongphong');
  staff = await t.login('canbo');
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
afterAll(async () => t?.close());

async function cycles() {
  return (await t.call(office, { method: 'GET', url: `/api/report-cycles?planId=${planId}` })).json() as {
    id: string;
    title: string;
    dueOn: string;
    counts: { accepted: number; late: number; missing: number };
  }[];
}

describe('report cycles of the 2021 plan', () => {
  it('has the two cycles the plan asks for, with the demo state', async () => {
    const list = await cycles();
    expect(list.map((c) => [c.title, c.dueOn]).sort()).toEqual([
      ['6 tháng đầu năm 2021', '2021-06-11'],
      ['năm 2021', '2021-11-11'],
    ]);
    const six = list.find((c) => c.title.startsWith('6'))!;
    expect(six.counts.accepted).toBeGreaterThanOrEqual(3);
    expect(six.counts.late).toBe(1);
    const detail = (await t.call(office, { method: 'GET', url: `/api/report-cycles/${six.id}` })).json();
    const khtc = detail.rows.find((r: { unit: { id: string } }) => r.unit.id === unitId.KHTC);
    expect(khtc.status).toBe('accepted');
    expect(detail.rows.find((r: { unit: { id: string } }) => r.unit.id === unitId.QLKH).status).toBe('not_started');
    const report = (await t.call(office, { method: 'POST', url: `/api/report-cycles/${six.id}/units/${unitId.KHTC}` })).json();
    expect(report.events.map((e: { action: string }) => e.action)).toEqual(['submitted', 'returned', 'resubmitted', 'accepted']);
    expect(report.events[1].comment).toMatch(/bổ sung/);
  });

  it('does not derive cycles twice', async () => {
    const again = await t.call(office, { method: 'POST', url: `/api/plans/${planId}/report-cycles` });
    expect(again.json()).toEqual([]);
  });
});

describe('the report workflow', () => {
  let cycleId: string;
  beforeAll(async () => {
    const res = await t.call(office, {
      method: 'POST',
      url: '/api/report-cycles',
      payload: {
        planId,
        kind: 'adhoc',
        title: 'đột xuất quý IV/2026',
        periodFrom: '2021-01-01',
        periodTo: '2021-12-31',
        dueOn: '2099-12-31',
      },
    });
    expect(res.statusCode).toBe(200);
    cycleId = res.json().id;
  });

  it('pre-fills a unit’s report from what was recorded, and lets only that unit see and edit it', async () => {
    const r = (await t.call(head, { method: 'POST', url: `/api/report-cycles/${cycleId}/units/${unitId.QLKH}` })).json();
    expect(r.status).toBe('draft');
    expect(r.abilities).toMatchObject({ edit: true, submit: true, review: false });
    const recorded = r.sections.flatMap((s: { recorded: string[] }) => s.recorded);
    expect(recorded.length).toBeGreaterThan(0);
    const done = r.indicators.find((i: { code: string }) => i.code === 'progress_reports');
    expect(done.computed.value).toBeGreaterThanOrEqual(recorded.length);
    expect(done.value).toBe(done.computed.value);
    expect(done.computed.how).toMatch(/Đếm các lần báo cáo tiến độ/);
    // Another unit's head: outsiders get 404.
    const other = await t.login('tpkhtc');
    expect((await t.call(other, { method: 'POST', url: `/api/report-cycles/${cycleId}/units/${unitId.QLKH}` })).statusCode).toBe(404);
    // Staff of the unit read but may not submit.
    const mine = (await t.call(staff, { method: 'POST', url: `/api/report-cycles/${cycleId}/units/${unitId.QLKH}` })).json();
    expect(mine.abilities).toMatchObject({ read: true, edit: false, submit: false });
    expect(
      (await t.call(staff, { method: 'POST', url: `/api/unit-reports/${r.id}/submit`, payload: { version: r.version } })).statusCode,
    ).toBe(403);
  });

  it('goes draft → submitted → returned with a comment → resubmitted → accepted, audited at each step', async () => {
    let r = (await t.call(head, { method: 'POST', url: `/api/report-cycles/${cycleId}/units/${unitId.QLKH}` })).json();
    const badKey = await t.call(head, {
      method: 'PATCH',
      url: `/api/unit-reports/${r.id}`,
      payload: { version: r.version, sections: [{ key: 'XX.1', text: 'x' }] },
    });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().error.fields[0].field).toBe('sections.0.key');
    r = (
      await t.call(head, {
        method: 'PATCH',
        url: `/api/unit-reports/${r.id}`,
        payload: { version: r.version, indicators: { reception_sessions: 3 } },
      })
    ).json();
    expect(r.indicators.find((i: { code: string }) => i.code === 'reception_sessions').value).toBe(3);
    r = (await t.call(head, { method: 'POST', url: `/api/unit-reports/${r.id}/submit`, payload: { version: r.version } })).json();
    expect(r.status).toBe('submitted');
    expect(r.lateDays).toBe(0);
    expect(
      (
        await t.call(head, {
          method: 'PATCH',
          url: `/api/unit-reports/${r.id}`,
          payload: { version: r.version, indicators: { reception_sessions: 4 } },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await t.call(head, { method: 'POST', url: `/api/unit-reports/${r.id}/accept`, payload: { version: r.version } })).statusCode,
    ).toBe(403);
    const noReason = await t.call(office, { method: 'POST', url: `/api/unit-reports/${r.id}/return`, payload: { version: r.version } });
    expect(noReason.json().error.fields[0].field).toBe('comment');
    r = (
      await t.call(office, {
        method: 'POST',
        url: `/api/unit-reports/${r.id}/return`,
        payload: { version: r.version, comment: 'Bổ sung số liệu tiếp công dân' },
      })
    ).json();
    expect(r.status).toBe('returned');
    const notes = (await t.call(head, { method: 'GET', url: '/api/notifications' })).json();
    expect(notes.items.some((n: { title: string }) => /bị trả lại/.test(n.title))).toBe(true);
    r = (await t.call(head, { method: 'POST', url: `/api/unit-reports/${r.id}/submit`, payload: { version: r.version } })).json();
    r = (await t.call(office, { method: 'POST', url: `/api/unit-reports/${r.id}/accept`, payload: { version: r.version } })).json();
    expect(r.status).toBe('accepted');
    expect(r.events.map((e: { action: string }) => e.action)).toEqual(['submitted', 'returned', 'resubmitted', 'accepted']);
    const audit = (await t.call(office, { method: 'GET', url: `/api/audit?entityType=unit_report&entityId=${r.id}` })).json();
    expect(audit.rows.map((x: { action: string }) => x.action)).toEqual(
      expect.arrayContaining([
        'unit_report.create',
        'unit_report.update',
        'unit_report.submitted',
        'unit_report.returned',
        'unit_report.resubmitted',
        'unit_report.accepted',
      ]),
    );
  });

  it('records how late a report was', async () => {
    const late = await t.call(office, {
      method: 'POST',
      url: '/api/report-cycles',
      payload: { planId, kind: 'adhoc', title: 'kỳ đã quá hạn', periodFrom: '2021-01-01', periodTo: '2021-06-30', dueOn: '2021-07-01' },
    });
    const r = (await t.call(head, { method: 'POST', url: `/api/report-cycles/${late.json().id}/units/${unitId.QLKH}` })).json();
    const s = (await t.call(head, { method: 'POST', url: `/api/unit-reports/${r.id}/submit`, payload: { version: r.version } })).json();
    expect(s.lateDays).toBeGreaterThan(1000);
  });

  it('consolidates, versions the agency report and exports it', async () => {
    const six = (await cycles()).find((c) => c.title.startsWith('6'))!;
    expect((await t.call(staff, { method: 'GET', url: `/api/report-cycles/${six.id}/agency-report` })).statusCode).toBe(403);
    const a = (await t.call(office, { method: 'GET', url: `/api/report-cycles/${six.id}/agency-report` })).json();
    expect(a.version).toBe(0);
    expect(a.consolidated.unitTable.filter((u: { status: string }) => u.status === 'accepted').length).toBeGreaterThanOrEqual(3);
    expect(a.consolidated.late).toEqual([{ unit: 'Chi cục Tiêu chuẩn Đo lường Chất lượng', days: 6 }]);
    const saved = await t.call(office, {
      method: 'PUT',
      url: `/api/report-cycles/${six.id}/agency-report`,
      payload: { version: 0, body: { ...a.body, conclusion: 'Đề nghị khen thưởng Phòng Kế hoạch - Tài chính.' } },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(1);
    expect(
      (await t.call(office, { method: 'PUT', url: `/api/report-cycles/${six.id}/agency-report`, payload: { version: 0, body: a.body } }))
        .statusCode,
    ).toBe(409);
    const docx = await t.call(office, { method: 'GET', url: `/api/report-cycles/${six.id}/export?format=docx` });
    const { default: JSZip } = await import('jszip');
    const text = (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(text).toContain('6 tháng đầu năm 2021');
    for (const u of [
      'Phòng Kế hoạch - Tài chính',
      'Trung tâm Ứng dụng và Thống kê khoa học công nghệ',
      'Chi cục Tiêu chuẩn Đo lường Chất lượng',
    ])
      expect(text).toContain(u);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('Đề nghị khen thưởng Phòng Kế hoạch - Tài chính.');
    const xlsx = await t.call(office, { method: 'GET', url: `/api/report-cycles/${six.id}/export?format=xlsx` });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    const names = ws.getColumn(2).values.filter(Boolean).map(String);
    expect(names).toContain('Buổi tiếp công dân');
  });
});

describe('templates and reminders', () => {
  it('saves a new template version that only cycles without reports take up', async () => {
    const fresh = (
      await t.call(office, {
        method: 'POST',
        url: '/api/report-cycles',
        payload: { planId, kind: 'quarterly', title: 'quý I/2021', periodFrom: '2021-01-01', periodTo: '2021-03-31', dueOn: '2021-04-10' },
      })
    ).json();
    const six = (await cycles()).find((c) => c.title.startsWith('6'))!;
    const tpl = (await t.call(office, { method: 'GET', url: `/api/report-cycles/${fresh.id}/template` })).json();
    expect(tpl.versions).toHaveLength(1);
    const denied = await t.call(head, {
      method: 'POST',
      url: `/api/report-cycles/${fresh.id}/template`,
      payload: { version: 1, name: 'x', sections: tpl.sections, indicators: tpl.indicators },
    });
    expect(denied.statusCode).toBe(403);
    const dup = await t.call(office, {
      method: 'POST',
      url: `/api/report-cycles/${fresh.id}/template`,
      payload: { version: 1, name: 'Mẫu mới', sections: [...tpl.sections, tpl.sections[0]], indicators: tpl.indicators },
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields[0].field).toBe(`sections.${tpl.sections.length}.key`);
    const next = await t.call(office, {
      method: 'POST',
      url: `/api/report-cycles/${fresh.id}/template`,
      payload: {
        version: 1,
        name: 'Mẫu có chỉ tiêu SIPAS',
        sections: tpl.sections,
        indicators: [
          ...tpl.indicators.map(({ source: _s, ...d }: { source: unknown }) => d),
          { code: 'sipas', name: 'Chỉ số hài lòng SIPAS', unit: '%', definition: 'Theo QĐ 1001/QĐ-BNV' },
        ],
      },
    });
    expect(next.statusCode).toBe(200);
    expect(next.json().version).toBe(2);
    expect(next.json().indicators.find((d: { code: string }) => d.code === 'tasks_done').source).toBe('tasks_done');
    // The six-month cycle has reports: it keeps version 1.
    expect((await t.call(office, { method: 'GET', url: `/api/report-cycles/${six.id}/template` })).json().version).toBe(1);
    // Opening the report reads only: no draft, no audit row, until the unit's editor starts it with a POST.
    const url = `/api/report-cycles/${fresh.id}/units/${unitId.QLKH}`;
    const drafts = async () =>
      (
        await t.db.owner
          .select()
          .from(unitReports)
          .where(and(eq(unitReports.cycleId, fresh.id), eq(unitReports.unitId, unitId.QLKH!)))
      ).length;
    const read = await t.call(head, { method: 'GET', url });
    expect(read.statusCode).toBe(404);
    expect(read.json().error.code).toBe('REPORT_NOT_STARTED');
    expect(await drafts()).toBe(0);
    expect((await t.call(head, { method: 'POST', url, csrf: false })).statusCode).toBe(403);
    expect(await drafts()).toBe(0);
    const report = (await t.call(head, { method: 'POST', url })).json();
    expect(report.indicators.map((d: { code: string }) => d.code)).toContain('sipas');
    expect(await drafts()).toBe(1);
    const again = await t.call(head, { method: 'GET', url });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(report.id);
    expect((await t.call(head, { method: 'POST', url })).json().id).toBe(report.id);
    expect(await drafts()).toBe(1);
  });

  it('reminds unit heads before the due date and the Office after it, once a day', async () => {
    const c = (
      await t.call(office, {
        method: 'POST',
        url: '/api/report-cycles',
        payload: { planId, kind: 'adhoc', title: 'nhắc hạn', periodFrom: '2021-01-01', periodTo: '2021-12-31', dueOn: '2030-06-11' },
      })
    ).json();
    const count = (username: string) =>
      t.db.withTenant({ tenantId: t.demoTenantId }, async (tx) => {
        const { users } = await import('../../platform/tables');
        const [u] = await tx.select().from(users).where(eq(users.username, username));
        return (await tx.select().from(notifications).where(eq(notifications.userId, u!.id))).filter((n) => n.link === `/reports/${c.id}`)
          .length;
      });
    const before = await t.system('2030-06-06', (ctx) => sendReminders(ctx));
    expect(before).toBeGreaterThan(0);
    expect(await count('truongphong')).toBe(1);
    expect(await count('cvvp')).toBe(0); // Office staff who head no unit: not yet
    await t.system('2030-06-06', (ctx) => sendReminders(ctx));
    expect(await count('truongphong')).toBe(1);
    await t.system('2030-06-12', (ctx) => sendReminders(ctx));
    expect(await count('cvvp')).toBe(1);
    expect(await t.system('2030-03-01', (ctx) => sendReminders(ctx))).toBe(0);
  });
});

describe('e-mail reminders', () => {
  it('sends the reminders by SMTP after commit when SMTP is configured', async () => {
    const { SMTPServer } = await import('smtp-server');
    const received: { to: string; body: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let body = '';
        stream.on('data', (c: Buffer) => (body += c.toString('utf8')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
          cb();
        });
      },
    });
    await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
    const port = (server.server.address() as { port: number }).port;
    try {
      const { createMailer } = await import('../../platform/mail');
      const { runReminders } = await import('./index');
      const { users } = await import('../../platform/tables');
      await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) =>
        tx.update(users).set({ email: 'truongphong@skhcn.example' }).where(eq(users.username, 'truongphong')),
      );
      await t.call(office, {
        method: 'POST',
        url: '/api/report-cycles',
        payload: { planId, kind: 'adhoc', title: 'nhắc qua thư', periodFrom: '2021-01-01', periodTo: '2021-12-31', dueOn: '2031-03-10' },
      });
      const mailer = createMailer({ smtp: { url: `smtp://127.0.0.1:${port}`, from: 'danchu <no-reply@skhcn.example>' } });
      const r = await runReminders(t.db, t.app.modules, mailer, '2031-03-05');
      expect(r.mailed).toBeGreaterThan(0);
      const mine = received.find((m) => m.to === 'truongphong@skhcn.example');
      expect(mine).toBeTruthy();
      expect(mine!.body).toMatch(/nh=E1=BA=AFc qua th=C6=B0|nhắc qua thư/);
    } finally {
      await new Promise<void>((res) => server.close(() => res()));
    }
  });
});
