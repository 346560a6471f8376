/** Web module `portal`: the public citizen portal (no log-in). */
import { defineWebModule, pageOf } from '../../module';
import { messages } from './i18n';

export const portalWebModule = defineWebModule({
  name: 'portal',
  routes: [
    { path: '/portal', load: pageOf(() => import('./PortalPage'), 'PortalIndexPage'), public: true },
    { path: '/portal/$agency', load: pageOf(() => import('./PortalPage'), 'PortalPage'), public: true },
  ],
  messages,
});
