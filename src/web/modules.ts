/**
 * The web registry: the web modules the staff app and the portal are assembled from, one line
 * each. The router, the navigation and the UI text come from this list.
 */
import { auditWebModule } from './features/audit/module';
import { authWebModule } from './features/auth/module';
import { calendarWebModule } from './features/calendar/module';
import { casesWebModule } from './features/cases/module';
import { dashboardWebModule } from './features/dashboard/module';
import { exemplarsWebModule } from './features/exemplars/module';
import { orgWebModule } from './features/org/module';
import { plansWebModule } from './features/plans/module';
import { portalWebModule } from './features/portal/module';
import { ratingsWebModule } from './features/ratings/module';
import { reportsWebModule } from './features/reports/module';
import type { WebModule } from './module';

export const WEB_MODULES: readonly WebModule[] = [
  authWebModule,
  dashboardWebModule,
  plansWebModule,
  casesWebModule,
  exemplarsWebModule,
  ratingsWebModule,
  reportsWebModule,
  orgWebModule,
  calendarWebModule,
  auditWebModule,
  portalWebModule,
];
