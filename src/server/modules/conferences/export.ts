/** The conference resolution as an administrative document (Decree 30/2020 layout) for the .docx export. */
import type { TConference } from '../../../contracts/conferences';
import { formatDmy } from '../../../domain';
import type { AdministrativeDocument, Block } from '../../platform/docx';

export function resolutionToDocument(
  c: TConference,
  agency: { name: string; parentName: string | null; place: string },
): AdministrativeDocument {
  const body: Block[] = [];
  const held = c.heldOn ? formatDmy(c.heldOn) : '…';
  body.push({
    kind: 'paragraph',
    text:
      c.format === 'written_ballot'
        ? `Căn cứ Điều 50 khoản 2 Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, sau hai lần triệu tập hội nghị không đủ số người tham dự, người đứng đầu và Ban Chấp hành công đoàn tổ chức lấy ý kiến bằng văn bản của toàn thể ${c.convened} người lao động; đã nhận ${c.present ?? 0} phiếu (ngày ${held}).`
        : `Căn cứ Điều 51 Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15; hội nghị họp ngày ${held}, có ${c.present ?? 0}/${c.convened} người được triệu tập tham dự (${c.quorumMet ? 'đủ' : 'không đủ'} 2/3 theo Điều 51 khoản 3).`,
  });
  body.push({ kind: 'heading', text: 'QUYẾT NGHỊ:' });
  c.resolutions.forEach((r, i) => {
    body.push({ kind: 'paragraph', text: `${i + 1}. ${r.title}`, bold: true });
    body.push({
      kind: 'paragraph',
      italic: true,
      text: `Kết quả biểu quyết: ${r.yes ?? 0} tán thành, ${r.no ?? 0} không tán thành, ${r.abstain ?? 0} không biểu quyết — ${r.passed ? 'được thông qua' : 'không được thông qua'} (Điều 51 khoản 3: trên 50% số người dự tán thành).`,
    });
  });
  body.push({
    kind: 'table',
    header: ['TT', 'Nội dung', 'Tán thành', 'Không tán thành', 'Không biểu quyết', 'Kết quả'],
    rows: c.resolutions.map((r, i) => [i + 1, r.title, r.yes ?? 0, r.no ?? 0, r.abstain ?? 0, r.passed ? 'Thông qua' : 'Không thông qua']),
    widths: [8, 72, 20, 22, 22, 21],
  });
  if (c.boardElection) {
    const pos = { chair: 'Trưởng ban', deputy: 'Phó Trưởng ban', member: 'Ủy viên' } as const;
    body.push({ kind: 'heading', text: 'Kết quả bầu Ban Thanh tra nhân dân' });
    for (const m of c.boardElection.members) body.push({ kind: 'paragraph', text: `- ${m.name}: ${pos[m.position]}` });
  }
  body.push({
    kind: 'paragraph',
    text: 'Người đứng đầu cơ quan và Ban Chấp hành công đoàn tổ chức thực hiện nghị quyết; định kỳ 06 tháng kiểm tra việc thực hiện và thông báo đến toàn thể cán bộ, công chức, viên chức, người lao động (Điều 52 khoản 3).',
  });
  return {
    issuerParent: agency.parentName,
    issuer: `HỘI NGHỊ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG ${agency.name.toUpperCase()}`,
    numberSymbol: c.resolutionNumber ?? '/NQ-HNCBCCVC',
    place: agency.place,
    date: c.adoptedOn,
    documentType: 'NGHỊ QUYẾT',
    summary: c.title,
    body,
    signer: { mode: 'TM. ĐOÀN CHỦ TỊCH', title: 'CHỦ TỌA HỘI NGHỊ', name: null },
    recipients: [
      { name: 'Toàn thể CBCCVC, NLĐ', role: 'thực hiện' },
      { name: 'Ban Chấp hành Công đoàn cơ sở', role: 'phối hợp' },
      { name: 'Ban Thanh tra nhân dân', role: 'giám sát' },
    ],
    archive: 'VT, CĐ',
  };
}
