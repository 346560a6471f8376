/**
 * The server registry: the modules the app is assembled from, one line each (DESIGN.md "A module,
 * whole"). Order matters only for demo seeds (a module's demo may use earlier modules' data) and
 * for the order of dashboard cards and event listeners.
 */
import type { ModuleManifest } from '../platform/module';
import { auditModule } from './audit';
import { authModule } from './auth';
import { calendarModule } from './calendar';
import { casesModule } from './cases';
import { dashboardModule } from './dashboard';
import { exemplarsModule } from './exemplars';
import { filesModule } from './files';
import { notificationsModule } from './notifications';
import { orgModule } from './org';
import { plansModule } from './plans';
import { ratingsModule } from './ratings';
import { reportsModule } from './reports';
import { searchModule } from './search';

export const MODULES: readonly ModuleManifest[] = [
  authModule,
  orgModule,
  calendarModule,
  plansModule,
  reportsModule,
  casesModule,
  exemplarsModule,
  ratingsModule,
  auditModule,
  notificationsModule,
  filesModule,
  searchModule,
  dashboardModule,
];
