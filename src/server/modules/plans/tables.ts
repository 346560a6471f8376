/**
 * Tables of the `plans` module: the legal-document registry, plans (Kế hoạch) with the header of
 * an administrative document (Decree 30/2020/NĐ-CP Art. 8), sections and numbered items, tasks
 * with lead and co-operating units, progress updates, and the cascade of unit plans.
 */
import { sql } from 'drizzle-orm';
import {
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
import { users, units } from '../../platform/tables';

const ts = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/** A legal or Party document (văn bản), versioned reference data with its status (DOMAIN.md §7.1). */
export const legalDocuments = pgTable(
  'legal_documents',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    symbol: text('symbol').notNull(),
    typeCode: text('type_code'),
    typeName: text('type_name').notNull(),
    issuerCode: text('issuer_code'),
    issuer: text('issuer'),
    title: text('title'),
    issuedOn: date('issued_on', { mode: 'string' }),
    effectiveOn: date('effective_on', { mode: 'string' }),
    status: text('status').notNull().default('in_force'),
    replacedById: uuid('replaced_by_id'),
    note: text('note'),
    confidence: text('confidence'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // Administrative numbers restart every year: the symbol and the issue date identify a document.
    uniqueIndex('legal_documents_symbol_key').on(t.tenantId, t.symbol, t.issuedOn),
    foreignKey({ columns: [t.tenantId, t.replacedById], foreignColumns: [t.tenantId, t.id] }),
  ],
);

export const plans = pgTable(
  'plans',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** A unit plan implements a parent plan (the cascade). */
    parentPlanId: uuid('parent_plan_id'),
    /** The unit that owns a unit plan; null for the agency's own plan. */
    unitId: uuid('unit_id'),
    year: integer('year').notNull(),
    status: text('status').notNull().default('draft'),
    // Header (Decree 30/2020 Art. 8(2)).
    issuerParent: text('issuer_parent'),
    issuer: text('issuer').notNull(),
    /** Số, ký hiệu: assigned by the clerical office (văn thư), never by the app (DOMAIN.md §7.4). */
    numberSymbol: text('number_symbol'),
    place: text('place').notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    documentType: text('document_type').notNull().default('KẾ HOẠCH'),
    summary: text('summary').notNull(),
    preamble: text('preamble'),
    signerMode: text('signer_mode'),
    signerAuthority: text('signer_authority'),
    signerTitle: text('signer_title'),
    signerName: text('signer_name'),
    archive: text('archive'),
    /** Each required unit must issue its own plan by this date (cascade). */
    unitPlansDueOn: date('unit_plans_due_on', { mode: 'string' }),
    importSource: jsonb('import_source'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentPlanId], foreignColumns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    index('plans_parent_idx').on(t.tenantId, t.parentPlanId),
    check('plans_status', sql`${t.status} in ('draft','issued','archived')`),
  ],
);

export const planCitations = pgTable(
  'plan_citations',
  {
    tenantId: uuid('tenant_id').notNull(),
    planId: uuid('plan_id').notNull(),
    documentId: uuid('document_id').notNull(),
    position: integer('position').notNull(),
    sourceText: text('source_text'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.planId, t.documentId] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.documentId], foreignColumns: [legalDocuments.tenantId, legalDocuments.id] }),
  ],
);

export const planRecipients = pgTable(
  'plan_recipients',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    role: text('role'),
    unitId: uuid('unit_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
  ],
);

export const planSections = pgTable(
  'plan_sections',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    position: integer('position').notNull(),
    numeral: text('numeral').notNull(),
    title: text('title').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
  ],
);

export const planItems = pgTable(
  'plan_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    sectionId: uuid('section_id').notNull(),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    /** For a unit plan: the parent plan items this item implements. */
    implementsItemIds: uuid('implements_item_ids').array().notNull().default(sql`'{}'::uuid[]`),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.sectionId], foreignColumns: [planSections.tenantId, planSections.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
  ],
);

/** Units a plan requires to issue their own plan (the cascade), and by when. */
export const planRequiredUnits = pgTable(
  'plan_required_units',
  {
    tenantId: uuid('tenant_id').notNull(),
    planId: uuid('plan_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.planId, t.unitId] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    itemId: uuid('item_id').notNull(),
    title: text('title').notNull(),
    leadUnitId: uuid('lead_unit_id').notNull(),
    coUnitIds: uuid('co_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    dueOn: date('due_on', { mode: 'string' }),
    /** null, {kind:'every_months', months} or {kind:'yearly_before', month, day}. */
    recurrence: jsonb('recurrence'),
    expectedEvidence: text('expected_evidence'),
    status: text('status').notNull().default('not_started'),
    progress: integer('progress').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.itemId], foreignColumns: [planItems.tenantId, planItems.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.leadUnitId], foreignColumns: [units.tenantId, units.id] }),
    index('tasks_plan_idx').on(t.tenantId, t.planId),
    index('tasks_lead_idx').on(t.tenantId, t.leadUnitId),
    check('tasks_progress', sql`${t.progress} between 0 and 100`),
    check('tasks_status', sql`${t.status} in ('not_started','in_progress','done','cancelled')`),
  ],
);

export const taskUpdates = pgTable(
  'task_updates',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    taskId: uuid('task_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    authorId: uuid('author_id').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    progress: integer('progress').notNull(),
    status: text('status').notNull(),
    note: text('note').notNull(),
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.taskId], foreignColumns: [tasks.tenantId, tasks.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.authorId], foreignColumns: [users.tenantId, users.id] }),
    index('task_updates_task_idx').on(t.tenantId, t.taskId, t.reportedOn),
  ],
);

/**
 * A plan document being imported: the uploaded file is read (text layer or OCR) by a background
 * job that records its progress here, so a multi-page scan shows how far it has got. The result
 * is a draft for review; nothing becomes a plan until a person confirms it (issue #3).
 */
export const planImports = pgTable(
  'plan_imports',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    attachmentId: uuid('attachment_id').notNull(),
    filename: text('filename').notNull(),
    status: text('status').notNull().default('queued'),
    stage: text('stage'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    result: jsonb('result'),
    error: text('error'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('plan_imports_status', sql`${t.status} in ('queued','running','done','failed')`),
  ],
);
