import { describe, expect, it } from 'vitest';
import { parsePlanText, toImportJson } from '.';

const shape = (t: string) => toImportJson(parsePlanText(t)).sections.map((s) => [s.numeral, s.items.length]);

describe('layouts of plans as clerks get them (issue #15)', () => {
  it('reads markdown copied from a law website', () => {
    const md = [
      '| **ỦY BAN NHÂN DÂN XÃ A** ------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |',
      '| --- | --- |',
      '| Số: 12/KH-UBND | *A, ngày 02 tháng 3 năm 2025* |',
      '**KẾ HOẠCH**',
      '## **I. MỤC ĐÍCH, YÊU CẦU**',
      '**1\\. Mục đích**',
      'Nâng cao nhận thức.',
      '**2\\. Yêu cầu**',
      '---',
      '**II. TỔ CHỨC THỰC HIỆN**',
      '1. Văn phòng chủ trì.',
      '| *Nơi nhận:* - UBND huyện (báo cáo); - Lưu: VT. | TM. ỦY BAN NHÂN DÂN |',
    ].join('\n');
    const r = toImportJson(parsePlanText(md));
    expect(r.sections.map((s) => [s.numeral, s.items.length])).toEqual([
      ['I', 2],
      ['II', 1],
    ]);
    expect(r.recipients.map((x) => x.name)).toEqual(['UBND huyện']);
  });
  it('keeps items of a plan without Roman sections in one section without numeral', () => {
    expect(shape('KẾ HOẠCH\nKiểm tra\n1. Mục tiêu\n- Đánh giá.\n2. Yêu cầu\n- Đúng luật.\n3. Phân công\nÔng A.\n')).toEqual([['', 3]]);
  });
  it('takes the dash paragraphs of a section without numbered items as its items', () => {
    const t =
      'I. MỤC ĐÍCH\n1. Một.\nII. KINH PHÍ\nNgân sách nhà nước.\nIII. CHẾ ĐỘ BÁO CÁO\n- Các đơn vị báo cáo trước ngày 10/12 hằng năm.\n- Sở tổng hợp.\n';
    expect(shape(t)).toEqual([
      ['I', 1],
      ['II', 0],
      ['III', 2],
    ]);
  });
  it('accepts a usual heading in sentence case, and headings whose numbering was lost', () => {
    expect(shape('I. Mục đích, yêu cầu\n1. Một.\nII. Tổ chức thực hiện\n1. Hai.\n2. Ba.\n')).toEqual([
      ['I', 1],
      ['II', 2],
    ]);
    expect(shape('MỤC ĐÍCH, YÊU CẦU\n1. Một.\nNỘI DUNG THỰC HIỆN\n1. Hai.\n2. Ba.\nTỔ CHỨC THỰC HIỆN\n1. Bốn.\n')).toEqual([
      ['I', 1],
      ['II', 2],
      ['III', 1],
    ]);
    // "1. Mục tiêu" is an item, not section I.
    expect(shape('I. MỤC ĐÍCH\n1. Mục tiêu\n2. Yêu cầu\n')).toEqual([['I', 2]]);
  });
});

describe('recurring, periodic and relative deadlines (issue #15)', () => {
  it('reads them and ties each to its item', () => {
    const t =
      'I. NHIỆM VỤ\n1. Tuyên truyền trong quý I/2026.\n2. Rà soát, xong trong tháng 5/2026; báo cáo định kỳ 6 tháng.\n3. Trả lời sau 05 ngày làm việc kể từ ngày nhận đơn.\nII. CHẾ ĐỘ BÁO CÁO\n- Các Sở, ngành định kỳ hàng năm (trước ngày 10/12) báo cáo UBND tỉnh.\n- Báo cáo hằng quý.\n';
    expect(
      parsePlanText(t).schedules.map((s) => [s.kind, s.dueOn, s.day ?? s.months ?? s.days ?? null, s.report, s.section, s.item]),
    ).toEqual([
      ['quarter', '2026-03-31', null, false, 'I', 1],
      ['month', '2026-05-31', null, false, 'I', 2],
      ['every_months', null, 6, true, 'I', 2],
      ['relative', null, 5, false, 'I', 3],
      ['yearly', null, 10, true, 'II', 1],
      ['every_months', null, 3, true, 'II', 2],
    ]);
  });
});
