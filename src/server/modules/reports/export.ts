/** Exports of the consolidated report: .docx in Decree 30/2020 layout, indicators to .xlsx. */
import ExcelJS from 'exceljs';
import type { Consolidated } from '../../../domain/reports/consolidate';
import { renderAdministrativeDocument, type Block } from '../../platform/docx';
import type { AgencyReportBody } from './service';

/** Report states in the words of the report (the .docx and the .xlsx alike; issue #14 point 1). */
export const STATUS_VI: Record<string, string> = {
  accepted: 'Đã chấp nhận',
  submitted: 'Đã gửi, chờ duyệt',
  returned: 'Bị trả lại, chưa gửi lại',
  draft: 'Chưa gửi (đang soạn)',
  not_started: 'Chưa gửi',
  missing: 'Chưa gửi',
};
const lateVi = (days: number | null) => (days === null ? 'Chưa gửi' : days > 0 ? `Trễ ${days} ngày` : 'Đúng hạn');

/** The four closing parts of a report of results, in order. */
const ASSESSMENT: [keyof NonNullable<AgencyReportBody['assessment']>, string][] = [
  ['achievements', 'Kết quả đạt được'],
  ['shortcomings', 'Tồn tại, hạn chế và nguyên nhân'],
  ['directions', 'Phương hướng, nhiệm vụ'],
  ['proposals', 'Kiến nghị, đề xuất'],
];

export async function reportDocx(body: AgencyReportBody, c: Consolidated, cycleTitle: string): Promise<Buffer> {
  const blocks: Block[] = [{ kind: 'paragraph', text: body.intro }];
  blocks.push({ kind: 'heading', text: 'I. KẾT QUẢ THỰC HIỆN' });
  body.sections.forEach((s, i) => {
    blocks.push({ kind: 'heading', text: `${i + 1}. ${s.title.replace(/^[IVX]+\.\d+\.\s*/, '')}` });
    blocks.push({ kind: 'paragraph', text: s.text.trim() || 'Không phát sinh trong kỳ.' });
  });
  blocks.push({ kind: 'heading', text: 'II. CÁC CHỈ TIÊU' });
  blocks.push({
    kind: 'table',
    header: ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả'],
    widths: [8, 56, 16, 20],
    rows: c.indicators.map((d, i) => [String(i + 1), d.name, d.unit, d.total]),
  });
  blocks.push({ kind: 'heading', text: 'III. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ' });
  blocks.push({
    kind: 'table',
    header: ['TT', 'Đơn vị', 'Tình trạng', 'Thời hạn'],
    widths: [8, 52, 22, 18],
    rows: c.unitTable.map((u, i) => [
      String(i + 1),
      u.includes.length ? `${u.unit} (gồm ${u.includes.join(', ')})` : u.unit,
      STATUS_VI[u.status] ?? u.status,
      lateVi(u.lateDays),
    ]),
  });
  if (c.missing.length) blocks.push({ kind: 'paragraph', text: `Đơn vị chưa gửi báo cáo: ${c.missing.join('; ')}.` });
  if (c.late.length)
    blocks.push({ kind: 'paragraph', text: `Đơn vị gửi báo cáo trễ hạn: ${c.late.map((l) => `${l.unit} (${l.days} ngày)`).join('; ')}.` });
  // IV–VII: the Office's assessment, edited before the report is issued.
  const roman = ['IV', 'V', 'VI', 'VII', 'VIII'];
  let n = 0;
  for (const [key, title] of ASSESSMENT) {
    blocks.push({ kind: 'heading', text: `${roman[n++]}. ${title.toUpperCase()}` });
    blocks.push({ kind: 'paragraph', text: body.assessment?.[key]?.trim() || '…' });
  }
  if (body.conclusion.trim()) {
    blocks.push({ kind: 'heading', text: `${roman[n]}. NHẬN XÉT KHÁC` });
    blocks.push({ kind: 'paragraph', text: body.conclusion });
  }
  return renderAdministrativeDocument({
    issuerParent: body.issuerParent,
    issuer: body.issuer,
    numberSymbol: body.numberSymbol?.trim() || '/BC-',
    place: body.place,
    date: body.date,
    documentType: 'BÁO CÁO',
    summary: body.summary || `Kết quả ${cycleTitle}`,
    body: blocks,
    signer: body.signer,
    recipients: body.recipients,
    archive: body.archive,
  });
}

export async function reportXlsx(c: Consolidated, cycleTitle: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'danchu';
  const units = Object.keys(c.indicators[0]?.byUnit ?? {});
  const ws = wb.addWorksheet('Chỉ tiêu');
  ws.addRow([`Các chỉ tiêu — ${cycleTitle}`]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const header = ws.addRow(['TT', 'Chỉ tiêu', 'Đơn vị tính', ...units, 'Tổng']);
  header.font = { bold: true };
  c.indicators.forEach((d, i) => {
    const row = ws.addRow([i + 1, d.name, d.unit, ...units.map((u) => d.byUnit[u] ?? 0)]);
    const first = ws.getColumn(4).letter;
    const last = ws.getColumn(3 + units.length).letter;
    row.getCell(4 + units.length).value = units.length
      ? { formula: `SUM(${first}${row.number}:${last}${row.number})`, result: d.total }
      : d.total;
  });
  ws.columns.forEach((col, i) => {
    col.width = i === 1 ? 40 : i < 3 ? 12 : 18;
    col.numFmt = '#,##0';
  });
  const ws2 = wb.addWorksheet('Đơn vị');
  ws2.addRow(['TT', 'Đơn vị', 'Tình trạng', 'Thời hạn', 'Số ngày trễ']).font = { bold: true };
  for (const [i, u] of c.unitTable.entries())
    ws2.addRow([i + 1, u.unit, STATUS_VI[u.status] ?? u.status, lateVi(u.lateDays), u.lateDays ?? null]);
  ws2.getColumn(2).width = 50;
  ws2.getColumn(3).width = 26;
  ws2.getColumn(4).width = 16;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
