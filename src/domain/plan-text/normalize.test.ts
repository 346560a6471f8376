import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldShadow, normalizePlanText, ocrKey, ocrSimilarity } from './normalize';

describe('normalization and the folded shadow (VIETNAMESE.md §1.2, §3.1)', () => {
  it('normalizes to NFC, LF line ends, Đ for the look-alike Ð, and drops zero-width characters', () => {
    expect(normalizePlanText('Ðảng\r\nủy\u200b')).toBe('Đảng\nủy');
    expect(normalizePlanText('Nậm Nèn'.normalize('NFD'))).toBe('Nậm Nèn'.normalize('NFC'));
    expect(normalizePlanText('UBND t\u0131\u0309nh')).toBe('UBND tỉnh');
  });
  it('folds one character to one, so offsets stay valid', () => {
    expect(foldShadow('Đảng ủy Quảng Ngãi')).toBe('Dang uy Quang Ngai');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aăâđeêioôơuưyĐÀẢÃÁẠằẳẵắặầẩẫấậ̀ -/0123456789lIOSB\n'.split('')) }), (s) => {
        const n = normalizePlanText(s);
        expect(foldShadow(n)).toHaveLength(n.length);
      }),
    );
  });
  it('reads OCR letters as digits only in date- and law-number-shaped tokens', () => {
    expect(foldShadow('ngay l1/6/2O19')).toBe('ngay 11/6/2019');
    expect(foldShadow('s O4 /2015/ND')).toBe('s 04 /2015/ND');
    expect(foldShadow('Sở lo 1/2')).toBe('So lo 1/2');
  });
  it('builds OCR keys with a vowel wildcard and compares them', () => {
    expect(fold('Tỉnh Ủy')).toBe('tinh uy');
    expect(ocrKey('S¢ Khoa hoc, 1anh dao x4')).toBe('s* khoa hoc lanh dao x*');
    expect(ocrSimilarity(ocrKey('Ban Chip hanh Trung wong Pang'), ocrKey('Ban Chấp hành Trung ương Đảng'))).toBeGreaterThan(0.9);
    expect(ocrSimilarity(ocrKey('Tinh uy'), ocrKey('Bộ Chính trị'))).toBeLessThan(0.5);
  });
});
