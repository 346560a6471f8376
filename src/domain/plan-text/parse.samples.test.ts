import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corruptLikeOcr } from './fixtures/corrupt';
import { parsePlanText, toImportJson } from './parse';
import type { PlanImportJson } from './types';

const fixture = (name: string): string => readFileSync(path.resolve(import.meta.dirname, 'fixtures', name), 'utf8');
const CLEAN = fixture('clean-plan.txt');
const LAWS = fixture('laws-plan.txt');
const expected = (name: string): PlanImportJson => JSON.parse(fixture(name)) as PlanImportJson;

describe('a clean plan with another layout (I–V, KINH PHÍ, a)/b) sub-items, two-column header)', () => {
  const parsed = parsePlanText(CLEAN);
  it('gives exactly the expected import JSON', () => {
    // Expected output reviewed by hand against the fixture text.
    expect(toImportJson(parsed)).toEqual(expected('clean-plan.expected.json'));
  });
  it('reads the header: own symbol (not a reference), issuer under its parent, place and date, signer', () => {
    expect(parsed.symbol?.value).toBe('12/KH-SKHCN');
    expect(parsed.references.map((r) => r.symbol)).not.toContain('12/KH-SKHCN');
    expect(parsed.issuer?.value).toBe('Sở Khoa học và Công nghệ');
    expect(parsed.parentIssuer?.value).toBe('UBND tỉnh Quảng Ngãi');
    expect(parsed.place?.value).toBe('Quảng Ngãi');
    expect(parsed.signedAt?.value).toBe('2021-02-05');
    expect(parsed.documentType.value).toBe('Kế hoạch');
    expect(parsed.signer).toMatchObject({ authority: 'KT.', title: 'GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC' });
    expect(parsed.signer?.name?.value).toBe('Nguyễn Văn An');
    expect(parsed.archive?.value).toBe('Lưu: VT, VP.');
  });
  it('keeps a)/b) as sub-items and takes units from them in TỔ CHỨC THỰC HIỆN', () => {
    const it2 = parsed.sections[3]!.items[1]!;
    expect(it2.subItems.map((s) => [s.label, s.text])).toEqual([
      ['a)', 'Thanh tra Sở hướng dẫn, kiểm tra việc thực hiện.'],
      ['b)', 'Trưởng các phòng, đơn vị thuộc Sở tổ chức quán triệt đến công chức, viên chức.'],
    ]);
    expect(parsed.sections[3]!.items[0]!.leadUnitCount).toBe(1); // Văn phòng Sở leads, Thanh tra Sở co-operates
  });
});

describe('a plan citing laws and NA resolutions, with long-form dates and a UBND header on two lines', () => {
  const parsed = parsePlanText(LAWS);
  it('gives exactly the expected import JSON', () => {
    expect(toImportJson(parsed)).toEqual(expected('laws-plan.expected.json'));
  });
  it('keeps the law type from the text and merges the three mentions of Law 10/2022/QH15', () => {
    const law = parsed.references.find((r) => r.symbol === '10/2022/QH15')!;
    expect(law.family).toBe('law');
    expect(law.mentions).toHaveLength(3);
    expect(law.mentions[0]!.type?.span).not.toBeNull();
    expect(parsed.symbol?.value).toBe('85/KH-UBND');
    expect(parsed.signer).toMatchObject({ authority: 'TM.', title: 'ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH' });
    expect(parsed.signer?.name?.value).toBe('Trần Thị Bình');
  });
});

describe('a Party committee plan (Số without colon, "1-" items, K/T, "Lưu" without colon)', () => {
  const parsed = parsePlanText(fixture('party-plan.txt'));
  it('gives exactly the expected import JSON', () => {
    expect(toImportJson(parsed)).toEqual(expected('party-plan.expected.json'));
  });
  it('reads the Party header and signer block', () => {
    expect(parsed.symbol?.value).toBe('15-KH/BDVTU');
    expect(parsed.parentIssuer?.value).toBe('ĐẢNG BỘ TỈNH QUẢNG NGÃI');
    expect(parsed.signer).toMatchObject({ authority: 'KT.', title: 'TRƯỞNG BAN', position: 'PHÓ TRƯỞNG BAN' });
    expect(parsed.archive?.value).toBe('Lưu: Văn phòng.');
    // "Văn phòng Ban" must not be "restored" to the similar-looking "Văn phòng Sở".
    expect(parsed.sections[2]!.items[0]!.units.map((u) => u.value)).toEqual(['Phòng Dân vận chính quyền', 'Văn phòng Ban']);
  });
});

describe('the clean plan after synthetic OCR damage (seeded, deterministic)', () => {
  const clean = toImportJson(parsePlanText(CLEAN));
  const damagedText = corruptLikeOcr(CLEAN, 7);
  const damaged = toImportJson(parsePlanText(damagedText));

  it('is really damaged', () => {
    expect(damagedText).not.toBe(CLEAN);
    expect(damagedText).not.toContain('Số: 12/KH-SKHCN');
    expect(damagedText).toMatch(/ngay|ngdy/);
    expect(damagedText).toMatch(/QD|Qb|QB|QP/);
  });

  it('still yields the same documents, sections, deadlines, units and recipients', () => {
    expect(damaged.references).toEqual(clean.references);
    expect(damaged.sections.map((s) => [s.numeral, s.title, s.items.map((i) => [i.number, i.units, i.deadlines])])).toEqual(
      clean.sections.map((s) => [s.numeral, s.title, s.items.map((i) => [i.number, i.units, i.deadlines])]),
    );
    expect(damaged.deadlines.map((d) => [d.date, d.section, d.item])).toEqual(clean.deadlines.map((d) => [d.date, d.section, d.item]));
    expect(damaged.recipients).toEqual(clean.recipients);
    expect(damaged.signedAt).toBe('2021-02-05');
    expect(damaged.issuer).toBe('Sở Khoa học và Công nghệ');
  });

  it('recovers every reference under 40 different damage seeds, with no spurious one', () => {
    for (const text of [CLEAN, LAWS]) {
      const gold = toImportJson(parsePlanText(text)).references;
      for (let seed = 100; seed < 120; seed++) {
        expect(toImportJson(parsePlanText(corruptLikeOcr(text, seed))).references, `seed ${seed}`).toEqual(gold);
      }
    }
    // 40 whole-plan parses: about 2.5 s alone, more when the suite shares two cores.
  }, 30_000);
});

describe('precision: text that only looks like references', () => {
  it('finds no reference, section or deadline in plain prose with numbers', () => {
    const p = parsePlanText(
      'Giai đoạn 2021 - 2026 phát triển kinh tế - xã hội; đạt chuẩn ISO 9001:2015, TCVN 6909:2001.\n' +
        'Khoản 3 Điều 63 Bộ luật Lao động; phòng, chống COVID-19 và trực 24/7; ngày 11/11/2021 họp.\n' +
        '1. Việc thứ nhất.\n2026 dự kiến hoàn thành.\n',
    );
    expect(p.references).toEqual([]);
    expect(p.sections).toEqual([]);
    expect(p.deadlines).toEqual([]);
    expect(p.recipients).toEqual([]);
  });
});
