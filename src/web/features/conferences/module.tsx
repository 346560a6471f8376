/** Web module `conferences` (pillar "dân bàn"): the staff conference and consultations of staff. */
import { IconMessages, IconUsersGroup } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';

const I = { size: 18, stroke: 1.6 };

export const conferencesWebModule = defineWebModule({
  name: 'conferences',
  shellMessages: {
    vi: { search: { type_regulation_version: 'Quy chế đã ban hành' } },
    en: { search: { type_regulation_version: 'Issued regulation' } },
  },
  routes: [
    { path: '/conferences', load: pageOf(() => import('./ConferencesPage'), 'ConferencesPage') },
    { path: '/conferences/$id', load: pageOf(() => import('./ConferencePage'), 'ConferencePage') },
    { path: '/consultations', load: pageOf(() => import('./ConsultationsPage'), 'ConsultationsPage') },
    { path: '/consultations/$id', load: pageOf(() => import('./ConsultationPage'), 'ConsultationPage') },
  ],
  nav: [
    {
      pillar: 'discuss',
      key: 'nav.consultations',
      to: '/consultations',
      icon: <IconMessages {...I} />,
      order: 10,
      activeFor: /^\/consultations\//,
    },
    {
      pillar: 'discuss',
      key: 'nav.conferences',
      to: '/conferences',
      icon: <IconUsersGroup {...I} />,
      order: 20,
      activeFor: /^\/conferences\//,
    },
  ],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
});
