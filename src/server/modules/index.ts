/**
 * The server registry: the modules the app is assembled from, one line each (DESIGN.md "A module,
 * whole"). Order matters only for demo seeds (a module's demo may use earlier modules' data) and
 * for the order of dashboard cards and event listeners.
 */
import type { ModuleManifest } from '../platform/module';
import { agendaModule } from './agenda';
import { auditModule } from './audit';
import { authModule } from './auth';
import { calendarModule } from './calendar';
import { casesModule } from './cases';
import { conferencesModule } from './conferences';
import { dashboardModule } from './dashboard';
import { disclosuresModule } from './disclosures';
import { exemplarsModule } from './exemplars';
import { filesModule } from './files';
import { inspectionModule } from './inspection';
import { notificationsModule } from './notifications';
import { orgModule } from './org';
import { outgoingModule } from './outgoing';
import { plansModule } from './plans';
import { ratingsModule } from './ratings';
import { reportsModule } from './reports';
import { searchModule } from './search';
import { surveysModule } from './surveys';
import { targetsModule } from './targets';
import { watchModule } from './watch';

export const MODULES: readonly ModuleManifest[] = [
  authModule,
  orgModule,
  calendarModule,
  plansModule,
  reportsModule,
  outgoingModule,
  casesModule,
  disclosuresModule,
  inspectionModule,
  exemplarsModule,
  conferencesModule,
  ratingsModule,
  auditModule,
  notificationsModule,
  filesModule,
  searchModule,
  surveysModule,
  watchModule,
  targetsModule,
  dashboardModule,
  agendaModule,
];
