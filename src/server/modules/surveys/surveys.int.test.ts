import { getTableColumns } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { auditLog } from '../../platform/tables';
import { surveyResponses } from './tables';
import { eq } from 'drizzle-orm';

let t: TestApp;
let office: Session;
let leader: Session;
let staff: Session;
let union: Session;
type Summary = {
  id: string;
  title: string;
  audience: string;
  status: string;
  publicCode: string;
  responses: number;
  overall: number | null;
  version: number;
};
let sipas: Summary;
let internal: Summary;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  leader = await t.login('lanhdao');
  staff = await t.login('canbo');
  union = await t.login('congdoan');
  const list = (await t.call(office, { method: 'GET', url: '/api/surveys' })).json() as Summary[];
  sipas = list.find((s) => s.audience === 'public')!;
  internal = list.find((s) => s.audience === 'staff')!;
});
afterAll(async () => t?.close());

const answersAll = (v: number) =>
  Object.fromEntries(
    [
      '1_1',
      '1_2',
      '1_3',
      '1_4',
      '2_1',
      '2_2',
      '2_3',
      '2_4',
      '2_5',
      '3_1',
      '3_2',
      '3_3',
      '3_4',
      '3_5',
      '3_6',
      '4_1',
      '4_2',
      '4_3',
      '5_1',
      '5_2',
      '5_3',
      '5_4',
    ].map((c) => [`q${c}`, v]),
  );

async function publicAnswer(body: Record<string, unknown>) {
  return t.call(null, { method: 'POST', url: `/api/public/skhcn-qng/surveys/${sipas.publicCode}/responses`, payload: body });
}

describe('the demo 2026 SIPAS survey', () => {
  it('has about 300 answers, some from paper, and an index on the 2017 model', async () => {
    expect(sipas.responses).toBeGreaterThanOrEqual(290);
    const s = (await t.call(leader, { method: 'GET', url: `/api/surveys/${sipas.id}` })).json();
    expect(s.byChannel.paper).toBeGreaterThan(0);
    expect(s.byChannel.public).toBeGreaterThan(200);
    expect(s.methodCode).toBe('SIPAS-2017');
    const r = (await t.call(leader, { method: 'GET', url: `/api/surveys/${sipas.id}/results` })).json();
    expect(r.elements).toHaveLength(5);
    expect(r.criteria).toHaveLength(22);
    expect(r.overall).toBeGreaterThan(60);
    expect(r.overallInterval.low).toBeLessThan(r.overall);
    expect(r.overallInterval.high).toBeGreaterThan(r.overall);
    expect(r.byUnit.length).toBeGreaterThanOrEqual(5);
    expect(r.how).toMatch(/4 "hài lòng" hoặc 5/);
    // The overall is the mean of the elements (exactly, up to rounding of each).
    const mean = r.elements.reduce((a: number, e: { index: number }) => a + e.index, 0) / 5;
    expect(Math.abs(mean - r.overall)).toBeLessThan(0.01);
  });

  it('filters by unit and period; staff without surveys.read get 403', async () => {
    const all = (await t.call(leader, { method: 'GET', url: `/api/surveys/${sipas.id}/results` })).json();
    const unit = all.byUnit[0];
    const one = (await t.call(leader, { method: 'GET', url: `/api/surveys/${sipas.id}/results?unitId=${unit.unitId}` })).json();
    expect(one.responses).toBe(unit.responses);
    expect(one.overall).toBe(unit.overall);
    const jan = (await t.call(leader, { method: 'GET', url: `/api/surveys/${sipas.id}/results?from=2026-01-01&to=2026-01-31` })).json();
    expect(jan.responses).toBeLessThan(all.responses);
    expect((await t.call(staff, { method: 'GET', url: `/api/surveys/${sipas.id}/results` })).statusCode).toBe(403);
    expect((await t.call(null, { method: 'GET', url: `/api/surveys/${sipas.id}/results` })).statusCode).toBe(401);
  });
});

describe('the portal: one answer per device, the index moves', () => {
  it('shows the form publicly and takes an answer once per device', async () => {
    const form = await t.call(null, { method: 'GET', url: `/api/public/skhcn-qng/surveys/${sipas.publicCode}` });
    expect(form.statusCode).toBe(200);
    expect(form.json().accepting).toBe(true);
    const before = (await t.call(leader, { method: 'GET', url: `/api/surveys/${sipas.id}/results?service=do-luong` })).json();
    const deviceKey = 'device-key-0123456789abcdef';
    const ok = await publicAnswer({ service: 'do-luong', answers: answersAll(5), deviceKey });
    expect(ok.statusCode).toBe(200);
    const again = await publicAnswer({ service: 'do-luong', answers: answersAll(1), deviceKey });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SURVEY_ALREADY_ANSWERED');
    const after = (await t.call(leader, { method: 'GET', url: `/api/surveys/${sipas.id}/results?service=do-luong` })).json();
    expect(after.responses).toBe(before.responses + 1);
    expect(after.overall).toBeGreaterThan(before.overall);
  });

  it('refuses a bad answer naming the field, in both languages', async () => {
    const r = await publicAnswer({ service: 'do-luong', answers: { q1_1: 7 }, deviceKey: 'device-key-bad-000000000' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields[0].field).toBe('answers.q1_1');
    const noService = await publicAnswer({ answers: {}, deviceKey: 'device-key-bad-000000001' });
    expect(noService.json().error.fields[0].field).toBe('service');
    const unknown = await publicAnswer({ service: 'cgcn', answers: { nope: 1 }, deviceKey: 'device-key-bad-000000002' });
    expect(unknown.json().error.fields[0].field).toBe('answers.nope');
  });

  it('drops the answer to a question its condition hides', async () => {
    const r = await publicAnswer({
      service: 'cgcn',
      answers: { lan: 'khong', solan: '3', gopy: 'Nhanh, gọn' },
      deviceKey: 'device-key-cond-00000000',
    });
    expect(r.statusCode).toBe(200);
    const results = (await t.call(leader, { method: 'GET', url: `/api/surveys/${sipas.id}/results` })).json();
    const gopy = results.questions.find((q: { id: string }) => q.id === 'gopy');
    expect(gopy.answered).toBeGreaterThanOrEqual(1);
    const rows = await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) => tx.select().from(surveyResponses));
    expect(rows.some((x) => x.answers.gopy === 'Nhanh, gọn' && 'solan' in x.answers)).toBe(false);
  });

  it('invitations: one answer each; the invitation list says used, not which answer', async () => {
    const made = (
      await t.call(office, {
        method: 'POST',
        url: `/api/surveys/${sipas.id}/invitations`,
        payload: { labels: ['Công ty TNHH A', 'Ông B'] },
      })
    ).json();
    expect(made).toHaveLength(2);
    expect(made[0].link).toContain(`/portal/skhcn-qng/surveys/${sipas.publicCode}?invitation=`);
    expect((await publicAnswer({ service: 'cgcn', answers: answersAll(4), invitation: made[0].token })).statusCode).toBe(200);
    const twice = await publicAnswer({ service: 'cgcn', answers: answersAll(4), invitation: made[0].token });
    expect(twice.json().error.code).toBe('SURVEY_INVITATION_INVALID');
    const list = (await t.call(office, { method: 'GET', url: `/api/surveys/${sipas.id}/invitations` })).json();
    expect(list.find((i: { label: string }) => i.label === 'Công ty TNHH A').used).toBe(true);
    expect(Object.keys(list[0]).sort()).toEqual(['id', 'label', 'used']);
  });
});

describe('paper forms and the internal staff survey', () => {
  it('staff enter a paper form dated the day it was filled; not in the future', async () => {
    const ok = await t.call(staff, {
      method: 'POST',
      url: `/api/surveys/${sipas.id}/paper-responses`,
      payload: { answeredOn: '2026-03-02', service: 'buu-chinh', answers: answersAll(3) },
    });
    expect(ok.statusCode).toBe(200);
    const future = await t.call(staff, {
      method: 'POST',
      url: `/api/surveys/${sipas.id}/paper-responses`,
      payload: { answeredOn: '2099-01-01', service: 'buu-chinh', answers: answersAll(3) },
    });
    expect(future.json().error.fields[0].field).toBe('answeredOn');
    expect(
      (
        await t.call(leader, {
          method: 'POST',
          url: `/api/surveys/${sipas.id}/paper-responses`,
          payload: { answeredOn: '2026-03-02', service: 'buu-chinh', answers: {} },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a staff member answers the internal survey once; the audit names no person', async () => {
    const first = await t.call(staff, {
      method: 'POST',
      url: `/api/surveys/${internal.id}/staff-response`,
      payload: { answers: { congkhai: 4, gopy: ['hoinghi'] } },
    });
    expect(first.statusCode).toBe(200);
    const second = await t.call(staff, {
      method: 'POST',
      url: `/api/surveys/${internal.id}/staff-response`,
      payload: { answers: { congkhai: 2 } },
    });
    expect(second.json().error.code).toBe('SURVEY_ALREADY_ANSWERED');
    const missing = await t.call(union, { method: 'POST', url: `/api/surveys/${internal.id}/staff-response`, payload: { answers: {} } });
    expect(missing.json().error.fields[0].field).toBe('answers.congkhai');
    const s = (await t.call(staff, { method: 'GET', url: `/api/surveys/${internal.id}` })).json();
    expect(s.answered).toBe(true);
    const audit = await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.entityId, internal.id)),
    );
    const respond = audit.filter((a) => a.action === 'survey.respond');
    expect(respond).toHaveLength(1);
    expect(respond[0]!.actorId).toBeNull();
  });
});

describe('privacy: no route joins answers to respondents', () => {
  it('the answers table has no column that could name a person, device, invitation or instant', () => {
    const cols = Object.values(getTableColumns(surveyResponses)).map((c) => c.name);
    expect(cols.sort()).toEqual(
      ['answered_on', 'answers', 'channel', 'id', 'service', 'survey_id', 'tenant_id', 'unit_id', 'version_number'].sort(),
    );
  });

  it('no route returns a response id, and no audit row names one', async () => {
    const ids = (
      await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) => tx.select({ id: surveyResponses.id }).from(surveyResponses))
    ).map((r) => r.id);
    const urls = [
      '/api/surveys',
      `/api/surveys/${sipas.id}`,
      `/api/surveys/${sipas.id}/results`,
      `/api/surveys/${sipas.id}/invitations`,
      `/api/surveys/${internal.id}`,
      `/api/surveys/${internal.id}/results`,
      '/api/audit?limit=500',
      `/api/public/skhcn-qng/surveys/${sipas.publicCode}`,
    ];
    for (const url of urls) {
      const body = (await t.call(office, { method: 'GET', url })).body;
      for (const id of ids.slice(0, 400)) expect(body.includes(id), `${url} leaks a response id`).toBe(false);
    }
    const audit = await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) => tx.select().from(auditLog));
    const text = JSON.stringify(audit);
    for (const id of ids) expect(text.includes(id)).toBe(false);
  });

  it('the export holds answers with day, channel and service only', async () => {
    const res = await t.call(office, { method: 'GET', url: `/api/surveys/${sipas.id}/export.xlsx` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Phiếu trả lời')!;
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['STT', 'Ngày', 'Kênh', 'Dịch vụ', 'Đơn vị']));
    expect(ws.rowCount).toBeGreaterThan(300);
    expect(wb.getWorksheet('Chỉ số')).toBeDefined();
  });
});

describe('survey builder and versions', () => {
  const def = {
    services: [],
    sections: [
      {
        id: 's1',
        title: 'Phần 1',
        questions: [
          {
            id: 'a',
            type: 'single',
            text: 'Đã dùng dịch vụ?',
            options: [
              { value: 'y', label: 'Có' },
              { value: 'n', label: 'Không' },
            ],
          },
          { id: 'b', type: 'scale5', text: 'Hài lòng?', criterion: '3.1', showIf: { question: 'a', anyOf: ['y'] } },
        ],
      },
    ],
  };
  it('checks the definition naming the field', async () => {
    const bad = await t.call(office, {
      method: 'POST',
      url: '/api/surveys',
      payload: {
        title: 'X',
        audience: 'public',
        methodCode: 'SIPAS-2017',
        opensOn: null,
        closesOn: null,
        quota: null,
        definition: {
          ...def,
          sections: [{ ...def.sections[0], questions: [{ ...def.sections[0]!.questions[1], showIf: { question: 'zz', anyOf: ['y'] } }] }],
        },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('definition.sections.0.questions.0.showIf.question');
    const noCrit = await t.call(office, {
      method: 'POST',
      url: '/api/surveys',
      payload: {
        title: 'X',
        audience: 'public',
        methodCode: 'SIPAS-2017',
        opensOn: null,
        closesOn: null,
        quota: null,
        definition: {
          ...def,
          sections: [
            { ...def.sections[0], questions: [def.sections[0]!.questions[0], { ...def.sections[0]!.questions[1], criterion: '9.9' }] },
          ],
        },
      },
    });
    expect(noCrit.json().error.fields[0].field).toBe('definition.sections.0.questions.1.criterion');
    expect(
      (
        await t.call(staff, {
          method: 'POST',
          url: '/api/surveys',
          payload: { title: 'X', audience: 'public', methodCode: null, opensOn: null, closesOn: null, quota: null, definition: def },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('edits in place until answered, then makes a new version; stale writes get 409', async () => {
    const base = {
      title: 'Khảo sát thử',
      audience: 'public',
      methodCode: 'SIPAS-2017',
      opensOn: null,
      closesOn: null,
      quota: 10,
      definition: def,
    };
    const { id } = (await t.call(office, { method: 'POST', url: '/api/surveys', payload: base })).json();
    const e1 = (
      await t.call(office, { method: 'PUT', url: `/api/surveys/${id}`, payload: { ...base, title: 'Khảo sát thử 2', version: 1 } })
    ).json();
    expect(e1.versionNumber).toBe(1);
    expect((await t.call(office, { method: 'PUT', url: `/api/surveys/${id}`, payload: { ...base, version: 1 } })).statusCode).toBe(409);
    await t.call(office, { method: 'POST', url: `/api/surveys/${id}/status`, payload: { status: 'open', version: 2 } });
    const s = (await t.call(office, { method: 'GET', url: `/api/surveys/${id}` })).json();
    const code = s.publicCode;
    expect(
      (
        await t.call(null, {
          method: 'POST',
          url: `/api/public/skhcn-qng/surveys/${code}/responses`,
          payload: { answers: { a: 'y', b: 5 }, deviceKey: 'device-key-version-0001' },
        })
      ).statusCode,
    ).toBe(200);
    const changed = { ...def, sections: [{ ...def.sections[0]!, title: 'Phần 1 (sửa)' }] };
    const e2 = (
      await t.call(office, { method: 'PUT', url: `/api/surveys/${id}`, payload: { ...base, definition: changed, version: s.version } })
    ).json();
    expect(e2.versionNumber).toBe(2);
    const s2 = (await t.call(office, { method: 'GET', url: `/api/surveys/${id}` })).json();
    expect(s2.versions.map((v: { number: number; responses: number }) => [v.number, v.responses])).toEqual([
      [1, 1],
      [2, 0],
    ]);
    const r = (await t.call(office, { method: 'GET', url: `/api/surveys/${id}/results` })).json();
    expect(r.overall).toBe(100);
    const qr = await t.call(office, { method: 'GET', url: `/api/surveys/${id}/qr.svg` });
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
  });
});

describe('external indices', () => {
  it('the demo has the province SIPAS, PAPI and PCI for 2021–2025 with targets', async () => {
    const list = (await t.call(leader, { method: 'GET', url: '/api/external-indices' })).json() as {
      index: string;
      year: number;
      value: number;
      target: number;
    }[];
    for (const idx of ['SIPAS', 'PAPI', 'PCI'])
      expect(list.filter((x) => x.index === idx).map((x) => x.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(list.every((x) => x.target !== null)).toBe(true);
  });
  it('the Office enters a dimension; an unknown dimension is refused by name; leaders cannot write', async () => {
    const ok = await t.call(office, {
      method: 'PUT',
      url: '/api/external-indices',
      payload: { index: 'PAPI', dimension: '8', year: 2025, value: 4.1, target: 4.5, rank: null },
    });
    expect(ok.statusCode).toBe(200);
    const again = await t.call(office, {
      method: 'PUT',
      url: '/api/external-indices',
      payload: { index: 'PAPI', dimension: '8', year: 2025, value: 4.2, target: 4.5, rank: 30 },
    });
    expect(again.json().id).toBe(ok.json().id);
    const bad = await t.call(office, {
      method: 'PUT',
      url: '/api/external-indices',
      payload: { index: 'PCI', dimension: '11', year: 2025, value: 1, target: null, rank: null },
    });
    expect(bad.json().error.fields[0].field).toBe('dimension');
    expect(
      (
        await t.call(leader, {
          method: 'PUT',
          url: '/api/external-indices',
          payload: { index: 'PCI', dimension: '', year: 2026, value: 1, target: null, rank: null },
        })
      ).statusCode,
    ).toBe(403);
  });
});
