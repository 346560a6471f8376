/**
 * Demo of the rating of dân vận work (issue #12). The criteria of Quảng Ngãi 436/QĐ-UBND/2019 are
 * not public (DOMAIN.md §4), so the demo sets are modelled on the structure §4 describes — a
 * 100-point scale in seven groups, deductions, capped bonuses, four bands — and say so in their
 * basis; the Office replaces them with the real decision. A 2026 version adds the items of Law
 * 10/2022 (publicity, consultation, the People's Inspection Board), read from the modules that
 * will contribute them. The 2025 ratings are published (one appeal answered), the 2026 ones are
 * under way; commendation proposals follow, two of them decided.
 */
import type { CriteriaSetBody } from '../../../domain/ratings/score';
import { storeFile } from '../../platform/files';
import type { ActorContext, SeedContext } from '../../platform/module';
import {
  appealRating,
  appraise,
  getUnitRating,
  listCommendations,
  proposeCommendations,
  publishYear,
  saveCriteriaSet,
  selfAssess,
  updateCommendation,
} from './service';

const BANDS = [
  { name: 'Tốt', min: 90 },
  { name: 'Khá', min: 70 },
  { name: 'Trung bình', min: 50 },
  { name: 'Yếu', min: 0 },
];

const SET_2019: CriteriaSetBody = {
  bands: BANDS,
  bonusCap: 5,
  allowNegative: false,
  appealDays: 10,
  groups: [
    {
      code: 'I',
      title: 'Lãnh đạo, chỉ đạo công tác dân vận',
      items: [
        {
          code: '1.1',
          title: 'Ban hành kế hoạch công tác dân vận năm đúng thời gian',
          kind: 'score',
          max: 10,
          evidence: 'Kế hoạch năm của đơn vị',
        },
        {
          code: '1.2',
          title: 'Quán triệt, tuyên truyền về dân vận và dân chủ ở cơ sở',
          kind: 'score',
          max: 10,
          evidence: 'Biên bản, danh sách tham dự',
        },
      ],
    },
    {
      code: 'II',
      title: 'Thực hiện quy chế dân chủ trong cơ quan',
      items: [
        {
          code: '2.1',
          title: 'Công khai nội dung theo quy định',
          kind: 'score',
          max: 10,
          indicator: 'disclosures_published_on_time',
          evidence: 'Thông báo công khai',
        },
        { code: '2.2', title: 'Hội nghị cán bộ, công chức; hoạt động Ban Thanh tra nhân dân', kind: 'score', max: 10 },
      ],
    },
    {
      code: 'III',
      title: 'Cải cách hành chính, văn hóa công vụ',
      items: [{ code: '3.1', title: 'Kết quả cải cách hành chính, thái độ phục vụ', kind: 'score', max: 15 }],
    },
    {
      code: 'IV',
      title: 'Tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh',
      items: [
        { code: '4.1', title: 'Lãnh đạo tiếp công dân định kỳ', kind: 'score', max: 10, indicator: 'reception_sessions', perUnit: 2.5 },
        { code: '4.2', title: 'Giải quyết đơn thư đúng thời hạn', kind: 'score', max: 10, indicator: 'cases_overdue', perUnit: -2.5 },
      ],
    },
    {
      code: 'V',
      title: 'Phối hợp với Mặt trận Tổ quốc và các đoàn thể',
      items: [{ code: '5.1', title: 'Phối hợp giám sát, phản biện xã hội', kind: 'score', max: 10 }],
    },
    {
      code: 'VI',
      title: 'Phong trào thi đua “Dân vận khéo”',
      items: [{ code: '6.1', title: 'Xây dựng, duy trì mô hình “Dân vận khéo”', kind: 'score', max: 10, indicator: 'models', perUnit: 5 }],
    },
    {
      code: 'VII',
      title: 'Chế độ thông tin, báo cáo',
      items: [{ code: '7.1', title: 'Báo cáo đầy đủ, đúng hạn', kind: 'score', max: 5, indicator: 'reports_late', perUnit: -2.5 }],
    },
    {
      code: 'T',
      title: 'Điểm trừ',
      items: [
        { code: 'T.1', title: 'Đơn thư quá hạn giải quyết', kind: 'deduction', max: 5, indicator: 'cases_overdue', perUnit: 1 },
        { code: 'T.2', title: 'Vi phạm được cơ quan có thẩm quyền kết luận', kind: 'deduction', max: 10 },
      ],
    },
    {
      code: 'B',
      title: 'Điểm thưởng (tối đa 5 điểm)',
      items: [
        { code: 'B.1', title: 'Mô hình “Dân vận khéo” được công nhận', kind: 'bonus', max: 3, indicator: 'models_recognised', perUnit: 2 },
        {
          code: 'B.2',
          title: 'Được khen thưởng về công tác dân vận',
          kind: 'bonus',
          max: 2,
          indicator: 'commendations_received',
          perUnit: 1,
        },
      ],
    },
  ],
};

/** The 2026 version: group II split along Law 10/2022 (publicity, consultation, the Inspection Board). */
const SET_2026: CriteriaSetBody = {
  ...SET_2019,
  groups: SET_2019.groups.map((g) =>
    g.code !== 'II'
      ? g
      : {
          code: 'II',
          title: 'Thực hiện dân chủ trong cơ quan (Luật 10/2022/QH15)',
          items: [
            {
              code: '2.1',
              title: 'Công khai đúng hạn (Điều 46–48)',
              kind: 'score' as const,
              max: 6,
              indicator: 'disclosures_published_on_time',
              evidence: 'Thông báo công khai',
            },
            {
              code: '2.2',
              title: 'Lấy ý kiến cán bộ, công chức (Điều 53–55)',
              kind: 'score' as const,
              max: 5,
              indicator: 'consultations_held',
              perUnit: 2.5,
            },
            {
              code: '2.3',
              title: 'Hội nghị cán bộ, công chức (Điều 49–52)',
              kind: 'score' as const,
              max: 5,
              indicator: 'conference_on_time',
              perUnit: 5,
            },
            {
              code: '2.4',
              title: 'Kiến nghị của Ban Thanh tra nhân dân được trả lời đúng hạn (Điều 63)',
              kind: 'score' as const,
              max: 4,
              indicator: 'inspection_recommendations_on_time',
            },
          ],
        },
  ),
};

/** Each unit's share of the maximum, for the demo's self-assessments. */
const SHARE: Record<string, number> = { VP: 0.95, KHTC: 0.86, QLCN: 0.74, 'BCVT-CDS': 0.88, CCTDC: 0.93, TTUD: 0.96, QLKH: 0.9 };
const HEADS: Record<string, string> = {
  VP: 'vanphong',
  KHTC: 'tpkhtc',
  QLCN: 'tpqlcn',
  'BCVT-CDS': 'tpcds',
  CCTDC: 'cccctdc',
  TTUD: 'gdttud',
  QLKH: 'truongphong',
};

/** Points a demo unit gives itself: the pulled suggestion where there is one, else its share of the maximum. */
async function selfPoints(c: ActorContext, year: number, unitId: string, share: number, withFile?: string) {
  const sheet = await getUnitRating(c, year, unitId);
  const items: Record<string, { self: number | null; note: string; attachmentIds: string[] }> = {};
  for (const g of sheet.groups)
    for (const it of g.items) {
      const suggested = it.pulled?.suggested ?? null;
      const pulled = it.kind !== 'score' && suggested !== null;
      const self = it.kind === 'score' ? Math.round(it.max * share * 2) / 2 : (suggested ?? 0);
      items[it.code] = { self, note: pulled ? `Theo số liệu hệ thống: ${it.pulled?.how ?? ''}` : '', attachmentIds: [] };
    }
  if (withFile) {
    const f = await storeFile(c.tx, {
      tenantId: c.actor.tenantId,
      filename: withFile,
      declaredType: 'text/plain',
      data: Buffer.from(`Kế hoạch công tác dân vận năm ${year} của đơn vị (bản demo).\n`, 'utf8'),
      maxBytes: 1_000_000,
      uploadedBy: c.actor.userId,
    });
    items['1.1'] = { ...items['1.1']!, note: `Kế hoạch ban hành tháng 01/${year}`, attachmentIds: [f.id] };
  }
  return { version: sheet.version, items, sheet };
}

export async function seedRatingsDemo(ctx: SeedContext): Promise<void> {
  const u = (code: string) => ctx.unitIdByCode[code]!;
  const on = (c: ActorContext, today: string): ActorContext => ({ ...c, today });
  await ctx.as('vanphong', async (c) => {
    await saveCriteriaSet(c, {
      name: 'Bộ tiêu chí đánh giá công tác dân vận chính quyền (mẫu)',
      basis:
        'Mẫu theo cấu trúc Quyết định 436/QĐ-UBND năm 2019 của UBND tỉnh Quảng Ngãi (văn bản chưa công khai; Văn phòng thay bằng bộ tiêu chí chính thức)',
      effectiveFrom: '2019-03-01',
      body: SET_2019,
    });
    await saveCriteriaSet(c, {
      name: 'Bộ tiêu chí đánh giá công tác dân vận chính quyền (mẫu, cập nhật Luật 10/2022/QH15)',
      basis: 'Mẫu cập nhật theo Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15 và Nghị định 59/2023/NĐ-CP',
      effectiveFrom: '2026-01-01',
      body: SET_2026,
    });
  });

  // 2025: every unit with a head rates itself in January 2026; the Office appraises and publishes.
  for (const [code, user] of Object.entries(HEADS)) {
    await ctx.as(user, async (c) => {
      const p = await selfPoints(
        on(c, '2026-01-10'),
        2025,
        u(code),
        SHARE[code]!,
        code === 'KHTC' ? 'ke-hoach-dan-van-2025.txt' : undefined,
      );
      await selfAssess(on(c, '2026-01-12'), 2025, u(code), { version: p.version, items: p.items, submit: true });
    });
  }
  await ctx.as('vanphong', async (c) => {
    for (const code of Object.keys(HEADS)) {
      const sheet = await getUnitRating(on(c, '2026-01-25'), 2025, u(code));
      const items: Record<string, { appraised: number | null; reason: string }> = {};
      if (code === 'QLCN') items['1.2'] = { appraised: 5, reason: 'Chưa có biên bản quán triệt Kế hoạch năm 2025' };
      if (code === 'KHTC') items['3.1'] = { appraised: 12, reason: 'Còn 01 hồ sơ thủ tục hành chính trễ hạn' };
      await appraise(on(c, '2026-01-25'), 2025, u(code), { version: sheet.version, items });
    }
    await publishYear(on(c, '2026-02-02'), 2025);
  });
  await ctx.as('tpqlcn', async (c) => {
    const sheet = await getUnitRating(on(c, '2026-02-05'), 2025, u('QLCN'));
    await appealRating(on(c, '2026-02-05'), 2025, u('QLCN'), {
      version: sheet.version,
      reason: 'Phòng đã tổ chức quán triệt ngày 20/02/2025, biên bản gửi kèm báo cáo 6 tháng; đề nghị xem xét lại tiêu chí 1.2.',
    });
  });
  await ctx.as('vanphong', async (c) => {
    const sheet = await getUnitRating(on(c, '2026-02-12'), 2025, u('QLCN'));
    await appraise(on(c, '2026-02-12'), 2025, u('QLCN'), {
      version: sheet.version,
      items: { '1.2': { appraised: 7, reason: 'Đã có biên bản quán triệt; trừ điểm vì chưa quán triệt đến người lao động hợp đồng' } },
      answer: 'Chấp nhận một phần kiến nghị: tiêu chí 1.2 được 7/10 điểm.',
    });
    // Proposals for 2025 (ratings "Tốt" and the model recognised in 2025); two are decided.
    await proposeCommendations(on(c, '2026-02-15'), 2025);
    const list = await listCommendations(c, { year: 2025 });
    for (const [i, p] of list.slice(0, 2).entries()) {
      const submitted = await updateCommendation(on(c, '2026-02-16'), p.id, { version: p.version, action: 'submit' });
      await updateCommendation(on(c, '2026-02-26'), p.id, {
        version: submitted.version,
        action: 'decide',
        decisionNumber: `${41 + i}/QĐ-SKHCN`,
        decisionDate: '2026-02-26',
      });
    }
  });

  // The agency's own rating toward the province: 2025 self-assessed by the Office, the
  // province's appraisal recorded and announced; 2026 self-assessed and sent.
  await ctx.as('vanphong', async (c) => {
    const p = await selfPoints(on(c, '2026-01-15'), 2025, 'agency', 0.9);
    await selfAssess(on(c, '2026-01-15'), 2025, 'agency', { version: p.version, items: p.items, submit: true });
    const sheet = await getUnitRating(on(c, '2026-03-10'), 2025, 'agency');
    await appraise(on(c, '2026-03-10'), 2025, 'agency', {
      version: sheet.version,
      items: { '5.1': { appraised: 8, reason: 'Tỉnh thẩm định: chưa có báo cáo kết quả phối hợp giám sát với Mặt trận' } },
    });
    await publishYear(on(c, '2026-03-20'), 2025);
    const p26 = await selfPoints(c, 2026, 'agency', 0.92);
    await selfAssess(c, 2026, 'agency', { version: p26.version, items: p26.items, submit: true });
  });

  // 2026: four units have submitted; the others are still to rate themselves.
  for (const code of ['VP', 'KHTC', 'CCTDC', 'TTUD']) {
    await ctx.as(HEADS[code]!, async (c) => {
      const p = await selfPoints(c, 2026, u(code), SHARE[code]!, code === 'CCTDC' ? 'ke-hoach-dan-van-2026.txt' : undefined);
      await selfAssess(c, 2026, u(code), { version: p.version, items: p.items, submit: true });
    });
  }
}
