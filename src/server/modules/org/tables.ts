/** Tables of the `org` module: effective-dated units, their succession, and role assignments. */
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/tables';

/**
 * A unit (đơn vị, phòng) of an agency. Units are effective-dated with predecessor/successor
 * links because agencies merge and split (DOMAIN.md §1.3: the 2025 reorganisation).
 */
export const units = pgTable(
  'units',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    /** Staff count matters legally: ≤ 7 staff ⇒ no People's Inspection Board (Law 10/2022 Art. 60(1)). */
    staffCount: integer('staff_count').notNull().default(0),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    index('units_code_idx').on(t.tenantId, t.code),
    check('units_valid_range', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
    check('units_staff_count', sql`${t.staffCount} >= 0`),
  ],
);

/** Succession between units: merge, split, rename. */
export const unitSuccessions = pgTable(
  'unit_successions',
  {
    tenantId: uuid('tenant_id').notNull(),
    predecessorId: uuid('predecessor_id').notNull(),
    successorId: uuid('successor_id').notNull(),
    kind: text('kind').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.predecessorId, t.successorId] }),
    foreignKey({ columns: [t.tenantId, t.predecessorId], foreignColumns: [units.tenantId, units.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.successorId], foreignColumns: [units.tenantId, units.id] }).onDelete('cascade'),
    check('unit_successions_distinct', sql`${t.predecessorId} <> ${t.successorId}`),
  ],
);

/** A person's role, optionally within one unit. Roles are codes defined in `platform/roles.ts`. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    index('role_assignments_user_idx').on(t.tenantId, t.userId),
  ],
);
