/** Web module `auth`: the log-in page and the password change. */
import { defineWebModule, pageOf } from '../../module';

export const authWebModule = defineWebModule({
  name: 'auth',
  routes: [
    { path: '/login', load: pageOf(() => import('./LoginPage'), 'LoginPage'), public: true, ownStyles: true },
    { path: '/account/password', load: pageOf(() => import('./PasswordPage'), 'PasswordPage') },
  ],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
  shellMessages: {
    vi: { auth: { logout: 'Đăng xuất', changePassword: 'Đổi mật khẩu', account: 'Tài khoản' } },
    en: { auth: { logout: 'Log out', changePassword: 'Change password', account: 'Account' } },
  },
});
