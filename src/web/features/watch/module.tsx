/** Web module `watch`: the grievance watch and forecast, and the calendar of sensitive periods. */
import { IconRadar } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';

export const watchWebModule = defineWebModule({
  name: 'watch',
  routes: [{ path: '/watch', load: pageOf(() => import('./WatchPage'), 'WatchPage') }],
  nav: [
    {
      pillar: 'supervise',
      key: 'nav.watch',
      to: '/watch',
      icon: <IconRadar size={18} stroke={1.6} />,
      capability: 'watch.read',
      order: 60,
    },
  ],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
  shellMessages: { vi: { nav: { watch: 'Theo dõi, dự báo đơn thư' } }, en: { nav: { watch: 'Grievance watch' } } },
});
