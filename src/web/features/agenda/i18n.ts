/** UI text of the `agenda` web module. */
const vi = {
  agenda: {
    menu: 'Lịch hạn của tôi (iCal)',
    title: 'Lịch hạn của tôi',
    subtitle: 'Đưa các hạn của bạn (nhiệm vụ, báo cáo, đơn thư, buổi tiếp công dân) vào lịch trên điện thoại hoặc Outlook, Google Calendar',
    active: 'Đường dẫn lịch đang dùng, tạo ngày {{date}}.',
    inactive: 'Chưa có đường dẫn lịch.',
    create: 'Tạo đường dẫn lịch',
    replace: 'Tạo đường dẫn mới (đường dẫn cũ hết hiệu lực)',
    revoke: 'Thu hồi đường dẫn',
    revoked: 'Đã thu hồi đường dẫn lịch',
    copy: 'Sao chép',
    copied: 'Đã sao chép',
    urlLabel: 'Đường dẫn đăng ký lịch (chỉ hiện một lần)',
    hint: 'Ai có đường dẫn này đều xem được tên các hạn của bạn; đừng chia sẻ. Nếu lộ, hãy thu hồi và tạo đường dẫn mới. Nội dung đơn thư và danh tính người gửi không bao giờ có trong lịch.',
  },
  audit: { verb_revoke: 'thu hồi' },
};
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
const en: Shape<typeof vi> = {
  agenda: {
    menu: 'My deadlines (iCal)',
    title: 'My deadlines calendar',
    subtitle: 'Put your deadlines (tasks, reports, cases, reception sessions) in the calendar on your phone, Outlook or Google Calendar',
    active: 'A calendar link is active, created on {{date}}.',
    inactive: 'No calendar link yet.',
    create: 'Create a calendar link',
    replace: 'Create a new link (the old one stops working)',
    revoke: 'Revoke the link',
    revoked: 'Calendar link revoked',
    copy: 'Copy',
    copied: 'Copied',
    urlLabel: 'Calendar subscription link (shown once)',
    hint: 'Anyone with this link sees the titles of your deadlines; do not share it. If it leaks, revoke it and create a new one. Case contents and senders’ identities are never in the calendar.',
  },
  audit: { verb_revoke: 'revoked' },
};
export const messages = { vi, en };
