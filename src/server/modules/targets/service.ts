/**
 * Pillar targets (issue #13, "a leader's dashboard by the six pillars: what is on track and what is
 * not"): each module declares the targets its cards judge against, with a default; the Office sets
 * the value for a year (audited), and the cards read the year's values in one statement per request.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { TPillarTarget, TTargetInput } from '../../../contracts/targets';
import { recordAudit } from '../../platform/audit';
import type { Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import type { ActorContext, Context, PillarTarget } from '../../platform/module';
import { can } from '../../platform/roles';
import { pillarTargets } from './tables';

/** The year's values read in this transaction, so the dashboard reads them once for all its cards. */
const readCache = new WeakMap<Tx, Map<number, Promise<Map<string, { value: number; version: number }>>>>();

function yearValues(tx: Tx, year: number) {
  let byYear = readCache.get(tx);
  if (!byYear) {
    byYear = new Map();
    readCache.set(tx, byYear);
  }
  let values = byYear.get(year);
  if (!values) {
    values = tx
      .select()
      .from(pillarTargets)
      .where(eq(pillarTargets.year, year))
      .then((rows) => new Map(rows.map((r) => [r.key, { value: r.value, version: r.version }])));
    byYear.set(year, values);
  }
  return values;
}

function declared(ctx: Context, key: string): PillarTarget {
  const d = ctx.modules.targets().find((t) => t.key === key);
  if (!d) throw new Error(`target ${key} is not declared by any module`);
  return d;
}

/**
 * The targets that apply in a year: the Office's value, else the declared default.
 * @returns a lookup by key (an undeclared key is a programming error and throws).
 */
export async function targetsFor(ctx: Context, year: number): Promise<(key: string) => number> {
  const values = await yearValues(ctx.tx, year);
  return (key) => values.get(key)?.value ?? declared(ctx, key).default;
}

/**
 * For a module's pillar `ask` (issue #17): this year's values set by the Office, asked once a
 * request under `TARGETS_ASK` whatever the number of cards judged against them.
 */
export const TARGETS_ASK = '@targets';

/** The year's values by key, as one json expression (a handful of rows). */
export function targetsSql(year: number): SQL {
  return sql`select coalesce(json_object_agg(${pillarTargets.key}, ${pillarTargets.value}), '{}'::json) from ${pillarTargets} where ${pillarTargets.year} = ${year}`;
}

/** The targets that apply (as `targetsFor`) from the answer to `targetsSql`. */
export function targetsFromAnswer(ctx: Context, answer: unknown): (key: string) => number {
  const values = (answer ?? {}) as Record<string, number | string>;
  return (key) => (values[key] === undefined ? declared(ctx, key).default : Number(values[key]));
}

/** Every declared target with the value that applies in the year. */
export async function listTargets(ctx: ActorContext, year: number): Promise<TPillarTarget[]> {
  const values = await yearValues(ctx.tx, year);
  return ctx.modules.targets().map((d) => {
    const v = values.get(d.key);
    return { ...d, value: v?.value ?? d.default, set: !!v, version: v?.version ?? 0 };
  });
}

/**
 * The Office sets (or, with null, resets to the default) a target for a year; audited.
 * @throws AppError FORBIDDEN without targets.manage; VALIDATION_FAILED naming `key` or `value`;
 *   STALE_VERSION when someone changed it since it was read.
 */
export async function setTarget(ctx: ActorContext, input: TTargetInput): Promise<void> {
  if (!can(ctx.actor, 'targets.manage')) throw new AppError('FORBIDDEN');
  const d = ctx.modules.targets().find((t) => t.key === input.key);
  if (!d) throw invalid('key', 'không có chỉ tiêu này', 'no such target');
  if (input.value !== null && (input.value < d.min || input.value > d.max)) {
    throw invalid('value', `phải từ ${d.min} đến ${d.max}`, `must be between ${d.min} and ${d.max}`);
  }
  const where = and(eq(pillarTargets.key, input.key), eq(pillarTargets.year, input.year));
  const [before] = await ctx.tx.select().from(pillarTargets).where(where).for('update');
  if ((before?.version ?? 0) !== input.version) throw new AppError('STALE_VERSION');
  let after: typeof before | null = null;
  if (input.value === null) {
    if (before) await ctx.tx.delete(pillarTargets).where(where);
  } else if (before) {
    [after] = await ctx.tx
      .update(pillarTargets)
      .set({ value: input.value, version: sql`${pillarTargets.version} + 1`, updatedAt: new Date() })
      .where(where)
      .returning();
  } else {
    [after] = await ctx.tx
      .insert(pillarTargets)
      .values({ tenantId: ctx.actor.tenantId, key: input.key, year: input.year, value: input.value })
      .returning();
  }
  readCache.delete(ctx.tx);
  await recordAudit(ctx.tx, ctx.who, {
    action: input.value === null ? 'pillar_target.reset' : 'pillar_target.set',
    entityType: 'pillar_target',
    entityId: `${input.key}/${input.year}`,
    summary: `${d.label.vi} năm ${input.year}: ${input.value ?? `mặc định ${d.default}`}`,
    before: before ?? { key: input.key, year: input.year, value: d.default, default: true },
    after: after ?? { key: input.key, year: input.year, value: d.default, default: true },
  });
}
