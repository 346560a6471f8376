/** Web module `targets`: the targets the leader's dashboard judges against, set per year by the Office. */
import { IconTargetArrow } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';
import { messages } from './i18n';

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
  messages,
});
