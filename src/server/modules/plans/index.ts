/**
 * The `plans` module (issue #3): the agency's plan (Kế hoạch) as a living document — legal
 * bases as data, items turned into tasks with lead and co-operating units, progress with
 * evidence, roll-ups, the cascade of unit plans, import of real plan documents, .docx export.
 */
import { defineModule } from '../../platform/module';
import {
  agencyPlansOf,
  documentLapsedSql,
  legalDocumentIdsBySymbol,
  legalDocumentStates,
  PLAN_INDICATORS,
  planOutline,
  planProgress,
  planSummaries,
  recordedProgress,
  tasksLedBy,
  unitsExpectedByPlan,
  unitsExpectedByPlans,
  unitsExpectedByPlanSql,
} from './api';
import { taskDeadlines } from './deadlines';
import { plansDashboard } from './dashboard';
import { PLAN_TARGETS, planPillars } from './pillars';
import { seedPlansDemo } from './demo/seed';
import { IMPORT_JOB, processPlanImport } from './import';
import { plansRoutes } from './routes';
import * as tables from './tables';

declare module '../../platform/module' {
  interface ModuleEvents {
    /** A registry document's status or successor changed (emitted in the same transaction). */
    'legal_document.status_changed': { id: string; status: string };
  }
}

declare module '../../platform/roles' {
  interface Capabilities {
    'plans.read': true;
    'plans.manage': true;
  }
}

export type { LedTask, LegalDocumentState, PlanOutline, RecordedProgress } from './api';
export type { OverallProgress } from './progress';
export {
  agencyPlansOf,
  documentLapsedSql,
  legalDocumentIdsBySymbol,
  legalDocumentStates,
  planOutline,
  planProgress,
  planSummaries,
  recordedProgress,
  tasksLedBy,
  unitsExpectedByPlan,
  unitsExpectedByPlans,
  unitsExpectedByPlanSql,
};

const readers = ['plans.read'] as const;
const managers = ['plans.read', 'plans.manage'] as const;

export const plansModule = defineModule({
  name: 'plans',
  tables,
  capabilities: {
    admin: managers,
    office: managers,
    leader: readers,
    unit_head: readers,
    staff: readers,
    inspection: readers,
    union: readers,
  },
  routes: plansRoutes,
  deadlines: taskDeadlines,
  jobs: (jobs, db) => {
    jobs.register<{ tenantId: string; importId: string }>(IMPORT_JOB, (data) => processPlanImport(db, data.tenantId, data.importId));
  },
  dashboard: plansDashboard,
  pillars: planPillars,
  targets: PLAN_TARGETS,
  indicators: PLAN_INDICATORS,
  seedDemo: seedPlansDemo,
});
