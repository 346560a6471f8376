/** Web module `org`: units (effective-dated, with succession) and people with their roles. */
import { IconSitemap, IconUsers } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';

const I = { size: 18, stroke: 1.6 };

export const orgWebModule = defineWebModule({
  name: 'org',
  // Setting a person's password uses the password change's texts.
  uses: ['auth'],
  routes: [
    { path: '/org/units', load: pageOf(() => import('./UnitsPage'), 'UnitsPage') },
    { path: '/org/units/$id', load: pageOf(() => import('./UnitPage'), 'UnitPage') },
    { path: '/org/people', load: pageOf(() => import('./PeoplePage'), 'PeoplePage') },
  ],
  nav: [
    { pillar: 'admin', key: 'nav.units', to: '/org/units', capability: 'org.read', icon: <IconSitemap {...I} />, order: 10 },
    { pillar: 'admin', key: 'nav.people', to: '/org/people', capability: 'people.read', icon: <IconUsers {...I} />, order: 20 },
  ],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
});
