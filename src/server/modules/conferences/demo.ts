/**
 * Demo data of the `conferences` module: the 2026 staff conference of the Sở (two documents
 * circulated on 27/01/2026, held 06/02/2026,
 * attendance above 2/3, three resolution items of which one — a voluntary contribution, Art.
 * 49(2) — failed with many abstentions, the People's Inspection Board elected, the first 6-monthly
 * review done), and two consultations: the draft 2027 democracy plan, open now (two comments, the
 * browser journey adds one), and the amended democracy regulation, closed, every comment
 * classified, the explanation published and the regulation issued as version 1 (disclosed, Art. 46(9)).
 */
import { addDays } from '../../../domain';
import { storeFile } from '../../platform/files';
import type { ActorContext, SeedContext } from '../../platform/module';
import {
  addDocument,
  addItem,
  adoptResolution,
  createConference,
  recordAttendance,
  recordReview,
  updateAgenda,
  voteItem,
} from './conference-service';
import { addComment, classifyComment, createConsultation, getConsultation, publishExplanation } from './consultation-service';
import { issueRegulation } from './regulation-service';

const PLAN_2027 = [
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Triển khai đầy đủ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 trong hoạt động của Sở; phát huy quyền làm chủ của cán bộ, công chức, viên chức, người lao động.',
  '2. Công khai kịp thời các nội dung theo Điều 46; không để niêm yết văn bản đã hết hiệu lực.',
  'II. NỘI DUNG THỰC HIỆN',
  '1. Tổ chức Hội nghị cán bộ, công chức, viên chức, người lao động năm 2027 chậm nhất ngày 31/3/2027.',
  '2. Lấy ý kiến cán bộ, công chức về dự thảo quy chế chi tiêu nội bộ năm 2027 trong quý I.',
  '3. Mỗi phòng, đơn vị xây dựng ít nhất 01 mô hình "Dân vận khéo" trong năm.',
  '4. Kiểm tra việc thực hiện nghị quyết hội nghị định kỳ 06 tháng và thông báo kết quả đến toàn thể cán bộ.',
  'III. TỔ CHỨC THỰC HIỆN',
  'Văn phòng Sở là cơ quan thường trực, tham mưu tổng hợp, báo cáo kết quả 6 tháng và năm.',
].join('\n');

const REGULATION = [
  'Chương I. QUY ĐỊNH CHUNG',
  'Điều 1. Quy chế này quy định nội dung, hình thức thực hiện dân chủ trong hoạt động của Sở Khoa học và Công nghệ.',
  'Điều 2. Người đứng đầu phối hợp với Ban Chấp hành Công đoàn cơ sở tổ chức thực hiện quy chế.',
  'Chương II. NHỮNG NỘI DUNG CÁN BỘ, CÔNG CHỨC ĐƯỢC BIẾT, THAM GIA Ý KIẾN',
  'Điều 3. Các nội dung công khai theo Điều 46 Luật số 10/2022/QH15 được đăng trên Trang thông tin điện tử nội bộ ít nhất 20 ngày liên tục.',
  'Điều 4. Dự thảo quy chế, kế hoạch được gửi lấy ý kiến ít nhất 10 ngày làm việc trước khi ban hành.',
  'Chương III. HỘI NGHỊ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG',
  'Điều 5. Hội nghị tổ chức mỗi năm một lần, chậm nhất trong quý I của năm sau.',
].join('\n');

const day = (ctx: ActorContext, today: string): ActorContext => ({ ...ctx, today });

export async function seedConferencesDemo(ctx: SeedContext): Promise<void> {
  // ---- the 2026 staff conference ----
  const conf = await ctx.as('vanphong', async (uc) => {
    let c = await createConference(day(uc, '2026-01-20'), { year: 2026, kind: 'annual', scheduledOn: '2026-02-06' });
    // Documents circulated before the conference, so that staff come prepared (Art. 51).
    const circulated: [string, string][] = [
      ['Báo cáo kết quả thực hiện nhiệm vụ năm 2025, phương hướng năm 2026', 'Bao-cao-nam-2025.txt'],
      ['Dự thảo Quy chế chi tiêu nội bộ năm 2026', 'Du-thao-quy-che-chi-tieu-2026.txt'],
    ];
    for (const [title, filename] of circulated) {
      const f = await storeFile(uc.tx, {
        tenantId: ctx.tenantId,
        filename,
        declaredType: 'text/plain',
        data: Buffer.from(`${title}\n(Tệp mẫu của dữ liệu demo)\n`, 'utf8'),
        maxBytes: 1_000_000,
        uploadedBy: uc.actor.userId,
      });
      c = await addDocument(day(uc, '2026-01-27'), c.id, { title, fileId: f.id, circulatedOn: '2026-01-27' });
    }
    const present = Math.ceil(c.convened * 0.86);
    c = await recordAttendance(day(uc, '2026-02-06'), c.id, { heldOn: '2026-02-06', present, version: c.version });
    c = await updateAgenda(uc, c.id, { done: c.agenda.map((a) => a.key), version: c.version });
    const titles = [
      'Thông qua báo cáo kết quả thực hiện nhiệm vụ năm 2025 và phương hướng, nhiệm vụ năm 2026',
      'Thông qua Quy chế chi tiêu nội bộ năm 2026 (nâng mức hỗ trợ công tác phí cho cán bộ đi cơ sở)',
      'Đóng góp Quỹ xã hội từ thiện của cơ quan 100.000 đồng/người/tháng (Điều 49 khoản 2)',
    ];
    for (const t of titles) c = await addItem(uc, c.id, t);
    const votes = [
      { yes: present - 2, no: 0, abstain: 2 },
      { yes: present - 8, no: 3, abstain: 5 },
      { yes: Math.floor(present / 2), no: 6, abstain: present - Math.floor(present / 2) - 6 },
    ];
    for (const [i, v] of votes.entries()) c = await voteItem(uc, c.id, c.resolutions[i]!.id, v);
    // No board election in 2026: the board elected at the 2025 conference serves 2025–2027 (the
    // inspection module's demo); the 2027 conference elects the next one (Law 10/2022 Art. 60(3)).
    c = await adoptResolution(uc, c.id, { adoptedOn: '2026-02-06', resolutionNumber: '01/NQ-HNCBCCVC', version: c.version });
    return c;
  });
  if (ctx.today >= '2026-08-05')
    await ctx.as('congdoan', (uc) =>
      recordReview(uc, conf.id, {
        reviewedOn: '2026-07-31',
        staffInformedOn: '2026-08-05',
        summary:
          'Sau 6 tháng: hoàn thành 9/12 chỉ tiêu của nghị quyết; Quy chế chi tiêu nội bộ 2026 áp dụng từ 01/3/2026; còn chậm việc số hóa hồ sơ một cửa (chuyển sang quý IV). Đã thông báo tại giao ban và trên Trang thông tin nội bộ ngày 05/8/2026.',
      }),
    );

  // ---- the amended democracy regulation: closed, classified, explained ----
  const regOpens = addDays(ctx.today, -75);
  const regCloses = addDays(ctx.today, -45);
  const reg = await ctx.as('vanphong', (uc) =>
    createConsultation(day(uc, addDays(regOpens, -3)), {
      title: 'Dự thảo Quy chế thực hiện dân chủ trong hoạt động của Sở (sửa đổi, bổ sung)',
      matter: 8,
      draft: REGULATION,
      forms: ['meeting', 'written', 'union'],
      audience: 'all',
      opensOn: regOpens,
      closesOn: regCloses,
      allowAnonymous: true,
    }),
  );
  const during = addDays(regOpens, 5);
  const regComments: [string, number, string, boolean][] = [
    ['canbo', 5, 'Đề nghị bổ sung việc gửi dự thảo qua thư điện tử cho cán bộ đi công tác dài ngày.', true],
    ['congdoan', 4, 'Đề nghị ghi rõ Công đoàn được gửi dự thảo đồng thời với cán bộ để giám sát (Điều 55).', false],
    ['truongphong', 7, 'Đề nghị tổ chức hội nghị trước ngày 15/3 để kịp giao chỉ tiêu quý II.', false],
    ['tpqlcn', 2, 'Đề nghị bỏ quy định phối hợp vì Luật đã quy định.', false],
  ];
  for (const [user, paragraph, body, anonymous] of regComments)
    await ctx.as(user, (uc) => addComment(day(uc, during), reg.id, { paragraph, body, anonymous }));
  await ctx.as('vanphong', async (uc) => {
    const at = day(uc, addDays(regCloses, 3));
    let c = await getConsultation(at, reg.id);
    const outcomes: [string, 'accepted' | 'partly' | 'rejected', string | null][] = [
      ['thư điện tử', 'accepted', null],
      ['Công đoàn', 'accepted', null],
      ['15/3', 'partly', 'Giữ thời hạn theo Điều 51 khoản 1 Luật (chậm nhất 03 tháng); khuyến khích tổ chức trong tháng 3.'],
      ['bỏ quy định', 'rejected', 'Điều 59 khoản 1 Luật yêu cầu người đứng đầu ban hành quy chế cùng công đoàn; giữ nguyên.'],
    ];
    for (const [match, outcome, reason] of outcomes) {
      const x = c.commentList.find((k) => k.body.includes(match))!;
      c = await classifyComment(at, reg.id, x.id, { outcome, reason });
    }
    c = await publishExplanation(day(uc, addDays(regCloses, 7)), reg.id, {
      explanation:
        'Văn phòng Sở đã tổng hợp 04 ý kiến: tiếp thu 02 ý kiến, tiếp thu một phần 01 ý kiến, không tiếp thu 01 ý kiến (nêu lý do từng ý kiến). Quy chế được ban hành sau khi thống nhất với Ban Chấp hành Công đoàn cơ sở.',
      version: c.version,
    });
    // Art. 59: the head issues the regulation with the union; version 1, itself disclosed (Art. 46(9)).
    const issuedOn = addDays(regCloses, 12);
    await issueRegulation(day(uc, issuedOn), reg.id, { issuedOn, decisionRef: '125/QĐ-SKHCN', version: c.version });
  });

  // ---- the 2027 democracy plan: open now ----
  const plan = await ctx.as('vanphong', (uc) =>
    createConsultation(day(uc, addDays(ctx.today, -6)), {
      title: 'Dự thảo Kế hoạch thực hiện dân chủ ở cơ sở năm 2027',
      matter: 2,
      draft: PLAN_2027,
      forms: ['written', 'box_or_system'],
      audience: 'all',
      opensOn: addDays(ctx.today, -5),
      closesOn: addDays(ctx.today, 10),
      allowAnonymous: true,
    }),
  );
  await ctx.as('tpkhtc', (uc) =>
    addComment(uc, plan.id, {
      paragraph: 6,
      body: 'Đề nghị lấy ý kiến quy chế chi tiêu nội bộ ngay trong tháng 01/2027 để kịp áp dụng từ quý I.',
    }),
  );
  await ctx.as('thanhtra', (uc) =>
    addComment(uc, plan.id, {
      paragraph: 8,
      body: 'Đề nghị giao Ban Thanh tra nhân dân tham gia kiểm tra 6 tháng cùng công đoàn.',
      anonymous: true,
    }),
  );
}
