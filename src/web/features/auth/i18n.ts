/** UI text of the `auth` web module: Vietnamese first; English, with the same keys, is in `i18n.en.ts` and loads only when chosen. */
export const vi = {
  auth: {
    title: 'Đăng nhập',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    demoTitle: 'Tài khoản dùng thử',
    demoHint: 'Mật khẩu chung: danchu-demo',
    currentPassword: 'Mật khẩu hiện tại',
    newPassword: 'Mật khẩu mới',
    newPasswordHint: 'Ít nhất 10 ký tự',
    mustChange: 'Vui lòng đổi mật khẩu trước khi tiếp tục.',
    changed: 'Đã đổi mật khẩu',
    demoUse: 'Dùng tài khoản {{username}}',
    demo_admin: 'Quản trị hệ thống',
    demo_lanhdao: 'Lãnh đạo Sở',
    demo_vanphong: 'Văn phòng Sở (thường trực)',
    demo_truongphong: 'Trưởng phòng',
    demo_canbo: 'Chuyên viên',
    demo_thanhtra: 'Ban Thanh tra nhân dân',
    demo_congdoan: 'Công đoàn cơ sở',
    repeatPassword: 'Nhập lại mật khẩu mới',
    repeatMismatch: 'Hai lần nhập mật khẩu mới không khớp',
  },
  audit: { verb_locked: 'tạm khóa tài khoản' },
  // The log-in page's link to the citizen portal, shown before any portal page has loaded.
  portal: { loginLink: 'Người dân gửi phản ánh, kiến nghị hoặc tra cứu đơn: vào Cổng công dân' },
};
