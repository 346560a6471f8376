import { describe, expect, it } from 'vitest';
import { parsePlanText, toImportJson } from '../../domain/plan-text';
import { shippedRestorer } from '.';

describe('restoring damaged Vietnamese with the shipped model (issue #15)', () => {
  const r = shippedRestorer();
  it('restores OCR damage and lost diacritics, reporting each changed word', () => {
    const out = r.restore('Tang cuong cong tac 1anh dao cta Pang trong viec thuc hien quy ché dan chu & co s6', { mode: 'damaged' });
    expect(out.text).toBe('Tăng cường công tác lãnh đạo của Đảng trong việc thực hiện quy chế dân chủ ở cơ sở');
    const lanh = out.changes.find((c) => c.source === '1anh')!;
    expect(lanh.restored).toBe('lãnh');
    expect(out.text.slice(lanh.start, lanh.end)).toBe('lãnh');
    expect(lanh.confidence).toBeGreaterThan(0);
    expect(lanh.confidence).toBeLessThanOrEqual(1);
  });
  it('tells damaged text from good text, and leaves good text alone', () => {
    const good = 'Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện Chỉ thị với các nội dung cụ thể như sau';
    expect(r.looksDamaged(good)).toBe(false);
    expect(r.looksDamaged('Uy ban nhan dan tinh ban hanh Ke hoach trien khai thuc hien Chi thi voi cac noi dung cu the nhu sau')).toBe(
      true,
    );
    expect(r.restore(good, { mode: 'clean' }).changes).toEqual([]);
    // Symbols and acronyms are not words to restore.
    expect(r.restore('theo Quyết định số 866/QĐ-Tg của UBND tỉnh', { mode: 'clean' }).changes).toEqual([]);
  });
  it('gives each item its restored text and the text of the file', () => {
    const json = toImportJson(
      parsePlanText('KE HOACH\nI. MUC DICH, YEU CAU\n1. Tang cuong su lanh dao cua cac cap uy doi voi cong tac dan van.\n', {
        restorer: r,
      }),
    );
    expect(json.sections[0]!.items[0]).toMatchObject({
      text: 'Tăng cường sự lãnh đạo của các cấp ủy đối với công tác dân vận.',
      sourceText: 'Tang cuong su lanh dao cua cac cap uy doi voi cong tac dan van.',
    });
  });
});
