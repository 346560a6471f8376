/** Tables of the `calendar` module: the agency's confirmed days off and working Saturdays. */
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A calendar exception (VIETNAMESE.md §4.1): holiday, compensatory day off, swapped day off,
 * or swapped working Saturday. Entered from the PM/MoHA schedule each year.
 */
export const calendarExceptions = pgTable(
  'calendar_exceptions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    basis: text('basis'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('calendar_exceptions_date_key').on(t.tenantId, t.date)],
);

/**
 * The state of one calendar year for an agency. A year with no confirmed row uses the generated
 * statutory holidays (Labour Code 2019 Art. 112); once confirmed, its rows above are the truth.
 */
export const calendarYears = pgTable(
  'calendar_years',
  {
    tenantId: uuid('tenant_id').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    basis: text('basis'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.year] })],
);

/**
 * A recomputation of open cases' deadlines after a change of the days off (issue #17): queued in
 * the transaction of the change, run in the background in batches, its progress shown on the
 * calendar page. A later change supersedes a run not finished (the newer calendar applies to all).
 */
export const calendarRecomputes = pgTable(
  'calendar_recomputes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** queued → running → done | failed; superseded when a later change queued another run. */
    status: text('status').notNull().default('queued'),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Cases with a running clock when the run started, those done so far, and the due dates moved. */
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    moved: integer('moved').notNull().default(0),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('calendar_recomputes_requested_idx').on(t.tenantId, t.requestedAt)],
);
