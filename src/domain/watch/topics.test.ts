import { describe, expect, it } from 'vitest';
import { phrasesOf, placesOf, recurringPhrases, topicsOf } from './topics';

describe('grievance topics and places', () => {
  it('matches topics whatever the diacritics and the case', () => {
    expect(topicsOf('Khiếu nại việc THU HỒI ĐẤT xây dựng trạm phát sóng chưa bồi thường')).toEqual(['land', 'telecom']);
    expect(topicsOf('khieu nai viec thu hoi dat chua boi thuong')).toEqual(['land']);
    expect(topicsOf('Phản ánh đồng hồ đo nước chạy nhanh')).toEqual(['measurement']);
    expect(topicsOf('Xin chào')).toEqual([]);
  });

  it('finds the places after a place word, folded for counting', () => {
    expect(placesOf('Phản ánh sóng điện thoại yếu tại xã Ba Tơ, huyện Ba Tơ')).toEqual([
      { key: 'xa ba to', label: 'xã Ba Tơ' },
      { key: 'huyen ba to', label: 'huyện Ba Tơ' },
    ]);
    expect(placesOf('tại phường Sa Huỳnh và thị trấn Mộ Đức')).toEqual([
      { key: 'phuong sa huynh', label: 'phường Sa Huỳnh' },
      { key: 'thi tran mo duc', label: 'thị trấn Mộ Đức' },
    ]);
  });

  it('never makes a phrase or a place of a person’s name', () => {
    const text = 'Ông Nguyễn Văn Bình tố cáo công chức Trần Thị Hoa gợi ý nộp thêm tiền để giải quyết nhanh hồ sơ';
    const phrases = phrasesOf(text);
    expect(phrases.join(' ')).not.toMatch(/nguyen|binh|tran|hoa\b/);
    expect(phrases).toContain('nop them tien');
    expect(placesOf(text)).toEqual([]);
  });

  it('keeps the phrases that recur across texts, longest when as frequent', () => {
    const r = recurringPhrases([
      'chậm thanh toán kinh phí đề tài',
      'đề nghị thanh toán kinh phí đợt 2',
      'thanh toán kinh phí hỗ trợ đổi mới công nghệ',
      'hướng dẫn hồ sơ',
    ]);
    expect(r[0]).toEqual({ phrase: 'thanh toan kinh phi', texts: 3 });
    expect(r.find((p) => p.phrase === 'thanh toan kinh')).toBeUndefined();
  });
});
