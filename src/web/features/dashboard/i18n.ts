/** UI text of the `dashboard` web module: Vietnamese first; English, with the same keys, is in `i18n.en.ts` and loads only when chosen. */
export const vi = {
  dashboard: {
    title: 'Bảng điều khiển',
    hello: 'Xin chào, {{name}}',
    motto: 'Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng',
    waiting: 'Việc chờ bạn',
    nothingWaiting: 'Không có việc nào đang chờ bạn xử lý.',
    nearestDue: 'hạn gần nhất {{date}}',
    general: 'Số liệu chung',
    trend: 'Diễn biến từ {{from}} đến {{to}}',
    more: 'Xem thêm {{n}}',
    less: 'Thu gọn',
    tone: { ok: 'Đúng tiến độ', watch: 'Cần theo dõi', behind: 'Chậm, cần xử lý', info: 'Tham khảo' },
  },
};
