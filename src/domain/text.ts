/**
 * Folding Vietnamese for comparison (VIETNAMESE.md §3.1): strip the tone and vowel marks, map
 * đ/Đ to d (they are separate letters, not d plus a mark) and lower-case. Precomposed (NFC)
 * letters fold one to one, so offsets into an NFC string stay valid.
 * @example foldVietnamese('Đảng ủy Quảng Ngãi') === 'dang uy quang ngai'
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
