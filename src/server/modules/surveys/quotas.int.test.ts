/**
 * Survey quotas (issue 13: "quotas and response progress"): cells per service, unit and screening
 * answer, plus a total target; progress shown on the survey; a public answer in a full cell is
 * refused with a polite 409 (vi + en) and nothing of it is saved — not the answer, not the device.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../platform/tables';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { surveyDevices, surveyResponses } from './tables';

let t: TestApp;
let office: Session;
let unitId: string;
let id: string;
let code: string;

const def = (unit: string) => ({
  services: [
    { code: 'cap-phep', name: 'Cấp giấy phép bưu chính', unitId: unit },
    { code: 'kiem-dinh', name: 'Kiểm định phương tiện đo', unitId: null },
  ],
  sections: [
    {
      id: 's1',
      title: 'Phần 1',
      questions: [
        {
          id: 'tuoi',
          type: 'single',
          text: 'Độ tuổi của ông/bà',
          options: [
            { value: 'duoi-30', label: 'Dưới 30 tuổi' },
            { value: 'tu-60', label: 'Từ 60 tuổi trở lên' },
          ],
        },
        { id: 'hl', type: 'scale5', text: 'Mức hài lòng chung' },
      ],
    },
  ],
});

const base = () => ({
  title: 'Khảo sát có hạn mức',
  audience: 'public',
  methodCode: null,
  opensOn: null,
  closesOn: null,
  quota: 6,
  quotas: [
    { kind: 'service', value: 'cap-phep', target: 2 },
    { kind: 'answer', question: 'tuoi', value: 'tu-60', target: 1 },
  ],
  definition: def(unitId),
});

const answer = (service: string, tuoi: string, deviceKey: string, lang = 'vi') =>
  t.call(null, {
    method: 'POST',
    url: `/api/public/skhcn-qng/surveys/${code}/responses`,
    headers: { 'accept-language': lang },
    payload: { service, answers: { tuoi, hl: 4 }, deviceKey },
  });

async function stored() {
  return t.db.withTenant({ tenantId: t.demoTenantId }, async (tx) => {
    const [r] = await tx.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.surveyId, id));
    const [d] = await tx.select({ n: count() }).from(surveyDevices).where(eq(surveyDevices.surveyId, id));
    return { responses: Number(r!.n), devices: Number(d!.n) };
  });
}

const progress = async () =>
  (await t.call(office, { method: 'GET', url: `/api/surveys/${id}` })).json().quotaProgress as {
    kind: string;
    label: string;
    target: number;
    count: number;
    full: boolean;
  }[];

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  unitId = await t.db.withTenant({ tenantId: t.demoTenantId }, async (tx) => {
    const [u] = await tx.select().from(units).where(eq(units.code, 'BCVT-CDS'));
    return u!.id;
  });
});
afterAll(async () => t?.close());

describe('survey quotas', () => {
  it('refuses quota cells that do not fit the survey, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'service', value: 'khong-co', target: 1 }, 'quotas.0.value'],
      [{ kind: 'answer', question: 'hl', value: '5', target: 1 }, 'quotas.0.question'],
      [{ kind: 'answer', question: 'tuoi', value: 'tu-90', target: 1 }, 'quotas.0.value'],
      [{ kind: 'unit', value: '00000000-0000-4000-8000-000000000000', target: 1 }, 'quotas.0.value'],
      [{ kind: 'service', value: 'cap-phep', target: 7 }, 'quotas.0.target'],
    ];
    for (const [q, field] of cases) {
      const r = await t.call(office, { method: 'POST', url: '/api/surveys', payload: { ...base(), quotas: [q] } });
      expect(r.statusCode, JSON.stringify(q)).toBe(400);
      expect(r.json().error.fields[0].field).toBe(field);
    }
    const dup = await t.call(office, {
      method: 'POST',
      url: '/api/surveys',
      payload: { ...base(), quotas: [base().quotas[0], base().quotas[0]] },
    });
    expect(dup.json().error.fields[0].field).toBe('quotas.1.value');
  });

  it('shows progress, and politely refuses a public answer in a full cell without saving anything', async () => {
    const made = await t.call(office, { method: 'POST', url: '/api/surveys', payload: base() });
    expect(made.statusCode, made.body).toBe(200);
    id = made.json().id;
    await t.call(office, { method: 'POST', url: `/api/surveys/${id}/status`, payload: { status: 'open', version: 1 } });
    const s = (await t.call(office, { method: 'GET', url: `/api/surveys/${id}` })).json();
    code = s.publicCode;
    expect(s.quotas).toHaveLength(2);
    expect((await progress()).map((p) => [p.kind, p.label, p.count, p.target, p.full])).toEqual([
      ['total', 'Khảo sát có hạn mức', 0, 6, false],
      ['service', 'Cấp giấy phép bưu chính', 0, 2, false],
      ['answer', 'Độ tuổi của ông/bà: Từ 60 tuổi trở lên', 0, 1, false],
    ]);

    expect((await answer('cap-phep', 'duoi-30', 'quota-device-000001')).statusCode).toBe(200);
    expect((await answer('cap-phep', 'duoi-30', 'quota-device-000002')).statusCode).toBe(200);
    const before = await stored();
    const refused = await answer('cap-phep', 'duoi-30', 'quota-device-000003');
    expect(refused.statusCode).toBe(409);
    const e = refused.json().error;
    expect(e.code).toBe('SURVEY_QUOTA_FULL');
    expect(e.message).toBe(e.vi);
    expect(e.vi).toContain('“Cấp giấy phép bưu chính”');
    expect(e.vi).toContain('chưa được lưu');
    expect(e.en).toContain('was not saved');
    expect((await answer('cap-phep', 'duoi-30', 'quota-device-000003', 'en')).json().error.message).toContain('Thank you');
    // Nothing kept: no answer, and the device may still answer about another service.
    expect(await stored()).toEqual(before);
    expect((await answer('kiem-dinh', 'duoi-30', 'quota-device-000003')).statusCode).toBe(200);

    // The screening answer's cell: one person of 60 or more, then no more.
    expect((await answer('kiem-dinh', 'tu-60', 'quota-device-000004')).statusCode).toBe(200);
    const old = await answer('kiem-dinh', 'tu-60', 'quota-device-000005');
    expect(old.statusCode).toBe(409);
    expect(old.json().error.vi).toContain('Độ tuổi của ông/bà: Từ 60 tuổi trở lên');

    // A paper form already filled is entered all the same, and counted.
    const paper = await t.call(office, {
      method: 'POST',
      url: `/api/surveys/${id}/paper-responses`,
      payload: { answeredOn: new Date().toISOString().slice(0, 10), service: 'cap-phep', answers: { tuoi: 'duoi-30', hl: 5 } },
    });
    expect(paper.statusCode, paper.body).toBe(200);
    expect((await progress()).map((p) => [p.kind, p.count, p.full])).toEqual([
      ['total', 5, false],
      ['service', 3, true],
      ['answer', 1, true],
    ]);
  });

  it('stops at the total target, and a unit cell counts the services of that unit', async () => {
    expect((await answer('kiem-dinh', 'duoi-30', 'quota-device-000006')).statusCode).toBe(200);
    const full = await answer('kiem-dinh', 'duoi-30', 'quota-device-000007');
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('SURVEY_FULL');
    expect((await stored()).responses).toBe(6);

    const s = (await t.call(office, { method: 'GET', url: `/api/surveys/${id}` })).json();
    const edited = await t.call(office, {
      method: 'PUT',
      url: `/api/surveys/${id}`,
      payload: { ...base(), quota: null, quotas: [{ kind: 'unit', value: unitId, target: 10 }], version: s.version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const p = await progress();
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ kind: 'unit', count: 3, target: 10, full: false });
    expect(p[0]!.label).toMatch(/Bưu chính/i);
    expect((await answer('kiem-dinh', 'duoi-30', 'quota-device-000007')).statusCode).toBe(200);
  });
});
