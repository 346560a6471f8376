/** Web module `calendar`: the agency's holiday calendar and the deadline calculator. */
import { IconCalendar } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';
import { messages } from './i18n';

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
  messages,
});
