/**
 * Demo data of the `surveys` module (issue 13): the Sở's 2026 SIPAS survey of its administrative
 * services on the 2017 model (QĐ 2640/QĐ-BNV, 5 elements, 22 criteria), open on the portal, with
 * about 300 answers over the year (some entered from paper forms), an internal staff survey, and
 * the province's SIPAS, PAPI and PCI for 2021–2025 with targets (illustrative figures for the demo,
 * marked as such in their source).
 */
import { addDays } from '../../../domain';
import type { TAnswers, TSurveyDefinition } from '../../../contracts/surveys';
import { surveyMethod } from '../../../domain/surveys';
import { recordAudit } from '../../platform/audit';
import type { SeedContext } from '../../platform/module';
import { saveExternalIndex } from './indices';
import { createSurvey, enterPaperResponse, setSurveyStatus } from './service';
import { surveyResponses } from './tables';

/** A small deterministic generator, so the demo is the same on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 2017-model questionnaire: one 5-point question per criterion, a section per element, then open questions. */
export function sipas2017Definition(services: TSurveyDefinition['services']): TSurveyDefinition {
  const m = surveyMethod('SIPAS-2017')!;
  return {
    services,
    sections: [
      ...m.elements.map((e) => ({
        id: `e${e.code}`,
        title: `${e.code}. ${e.vi}`,
        questions: e.criteria.map((c) => ({
          id: `q${c.code.replace('.', '_')}`,
          type: 'scale5' as const,
          text: c.vi,
          required: false,
          options: [],
          criterion: c.code,
          showIf: null,
        })),
      })),
      {
        id: 'khac',
        title: 'Thông tin thêm',
        questions: [
          {
            id: 'kenh',
            type: 'single' as const,
            text: 'Ông/bà nộp hồ sơ qua hình thức nào?',
            required: false,
            options: [
              { value: 'truc-tiep', label: 'Trực tiếp tại Bộ phận Một cửa' },
              { value: 'truc-tuyen', label: 'Dịch vụ công trực tuyến' },
              { value: 'buu-chinh', label: 'Qua dịch vụ bưu chính công ích' },
            ],
            criterion: null,
            showIf: null,
          },
          {
            id: 'lan',
            type: 'single' as const,
            text: 'Ông/bà có phải đi lại nhiều lần để hoàn thiện hồ sơ không?',
            required: false,
            options: [
              { value: 'khong', label: 'Không' },
              { value: 'co', label: 'Có' },
            ],
            criterion: null,
            showIf: null,
          },
          {
            id: 'solan',
            type: 'single' as const,
            text: 'Bao nhiêu lần?',
            required: false,
            options: [
              { value: '2', label: '2 lần' },
              { value: '3', label: '3 lần' },
              { value: '4+', label: 'Từ 4 lần trở lên' },
            ],
            criterion: null,
            showIf: { question: 'lan', anyOf: ['co'] },
          },
          {
            id: 'gopy',
            type: 'text' as const,
            text: 'Ông/bà có góp ý gì để Sở phục vụ tốt hơn?',
            required: false,
            options: [],
            criterion: null,
            showIf: null,
          },
        ],
      },
    ],
  };
}

export async function seedSurveysDemo(ctx: SeedContext): Promise<void> {
  const u = (code: string) => ctx.unitIdByCode[code] ?? null;
  const services = [
    { code: 'dk-nhiemvu', name: 'Đăng ký, lưu giữ kết quả nhiệm vụ khoa học và công nghệ', unitId: u('QLKH') },
    { code: 'cgcn', name: 'Cấp giấy chứng nhận đăng ký chuyển giao công nghệ', unitId: u('QLCN') },
    { code: 'buc-xa', name: 'Cấp giấy phép tiến hành công việc bức xạ (X-quang y tế)', unitId: u('QLCNg') },
    { code: 'do-luong', name: 'Kiểm định, hiệu chuẩn phương tiện đo', unitId: u('CCTDC') },
    { code: 'buu-chinh', name: 'Cấp giấy phép bưu chính', unitId: u('BCVT-CDS') },
  ];
  const year = Number(ctx.today.slice(0, 4));
  const def = sipas2017Definition(services);
  const survey = await ctx.as('vanphong', async (uc) => {
    const s = await createSurvey(uc, {
      title: `Khảo sát sự hài lòng (SIPAS) về dịch vụ hành chính công của Sở năm ${year}`,
      description:
        'Phiếu khảo sát theo Quyết định 2640/QĐ-BNV (5 yếu tố, 22 tiêu chí). Mức 1: rất không hài lòng … 5: rất hài lòng. Phiếu không ghi tên; câu trả lời không gắn với người trả lời.',
      audience: 'public',
      methodCode: 'SIPAS-2017',
      opensOn: `${year}-01-01`,
      closesOn: `${year}-12-31`,
      quota: 400,
      // A sample spread over the services: 80 responses for each (QĐ 2640/QĐ-BNV, DOMAIN.md §3.1).
      quotas: services.map((x) => ({ kind: 'service' as const, value: x.code, target: 80 })),
      definition: def,
    });
    await setSurveyStatus(uc, s.id, 'open', 1);
    return s;
  });

  // ~300 answers over the year up to today: about 260 through the portal, 40 from paper forms.
  const rand = rng(2026);
  const satisfaction: Record<string, number> = { 'dk-nhiemvu': 0.9, cgcn: 0.82, 'buc-xa': 0.86, 'do-luong': 0.74, 'buu-chinh': 0.8 };
  const start = `${year}-01-05`;
  const span = Math.max(1, Math.round((Date.parse(ctx.today) - Date.parse(start)) / 86_400_000));
  const questions = def.sections.flatMap((s) => s.questions);
  const answer = (svc: string): TAnswers => {
    const p = satisfaction[svc]!;
    const out: TAnswers = {};
    for (const q of questions) {
      if (q.type === 'scale5') {
        const r = rand();
        // Some leave a criterion blank (no answer), as on real forms.
        out[q.id] = r < 0.04 ? null : rand() < p ? (rand() < 0.45 ? 5 : 4) : rand() < 0.6 ? 3 : rand() < 0.7 ? 2 : 1;
      }
    }
    out.kenh = rand() < 0.55 ? 'truc-tiep' : rand() < 0.8 ? 'truc-tuyen' : 'buu-chinh';
    out.lan = rand() < 0.85 ? 'khong' : 'co';
    if (out.lan === 'co') out.solan = rand() < 0.7 ? '2' : '3';
    return out;
  };
  const pick = () => services[Math.floor(rand() * services.length)]!;
  const portal: (typeof surveyResponses.$inferInsert)[] = [];
  for (let i = 0; i < 262; i++) {
    const svc = pick();
    portal.push({
      tenantId: ctx.tenantId,
      surveyId: survey.id,
      versionNumber: 1,
      channel: 'public',
      answeredOn: addDays(start, Math.floor(rand() * span)),
      service: svc.code,
      unitId: svc.unitId,
      answers: answer(svc.code),
    });
  }
  await ctx.db.withTenant({ tenantId: ctx.tenantId }, async (tx) => {
    for (let i = 0; i < portal.length; i += 100) await tx.insert(surveyResponses).values(portal.slice(i, i + 100));
    await recordAudit(
      tx,
      { tenantId: ctx.tenantId, userId: null, name: 'Dữ liệu mẫu' },
      {
        action: 'survey.respond',
        entityType: 'survey',
        entityId: survey.id,
        summary: `${portal.length} câu trả lời mẫu qua cổng`,
      },
    );
  });
  await ctx.as('cvvp', async (uc) => {
    for (let i = 0; i < 40; i++) {
      const svc = pick();
      await enterPaperResponse(uc, survey.id, {
        answeredOn: addDays(start, Math.floor(rand() * span)),
        service: svc.code,
        answers: answer(svc.code),
      });
    }
  });

  // An internal staff survey (anonymous), open for the staff to answer.
  await ctx.as('vanphong', async (uc) => {
    const s = await createSurvey(uc, {
      title: `Khảo sát nội bộ về thực hiện dân chủ trong cơ quan năm ${year}`,
      description: 'Dành cho cán bộ, công chức, viên chức của Sở; không ghi tên, câu trả lời không gắn với người trả lời.',
      audience: 'staff',
      methodCode: null,
      opensOn: `${year}-11-01`,
      closesOn: `${year}-12-31`,
      quota: null,
      quotas: [],
      definition: {
        services: [],
        sections: [
          {
            id: 'chung',
            title: 'Đánh giá chung',
            questions: [
              {
                id: 'congkhai',
                type: 'scale5',
                text: 'Việc công khai thông tin trong cơ quan (Điều 46 Luật 10/2022/QH15)',
                required: true,
                options: [],
                criterion: null,
                showIf: null,
              },
              {
                id: 'gopy',
                type: 'multiple',
                text: 'Ông/bà đã góp ý qua những hình thức nào trong năm?',
                required: false,
                options: [
                  { value: 'hoinghi', label: 'Hội nghị cán bộ, công chức' },
                  { value: 'vanban', label: 'Góp ý dự thảo bằng văn bản' },
                  { value: 'hopthu', label: 'Hộp thư góp ý' },
                ],
                criterion: null,
                showIf: null,
              },
              { id: 'ykien', type: 'text', text: 'Ý kiến khác', required: false, options: [], criterion: null, showIf: null },
            ],
          },
        ],
      },
    });
    await setSurveyStatus(uc, s.id, 'open', 1);
  });

  // The province's published indices, entered by the Office (illustrative demo figures).
  const source = 'Số liệu minh họa cho bản demo (nhập từ công bố của Bộ Nội vụ, UNDP, VCCI)';
  const figures: [string, string, number, number, number | null][] = [
    ['SIPAS', '', 2021, 83.1, 85],
    ['SIPAS', '', 2022, 81.9, 85],
    ['SIPAS', '', 2023, 83.6, 85],
    ['SIPAS', '', 2024, 84.9, 86],
    ['SIPAS', '', 2025, 85.7, 87],
    ['PAPI', '', 2021, 42.1, 43],
    ['PAPI', '', 2022, 42.8, 43],
    ['PAPI', '', 2023, 43.4, 44],
    ['PAPI', '', 2024, 43.9, 44],
    ['PAPI', '', 2025, 44.6, 45],
    ['PCI', '', 2021, 64.2, 65],
    ['PCI', '', 2022, 63.5, 65],
    ['PCI', '', 2023, 65.1, 66],
    ['PCI', '', 2024, 66.0, 67],
    ['PCI', '', 2025, 66.8, 68],
  ];
  await ctx.as('vanphong', async (uc) => {
    for (const [index, dimension, y, value, target] of figures) {
      await saveExternalIndex(uc, { index: index as 'SIPAS' | 'PAPI' | 'PCI', dimension, year: y, value, target, rank: null, source });
    }
  });
}
