/**
 * "Dân vận khéo" models (issue #12; DOMAIN.md §4 and §7.2 workflow 10): register → launch →
 * evaluate → commend → replicate, with evidence over time. Every write is authorized by
 * `modelPolicy`, audited in the same transaction and indexed for the diacritic-insensitive search.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TModelDetail,
  TModelListItem,
  ZEvaluationInput,
  ZEvidenceInput,
  ZModelInput,
  ZModelTransition,
  ZModelUpdate,
  ZReplicationInput,
} from '../../../contracts/exemplars';
import { evaluateRound, type MemberScores, memberTotal, type ModelStatus, mayTransition } from '../../../domain/exemplars/evaluate';
import { foldVietnamese as fold } from '../../../domain/text';
import { recordAudit } from '../../platform/audit';
import type { Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import { type ActorContext, dashboardPart } from '../../platform/module';
import { abilities, authorize } from '../../platform/policy';
import { indexForSearch } from '../../platform/search';
import { attachments, units } from '../../platform/tables';
import { mayRegister, modelPolicy } from './policy';
import { dvModelEvaluations, dvModelEvidence, dvModelReplications, dvModels } from './tables';

type ModelRow = typeof dvModels.$inferSelect;
type Level = TModelListItem['recognitionLevel'];

const searchTextOf = (m: Pick<ModelRow, 'name' | 'area' | 'beneficiaries' | 'content'>) =>
  fold(`${m.name} ${m.area} ${m.beneficiaries} ${m.content}`).slice(0, 4000);

async function unitNames(tx: Tx): Promise<Map<string, string>> {
  return new Map((await tx.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.id, u.name]));
}

async function loadModel(tx: Tx, id: string): Promise<ModelRow> {
  const [m] = await tx.select().from(dvModels).where(eq(dvModels.id, id));
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}

async function index(tx: Tx, m: ModelRow): Promise<void> {
  await indexForSearch(tx, {
    tenantId: m.tenantId,
    entityType: 'dv_model',
    entityId: m.id,
    title: `Mô hình “${m.name}”`,
    body: `${m.area} ${m.beneficiaries} ${m.outputs}`,
    link: `/models/${m.id}`,
  });
}

async function checkUnit(tx: Tx, unitId: string, field = 'unitId'): Promise<void> {
  const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!u) throw invalid(field, 'đơn vị không tồn tại', 'the unit does not exist');
}

/**
 * The agency's models, newest first, optionally by status, unit or a search folded like the
 * Vietnamese text ("dan van" finds "dân vận").
 */
export async function listModels(
  ctx: ActorContext,
  filter: { q?: string; status?: string; unitId?: string },
): Promise<{ items: TModelListItem[] }> {
  const { tx, actor } = ctx;
  if (!modelPolicy.read(actor, { unitId: '', status: 'registered' })) throw new AppError('NOT_FOUND');
  const conds = [];
  if (filter.status) conds.push(eq(dvModels.status, filter.status));
  if (filter.unitId) conds.push(eq(dvModels.unitId, filter.unitId));
  for (const w of fold(filter.q ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8))
    conds.push(sql`${dvModels.searchText} like ${`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const rows = await tx
    .select()
    .from(dvModels)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(dvModels.startedOn), asc(dvModels.name));
  return { items: await summaries(tx, rows) };
}

async function summaries(tx: Tx, rows: ModelRow[]): Promise<TModelListItem[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const names = await unitNames(tx);
  const evals = await tx
    .select()
    .from(dvModelEvaluations)
    .where(inArray(dvModelEvaluations.modelId, ids))
    .orderBy(asc(dvModelEvaluations.evaluatedOn));
  const reps = await tx
    .select({ modelId: dvModelReplications.modelId, n: sql<number>`count(*)::int` })
    .from(dvModelReplications)
    .where(inArray(dvModelReplications.modelId, ids))
    .groupBy(dvModelReplications.modelId);
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    unitId: m.unitId,
    unitName: names.get(m.unitId) ?? '',
    status: m.status as ModelStatus,
    startedOn: m.startedOn,
    recognitionLevel: m.recognitionLevel as Level,
    evaluations: evals
      .filter((e) => e.modelId === m.id)
      .map((e) => ({ id: e.id, evaluatedOn: e.evaluatedOn, score: e.score, passed: e.passed === 'yes' })),
    replications: reps.find((r) => r.modelId === m.id)?.n ?? 0,
  }));
}

/** One model with its evidence, evaluation rounds, replications and what the person may do. */
export async function getModel(ctx: ActorContext, id: string): Promise<TModelDetail> {
  const { tx, actor } = ctx;
  const m = await loadModel(tx, id);
  authorize(modelPolicy, actor, 'read', m);
  const [summary] = await summaries(tx, [m]);
  const evals = await tx
    .select()
    .from(dvModelEvaluations)
    .where(eq(dvModelEvaluations.modelId, id))
    .orderBy(asc(dvModelEvaluations.evaluatedOn));
  const evidence = await tx.select().from(dvModelEvidence).where(eq(dvModelEvidence.modelId, id)).orderBy(asc(dvModelEvidence.recordedOn));
  const fileIds = evidence.flatMap((e) => e.attachmentIds);
  const files = fileIds.length
    ? await tx.select({ id: attachments.id, filename: attachments.filename }).from(attachments).where(inArray(attachments.id, fileIds))
    : [];
  const reps = await tx
    .select()
    .from(dvModelReplications)
    .where(eq(dvModelReplications.modelId, id))
    .orderBy(asc(dvModelReplications.startedOn));
  const names = await unitNames(tx);
  const can = abilities(modelPolicy, actor, m);
  return {
    ...summary!,
    situation: m.situation,
    objectives: m.objectives,
    criteria: m.criteria,
    content: m.content,
    area: m.area,
    beneficiaries: m.beneficiaries,
    forces: m.forces,
    resources: m.resources,
    milestones: m.milestones,
    evaluationDue: m.evaluationDue,
    outputs: m.outputs,
    sustainability: m.sustainability,
    recognitionRef: m.recognitionRef,
    recognizedOn: m.recognizedOn,
    stoppedReason: m.stoppedReason,
    version: m.version,
    evaluations: evals.map((e) => ({
      id: e.id,
      evaluatedOn: e.evaluatedOn,
      council: e.council,
      passMark: e.passMark,
      score: e.score,
      passed: e.passed === 'yes',
      conclusion: e.conclusion,
      members: (e.members as { name: string; scores: MemberScores }[]).map((x) => ({ ...x, total: memberTotal(x.scores) })),
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      recordedOn: e.recordedOn,
      note: e.note,
      figures: e.figures as { label: string; value: number; unit: string }[],
      files: e.attachmentIds.map((fid) => files.find((f) => f.id === fid)).filter((f): f is { id: string; filename: string } => !!f),
    })),
    replicationList: reps.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      where: r.unitId ? (names.get(r.unitId) ?? '') : (r.agencyName ?? ''),
      startedOn: r.startedOn,
      note: r.note,
    })),
    can: {
      update: can.update,
      evaluate: can.evaluate && mayTransition('evaluate', m.status as ModelStatus),
      commend: can.commend && mayTransition('commend', m.status as ModelStatus),
      addEvidence: can.addEvidence,
      replicate: can.replicate && mayTransition('replicate', m.status as ModelStatus),
    },
  };
}

/** Register a model for a unit (its head, or the Office). */
export async function createModel(ctx: ActorContext, input: z.output<typeof ZModelInput>): Promise<TModelDetail> {
  const { tx, actor, who } = ctx;
  await checkUnit(tx, input.unitId);
  if (!mayRegister(actor, input.unitId)) throw new AppError('FORBIDDEN');
  if (input.evaluationDue && input.evaluationDue < input.startedOn)
    throw invalid('evaluationDue', 'ngày đánh giá phải sau ngày bắt đầu', 'the evaluation date must not be before the start');
  const [row] = await tx
    .insert(dvModels)
    .values({
      ...input,
      evaluationDue: input.evaluationDue ?? null,
      tenantId: actor.tenantId,
      createdBy: actor.userId,
      searchText: searchTextOf(input),
    })
    .returning();
  await recordAudit(tx, who, { action: 'dv_model.create', entityType: 'dv_model', entityId: row!.id, summary: row!.name, after: row });
  await index(tx, row!);
  return getModel(ctx, row!.id);
}

/** Edit a model's registration (version-checked: a stale edit is refused, nothing overwritten). */
export async function updateModel(ctx: ActorContext, id: string, input: z.output<typeof ZModelUpdate>): Promise<TModelDetail> {
  const { tx, actor, who } = ctx;
  const before = await loadModel(tx, id);
  authorize(modelPolicy, actor, 'update', before);
  if (input.version !== before.version) throw new AppError('STALE_VERSION');
  const { version: _v, ...data } = input;
  if (data.unitId && data.unitId !== before.unitId) {
    await checkUnit(tx, data.unitId);
    if (!mayRegister(actor, data.unitId)) throw new AppError('FORBIDDEN');
  }
  const merged = { ...before, ...data };
  if (merged.evaluationDue && merged.evaluationDue < merged.startedOn)
    throw invalid('evaluationDue', 'ngày đánh giá phải sau ngày bắt đầu', 'the evaluation date must not be before the start');
  const [after] = await tx
    .update(dvModels)
    .set({ ...data, searchText: searchTextOf(merged), version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(dvModels.id, id), eq(dvModels.version, before.version)))
    .returning();
  if (!after) throw new AppError('STALE_VERSION');
  await recordAudit(tx, who, { action: 'dv_model.update', entityType: 'dv_model', entityId: id, summary: after.name, before, after });
  await index(tx, after);
  return getModel(ctx, id);
}

/** Launch, stop, or record the recognition (commendation) of a model. */
export async function transitionModel(ctx: ActorContext, id: string, input: z.output<typeof ZModelTransition>): Promise<TModelDetail> {
  const { tx, actor, who, today } = ctx;
  const before = await loadModel(tx, id);
  authorize(modelPolicy, actor, input.action === 'commend' ? 'commend' : 'update', before);
  if (input.version !== before.version) throw new AppError('STALE_VERSION');
  if (!mayTransition(input.action, before.status as ModelStatus)) throw new AppError('MODEL_WRONG_STATE');
  let set: Partial<ModelRow>;
  if (input.action === 'launch') set = { status: 'launched' };
  else if (input.action === 'stop') set = { status: 'stopped', stoppedReason: input.reason };
  else {
    if (input.recognizedOn > today) throw invalid('recognizedOn', 'không được ghi ngày trong tương lai', 'must not be in the future');
    set = { status: 'commended', recognitionLevel: input.level, recognitionRef: input.decisionRef, recognizedOn: input.recognizedOn };
  }
  const [after] = await tx
    .update(dvModels)
    .set({ ...set, version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(dvModels.id, id), eq(dvModels.version, before.version)))
    .returning();
  if (!after) throw new AppError('STALE_VERSION');
  await recordAudit(tx, who, {
    action: `dv_model.${input.action}`,
    entityType: 'dv_model',
    entityId: id,
    summary: after.name,
    before,
    after,
  });
  return getModel(ctx, id);
}

/** Add evidence (a note, figures, files) to a model; the files become the model's. */
export async function addEvidence(ctx: ActorContext, id: string, input: z.output<typeof ZEvidenceInput>): Promise<TModelDetail> {
  const { tx, actor, who, today } = ctx;
  const m = await loadModel(tx, id);
  authorize(modelPolicy, actor, 'addEvidence', m);
  if (input.recordedOn > today) throw invalid('recordedOn', 'không được ghi ngày trong tương lai', 'must not be in the future');
  if (input.attachmentIds.length) {
    const found = await tx.select({ id: attachments.id }).from(attachments).where(inArray(attachments.id, input.attachmentIds));
    if (found.length !== new Set(input.attachmentIds).size)
      throw invalid('attachmentIds', 'tệp minh chứng không tồn tại', 'an evidence file does not exist');
    await tx
      .update(attachments)
      .set({ entityType: 'dv_model', entityId: id })
      .where(and(inArray(attachments.id, input.attachmentIds), isNull(attachments.entityId)));
  }
  const [row] = await tx
    .insert(dvModelEvidence)
    .values({ tenantId: actor.tenantId, modelId: id, ...input, recordedBy: actor.userId })
    .returning();
  await recordAudit(tx, who, {
    action: 'dv_model.evidence',
    entityType: 'dv_model',
    entityId: id,
    summary: `${m.name}: ${input.note.slice(0, 120)}`,
    after: row,
  });
  return getModel(ctx, id);
}

/**
 * Record a council's evaluation round: each member's scores, the average and the result against
 * the council's pass mark. A passing round moves a launched model to "evaluated".
 */
export async function addEvaluation(ctx: ActorContext, id: string, input: z.output<typeof ZEvaluationInput>): Promise<TModelDetail> {
  const { tx, actor, who, today } = ctx;
  const m = await loadModel(tx, id);
  authorize(modelPolicy, actor, 'evaluate', m);
  if (!mayTransition('evaluate', m.status as ModelStatus)) throw new AppError('MODEL_WRONG_STATE');
  if (input.evaluatedOn > today) throw invalid('evaluatedOn', 'không được ghi ngày trong tương lai', 'must not be in the future');
  if (input.evaluatedOn < m.startedOn)
    throw invalid('evaluatedOn', 'phải sau ngày bắt đầu mô hình', 'must not be before the model started');
  const result = evaluateRound(input.members, input.passMark);
  const [row] = await tx
    .insert(dvModelEvaluations)
    .values({
      tenantId: actor.tenantId,
      modelId: id,
      evaluatedOn: input.evaluatedOn,
      council: input.council,
      members: input.members,
      passMark: input.passMark,
      score: result.score,
      passed: result.passed ? 'yes' : 'no',
      conclusion: input.conclusion ?? '',
      recordedBy: actor.userId,
    })
    .returning();
  if (result.passed && m.status === 'launched')
    await tx
      .update(dvModels)
      .set({ status: 'evaluated', version: m.version + 1, updatedAt: new Date() })
      .where(eq(dvModels.id, id));
  await recordAudit(tx, who, {
    action: 'dv_model.evaluate',
    entityType: 'dv_model',
    entityId: id,
    summary: `${m.name}: ${result.score} điểm (${result.passed ? 'đạt' : 'chưa đạt'})`,
    after: row,
  });
  return getModel(ctx, id);
}

/** Record that a unit of the agency, or another agency, replicates a commended model. */
export async function addReplication(ctx: ActorContext, id: string, input: z.output<typeof ZReplicationInput>): Promise<TModelDetail> {
  const { tx, actor, who } = ctx;
  const m = await loadModel(tx, id);
  authorize(modelPolicy, actor, 'replicate', m);
  if (!mayTransition('replicate', m.status as ModelStatus)) throw new AppError('MODEL_WRONG_STATE');
  if (input.unitId) {
    await checkUnit(tx, input.unitId);
    if (input.unitId === m.unitId)
      throw invalid('unitId', 'đơn vị nhân rộng phải khác đơn vị xây dựng mô hình', 'replication must be in another unit');
  }
  const [row] = await tx
    .insert(dvModelReplications)
    .values({
      tenantId: actor.tenantId,
      modelId: id,
      unitId: input.unitId ?? null,
      agencyName: input.unitId ? null : (input.agencyName ?? null),
      startedOn: input.startedOn,
      note: input.note ?? '',
      recordedBy: actor.userId,
    })
    .returning();
  if (m.status !== 'replicated')
    await tx
      .update(dvModels)
      .set({ status: 'replicated', version: m.version + 1, updatedAt: new Date() })
      .where(eq(dvModels.id, id));
  await recordAudit(tx, who, { action: 'dv_model.replicate', entityType: 'dv_model', entityId: id, summary: m.name, after: row });
  return getModel(ctx, id);
}

/** The public showcase: commended and replicated models, searchable without diacritics. */
export async function publicModels(tx: Tx, q: string | undefined) {
  const conds = [inArray(dvModels.status, ['commended', 'replicated'])];
  for (const w of fold(q ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8))
    conds.push(sql`${dvModels.searchText} like ${`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const rows = await tx
    .select()
    .from(dvModels)
    .where(and(...conds))
    .orderBy(desc(dvModels.recognizedOn));
  const sums = await summaries(tx, rows);
  return rows.map((m, i) => ({
    id: m.id,
    name: m.name,
    unitName: sums[i]!.unitName,
    startedOn: m.startedOn,
    recognitionLevel: m.recognitionLevel as Level,
    recognizedOn: m.recognizedOn,
    situation: m.situation,
    content: m.content,
    beneficiaries: m.beneficiaries,
    outputs: m.outputs,
    sustainability: m.sustainability,
    replications: sums[i]!.replications,
  }));
}

/** Models a unit runs (registered before the end of the period and not stopped), and those recognised in the period. */
export async function modelCounts(
  tx: Tx,
  unitId: string,
  from: string,
  to: string,
): Promise<{ running: number; recognised: number; replicatedHere: number }> {
  const rows = await tx.select().from(dvModels).where(eq(dvModels.unitId, unitId));
  const running = rows.filter((m) => m.startedOn <= to && m.status !== 'stopped').length;
  const recognised = rows.filter((m) => m.recognizedOn && m.recognizedOn >= from && m.recognizedOn <= to).length;
  const reps = await tx.select().from(dvModelReplications).where(eq(dvModelReplications.unitId, unitId));
  return { running, recognised, replicatedHere: reps.filter((r) => r.startedOn <= to).length };
}

/** Models recognised in a period, for commendation proposals (another module calls this through `index.ts`). */
export async function recognisedModels(tx: Tx, from: string, to: string) {
  const rows = await tx
    .select()
    .from(dvModels)
    .where(inArray(dvModels.status, ['commended', 'replicated']));
  const names = await unitNames(tx);
  return rows
    .filter((m) => m.recognizedOn && m.recognizedOn >= from && m.recognizedOn <= to)
    .map((m) => ({
      id: m.id,
      name: m.name,
      unitId: m.unitId,
      unitName: names.get(m.unitId) ?? '',
      level: m.recognitionLevel,
      recognizedOn: m.recognizedOn!,
    }));
}

/** Dashboard cards: models running and models recognised (the "Dân làm" pillar). */
export const modelDashboard = dashboardPart<{ counts: { running: number; recognised: number } }>({
  ask: () => ({
    counts: sql`select json_build_object(
      'running', count(*) filter (where ${dvModels.status} <> 'stopped')::int,
      'recognised', count(*) filter (where ${dvModels.status} in ('commended', 'replicated'))::int) from ${dvModels}`,
  }),
  cards: (a) => [
    {
      key: 'exemplars.running',
      label: { vi: 'Mô hình “Dân vận khéo” đang thực hiện', en: '"Dân vận khéo" models running' },
      value: a.counts?.running ?? 0,
      link: '/models',
      pillar: 'do',
    },
    {
      key: 'exemplars.recognised',
      label: { vi: 'Mô hình được công nhận', en: 'Recognised models' },
      value: a.counts?.recognised ?? 0,
      link: '/models?status=commended',
      pillar: 'do',
    },
  ],
});
