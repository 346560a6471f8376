/** The list of modules the app is assembled from (order: platform-facing first). */
import { auditModule } from './audit';
import { authModule } from './auth';
import { calendarModule } from './calendar';
import { dashboardModule } from './dashboard';
import { filesModule } from './files';
import type { ModuleManifest } from './manifest';
import { notificationsModule } from './notifications';
import { orgModule } from './org';
import { plansModule } from './plans';
import { reportsModule } from './reports';
import { searchModule } from './search';

export const MODULES: ModuleManifest[] = [
  authModule,
  orgModule,
  calendarModule,
  plansModule,
  reportsModule,
  auditModule,
  notificationsModule,
  filesModule,
  searchModule,
  dashboardModule(() => MODULES),
];
