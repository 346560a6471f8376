/** UI text of the `dashboard` web module: Vietnamese first; English has the same keys (the type says so). */
const vi = {
  dashboard: {
    title: 'Bảng điều khiển',
    hello: 'Xin chào, {{name}}',
    upcoming: 'Ngày nghỉ sắp tới',
    noUpcoming: 'Không có ngày nghỉ nào trong thời gian tới',
    motto: 'Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng',
    seeCalendar: 'Xem lịch nghỉ cả năm →',
  },
};

const en: typeof vi = {
  dashboard: {
    title: 'Dashboard',
    hello: 'Hello, {{name}}',
    upcoming: 'Upcoming days off',
    noUpcoming: 'No days off coming up',
    motto: 'People know, discuss, do, inspect, supervise and benefit',
    seeCalendar: 'See the whole year →',
  },
};

export const messages = { vi, en };
