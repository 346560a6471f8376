/** UI text of the `targets` web module: Vietnamese first; English has the same keys (the type says so). */
const vi = {
  nav: { targets: 'Chỉ tiêu theo năm' },
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

const en: typeof vi = {
  nav: { targets: 'Targets by year' },
  targets: {
    title: 'Dashboard targets',
    subtitle: "The dashboard's cards compare figures with the year's targets; the Office sets them each year, else the default applies.",
    year: 'Year',
    target: 'Target',
    defaultValue: 'Default: {{n}}',
    isDefault: 'the default applies',
    isSet: 'set for {{year}}',
    save: 'Save',
    reset: 'Back to the default',
    saved: 'Target saved',
    basis: 'Basis',
    pillar: {
      know: 'People know',
      discuss: 'People discuss',
      do: 'People do',
      inspect: 'People inspect',
      supervise: 'People supervise',
      benefit: 'People benefit',
    },
  },
  audit: { type_pillar_target: 'Dashboard target' },
};

export const messages = { vi, en };
