import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../platform/clock';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Session;
let head: Session; // truongphong heads Phòng Quản lý khoa học (QLKH)
let otherHead: Session; // tpkhtc heads Phòng Kế hoạch - Tài chính (KHTC)
let staff: Session;
let unitId: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  head = await t.login('truongphong');
  otherHead = await t.login('tpkhtc');
  staff = await t.login('canbo');
  unitId = Object.fromEntries(
    ((await t.call(office, { method: 'GET', url: '/api/units?all=true' })).json() as { id: string; code: string }[]).map((u) => [
      u.code,
      u.id,
    ]),
  );
});
afterAll(async () => t?.close());

type Sheet = {
  id: string | null;
  status: string;
  version: number;
  groups: {
    items: {
      code: string;
      max: number;
      kind: string;
      pulled: { code: string; available: boolean; value: number | null; how: string | null } | null;
      self: number | null;
      appraised: number | null;
      reason: string;
    }[];
  }[];
  self: { total: number; band: string | null };
  appraised: { total: number; band: string | null } | null;
  criteriaSet: { effectiveFrom: string };
  can: { selfAssess: boolean; appraise: boolean; appeal: boolean };
};
const items = (s: Sheet) => s.groups.flatMap((g) => g.items);
const sheet = async (who: Session, year: number, code: string) =>
  t.call(who, { method: 'GET', url: `/api/ratings/${year}/units/${unitId[code]}` });

describe('GET /api/ratings (the contract)', () => {
  it('gives the set of the year, its bands and every rated unit with its scores and band', async () => {
    const res = await t.call(office, { method: 'GET', url: '/api/ratings?year=2025' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.criteriaSet).toMatchObject({
      effectiveFrom: '2019-03-01',
      bands: [
        { name: 'Tốt', min: 90 },
        { name: 'Khá', min: 70 },
        { name: 'Trung bình', min: 50 },
        { name: 'Yếu', min: 0 },
      ],
    });
    const qlcn = body.units.find((u: { unitId: string }) => u.unitId === unitId.QLCN);
    expect(qlcn).toMatchObject({ unitName: 'Phòng Quản lý công nghệ và Phát triển thị trường', status: 'published' });
    expect(qlcn.appraisedScore).toBeLessThan(qlcn.selfScore);
    for (const u of body.units.filter((x: { status: string }) => x.status === 'published'))
      expect(u.band).toBe(u.appraisedScore >= 90 ? 'Tốt' : u.appraisedScore >= 70 ? 'Khá' : u.appraisedScore >= 50 ? 'Trung bình' : 'Yếu');
  });

  it('chooses the criteria-set version by the rating year', async () => {
    expect((await t.call(office, { method: 'GET', url: '/api/ratings?year=2026' })).json().criteriaSet.effectiveFrom).toBe('2026-01-01');
    expect((await t.call(office, { method: 'GET', url: '/api/ratings?year=2018' })).json().criteriaSet).toBeNull();
  });

  it('gives the band of the self score before appraisal, and hides unpublished scores of other units', async () => {
    const forOffice = (await t.call(office, { method: 'GET', url: '/api/ratings?year=2026' })).json();
    const vp = forOffice.units.find((u: { unitId: string }) => u.unitId === unitId.VP);
    expect(vp).toMatchObject({ status: 'submitted', appraisedScore: null });
    expect(vp.band).toBe(vp.selfScore >= 90 ? 'Tốt' : 'Khá');
    const forStaff = (await t.call(staff, { method: 'GET', url: '/api/ratings?year=2026' })).json();
    expect(forStaff.units.find((u: { unitId: string }) => u.unitId === unitId.VP)).toMatchObject({ selfScore: null, band: null });
    expect((await sheet(staff, 2026, 'VP')).statusCode).toBe(404);
    expect((await sheet(staff, 2025, 'VP')).statusCode).toBe(200);
  });
});

describe('a year’s rating, from self-assessment to publication and appeal', () => {
  it('pulls the indicators other modules report, with how, and marks missing ones not available', async () => {
    const s = (await sheet(head, 2026, 'QLKH')).json() as Sheet;
    expect(s.status).toBe('not_started');
    const all = items(s);
    const overdue = all.find((i) => i.code === '4.2')!.pulled!;
    const reception = all.find((i) => i.code === '4.1')!.pulled!;
    const expected = await t.system(todayInVietnam(), async (ctx) => {
      const scope = { unitId: unitId.QLKH!, from: '2026-01-01', to: ctx.today < '2026-12-31' ? ctx.today : '2026-12-31' };
      const get = (code: string) =>
        ctx.modules
          .indicators()
          .find((i) => i.code === code)!
          .compute(ctx, scope);
      return { overdue: await get('cases_overdue'), reception: await get('reception_sessions') };
    });
    expect(overdue).toMatchObject({ available: true, value: expected.overdue.value, how: expected.overdue.how });
    expect(reception).toMatchObject({ available: true, value: expected.reception.value });
  });

  it('pulls every figure the issue lists, with how it was counted, equal to what the module itself reports', async () => {
    // Reports: a cycle due in 2026, which QLKH sends late (today, after the due day).
    const plans = (await t.call(office, { method: 'GET', url: '/api/plans?year=2021' })).json() as { id: string }[];
    const made = await t.call(office, {
      method: 'POST',
      url: '/api/report-cycles',
      payload: {
        planId: plans[0]!.id,
        kind: 'adhoc',
        title: 'Báo cáo chuyên đề dân vận 2026',
        periodFrom: '2026-01-01',
        periodTo: '2026-05-31',
        dueOn: '2026-06-11',
      },
    });
    expect(made.statusCode).toBe(200);
    const s = (await sheet(head, 2026, 'QLKH')).json() as Sheet;
    const byCode = new Map(items(s).flatMap((i) => (i.pulled ? [[i.pulled.code, i.pulled] as const] : [])));
    const listed = [
      'reports_late', // reports sent on time (the item loses points per late or missing report)
      'cases_overdue',
      'reception_sessions',
      'disclosures_published_on_time',
      'consultations_held',
      'inspection_recommendations_on_time', // the board's recommendations answered on time
      'models',
    ];
    const expected = await t.system(todayInVietnam(), async (ctx) => {
      const scope = { unitId: unitId.QLKH!, from: '2026-01-01', to: ctx.today < '2026-12-31' ? ctx.today : '2026-12-31' };
      const out: Record<string, { value: number; how: string }> = {};
      for (const i of ctx.modules.indicators()) if (listed.includes(i.code)) out[i.code] = await i.compute(ctx, scope);
      return out;
    });
    for (const code of listed) {
      expect(byCode.get(code), code).toMatchObject({ available: true, value: expected[code]!.value, how: expected[code]!.how });
      expect(byCode.get(code)!.how, code).not.toBe('');
    }
    // The same figures as the modules' own pages: the report cycles and the models register.
    const cycles = (await t.call(office, { method: 'GET', url: '/api/report-cycles' })).json() as { id: string; dueOn: string }[];
    let late = 0;
    let seen = 0;
    for (const c of cycles.filter((x) => x.dueOn >= '2026-01-01' && x.dueOn <= '2026-12-31')) {
      const rows = (await t.call(office, { method: 'GET', url: `/api/report-cycles/${c.id}` })).json().rows as {
        unit: { id: string };
        standing: { timeliness: string };
      }[];
      const mine = rows.find((r) => r.unit.id === unitId.QLKH);
      if (!mine) continue;
      seen++;
      if (mine.standing.timeliness === 'late' || mine.standing.timeliness === 'overdue') late++;
    }
    expect(seen).toBeGreaterThan(0);
    expect(byCode.get('reports_late')!.value).toBe(late);
    expect(byCode.get('reports_late')!.how).toContain('Báo cáo chuyên đề dân vận 2026');
    const models = (await t.call(office, { method: 'GET', url: '/api/models' })).json().items as {
      unitName: string;
      status: string;
      startedOn: string;
    }[];
    const running = models.filter(
      (m) => m.unitName === 'Phòng Quản lý khoa học' && m.status !== 'stopped' && m.startedOn <= todayInVietnam(),
    );
    expect(byCode.get('models')!.value).toBe(running.length);
  });

  it('shows a figure no loaded module contributes as not available, never guessed', async () => {
    const res = await t.call(office, { method: 'GET', url: '/api/rating-criteria' });
    expect(res.statusCode, res.body).toBe(200);
    const sets = res.json() as { body: Record<string, unknown> }[];
    const set = sets[sets.length - 1]!;
    const future = await t.call(office, {
      method: 'POST',
      url: '/api/rating-criteria',
      payload: {
        name: 'Bộ tiêu chí thử',
        basis: 'Quyết định thử',
        effectiveFrom: '2031-01-01',
        body: {
          ...set.body,
          groups: [
            {
              code: 'I',
              title: 'Nhóm',
              items: [{ code: '1.1', title: 'Chỉ tiêu lạ', kind: 'score', max: 100, indicator: 'no_such_figure' }],
            },
          ],
        },
      },
    });
    expect(future.statusCode).toBe(200);
    const s = (await sheet(head, 2031, 'QLKH')).json() as Sheet;
    expect(items(s)[0]!.pulled).toMatchObject({ code: 'no_such_figure', available: false, value: null, how: null });
  });

  it('lets a unit rate itself only', async () => {
    const s = (await sheet(otherHead, 2026, 'KHTC')).json() as Sheet;
    expect(s.status).toBe('submitted');
    const payload = { version: 0, items: { '1.1': { self: 10 } } };
    expect((await t.call(otherHead, { method: 'PUT', url: `/api/ratings/2026/units/${unitId.QLKH}/self`, payload })).statusCode).toBe(404);
    expect((await t.call(office, { method: 'PUT', url: `/api/ratings/2026/units/${unitId.QLKH}/self`, payload })).statusCode).toBe(403);
    expect((await t.call(staff, { method: 'PUT', url: `/api/ratings/2026/units/${unitId.QLKH}/self`, payload })).statusCode).toBe(403);
    const over = await t.call(head, {
      method: 'PUT',
      url: `/api/ratings/2026/units/${unitId.QLKH}/self`,
      payload: { version: 0, items: { '1.1': { self: 11 } } },
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.fields[0].field).toBe('items.1.1.self');
  });

  let version: number;
  it('saves a draft with evidence, refuses to submit with items unscored, then submits', async () => {
    const s = (await sheet(head, 2026, 'QLKH')).json() as Sheet;
    const draft = await t.call(head, {
      method: 'PUT',
      url: `/api/ratings/2026/units/${unitId.QLKH}/self`,
      payload: { version: 0, items: { '1.1': { self: 10, note: 'Kế hoạch số 12/KH-QLKH' } } },
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', self: { total: 10, band: 'Yếu' } });
    const early = await t.call(head, {
      method: 'PUT',
      url: `/api/ratings/2026/units/${unitId.QLKH}/self`,
      payload: { version: 1, items: {}, submit: true },
    });
    expect(early.statusCode).toBe(400);
    const full = Object.fromEntries(items(s).map((i) => [i.code, { self: i.kind === 'score' ? i.max : 0 }]));
    const sent = await t.call(head, {
      method: 'PUT',
      url: `/api/ratings/2026/units/${unitId.QLKH}/self`,
      payload: { version: 1, items: full, submit: true },
    });
    expect(sent.json()).toMatchObject({ status: 'submitted', self: { total: 100, band: 'Tốt' }, can: { selfAssess: false } });
    version = sent.json().version;
  });

  it('lets the Office adjust an item only with a reason, and computes the total and band', async () => {
    const noReason = await t.call(office, {
      method: 'POST',
      url: `/api/ratings/2026/units/${unitId.QLKH}/appraise`,
      payload: { version, items: { '3.1': { appraised: 5 } } },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].field).toBe('items.3.1.reason');
    expect(
      (await t.call(head, { method: 'POST', url: `/api/ratings/2026/units/${unitId.QLKH}/appraise`, payload: { version, items: {} } }))
        .statusCode,
    ).toBe(403);
    const ok = await t.call(office, {
      method: 'POST',
      url: `/api/ratings/2026/units/${unitId.QLKH}/appraise`,
      payload: { version, items: { '3.1': { appraised: 5, reason: 'Còn hồ sơ trễ hạn' }, 'T.2': { appraised: 1, reason: 'Vi phạm nhỏ' } } },
    });
    expect(ok.json()).toMatchObject({ status: 'appraised', appraised: { total: 89, band: 'Khá' } });
    const item = items(ok.json()).find((i) => i.code === '3.1')!;
    expect(item).toMatchObject({ self: 15, appraised: 5, reason: 'Còn hồ sơ trễ hạn' });
    version = ok.json().version;
  });

  it('publishes, then the unit appeals within the window and the Office answers', async () => {
    const pub = await t.call(office, { method: 'POST', url: '/api/ratings/2026/publish' });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().units.find((u: { unitId: string }) => u.unitId === unitId.QLKH)).toMatchObject({
      status: 'published',
      appraisedScore: 89,
      band: 'Khá',
    });
    const s = (await sheet(staff, 2026, 'QLKH')).json() as Sheet;
    expect(s.can.appeal).toBe(false);
    const mine = (await sheet(head, 2026, 'QLKH')).json() as Sheet;
    expect(mine.can.appeal).toBe(true);
    const appeal = await t.call(head, {
      method: 'POST',
      url: `/api/ratings/2026/units/${unitId.QLKH}/appeal`,
      payload: { version: mine.version, reason: 'Hồ sơ trễ do hệ thống lỗi' },
    });
    expect(appeal.json().status).toBe('appealed');
    const noAnswer = await t.call(office, {
      method: 'POST',
      url: `/api/ratings/2026/units/${unitId.QLKH}/appraise`,
      payload: { version: appeal.json().version, items: {} },
    });
    expect(noAnswer.statusCode).toBe(400);
    const answered = await t.call(office, {
      method: 'POST',
      url: `/api/ratings/2026/units/${unitId.QLKH}/appraise`,
      payload: {
        version: appeal.json().version,
        items: { '3.1': { appraised: 15, reason: 'Lỗi hệ thống đã được xác nhận' } },
        answer: 'Chấp nhận kiến nghị',
      },
    });
    expect(answered.json()).toMatchObject({
      status: 'published',
      appraised: { total: 99, band: 'Tốt' },
      appealAnswer: 'Chấp nhận kiến nghị',
    });
  });

  it('exports the rating sheet as .docx', async () => {
    const res = await t.call(head, { method: 'GET', url: `/api/ratings/2026/units/${unitId.QLKH}/sheet.docx` });
    expect(res.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('PHIẾU ĐÁNH GIÁ');
    expect(text).toContain('Tổng điểm thẩm định: 99 — xếp loại Tốt');
  });

  it('audits each step', async () => {
    const res = await t.call(office, { method: 'GET', url: '/api/audit?entityType=unit_rating&pageSize=200' });
    const actions = new Set((res.json() as { rows: { action: string }[] }).rows.map((r) => r.action));
    for (const a of [
      'unit_rating.save',
      'unit_rating.submit',
      'unit_rating.appraise',
      'unit_rating.publish',
      'unit_rating.appeal',
      'unit_rating.appeal_answer',
    ])
      expect(actions).toContain(a);
  });
});

describe('the agency’s own rating toward the province', () => {
  it('lists the agency beside its units, and the demo has its 2025 result and 2026 self-assessment', async () => {
    const y25 = (await t.call(office, { method: 'GET', url: '/api/ratings?year=2025' })).json();
    expect(y25.agency).toMatchObject({ unitId: 'agency', status: 'published' });
    expect(y25.agency.appraisedScore).toBeLessThan(y25.agency.selfScore);
    expect(y25.units.some((u: { unitId: string }) => u.unitId === 'agency')).toBe(false);
    const y26 = (await t.call(staff, { method: 'GET', url: '/api/ratings?year=2026' })).json();
    // Before the province's result, staff outside the Office do not see the agency's figures.
    expect(y26.agency).toMatchObject({ unitId: 'agency', status: 'submitted', selfScore: null, band: null });
  });

  it('lets the Office (or the leadership) self-assess the agency; a unit head gets 404', async () => {
    const payload = { version: 0, items: { '1.1': { self: 9, note: 'Kế hoạch 2027 của Sở' } } };
    expect((await t.call(head, { method: 'PUT', url: '/api/ratings/2027/units/agency/self', payload })).statusCode).toBe(404);
    const res = await t.call(office, { method: 'PUT', url: '/api/ratings/2027/units/agency/self', payload });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ subject: 'agency', unitId: 'agency', status: 'draft', self: { total: 9 } });
    const leader = await t.login('lanhdao');
    const again = await t.call(leader, {
      method: 'PUT',
      url: '/api/ratings/2027/units/agency/self',
      payload: { version: res.json().version, items: { '1.1': { self: 10 } } },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().self.total).toBe(10);
  });

  it('pulls agency figures from every unit, shown with the breakdown', async () => {
    const s = (await t.call(office, { method: 'GET', url: '/api/ratings/2026/units/agency' })).json() as Sheet;
    expect(s.status).toBe('submitted');
    const byCode = new Map(items(s).flatMap((i) => (i.pulled ? [[i.pulled.code, i.pulled] as const] : [])));
    const all = (await t.call(office, { method: 'GET', url: '/api/units?all=true' })).json() as {
      id: string;
      validFrom: string;
      validTo: string | null;
    }[];
    const expected = await t.system(todayInVietnam(), async (ctx) => {
      const to = ctx.today < '2026-12-31' ? ctx.today : '2026-12-31';
      const inForce = all.filter((u) => u.validFrom <= '2026-12-31' && (u.validTo === null || u.validTo >= '2026-01-01'));
      const sum = async (code: string) => {
        const ind = ctx.modules.indicators().find((i) => i.code === code)!;
        let n = 0;
        for (const u of inForce) n += (await ind.compute(ctx, { unitId: u.id, from: '2026-01-01', to })).value;
        return n;
      };
      return { overdue: await sum('cases_overdue'), reception: await sum('reception_sessions'), models: await sum('models') };
    });
    expect(byCode.get('cases_overdue')).toMatchObject({ available: true, value: expected.overdue });
    expect(byCode.get('reception_sessions')!.value).toBe(expected.reception);
    expect(byCode.get('models')!.value).toBe(expected.models);
    expect(byCode.get('models')!.how).toMatch(/^Cả cơ quan = tổng của \d+ đơn vị/);
    expect(byCode.get('conference_on_time')!.how).toMatch(/^Số liệu chung của cơ quan/);
  });

  it('records the province’s appraisal with a reason per changed item, and exports the sheet', async () => {
    const s = (await t.call(office, { method: 'GET', url: '/api/ratings/2026/units/agency' })).json() as Sheet;
    expect(
      (await t.call(head, { method: 'POST', url: '/api/ratings/2026/units/agency/appraise', payload: { version: s.version, items: {} } }))
        .statusCode,
    ).toBe(404);
    const self11 = items(s).find((i) => i.code === '1.1')!.self!;
    const bad = await t.call(office, {
      method: 'POST',
      url: '/api/ratings/2026/units/agency/appraise',
      payload: { version: s.version, items: { '1.1': { appraised: self11 - 1, reason: '' } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('items.1.1.reason');
    const ok = await t.call(office, {
      method: 'POST',
      url: '/api/ratings/2026/units/agency/appraise',
      payload: { version: s.version, items: { '1.1': { appraised: self11 - 1, reason: 'Tỉnh: kế hoạch ban hành chậm' } } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'appraised', appraised: { total: Math.round((s.self.total - 1) * 100) / 100 } });
    const docx = await t.call(office, { method: 'GET', url: '/api/ratings/2026/units/agency/sheet.docx' });
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Tự đánh giá, xếp loại công tác dân vận chính quyền năm 2026');
    expect(xml).toContain('Tỉnh thẩm định');
  });
});

describe('commendations', () => {
  it('has the demo’s 2025 proposals and two decisions', async () => {
    const list = (await t.call(office, { method: 'GET', url: '/api/commendations?year=2025' })).json() as {
      status: string;
      sourceType: string;
    }[];
    expect(list.filter((c) => c.status === 'decided')).toHaveLength(2);
    expect(list.some((c) => c.sourceType === 'model')).toBe(true);
    const forStaff = (await t.call(staff, { method: 'GET', url: '/api/commendations?year=2025' })).json() as { status: string }[];
    expect(forStaff.every((c) => c.status === 'decided')).toBe(true);
  });

  it('proposes from the 2026 ratings and models once, and counts decisions in the next rating’s bonus indicator', async () => {
    const made = (await t.call(office, { method: 'POST', url: '/api/commendations/propose?year=2026' })).json() as {
      unitId: string;
      sourceType: string;
      id: string;
      version: number;
    }[];
    expect(made.some((c) => c.unitId === unitId.QLKH && c.sourceType === 'rating')).toBe(true);
    expect(made.some((c) => c.unitId === unitId.CCTDC && c.sourceType === 'model')).toBe(true);
    expect((await t.call(office, { method: 'POST', url: '/api/commendations/propose?year=2026' })).json()).toEqual([]);
    expect((await t.call(head, { method: 'POST', url: '/api/commendations/propose?year=2026' })).statusCode).toBe(403);
    const received = () =>
      t.system('2026-12-06', (ctx) =>
        ctx.modules
          .indicators()
          .find((i) => i.code === 'commendations_received')!
          .compute(ctx, { unitId: unitId.QLKH!, from: '2026-01-01', to: '2026-12-31' }),
      );
    const before = (await received()).value;
    const p = made.find((c) => c.unitId === unitId.QLKH)!;
    const noNumber = await t.call(office, {
      method: 'PATCH',
      url: `/api/commendations/${p.id}`,
      payload: { version: p.version, action: 'decide', decisionDate: '2026-12-01' },
    });
    expect(noNumber.statusCode).toBe(400);
    const decided = await t.call(office, {
      method: 'PATCH',
      url: `/api/commendations/${p.id}`,
      payload: { version: p.version, action: 'decide', decisionNumber: '99/QĐ-SKHCN', decisionDate: '2026-12-01' },
    });
    expect(decided.json()).toMatchObject({ status: 'decided', decisionNumber: '99/QĐ-SKHCN' });
    expect((await received()).value).toBe(before + 1);
  });
});
