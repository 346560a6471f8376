/**
 * The board's reports to the union: quarterly, six-monthly, yearly and per term (Law 10/2022
 * Art. 62(4); Decree 59/2023 Art. 22), and the year's report the board gives at the staff
 * conference (Decree 59/2023 Art. 22: "báo cáo kết quả hoạt động tại hội nghị cán bộ, công chức,
 * viên chức"), as .docx in the layout of Decree 30/2020/NĐ-CP. They hold
 * the board's own work only: no case file, no protected identity, and of the suggestion box only
 * how many notes came (the notes themselves may identify their writers).
 */
import { asc, eq } from 'drizzle-orm';
import { formatDmy, parseIsoDate } from '../../../domain';
import { MEMBER_ROLE_LABELS } from '../../../contracts/inspection';
import { recordAudit } from '../../platform/audit';
import { renderAdministrativeDocument, type Block } from '../../platform/docx';
import { AppError } from '../../platform/errors';
import type { ActorContext } from '../../platform/module';
import { tenants } from '../../platform/tables';
import { currentMembers, currentTerm } from './board';
import { oversees } from './policy';
import { type Period, PERIOD_LABELS, periodRange, recommendationStatus } from './rules';
import { inspectionProgrammes } from './tables';
import { workInPeriod } from './work';

const STATUS_VI = {
  open: 'Trong hạn, chưa trả lời',
  overdue: 'Quá hạn, chưa trả lời',
  answered: 'Đã trả lời đúng hạn',
  answered_late: 'Trả lời trễ hạn',
};
const ACTIVITY_VI: Record<string, string> = {
  planned: 'Đã lập kế hoạch',
  notified: 'Đã thông báo, đang tiến hành',
  concluded: 'Đã kết luận',
};

/** The report of a period (or of the current term) with its title, as .docx bytes. */
export async function boardReportDocx(
  ctx: ActorContext,
  year: number,
  period: Period | 'term' | 'conference',
): Promise<{ bytes: Buffer; title: string }> {
  if (!oversees(ctx.actor)) throw new AppError('FORBIDDEN');
  const { tx, today } = ctx;
  const term = await currentTerm(tx, today);
  if (!term) throw new AppError('INSPECTION_NO_TERM');
  // The conference report covers the calendar year; it goes to the conference held early in the next.
  const conference = period === 'conference';
  const range = period === 'term' ? { from: term.startsOn, to: term.endsOn } : periodRange(year, period === 'conference' ? 'year' : period);
  const title =
    period === 'term'
      ? `nhiệm kỳ ${parseIsoDate(term.startsOn).year} – ${parseIsoDate(term.endsOn).year}`
      : conference
        ? `năm ${year}`
        : `${PERIOD_LABELS[period]}${period === 'year' ? ` ${year}` : ` năm ${year}`}`;
  const [agency] = await tx.select().from(tenants).where(eq(tenants.tenantId, ctx.who.tenantId));
  const cur = await currentMembers(tx, today);
  const work = await workInPeriod(tx, range.from, range.to);
  const chair = cur?.members.find((m) => m.role === 'chair');

  const body: Block[] = [
    {
      kind: 'paragraph',
      text: conference
        ? `Thực hiện Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 và Nghị định số 59/2023/NĐ-CP (Điều 22), Ban Thanh tra nhân dân báo cáo Hội nghị cán bộ, công chức, viên chức kết quả hoạt động năm ${year} (từ ngày ${formatDmy(range.from)} đến ngày ${formatDmy(range.to)}) và phương hướng năm ${year + 1} như sau:`
        : `Thực hiện Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 và Nghị định số 59/2023/NĐ-CP, Ban Thanh tra nhân dân báo cáo Ban Chấp hành Công đoàn cơ sở kết quả hoạt động ${title} (từ ngày ${formatDmy(range.from)} đến ngày ${formatDmy(range.to)}) như sau:`,
    },
    { kind: 'heading', text: 'I. TỔ CHỨC CỦA BAN' },
    {
      kind: 'paragraph',
      text: `Nhiệm kỳ từ ngày ${formatDmy(term.startsOn)} đến ngày ${formatDmy(term.endsOn)}; bầu tại hội nghị ngày ${formatDmy(term.electedOn)}${term.recognisedOn ? `, Công đoàn cơ sở công nhận ngày ${formatDmy(term.recognisedOn)}` : ', chưa được Công đoàn cơ sở công nhận'}.`,
    },
    {
      kind: 'table',
      header: ['TT', 'Họ và tên', 'Chức danh trong Ban'],
      widths: [8, 56, 36],
      rows: (cur?.members ?? []).map((m, i) => [String(i + 1), m.name, MEMBER_ROLE_LABELS[m.role].vi]),
    },
    { kind: 'heading', text: 'II. KẾT QUẢ KIỂM TRA, GIÁM SÁT' },
    {
      kind: 'paragraph',
      text: `Trong kỳ, Ban tiến hành ${work.activities.length} cuộc kiểm tra, giám sát; ${work.activities.filter((a) => a.status === 'concluded').length} cuộc đã có kết luận. Hộp thư góp ý nhận ${work.suggestions} ý kiến của cán bộ, công chức, viên chức.`,
    },
  ];
  if (work.activities.length)
    body.push({
      kind: 'table',
      header: ['TT', 'Nội dung', 'Đối tượng', 'Bắt đầu', 'Thông báo', 'Tình trạng'],
      widths: [6, 34, 20, 12, 12, 16],
      rows: work.activities.map((a, i) => [
        String(i + 1),
        a.title,
        a.subject,
        formatDmy(a.startsOn),
        a.notifiedOn ? formatDmy(a.notifiedOn) : '—',
        ACTIVITY_VI[a.status] ?? a.status,
      ]),
    });
  for (const a of work.activities.filter((x) => x.findings))
    body.push({ kind: 'paragraph', text: `${a.title}: ${a.findings}`, indent: true });
  body.push({ kind: 'heading', text: 'III. KIẾN NGHỊ VÀ KẾT QUẢ GIẢI QUYẾT' });
  const statuses = work.recommendations.map((r) => recommendationStatus(r.dueOn, r.answeredOn, today));
  body.push({
    kind: 'paragraph',
    text: `Ban kiến nghị ${work.recommendations.length} nội dung với Thủ trưởng cơ quan; ${statuses.filter((s) => s === 'answered').length} được trả lời đúng hạn 15 ngày (Luật 10/2022/QH15, Điều 63 khoản 1 điểm c), ${statuses.filter((s) => s === 'answered_late').length} trả lời trễ hạn, ${statuses.filter((s) => s === 'overdue').length} quá hạn chưa trả lời.`,
  });
  if (work.recommendations.length)
    body.push({
      kind: 'table',
      header: ['TT', 'Kiến nghị', 'Ngày nhận', 'Hạn trả lời', 'Ngày trả lời', 'Tình trạng'],
      widths: [6, 36, 13, 13, 13, 19],
      rows: work.recommendations.map((r, i) => [
        String(i + 1),
        r.title,
        formatDmy(r.receivedOn),
        formatDmy(r.dueOn),
        r.answeredOn ? formatDmy(r.answeredOn) : '—',
        STATUS_VI[statuses[i]!],
      ]),
    });
  if (conference) {
    // The staff conference hears the results and the direction for the next year (Decree 59/2023 Art. 22).
    const next = await tx
      .select()
      .from(inspectionProgrammes)
      .where(eq(inspectionProgrammes.year, year + 1))
      .orderBy(asc(inspectionProgrammes.period));
    body.push({ kind: 'heading', text: `IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${year + 1}` });
    if (next.length) for (const p of next) body.push({ kind: 'paragraph', text: `${p.title}: ${p.content}`, indent: true });
    else
      body.push({
        kind: 'paragraph',
        text: `Ban xây dựng chương trình công tác năm ${year + 1}, báo cáo Ban Chấp hành Công đoàn cơ sở (Luật 10/2022/QH15, Điều 62), tập trung giám sát các kiến nghị chưa được giải quyết nêu tại mục III.`,
      });
    body.push({ kind: 'heading', text: 'V. ĐỀ XUẤT, KIẾN NGHỊ' });
    body.push({
      kind: 'paragraph',
      text: 'Đề nghị Hội nghị thảo luận, cho ý kiến vào báo cáo; đề nghị Thủ trưởng cơ quan tiếp tục giải quyết, trả lời các kiến nghị của Ban đúng thời hạn 15 ngày.',
    });
  } else {
    body.push({ kind: 'heading', text: 'IV. ĐỀ XUẤT' });
    body.push({
      kind: 'paragraph',
      text: 'Đề nghị Ban Chấp hành Công đoàn cơ sở tiếp tục chỉ đạo, theo dõi việc giải quyết các kiến nghị của Ban.',
    });
  }

  const bytes = await renderAdministrativeDocument({
    issuerParent: agency?.name.toUpperCase() ?? null,
    issuer: 'BAN THANH TRA NHÂN DÂN',
    numberSymbol: '/BC-BTTND',
    place: agency?.place ?? '',
    date: today,
    documentType: 'BÁO CÁO',
    summary: conference
      ? `Kết quả hoạt động của Ban Thanh tra nhân dân năm ${year} tại Hội nghị cán bộ, công chức, viên chức`
      : `Kết quả hoạt động của Ban Thanh tra nhân dân ${title}`,
    body,
    signer: { mode: 'TM.', authority: 'BAN THANH TRA NHÂN DÂN', title: 'TRƯỞNG BAN', name: chair?.name ?? null },
    recipients: conference
      ? [
          { name: 'Hội nghị cán bộ, công chức, viên chức', role: 'để báo cáo' },
          { name: 'Ban Chấp hành Công đoàn cơ sở', role: 'để báo cáo' },
          { name: 'Thủ trưởng cơ quan', role: 'để biết' },
        ]
      : [
          { name: 'Ban Chấp hành Công đoàn cơ sở', role: 'để báo cáo' },
          { name: 'Thủ trưởng cơ quan', role: 'để biết' },
        ],
    archive: 'BTTND',
  });
  await recordAudit(tx, ctx.who, {
    action: 'inspection_report.export',
    entityType: 'inspection_term',
    entityId: term.id,
    summary: conference ? `Báo cáo năm ${year} tại hội nghị cán bộ, công chức, viên chức` : `Báo cáo ${title}`,
  });
  return { bytes, title };
}
