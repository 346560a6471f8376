/**
 * Issued versions of the regulations staff are consulted on before they are issued: the unit's
 * democracy regulation (quy chế thực hiện dân chủ; Law 10/2022/QH15 Art. 59, consultation matter
 * Art. 53(8)) and its internal spending regulation (Art. 53(9)). Each issue is version n + 1 of
 * its regulation, made from one consultation whose explanation was published (Art. 55: opinions
 * are summarised and explained before the head decides), and is itself disclosed to staff as an
 * internal rule that stays posted while in force (Art. 46(9)); the version it replaces comes off
 * the board (the seed plan's "no expired notices") and stays in the archive (Art. 48(4)).
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TRegulation, TRegulationVersion, ZIssueRegulation } from '../../../contracts/conferences';
import { compareIsoDates, formatDmy } from '../../../domain';
import { recordAudit } from '../../platform/audit';
import type { Database, Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import type { ActorContext } from '../../platform/module';
import { indexForSearch, type SearchAudience } from '../../platform/search';
import { tenants } from '../../platform/tables';
import { publishDisclosure, withdrawReplacedDisclosure } from '../disclosures';
import { mayManageConsultations } from './policy';
import { consultations, regulationVersions } from './tables';

/** Art. 53: matter 8 is the draft democracy regulation, matter 9 the draft internal spending regulation. */
export function regulationOf(matter: number): TRegulation | null {
  if (matter === 8) return 'democracy';
  if (matter === 9) return 'spending';
  return null;
}

export const REGULATION_NAMES: Record<TRegulation, string> = {
  democracy: 'Quy chế thực hiện dân chủ',
  spending: 'Quy chế chi tiêu nội bộ',
};

/** Art. 46(9): internal rules and regulations are disclosed to staff. */
const INTERNAL_RULES_CATEGORY = 9;

type VersionRow = typeof regulationVersions.$inferSelect;

function present(v: VersionRow, consultationTitle: string, latest: number): TRegulationVersion {
  return {
    id: v.id,
    regulation: v.regulation as TRegulation,
    number: v.number,
    title: v.title,
    consultationId: v.consultationId,
    consultationTitle,
    issuedOn: v.issuedOn,
    decisionRef: v.decisionRef,
    disclosureId: v.disclosureId,
    superseded: v.number < latest,
  };
}

// ---------- search ----------

/**
 * Who finds an issued version in the global search: those who read consultations — every person
 * of the agency (it is disclosed to all staff, Art. 46(9)) —, not an account without that right.
 */
export const REGULATION_SEARCH_AUDIENCE: SearchAudience[] = ['cap:consultations.read'];

/**
 * Index (or re-index) one issued version: its title and version number, the issuing decision's
 * number (số, ký hiệu), the regulation's name, and whether a later version replaced it. Folded
 * like every entry, so "quy che dan chu" or "125/qd-skhcn" finds it.
 */
async function indexVersion(tx: Tx, v: VersionRow, latest: number): Promise<void> {
  const superseded = v.number < latest ? ` · đã được thay thế bởi phiên bản ${latest}` : ' · đang có hiệu lực';
  await indexForSearch(tx, {
    tenantId: v.tenantId,
    entityType: 'regulation_version',
    entityId: v.id,
    title: `${v.title} (phiên bản ${v.number})`,
    body: `${REGULATION_NAMES[v.regulation as TRegulation]} · ${v.decisionRef} · ban hành ngày ${formatDmy(v.issuedOn)}${superseded}`,
    link: `/consultations/${v.consultationId}`,
    audience: REGULATION_SEARCH_AUDIENCE,
  });
}

/**
 * Index every issued version of the transaction's agency (idempotent: entries are replaced).
 * Versions issued before they were indexed get their entry at the next start (the
 * `conferences.search_backfill` job), without a migration.
 * @returns how many versions were indexed.
 */
export async function backfillRegulationSearch(tx: Tx): Promise<number> {
  const rows = await tx.select().from(regulationVersions);
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.regulation, Math.max(latest.get(r.regulation) ?? 0, r.number));
  for (const r of rows) await indexVersion(tx, r, latest.get(r.regulation)!);
  return rows.length;
}

export const REGULATION_SEARCH_BACKFILL_JOB = 'conferences.search_backfill';

/** At start-up: every agency's issued versions are indexed (see `backfillRegulationSearch`). */
export async function backfillRegulationSearchAllAgencies(db: Database): Promise<number> {
  const all = await db.owner.select({ tenantId: tenants.tenantId }).from(tenants);
  let n = 0;
  for (const t of all) n += await db.withTenant({ tenantId: t.tenantId }, (tx) => backfillRegulationSearch(tx));
  return n;
}

/** Every issued version, newest first within each regulation. */
export async function listRegulationVersions(tx: Tx): Promise<{ items: TRegulationVersion[] }> {
  const rows = await tx
    .select({ v: regulationVersions, consultationTitle: consultations.title })
    .from(regulationVersions)
    .innerJoin(
      consultations,
      and(eq(consultations.tenantId, regulationVersions.tenantId), eq(consultations.id, regulationVersions.consultationId)),
    )
    .orderBy(asc(regulationVersions.regulation), desc(regulationVersions.number));
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.v.regulation, Math.max(latest.get(r.v.regulation) ?? 0, r.v.number));
  return { items: rows.map((r) => present(r.v, r.consultationTitle, latest.get(r.v.regulation)!)) };
}

/** The version issued from one consultation, if any. */
export async function versionIssuedFrom(tx: Tx, consultationId: string): Promise<TRegulationVersion | null> {
  const { items } = await listRegulationVersions(tx);
  return items.find((v) => v.consultationId === consultationId) ?? null;
}

/** The issued title: the consultation's title without its leading "Dự thảo". */
function issuedTitle(consultationTitle: string): string {
  const t = consultationTitle.replace(/^\s*dự thảo\s+/i, '').trim();
  return t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
}

/**
 * Issue the regulation a consultation drafted: version n + 1, disclosed at once to staff and kept
 * posted while in force (Art. 46(9)); the previous version's item is withdrawn as replaced.
 * @throws AppError FORBIDDEN (not the Office), CONSULTATION_NOT_EXPLAINED (Art. 55 first),
 *   REGULATION_ISSUED (once per consultation), STALE_VERSION; 400 on `matter`, `issuedOn`.
 */
export async function issueRegulation(ctx: ActorContext, consultationId: string, input: z.infer<typeof ZIssueRegulation>): Promise<void> {
  if (!mayManageConsultations(ctx.actor)) throw new AppError('FORBIDDEN');
  const { tx, who, today } = ctx;
  const [c] = await tx.select().from(consultations).where(eq(consultations.id, consultationId));
  if (!c) throw new AppError('NOT_FOUND');
  if (c.version !== input.version) throw new AppError('STALE_VERSION');
  const regulation = regulationOf(c.matter);
  if (!regulation)
    throw invalid(
      'matter',
      'chỉ quy chế thực hiện dân chủ và quy chế chi tiêu nội bộ (Điều 53 khoản 8, 9) được ban hành từ đợt lấy ý kiến',
      'only the democracy and internal spending regulations (Art. 53(8), (9)) are issued from a consultation',
    );
  // Art. 55: the opinions are summarised and the explanation published before the head issues.
  if (!c.explanationPublishedOn) throw new AppError('CONSULTATION_NOT_EXPLAINED');
  const [done] = await tx.select({ id: regulationVersions.id }).from(regulationVersions).where(eq(regulationVersions.consultationId, c.id));
  if (done) throw new AppError('REGULATION_ISSUED');
  if (compareIsoDates(input.issuedOn, c.explanationPublishedOn) < 0)
    throw invalid(
      'issuedOn',
      `trước ngày công khai giải trình (${formatDmy(c.explanationPublishedOn)})`,
      `before the explanation was published (${formatDmy(c.explanationPublishedOn)})`,
    );
  if (compareIsoDates(input.issuedOn, today) > 0) throw invalid('issuedOn', 'sau ngày hôm nay', 'after today');
  const [prev] = await tx
    .select()
    .from(regulationVersions)
    .where(eq(regulationVersions.regulation, regulation))
    .orderBy(desc(regulationVersions.number))
    .limit(1);
  const number = (prev?.number ?? 0) + 1;
  const title = input.title?.normalize('NFC').trim() || issuedTitle(c.title);
  const [row] = await tx
    .insert(regulationVersions)
    .values({
      tenantId: who.tenantId,
      regulation,
      number,
      consultationId: c.id,
      title,
      issuedOn: input.issuedOn,
      decisionRef: input.decisionRef.normalize('NFC').trim(),
      createdBy: ctx.actor.userId,
    })
    .returning();
  // Art. 46(9): the issued regulation is disclosed to staff and stays posted while in force.
  const disclosureId = await publishDisclosure(ctx, {
    title: `${title} (phiên bản ${number})`,
    category: INTERNAL_RULES_CATEGORY,
    decidedOn: input.issuedOn,
    audience: 'staff',
    sourceRef: row!.decisionRef,
    summary: `Ban hành ngày ${formatDmy(input.issuedOn)} sau khi lấy ý kiến: ${c.title}.`,
    keepPosted: true,
    origin: { module: 'conferences', id: row!.id },
  });
  await tx.update(regulationVersions).set({ disclosureId }).where(eq(regulationVersions.id, row!.id));
  // Found in the global search by its title or decision number; the version it replaces says so.
  await indexVersion(tx, row!, number);
  if (prev) await indexVersion(tx, prev, number);
  if (prev?.disclosureId)
    await withdrawReplacedDisclosure(
      ctx,
      prev.disclosureId,
      `Đã được thay thế bởi ${REGULATION_NAMES[regulation].toLowerCase()} phiên bản ${number} (${row!.decisionRef}, ngày ${formatDmy(input.issuedOn)}).`,
    );
  await recordAudit(tx, who, {
    action: 'regulation.issue',
    entityType: 'consultation',
    entityId: c.id,
    summary: `Ban hành ${REGULATION_NAMES[regulation].toLowerCase()} phiên bản ${number} (${row!.decisionRef}, ${formatDmy(input.issuedOn)})`,
    after: { ...row, disclosureId },
  });
}
