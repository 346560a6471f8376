/** Tables of the `targets` module (issue #13): the Office's value of a pillar target for a year. */
import { integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const pillarTargets = pgTable(
  'pillar_targets',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** The declared target's key (`reports.on_time`). */
    key: text('key').notNull(),
    year: integer('year').notNull(),
    value: numeric('value', { precision: 9, scale: 2, mode: 'number' }).notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key, t.year] })],
);
