/** The list of modules the app is assembled from (order: platform-facing first). */
import { auditModule } from './audit';
import { authModule } from './auth';
import { calendarModule } from './calendar';
import { casesModule } from './cases';
import { dashboardModule } from './dashboard';
import { filesModule } from './files';
import type { ModuleManifest } from './manifest';
import { notificationsModule } from './notifications';
import { orgModule } from './org';
import { plansModule } from './plans';
import { receptionModule } from './reception';
import { reportsModule } from './reports';
import { searchModule } from './search';

export const MODULES: ModuleManifest[] = [
  authModule,
  orgModule,
  calendarModule,
  plansModule,
  reportsModule,
  receptionModule,
  casesModule,
  auditModule,
  notificationsModule,
  filesModule,
  searchModule,
  dashboardModule(() => MODULES),
];
