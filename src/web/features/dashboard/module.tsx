/** Web module `dashboard`: the home page with the counts every module contributes. */
import { defineWebModule, pageOf } from '../../module';
import { messages } from './i18n';

export const dashboardWebModule = defineWebModule({
  name: 'dashboard',
  routes: [{ path: '/', load: pageOf(() => import('./DashboardPage'), 'DashboardPage') }],
  messages,
});
