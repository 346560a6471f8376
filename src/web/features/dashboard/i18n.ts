/** UI text of the `dashboard` web module: Vietnamese first; English has the same keys (the type says so). */
const vi = {
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

const en: typeof vi = {
  dashboard: {
    title: 'Dashboard',
    hello: 'Hello, {{name}}',
    motto: 'People know, discuss, do, inspect, supervise and benefit',
    waiting: 'Waiting for you',
    nothingWaiting: 'Nothing is waiting for your action.',
    nearestDue: 'nearest due {{date}}',
    general: 'General figures',
    trend: 'Trend from {{from}} to {{to}}',
    more: 'Show {{n}} more',
    less: 'Show less',
    tone: { ok: 'On track', watch: 'To watch', behind: 'Behind, act', info: 'For information' },
  },
};

export const messages = { vi, en };
