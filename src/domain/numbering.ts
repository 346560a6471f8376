/**
 * Numbers and symbols of outgoing administrative documents (số, ký hiệu văn bản đi), as the
 * clerical office (văn thư) gives them under Decree 30/2020/NĐ-CP. Pure functions: no I/O.
 *
 * - Art. 15(1): the number is the document's order among those the agency issues in a year,
 *   from 01 on 1 January to 31 December; number and symbol are unique within the year. How
 *   administrative documents share sequences is for the head of the agency to decide
 *   (Art. 15(1)(c)); this app keeps one sequence per document type (the common practice the
 *   Annex III symbols reflect), so "05/KH-SKHCN" and "05/BC-SKHCN" may both exist.
 * - Art. 15(2): paper documents are numbered after signature, at the latest on the next working
 *   day, and "theo thứ tự và trình tự thời gian": a later number never carries an earlier date.
 * - Annex I, section II(3): numbers under 10 are written with a leading 0 ("Số: 05/KH-…").
 * - Annex III: the abbreviations of the document types; a công văn has none and carries the
 *   drafting unit instead ("1234/SKHCN-VP").
 */

/** The administrative document types of Decree 30/2020 Art. 7 with their Annex III abbreviations. */
export const DOCUMENT_TYPES = [
  { code: 'NQ', name: 'Nghị quyết' },
  { code: 'QĐ', name: 'Quyết định' },
  { code: 'CT', name: 'Chỉ thị' },
  { code: 'QC', name: 'Quy chế' },
  { code: 'QyĐ', name: 'Quy định' },
  { code: 'TC', name: 'Thông cáo' },
  { code: 'TB', name: 'Thông báo' },
  { code: 'HD', name: 'Hướng dẫn' },
  { code: 'CTr', name: 'Chương trình' },
  { code: 'KH', name: 'Kế hoạch' },
  { code: 'PA', name: 'Phương án' },
  { code: 'ĐA', name: 'Đề án' },
  { code: 'DA', name: 'Dự án' },
  { code: 'BC', name: 'Báo cáo' },
  { code: 'BB', name: 'Biên bản' },
  { code: 'TTr', name: 'Tờ trình' },
  { code: 'HĐ', name: 'Hợp đồng' },
  { code: 'CV', name: 'Công văn' },
  { code: 'CĐ', name: 'Công điện' },
  { code: 'GM', name: 'Giấy mời' },
  { code: 'GGT', name: 'Giấy giới thiệu' },
] as const;

export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number]['code'];
export const DOCUMENT_TYPE_CODES = DOCUMENT_TYPES.map((d) => d.code) as [DocumentTypeCode, ...DocumentTypeCode[]];

/** A công văn carries no type abbreviation in its symbol (Annex III). */
export const OFFICIAL_LETTER: DocumentTypeCode = 'CV';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .trim();

/** The type of a document named as in its header ("KẾ HOẠCH" → KH), or null when it is not one of Art. 7's. */
export function typeCodeOf(documentTypeName: string): DocumentTypeCode | null {
  const f = fold(documentTypeName);
  return DOCUMENT_TYPES.find((d) => fold(d.name) === f)?.code ?? null;
}

export function typeNameOf(code: DocumentTypeCode): string {
  return DOCUMENT_TYPES.find((d) => d.code === code)!.name;
}

/** "05", "12", "123": numbers under 10 with a leading 0 (Annex I). */
export function formatNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`document number must be a positive integer: ${n}`);
  return String(n).padStart(2, '0');
}

/**
 * The number and symbol: "05/KH-SKHCN", or for a công văn "05/SKHCN-VP" (the drafting unit's
 * code after the agency's; without one, "05/SKHCN").
 */
export function formatNumberSymbol(input: {
  number: number;
  typeCode: DocumentTypeCode;
  issuerCode: string;
  draftingCode?: string | null;
}): string {
  const n = formatNumber(input.number);
  if (input.typeCode === OFFICIAL_LETTER) return `${n}/${input.issuerCode}${input.draftingCode ? `-${input.draftingCode}` : ''}`;
  return `${n}/${input.typeCode}-${input.issuerCode}`;
}

/** The sequence a document is numbered in: one per type and calendar year (Art. 15(1)). */
export function sequenceOf(typeCode: DocumentTypeCode, issuedOn: string): { year: number; series: string } {
  return { year: Number(issuedOn.slice(0, 4)), series: typeCode };
}

/** An agency code fit for a symbol: capitals, digits and Đ ("skhcn-qng" → "SKHCN"). */
export function issuerCodeFrom(tenantCode: string): string {
  return (tenantCode.split('-')[0] ?? '').toUpperCase().replace(/[^A-ZĐ0-9]/gu, '');
}

/** A symbol's agency code: "05/KH-SKHCN" → "SKHCN"; null when it has none. */
export function issuerCodeOfSymbol(symbol: string | null | undefined): string | null {
  return symbol?.match(/\/[A-ZĐa-zđ]+-([A-ZĐ0-9]+)/u)?.[1] ?? null;
}
