/** Web module `disclosures` (issue #10, Công khai): the register, one item, and the public list on the portal. */
import { IconSpeakerphone } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';

export const disclosuresWebModule = defineWebModule({
  name: 'disclosures',
  routes: [
    { path: '/disclosures', load: pageOf(() => import('./DisclosuresPage'), 'DisclosuresPage') },
    { path: '/disclosures/print', load: pageOf(() => import('./PrintBoardPage'), 'PrintBoardPage') },
    { path: '/disclosures/$id', load: pageOf(() => import('./DisclosurePage'), 'DisclosurePage') },
    { path: '/portal/$agency/cong-khai', load: pageOf(() => import('./PortalDisclosuresPage'), 'PortalDisclosuresPage'), public: true },
  ],
  nav: [
    {
      pillar: 'know',
      key: 'nav.disclosures',
      to: '/disclosures',
      icon: <IconSpeakerphone size={18} stroke={1.6} />,
      capability: 'disclosures.read',
      order: 10,
      activeFor: /^\/disclosures\//,
    },
  ],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
  shellMessages: { vi: { search: { type_disclosure: 'Công khai' } }, en: { search: { type_disclosure: 'Disclosure' } } },
});
