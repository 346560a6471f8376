import { describe, expect, it } from 'vitest';
import { matchUnit, ocrKey } from './unit-match';

const units = [
  { id: 'vp', name: 'Văn phòng Sở' },
  { id: 'qlkh', name: 'Phòng Quản lý khoa học' },
  { id: 'qlcn', name: 'Phòng Quản lý công nghệ và Phát triển thị trường' },
  { id: 'cd', name: 'Công đoàn cơ sở Sở Khoa học và Công nghệ', aliases: ['Công đoàn cơ sở'] },
  { id: 'bttnd', name: 'Ban Thanh tra nhân dân' },
];

describe('matching unit names to the agency', () => {
  it('folds diacritics and OCR glyphs', () => {
    expect(ocrKey('Công đoàn cơ sở')).toBe('cong doan co so');
    expect(ocrKey('C6ng doan co s¢')).toBe('cong doan co se');
  });

  it('matches clean, unaccented and OCR-damaged names', () => {
    expect(matchUnit('Phòng Quản lý khoa học', units)?.unitId).toBe('qlkh');
    expect(matchUnit('phong quan ly khoa hoc', units)?.unitId).toBe('qlkh');
    expect(matchUnit('Phong Quan ly khoa hgc', units)?.unitId).toBe('qlkh');
    expect(matchUnit('Van phong S¢', units)?.unitId).toBe('vp');
    expect(matchUnit('Ban Thanh tra nhan dan', units)?.unitId).toBe('bttnd');
    expect(matchUnit('C6ng doan co s¢', units)?.unitId).toBe('cd');
  });

  it('finds the unit at the start of a longer clause', () => {
    expect(matchUnit('Văn phòng Sở là cơ quan thường trực giúp Giám đốc Sở', units)?.unitId).toBe('vp');
  });

  it('matches a short name inside a longer official one', () => {
    expect(matchUnit('Công đoàn cơ sở', [{ id: 'cd', name: 'Công đoàn cơ sở Sở Khoa học và Công nghệ' }])?.unitId).toBe('cd');
  });

  it('does not invent a match', () => {
    expect(matchUnit('Sở Tài chính', units)).toBeNull();
    expect(matchUnit('Phòng', units)).toBeNull();
    expect(matchUnit('', units)).toBeNull();
  });
});
