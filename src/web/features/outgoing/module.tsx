/** Web module `outgoing`: the register of outgoing documents the clerical office keeps (issue #14 point 1). */
import { IconNumbers } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';

export const outgoingWebModule = defineWebModule({
  name: 'outgoing',
  routes: [{ path: '/outgoing', load: pageOf(() => import('./OutgoingPage'), 'OutgoingPage') }],
  nav: [
    {
      pillar: 'reports',
      key: 'nav.outgoing',
      to: '/outgoing',
      icon: <IconNumbers size={18} stroke={1.6} />,
      capability: 'outgoing.read',
      order: 50,
    },
  ],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
  shellMessages: { vi: { nav: { outgoing: 'Sổ văn bản đi' } }, en: { nav: { outgoing: 'Outgoing register' } } },
});
