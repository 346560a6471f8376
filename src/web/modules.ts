/**
 * The web registry: the web modules the staff app and the portal are assembled from, one line
 * each. The router, the navigation and the UI text come from this list.
 */
import { agendaWebModule } from './features/agenda/module';
import { auditWebModule } from './features/audit/module';
import { authWebModule } from './features/auth/module';
import { calendarWebModule } from './features/calendar/module';
import { casesWebModule } from './features/cases/module';
import { conferencesWebModule } from './features/conferences/module';
import { dashboardWebModule } from './features/dashboard/module';
import { disclosuresWebModule } from './features/disclosures/module';
import { inspectionWebModule } from './features/inspection/module';
import { exemplarsWebModule } from './features/exemplars/module';
import { orgWebModule } from './features/org/module';
import { outgoingWebModule } from './features/outgoing/module';
import { plansWebModule } from './features/plans/module';
import { portalWebModule } from './features/portal/module';
import { ratingsWebModule } from './features/ratings/module';
import { reportsWebModule } from './features/reports/module';
import { surveysWebModule } from './features/surveys/module';
import { targetsWebModule } from './features/targets/module';
import { watchWebModule } from './features/watch/module';
import type { WebModule } from './module';

export const WEB_MODULES: readonly WebModule[] = [
  authWebModule,
  dashboardWebModule,
  disclosuresWebModule,
  plansWebModule,
  casesWebModule,
  inspectionWebModule,
  exemplarsWebModule,
  conferencesWebModule,
  ratingsWebModule,
  reportsWebModule,
  outgoingWebModule,
  surveysWebModule,
  watchWebModule,
  targetsWebModule,
  orgWebModule,
  calendarWebModule,
  auditWebModule,
  portalWebModule,
  agendaWebModule,
];
