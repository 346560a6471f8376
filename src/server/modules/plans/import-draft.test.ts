import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../domain/plan-text';
import { buildImportDraft } from './import-draft';

const opts = { filename: 'k.txt', kind: 'text', units: [], defaultPlace: 'A', fallbackYear: 2026 };

describe('the review draft of an imported plan', () => {
  it('names a document cited without a number by its type and date, so the plan can be saved', () => {
    const d = buildImportDraft(
      parsePlanText('KẾ HOẠCH\nKiểm tra\nCăn cứ Luật Quản lý, sử dụng vũ khí ngày 26 tháng 8 năm 2024;\nI. MỤC ĐÍCH\n1. Một.\n'),
      opts,
    );
    expect(d.plan.citations).toEqual([{ symbol: 'Luật ngày 26/08/2024', typeName: 'Luật', issuer: 'Quốc hội', issuedOn: '2024-08-26' }]);
  });
  it('proposes report cycles from reporting deadlines and warns of a plan with the same number', () => {
    const text =
      'UBND XÃ A\nSố: 12/KH-UBND\nA, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\nThực hiện dân chủ ở cơ sở năm 2026\nI. NHIỆM VỤ\n1. Tuyên truyền trong quý II/2026.\nII. CHẾ ĐỘ BÁO CÁO\n- Các thôn báo cáo trước ngày 10/12 hằng năm.\n';
    const d = buildImportDraft(parsePlanText(text), {
      ...opts,
      existing: [{ id: 'p1', summary: 'Khác hẳn', numberSymbol: '12/KH-UBND', year: 2026 }],
    });
    expect(d.proposals.cycles).toEqual([expect.objectContaining({ kind: 'annual', title: 'năm 2026', dueOn: '2026-12-10' })]);
    expect(d.proposals.tasks).toEqual([expect.objectContaining({ section: 'I', item: 1, dueOn: '2026-06-30', leadUnit: null })]);
    expect(d.duplicates).toEqual([expect.objectContaining({ id: 'p1', why: 'symbol' })]);
  });
});
