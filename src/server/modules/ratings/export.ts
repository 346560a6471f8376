/** A unit's rating sheet as an administrative document (Decree 30/2020 layout) for the .docx export. */
import type { TUnitRating } from '../../../contracts/ratings';
import type { AdministrativeDocument, Block } from '../../platform/docx';

export function ratingSheetDocument(
  r: TUnitRating,
  agency: { name: string; parentName: string | null; place: string },
): AdministrativeDocument {
  // The agency's self-assessment goes up to the province under the head's signature.
  const agencyOwn = r.subject === 'agency';
  const rows: (string | number)[][] = [];
  for (const g of r.groups) {
    rows.push([g.code, g.title, '', '', '']);
    for (const i of g.items)
      rows.push([
        i.code,
        `${i.title}${i.pulled?.available ? ` (số liệu hệ thống: ${i.pulled.value})` : ''}`,
        i.max,
        i.self ?? '',
        i.appraised ?? i.self ?? '',
      ]);
  }
  const body: Block[] = [
    { kind: 'paragraph', text: `Căn cứ ${r.criteriaSet.basis}.`, italic: true },
    { kind: 'paragraph', text: `${agencyOwn ? 'Cơ quan' : 'Đơn vị'}: ${r.unitName}. Năm đánh giá: ${r.year}.` },
    {
      kind: 'table',
      header: ['TT', 'Tiêu chí', 'Điểm tối đa', 'Tự chấm', agencyOwn ? 'Tỉnh thẩm định' : 'Thẩm định'],
      rows,
      widths: [10, 95, 20, 20, 20],
    },
    { kind: 'paragraph', text: `Tổng điểm tự chấm: ${r.self.total} — xếp loại ${r.self.band ?? '—'}.`, bold: true },
    ...(r.appraised
      ? [
          {
            kind: 'paragraph' as const,
            text: `Tổng điểm thẩm định: ${r.appraised.total} — xếp loại ${r.appraised.band ?? '—'}.`,
            bold: true,
          },
        ]
      : []),
  ];
  return {
    issuerParent: agency.parentName,
    issuer: agency.name,
    numberSymbol: null,
    place: agency.place,
    date: r.publishedOn,
    documentType: 'PHIẾU ĐÁNH GIÁ',
    summary: agencyOwn
      ? `Tự đánh giá, xếp loại công tác dân vận chính quyền năm ${r.year} của ${r.unitName}`
      : `Kết quả đánh giá, xếp loại công tác dân vận năm ${r.year} của ${r.unitName}`,
    body,
    signer: { title: agencyOwn ? 'THỦ TRƯỞNG CƠ QUAN' : 'CHÁNH VĂN PHÒNG', name: null },
    recipients: agencyOwn
      ? [{ name: agency.parentName ?? 'Cơ quan cấp trên' }, { name: 'Lưu: VT, VP' }]
      : [{ name: r.unitName }, { name: 'Lưu: VT, VP' }],
  };
}
