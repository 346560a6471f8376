import { describe, expect, it } from 'vitest';
import { formatNumber, formatNumberSymbol, issuerCodeFrom, issuerCodeOfSymbol, sequenceOf, typeCodeOf, typeNameOf } from './numbering';

describe('numbers and symbols of outgoing documents (Decree 30/2020 Art. 15, Annexes I and III)', () => {
  it('writes numbers under 10 with a leading zero and refuses what is not a number', () => {
    expect(formatNumber(1)).toBe('01');
    expect(formatNumber(9)).toBe('09');
    expect(formatNumber(10)).toBe('10');
    expect(formatNumber(1234)).toBe('1234');
    expect(() => formatNumber(0)).toThrow(RangeError);
    expect(() => formatNumber(1.5)).toThrow(RangeError);
  });

  it('builds "NN/TYPE-AGENCY", and a công văn without a type code', () => {
    expect(formatNumberSymbol({ number: 5, typeCode: 'KH', issuerCode: 'SKHCN' })).toBe('05/KH-SKHCN');
    expect(formatNumberSymbol({ number: 38, typeCode: 'BC', issuerCode: 'SKHCN' })).toBe('38/BC-SKHCN');
    expect(formatNumberSymbol({ number: 123, typeCode: 'QĐ', issuerCode: 'UBND' })).toBe('123/QĐ-UBND');
    expect(formatNumberSymbol({ number: 567, typeCode: 'CV', issuerCode: 'SKHCN', draftingCode: 'VP' })).toBe('567/SKHCN-VP');
    expect(formatNumberSymbol({ number: 7, typeCode: 'CV', issuerCode: 'SKHCN' })).toBe('07/SKHCN');
  });

  it('numbers each type in its own sequence per calendar year: 31/12 and 01/01 fall in different years', () => {
    expect(sequenceOf('KH', '2025-12-31')).toEqual({ year: 2025, series: 'KH' });
    expect(sequenceOf('KH', '2026-01-01')).toEqual({ year: 2026, series: 'KH' });
    expect(sequenceOf('BC', '2026-01-01').series).not.toBe(sequenceOf('KH', '2026-01-01').series);
  });

  it('recognises the type named in a header, with or without diacritics and in capitals', () => {
    expect(typeCodeOf('KẾ HOẠCH')).toBe('KH');
    expect(typeCodeOf('Báo cáo')).toBe('BC');
    expect(typeCodeOf('QUYET DINH')).toBe('QĐ');
    expect(typeCodeOf('Thư chúc mừng')).toBeNull();
    expect(typeNameOf('TB')).toBe('Thông báo');
  });

  it('derives the agency code for symbols from its code and from an existing symbol', () => {
    expect(issuerCodeFrom('skhcn-qng')).toBe('SKHCN');
    expect(issuerCodeOfSymbol('38/KH-SKHCN')).toBe('SKHCN');
    expect(issuerCodeOfSymbol(null)).toBeNull();
  });
});
