/**
 * Tables of the `cases` module (issue #5): complaints, denunciations, petitions and feedback
 * (đơn, vụ việc), their events, computed statutory deadlines, links, and the protected
 * identities of the people involved — stored apart and encrypted (Law 25/2018/QH14 Arts. 8(3),
 * 47; DOMAIN.md §7.4).
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
  pgView,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { receptionEntries } from './reception/tables';
import { units } from '../../platform/tables';

export * from './portal-tables';

/** A requested reassignment (see `cases.pending_assignment`). */
export type PendingAssignment = {
  unitId: string;
  handlerId: string;
  decisionMakerId: string | null;
  requestedBy: string;
  requestedByName: string;
  requestedOn: string;
};

const ts = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

export const cases = pgTable(
  'cases',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** Internal register number, e.g. "TC-2026-0007". */
    code: text('code').notNull(),
    /** Unguessable code given to the citizen (portal look-up); null for anonymous/internal items. */
    trackingCode: text('tracking_code'),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    status: text('status').notNull().default('received'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    subject: text('subject').notNull(),
    content: text('content').notNull(),
    sourceBody: text('source_body'),
    knowledgeOn: date('knowledge_on', { mode: 'string' }),
    obstacleFrom: date('obstacle_from', { mode: 'string' }),
    obstacleTo: date('obstacle_to', { mode: 'string' }),
    anonymous: boolean('anonymous').notNull().default(false),
    remote: boolean('remote').notNull().default(false),
    aboutRegulation: boolean('about_regulation').notNull().default(false),
    instance: integer('instance').notNull().default(1),
    firstInstanceId: uuid('first_instance_id'),
    receptionEntryId: uuid('reception_entry_id'),
    unitId: uuid('unit_id'),
    handlerId: uuid('handler_id'),
    decisionMakerId: uuid('decision_maker_id'),
    complexity: text('complexity').array().notNull().default(sql`'{}'::text[]`),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    decidedOn: date('decided_on', { mode: 'string' }),
    /** The day the complainant received the decision (Law 02/2011 Art. 33: the second-complaint window runs from it). */
    decisionReceivedOn: date('decision_received_on', { mode: 'string' }),
    outcome: text('outcome'),
    publicAnswer: text('public_answer'),
    notAcceptedReasons: text('not_accepted_reasons').array().notNull().default(sql`'{}'::text[]`),
    forwardedTo: text('forwarded_to'),
    closedOn: date('closed_on', { mode: 'string' }),
    /** Portal retries with the same key return the same case (no duplicate on retry). */
    idempotencyKey: text('idempotency_key'),
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /**
     * A reassignment of a denunciation waiting for the decision-maker's or the head's approval: it
     * would give someone the right to reveal the denouncer (Law 25/2018 Arts. 8(3), 47).
     */
    pendingAssignment: jsonb('pending_assignment').$type<PendingAssignment | null>(),
    /**
     * The names of the case's parties that are NOT protected, folded (VIETNAMESE.md §3), kept by
     * the write path (`refreshCaseSearch`) so they can be searched. A protected identity (a
     * denouncer and their relatives, Law 25/2018 Art. 47) never enters this column.
     */
    partyText: text('party_text').notNull().default(''),
    /** Folded code, subject and unprotected party names: what anyone who reads the case may search (issue #17). */
    searchHead: text('search_head').generatedAlwaysAs(sql`f_unaccent(lower(code || ' ' || subject || ' ' || party_text))`),
    /** Folded content: searched only by those who may read it (a denunciation's content is not an oracle). */
    searchBody: text('search_body').generatedAlwaysAs(sql`f_unaccent(lower(content))`),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('cases_code').on(t.tenantId, t.code),
    uniqueIndex('cases_tracking_code').on(t.trackingCode),
    uniqueIndex('cases_idempotency').on(t.tenantId, t.idempotencyKey),
    // Every filter of the cases list has an index that starts with the tenant and ends with the
    // list's order (received_on), so a filtered page reads only its rows (issue #17; checked by
    // EXPLAIN in filters-scale.int.test.ts).
    index('cases_status_idx').on(t.tenantId, t.status, t.receivedOn),
    index('cases_kind_idx').on(t.tenantId, t.kind, t.receivedOn),
    index('cases_channel_idx').on(t.tenantId, t.channel, t.receivedOn),
    index('cases_unit_idx').on(t.tenantId, t.unitId, t.receivedOn),
    index('cases_handler_idx').on(t.tenantId, t.handlerId, t.receivedOn),
    index('cases_decision_maker_idx').on(t.tenantId, t.decisionMakerId),
    // The open cases with what oversight and the dashboard's counts group and sort them by: read by
    // an index-only scan, where the status index sent them to ~10,000 heap pages at the province's
    // largest agency (issue #17). The statuses are OPEN_CASE_STATUSES.
    index('cases_open_idx')
      .on(t.tenantId, t.status, t.unitId, t.handlerId, t.receivedOn, t.id)
      .where(sql`status in ('received', 'accepted', 'suspended')`),
    // The year's statistics read only this index (an index-only scan): the columns they count
    // follow the date (issue #17: statistics ≤ 50 ms at 100,000 cases).
    index('cases_received_idx').on(t.tenantId, t.receivedOn, t.kind, t.channel, t.unitId, t.acceptedOn, t.decidedOn),
    // Diacritic-insensitive search with an index (issue #17, VIETNAMESE.md §3): trigram GIN on the folded columns.
    // Tenant first (btree_gin), so one agency's matches are found without the others' (issue #17).
    index('cases_search_head_trgm').using('gin', t.tenantId, sql`${t.searchHead} gin_trgm_ops`),
    index('cases_search_body_trgm').using('gin', t.tenantId, sql`${t.searchBody} gin_trgm_ops`),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ columns: [t.tenantId, t.firstInstanceId], foreignColumns: [t.tenantId, t.id] }),
    // The register book's page finds the cases its lines opened (issue #17: a scan of the agency's
    // 100,000 cases, 60 ms, for a page of 50 lines); most cases come by other channels.
    index('cases_reception_entry_idx').on(t.tenantId, t.receptionEntryId).where(sql`reception_entry_id is not null`),
    foreignKey({ columns: [t.tenantId, t.receptionEntryId], foreignColumns: [receptionEntries.tenantId, receptionEntries.id] }),
    check('cases_kind', sql`${t.kind} in ('complaint','denunciation','petition','feedback')`),
    check('cases_channel', sql`${t.channel} in ('in_person','letter','portal','hotline','email','forwarded')`),
    check('cases_instance', sql`${t.instance} in (1, 2)`),
    check(
      'cases_status',
      sql`${t.status} in ('received','accepted','suspended','resolved','not_accepted','forwarded','guided','information','withdrawn','terminated','duplicate')`,
    ),
  ],
);

/**
 * The last number given in each register of an agency: one row per code prefix, which names the
 * kind and the year ("KN-2026-"). A new case takes the next number with one `UPDATE … RETURNING`
 * on its row (issue #17: numbering scanned every code of the agency); the row lock makes two
 * intakes at once draw distinct, consecutive numbers. The row is created from the highest code
 * already given the first time a register is used, so existing codes continue.
 */
export const caseCounters = pgTable(
  'case_counters',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** "KN-2026-": the kind's prefix and the year of receipt. */
    prefix: text('prefix').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.prefix] }), check('case_counters_last', sql`${t.last} >= 0`)],
);

/**
 * The identity of a person in a case or a register entry: name, address, contact, ID number,
 * encrypted with AES-256-GCM under the installation's identity key. Never indexed for search.
 */
export const protectedIdentities = pgTable(
  'protected_identities',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id'),
    entryId: uuid('entry_id'),
    role: text('role').notNull(),
    ordinal: integer('ordinal').notNull(),
    /** Protected roles on a denunciation (and all visitors of a protected entry) are masked. */
    protected: boolean('protected').notNull(),
    /** base64(iv | tag | ciphertext) of the JSON identity. */
    cipher: text('cipher').notNull(),
    keyId: text('key_id').notNull(),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('protected_identities_case_idx').on(t.tenantId, t.caseId),
    index('protected_identities_entry_idx').on(t.tenantId, t.entryId),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.entryId], foreignColumns: [receptionEntries.tenantId, receptionEntries.id] }).onDelete('cascade'),
    check('protected_identities_owner', sql`(${t.caseId} is null) <> (${t.entryId} is null)`),
  ],
);

/** Every reveal of a protected identity: who, when, why (DESIGN.md: every read is logged). */
export const identityReveals = pgTable(
  'identity_reveals',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    identityId: uuid('identity_id').notNull(),
    caseId: uuid('case_id'),
    entryId: uuid('entry_id'),
    userId: uuid('user_id').notNull(),
    userName: text('user_name').notNull(),
    reason: text('reason').notNull(),
    at: ts('at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('identity_reveals_case_idx').on(t.tenantId, t.caseId)],
);

/**
 * The current agency's cases as a search reads them (issue #17). Row-level security does not let
 * a non-leakproof operator such as LIKE reach an index (it would run before the policy), so a
 * search through `cases` as `danchu_app` reads every case of the agency. This view, owned by the
 * schema owner, applies the policy's own tenant condition (`app_current_tenant()`), so its LIKE
 * conditions use the trigram indexes. It holds the list columns and the folded search columns —
 * no content, no identity. `listCases` reads it under the name "cases", with the same filters.
 */
export const caseSearch = pgView('case_search', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').notNull(),
  code: text('code').notNull(),
  kind: text('kind').notNull(),
  channel: text('channel').notNull(),
  status: text('status').notNull(),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  subject: text('subject').notNull(),
  instance: integer('instance').notNull(),
  unitId: uuid('unit_id'),
  handlerId: uuid('handler_id'),
  decisionMakerId: uuid('decision_maker_id'),
  anonymous: boolean('anonymous').notNull(),
  searchHead: text('search_head'),
  searchBody: text('search_body'),
}).as(
  sql`select tenant_id, id, code, kind, channel, status, received_on, subject, instance, unit_id, handler_id, decision_maker_id, anonymous, search_head, search_body from cases where tenant_id = app_current_tenant()`,
);

/** One step of a case, with its document (decision number, attachment). */
export const caseEvents = pgTable(
  'case_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    type: text('type').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    summary: text('summary').notNull(),
    decisionNo: text('decision_no'),
    attachmentId: uuid('attachment_id'),
    note: text('note'),
    /** Action-specific data (extension days, reasons, suspension pairs…). */
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    at: ts('at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('case_events_case_idx').on(t.tenantId, t.caseId, t.on),
    // Extensions make a case "prolonged" (oversight) and are counted on each list row.
    index('case_events_extended_idx').on(t.tenantId, t.caseId).where(sql`type = 'extended'`),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }).onDelete('cascade'),
  ],
);

/** The statutory deadlines of a case as last computed (recomputed on every change and calendar edit). */
export const caseDeadlines = pgTable(
  'case_deadlines',
  {
    tenantId: uuid('tenant_id').notNull(),
    caseId: uuid('case_id').notNull(),
    ruleId: text('rule_id').notNull(),
    ruleVersion: integer('rule_version').notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en').notNull(),
    trigger: date('trigger', { mode: 'string' }).notNull(),
    due: date('due', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    metOn: date('met_on', { mode: 'string' }),
    explanation: jsonb('explanation').notNull(),
    basis: jsonb('basis').notNull(),
    computedAt: ts('computed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.caseId, t.ruleId] }),
    index('case_deadlines_due_idx').on(t.tenantId, t.status, t.due),
    // Missed (met late or not yet): the "overdue" flag of oversight, statistics and the list's filter looks
    // a case up here — a small index whatever the number of deadlines met (issue #17).
    index('case_deadlines_missed_idx').on(t.tenantId, t.caseId, t.ruleId, t.metOn).where(sql`status = 'missed'`),
    // Clocks still running (or stopped while suspended): a case's next deadline (oversight's "due soon").
    index('case_deadlines_running_idx').on(t.tenantId, t.caseId, t.due, t.ruleId).where(sql`status in ('open', 'stopped')`),
    // The same clocks by status: oversight's first open and first stopped deadline of every open case in
    // one index-only pass each, in case order (issue #17).
    index('case_deadlines_running_by_status_idx')
      .on(t.tenantId, t.status, t.caseId, t.due, t.ruleId)
      .where(sql`status in ('open', 'stopped')`),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }).onDelete('cascade'),
  ],
);

/** Duplicate, repeat and related links between cases (DOMAIN.md §7.4: duplicates are linked). */
export const caseLinks = pgTable(
  'case_links',
  {
    tenantId: uuid('tenant_id').notNull(),
    caseId: uuid('case_id').notNull(),
    otherId: uuid('other_id').notNull(),
    relation: text('relation').notNull(),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.caseId, t.otherId] }),
    // Oversight's repeated cases (tái diễn): the agency's count is an index-only count here (issue #17).
    index('case_links_repeat_idx').on(t.tenantId, t.caseId).where(sql`relation = 'repeat'`),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.otherId], foreignColumns: [cases.tenantId, cases.id] }).onDelete('cascade'),
    check('case_links_relation', sql`${t.relation} in ('duplicate','repeat','related')`),
    check('case_links_distinct', sql`${t.caseId} <> ${t.otherId}`),
  ],
);

/**
 * Monthly counts behind the statistics (issue #17: statistics from summary tables kept current by
 * the write path, ≤ 50 ms at 100,000 cases). One row per agency, month of receipt, kind, channel
 * and unit: how many cases were received, accepted, resolved, resolved on time and are overdue —
 * exactly what `statistics` counted over the cases themselves. A month is recounted when its
 * period (below) says it changed since it was last counted.
 */
export const caseStatMonths = pgTable(
  'case_stat_months',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** The first day of the month the cases were received in. */
    month: date('month', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    unitId: uuid('unit_id'),
    received: integer('received').notNull(),
    accepted: integer('accepted').notNull(),
    resolved: integer('resolved').notNull(),
    onTime: integer('on_time').notNull(),
    overdue: integer('overdue').notNull(),
  },
  (t) => [index('case_stat_months_idx').on(t.tenantId, t.month)],
);

/**
 * Whether a month's counts are current: every write of a case or of its deadlines raises the
 * `version` of the month the case was received in (in the write's own transaction), and a count
 * records the version it saw. A month with no row, or whose `counted` is behind `version`, is
 * recounted by the next reader.
 */
export const caseStatPeriods = pgTable(
  'case_stat_periods',
  {
    tenantId: uuid('tenant_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    version: integer('version').notNull(),
    counted: integer('counted'),
    countedAt: timestamp('counted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.month] })],
);
