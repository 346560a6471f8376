/** Web module `agenda`: the person's calendar-feed link (iCal), made and revoked in their settings. */
import { defineWebModule, pageOf } from '../../module';
import { messages } from './i18n';

export const agendaWebModule = defineWebModule({
  name: 'agenda',
  routes: [{ path: '/account/calendar', load: pageOf(() => import('./CalendarFeedPage'), 'CalendarFeedPage') }],
  messages,
});
