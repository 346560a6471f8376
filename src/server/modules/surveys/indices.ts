/**
 * External indices entered per year (issue 13; DOMAIN.md §3.1–3.3): the province's published SIPAS,
 * PAPI and its 8 dimensions, PCI and its 10 sub-indices, each with the agency's target, for trend charts.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { TExternalIndex, TExternalIndexInput } from '../../../contracts/surveys';
import { EXTERNAL_INDEX_DIMENSIONS } from '../../../domain/surveys';
import { recordAudit } from '../../platform/audit';
import { AppError, invalid } from '../../platform/errors';
import type { ActorContext } from '../../platform/module';
import { authorize } from './service';
import { externalIndices } from './tables';

function dimensionName(index: TExternalIndexInput['index'], dimension: string): string | null {
  return EXTERNAL_INDEX_DIMENSIONS[index].find((d) => d.code === dimension)?.vi ?? null;
}

/** Every entered figure, by index, dimension and year. */
export async function listExternalIndices(ctx: ActorContext): Promise<TExternalIndex[]> {
  authorize(ctx, 'surveys.read');
  const rows = await ctx.tx
    .select()
    .from(externalIndices)
    .orderBy(asc(externalIndices.indexCode), asc(externalIndices.dimension), asc(externalIndices.year));
  return rows.map((r) => ({
    id: r.id,
    index: r.indexCode as TExternalIndex['index'],
    dimension: r.dimension,
    dimensionName: dimensionName(r.indexCode as TExternalIndex['index'], r.dimension) ?? r.dimension,
    year: r.year,
    value: r.value,
    target: r.target,
    rank: r.rank,
    source: r.source,
    version: r.version,
  }));
}

/**
 * Enters or corrects one year's figure (one row per index, dimension and year).
 * @throws AppError VALIDATION_FAILED for an unknown dimension or a figure with neither value nor target.
 */
export async function saveExternalIndex(ctx: ActorContext, input: TExternalIndexInput): Promise<{ id: string }> {
  authorize(ctx, 'surveys.manage');
  if (dimensionName(input.index, input.dimension) === null) {
    throw invalid(
      'dimension',
      `${input.index} không có thành phần "${input.dimension}"`,
      `${input.index} has no dimension "${input.dimension}"`,
    );
  }
  if (input.value === null && input.target === null) throw invalid('value', 'cần giá trị hoặc chỉ tiêu', 'a value or a target is needed');
  const [before] = await ctx.tx
    .select()
    .from(externalIndices)
    .where(
      and(eq(externalIndices.indexCode, input.index), eq(externalIndices.dimension, input.dimension), eq(externalIndices.year, input.year)),
    );
  const values = { value: input.value, target: input.target, rank: input.rank, source: input.source };
  const [after] = before
    ? await ctx.tx
        .update(externalIndices)
        .set({ ...values, version: sql`${externalIndices.version} + 1`, updatedAt: new Date() })
        .where(eq(externalIndices.id, before.id))
        .returning()
    : await ctx.tx
        .insert(externalIndices)
        .values({ tenantId: ctx.actor.tenantId, indexCode: input.index, dimension: input.dimension, year: input.year, ...values })
        .returning();
  await recordAudit(ctx.tx, ctx.who, {
    action: before ? 'external_index.update' : 'external_index.create',
    entityType: 'external_index',
    entityId: after!.id,
    summary: `${input.index}${input.dimension ? `.${input.dimension}` : ''} ${input.year}`,
    before: before ?? null,
    after,
  });
  return { id: after!.id };
}

/** Removes one figure. */
export async function deleteExternalIndex(ctx: ActorContext, id: string): Promise<void> {
  authorize(ctx, 'surveys.manage');
  const [before] = await ctx.tx.delete(externalIndices).where(eq(externalIndices.id, id)).returning();
  if (!before) throw new AppError('NOT_FOUND');
  await recordAudit(ctx.tx, ctx.who, { action: 'external_index.delete', entityType: 'external_index', entityId: id, before });
}
