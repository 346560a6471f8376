/**
 * Tables of the `disclosures` module (issue #10): items published to the staff and the public
 * (Law 10/2022/QH15 Arts. 46–48), read receipts, requests for withdrawn items (Art. 48(4)), and
 * the agency's publicity settings (commune level: 30 days of posting, Art. 13(2)).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units, users } from '../../platform/tables';

const ts = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

export const disclosureItems = pgTable(
  'disclosure_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    summary: text('summary'),
    /** Art. 46 category, 1–12. */
    category: integer('category').notNull(),
    /** Số, ký hiệu (or description) of the source decision. */
    sourceRef: text('source_ref').notNull(),
    /** The source in the legal/document registry (plans module), when it is there. */
    sourceDocumentId: uuid('source_document_id'),
    /** The uploaded source file (files module). */
    sourceFileId: uuid('source_file_id'),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    audience: text('audience').notNull(),
    unitId: uuid('unit_id'),
    channels: text('channels').array().notNull().default(sql`'{}'::text[]`),
    /** Meant to stay posted after the minimum period (a regulation in force). */
    keepPosted: boolean('keep_posted').notNull().default(false),
    publishBy: date('publish_by', { mode: 'string' }).notNull(),
    publishByExplanation: jsonb('publish_by_explanation').$type<string[]>().notNull(),
    status: text('status').notNull().default('draft'),
    postedOn: date('posted_on', { mode: 'string' }),
    postedUntil: date('posted_until', { mode: 'string' }),
    postedUntilExplanation: jsonb('posted_until_explanation').$type<string[]>(),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawReason: text('withdraw_reason'),
    /** 'sweep' (the daily job or the CLI) or 'manual'. */
    withdrawnBy: text('withdrawn_by'),
    /** The record of another module this item publishes (a consultation's explanation, Art. 46(10)). */
    originModule: text('origin_module'),
    originId: text('origin_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    index('disclosure_items_status_idx').on(t.tenantId, t.status),
    check('disclosure_items_category', sql`${t.category} between 1 and 12`),
    check('disclosure_items_status', sql`${t.status} in ('draft','posted','withdrawn')`),
    check('disclosure_items_audience', sql`${t.audience} in ('staff','unit','public')`),
    check('disclosure_items_unit', sql`(${t.audience} = 'unit') = (${t.unitId} is not null)`),
  ],
);

/** A read receipt: a person acknowledged an item addressed to them. */
export const disclosureReceipts = pgTable(
  'disclosure_receipts',
  {
    tenantId: uuid('tenant_id').notNull(),
    itemId: uuid('item_id').notNull(),
    userId: uuid('user_id').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.itemId, t.userId] }),
    foreignKey({ columns: [t.tenantId, t.itemId], foreignColumns: [disclosureItems.tenantId, disclosureItems.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
  ],
);

/** A staff member's request for a withdrawn item, and the Office's answer (Art. 48(4)). */
export const disclosureRequests = pgTable(
  'disclosure_requests',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: ts('requested_at'),
    reason: text('reason').notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.itemId], foreignColumns: [disclosureItems.tenantId, disclosureItems.id] }).onDelete('cascade'),
    index('disclosure_requests_item_idx').on(t.tenantId, t.itemId),
  ],
);

/** The agency's publicity settings: one row per agency, absent = defaults. */
export const disclosureSettings = pgTable('disclosure_settings', {
  tenantId: uuid('tenant_id').primaryKey(),
  /** A commune-level body posts for 30 days instead of 20 (Art. 13(2)). */
  communeLevel: boolean('commune_level').notNull().default(false),
  version: integer('version').notNull().default(1),
});
