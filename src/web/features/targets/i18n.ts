/** UI text of the `targets` web module: Vietnamese first; English, with the same keys, is in `i18n.en.ts` and loads only when chosen. */
export const vi = {
  targets: {
    title: 'Chỉ tiêu của bảng điều khiển',
    subtitle:
      'Các thẻ trên bảng điều khiển so số liệu với chỉ tiêu của năm; Văn phòng đặt chỉ tiêu từng năm, chưa đặt thì dùng mức mặc định.',
    year: 'Năm',
    target: 'Chỉ tiêu',
    defaultValue: 'Mặc định: {{n}}',
    isDefault: 'đang dùng mặc định',
    isSet: 'đã đặt cho năm {{year}}',
    save: 'Lưu',
    reset: 'Về mặc định',
    saved: 'Đã lưu chỉ tiêu',
    basis: 'Căn cứ',
    pillar: {
      know: 'Dân biết',
      discuss: 'Dân bàn',
      do: 'Dân làm',
      inspect: 'Dân kiểm tra',
      supervise: 'Dân giám sát',
      benefit: 'Dân thụ hưởng',
    },
  },
  audit: { type_pillar_target: 'Chỉ tiêu bảng điều khiển' },
};
