/**
 * Tables of the `reports` module (issue #4): templates (versioned data), report cycles attached
 * to a plan, each unit's report with its workflow, and the consolidated agency report (versioned).
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { plans } from '../plans/tables';
import { units } from '../../platform/tables';

const ts = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/** A report template: narrative sections and indicators. A new version is a new row; used versions never change. */
export const reportTemplates = pgTable(
  'report_templates',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    /** [{key, title, hint}] — keys name plan items ("II.6") or free headings. */
    sections: jsonb('sections').notNull(),
    /** [{code, name, unit, definition, source}] — source: how the system computes it, or null. */
    indicators: jsonb('indicators').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('report_templates_key_version').on(t.tenantId, t.key, t.version)],
);

export const reportCycles = pgTable(
  'report_cycles',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    templateId: uuid('template_id').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** The date written in the plan: "trước ngày dueOn" — a report submitted on dueOn is one day late. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** Data recorded after this day does not pre-fill the reports. */
    cutoffOn: date('cutoff_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }),
    foreignKey({ columns: [t.tenantId, t.templateId], foreignColumns: [reportTemplates.tenantId, reportTemplates.id] }),
    check('report_cycles_period', sql`${t.periodTo} >= ${t.periodFrom}`),
    check('report_cycles_kind', sql`${t.kind} in ('six_month','annual','quarterly','adhoc')`),
  ],
);

export const unitReports = pgTable(
  'unit_reports',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    cycleId: uuid('cycle_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    status: text('status').notNull().default('draft'),
    /** [{key, text}] */
    sections: jsonb('sections').notNull(),
    /** {code: number|null} */
    indicators: jsonb('indicators').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }),
    lateDays: integer('late_days'),
    returnedCount: integer('returned_count').notNull().default(0),
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('unit_reports_cycle_unit').on(t.tenantId, t.cycleId, t.unitId),
    foreignKey({ columns: [t.tenantId, t.cycleId], foreignColumns: [reportCycles.tenantId, reportCycles.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    check('unit_reports_status', sql`${t.status} in ('draft','submitted','returned','accepted')`),
  ],
);

/** The workflow history of a unit report, with comments (returned → resubmitted → accepted). */
export const reportEvents = pgTable(
  'report_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    reportId: uuid('report_id').notNull(),
    action: text('action').notNull(),
    actorId: uuid('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    comment: text('comment'),
    at: ts('at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.reportId], foreignColumns: [unitReports.tenantId, unitReports.id] }).onDelete('cascade'),
    index('report_events_report_idx').on(t.tenantId, t.reportId, t.at),
  ],
);

/** Versions of the consolidated agency report: each save is a new version. */
export const agencyReports = pgTable(
  'agency_reports',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    cycleId: uuid('cycle_id').notNull(),
    version: integer('version').notNull(),
    /** Header, sections, indicators, unit table: the document as edited by the Office. */
    body: jsonb('body').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('agency_reports_cycle_version').on(t.tenantId, t.cycleId, t.version),
    foreignKey({ columns: [t.tenantId, t.cycleId], foreignColumns: [reportCycles.tenantId, reportCycles.id] }).onDelete('cascade'),
  ],
);
