/** UI text of the `agenda` web module: Vietnamese; English, with the same keys, is in `i18n.en.ts` and loads only when chosen. */
export const vi = {
  agenda: {
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
