/** Web module `dashboard`: the home page with the counts every module contributes. */
import { defineWebModule, pageOf } from '../../module';

export const dashboardWebModule = defineWebModule({
  name: 'dashboard',
  routes: [{ path: '/', load: pageOf(() => import('./DashboardPage'), 'DashboardPage') }],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
});
