/**
 * Demo "Dân vận khéo" models of the Sở (issue #12): four models — one commended at agency level
 * and replicated by another unit, one evaluated and recognised in 2026, one running, one stopped —
 * with evidence (a file among them) and council evaluations.
 */
import { storeFile } from '../../platform/files';
import type { SeedContext } from '../../platform/module';
import { addEvaluation, addEvidence, addReplication, createModel, transitionModel } from './service';

const scores = (n: number, creativity = n) => ({
  practicality: n,
  effect: n,
  creativity,
  participation: n,
  sustainability: n,
  replicability: n,
});

export async function seedExemplarsDemo(ctx: SeedContext): Promise<void> {
  const u = (code: string) => {
    const id = ctx.unitIdByCode[code];
    if (!id) throw new Error(`demo unit ${code} missing`);
    return id;
  };
  const council = 'Hội đồng đánh giá mô hình “Dân vận khéo” của Sở';
  const members = (a: number, b: number, c: number) => [
    { name: 'Đặng Quốc Bảo (Giám đốc Sở, Chủ tịch Hội đồng)', scores: scores(a) },
    { name: 'Trần Thị Hương (Chánh Văn phòng)', scores: scores(b) },
    { name: 'Võ Minh Tâm (Chủ tịch Công đoàn)', scores: scores(c, c - 1) },
  ];
  await ctx.as('vanphong', async (c) => {
    // 1. Commended at agency level in 2025, replicated by the Sub-department in 2026.
    let m = await createModel(c, {
      name: 'Cán bộ khoa học đồng hành cùng nông dân ứng dụng tiến bộ kỹ thuật',
      unitId: u('TTUD'),
      situation: 'Nông dân các xã miền núi khó tiếp cận kết quả nghiên cứu; nhiều mô hình trình diễn kết thúc thì bỏ dở.',
      objectives: 'Mỗi năm ít nhất 30 hộ áp dụng được một tiến bộ kỹ thuật và duy trì sau khi kết thúc hỗ trợ.',
      criteria: 'Số hộ áp dụng; tỷ lệ hộ duy trì sau 12 tháng; mức tăng thu nhập; ý kiến của người dân.',
      content: 'Cán bộ Trung tâm nhận đỡ đầu từng nhóm hộ, hướng dẫn tại ruộng, lập nhóm Zalo hỏi đáp, tổ chức ngày đồng ruộng.',
      area: 'Xã Sơn Hạ, xã Sơn Linh (huyện Sơn Hà cũ)',
      beneficiaries: 'Hộ nông dân, ưu tiên hộ cận nghèo, đồng bào Hrê',
      forces: 'Cán bộ Trung tâm (hướng dẫn kỹ thuật), Hội Nông dân xã (vận động), trưởng thôn (tổ chức nhóm hộ)',
      resources: 'Kinh phí sự nghiệp khoa học 120 triệu đồng/năm; 180 ngày công; giống do doanh nghiệp hỗ trợ',
      startedOn: '2024-03-01',
      milestones: '06/2024 nhóm hộ đầu tiên; 12/2024 sơ kết; 11/2025 đánh giá',
      evaluationDue: '2025-11-30',
      outputs: 'Danh sách hộ áp dụng; sổ theo dõi năng suất; biên bản ngày đồng ruộng',
      sustainability: 'Nhóm hộ tự duy trì qua tổ hợp tác; quy trình đã viết thành tài liệu để đơn vị khác áp dụng',
    });
    m = await transitionModel(c, m.id, { action: 'launch', version: m.version });
    const file = await storeFile(c.tx, {
      tenantId: ctx.tenantId,
      filename: 'danh-sach-ho-ap-dung-2025.txt',
      declaredType: 'text/plain',
      data: Buffer.from('Danh sách 35 hộ áp dụng giống lúa chịu hạn, xã Sơn Hạ, vụ Hè Thu 2025.\n', 'utf8'),
      maxBytes: 1_000_000,
      uploadedBy: c.actor.userId,
    });
    await addEvidence(c, m.id, {
      recordedOn: '2025-09-15',
      note: 'Sơ kết vụ Hè Thu 2025: 35 hộ áp dụng giống lúa chịu hạn, năng suất tăng bình quân 12%.',
      figures: [
        { label: 'Hộ áp dụng', value: 35, unit: 'hộ' },
        { label: 'Năng suất tăng', value: 12, unit: '%' },
      ],
      attachmentIds: [file.id],
    });
    m = await addEvaluation(c, m.id, {
      evaluatedOn: '2025-11-25',
      council,
      passMark: 70,
      members: members(9, 8, 9),
      conclusion: 'Mô hình thiết thực, người dân tham gia tích cực; đề nghị công nhận cấp Sở và nhân rộng.',
    });
    m = await transitionModel(c, m.id, {
      action: 'commend',
      version: m.version,
      level: 'agency',
      decisionRef: '215/QĐ-SKHCN ngày 15/12/2025',
      recognizedOn: '2025-12-15',
    });
    await addReplication(c, m.id, {
      unitId: u('CCTDC'),
      startedOn: '2026-03-01',
      note: 'Chi cục áp dụng cách “đỡ đầu nhóm hộ” cho hộ kinh doanh về đo lường, cân đối chứng tại chợ.',
    });

    // 2. Evaluated and recognised in 2026.
    let m2 = await createModel(c, {
      name: 'Cân đối chứng tại chợ — người mua tự kiểm tra',
      unitId: u('CCTDC'),
      situation: 'Người mua phản ánh cân thiếu tại chợ; kiểm tra đột xuất chỉ xử lý từng vụ.',
      objectives: '100% chợ loại 1, 2 trên địa bàn có cân đối chứng; giảm phản ánh về cân thiếu.',
      criteria: 'Số chợ có cân; số lượt người dân sử dụng; số phản ánh về cân thiếu so với năm trước.',
      content:
        'Đặt cân đối chứng được kiểm định tại cổng chợ, niêm yết số điện thoại tiếp nhận phản ánh, ban quản lý chợ tự kiểm tra hằng tuần.',
      area: 'Các chợ loại 1, 2 của tỉnh',
      beneficiaries: 'Người mua, tiểu thương làm ăn chân chính',
      forces: 'Chi cục (kiểm định, tập huấn), Ban quản lý chợ (vận hành), Hội Liên hiệp phụ nữ (tuyên truyền)',
      resources: 'Kinh phí 60 triệu đồng; xã hội hóa 12 cân từ doanh nghiệp',
      startedOn: '2025-04-01',
      milestones: '06/2025 lắp đặt đợt 1; 12/2025 đợt 2; 10/2026 đánh giá',
      evaluationDue: '2026-10-31',
      outputs: 'Biên bản bàn giao cân; sổ ghi phản ánh; số liệu phản ánh theo tháng',
      sustainability: 'Ban quản lý chợ tự duy trì, chi phí kiểm định hằng năm thấp',
    });
    m2 = await transitionModel(c, m2.id, { action: 'launch', version: m2.version });
    await addEvidence(c, m2.id, {
      recordedOn: '2026-06-30',
      note: 'Đã lắp 18 cân đối chứng tại 18 chợ; phản ánh về cân thiếu giảm từ 41 xuống 9 vụ.',
      figures: [
        { label: 'Chợ có cân đối chứng', value: 18, unit: 'chợ' },
        { label: 'Phản ánh cân thiếu', value: 9, unit: 'vụ' },
      ],
      attachmentIds: [],
    });
    m2 = await addEvaluation(c, m2.id, { evaluatedOn: '2026-10-20', council, passMark: 70, members: members(8, 8, 8) });
    await transitionModel(c, m2.id, {
      action: 'commend',
      version: m2.version,
      level: 'province',
      decisionRef: '1890/QĐ-UBND ngày 20/11/2026',
      recognizedOn: '2026-11-20',
    });
  });

  // 3. Running, registered by its unit head.
  await ctx.as('tpcds', async (c) => {
    const m3 = await createModel(c, {
      name: 'Tổ công nghệ số cộng đồng hướng dẫn người dân nộp hồ sơ trực tuyến',
      unitId: u('BCVT-CDS'),
      situation: 'Tỷ lệ hồ sơ trực tuyến toàn trình thấp; người cao tuổi ngại dùng dịch vụ công trực tuyến.',
      objectives: 'Hướng dẫn 500 lượt người dân trong năm 2026; tỷ lệ hồ sơ trực tuyến tại bộ phận một cửa đạt 60%.',
      criteria: 'Lượt người được hướng dẫn; tỷ lệ hồ sơ trực tuyến; mức hài lòng.',
      content: 'Đoàn viên trẻ trực tại bộ phận một cửa và đến khu dân cư vào cuối tuần.',
      area: 'Phường Nghĩa Chánh, phường Trần Phú',
      beneficiaries: 'Người dân đến giao dịch, người cao tuổi',
      forces: 'Phòng BCVT-CĐS, Đoàn thanh niên Sở',
      resources: '40 ngày công; thiết bị của Phòng',
      startedOn: '2026-02-01',
      milestones: '06/2026 sơ kết; 12/2026 đánh giá',
      evaluationDue: '2026-12-31',
      outputs: 'Sổ theo dõi lượt hướng dẫn; số liệu hồ sơ trực tuyến',
      sustainability: 'Đưa vào chương trình công tác Đoàn hằng năm',
    });
    const launched = await transitionModel(c, m3.id, { action: 'launch', version: m3.version });
    await addEvidence(c, launched.id, {
      recordedOn: '2026-06-30',
      note: 'Sơ kết 6 tháng: hướng dẫn 286 lượt người dân; tỷ lệ hồ sơ trực tuyến tại một cửa đạt 47%.',
      figures: [{ label: 'Lượt hướng dẫn', value: 286, unit: 'lượt' }],
      attachmentIds: [],
    });
  });

  // 4. Stopped.
  await ctx.as('vanphong', async (c) => {
    const m4 = await createModel(c, {
      name: 'Tủ sách pháp luật về dân chủ ở cơ sở tại trụ sở Sở',
      unitId: u('VP'),
      situation: 'Công chức và người dân đến làm việc ít có tài liệu về dân chủ ở cơ sở.',
      objectives: 'Tủ sách với 200 đầu tài liệu, mượn đọc tại chỗ.',
      criteria: 'Số lượt mượn đọc',
      content: 'Bố trí tủ sách tại phòng chờ bộ phận một cửa.',
      area: 'Trụ sở Sở',
      beneficiaries: 'Công chức, người dân đến giao dịch',
      forces: 'Văn phòng Sở',
      resources: '15 triệu đồng',
      startedOn: '2024-06-01',
      milestones: '',
      evaluationDue: null,
      outputs: 'Sổ mượn đọc',
      sustainability: '',
    });
    const launched = await transitionModel(c, m4.id, { action: 'launch', version: m4.version });
    await transitionModel(c, launched.id, {
      action: 'stop',
      version: launched.version,
      reason: 'Ít lượt mượn; tài liệu đã đưa lên Trang thông tin điện tử của Sở (chuyên mục Dân chủ ở cơ sở).',
    });
  });
}
