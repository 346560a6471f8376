/**
 * Tables of the `outgoing` module: the register of outgoing documents (sổ đăng ký văn bản đi) and
 * the counters that give their numbers, one row per agency, year and sequence (Decree 30/2020
 * Art. 15). A number is taken by incrementing the counter row in the same transaction that
 * writes the register line, so two clerks never get the same number and a rolled-back
 * registration gives its number back.
 */
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from '../../platform/tables';

/** The last number given in a year's sequence, and the day it was given (numbers follow the dates). */
export const outgoingCounters = pgTable(
  'outgoing_counters',
  {
    tenantId: uuid('tenant_id').notNull(),
    year: integer('year').notNull(),
    series: text('series').notNull(),
    lastNumber: integer('last_number').notNull(),
    lastIssuedOn: date('last_issued_on', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.year, t.series] }), check('outgoing_counters_non_negative', sql`${t.lastNumber} >= 0`)],
);

/** One line of the register: the number and symbol given to one outgoing document. */
export const outgoingDocuments = pgTable(
  'outgoing_documents',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    series: text('series').notNull(),
    number: integer('number').notNull(),
    numberSymbol: text('number_symbol').notNull(),
    typeCode: text('type_code').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    signerName: text('signer_name'),
    recipients: text('recipients'),
    draftingUnitId: uuid('drafting_unit_id'),
    /** 'plan' | 'agency_report' when another module asked for the number; null when registered by hand. */
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('outgoing_documents_number').on(t.tenantId, t.year, t.series, t.number),
    // Art. 15(1): the number and symbol are unique within the year.
    uniqueIndex('outgoing_documents_symbol').on(t.tenantId, t.year, t.numberSymbol),
    // A plan or a report is numbered once.
    uniqueIndex('outgoing_documents_source').on(t.tenantId, t.sourceType, t.sourceId),
    foreignKey({ columns: [t.tenantId, t.draftingUnitId], foreignColumns: [units.tenantId, units.id] }),
    check('outgoing_documents_source_type', sql`${t.sourceType} is null or ${t.sourceType} in ('plan','agency_report')`),
  ],
);

/** The agency's code in symbols ("SKHCN"), set by the Office; without a row it comes from the agency's code. */
export const outgoingSettings = pgTable('outgoing_settings', {
  tenantId: uuid('tenant_id').notNull().primaryKey(),
  issuerCode: text('issuer_code').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
