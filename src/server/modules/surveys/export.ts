/**
 * The .xlsx export of a survey (issue 13): the indices with how they were computed, then one row
 * per response with its day, channel and service and the answers, never anything about who answered.
 */
import ExcelJS from 'exceljs';
import type { TAnswers, TSurveyDefinition, TSurveyResults } from '../../../contracts/surveys';
import { questionsOf } from './definition';

const CHANNEL: Record<string, string> = { public: 'Cổng (liên kết, QR)', invitation: 'Thư mời', paper: 'Phiếu giấy', staff: 'Nội bộ' };
const dmy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Builds the workbook.
 * @returns the .xlsx bytes.
 */
export async function surveyXlsx(input: {
  title: string;
  current: TSurveyDefinition;
  results: TSurveyResults;
  rows: { versionNumber: number; channel: string; answeredOn: string; service: string | null; answers: TAnswers }[];
  unitName: (id: string | null) => string;
  unitOf: (service: string | null) => string | null;
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'danchu';
  const idx = wb.addWorksheet('Chỉ số');
  idx.addRow([input.title]).font = { bold: true, size: 13 };
  if (input.results.method) idx.addRow([`${input.results.method.name} — ${input.results.method.basis}`]);
  idx.addRow([input.results.how]);
  idx.addRow([]);
  idx.addRow(['Mã', 'Yếu tố / tiêu chí', 'Chỉ số (%)', 'Số câu trả lời hợp lệ', 'Khoảng tin cậy 95 % (%)']).font = { bold: true };
  idx.addRow(['', 'Chỉ số chung', input.results.overall, input.results.responses, ci(input.results.overallInterval)]).font = { bold: true };
  for (const e of input.results.elements) {
    idx.addRow([e.code, e.name, e.index, e.valid, ci(e.interval)]).font = { bold: true };
    for (const c of input.results.criteria.filter((x) => x.element === e.code))
      idx.addRow([c.code, `   ${c.name}`, c.index, c.valid, ci(c.interval)]);
  }
  idx.addRow([]);
  idx.addRow(['', 'Theo đơn vị', 'Chỉ số (%)', 'Số phiếu', 'Khoảng tin cậy 95 % (%)']).font = { bold: true };
  for (const u of input.results.byUnit) idx.addRow(['', u.unitName, u.overall, u.responses, ci(u.interval)]);
  idx.columns.forEach((col, i) => {
    col.width = i === 1 ? 60 : 18;
  });

  const qs = questionsOf(input.current);
  const ws = wb.addWorksheet('Phiếu trả lời');
  ws.addRow(['STT', 'Ngày', 'Kênh', 'Dịch vụ', 'Đơn vị', 'Phiên bản', ...qs.map((q) => q.text)]).font = { bold: true };
  input.rows.forEach((r, i) => {
    const svc = input.current.services.find((s) => s.code === r.service)?.name ?? r.service ?? '';
    ws.addRow([
      i + 1,
      dmy(r.answeredOn),
      CHANNEL[r.channel] ?? r.channel,
      svc,
      r.service ? input.unitName(input.unitOf(r.service)) : '',
      r.versionNumber,
      ...qs.map((q) => {
        const a = r.answers[q.id];
        if (a === undefined || a === null) return '';
        if (Array.isArray(a)) return a.map((v) => q.options.find((o) => o.value === v)?.label ?? v).join('; ');
        if (q.type === 'single') return q.options.find((o) => o.value === a)?.label ?? a;
        return a;
      }),
    ]);
  });
  ws.columns.forEach((col, i) => {
    col.width = i < 3 ? 12 : 28;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function ci(i: { low: number; high: number } | null): string {
  return i ? `${i.low} – ${i.high}` : '';
}
