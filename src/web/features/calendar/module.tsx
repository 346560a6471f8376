/** Web module `calendar`: the agency's holiday calendar and the deadline calculator. */
import { IconCalendar } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';

export const calendarWebModule = defineWebModule({
  name: 'calendar',
  routes: [{ path: '/calendar', load: pageOf(() => import('./CalendarPage'), 'CalendarPage') }],
  nav: [
    {
      pillar: 'admin',
      key: 'nav.calendar',
      to: '/calendar',
      capability: 'calendar.read',
      icon: <IconCalendar size={18} stroke={1.6} />,
      order: 30,
    },
  ],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
});
