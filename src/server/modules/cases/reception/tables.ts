/**
 * Tables of the `reception` module (issue #5): the reception schedule (lịch tiếp công dân) and
 * the register book (sổ tiếp công dân) — Law on Citizen Reception 42/2013/QH13 Arts. 18, 24, 25, 28.
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

const ts = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/** One reception session of the schedule. */
export const receptionSessions = pgTable(
  'reception_sessions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    date: date('date', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    /** head | deputy | officer — from 01/07/2026 the head may not delegate (Law 136/2025). */
    hostKind: text('host_kind').notNull(),
    hostId: uuid('host_id').notNull(),
    mode: text('mode').notNull().default('in_person'),
    place: text('place').notNull(),
    bridgePoints: text('bridge_points'),
    attendees: text('attendees'),
    topics: text('topics'),
    adhoc: boolean('adhoc').notNull().default(false),
    status: text('status').notNull().default('planned'),
    publishedOn: date('published_on', { mode: 'string' }),
    postponedTo: date('postponed_to', { mode: 'string' }),
    statusReason: text('status_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('reception_sessions_date_idx').on(t.tenantId, t.date),
    check('reception_sessions_host_kind', sql`${t.hostKind} in ('head','deputy','officer')`),
    check('reception_sessions_mode', sql`${t.mode} in ('in_person','online')`),
    check('reception_sessions_status', sql`${t.status} in ('planned','published','held','postponed','cancelled')`),
  ],
);

/** One line of the register book. Visitor identities live encrypted in `protected_identities`. */
export const receptionEntries = pgTable(
  'reception_entries',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    /** Sequence number within the year (Art. 25(2): số thứ tự). */
    seqNo: integer('seq_no').notNull(),
    sessionId: uuid('session_id'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    groupSize: integer('group_size').notNull().default(1),
    /** Any part is a denunciation: the visitors' identities are protected (Law 25/2018 Art. 8(3)). */
    protected: boolean('protected').notNull().default(false),
    content: text('content').notNull(),
    priorHandling: text('prior_handling'),
    request: text('request'),
    handling: text('handling'),
    documentsReceived: text('documents_received'),
    signed: boolean('signed').notNull().default(true),
    officerId: uuid('officer_id').notNull(),
    officerName: text('officer_name').notNull(),
    /** Law 42/2013 Art. 28(1): reply within 10 working days (TCD-REPLY), with its explanation. */
    replyBy: date('reply_by', { mode: 'string' }).notNull(),
    replyExplanation: jsonb('reply_explanation').notNull().default(sql`'[]'::jsonb`),
    repliedOn: date('replied_on', { mode: 'string' }),
    replyOutcome: text('reply_outcome'),
    replyNote: text('reply_note'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('reception_entries_seq').on(t.tenantId, t.year, t.seqNo),
    // The schedule counts each session's lines (issue #17: a scan of the agency's register, 5 ms at
    // 1,500 lines a year, growing with the years).
    index('reception_entries_session_idx').on(t.tenantId, t.sessionId).where(sql`session_id is not null`),
    foreignKey({ columns: [t.tenantId, t.sessionId], foreignColumns: [receptionSessions.tenantId, receptionSessions.id] }),
    check('reception_entries_group', sql`${t.groupSize} >= 1`),
  ],
);
