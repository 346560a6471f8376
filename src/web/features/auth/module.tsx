/** Web module `auth`: the log-in page and the password change. */
import { defineWebModule, pageOf } from '../../module';
import { messages } from './i18n';

export const authWebModule = defineWebModule({
  name: 'auth',
  routes: [
    { path: '/login', load: pageOf(() => import('./LoginPage'), 'LoginPage'), public: true },
    { path: '/account/password', load: pageOf(() => import('./PasswordPage'), 'PasswordPage') },
  ],
  messages,
});
