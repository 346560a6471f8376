/**
 * Tables of the `ratings` module (issue #12): criteria sets for rating dân vận work (versioned
 * data with the deciding document and its effective date), each unit's yearly rating
 * (self-assessment, appraisal, publication, appeal), and commendation proposals and decisions.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from '../../platform/tables';

const ts = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();
const points = (name: string) => numeric(name, { precision: 6, scale: 2, mode: 'number' });

/** A criteria set: a new version is a new row; the set in force at the end of the rating year is used. */
export const ratingCriteriaSets = pgTable(
  'rating_criteria_sets',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    /** The deciding document ("Quyết định 436/QĐ-UBND ngày …/2019 của UBND tỉnh Quảng Ngãi"). */
    basis: text('basis').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** {groups, bands, bonusCap, allowNegative, appealDays} — domain/ratings/score.ts CriteriaSetBody. */
    body: jsonb('body').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('rating_criteria_sets_effective').on(t.tenantId, t.effectiveFrom)],
);

export const unitRatings = pgTable(
  'unit_ratings',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    /**
     * `unit`: a unit's rating inside the agency; `agency`: the agency's own self-assessment toward
     * the province (Quảng Ngãi 436/QĐ-UBND/2019 rates the agency as a whole), with no unit.
     */
    subject: text('subject').notNull().default('unit'),
    unitId: uuid('unit_id'),
    criteriaSetId: uuid('criteria_set_id').notNull(),
    status: text('status').notNull().default('draft'),
    /** {code: {self, note, attachmentIds, appraised, reason}} */
    items: jsonb('items').notNull().default(sql`'{}'::jsonb`),
    selfScore: points('self_score'),
    appraisedScore: points('appraised_score'),
    band: text('band'),
    submittedOn: date('submitted_on', { mode: 'string' }),
    appraisedOn: date('appraised_on', { mode: 'string' }),
    publishedOn: date('published_on', { mode: 'string' }),
    appealReason: text('appeal_reason'),
    appealedOn: date('appealed_on', { mode: 'string' }),
    appealAnswer: text('appeal_answer'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('unit_ratings_year_unit').on(t.tenantId, t.year, t.unitId),
    // One agency rating a year (its unit is null, which the index above does not count).
    uniqueIndex('unit_ratings_year_agency').on(t.tenantId, t.year).where(sql`${t.subject} = 'agency'`),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ columns: [t.tenantId, t.criteriaSetId], foreignColumns: [ratingCriteriaSets.tenantId, ratingCriteriaSets.id] }),
    check(
      'unit_ratings_subject',
      sql`(${t.subject} = 'unit' and ${t.unitId} is not null) or (${t.subject} = 'agency' and ${t.unitId} is null)`,
    ),
    check('unit_ratings_status', sql`${t.status} in ('draft','submitted','appraised','published','appealed')`),
  ],
);

/** Commendation proposals (from ratings and models, or by hand) and the decisions that grant them. */
export const commendations = pgTable(
  'commendations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    status: text('status').notNull().default('proposed'),
    recipientKind: text('recipient_kind').notNull(),
    unitId: uuid('unit_id'),
    personName: text('person_name'),
    title: text('title').notNull(),
    level: text('level').notNull(),
    reason: text('reason').notNull(),
    /** What the proposal came from: a rating or a model (its id), or null when entered by hand. */
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    index('commendations_year_idx').on(t.tenantId, t.year),
    uniqueIndex('commendations_source').on(t.tenantId, t.year, t.sourceType, t.sourceId),
    check('commendations_status', sql`${t.status} in ('proposed','submitted','decided','rejected')`),
    check('commendations_kind', sql`${t.recipientKind} in ('collective','individual')`),
    check('commendations_level', sql`${t.level} in ('agency','province','ministry','national')`),
  ],
);
