/**
 * The `agenda` module (issue 13, "Deadlines where people already look"): a personal iCalendar
 * feed, `GET /api/calendar.ics?token=…`, with one all-day event per upcoming deadline of the
 * person, gathered from every module's `deadlines` hook (tasks, reports, cases, reception
 * sessions). The token is made and revoked in the person's settings; only its hash is kept.
 * When SMTP is configured, the same deadlines go out as one e-mail digest a day per person.
 */
import { todayInVietnam } from '../../platform/clock';
import { createMailer } from '../../platform/mail';
import { defineModule } from '../../platform/module';
import { sendDailyDigests } from './digest';
import { agendaRoutes } from './routes';
import * as tables from './tables';

export const agendaModule = defineModule({
  name: 'agenda',
  tables,
  routes: agendaRoutes,
  jobs: (jobs, db, config, modules) => {
    // One digest per person per day, only where mail can go (SMTP_URL).
    if (!config.smtp) return;
    jobs.register(
      'agenda.digest',
      async () => {
        await sendDailyDigests(db, modules, createMailer(config), todayInVietnam());
      },
      { cron: '30 6 * * *' },
    );
  },
});
