/**
 * The `agenda` module (issue 13, "Deadlines where people already look"): a personal iCalendar
 * feed, `GET /api/calendar.ics?token=…`, with one all-day event per upcoming deadline of the
 * person, gathered from every module's `deadlines` hook (tasks, reports, cases, reception
 * sessions). The token is made and revoked in the person's settings; only its hash is kept.
 */
import { defineModule } from '../../platform/module';
import { agendaRoutes } from './routes';
import * as tables from './tables';

export const agendaModule = defineModule({
  name: 'agenda',
  tables,
  routes: agendaRoutes,
});
