import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Session;
let head: Session; // truongphong heads Phòng Quản lý khoa học
let staff: Session;
let unitId: Record<string, string>;

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
});
afterAll(async () => t?.close());

const all = (n: number) => ({ practicality: n, effect: n, creativity: n, participation: n, sustainability: n, replicability: n });

describe('the demo models', () => {
  it('lists four models with the contract shape, one replicated and one stopped', async () => {
    const res = await t.call(staff, { method: 'GET', url: '/api/models' });
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as {
      items: { name: string; unitName: string; status: string; startedOn: string; evaluations: unknown[] }[];
    };
    expect(items).toHaveLength(4);
    expect(items.map((m) => m.status).sort()).toEqual(['commended', 'launched', 'replicated', 'stopped']);
    const rep = items.find((m) => m.status === 'replicated')!;
    expect(rep).toMatchObject({ unitName: 'Trung tâm Ứng dụng và Thống kê khoa học công nghệ', startedOn: '2024-03-01' });
    expect(rep.evaluations).toEqual([expect.objectContaining({ evaluatedOn: '2025-11-25', passed: true })]);
  });

  it('finds a model without diacritics', async () => {
    const res = await t.call(staff, { method: 'GET', url: `/api/models?q=${encodeURIComponent('can doi chung')}` });
    expect((res.json() as { items: { name: string }[] }).items.map((m) => m.name)).toEqual([
      'Cân đối chứng tại chợ — người mua tự kiểm tra',
    ]);
  });

  it('shows only commended and replicated models on the public showcase, without a session', async () => {
    const res = await t.call(null, { method: 'GET', url: '/api/public/skhcn-qng/models?q=nong%20dan' });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { name: string; replications: number }[] }).items;
    expect(items).toEqual([
      expect.objectContaining({ name: 'Cán bộ khoa học đồng hành cùng nông dân ứng dụng tiến bộ kỹ thuật', replications: 1 }),
    ]);
    const everything = (await t.call(null, { method: 'GET', url: '/api/public/skhcn-qng/models' })).json() as { items: unknown[] };
    expect(everything.items).toHaveLength(2);
  });
});

describe('a model from registration to replication', () => {
  let id: string;
  let version: number;
  const base = () => ({
    name: 'Phòng họp không giấy gắn với lấy ý kiến công chức',
    unitId: unitId.QLKH!,
    situation: 'Tài liệu họp in nhiều, công chức ít góp ý.',
    objectives: 'Giảm 80% giấy in; mọi dự thảo đều có góp ý trực tuyến.',
    criteria: 'Số trang in; số góp ý',
    content: 'Dự thảo gửi qua hệ thống, góp ý trước cuộc họp.',
    area: 'Phòng Quản lý khoa học',
    beneficiaries: 'Công chức của Phòng',
    forces: 'Trưởng phòng, chuyên viên',
    resources: 'Không phát sinh kinh phí',
    startedOn: '2026-01-05',
    milestones: '',
    evaluationDue: '2026-11-30',
    outputs: 'Biên bản họp',
    sustainability: 'Áp dụng được cho mọi phòng',
  });

  it('a unit head registers only for their own unit; staff may not register', async () => {
    expect((await t.call(head, { method: 'POST', url: '/api/models', payload: { ...base(), unitId: unitId.KHTC } })).statusCode).toBe(403);
    expect((await t.call(staff, { method: 'POST', url: '/api/models', payload: base() })).statusCode).toBe(403);
    const bad = await t.call(head, { method: 'POST', url: '/api/models', payload: { ...base(), name: '', startedOn: '2026-02-30' } });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['name', 'startedOn']);
    const res = await t.call(head, { method: 'POST', url: '/api/models', payload: base() });
    expect(res.statusCode).toBe(200);
    id = res.json().id;
    version = res.json().version;
    expect(res.json()).toMatchObject({ status: 'registered', can: { update: true, evaluate: false } });
  });

  it('refuses a stale edit and an evaluation before launch', async () => {
    const ok = await t.call(head, { method: 'PATCH', url: `/api/models/${id}`, payload: { version, area: 'Phòng QLKH và Văn phòng' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.call(head, { method: 'PATCH', url: `/api/models/${id}`, payload: { version, area: 'x' } })).statusCode).toBe(409);
    version = ok.json().version;
    const early = await t.call(office, {
      method: 'POST',
      url: `/api/models/${id}/evaluations`,
      payload: { evaluatedOn: '2026-11-01', council: 'Hội đồng', members: [{ name: 'A', scores: all(9) }] },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('MODEL_WRONG_STATE');
  });

  it('launches, takes evidence, is evaluated by the Office only, then commended and replicated', async () => {
    const launched = await t.call(head, { method: 'POST', url: `/api/models/${id}/transition`, payload: { action: 'launch', version } });
    expect(launched.json().status).toBe('launched');
    const ev = await t.call(head, {
      method: 'POST',
      url: `/api/models/${id}/evidence`,
      payload: { recordedOn: '2026-06-30', note: 'Giảm 85% giấy in', figures: [{ label: 'Giấy in giảm', value: 85, unit: '%' }] },
    });
    expect(ev.statusCode).toBe(200);
    expect(ev.json().evidence).toHaveLength(1);
    const payload = {
      evaluatedOn: '2026-11-01',
      council: 'Hội đồng đánh giá mô hình',
      passMark: 70,
      members: [
        { name: 'A', scores: all(7) },
        { name: 'B', scores: { ...all(7), effect: 6 } },
      ],
    };
    expect((await t.call(head, { method: 'POST', url: `/api/models/${id}/evaluations`, payload })).statusCode).toBe(403);
    const failed = await t.call(office, { method: 'POST', url: `/api/models/${id}/evaluations`, payload });
    expect(failed.json()).toMatchObject({ status: 'launched', evaluations: [{ score: 69.17, passed: false }] });
    const passed = await t.call(office, {
      method: 'POST',
      url: `/api/models/${id}/evaluations`,
      payload: { ...payload, evaluatedOn: '2026-11-20', members: [{ name: 'A', scores: all(8) }] },
    });
    expect(passed.json()).toMatchObject({ status: 'evaluated', can: { commend: true } });
    const commend = {
      action: 'commend',
      version: passed.json().version,
      level: 'agency',
      decisionRef: '10/QĐ-SKHCN',
      recognizedOn: '2026-11-25',
    };
    expect((await t.call(head, { method: 'POST', url: `/api/models/${id}/transition`, payload: commend })).statusCode).toBe(403);
    const commended = await t.call(office, { method: 'POST', url: `/api/models/${id}/transition`, payload: commend });
    expect(commended.json()).toMatchObject({ status: 'commended', recognitionLevel: 'agency' });
    const same = await t.call(head, {
      method: 'POST',
      url: `/api/models/${id}/replications`,
      payload: { unitId: unitId.QLKH, startedOn: '2026-12-01' },
    });
    expect(same.statusCode).toBe(400);
    const rep = await t.call(head, {
      method: 'POST',
      url: `/api/models/${id}/replications`,
      payload: { agencyName: 'Sở Tư pháp tỉnh Quảng Ngãi', startedOn: '2026-12-01' },
    });
    expect(rep.json()).toMatchObject({ status: 'replicated', replicationList: [{ where: 'Sở Tư pháp tỉnh Quảng Ngãi' }] });
  });

  it('audits every step', async () => {
    const res = await t.call(office, { method: 'GET', url: `/api/audit?entityType=dv_model&entityId=${id}` });
    const actions = (res.json() as { rows: { action: string }[] }).rows.map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'dv_model.create',
        'dv_model.update',
        'dv_model.launch',
        'dv_model.evidence',
        'dv_model.evaluate',
        'dv_model.commend',
        'dv_model.replicate',
      ]),
    );
  });

  it('contributes its count to the reports’ "models" indicator', async () => {
    const n = await t.system('2026-12-06', async (ctx) => {
      const ind = ctx.modules.indicators().find((i) => i.code === 'models')!;
      return ind.compute(ctx, { unitId: unitId.QLKH!, from: '2026-01-01', to: '2026-12-31' });
    });
    expect(n.value).toBe(1);
  });
});
