/**
 * Tables of the `conferences` module (issue #10): the staff conference (Hội nghị CBCCVC, Law
 * 10/2022 Arts. 50–52) with its resolution items and 6-monthly reviews, and consultations of
 * staff (Lấy ý kiến, Arts. 53–55) with their comments anchored to a passage of the draft.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { units, users } from '../../platform/tables';

const ts = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/**
 * One staff conference: the annual one (at most one a year) or an extraordinary session on an
 * Art. 50(1) proposal. `format` becomes `written_ballot` after two convocations without quorum.
 */
export const conferences = pgTable(
  'conferences',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    /** Extraordinary session: 'union' | 'head' | 'staff' (with the number of proposers). */
    proposedBy: text('proposed_by'),
    proposers: integer('proposers'),
    title: text('title').notNull(),
    scheduledOn: date('scheduled_on', { mode: 'string' }).notNull(),
    heldOn: date('held_on', { mode: 'string' }),
    staffTotal: integer('staff_total').notNull(),
    conveningMode: text('convening_mode').notNull(),
    convened: integer('convened').notNull(),
    /** The delegates convened by name when `convening_mode` = 'delegates' (Art. 51(2)); empty = not yet named. */
    delegateIds: uuid('delegate_ids').array().notNull().default(sql`'{}'::uuid[]`),
    present: integer('present'),
    failedConvocations: integer('failed_convocations').notNull().default(0),
    format: text('format').notNull().default('meeting'),
    /** [{ key, title, done }] from the Art. 51(4) template. */
    agenda: jsonb('agenda').notNull(),
    resolutionNumber: text('resolution_number'),
    adoptedOn: date('adopted_on', { mode: 'string' }),
    /** { electedOn, members: [{ name, position }] } — handed over to the inspection board module. */
    boardElection: jsonb('board_election'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('conferences_one_annual_a_year').on(t.tenantId, t.year).where(sql`kind = 'annual'`),
    check('conferences_kind', sql`${t.kind} in ('annual', 'extraordinary')`),
    check('conferences_format', sql`${t.format} in ('meeting', 'written_ballot')`),
  ],
);

/** One item of the resolution put to the vote, with the counts (yes / no / abstain). */
export const conferenceItems = pgTable(
  'conference_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    conferenceId: uuid('conference_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    yes: integer('yes'),
    no: integer('no'),
    abstain: integer('abstain'),
    votedOn: date('voted_on', { mode: 'string' }),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.conferenceId], foreignColumns: [conferences.tenantId, conferences.id] }).onDelete('cascade'),
    index('conference_items_conf_idx').on(t.tenantId, t.conferenceId),
  ],
);

/**
 * A document circulated to those convened before the conference (the reports and drafts the
 * Art. 51 agenda discusses): an uploaded file (files module, entity type 'conference') that every
 * staff member may open from the day it is circulated, before the conference meets.
 */
export const conferenceDocuments = pgTable(
  'conference_documents',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    conferenceId: uuid('conference_id').notNull(),
    title: text('title').notNull(),
    fileId: uuid('file_id').notNull(),
    circulatedOn: date('circulated_on', { mode: 'string' }).notNull(),
    addedBy: uuid('added_by'),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.conferenceId], foreignColumns: [conferences.tenantId, conferences.id] }).onDelete('cascade'),
    index('conference_documents_conf_idx').on(t.tenantId, t.conferenceId),
  ],
);

/** The 6-monthly check of the resolution by the head and the union, staff informed (Art. 52(3)). */
export const conferenceReviews = pgTable(
  'conference_reviews',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    conferenceId: uuid('conference_id').notNull(),
    occurrence: integer('occurrence').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    staffInformedOn: date('staff_informed_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.conferenceId], foreignColumns: [conferences.tenantId, conferences.id] }).onDelete('cascade'),
    uniqueIndex('conference_reviews_occurrence').on(t.tenantId, t.conferenceId, t.occurrence),
  ],
);

/** A consultation plan (Art. 55): matter of Art. 53, the draft, forms of Art. 54, who is consulted, the period. */
export const consultations = pgTable(
  'consultations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    matter: integer('matter').notNull(),
    draft: text('draft').notNull(),
    forms: text('forms').array().notNull(),
    audience: text('audience').notNull(),
    unitId: uuid('unit_id'),
    /** Delegates consulted when `audience` = 'delegates'. */
    delegateIds: uuid('delegate_ids').array().notNull().default(sql`'{}'::uuid[]`),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    allowAnonymous: boolean('allow_anonymous').notNull().default(true),
    /**
     * The Office ended the consultation before `closes_on` because everyone consulted had answered
     * (nothing left to wait for, Art. 55); from this day it is closed and the explanation may follow.
     */
    closedEarlyOn: date('closed_early_on', { mode: 'string' }),
    explanation: text('explanation'),
    explanationPublishedOn: date('explanation_published_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    check('consultations_matter', sql`${t.matter} between 1 and 11`),
    check('consultations_audience', sql`${t.audience} in ('all', 'unit', 'delegates')`),
    check('consultations_period', sql`${t.closesOn} >= ${t.opensOn}`),
  ],
);

/**
 * A staff member's comment on a passage of the draft. The author is always kept (one person is
 * counted once, and may see their own comment); an anonymous comment never shows its author to
 * anyone else (Law 10/2022 Art. 55: the union monitors participation, not who wrote what).
 */
export const consultationComments = pgTable(
  'consultation_comments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    consultationId: uuid('consultation_id').notNull(),
    authorId: uuid('author_id').notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    paragraph: integer('paragraph'),
    body: text('body').notNull(),
    outcome: text('outcome'),
    reason: text('reason'),
    classifiedBy: uuid('classified_by'),
    classifiedAt: timestamp('classified_at', { withTimezone: true }),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.consultationId], foreignColumns: [consultations.tenantId, consultations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.authorId], foreignColumns: [users.tenantId, users.id] }),
    index('consultation_comments_idx').on(t.tenantId, t.consultationId),
    check('consultation_comments_outcome', sql`${t.outcome} is null or ${t.outcome} in ('accepted', 'partly', 'rejected')`),
  ],
);

/**
 * One issued version of a regulation the unit must put to its staff before issuing: the democracy
 * regulation (quy chế thực hiện dân chủ, Law 10/2022 Art. 59; consultation matter Art. 53(8)) and
 * the internal spending regulation (Art. 53(9)). Version n is issued from one consultation whose
 * explanation was published (Art. 55), and is itself disclosed as an internal rule (Art. 46(9)).
 */
export const regulationVersions = pgTable(
  'regulation_versions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** 'democracy' | 'spending'. */
    regulation: text('regulation').notNull(),
    number: integer('number').notNull(),
    consultationId: uuid('consultation_id').notNull(),
    title: text('title').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    /** Số, ký hiệu of the issuing decision. */
    decisionRef: text('decision_ref').notNull(),
    /** The disclosure item that publishes this version (disclosures module). */
    disclosureId: uuid('disclosure_id'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.consultationId], foreignColumns: [consultations.tenantId, consultations.id] }),
    uniqueIndex('regulation_versions_number').on(t.tenantId, t.regulation, t.number),
    uniqueIndex('regulation_versions_consultation').on(t.tenantId, t.consultationId),
    check('regulation_versions_regulation', sql`${t.regulation} in ('democracy', 'spending')`),
  ],
);
