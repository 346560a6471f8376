/**
 * Demo data of the `disclosures` module (issue #10): two years of the Sở's disclosures — plans,
 * budget, personnel, inspection results — most posted on time, some late; most withdrawn by the
 * nightly sweep once their 20 days had run, some because the 2015 decree they cite was replaced;
 * a few regulations meant to stay; one item overdue to publish and one the sweep must still take
 * down today (so that `danchu disclosure sweep` shows both on a fresh demo). Dates of the last
 * weeks are relative to the seeding day.
 */
import { eq } from 'drizzle-orm';
import { addDays } from '../../../domain';
import type { DisclosureAudience, DisclosureChannel } from '../../../contracts/disclosures';
import { storeFile } from '../../platform/files';
import type { SeedContext } from '../../platform/module';
import { legalDocumentIdsBySymbol } from '../plans';
import { acknowledge, answerRequest, createItem, postItem, requestItem, withdrawItem } from './service';
import { sweepVerdict } from './rules';
import { disclosureRequests } from './tables';

type DemoItem = {
  title: string;
  category: number;
  sourceRef: string;
  decidedOn: string;
  /** Calendar days from the decision to the first day of posting; null: not yet posted. */
  postAfter: number | null;
  audience?: DisclosureAudience;
  unit?: string;
  keepPosted?: boolean;
  source?: string;
  file?: string;
  channels?: DisclosureChannel[];
  /** Left posted although the sweep would take it down (the server was off that night). */
  leavePosted?: boolean;
  readBy?: string[];
};

const BOARD: DisclosureChannel[] = ['board', 'portal'];

function items(today: string): DemoItem[] {
  const ago = (n: number) => addDays(today, -n);
  return [
    // ---- 2025 ----
    { title: 'Kế hoạch công tác năm 2025 của Sở', category: 2, sourceRef: '05/KH-SKHCN', decidedOn: '2025-01-06', postAfter: 3 },
    {
      title: 'Dự toán ngân sách nhà nước năm 2025 được giao',
      category: 3,
      sourceRef: '12/QĐ-SKHCN',
      decidedOn: '2025-01-10',
      postAfter: 4,
      audience: 'public',
    },
    {
      title: 'Quy chế thực hiện dân chủ trong hoạt động của Sở (bản năm 2019)',
      category: 9,
      sourceRef: '25/QĐ-SKHCN',
      decidedOn: '2025-02-10',
      postAfter: 2,
      keepPosted: true,
      source: '04/2015/NĐ-CP',
    },
    {
      title: 'Nội quy cơ quan Sở Khoa học và Công nghệ',
      category: 9,
      sourceRef: '26/QĐ-SKHCN',
      decidedOn: '2025-02-12',
      postAfter: 3,
      keepPosted: true,
      source: '04/2015/NĐ-CP',
    },
    {
      title: 'Kết luận thanh tra việc quản lý nhiệm vụ khoa học và công nghệ năm 2024',
      category: 8,
      sourceRef: '45/KL-TTr',
      decidedOn: '2025-03-20',
      postAfter: 12,
    },
    {
      title: 'Quyết định bổ nhiệm Trưởng phòng Quản lý khoa học',
      category: 6,
      sourceRef: '88/QĐ-SKHCN',
      decidedOn: '2025-05-05',
      postAfter: 2,
    },
    {
      title: 'Báo cáo quyết toán ngân sách năm 2024',
      category: 3,
      sourceRef: '102/BC-SKHCN',
      decidedOn: '2025-07-15',
      postAfter: 13,
      audience: 'public',
    },
    {
      title: 'Kế hoạch nâng bậc lương thường xuyên năm 2025',
      category: 6,
      sourceRef: '130/KH-SKHCN',
      decidedOn: '2025-09-08',
      postAfter: 3,
    },
    {
      title: 'Kết quả đánh giá, xếp loại viên chức Trung tâm Ứng dụng năm 2025',
      category: 6,
      sourceRef: '15/QĐ-TTUD',
      decidedOn: '2025-12-22',
      postAfter: 3,
      audience: 'unit',
      unit: 'TTUD',
    },
    // ---- 2026 ----
    { title: 'Kế hoạch công tác năm 2026 của Sở', category: 2, sourceRef: '03/KH-SKHCN', decidedOn: '2026-01-05', postAfter: 2 },
    {
      title: 'Dự toán ngân sách nhà nước năm 2026 được giao',
      category: 3,
      sourceRef: '10/QĐ-SKHCN',
      decidedOn: '2026-01-09',
      postAfter: 16,
      audience: 'public',
    },
    {
      title: 'Quy chế chi tiêu nội bộ năm 2026',
      category: 9,
      sourceRef: '08/QĐ-SKHCN',
      decidedOn: '2026-01-20',
      postAfter: 3,
      keepPosted: true,
      readBy: ['canbo', 'truongphong', 'congdoan', 'thanhtra', 'lanhdao'],
    },
    {
      title: 'Kế hoạch đầu tư công trung hạn giai đoạn 2026–2030 của Sở',
      category: 5,
      sourceRef: '70/KH-SKHCN',
      decidedOn: '2026-02-24',
      postAfter: 4,
      audience: 'public',
      keepPosted: true,
      file: 'Ke-hoach-dau-tu-cong-2026-2030.txt',
    },
    {
      title: 'Quy định tiêu chuẩn, định mức sử dụng xe ô tô phục vụ công tác',
      category: 4,
      sourceRef: '60/QĐ-SKHCN',
      decidedOn: '2026-03-02',
      postAfter: 3,
      keepPosted: true,
      readBy: ['canbo', 'congdoan'],
    },
    { title: 'Kết luận kiểm tra công tác tài chính năm 2025', category: 8, sourceRef: '22/KL-TTr', decidedOn: '2026-04-10', postAfter: 3 },
    {
      title: 'Báo cáo quyết toán ngân sách năm 2025',
      category: 3,
      sourceRef: '95/BC-SKHCN',
      decidedOn: '2026-07-14',
      postAfter: 3,
      audience: 'public',
    },
    // Posted two years ago, meant to stay, citing the 2015 decree: today's sweep takes it down.
    {
      title: 'Quy chế phối hợp giữa Giám đốc Sở và Ban Chấp hành Công đoàn cơ sở',
      category: 9,
      sourceRef: '31/QC-SKHCN',
      decidedOn: '2024-12-16',
      postAfter: 3,
      keepPosted: true,
      source: '04/2015/NĐ-CP',
      leavePosted: true,
    },
    // ---- the last weeks ----
    {
      title: 'Thông báo kết quả bình xét thi đua, khen thưởng đợt 1 năm 2026',
      category: 6,
      sourceRef: '210/TB-SKHCN',
      decidedOn: ago(32),
      postAfter: 2,
      leavePosted: true,
    },
    {
      title: 'Kế hoạch tổ chức Hội nghị cán bộ, công chức, viên chức năm 2027',
      category: 2,
      sourceRef: '245/KH-SKHCN',
      decidedOn: ago(12),
      postAfter: 2,
      channels: ['board', 'portal', 'written_notice'],
      readBy: ['truongphong', 'congdoan', 'lanhdao'],
    },
    {
      title: 'Báo cáo tình hình thực hiện dự toán ngân sách 11 tháng năm 2026',
      category: 3,
      sourceRef: '251/BC-SKHCN',
      decidedOn: ago(8),
      postAfter: 2,
      audience: 'public',
      file: 'Bao-cao-thuc-hien-du-toan-11-thang-2026.txt',
    },
    {
      title: 'Kết luận thanh tra việc thực hiện nhiệm vụ khoa học cấp tỉnh năm 2026',
      category: 8,
      sourceRef: '58/KL-TTr',
      decidedOn: ago(14),
      postAfter: null,
    },
    {
      title: 'Quyết định cử viên chức tham dự hội thảo khoa học ở nước ngoài',
      category: 6,
      sourceRef: '260/QĐ-SKHCN',
      decidedOn: ago(1),
      postAfter: null,
    },
  ];
}

export async function seedDisclosuresDemo(ctx: SeedContext): Promise<void> {
  const today = ctx.today;
  const ids = new Map<string, string>();
  await ctx.as('vanphong', async (c) => {
    const docs = await legalDocumentIdsBySymbol(c.tx, ['04/2015/NĐ-CP']);
    for (const d of items(today)) {
      let sourceFileId: string | null = null;
      if (d.file) {
        const f = await storeFile(c.tx, {
          tenantId: ctx.tenantId,
          filename: d.file,
          declaredType: 'text/plain',
          data: Buffer.from(`${d.title}\nSố ${d.sourceRef}\n(Tệp mẫu của dữ liệu demo)\n`, 'utf8'),
          maxBytes: 1_000_000,
          uploadedBy: c.actor.userId,
        });
        sourceFileId = f.id;
      }
      const row = await createItem(c, {
        title: d.title,
        category: d.category,
        sourceRef: d.sourceRef,
        sourceDocumentId: d.source ? (docs.get(d.source) ?? null) : null,
        sourceFileId,
        decidedOn: d.decidedOn,
        audience: d.audience ?? 'staff',
        unitId: d.unit ? ctx.unitIdByCode[d.unit] : null,
        channels: d.channels ?? BOARD,
        keepPosted: d.keepPosted ?? false,
      });
      ids.set(d.title, row.id);
      if (d.postAfter === null) continue;
      const posted = await postItem(c, row.id, { version: row.version, postedOn: addDays(d.decidedOn, d.postAfter) });
      if (d.leavePosted) continue;
      // What the nightly sweep did on each night since: the first night its verdict was "withdraw".
      const source = d.source ? { symbol: d.source, status: 'replaced', replacedBy: '10/2022/QH15' } : null;
      for (let day = addDays(posted.postedOn!, 1); day <= today; day = addDays(day, 1)) {
        const v = sweepVerdict(
          { status: 'posted', publishBy: posted.publishBy, postedUntil: posted.postedUntil, keepPosted: posted.keepPosted, source },
          day,
        );
        if (v?.action === 'withdraw') {
          await withdrawItem(c, posted, day, v.reason, 'sweep');
          break;
        }
      }
    }
  });
  for (const d of items(today)) {
    for (const u of d.readBy ?? []) await ctx.as(u, (c) => acknowledge(c, ids.get(d.title)!));
  }
  // Art. 48(4): a staff member asks for last year's plan after it came off the board; the Office answers.
  const plan2026 = ids.get('Kế hoạch công tác năm 2026 của Sở')!;
  await ctx.as('canbo', (c) =>
    requestItem(c, plan2026, { reason: 'Cần đối chiếu kế hoạch năm 2026 khi xây dựng kế hoạch của phòng năm 2027.' }),
  );
  await ctx.as('vanphong', async (c) => {
    const [q] = await c.tx.select({ id: disclosureRequests.id }).from(disclosureRequests).where(eq(disclosureRequests.itemId, plan2026));
    await answerRequest(c, q!.id, {
      answer: 'Văn phòng gửi kèm Kế hoạch số 03/KH-SKHCN qua hệ thống; đồng chí tải văn bản tại trang của nội dung.',
    });
  });
  await ctx.as('congdoan', (c) =>
    requestItem(c, ids.get('Báo cáo quyết toán ngân sách năm 2025')!, {
      reason: 'Công đoàn cần số liệu quyết toán để chuẩn bị Hội nghị cán bộ, công chức, viên chức.',
    }),
  );
}
