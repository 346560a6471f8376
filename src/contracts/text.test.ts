import { describe, expect, it } from 'vitest';
import { clipWords, excerptAround } from './text';

describe('clipWords', () => {
  it('keeps short text whole', () => {
    expect(clipWords('Tiếp công dân', 20)).toBe('Tiếp công dân');
  });
  it('never ends in half a word', () => {
    const s = 'Giải quyết khiếu kiện đông người kéo dài';
    const c = clipWords(s, 18);
    expect(c).toBe('Giải quyết khiếu…');
    expect(c.length).toBeLessThanOrEqual(18);
  });
  it('drops trailing punctuation before the ellipsis', () => {
    expect(clipWords('Kế hoạch, báo cáo, tổng kết năm', 12)).toBe('Kế hoạch…');
  });
  it('cuts a single long word where it must', () => {
    expect(clipWords('https://example.gov.vn/very/long/path', 10)).toBe('https://e…');
  });
});

describe('excerptAround', () => {
  const body = 'Ông Nguyễn Văn A khiếu nại về việc thu hồi đất nông nghiệp tại thôn Đông, xã Tây, huyện Nam, tỉnh Bắc';
  it('keeps the match and starts at a word', () => {
    const i = body.indexOf('thu hồi');
    const e = excerptAround(body, i, 40);
    expect(e).toContain('thu hồi');
    expect(e.startsWith('…')).toBe(true);
    expect(body.includes(e.slice(1, -1))).toBe(true);
    expect(e.slice(1, 2)).not.toMatch(/\s/);
  });
  it('returns short bodies whole', () => {
    expect(excerptAround('Đất đai', 0, 40)).toBe('Đất đai');
  });
});
