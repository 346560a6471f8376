/** Web module `portal`: the public citizen portal (no log-in). */
import { defineWebModule, pageOf } from '../../module';

export const portalWebModule = defineWebModule({
  name: 'portal',
  // The portal shows the agency's disclosures.
  uses: ['disclosures'],
  routes: [
    { path: '/portal', load: pageOf(() => import('./PortalPage'), 'PortalIndexPage'), public: true },
    { path: '/portal/$agency', load: pageOf(() => import('./PortalPage'), 'PortalPage'), public: true },
  ],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
});
