import { describe, expect, it } from 'vitest';
import { foldVietnamese } from './text';

describe('folding Vietnamese', () => {
  it('removes marks, maps đ to d and lower-cases, NFC or NFD alike', () => {
    expect(foldVietnamese('Đảng ủy Quảng Ngãi')).toBe('dang uy quang ngai');
    expect(foldVietnamese('Xã Nậm Nèn'.normalize('NFD'))).toBe('xa nam nen');
    expect(foldVietnamese('Hoà')).toBe(foldVietnamese('Hòa'));
  });
  it('keeps the length of NFC text', () => {
    const s = 'Công tác dân vận chính quyền';
    expect(foldVietnamese(s)).toHaveLength(s.length);
  });
});
