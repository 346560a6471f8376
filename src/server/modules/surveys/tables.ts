/**
 * Tables of the `surveys` module (issue 13). Respondent identity is kept apart from answers:
 * `survey_responses` has no column that names a person, an account, an invitation, a device or an
 * address, and no instant (only the day, which is the period the answer counts in). What proves
 * "one answer per invitation / device / staff member" lives in separate tables that hold no
 * reference to a response, so no query, in the app or in SQL, can join an answer to a person.
 */
import {
  boolean,
  date,
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
import type { TAnswers, TQuota, TSurveyDefinition } from '../../../contracts/surveys';

const ts = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/** A survey (khảo sát): its current definition is its latest version. */
export const surveys = pgTable(
  'surveys',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** public: anyone through the portal link (or a paper form entered by staff); staff: internal, staff only. */
    audience: text('audience').notNull(),
    /** Methodology code (src/domain/surveys/methods.ts), or null for a survey without an index. */
    methodCode: text('method_code'),
    status: text('status').notNull().default('draft'),
    /** The short code in the public link and the QR code. */
    publicCode: text('public_code').notNull(),
    opensOn: date('opens_on', { mode: 'string' }),
    closesOn: date('closes_on', { mode: 'string' }),
    quota: integer('quota'),
    /** Quota cells by service, unit or screening answer; a full cell refuses further public answers in it. */
    quotas: jsonb('quotas').$type<TQuota[]>().notNull().default([]),
    currentVersion: integer('current_version').notNull().default(1),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('surveys_public_code_key').on(t.tenantId, t.publicCode)],
);

/** A version of a survey's questions: frozen once answered, so old answers keep their meaning. */
export const surveyVersions = pgTable(
  'survey_versions',
  {
    tenantId: uuid('tenant_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    number: integer('number').notNull(),
    definition: jsonb('definition').$type<TSurveyDefinition>().notNull(),
    createdAt: ts('created_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.surveyId, t.number] })],
);

/** One response: answers only, with the day, the channel, and the service and unit it is about. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    versionNumber: integer('version_number').notNull(),
    channel: text('channel').notNull(),
    answeredOn: date('answered_on', { mode: 'string' }).notNull(),
    service: text('service'),
    unitId: uuid('unit_id'),
    answers: jsonb('answers').$type<TAnswers>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('survey_responses_survey_idx').on(t.tenantId, t.surveyId, t.answeredOn)],
);

/** A personal invitation: its label (whom it was sent to) and whether it was used, never which answer it gave. */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    label: text('label').notNull(),
    used: boolean('used').notNull().default(false),
    createdAt: ts('created_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('survey_invitations_token_key').on(t.tokenHash)],
);

/** Devices that answered a survey (a keyed hash of the browser's random key): one answer per device. */
export const surveyDevices = pgTable(
  'survey_devices',
  {
    tenantId: uuid('tenant_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    deviceHash: text('device_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.surveyId, t.deviceHash] })],
);

/** Staff who answered an internal survey: one answer per person, without saying which. */
export const surveyParticipants = pgTable(
  'survey_participants',
  {
    tenantId: uuid('tenant_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.surveyId, t.userId] })],
);

/** A published external index (the province's SIPAS, PAPI, PCI or one of their dimensions) for a year, with the agency's target. */
export const externalIndices = pgTable(
  'external_indices',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    indexCode: text('index_code').notNull(),
    dimension: text('dimension').notNull().default(''),
    year: integer('year').notNull(),
    value: numeric('value', { precision: 7, scale: 2, mode: 'number' }),
    target: numeric('target', { precision: 7, scale: 2, mode: 'number' }),
    rank: integer('rank'),
    source: text('source').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('external_indices_key').on(t.tenantId, t.indexCode, t.dimension, t.year),
  ],
);
