/** Tables of the `calendar` module: the agency's confirmed days off and working Saturdays. */
import { date, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
