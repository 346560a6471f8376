import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, matches, parseDmy } from './format';

describe('display formats', () => {
  it('shows dates as dd/mm/yyyy', () => {
    expect(formatDate('2021-03-22')).toBe('22/03/2021');
    expect(formatDate(null)).toBe('—');
  });
  it('shows instants in Vietnam time', () => {
    expect(formatDateTime('2021-03-22T17:30:00Z')).toBe('23/03/2021 00:30');
  });
  it('reads typed dates day first, refusing impossible ones', () => {
    expect(parseDmy('02/03/2020')).toBe('2020-03-02');
    expect(parseDmy('31/02/2020')).toBeNull();
    expect(parseDmy('2020-03-02')).toBeNull();
  });
  it('filters without diacritics', () => {
    expect(matches('Phòng Quản lý khoa học', 'quan ly')).toBe(true);
    expect(matches('Đặng Quốc Bảo', 'dang')).toBe(true);
    expect(matches('Văn phòng', 'vận')).toBe(true);
    expect(matches('Văn phòng', 'tài chính')).toBe(false);
  });
});
