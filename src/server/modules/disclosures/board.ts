/**
 * The printable notice-board sheet (issue #10): what is posted today, as an administrative
 * notice (Decree 30/2020/NĐ-CP layout) the Office prints and pins on the board at the head office
 * (Art. 47(1)(a)), with each item's category, source and posting period (Art. 48(1)).
 */
import { formatDmy } from '../../../domain';
import { CATEGORY_LABELS, type DisclosureCategory } from '../../../contracts/disclosures';
import type { AdministrativeDocument, Block } from '../../platform/docx';
import type { ItemRow } from './service';

export type BoardAgency = { name: string; parentName: string | null; place: string };

export function boardDocument(agency: BoardAgency, items: ItemRow[], today: string): AdministrativeDocument {
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 (Điều 46, 47, 48), ${agency.name} niêm yết công khai các nội dung sau đây. Mỗi nội dung được niêm yết liên tục ít nhất 20 ngày; sau thời hạn niêm yết, cán bộ, công chức, viên chức có thể đề nghị Văn phòng cung cấp (Điều 48 khoản 4).`,
      indent: true,
    },
  ];
  if (items.length === 0) body.push({ kind: 'paragraph', text: 'Hiện không có nội dung nào đang niêm yết.', italic: true });
  else
    body.push({
      kind: 'table',
      header: ['TT', 'Nội dung công khai', 'Nhóm (Điều 46)', 'Văn bản', 'Niêm yết'],
      widths: [6, 38, 22, 18, 16],
      rows: items.map((r, i) => [
        i + 1,
        r.title,
        `${r.category}. ${CATEGORY_LABELS[r.category as DisclosureCategory].vi}`,
        `${r.sourceRef}, ngày ${formatDmy(r.decidedOn)}`,
        `${r.postedOn ? formatDmy(r.postedOn) : ''} – ${r.keepPosted ? 'đến khi thay thế' : r.postedUntil ? formatDmy(r.postedUntil) : ''}`,
      ]),
    });
  return {
    issuerParent: agency.parentName,
    issuer: agency.name,
    numberSymbol: '/TB-VP',
    place: agency.place,
    date: today,
    documentType: 'THÔNG BÁO',
    summary: 'Niêm yết công khai thông tin tại trụ sở cơ quan',
    body,
    signer: { mode: 'TL', authority: 'GIÁM ĐỐC', title: 'CHÁNH VĂN PHÒNG', name: null },
    recipients: [{ name: 'Bảng tin cơ quan' }, { name: 'Các phòng, đơn vị thuộc Sở', role: 'để biết' }],
    archive: 'VT, VP',
  };
}
