/**
 * The year-end rating of dân vận work (issue #12; DOMAIN.md §4, §7.2 workflow 10): the criteria
 * set in force at the end of the year, each unit's self-assessment with evidence, the figures the
 * other modules contribute pulled through the registry with how they were counted (a code no
 * loaded module contributes is shown "not available", never guessed), the Office's appraisal with
 * a reason per changed item, publication, an appeal window, and commendation proposals. This
 * module reads no other module's tables.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TCommendation,
  TRatingsOfYear,
  TUnitRating,
  ZAppealInput,
  ZAppraiseInput,
  ZCommendationInput,
  ZCommendationUpdate,
  ZCriteriaSetInput,
  ZSelfAssessInput,
} from '../../../contracts/ratings';
import { addDays } from '../../../domain';
import {
  type CriteriaSetBody,
  checkCriteriaSet,
  type ItemPoints,
  itemsOf,
  scoreRating,
  setForYear,
  suggestedPoints,
} from '../../../domain/ratings/score';
import { recordAudit } from '../../platform/audit';
import type { Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import type { ActorContext, Context, ReportIndicator } from '../../platform/module';
import { can } from '../../platform/roles';
import { attachments, tenants, units } from '../../platform/tables';
import { recognisedModels } from '../exemplars';
import { AGENCY, isOffice, ratingPolicy, speaksFor } from './policy';
import { commendations, ratingCriteriaSets, unitRatings } from './tables';

/** Units rated: the Office, professional units, the inspectorate and public service units (not leadership, union or boards). */
export const RATED_KINDS = ['office', 'department', 'sub_department', 'inspection', 'service_unit'];

type ItemState = { self?: number | null; note?: string; attachmentIds?: string[]; appraised?: number | null; reason?: string };
type RatingRow = typeof unitRatings.$inferSelect;
type SetRow = typeof ratingCriteriaSets.$inferSelect;

const dmy = (d: string) => d.split('-').reverse().join('/');

export async function listCriteriaSets(tx: Tx): Promise<SetRow[]> {
  return tx.select().from(ratingCriteriaSets).orderBy(asc(ratingCriteriaSets.effectiveFrom));
}

/** Save a criteria set (a new version, or the real decision imported by the Office). */
export async function saveCriteriaSet(ctx: ActorContext, input: z.output<typeof ZCriteriaSetInput>): Promise<SetRow> {
  const { tx, actor, who } = ctx;
  if (!isOffice(actor)) throw new AppError('FORBIDDEN');
  const problems = checkCriteriaSet(input.body as CriteriaSetBody);
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', {
      fields: problems.map((p) => ({ field: `body.${p.field}`, vi: `${p.field}: ${p.vi}`, en: `${p.field}: ${p.en}` })),
    });
  const [same] = await tx.select().from(ratingCriteriaSets).where(eq(ratingCriteriaSets.effectiveFrom, input.effectiveFrom));
  if (same) throw invalid('effectiveFrom', 'đã có bộ tiêu chí hiệu lực từ ngày này', 'a criteria set already takes effect on this day');
  const [row] = await tx
    .insert(ratingCriteriaSets)
    .values({ ...input, tenantId: actor.tenantId, createdBy: actor.userId })
    .returning();
  await recordAudit(tx, who, {
    action: 'rating_criteria.create',
    entityType: 'rating_criteria',
    entityId: row!.id,
    summary: `${row!.name} (${row!.basis})`,
    after: row,
  });
  return row!;
}

async function setOfYear(tx: Tx, year: number): Promise<SetRow | null> {
  return setForYear(await listCriteriaSets(tx), year);
}

async function ratedUnits(tx: Tx, year: number) {
  const end = `${year}-12-31`;
  const rows = await tx.select().from(units).where(inArray(units.kind, RATED_KINDS)).orderBy(asc(units.sortOrder));
  return rows.filter((u) => u.validFrom <= end && (u.validTo === null || u.validTo >= end));
}

const points = (items: Record<string, ItemState>, key: 'self' | 'appraised'): ItemPoints =>
  Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v[key] ?? 0]));

/** The appraised points: the Office's figure where it gave one, else the unit's own. */
const appraisedPoints = (items: Record<string, ItemState>): ItemPoints =>
  Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v.appraised ?? v.self ?? 0]));

/** A unit's rating as the ratings page and the pillar card read it (the fields `presentRating` needs). */
export type ShownRating = {
  subject: string;
  unitId: string | null;
  status: string;
  selfScore: number | null;
  appraisedScore: number | null;
  band: string | null;
};

/**
 * One rated unit (or the agency) as this person may see it: the status always, the scores and band
 * only where the read policy allows; a band only once the year has a criteria set. Shared by the
 * ratings page and the pillar board, so both show the same thing to the same person.
 */
export function presentRating(
  actor: Parameters<typeof ratingPolicy.read>[0],
  u: { id: string; name: string },
  rows: readonly ShownRating[],
  hasSet: boolean,
): TRatingsOfYear['units'][number] {
  const r = rows.find((x) => (u.id === AGENCY ? x.subject === 'agency' : x.unitId === u.id));
  const status = (r?.status ?? 'not_started') as TRatingsOfYear['units'][number]['status'];
  const visible = ratingPolicy.read(actor, { unitId: u.id, status });
  return {
    unitId: u.id,
    unitName: u.name,
    status,
    selfScore: visible ? (r?.selfScore ?? null) : null,
    appraisedScore: visible ? (r?.appraisedScore ?? null) : null,
    // The band of the appraised score, or of the self-assessed score before appraisal.
    band: visible && r && hasSet ? ((r.band ?? null) as TRatingsOfYear['units'][number]['band']) : null,
  };
}

/** `GET /api/ratings?year=`: the set of the year and each rated unit's scores and band. */
export async function listRatings(ctx: ActorContext, year: number): Promise<TRatingsOfYear> {
  const { tx, actor } = ctx;
  if (!can(actor, 'ratings.read')) throw new AppError('NOT_FOUND');
  const set = await setOfYear(tx, year);
  const rows = await tx.select().from(unitRatings).where(eq(unitRatings.year, year));
  const body = set?.body as CriteriaSetBody | undefined;
  const present = (u: { id: string; name: string }) => presentRating(actor, u, rows, !!body);
  return {
    year,
    criteriaSet: set ? { id: set.id, effectiveFrom: set.effectiveFrom, name: set.name, bands: body!.bands } : null,
    units: (await ratedUnits(tx, year)).map(present),
    agency: present(await agencySubject(tx)),
    canAppraise: isOffice(actor),
    canPublish: isOffice(actor) && rows.some((r) => r.status === 'appraised'),
  };
}

/** The agency as the rated subject of its own rating toward the province. */
async function agencySubject(tx: Tx): Promise<{ id: string; name: string }> {
  const [agency] = await tx.select({ name: tenants.name }).from(tenants);
  return { id: AGENCY, name: agency!.name };
}

async function loadRating(
  tx: Tx,
  year: number,
  unitId: string,
): Promise<{ row: RatingRow | null; unit: { id: string; name: string }; set: SetRow }> {
  const unit = unitId === AGENCY ? await agencySubject(tx) : (await ratedUnits(tx, year)).find((u) => u.id === unitId);
  if (!unit) throw new AppError('NOT_FOUND');
  const [row] = await tx
    .select()
    .from(unitRatings)
    .where(
      and(
        eq(unitRatings.year, year),
        unitId === AGENCY ? and(eq(unitRatings.subject, 'agency'), isNull(unitRatings.unitId)) : eq(unitRatings.unitId, unitId),
      ),
    );
  const set = row
    ? (await tx.select().from(ratingCriteriaSets).where(eq(ratingCriteriaSets.id, row.criteriaSetId)))[0]!
    : await setOfYear(tx, year);
  if (!set) throw new AppError('RATING_NO_CRITERIA');
  return { row: row ?? null, unit, set };
}

/** The period a year's indicators cover: the year, up to today when the year is not over. */
function scopeOf(ctx: Context, year: number, unitId: string) {
  const end = `${year}-12-31`;
  return { unitId, from: `${year}-01-01`, to: ctx.today < end ? ctx.today : end };
}

/**
 * How a figure the modules count per unit adds up to the agency's own figure. Most count records
 * that belong to one unit (a case, a reception session, a model, a report), so the agency's figure
 * is their sum. Some are the agency's own and every unit sees the same figure (the staff
 * conference, the Front's recommendations): counted once. Publicity and consultations addressed
 * to all staff count for every unit as well as the unit-addressed ones: the largest unit figure is
 * taken, which counts each all-staff item once (a unit-only item of another unit may be missed;
 * the breakdown shows every unit's figure).
 */
const AGENCY_AGGREGATION: Record<string, 'once' | 'max'> = {
  conference_on_time: 'once',
  resolution_reviews_done: 'once',
  front_recommendations_answered: 'once',
  disclosures_published_on_time: 'max',
  disclosures_withdrawn_on_time: 'max',
  consultations_held: 'max',
};

/** Units in force at some time during the year (every kind: the board's and union's figures count too). */
async function unitsOfYear(tx: Tx, year: number) {
  const rows = await tx.select().from(units).orderBy(asc(units.sortOrder));
  return rows.filter((u) => u.validFrom <= `${year}-12-31` && (u.validTo === null || u.validTo >= `${year}-01-01`));
}

/**
 * The agency's figure of an indicator for its own rating toward the province: each unit's figure
 * over the year through the contributing module, added up (or taken once) as AGENCY_AGGREGATION
 * says, with the breakdown and the module's way of counting shown.
 */
export async function agencyFigure(ctx: Context, ind: ReportIndicator, year: number): Promise<{ value: number; how: string }> {
  const parts: { name: string; value: number; how: string }[] = [];
  for (const u of await unitsOfYear(ctx.tx, year)) {
    const r = await ind.compute(ctx, scopeOf(ctx, year, u.id));
    parts.push({ name: u.name, value: r.value, how: r.how });
  }
  const rule = AGENCY_AGGREGATION[ind.code] ?? 'sum';
  const nonZero = parts.filter((p) => p.value !== 0);
  const value =
    rule === 'sum'
      ? parts.reduce((t, p) => t + p.value, 0)
      : rule === 'max'
        ? Math.max(0, ...parts.map((p) => p.value))
        : (parts[0]?.value ?? 0);
  const sample = (nonZero[0] ?? parts[0])?.how ?? '';
  const breakdown = nonZero.length ? nonZero.map((p) => `${p.name}: ${p.value}`).join('; ') : 'mọi đơn vị đều 0';
  const how =
    rule === 'sum'
      ? `Cả cơ quan = tổng của ${parts.length} đơn vị (${breakdown}). Mỗi đơn vị: ${sample}`
      : rule === 'max'
        ? `Cả cơ quan = số lớn nhất trong ${parts.length} đơn vị, vì nội dung gửi toàn cơ quan được đếm ở mọi đơn vị (${breakdown}). Mỗi đơn vị: ${sample}`
        : `Số liệu chung của cơ quan, như nhau ở mọi đơn vị: ${sample}`;
  return { value, how };
}

/** One unit's rating of a year, with each item's pulled figure, the unit's and the Office's points. */
export async function getUnitRating(ctx: ActorContext, year: number, unitId: string): Promise<TUnitRating> {
  const { tx, actor } = ctx;
  const { row, unit, set } = await loadRating(tx, year, unitId);
  const status = (row?.status ?? 'not_started') as TUnitRating['status'];
  if (!ratingPolicy.read(actor, { unitId, status })) throw new AppError('NOT_FOUND');
  const body = set.body as CriteriaSetBody;
  const items = (row?.items ?? {}) as Record<string, ItemState>;
  const contributed = new Map(ctx.modules.indicators().map((i) => [i.code, i]));
  const scope = scopeOf(ctx, year, unitId);
  const fileIds = Object.values(items).flatMap((i) => i.attachmentIds ?? []);
  const files = fileIds.length
    ? await tx.select({ id: attachments.id, filename: attachments.filename }).from(attachments).where(inArray(attachments.id, fileIds))
    : [];
  const figures = new Map<string, { value: number; how: string }>();
  const groups = [];
  for (const g of body.groups) {
    const out = [];
    for (const it of g.items) {
      let pulled = null;
      if (it.indicator) {
        const ind = contributed.get(it.indicator);
        if (ind) {
          // Two items may read the same figure (overdue cases score 4.2 and deduct T.1): count it once.
          const r = figures.get(ind.code) ?? (unitId === AGENCY ? await agencyFigure(ctx, ind, year) : await ind.compute(ctx, scope));
          figures.set(ind.code, r);
          pulled = { code: it.indicator, available: true, value: r.value, how: r.how, suggested: suggestedPoints(it, r.value) };
        } else pulled = { code: it.indicator, available: false, value: null, how: null, suggested: null };
      }
      const s = items[it.code] ?? {};
      out.push({
        code: it.code,
        title: it.title,
        kind: it.kind,
        max: it.max,
        evidenceAsked: it.evidence ?? null,
        pulled,
        self: s.self ?? null,
        note: s.note ?? '',
        files: (s.attachmentIds ?? [])
          .map((id) => files.find((f) => f.id === id))
          .filter((f): f is { id: string; filename: string } => !!f),
        appraised: s.appraised ?? null,
        reason: s.reason ?? '',
      });
    }
    groups.push({ code: g.code, title: g.title, items: out });
  }
  const self = scoreRating(body, points(items, 'self'));
  const appraised = row && ['appraised', 'published', 'appealed'].includes(row.status) ? scoreRating(body, appraisedPoints(items)) : null;
  const appealUntil = row?.publishedOn ? addDays(row.publishedOn, body.appealDays) : null;
  const r = { unitId, status };
  return {
    id: row?.id ?? null,
    subject: unitId === AGENCY ? 'agency' : 'unit',
    year,
    unitId,
    unitName: unit.name,
    status,
    criteriaSet: {
      id: set.id,
      name: set.name,
      basis: set.basis,
      effectiveFrom: set.effectiveFrom,
      bonusCap: body.bonusCap,
      appealDays: body.appealDays,
    },
    groups,
    self,
    appraised,
    publishedOn: row?.publishedOn ?? null,
    appealUntil,
    appealReason: row?.appealReason ?? null,
    appealAnswer: row?.appealAnswer ?? null,
    version: row?.version ?? 0,
    can: {
      selfAssess: ratingPolicy.selfAssess(actor, r),
      appraise: ratingPolicy.appraise(actor, r),
      appeal: ratingPolicy.appeal(actor, r) && !!appealUntil && ctx.today <= appealUntil,
    },
  };
}

function checkCodes(body: CriteriaSetBody, codes: string[]): void {
  const known = new Set(itemsOf(body).map((i) => i.code));
  for (const c of codes)
    if (!known.has(c)) throw invalid(`items.${c}`, 'không có tiêu chí này trong bộ tiêu chí', 'no such item in the criteria set');
}

/**
 * A unit's self-assessment (its head only): points per item within [0, max], a note and evidence
 * files; `submit` sends it to the Office for appraisal.
 */
export async function selfAssess(
  ctx: ActorContext,
  year: number,
  unitId: string,
  input: z.output<typeof ZSelfAssessInput>,
): Promise<TUnitRating> {
  const { tx, actor, who, today } = ctx;
  const { row, set } = await loadRating(tx, year, unitId);
  const status = row?.status ?? 'not_started';
  if (!ratingPolicy.read(actor, { unitId, status })) throw new AppError('NOT_FOUND');
  if (!ratingPolicy.selfAssess(actor, { unitId, status })) {
    if (speaksFor(actor, unitId)) throw new AppError('RATING_WRONG_STATE');
    throw new AppError('FORBIDDEN');
  }
  if ((row?.version ?? 0) !== input.version) throw new AppError('STALE_VERSION');
  const body = set.body as CriteriaSetBody;
  checkCodes(body, Object.keys(input.items));
  const byCode = new Map(itemsOf(body).map((i) => [i.code, i]));
  for (const [code, v] of Object.entries(input.items)) {
    const max = byCode.get(code)!.max;
    if (v.self !== null && (v.self < 0 || v.self > max))
      throw invalid(
        `items.${code}.self`,
        `điểm phải từ 0 đến ${max} (điểm tối đa của tiêu chí)`,
        `points must be between 0 and ${max} (the item's maximum)`,
      );
  }
  const ids = [...new Set(Object.values(input.items).flatMap((v) => v.attachmentIds))];
  if (ids.length) {
    const found = await tx.select({ id: attachments.id }).from(attachments).where(inArray(attachments.id, ids));
    if (found.length !== ids.length) throw invalid('attachmentIds', 'tệp minh chứng không tồn tại', 'an evidence file does not exist');
  }
  const items: Record<string, ItemState> = { ...((row?.items ?? {}) as Record<string, ItemState>) };
  for (const [code, v] of Object.entries(input.items))
    items[code] = { ...items[code], self: v.self, note: v.note, attachmentIds: v.attachmentIds };
  const self = scoreRating(body, points(items, 'self'));
  const next = input.submit ? 'submitted' : 'draft';
  if (input.submit) {
    const missing = itemsOf(body).filter((i) => i.kind === 'score' && items[i.code]?.self == null);
    if (missing.length)
      throw invalid(`items.${missing[0]!.code}.self`, 'chưa tự chấm điểm tiêu chí này', 'this item has not been self-assessed yet');
  }
  const values = {
    items,
    selfScore: self.total,
    band: self.band,
    status: next,
    submittedOn: input.submit ? today : null,
    updatedAt: new Date(),
  };
  let after: RatingRow;
  if (row) {
    const [u] = await tx
      .update(unitRatings)
      .set({ ...values, version: row.version + 1 })
      .where(and(eq(unitRatings.id, row.id), eq(unitRatings.version, row.version)))
      .returning();
    if (!u) throw new AppError('STALE_VERSION');
    after = u;
  } else {
    [after] = (await tx
      .insert(unitRatings)
      .values({
        ...values,
        tenantId: actor.tenantId,
        year,
        subject: unitId === AGENCY ? 'agency' : 'unit',
        unitId: unitId === AGENCY ? null : unitId,
        criteriaSetId: set.id,
      })
      .returning()) as [RatingRow];
  }
  if (ids.length) await tx.update(attachments).set({ entityType: 'unit_rating', entityId: after.id }).where(inArray(attachments.id, ids));
  await recordAudit(tx, who, {
    action: input.submit ? 'unit_rating.submit' : 'unit_rating.save',
    entityType: 'unit_rating',
    entityId: after.id,
    summary: `Tự đánh giá năm ${year}: ${self.total} điểm`,
    before: row,
    after,
  });
  return getUnitRating(ctx, year, unitId);
}

/**
 * The Office's appraisal: its points per item, with a reason wherever they differ from the
 * unit's; the total and band follow. On an appealed rating it is the answer to the appeal.
 */
export async function appraise(
  ctx: ActorContext,
  year: number,
  unitId: string,
  input: z.output<typeof ZAppraiseInput>,
): Promise<TUnitRating> {
  const { tx, actor, who, today } = ctx;
  const { row, set } = await loadRating(tx, year, unitId);
  if (!row) throw new AppError('RATING_WRONG_STATE');
  const r = { unitId, status: row.status };
  if (!ratingPolicy.read(actor, r)) throw new AppError('NOT_FOUND');
  if (!ratingPolicy.appraise(actor, r)) throw new AppError(isOffice(actor) ? 'RATING_WRONG_STATE' : 'FORBIDDEN');
  if (row.version !== input.version) throw new AppError('STALE_VERSION');
  const body = set.body as CriteriaSetBody;
  checkCodes(body, Object.keys(input.items));
  const byCode = new Map(itemsOf(body).map((i) => [i.code, i]));
  const items: Record<string, ItemState> = { ...(row.items as Record<string, ItemState>) };
  for (const [code, v] of Object.entries(input.items)) {
    const max = byCode.get(code)!.max;
    if (v.appraised !== null && (v.appraised < 0 || v.appraised > max))
      throw invalid(`items.${code}.appraised`, `điểm phải từ 0 đến ${max}`, `points must be between 0 and ${max}`);
    const self = items[code]?.self ?? 0;
    // An adjustment without its reason cannot be explained to the unit nor appealed against.
    if (v.appraised !== null && v.appraised !== self && !v.reason)
      throw invalid(
        `items.${code}.reason`,
        'cần nêu lý do khi điều chỉnh điểm tự chấm',
        'give the reason for changing the self-assessed points',
      );
    items[code] = { ...items[code], appraised: v.appraised, reason: v.reason };
  }
  if (row.status === 'appealed' && !input.answer) throw invalid('answer', 'cần trả lời kiến nghị của đơn vị', 'answer the unit’s appeal');
  const result = scoreRating(body, appraisedPoints(items));
  const appealed = row.status === 'appealed';
  const [after] = await tx
    .update(unitRatings)
    .set({
      items,
      appraisedScore: result.total,
      band: result.band,
      status: appealed ? 'published' : 'appraised',
      appraisedOn: today,
      appealAnswer: appealed ? input.answer! : row.appealAnswer,
      version: row.version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(unitRatings.id, row.id), eq(unitRatings.version, row.version)))
    .returning();
  if (!after) throw new AppError('STALE_VERSION');
  await recordAudit(tx, who, {
    action: appealed ? 'unit_rating.appeal_answer' : 'unit_rating.appraise',
    entityType: 'unit_rating',
    entityId: row.id,
    summary: `Thẩm định năm ${year}: ${result.total} điểm, ${result.band ?? '—'}`,
    before: row,
    after,
  });
  return getUnitRating(ctx, year, unitId);
}

/** Publish the year's appraised ratings; the appeal window opens the same day. */
export async function publishYear(ctx: ActorContext, year: number): Promise<TRatingsOfYear> {
  const { tx, actor, who, today } = ctx;
  if (!isOffice(actor)) throw new AppError('FORBIDDEN');
  const rows = await tx
    .select()
    .from(unitRatings)
    .where(and(eq(unitRatings.year, year), eq(unitRatings.status, 'appraised')));
  if (rows.length === 0) throw new AppError('RATING_WRONG_STATE');
  for (const r of rows) {
    const [after] = await tx
      .update(unitRatings)
      .set({ status: 'published', publishedOn: today, version: r.version + 1, updatedAt: new Date() })
      .where(eq(unitRatings.id, r.id))
      .returning();
    await recordAudit(tx, who, {
      action: 'unit_rating.publish',
      entityType: 'unit_rating',
      entityId: r.id,
      summary: `Công bố kết quả năm ${year}: ${r.appraisedScore} điểm, ${r.band ?? '—'}`,
      before: r,
      after,
    });
  }
  return listRatings(ctx, year);
}

/** A unit's appeal against its published rating, within the set's appeal window. */
export async function appealRating(
  ctx: ActorContext,
  year: number,
  unitId: string,
  input: z.output<typeof ZAppealInput>,
): Promise<TUnitRating> {
  const { tx, actor, who, today } = ctx;
  const { row, set } = await loadRating(tx, year, unitId);
  if (!row || !ratingPolicy.read(actor, { unitId, status: row.status })) throw new AppError('NOT_FOUND');
  if (!ratingPolicy.appeal(actor, { unitId, status: row.status }))
    throw new AppError(speaksFor(actor, unitId) ? 'RATING_WRONG_STATE' : 'FORBIDDEN');
  if (row.version !== input.version) throw new AppError('STALE_VERSION');
  const until = addDays(row.publishedOn!, (set.body as CriteriaSetBody).appealDays);
  if (today > until) throw new AppError('RATING_APPEAL_CLOSED', { params: { until: dmy(until) } });
  const [after] = await tx
    .update(unitRatings)
    .set({ status: 'appealed', appealReason: input.reason, appealedOn: today, version: row.version + 1, updatedAt: new Date() })
    .where(and(eq(unitRatings.id, row.id), eq(unitRatings.version, row.version)))
    .returning();
  if (!after) throw new AppError('STALE_VERSION');
  await recordAudit(tx, who, {
    action: 'unit_rating.appeal',
    entityType: 'unit_rating',
    entityId: row.id,
    summary: input.reason.slice(0, 200),
    before: row,
    after,
  });
  return getUnitRating(ctx, year, unitId);
}

// ——— Commendations ———

async function presentCommendations(tx: Tx, rows: (typeof commendations.$inferSelect)[]): Promise<TCommendation[]> {
  const names = new Map((await tx.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.id, u.name]));
  return rows.map((c) => ({
    id: c.id,
    year: c.year,
    status: c.status as TCommendation['status'],
    recipientKind: c.recipientKind as TCommendation['recipientKind'],
    unitId: c.unitId,
    unitName: c.unitId ? (names.get(c.unitId) ?? null) : null,
    personName: c.personName,
    title: c.title,
    level: c.level as TCommendation['level'],
    reason: c.reason,
    sourceType: c.sourceType,
    decisionNumber: c.decisionNumber,
    decisionDate: c.decisionDate,
    version: c.version,
  }));
}

export async function listCommendations(ctx: ActorContext, filter: { year?: number; unitId?: string }): Promise<TCommendation[]> {
  const { tx, actor } = ctx;
  if (!can(actor, 'ratings.read')) throw new AppError('NOT_FOUND');
  const conds = [];
  if (filter.year) conds.push(eq(commendations.year, filter.year));
  if (filter.unitId) conds.push(eq(commendations.unitId, filter.unitId));
  const rows = await tx
    .select()
    .from(commendations)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(commendations.year), asc(commendations.createdAt));
  // Proposals are the Office's working papers until decided; decisions are shown to everyone.
  return presentCommendations(
    tx,
    isOffice(actor) || actor.roles.some((r) => r.role === 'leader') ? rows : rows.filter((r) => r.status === 'decided'),
  );
}

/**
 * Proposals for the year: every unit whose published rating reaches the top band ("Tốt"), and
 * every model recognised during the year; a proposal already made is not made twice.
 */
export async function proposeCommendations(ctx: ActorContext, year: number): Promise<TCommendation[]> {
  const { tx, actor, who } = ctx;
  if (!isOffice(actor)) throw new AppError('FORBIDDEN');
  const set = await setOfYear(tx, year);
  if (!set) throw new AppError('RATING_NO_CRITERIA');
  const top = [...(set.body as CriteriaSetBody).bands].sort((a, b) => b.min - a.min)[0]!;
  const published = await tx
    .select()
    .from(unitRatings)
    .where(and(eq(unitRatings.year, year), eq(unitRatings.status, 'published')));
  const names = new Map((await tx.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.id, u.name]));
  const wanted = [
    ...published
      .filter((r) => r.subject === 'unit' && r.band === top.name)
      .map((r) => ({
        recipientKind: 'collective',
        unitId: r.unitId!,
        title: 'Giấy khen tập thể hoàn thành xuất sắc công tác dân vận',
        level: 'agency',
        reason: `Xếp loại “${top.name}” công tác dân vận năm ${year} (${r.appraisedScore} điểm)`,
        sourceType: 'rating',
        sourceId: r.id,
      })),
    ...(await recognisedModels(tx, `${year}-01-01`, `${year}-12-31`)).map((m) => ({
      recipientKind: 'collective',
      unitId: m.unitId,
      title: 'Giấy khen tập thể có mô hình “Dân vận khéo” tiêu biểu',
      level: 'agency',
      reason: `Mô hình “${m.name}” được công nhận ngày ${dmy(m.recognizedOn)}`,
      sourceType: 'model',
      sourceId: m.id,
    })),
  ];
  const existing = await tx.select().from(commendations).where(eq(commendations.year, year));
  const created = [];
  for (const w of wanted) {
    if (existing.some((e) => e.sourceType === w.sourceType && e.sourceId === w.sourceId)) continue;
    const [row] = await tx
      .insert(commendations)
      .values({ ...w, tenantId: actor.tenantId, year })
      .returning();
    await recordAudit(tx, who, {
      action: 'commendation.propose',
      entityType: 'commendation',
      entityId: row!.id,
      summary: `${names.get(w.unitId) ?? ''}: ${w.reason}`,
      after: row,
    });
    created.push(row!);
  }
  return presentCommendations(tx, created);
}

/** A commendation entered by hand: a proposal, or a decision already taken (with its number and date). */
export async function createCommendation(ctx: ActorContext, input: z.output<typeof ZCommendationInput>): Promise<TCommendation> {
  const { tx, actor, who } = ctx;
  if (!isOffice(actor)) throw new AppError('FORBIDDEN');
  if (input.recipientKind === 'individual' && !input.personName) throw invalid('personName', 'cần ghi họ tên cá nhân', 'name the person');
  if (input.recipientKind === 'collective' && !input.unitId) throw invalid('unitId', 'cần chọn tập thể được khen', 'choose the unit');
  if (!!input.decisionNumber !== !!input.decisionDate)
    throw invalid(
      input.decisionNumber ? 'decisionDate' : 'decisionNumber',
      'quyết định cần có cả số và ngày',
      'a decision needs both its number and its date',
    );
  const [row] = await tx
    .insert(commendations)
    .values({ ...input, tenantId: actor.tenantId, unitId: input.unitId ?? null, status: input.decisionNumber ? 'decided' : 'proposed' })
    .returning();
  await recordAudit(tx, who, {
    action: 'commendation.create',
    entityType: 'commendation',
    entityId: row!.id,
    summary: row!.title,
    after: row,
  });
  return (await presentCommendations(tx, [row!]))[0]!;
}

/** Edit a proposal, submit it, record the decision (number and date), or record a refusal. */
export async function updateCommendation(
  ctx: ActorContext,
  id: string,
  input: z.output<typeof ZCommendationUpdate>,
): Promise<TCommendation> {
  const { tx, actor, who, today } = ctx;
  if (!isOffice(actor)) throw new AppError('FORBIDDEN');
  const [before] = await tx.select().from(commendations).where(eq(commendations.id, id));
  if (!before) throw new AppError('NOT_FOUND');
  if (before.version !== input.version) throw new AppError('STALE_VERSION');
  const from: Record<string, string[]> = {
    edit: ['proposed'],
    submit: ['proposed'],
    decide: ['proposed', 'submitted'],
    reject: ['submitted'],
  };
  if (!from[input.action]!.includes(before.status)) throw new AppError('RATING_WRONG_STATE');
  const set: Partial<typeof commendations.$inferInsert> = {};
  if (input.title) set.title = input.title;
  if (input.level) set.level = input.level;
  if (input.reason) set.reason = input.reason;
  if (input.action === 'submit') set.status = 'submitted';
  if (input.action === 'reject') set.status = 'rejected';
  if (input.action === 'decide') {
    if (!input.decisionNumber) throw invalid('decisionNumber', 'cần ghi số quyết định', 'give the decision number');
    if (!input.decisionDate) throw invalid('decisionDate', 'cần ghi ngày quyết định', 'give the decision date');
    if (input.decisionDate > today) throw invalid('decisionDate', 'không được ghi ngày trong tương lai', 'must not be in the future');
    Object.assign(set, { status: 'decided', decisionNumber: input.decisionNumber, decisionDate: input.decisionDate });
  }
  const [after] = await tx
    .update(commendations)
    .set({ ...set, version: before.version + 1 })
    .where(and(eq(commendations.id, id), eq(commendations.version, before.version)))
    .returning();
  if (!after) throw new AppError('STALE_VERSION');
  await recordAudit(tx, who, {
    action: `commendation.${input.action}`,
    entityType: 'commendation',
    entityId: id,
    summary: after.title,
    before,
    after,
  });
  return (await presentCommendations(tx, [after]))[0]!;
}

/** Decided commendations of a unit in a period (the next rating's bonus points count them). */
export async function commendationsReceived(tx: Tx, unitId: string, from: string, to: string): Promise<number> {
  const rows = await tx
    .select()
    .from(commendations)
    .where(and(eq(commendations.unitId, unitId), eq(commendations.status, 'decided')));
  return rows.filter((r) => r.decisionDate && r.decisionDate >= from && r.decisionDate <= to).length;
}
