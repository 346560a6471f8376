/**
 * Tables of the `exemplars` module (issue #12): "Dân vận khéo" models with the registration
 * fields of DOMAIN.md §4, their evidence over time, the council's evaluation rounds and the
 * units and agencies that replicate them.
 */
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units } from '../../platform/tables';

const ts = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

export const dvModels = pgTable(
  'dv_models',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    name: text('name').notNull(),
    /** Folded name and summary (VIETNAMESE.md §3.1) for searching without diacritics. */
    searchText: text('search_text').notNull().default(''),
    /** Thực trạng và lý do. */
    situation: text('situation').notNull().default(''),
    /** Mục tiêu. */
    objectives: text('objectives').notNull().default(''),
    /** Tiêu chí đánh giá. */
    criteria: text('criteria').notNull().default(''),
    /** Nội dung và phương pháp. */
    content: text('content').notNull().default(''),
    /** Địa bàn. */
    area: text('area').notNull().default(''),
    /** Đối tượng thụ hưởng. */
    beneficiaries: text('beneficiaries').notNull().default(''),
    /** Lực lượng thực hiện và vai trò. */
    forces: text('forces').notNull().default(''),
    /** Nguồn lực: kinh phí, cơ sở vật chất, ngày công, xã hội hóa. */
    resources: text('resources').notNull().default(''),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    /** Các mốc thực hiện. */
    milestones: text('milestones').notNull().default(''),
    evaluationDue: date('evaluation_due', { mode: 'string' }),
    /** Sản phẩm kiểm chứng được. */
    outputs: text('outputs').notNull().default(''),
    /** Tính bền vững và khả năng nhân rộng. */
    sustainability: text('sustainability').notNull().default(''),
    status: text('status').notNull().default('registered'),
    /** The level that recognised it (unit, agency, province) and the decision, once commended. */
    recognitionLevel: text('recognition_level'),
    recognitionRef: text('recognition_ref'),
    recognizedOn: date('recognized_on', { mode: 'string' }),
    stoppedReason: text('stopped_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    index('dv_models_unit_idx').on(t.tenantId, t.unitId),
    check('dv_models_status', sql`${t.status} in ('registered','launched','evaluated','commended','replicated','stopped')`),
    check('dv_models_level', sql`${t.recognitionLevel} is null or ${t.recognitionLevel} in ('unit','agency','province','national')`),
  ],
);

/** Evidence over time: a note, figures, files and photos. */
export const dvModelEvidence = pgTable(
  'dv_model_evidence',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    modelId: uuid('model_id').notNull(),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    /** [{label, value, unit}] — measurable outputs ("hộ được hỗ trợ: 35 hộ"). */
    figures: jsonb('figures').notNull().default(sql`'[]'::jsonb`),
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    recordedBy: uuid('recorded_by'),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.modelId], foreignColumns: [dvModels.tenantId, dvModels.id] }).onDelete('cascade'),
    index('dv_model_evidence_model_idx').on(t.tenantId, t.modelId, t.recordedOn),
  ],
);

/** One evaluation round by a council: each member's scores and the result. */
export const dvModelEvaluations = pgTable(
  'dv_model_evaluations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    modelId: uuid('model_id').notNull(),
    evaluatedOn: date('evaluated_on', { mode: 'string' }).notNull(),
    council: text('council').notNull(),
    /** [{name, scores: {practicality, effect, creativity, participation, sustainability, replicability}}] */
    members: jsonb('members').notNull(),
    passMark: numeric('pass_mark', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    score: numeric('score', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    passed: text('passed').notNull(),
    conclusion: text('conclusion').notNull().default(''),
    recordedBy: uuid('recorded_by'),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.modelId], foreignColumns: [dvModels.tenantId, dvModels.id] }).onDelete('cascade'),
    index('dv_model_evaluations_model_idx').on(t.tenantId, t.modelId, t.evaluatedOn),
    check('dv_model_evaluations_passed', sql`${t.passed} in ('yes','no')`),
  ],
);

/** Where a model is replicated: a unit of the agency, or another agency named in full. */
export const dvModelReplications = pgTable(
  'dv_model_replications',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    modelId: uuid('model_id').notNull(),
    unitId: uuid('unit_id'),
    agencyName: text('agency_name'),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by'),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.modelId], foreignColumns: [dvModels.tenantId, dvModels.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    check('dv_model_replications_where', sql`${t.unitId} is not null or ${t.agencyName} is not null`),
  ],
);
