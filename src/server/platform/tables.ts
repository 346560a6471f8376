/**
 * Platform tables: agencies (tenants), accounts, the organisation every policy needs (units,
 * their succession, role assignments), sessions, the audit chain, notifications, attachments and
 * the search index. Module tables live in `modules/<m>/tables.ts` and may reference these.
 *
 * Every table carries `tenant_id`, which leads every primary and foreign key (DESIGN.md, Data):
 * row-level security policies (migrations/0000_platform_security.sql) enforce it as well.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
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

/** bytea column mapped to Node Buffers (attachments are stored in the database, DESIGN.md). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const tenantId = () => uuid('tenant_id').notNull();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** An agency (cơ quan). `tenant_id` is its own id so that the policy is uniform. */
export const tenants = pgTable('tenants', {
  tenantId: uuid('tenant_id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  parentName: text('parent_name'),
  place: text('place').notNull(),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    position: text('position'),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    locale: text('locale').notNull().default('vi'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // Log-in names are unique across the whole installation: `POST /api/auth/login` names no agency.
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    tenantId: tenantId(),
    /** sha256 of the cookie token: a stolen database copy does not yield live sessions. */
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.tokenHash] }),
    uniqueIndex('sessions_token_hash_key').on(t.tokenHash),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
  ],
);

/**
 * The audit chain. One row per change, written in the same transaction as the change;
 * `hash` = sha256(prev_hash + canonical row), so editing or deleting a row breaks the chain.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: tenantId(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    summary: text('summary'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.seq] }),
    index('audit_log_entity_idx').on(t.tenantId, t.entityType, t.entityId),
    index('audit_log_at_idx').on(t.tenantId, t.at),
    // The audit page's filter by action, newest first (issue #17: an index for every filter).
    index('audit_log_action_idx').on(t.tenantId, t.action, t.seq),
  ],
);

/** Head of each tenant's audit chain; locked FOR UPDATE while appending so the chain never forks. */
export const auditHeads = pgTable('audit_heads', {
  tenantId: uuid('tenant_id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});

/**
 * The version of each agency's data (issue #17): the id of the last transaction that changed any
 * of it, written by `withTenant` as its last statement (db.ts). A transaction id is never used
 * twice, so a version names one committed state of the agency's data, and an answer computed from
 * that state can be kept under it (the response cache, response-cache.ts).
 */
export const dataVersions = pgTable('data_versions', {
  tenantId: uuid('tenant_id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});

export const notifications = pgTable(
  'notifications',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    index('notifications_user_idx').on(t.tenantId, t.userId, t.createdAt),
  ],
);

export const attachments = pgTable(
  'attachments',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    uploadedBy: uuid('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('attachments_entity_idx').on(t.tenantId, t.entityType, t.entityId)],
);

/**
 * One searchable entry per record that modules index (VIETNAMESE.md §3): the folded text is
 * matched with a trigram index, so "dan van" finds "dân vận" and OCR-damaged spellings come close.
 */
export const searchEntries = pgTable(
  'search_entries',
  {
    tenantId: tenantId(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    /**
     * Who may find the entry (any one token suffices): `public`, `staff` (every account of the
     * agency), `unit:<id>`, `user:<id>`, `cap:<capability>`. The search filters by the caller's tokens.
     */
    audience: text('audience').array().notNull().default(sql`'{staff}'::text[]`),
    folded: text('folded').generatedAlwaysAs(sql`f_unaccent(lower(title || ' ' || body))`),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.entityType, t.entityId] }),
    // Tenant first (btree_gin, migration 0016): one agency's matches without the others' (issue #17).
    index('search_entries_folded_trgm').using('gin', t.tenantId, sql`${t.folded} gin_trgm_ops`),
  ],
);

/**
 * The current agency's search entries as `search()` reads them (issue #17), as `case_search` does
 * for cases: row-level security keeps a LIKE (not leakproof) from the trigram index, so a search
 * through the table as `danchu_app` read every entry of the agency. This view, owned by the schema
 * owner, applies the policy's own tenant condition (`app_current_tenant()`), so its LIKE uses the
 * index and still sees one agency only.
 */
export const searchEntriesVisible = pgView('search_entry_search', {
  tenantId: uuid('tenant_id').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  link: text('link'),
  audience: text('audience').array().notNull(),
  folded: text('folded'),
}).as(
  sql`select tenant_id, entity_type, entity_id, title, body, link, audience, folded from search_entries where tenant_id = app_current_tenant()`,
);

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

/**
 * Rate-limit and log-in failure counters, kept in the database so that every app process of an
 * installation shares them and a restart does not reset them (issue #16 point 6). Counters of a
 * known person's log-ins carry that person's agency (its administrator sees and clears them under
 * row-level security); installation-wide counters (per address, per route) carry `NO_TENANT`.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    tenantId: tenantId(),
    key: text('key').notNull(),
    hits: integer('hits').notNull(),
    resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] }), index('rate_limits_reset_at_idx').on(t.resetAt)],
);
