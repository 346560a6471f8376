/** Web module `targets`: the targets the leader's dashboard judges against, set per year by the Office. */
import { IconTargetArrow } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';

export const targetsWebModule = defineWebModule({
  name: 'targets',
  routes: [{ path: '/targets', load: pageOf(() => import('./TargetsPage'), 'TargetsPage') }],
  nav: [
    {
      pillar: 'admin',
      key: 'nav.targets',
      to: '/targets',
      icon: <IconTargetArrow size={18} stroke={1.6} />,
      capability: 'targets.read',
      order: 35,
    },
  ],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
  shellMessages: { vi: { nav: { targets: 'Chỉ tiêu theo năm' } }, en: { nav: { targets: 'Targets by year' } } },
});
