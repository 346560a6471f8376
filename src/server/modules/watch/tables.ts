/**
 * Tables of the `watch` module (issue #13): the calendar of sensitive periods the Office keeps
 * (elections, land-recovery projects, Tết…) and the monthly grievance counts of the years before
 * the app (entered from the statistics reports), which the forecast learns from.
 */
import { sql } from 'drizzle-orm';
import { check, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TWatch } from '../../../contracts/watch';

const ts = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

export const watchEvents = pgTable(
  'watch_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('watch_events_kind', sql`${t.kind} in ('election','land','tet','other')`),
    check('watch_events_period', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** One month's count of grievances received before the app recorded them ("YYYY-MM"). */
export const grievanceHistory = pgTable(
  'grievance_history',
  {
    tenantId: uuid('tenant_id').notNull(),
    month: text('month').notNull(),
    count: integer('count').notNull(),
    source: text('source').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.month] }),
    check('grievance_history_month', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('grievance_history_count', sql`${t.count} >= 0`),
  ],
);

/**
 * The last computed watch of the agency (its whole picture is the same for everyone who may read
 * it: office, leader and inspection see every grievance), so the dashboard reads one row instead
 * of recomputing topics, hot spots and the forecast on each load. Refreshed by the daily job, by
 * opening the watch page, and by its "compute again" button.
 */
export const watchSnapshots = pgTable('watch_snapshots', {
  tenantId: uuid('tenant_id').primaryKey(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  data: jsonb('data').$type<TWatch>().notNull(),
});
