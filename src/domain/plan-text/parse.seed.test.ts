import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText, toImportJson } from './parse';
import { fold } from './normalize';

// The seed (OCR-damaged 2021 plan) lives in ../shared beside the repository, as on CI.
const SEED = path.resolve(import.meta.dirname, '../../../examples/ke-hoach-2021-ban-ocr.txt');
const raw = readFileSync(SEED, 'utf8');
const parsed = parsePlanText(raw);
const json = toImportJson(parsed);

describe('parsePlanText on the seed', () => {
  it('finds the 18 documents it cites, with type, issuer and date (VIETNAMESE.md §1.3)', () => {
    // Gold built by reading the seed: 21 mentions, 18 unique documents.
    expect(json.references).toEqual([
      { symbol: '246-CV/TU', type: 'Công văn', issuer: 'Ban Thường vụ Tỉnh ủy', date: '2021-02-08' },
      { symbol: '10-KH/BDVTU-BCSĐUBND', type: 'Kế hoạch', issuer: 'Ban Cán sự đảng UBND tỉnh và Ban Dân vận Tỉnh ủy', date: '2021-01-11' },
      { symbol: '38/KH-UBND', type: 'Kế hoạch', issuer: 'UBND tỉnh', date: '2021-03-04' },
      { symbol: '25-KL/TU', type: 'Kết luận', issuer: 'Tỉnh ủy', date: '2020-11-27' },
      { symbol: '120-KL/TW', type: 'Kết luận', issuer: 'Bộ Chính trị', date: '2016-01-07' },
      { symbol: '114-KL/TW', type: 'Kết luận', issuer: 'Ban Bí thư', date: '2015-07-14' },
      { symbol: '16/CT-TTg', type: 'Chỉ thị', issuer: 'Thủ tướng Chính phủ', date: '2016-05-16' },
      { symbol: '436/QĐ-UBND', type: 'Quyết định', issuer: 'UBND tỉnh', date: '2019-06-11' },
      { symbol: '737/QĐ-UBND', type: 'Quyết định', issuer: 'UBND tỉnh', date: '2019-09-27' },
      { symbol: '644/QĐ-UBND', type: 'Quyết định', issuer: 'UBND tỉnh', date: '2020-05-06' },
      { symbol: '416/QĐ-TTg', type: 'Quyết định', issuer: 'Thủ tướng Chính phủ', date: '2020-03-25' },
      { symbol: '37-CT/TW', type: 'Chỉ thị', issuer: 'Ban Bí thư', date: '2019-09-03' },
      { symbol: '1856-QĐ/TU', type: 'Quyết định', issuer: 'Ban Thường vụ Tỉnh ủy', date: '2011-10-20' },
      { symbol: '18-NQ/TW', type: 'Nghị quyết', issuer: 'Ban Chấp hành Trung ương Đảng', date: '2017-10-25' },
      { symbol: '125-KH/TU', type: 'Kế hoạch', issuer: 'Tỉnh ủy', date: '2018-04-05' },
      { symbol: '04/2015/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', date: '2015-01-09' },
      { symbol: '149/2018/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', date: '2018-11-07' },
      { symbol: '159/2016/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', date: '2016-11-29' },
    ]);
  });

  it('merges the 21 mentions: 120-KL/TW, 114-KL/TW and 18-NQ/TW twice, the second 18-NQ/TW without a date', () => {
    expect(parsed.references.reduce((n, r) => n + r.mentions.length, 0)).toBe(21);
    const twice = parsed.references.filter((r) => r.mentions.length === 2).map((r) => r.symbol);
    expect(twice).toEqual(['120-KL/TW', '114-KL/TW', '18-NQ/TW']);
    const nq = parsed.references.find((r) => r.symbol === '18-NQ/TW')!;
    expect(nq.mentions.map((m) => m.date?.value ?? null)).toEqual(['2017-10-25', null]);
    // Spans point at the OCR'd text: "1856-QB/TU" and "120-\nKL/TW".
    const qd = parsed.references.find((r) => r.symbol === '1856-QĐ/TU')!.mentions[0]!;
    expect(parsed.text.slice(qd.symbol.span!.start, qd.symbol.span!.end)).toBe('1856-QB/TU');
    expect(qd.symbol.confidence).toBeLessThan(1);
    const kl = parsed.references.find((r) => r.symbol === '120-KL/TW')!.mentions[0]!;
    expect(parsed.text.slice(kl.symbol.span!.start, kl.symbol.span!.end)).toBe('120-\nKL/TW');
    expect(parsed.text.slice(kl.date!.span!.start, kl.date!.span!.end)).toBe('ngay 07/01/2016');
    expect(parsed.text.slice(kl.issuers[0]!.span!.start, kl.issuers[0]!.span!.end)).toBe('B Chinh tri');
  });

  it('reads 3 sections with 3, 14 and 4 items, with canonical headings', () => {
    expect(json.sections.map((s) => [s.numeral, s.title, s.items.length])).toEqual([
      ['I', 'MỤC ĐÍCH, YÊU CẦU', 3],
      ['II', 'NỘI DUNG THỰC HIỆN', 14],
      ['III', 'TỔ CHỨC THỰC HIỆN', 4],
    ]);
    for (const s of json.sections) expect(s.items.map((i) => i.number)).toEqual(s.items.map((_, k) => k + 1));
    // Items start and end where the text says ("11.NOI DUNG" is II, "2026 dé dé ra" is no item).
    expect(json.sections[0]!.items[0]!.text.startsWith('Tang cuong cong tac 1anh dao')).toBe(true);
    expect(json.sections[0]!.items[2]!.text.endsWith('thiét thuc va hiéu qua.')).toBe(true);
    expect(json.sections[1]!.items[3]!.text).toContain('nhiém ky 2021 - 2026 dé dé ra');
    expect(json.sections[1]!.items[13]!.text.endsWith('co quan t6 chirc c6 lién quan.')).toBe(true);
    // The closing paragraphs after III.4 are not part of it.
    expect(json.sections[2]!.items[3]!.text.endsWith('Quy ché dan chu, cong tac dan van chinh quyén.')).toBe(true);
  });

  it('finds the two deadlines of item III.2 with their clauses', () => {
    expect(json.deadlines).toEqual([
      {
        date: '2021-06-11',
        text: 'Thuc hién nghiém tlc ché do bao cao dinh ky 06 thang dau nam goi trwéc ngay 11/6/2021',
        section: 'III',
        item: 2,
      },
      { date: '2021-11-11', text: 'bao cao nim gui trudc ngay 11/11/2021 Vé S& (qua Vin phong S6)', section: 'III', item: 2 },
    ]);
    expect(json.sections[2]!.items[1]!.deadlines).toEqual(['2021-06-11', '2021-11-11']);
  });

  it('names the responsible units of section III, restored through the unit gazetteer', () => {
    expect(json.sections[2]!.items.map((i) => i.units)).toEqual([
      ['Sở Khoa học và Công nghệ', 'Công đoàn cơ sở'],
      ['Trưởng các đơn vị thuộc Sở'],
      ['Văn phòng Sở', 'Các phòng chức năng của Sở', 'Các đơn vị có liên quan'],
      ['Ban Biên tập Trang thông tin điện tử Sở', 'Các đơn vị có liên quan'],
    ]);
    expect(parsed.sections[2]!.items.map((i) => i.leadUnitCount)).toEqual([1, 1, 1, 1]);
    expect(json.sections[0]!.items.every((i) => i.units.length === 0)).toBe(true);
  });

  it('reads the 8 recipients without the signature column, and the archive note', () => {
    expect(json.recipients).toEqual([
      { name: 'Ban Thường vụ Tỉnh ủy', role: null },
      { name: 'Ban Dân vận Tỉnh ủy', role: null },
      { name: 'UBND tỉnh', role: 'báo cáo' },
      { name: 'Sở Nội vụ tỉnh', role: null },
      { name: 'Công đoàn Sở', role: 'phối hợp' },
      { name: 'GĐ, các PGĐ Sở', role: null },
      { name: 'Các phòng, đơn vị thuộc Sở', role: 'thực hiện' },
      { name: 'BBT Trang TTĐT Sở', role: null },
    ]);
    expect(parsed.archive?.value).toBe('Lưu: VT, VP.');
    expect(parsed.signer).toMatchObject({ authority: 'KT.', title: 'GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC' });
    expect(parsed.signer?.name?.value).toBe('Tran Cbng Hoa');
  });

  it('takes the date from the latest digital signature and the issuer from the preamble', () => {
    expect(parsed.signatureTimestamps.map((t) => t.value)).toEqual([
      '2021-03-22T14:14:01+0700',
      '2021-03-22T14:38:30+0700',
      '2021-03-22T14:38:30+0700',
    ]);
    expect(json.signedAt).toBe('2021-03-22');
    expect(json.issuer).toBe('Sở Khoa học và Công nghệ');
    expect(parsed.symbol).toBeNull();
    expect(fold(json.title)).toBe(fold('Kế hoạch thuec hién Quy ché dén chi tai co sé va cong tac dian van chinh quyén nam 2021'));
  });

  it('gives every field a span inside the text and a confidence in [0, 1]', () => {
    const spans = [
      ...parsed.references.flatMap((r) => r.mentions.flatMap((m) => [m.symbol, m.date, m.type, ...m.issuers])),
      ...parsed.sections.flatMap((s) => [s.title, ...s.items.flatMap((i) => i.units)]),
      ...parsed.recipients.map((r) => r.name),
      parsed.title,
      parsed.signedAt,
    ];
    for (const f of spans) {
      if (!f) continue;
      expect(f.confidence).toBeGreaterThanOrEqual(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      if (f.span) {
        expect(f.span.start).toBeGreaterThanOrEqual(0);
        expect(f.span.end).toBeGreaterThan(f.span.start);
        expect(f.span.end).toBeLessThanOrEqual(parsed.text.length);
      }
    }
    expect(parsed.text).toBe(parsed.text.normalize('NFC'));
  });
});
