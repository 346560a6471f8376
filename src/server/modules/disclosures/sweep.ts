/**
 * The daily sweep of the notice board (issue #10): what day `at` withdraws — items whose minimum
 * posting period has run and that are not meant to stay (Art. 48(1)), items whose source document
 * expired or was replaced (the seed plan's "no expired notices") — and what is overdue to publish
 * (Art. 47(2)). The daily job and `danchu disclosure sweep` call this one function.
 *
 * The answer for a day is stable: items the sweep already withdrew on `at` are listed again, so
 * running it twice (the job, then an operator) reports the same day.
 */
import { and, asc, eq } from 'drizzle-orm';
import { compareIsoDates } from '../../../domain';
import type { TSweepAction } from '../../../contracts/disclosures';
import type { Database } from '../../platform/db';
import type { Context, ModuleHooks } from '../../platform/module';
import { todayInVietnam } from '../../platform/clock';
import { tenants } from '../../platform/tables';
import { legalDocumentStates } from '../plans';
import { sweepVerdict } from './rules';
import { backfillSearch, withdrawItem } from './service';
import { disclosureItems } from './tables';

/**
 * Sweep the transaction's agency for day `at`.
 * @param opts.apply - withdraw what is due (the job; the CLI unless asked for a preview). Never
 *   applied for a day after `ctx.today`: an item cannot be taken down in advance.
 */
export async function sweepDisclosures(ctx: Context, at: string, opts: { apply: boolean }): Promise<TSweepAction[]> {
  const { tx } = ctx;
  const apply = opts.apply && compareIsoDates(at, ctx.today) <= 0;
  const rows = await tx.select().from(disclosureItems).orderBy(asc(disclosureItems.publishBy), asc(disclosureItems.title));
  const docIds = [...new Set(rows.map((r) => r.sourceDocumentId).filter((x): x is string => !!x))];
  const states = await legalDocumentStates(tx, docIds);
  const withdraw: TSweepAction[] = [];
  const overdue: TSweepAction[] = [];
  for (const r of rows) {
    if (r.status === 'withdrawn') {
      if (r.withdrawnBy === 'sweep' && r.withdrawnOn === at)
        withdraw.push({ id: r.id, title: r.title, action: 'withdraw', reason: r.withdrawReason ?? '' });
      continue;
    }
    const doc = r.sourceDocumentId ? states.get(r.sourceDocumentId) : undefined;
    const v = sweepVerdict(
      {
        status: r.status as 'draft' | 'posted',
        publishBy: r.publishBy,
        postedUntil: r.postedUntil,
        keepPosted: r.keepPosted,
        source: doc ? { symbol: doc.symbol, status: doc.status, replacedBy: doc.replacedBySymbol } : null,
      },
      at,
    );
    if (!v) continue;
    const action = { id: r.id, title: r.title, ...v };
    if (v.action === 'withdraw') {
      withdraw.push(action);
      if (apply) await withdrawItem(ctx, r, at, v.reason, 'sweep');
    } else overdue.push(action);
  }
  return [...withdraw, ...overdue];
}

export const SWEEP_JOB = 'disclosures.sweep';

/** The daily job: every agency, today. */
export async function sweepAllAgencies(db: Database, modules: ModuleHooks): Promise<void> {
  const today = todayInVietnam();
  const all = await db.owner.select({ tenantId: tenants.tenantId }).from(tenants);
  for (const t of all) {
    await db.withTenant({ tenantId: t.tenantId }, (tx) =>
      sweepDisclosures({ tx, today, modules, who: { tenantId: t.tenantId, userId: null, name: 'Hệ thống (gỡ tin hết hạn)' } }, today, {
        apply: true,
      }),
    );
  }
}

/**
 * A registry document expired or was replaced: posted items citing it come off the board at once,
 * not at the next night's sweep (the seed plan's "no expired notices").
 */
export async function withdrawCiting(ctx: Context, documentId: string): Promise<number> {
  const rows = await ctx.tx
    .select()
    .from(disclosureItems)
    .where(and(eq(disclosureItems.sourceDocumentId, documentId), eq(disclosureItems.status, 'posted')));
  if (!rows.length) return 0;
  const doc = (await legalDocumentStates(ctx.tx, [documentId])).get(documentId);
  if (!doc) return 0;
  let n = 0;
  for (const r of rows) {
    const v = sweepVerdict(
      {
        status: 'posted',
        publishBy: r.publishBy,
        postedUntil: r.postedUntil,
        keepPosted: r.keepPosted,
        source: { symbol: doc.symbol, status: doc.status, replacedBy: doc.replacedBySymbol },
      },
      ctx.today,
    );
    if (v?.action !== 'withdraw') continue;
    await withdrawItem(ctx, r, ctx.today, v.reason, 'sweep');
    n++;
  }
  return n;
}

export const SEARCH_BACKFILL_JOB = 'disclosures.search_backfill';

/** At start-up: every agency's items get the search entry their audience calls for (see `backfillSearch`). */
export async function backfillSearchAllAgencies(db: Database): Promise<number> {
  const all = await db.owner.select({ tenantId: tenants.tenantId }).from(tenants);
  let n = 0;
  for (const t of all) n += await db.withTenant({ tenantId: t.tenantId }, (tx) => backfillSearch(tx));
  return n;
}
