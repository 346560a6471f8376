/**
 * The printable notice-board sheet (issue #10): what is posted today, as an administrative
 * notice (Decree 30/2020/NĐ-CP layout) the Office prints and pins on the board at the head office
 * (Art. 47(1)(a)), with each item's category, source and posting period (Art. 48(1)).
 */
import { formatDmy } from '../../../domain';
import { CATEGORY_LABELS, CHANNEL_LABELS, type DisclosureCategory, type DisclosureChannel } from '../../../contracts/disclosures';
import type { AdministrativeDocument, Block } from '../../platform/docx';
import type { ItemRow } from './service';

export type BoardAgency = { name: string; parentName: string | null; place: string };

export function boardDocument(agency: BoardAgency, items: ItemRow[], today: string, postingDays = 20): AdministrativeDocument {
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 (Điều 46, 47, 48), ${agency.name} niêm yết công khai các nội dung sau đây. Mỗi nội dung được niêm yết liên tục ít nhất ${postingDays} ngày; sau thời hạn niêm yết, cán bộ, công chức, viên chức có thể đề nghị Văn phòng cung cấp (Điều 48 khoản 4).`,
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

/** The first and last day of a quarter (ISO dates). */
export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  const days = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${mm(first)}-01`, to: `${year}-${mm(last)}-${days}` };
}

/**
 * The quarterly list a commune posts of what it published in the quarter, with the form and the
 * time of each publication (Law 10/2022/QH15 Art. 13: the list is itself posted).
 */
export function quarterlyListDocument(
  agency: BoardAgency,
  items: ItemRow[],
  year: number,
  quarter: number,
  today: string,
): AdministrativeDocument {
  const { from, to } = quarterRange(year, quarter);
  const roman = ['I', 'II', 'III', 'IV'][quarter - 1];
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện Điều 13 Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, ${agency.name} thông báo danh mục các nội dung đã công khai trong quý ${roman} năm ${year} (từ ngày ${formatDmy(from)} đến ngày ${formatDmy(to)}), với hình thức và thời điểm công khai của từng nội dung.`,
      indent: true,
    },
  ];
  if (items.length === 0) body.push({ kind: 'paragraph', text: 'Trong quý không có nội dung nào được công khai.', italic: true });
  else
    body.push({
      kind: 'table',
      header: ['TT', 'Nội dung công khai', 'Hình thức công khai', 'Thời điểm công khai', 'Thời gian niêm yết'],
      widths: [6, 36, 24, 14, 20],
      rows: items.map((r, i) => [
        i + 1,
        `${r.title} (${r.sourceRef})`,
        r.channels.map((c) => CHANNEL_LABELS[c as DisclosureChannel]?.vi ?? c).join('; '),
        r.postedOn ? formatDmy(r.postedOn) : '',
        `${r.postedOn ? formatDmy(r.postedOn) : ''} – ${r.withdrawnOn ? `${formatDmy(r.withdrawnOn)} (đã gỡ)` : r.keepPosted ? 'đến khi thay thế' : r.postedUntil ? formatDmy(r.postedUntil) : ''}`,
      ]),
    });
  return {
    issuerParent: agency.parentName,
    issuer: agency.name,
    numberSymbol: '/TB-UBND',
    place: agency.place,
    date: today,
    documentType: 'THÔNG BÁO',
    summary: `Danh mục nội dung đã công khai quý ${roman} năm ${year}`,
    body,
    signer: { mode: 'TM', authority: 'ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: null },
    recipients: [{ name: 'Bảng tin trụ sở' }, { name: 'Lưu' }],
    archive: 'VT',
  };
}
