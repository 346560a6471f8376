/** Web module `agenda`: the person's calendar-feed link (iCal), made and revoked in their settings. */
import { defineWebModule, pageOf } from '../../module';

export const agendaWebModule = defineWebModule({
  name: 'agenda',
  routes: [{ path: '/account/calendar', load: pageOf(() => import('./CalendarFeedPage'), 'CalendarFeedPage') }],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
  shellMessages: { vi: { agenda: { menu: 'Lịch hạn của tôi (iCal)' } }, en: { agenda: { menu: 'My deadlines (iCal)' } } },
});
