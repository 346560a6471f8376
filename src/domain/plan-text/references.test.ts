import { describe, expect, it } from 'vitest';
import { repairIssuerCode, repairTypeCode } from './codes';
import { parsePlanText, toImportJson } from './parse';

const refs = (s: string) => toImportJson(parsePlanText(s)).references;

describe('code repair (Đ read as P/D/B/b)', () => {
  it.each([
    ['QD', 'QĐ'],
    ['Qb', 'QĐ'],
    ['QB', 'QĐ'],
    ['ND', 'NĐ'],
    ['HD', 'HD'], // Hướng dẫn is a code of its own
    ['ĐA', 'ĐA'],
    ['QĐi', 'QĐi'],
    ['TTLT', 'TTLT'],
  ])('type %s → %s', (raw, code) => {
    expect(repairTypeCode(raw)).toMatchObject({ code, known: true });
  });
  it('repairs and segments issuer codes', () => {
    expect(repairIssuerCode('BCSDBUBND')).toMatchObject({ code: 'BCSĐUBND', known: true, edits: 1 });
    expect(repairIssuerCode('BDVTU').atoms.map((a) => a.code)).toEqual(['BDV', 'TU']);
    expect(repairIssuerCode('UBTVQH13')).toMatchObject({ code: 'UBTVQH13', known: true });
    expect(repairIssuerCode('XYZW').known).toBe(false);
    expect(repairTypeCode('Ve').known).toBe(false);
  });
});

describe('reference mentions', () => {
  it('reads the three families, công văn and laws, with issuers from text or code', () => {
    expect(
      refs(
        'Căn cứ Kế hoạch số 38/KH-UBND ngày 04/3/2021 của UBND tỉnh; Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị; ' +
          'Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ; Luật số 10/2022/QH15 ngày 10 tháng 11 năm 2022; ' +
          'Công văn số 245/SKHCN-VP ngày 20/01/2021; Kế hoạch số 10-KH/BDVTU-BCSĐUBND ngày 11/01/2021 giữa Ban Cán sự đảng UBND tỉnh và Ban Dân vận Tỉnh ủy.',
      ),
    ).toEqual([
      { symbol: '38/KH-UBND', type: 'Kế hoạch', issuer: 'UBND tỉnh', date: '2021-03-04' },
      { symbol: '120-KL/TW', type: 'Kết luận', issuer: 'Bộ Chính trị', date: '2016-01-07' },
      { symbol: '04/2015/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', date: '2015-01-09' },
      { symbol: '10/2022/QH15', type: 'Luật', issuer: 'Quốc hội', date: '2022-11-10' },
      { symbol: '245/SKHCN-VP', type: 'Công văn', issuer: 'Sở Khoa học và Công nghệ', date: '2021-01-20' },
      { symbol: '10-KH/BDVTU-BCSĐUBND', type: 'Kế hoạch', issuer: 'Ban Cán sự đảng UBND tỉnh và Ban Dân vận Tỉnh ủy', date: '2021-01-11' },
    ]);
  });

  it('copes with OCR: "s6", "ctia", "ngay", Đ as B/P, symbols broken across lines, spaced dates, O for 0', () => {
    expect(
      refs(
        'Két luan s6 120-\nKL/TW ngay 07/01/2016 ctia Bd Chinh tri; Quyét dinh 1856-QB/TU ngay 20/ 10/2011 cua Ban Thuong vu Tinh uy; Nghi dinh s O4 /2015/ND-CP ngay O9/01/2015 cua Chinh phi',
      ),
    ).toEqual([
      { symbol: '120-KL/TW', type: 'Kết luận', issuer: 'Bộ Chính trị', date: '2016-01-07' },
      { symbol: '1856-QĐ/TU', type: 'Quyết định', issuer: 'Ban Thường vụ Tỉnh ủy', date: '2011-10-20' },
      { symbol: '04/2015/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', date: '2015-01-09' },
    ]);
  });

  it('keeps two documents with the same number in different years apart', () => {
    expect(
      refs('Kế hoạch số 38/KH-UBND ngày 04/3/2021 của UBND tỉnh và Kế hoạch số 38/KH-UBND ngày 02/3/2022 của UBND tỉnh.').map(
        (r) => r.date,
      ),
    ).toEqual(['2021-03-04', '2022-03-02']);
  });

  it('rejects invalid dates and takes the issuer from the code when the text names none', () => {
    expect(refs('Quyết định số 436/QĐ-UBND ngày 31/02/2019 về việc ban hành; Chỉ thị 16/CT-TTg.')).toEqual([
      { symbol: '436/QĐ-UBND', type: 'Quyết định', issuer: 'UBND', date: null },
      { symbol: '16/CT-TTg', type: 'Chỉ thị', issuer: 'Thủ tướng Chính phủ', date: null },
    ]);
  });

  it('accepts a symbol with unknown codes only when the text names a document type before it', () => {
    expect(refs('mã hàng 12/AB-XY đã nhập')).toEqual([]);
    expect(refs('Theo Hướng dẫn số 7/ABX-XY ngày 02/01/2021')).toEqual([
      { symbol: '7/ABX-XY', type: 'Hướng dẫn', issuer: null, date: '2021-01-02' },
    ]);
  });
});

describe('documents the symbol patterns miss (issue #15)', () => {
  it('reads letters with irregular numbers, and symbols split by a stray space', () => {
    expect(
      refs(
        'Xét đề nghị của Công ty A tại Văn bản số 24.6/GĐN ngày 24/6/2026; Công ty B tại Văn bản số 35 ngày 24/6/2026; Công ty C tại Văn bản số 1230/MĐV-ATMT ngày 20/5/2026. Kèm theo Chương trình hành động số 104 CTr/TU ngày 30/8/2026.',
      ).map((r) => [r.symbol, r.type, r.date]),
    ).toEqual([
      ['24.6/GĐN', 'Văn bản', '2026-06-24'],
      ['35', 'Văn bản', '2026-06-24'],
      ['1230/MĐV-ATMT', 'Văn bản', '2026-05-20'],
      ['104-CTr/TU', 'Chương trình hành động', '2026-08-30'],
    ]);
  });
  it('reads documents cited by type and date only, not a law named again before a deadline', () => {
    expect(
      refs(
        'Căn cứ Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 26 tháng 8 năm 2024; Kế hoạch của Tỉnh ủy ngày 15/8/2024 về dân vận. Quán triệt Luật, hoàn thành trước ngày 30/6/2025.',
      ).map((r) => [r.symbol, r.type, r.date, r.issuer]),
    ).toEqual([
      ['', 'Luật', '2024-08-26', 'Quốc hội'],
      ['', 'Kế hoạch', '2024-08-15', 'Tỉnh ủy'],
    ]);
  });
  it('repairs a doubled letter typed once in an issuer code, and merges a slip of the year', () => {
    expect(refs('Quyết định số 866/QĐ-Tg ngày 18/7/2023 của Thủ tướng Chính phủ.').map((r) => r.symbol)).toEqual(['866/QĐ-TTg']);
    expect(refs('Quyết định số 1050/QĐ-SCT ngày 06/3/2026; theo Quyết định số 1050/QĐ-SCT ngày 06/3/2025.').map((r) => r.date)).toEqual([
      '2026-03-06',
    ]);
  });
});
