/**
 * Cases (issue #5): intake with checks, the workflow of each kind, statutory deadlines kept
 * current, protected identities, oversight, statistics and the public portal's two calls.
 * Rules are cited where they are applied; the deadline rules themselves are data in
 * `src/domain/deadlines` (DOMAIN.md §7.3).
 */
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { addDays, compareIsoDates, formatDmy } from '../../../domain';
import {
  classifyComplexity,
  COMPLEXITY_CRITERIA,
  computeDeadline,
  DeadlineError,
  deadlineYears,
  DEFAULT_RULE_REGISTRY,
} from '../../../domain/deadlines';
import {
  CASE_CHANNEL_LABELS,
  CASE_KIND_LABELS,
  CASE_STATUS_LABELS,
  EVENT_TYPE_LABELS,
  NOT_ACCEPTED_REASONS,
  OPEN_CASE_STATUSES,
  PARTY_ROLE_LABELS,
  PROTECTED_PARTY_ROLES,
  ZCaseIntake,
  type CaseActionName,
  type CaseEventType,
  type CaseKind,
  type CaseStatus,
  type NotAcceptedReason,
  type PartyRole,
  type TCase,
  type TCaseAction,
  type TCaseDeadline,
  type TCaseRow,
  type TIdentity,
  type TParty,
  type TPortalStatus,
} from '../../../contracts/cases';
import { recordAudit, type AuditActor } from '../../platform/audit';
import type { Tx } from '../../platform/db';
import { rowsOf } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import { openIdentity, sealIdentity } from '../../platform/identity-crypto';
import { notify } from '../../platform/notify';
import { abilities, authorize } from '../../platform/policy';
import type { Actor } from '../../platform/roles';
import { attachments, notifications, users, roleAssignments, units } from '../../platform/tables';
import { workingCalendarFor } from '../calendar/service';
import { receptionEntries } from '../reception/tables';
import { caseDeadlineSpecs, computeCaseDeadlines, yearsOf, type EventFact } from './deadlines';
import { casePolicy, isDecisionMaker, isHandler, isOffice, type CaseRecord } from './policy';
import { caseDeadlines, caseEvents, caseLinks, cases, identityReveals, protectedIdentities } from './tables';

type CaseRow = typeof cases.$inferSelect;
type Intake = ReturnType<typeof ZCaseIntake.parse>;

const CODE_PREFIX: Record<CaseKind, string> = { complaint: 'KN', denunciation: 'TC', petition: 'KNG', feedback: 'PA' };
/** Days before a due date when a deadline counts as "due soon" in oversight. */
export const DUE_SOON_DAYS = 5;

/* ─────────────── helpers ─────────────── */

function deadlineToApp(e: DeadlineError, field: string): AppError {
  return new AppError(e.code, { params: { ...e.params }, fields: [{ field, vi: `${field}: ${e.vi}`, en: `${field}: ${e.en}` }] });
}

/** A tracking code nobody can guess: 60 random bits in Crockford base32, grouped for reading aloud. */
export function newTrackingCode(kind: CaseKind): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(12);
  let s = '';
  for (let i = 0; i < 12; i++) s += alphabet[bytes[i]! % 32];
  return `${CODE_PREFIX[kind]}-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
}

async function nextCode(tx: Tx, kind: CaseKind, year: number): Promise<string> {
  const prefix = `${CODE_PREFIX[kind]}-${year}-`;
  // Two intakes at once (two portal submissions) must not draw the same number.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(current_setting('app.tenant_id', true) || ${prefix}))`);
  const [r] = rowsOf<{ n: number | null }>(
    await tx.execute(sql`select max(substring(code from ${prefix.length + 1}::int)::int) as n from cases where code like ${`${prefix}%`}`),
  );
  return `${prefix}${String((r?.n ?? 0) + 1).padStart(4, '0')}`;
}

async function userNames(tx: Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await tx.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function unitNames(tx: Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function recordOf(c: Pick<CaseRow, 'kind' | 'status' | 'unitId' | 'handlerId' | 'decisionMakerId'>): CaseRecord {
  return { kind: c.kind, status: c.status, unitId: c.unitId, handlerId: c.handlerId, decisionMakerId: c.decisionMakerId };
}

async function loadCase(tx: Tx, id: string): Promise<CaseRow> {
  const [c] = await tx.select().from(cases).where(eq(cases.id, id));
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

async function eventsOf(tx: Tx, caseId: string) {
  return tx.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.on), asc(caseEvents.at));
}

function factsOf(c: CaseRow) {
  return {
    kind: c.kind,
    status: c.status,
    instance: c.instance,
    receivedOn: c.receivedOn,
    acceptedOn: c.acceptedOn,
    decidedOn: c.decidedOn,
    anonymous: c.anonymous,
    remote: c.remote,
    aboutRegulation: c.aboutRegulation,
    complexity: c.complexity,
  };
}

/** Compute a case's deadlines on the agency's calendar (no writes). */
export async function computeDeadlinesOf(
  tx: Tx,
  c: CaseRow,
  events: EventFact[],
  today: string,
  opts: { lenient?: boolean } = {},
): Promise<TCaseDeadline[]> {
  const specs = caseDeadlineSpecs(factsOf(c), events, today);
  const years = yearsOf(specs);
  if (!years.length) return [];
  const cal = await workingCalendarFor(tx, years);
  return computeCaseDeadlines(specs, () => cal, today, c.status, opts);
}

/**
 * Recompute and store a case's deadlines. Returns the due dates that moved (rule → [before, after]).
 */
export async function refreshDeadlines(
  tx: Tx,
  c: CaseRow,
  today: string,
  opts: { lenient?: boolean } = {},
): Promise<{ ruleId: string; before: string; after: string }[]> {
  const events = (await eventsOf(tx, c.id)).map((e) => ({
    type: e.type,
    on: e.on,
    decisionNo: e.decisionNo,
    data: e.data as Record<string, unknown>,
  }));
  const computed = await computeDeadlinesOf(tx, c, events, today, opts);
  const old = await tx.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, c.id));
  const moved: { ruleId: string; before: string; after: string }[] = [];
  for (const d of computed) {
    const prev = old.find((o) => o.ruleId === d.ruleId);
    if (prev && prev.due !== d.due) moved.push({ ruleId: d.ruleId, before: prev.due, after: d.due });
  }
  await tx.delete(caseDeadlines).where(eq(caseDeadlines.caseId, c.id));
  if (computed.length) {
    await tx.insert(caseDeadlines).values(
      computed.map((d) => ({
        tenantId: c.tenantId,
        caseId: c.id,
        ruleId: d.ruleId,
        ruleVersion: d.ruleVersion,
        title: d.title,
        titleEn: d.titleEn,
        trigger: d.trigger,
        due: d.due,
        status: d.status,
        metOn: d.metOn,
        explanation: d.explanation,
        basis: d.basis,
      })),
    );
  }
  return moved;
}

/** The limitation check of a complaint (Law 02/2011 Art. 9; second instance: Art. 33). */
async function limitationOf(tx: Tx, c: CaseRow): Promise<TCase['limitation']> {
  if (c.kind !== 'complaint') return null;
  let ruleId: string;
  let input: Parameters<typeof computeDeadline>[1];
  if (c.instance === 2 && c.firstInstanceId) {
    const first = await loadCase(tx, c.firstInstanceId);
    const firstDeadline = (
      await tx
        .select()
        .from(caseDeadlines)
        .where(and(eq(caseDeadlines.caseId, first.id), eq(caseDeadlines.ruleId, 'KN-L1')))
    )[0];
    const trigger = first.decidedOn ?? firstDeadline?.due;
    if (!trigger) return null;
    ruleId = 'KN-L2-WINDOW';
    input = { trigger, remote: c.remote };
  } else {
    if (!c.knowledgeOn) return null;
    ruleId = 'KN-LIMIT';
    input = { trigger: c.knowledgeOn, suspensions: c.obstacleFrom && c.obstacleTo ? [{ from: c.obstacleFrom, to: c.obstacleTo }] : [] };
  }
  try {
    const cal = await workingCalendarFor(tx, deadlineYears(ruleId, input));
    const r = computeDeadline(ruleId, input, () => cal);
    return { due: r.due, expired: compareIsoDates(c.receivedOn, r.due) > 0, explanation: [...r.explanation] };
  } catch (e) {
    if (e instanceof DeadlineError) return null; // no rule in force on that date: nothing to compute
    throw e;
  }
}

/* ─────────────── identities ─────────────── */

type IdentityRow = typeof protectedIdentities.$inferSelect;

function partyLabel(role: PartyRole, ordinal: number): string {
  return `${PARTY_ROLE_LABELS[role].vi} ${ordinal}`;
}

/** Masks or opens each party for this reader. Protected identities are never opened here. */
function partiesFor(rows: IdentityRow[], canReveal: boolean): TParty[] {
  return rows
    .sort((a, b) => a.role.localeCompare(b.role) || a.ordinal - b.ordinal)
    .map((p) => {
      const role = p.role as PartyRole;
      const masked = p.protected;
      return {
        id: p.id,
        role,
        ordinal: p.ordinal,
        label: partyLabel(role, p.ordinal),
        masked,
        identity: masked ? null : openIdentity<TIdentity>(p.cipher, p.keyId),
        canReveal: masked && canReveal,
      };
    });
}

async function insertParties(
  tx: Tx,
  tenantId: string,
  owner: { caseId?: string; entryId?: string },
  kind: CaseKind | null,
  parties: { role: PartyRole; identity: TIdentity }[],
  forceProtected = false,
): Promise<void> {
  const existing = owner.caseId ? await tx.select().from(protectedIdentities).where(eq(protectedIdentities.caseId, owner.caseId)) : [];
  const counters = new Map<string, number>();
  for (const e of existing) counters.set(e.role, Math.max(counters.get(e.role) ?? 0, e.ordinal));
  for (const p of parties) {
    const n = (counters.get(p.role) ?? 0) + 1;
    counters.set(p.role, n);
    const sealed = sealIdentity(normaliseIdentity(p.identity));
    await tx.insert(protectedIdentities).values({
      tenantId,
      caseId: owner.caseId ?? null,
      entryId: owner.entryId ?? null,
      role: p.role,
      ordinal: n,
      // Law 25/2018 Art. 47(1): the denouncer and their spouse, parents and children are protected.
      protected: forceProtected || (kind === 'denunciation' && PROTECTED_PARTY_ROLES.includes(p.role)),
      cipher: sealed.cipher,
      keyId: sealed.keyId,
    });
  }
}

function normaliseIdentity(i: TIdentity): TIdentity {
  const n = (s: string | null | undefined) => (s ? s.normalize('NFC').trim() : null);
  return { name: i.name.normalize('NFC').trim(), address: n(i.address), phone: n(i.phone), email: n(i.email), idNumber: n(i.idNumber) };
}

/* ─────────────── read ─────────────── */

async function toRows(tx: Tx, list: CaseRow[]): Promise<TCaseRow[]> {
  if (!list.length) return [];
  const ids = list.map((c) => c.id);
  const names = await userNames(
    tx,
    list.map((c) => c.handlerId),
  );
  const unitsMap = await unitNames(
    tx,
    list.map((c) => c.unitId),
  );
  const dls = await tx.select().from(caseDeadlines).where(inArray(caseDeadlines.caseId, ids));
  const n = sql<number>`count(*)::int`;
  const ext = await tx
    .select({ caseId: caseEvents.caseId, n })
    .from(caseEvents)
    .where(and(eq(caseEvents.type, 'extended'), inArray(caseEvents.caseId, ids)))
    .groupBy(caseEvents.caseId);
  const reps = await tx
    .select({ caseId: caseLinks.caseId, n })
    .from(caseLinks)
    .where(and(eq(caseLinks.relation, 'repeat'), inArray(caseLinks.caseId, ids)))
    .groupBy(caseLinks.caseId);
  return list.map((c) => {
    const mine = dls.filter((d) => d.caseId === c.id);
    const missed = mine.filter((d) => d.status === 'missed' && !d.metOn).sort((a, b) => compareIsoDates(a.due, b.due));
    // A stopped clock is upcoming only while the case is suspended; on an ended case it is over.
    const openD = mine
      .filter((d) => d.status === 'open' || (d.status === 'stopped' && c.status === 'suspended'))
      .sort((a, b) => compareIsoDates(a.due, b.due));
    const next = missed[0] ?? openD[0] ?? null;
    return {
      id: c.id,
      code: c.code,
      kind: c.kind as CaseKind,
      channel: c.channel as TCaseRow['channel'],
      status: c.status as CaseStatus,
      subject: c.subject,
      receivedOn: c.receivedOn,
      instance: c.instance as 1 | 2,
      unit: c.unitId ? { id: c.unitId, name: unitsMap.get(c.unitId) ?? '' } : null,
      handler: c.handlerId ? { id: c.handlerId, name: names.get(c.handlerId) ?? '' } : null,
      anonymous: c.anonymous,
      extensions: ext.find((e) => e.caseId === c.id)?.n ?? 0,
      nextDeadline: next ? storedDeadline(next) : null,
      overdue: missed.length > 0,
      repeatCount: reps.find((r) => r.caseId === c.id)?.n ?? 0,
    };
  });
}

function storedDeadline(d: typeof caseDeadlines.$inferSelect): TCaseDeadline {
  const v = DEFAULT_RULE_REGISTRY.versionOn(d.ruleId, d.trigger);
  return {
    triggerLabel: v.trigger,
    triggerLabelEn: v.triggerEn,
    ruleId: d.ruleId,
    ruleVersion: d.ruleVersion,
    title: d.title,
    titleEn: d.titleEn,
    trigger: d.trigger,
    due: d.due,
    status: d.status as TCaseDeadline['status'],
    metOn: d.metOn,
    explanation: d.explanation as string[],
    basis: d.basis as string[],
  };
}

/** SQL filter: the cases this actor may read (mirrors `casePolicy.read`; RLS adds the tenant). */
function readableBy(a: Actor): SQL | undefined {
  if (a.roles.some((r) => r.role === 'office' || r.role === 'leader' || r.role === 'inspection')) return undefined;
  const headUnits = a.roles.filter((r) => r.role === 'unit_head' && r.unitId).map((r) => r.unitId!);
  const memberUnits = [...new Set(a.roles.map((r) => r.unitId).filter((u): u is string => !!u))];
  const conds: SQL[] = [eq(cases.handlerId, a.userId), eq(cases.decisionMakerId, a.userId)];
  if (headUnits.length) conds.push(inArray(cases.unitId, headUnits));
  if (memberUnits.length) conds.push(and(inArray(cases.unitId, memberUnits), sql`${cases.kind} <> 'denunciation'`)!);
  return or(...conds);
}

export type CaseListQuery = {
  q?: string;
  kind?: string;
  status?: string;
  channel?: string;
  unitId?: string;
  handlerId?: string;
  due?: 'overdue' | 'soon' | 'open';
  mine?: string;
  unassigned?: string;
  year?: number;
  limit: number;
  offset: number;
};

export async function listCases(tx: Tx, actor: Actor, q: CaseListQuery, today: string): Promise<{ rows: TCaseRow[]; total: number }> {
  const where: (SQL | undefined)[] = [readableBy(actor)];
  if (q.kind) where.push(eq(cases.kind, q.kind));
  if (q.status) where.push(eq(cases.status, q.status));
  if (q.channel) where.push(eq(cases.channel, q.channel));
  if (q.unitId) where.push(eq(cases.unitId, q.unitId));
  if (q.handlerId) where.push(eq(cases.handlerId, q.handlerId));
  if (q.unassigned === 'true') where.push(sql`${cases.unitId} is null`);
  if (q.mine === 'true') where.push(or(eq(cases.handlerId, actor.userId), eq(cases.decisionMakerId, actor.userId)));
  if (q.year) where.push(sql`extract(year from ${cases.receivedOn}) = ${q.year}`);
  if (q.q) {
    // Diacritic-insensitive (VIETNAMESE.md §3) over code, subject and content — never identities.
    const words = q.q.normalize('NFC').trim().split(/\s+/).filter(Boolean).slice(0, 8);
    for (const w of words) {
      const like = `%${w.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      // A denunciation's content is searched only for those who may read it (no oracle on its words).
      const contentReadable = isOffice(actor)
        ? sql`true`
        : sql`(${cases.kind} <> 'denunciation' or ${cases.handlerId} = ${actor.userId} or ${cases.decisionMakerId} = ${actor.userId})`;
      where.push(
        sql`(f_unaccent(lower(${cases.code} || ' ' || ${cases.subject})) like f_unaccent(lower(${like})) or (${contentReadable} and f_unaccent(lower(${cases.content})) like f_unaccent(lower(${like}))))`,
      );
    }
  }
  if (q.due === 'overdue')
    where.push(sql`exists (select 1 from case_deadlines d where d.case_id = ${cases.id} and d.status = 'missed' and d.met_on is null)`);
  if (q.due === 'soon')
    where.push(
      sql`exists (select 1 from case_deadlines d where d.case_id = ${cases.id} and d.status = 'open' and d.due <= ${addDays(today, DUE_SOON_DAYS)}::date)`,
    );
  if (q.due === 'open') where.push(inArray(cases.status, [...OPEN_CASE_STATUSES]));
  const cond = and(...where.filter((w): w is SQL => !!w));
  const [t] = await tx.select({ n: sql<number>`count(*)::int` }).from(cases).where(cond);
  const list = await tx.select().from(cases).where(cond).orderBy(desc(cases.receivedOn), desc(cases.code)).limit(q.limit).offset(q.offset);
  return { rows: await toRows(tx, list), total: t?.n ?? 0 };
}

/** One case as this actor may see it. Protected identities are masked (reveal is separate). */
export async function getCase(tx: Tx, actor: Actor, id: string, today: string): Promise<TCase> {
  const c = await loadCase(tx, id);
  const rec = recordOf(c);
  authorize(casePolicy, actor, 'read', rec);
  const [row] = await toRows(tx, [c]);
  const events = await eventsOf(tx, c.id);
  const names = await userNames(tx, [c.decisionMakerId]);
  const files = events.some((e) => e.attachmentId)
    ? await tx
        .select({ id: attachments.id, filename: attachments.filename })
        .from(attachments)
        .where(
          inArray(
            attachments.id,
            events.map((e) => e.attachmentId).filter((x): x is string => !!x),
          ),
        )
    : [];
  // Computed afresh for today (the stored copy serves lists and oversight queries).
  const deadlines = await computeDeadlinesOf(
    tx,
    c,
    events.map((e) => ({ type: e.type, on: e.on, decisionNo: e.decisionNo, data: e.data as Record<string, unknown> })),
    today,
    { lenient: true },
  );
  const parties = partiesFor(
    await tx.select().from(protectedIdentities).where(eq(protectedIdentities.caseId, c.id)),
    await mayReveal(tx, actor, c),
  );
  const worksIt = isOffice(actor) || isHandler(actor, rec) || isDecisionMaker(actor, rec);
  // A denunciation's own words often identify its author ("Tôi tên là…"): only those who work it read them.
  const showContent = c.kind !== 'denunciation' || worksIt;
  const supervises = worksIt || actor.roles.some((r) => r.role === 'leader' || r.role === 'inspection');
  const allLinks = await tx
    .select({
      id: cases.id,
      code: cases.code,
      subject: cases.subject,
      status: cases.status,
      relation: caseLinks.relation,
      kind: cases.kind,
      unitId: cases.unitId,
      handlerId: cases.handlerId,
      decisionMakerId: cases.decisionMakerId,
    })
    .from(caseLinks)
    .innerJoin(cases, and(eq(cases.tenantId, caseLinks.tenantId), eq(cases.id, caseLinks.otherId)))
    .where(eq(caseLinks.caseId, c.id));
  // A linked case this reader may not read is counted, not shown (a denunciation linked to a petition…).
  const linkRows = allLinks.filter((l) => casePolicy.read(actor, l));
  const first = c.firstInstanceId ? await loadCase(tx, c.firstInstanceId) : null;
  // Intake documents (a scanned letter may show a denouncer's handwriting): listed only to those who may open them.
  const intakeFiles =
    c.attachmentIds.length && (await mayReadCaseFile(tx, actor, c.id))
      ? await tx
          .select({ id: attachments.id, filename: attachments.filename })
          .from(attachments)
          .where(inArray(attachments.id, c.attachmentIds))
      : [];
  const [entry] = c.receptionEntryId ? await tx.select().from(receptionEntries).where(eq(receptionEntries.id, c.receptionEntryId)) : [];
  const ab = abilities(casePolicy, actor, rec);
  const level = classifyComplexity(c.complexity);
  return {
    ...row!,
    content: showContent ? c.content : null,
    sourceBody: c.sourceBody,
    // The citizen's code opens the portal status: only those who work the case see it (to give it back).
    trackingCode: worksIt ? c.trackingCode : null,
    knowledgeOn: c.knowledgeOn,
    remote: c.remote,
    aboutRegulation: c.aboutRegulation,
    complexity: { criteria: c.complexity, level },
    acceptedOn: c.acceptedOn,
    decidedOn: c.decidedOn,
    outcome: c.outcome,
    publicAnswer: c.publicAnswer,
    notAcceptedReasons: c.notAcceptedReasons as NotAcceptedReason[],
    forwardedTo: c.forwardedTo,
    decisionMaker: c.decisionMakerId ? { id: c.decisionMakerId, name: names.get(c.decisionMakerId) ?? '' } : null,
    parties,
    deadlines,
    events: events.map((e) => ({
      id: e.id,
      type: e.type as CaseEventType,
      on: e.on,
      actorName: e.actorName,
      summary: e.summary,
      decisionNo: e.decisionNo,
      attachment: e.attachmentId ? { id: e.attachmentId, filename: files.find((f) => f.id === e.attachmentId)?.filename ?? 'tệp' } : null,
      // The reason for a reveal: to supervisors and those who work the case.
      note: e.type === 'identity_revealed' && !supervises ? null : e.note,
      at: e.at.toISOString(),
    })),
    links: linkRows.map((l) => ({ id: l.id, code: l.code, subject: l.subject, relation: l.relation, status: l.status as CaseStatus })),
    linksHidden: allLinks.length - linkRows.length,
    firstInstance: first ? { id: first.id, code: first.code } : null,
    attachments: intakeFiles,
    attachmentsHidden: c.attachmentIds.length - intakeFiles.length,
    receptionEntry: entry ? { id: entry.id, seqNo: entry.seqNo, year: entry.year } : null,
    limitation: await limitationOf(tx, c),
    can: { ...(ab as unknown as TCase['can']), edit: ab.edit },
    version: c.version,
  };
}

/* ─────────────── write ─────────────── */

async function addEvent(
  tx: Tx,
  c: CaseRow,
  who: { userId: string | null; name: string },
  e: {
    type: CaseEventType;
    on: string;
    summary: string;
    decisionNo?: string | null;
    attachmentId?: string | null;
    note?: string | null;
    data?: Record<string, unknown>;
  },
) {
  if (e.attachmentId) await claimAttachment(tx, c.id, e.attachmentId);
  await tx.insert(caseEvents).values({
    tenantId: c.tenantId,
    caseId: c.id,
    type: e.type,
    on: e.on,
    actorId: who.userId,
    actorName: who.name,
    summary: e.summary.normalize('NFC'),
    decisionNo: e.decisionNo?.normalize('NFC') ?? null,
    attachmentId: e.attachmentId ?? null,
    note: e.note?.normalize('NFC') ?? null,
    data: e.data ?? {},
  });
}

/** An attached document becomes part of the case file and is served only to its readers. */
async function claimAttachment(tx: Tx, caseId: string, attachmentId: string): Promise<void> {
  const [f] = await tx
    .select({ id: attachments.id, entityType: attachments.entityType, entityId: attachments.entityId })
    .from(attachments)
    .where(eq(attachments.id, attachmentId));
  if (!f) throw invalid('attachmentId', 'không tìm thấy tệp đính kèm', 'attachment not found');
  if (f.entityType && f.entityType !== 'case_pending' && !(f.entityType === 'case' && f.entityId === caseId))
    throw invalid('attachmentId', 'tệp này đã thuộc hồ sơ khác', 'this file already belongs to another record');
  await tx.update(attachments).set({ entityType: 'case', entityId: caseId }).where(eq(attachments.id, attachmentId));
}

function checkDate(field: string, on: string, today: string, notBefore?: string | null) {
  if (compareIsoDates(on, today) > 0)
    throw invalid(field, `không được sau ngày hôm nay (${formatDmy(today)})`, `cannot be after today (${today})`);
  if (notBefore && compareIsoDates(on, notBefore) < 0)
    throw invalid(field, `không được trước ngày ${formatDmy(notBefore)}`, `cannot be before ${notBefore}`);
}

/** Who acts: the audit identity (a person, or the portal with no user). */
export type Who = AuditActor;

/**
 * Receive a case. Checks: dates, the parties a kind needs (Law 02/2011 Art. 8; Law 25/2018
 * Art. 23), anonymous denunciations kept as information (Law 25/2018 Art. 25), a second-instance
 * complaint's first instance. Identities are sealed before they reach the database.
 * `protectParties` masks every party whatever the kind: a case split from a register-book line
 * that also holds a denunciation names the denouncer (Law 25/2018 Art. 8(3)).
 */
export async function createCase(
  tx: Tx,
  who: Who,
  raw: Intake,
  today: string,
  opts: { trackingCode?: boolean; idempotencyKey?: string | null; protectParties?: boolean } = {},
): Promise<CaseRow> {
  const input = ZCaseIntake.parse(raw);
  checkDate('receivedOn', input.receivedOn, today, '2000-01-01');
  if (input.knowledgeOn && compareIsoDates(input.knowledgeOn, input.receivedOn) > 0)
    throw invalid('knowledgeOn', 'không được sau ngày nhận đơn', 'cannot be after the day the case was received');
  if ((input.obstacleFrom && !input.obstacleTo) || (!input.obstacleFrom && input.obstacleTo))
    throw invalid('obstacleTo', 'cần cả ngày bắt đầu và ngày kết thúc trở ngại', 'both obstacle dates are needed');
  if (input.obstacleFrom && input.obstacleTo && compareIsoDates(input.obstacleFrom, input.obstacleTo) > 0)
    throw invalid('obstacleTo', 'phải từ ngày bắt đầu trở đi', 'must not be before the start');
  if (input.anonymous && input.kind !== 'denunciation')
    throw invalid('anonymous', 'chỉ áp dụng cho đơn tố cáo', 'applies to denunciations only');
  if (input.channel === 'forwarded' && !input.sourceBody)
    throw invalid('sourceBody', 'cần ghi cơ quan chuyển đơn', 'name the body that forwarded it');
  if (input.aboutRegulation && input.kind !== 'petition')
    throw invalid('aboutRegulation', 'chỉ áp dụng cho kiến nghị', 'applies to petitions only');
  const mainRole: Record<CaseKind, PartyRole> = {
    complaint: 'complainant',
    denunciation: 'denouncer',
    petition: 'petitioner',
    feedback: 'petitioner',
  };
  const hasMain = input.parties.some((p) => p.role === mainRole[input.kind]);
  if ((input.kind === 'complaint' || (input.kind === 'denunciation' && !input.anonymous)) && !hasMain) {
    throw invalid(
      'parties',
      `cần ghi thông tin ${PARTY_ROLE_LABELS[mainRole[input.kind]].vi.toLowerCase()} (hoặc đánh dấu tố cáo nặc danh)`,
      `the ${PARTY_ROLE_LABELS[mainRole[input.kind]].en.toLowerCase()} is required`,
    );
  }
  if (input.anonymous && input.parties.some((p) => p.role === 'denouncer'))
    throw invalid('anonymous', 'đơn nặc danh không có thông tin người tố cáo', 'an anonymous denunciation has no denouncer');
  let instance = 1;
  if (input.firstInstanceCaseId) {
    const first = await loadCase(tx, input.firstInstanceCaseId).catch(() => {
      throw invalid('firstInstanceCaseId', 'không tìm thấy vụ việc lần đầu', 'first-instance case not found');
    });
    if (input.kind !== 'complaint' || first.kind !== 'complaint' || first.instance !== 1)
      throw invalid(
        'firstInstanceCaseId',
        'khiếu nại lần hai phải gắn với một khiếu nại lần đầu',
        'a second complaint must follow a first-instance complaint',
      );
    // Law 02/2011 Art. 33: a second complaint follows the first decision, or the first deadline passing unresolved.
    const [l1] = await tx
      .select()
      .from(caseDeadlines)
      .where(and(eq(caseDeadlines.caseId, first.id), eq(caseDeadlines.ruleId, 'KN-L1')));
    if (!first.decidedOn && !(l1 && compareIsoDates(input.receivedOn, l1.due) > 0)) {
      throw invalid(
        'firstInstanceCaseId',
        'lần đầu chưa có quyết định giải quyết và chưa hết thời hạn giải quyết (Điều 33 Luật Khiếu nại)',
        'the first instance is neither decided nor past its deadline (Law on Complaints Art. 33)',
      );
    }
    instance = 2;
  }
  const year = Number(input.receivedOn.slice(0, 4));
  const [c] = await tx
    .insert(cases)
    .values({
      tenantId: who.tenantId,
      code: await nextCode(tx, input.kind, year),
      trackingCode: opts.trackingCode && !input.anonymous ? newTrackingCode(input.kind) : null,
      kind: input.kind,
      channel: input.channel,
      status: 'received',
      receivedOn: input.receivedOn,
      subject: input.subject,
      content: input.content,
      sourceBody: input.sourceBody ?? null,
      knowledgeOn: input.knowledgeOn ?? null,
      obstacleFrom: input.obstacleFrom ?? null,
      obstacleTo: input.obstacleTo ?? null,
      anonymous: input.anonymous,
      remote: input.remote,
      aboutRegulation: input.aboutRegulation,
      instance,
      firstInstanceId: input.firstInstanceCaseId ?? null,
      receptionEntryId: input.receptionEntryId ?? null,
      idempotencyKey: opts.idempotencyKey ?? null,
      attachmentIds: input.attachmentIds,
    })
    .returning();
  const row = c!;
  await insertParties(tx, row.tenantId, { caseId: row.id }, input.kind, input.parties, opts.protectParties ?? false);
  if (input.receptionEntryId && input.kind === 'denunciation') {
    // The line's visitors are denouncers now: mask them in the book and in the line's other cases.
    await tx.update(receptionEntries).set({ protected: true }).where(eq(receptionEntries.id, input.receptionEntryId));
    await tx.update(protectedIdentities).set({ protected: true }).where(eq(protectedIdentities.entryId, input.receptionEntryId));
    const siblings = (await tx.select({ id: cases.id }).from(cases).where(eq(cases.receptionEntryId, input.receptionEntryId))).map(
      (s) => s.id,
    );
    await tx.update(protectedIdentities).set({ protected: true }).where(inArray(protectedIdentities.caseId, siblings));
  }
  for (const a of input.attachmentIds) await claimAttachment(tx, row.id, a);
  await addEvent(tx, row, who, {
    type: 'received',
    on: input.receivedOn,
    summary: `Tiếp nhận ${CASE_KIND_LABELS[input.kind].vi.toLowerCase()} — ${CASE_CHANNEL_LABELS[input.channel].vi.toLowerCase()}${input.sourceBody ? ` (do ${input.sourceBody} chuyển đến)` : ''}`,
  });
  let current = row;
  if (input.anonymous) {
    // Law 25/2018 Art. 25: an anonymous denunciation is not processed under the Law; it is kept as
    // information and may prompt an inspection if concrete.
    [current] = (await tx
      .update(cases)
      .set({ status: 'information', closedOn: input.receivedOn })
      .where(eq(cases.id, row.id))
      .returning()) as [CaseRow];
    await addEvent(tx, current, who, {
      type: 'information',
      on: input.receivedOn,
      summary: 'Tố cáo nặc danh: không xử lý theo Luật Tố cáo, lưu làm thông tin phục vụ thanh tra, kiểm tra (Luật Tố cáo 2018, Điều 25)',
    });
  }
  if (instance === 2) await linkCases(tx, current, input.firstInstanceCaseId!, 'related');
  try {
    await refreshDeadlines(tx, current, today);
  } catch (e) {
    if (e instanceof DeadlineError) throw deadlineToApp(e, 'receivedOn');
    throw e;
  }
  await recordAudit(tx, who, {
    action: 'case.create',
    entityType: 'case',
    entityId: row.id,
    summary: `${row.code}: ${row.subject}`,
    // Parties are summarised by role only: the audit log never holds an identity.
    after: {
      code: row.code,
      kind: row.kind,
      channel: row.channel,
      receivedOn: row.receivedOn,
      subject: row.subject,
      parties: input.parties.map((p) => p.role),
      anonymous: row.anonymous,
      instance,
    },
  });
  return current;
}

async function linkCases(tx: Tx, c: CaseRow, otherId: string, relation: 'duplicate' | 'repeat' | 'related') {
  await tx.insert(caseLinks).values({ tenantId: c.tenantId, caseId: c.id, otherId, relation }).onConflictDoNothing();
  await tx.insert(caseLinks).values({ tenantId: c.tenantId, caseId: otherId, otherId: c.id, relation }).onConflictDoNothing();
}

/** Add a party (e.g. a relative of the denouncer) to an open case. */
export async function addParty(
  tx: Tx,
  actor: Actor,
  who: Who,
  id: string,
  input: { version: number; role: PartyRole; identity: TIdentity },
): Promise<void> {
  const c = await loadCase(tx, id);
  authorize(casePolicy, actor, 'edit', recordOf(c));
  if (c.version !== input.version) throw new AppError('STALE_VERSION');
  await insertParties(tx, c.tenantId, { caseId: c.id }, c.kind as CaseKind, [{ role: input.role, identity: input.identity }]);
  const bumped = await tx
    .update(cases)
    .set({ version: c.version + 1, updatedAt: new Date() })
    .where(and(eq(cases.id, c.id), eq(cases.version, c.version)))
    .returning({ id: cases.id });
  if (!bumped.length) throw new AppError('STALE_VERSION');
  await recordAudit(tx, who, {
    action: 'case.party_add',
    entityType: 'case',
    entityId: c.id,
    summary: `${c.code}: thêm ${PARTY_ROLE_LABELS[input.role].vi.toLowerCase()}`,
    after: { role: input.role },
  });
}

/** Edit the intake facts of an open case (subject, content, flags). */
export async function editCase(
  tx: Tx,
  actor: Actor,
  who: Who,
  id: string,
  input: { version: number; subject?: string; content?: string; remote?: boolean; aboutRegulation?: boolean },
  today: string,
): Promise<void> {
  const c = await loadCase(tx, id);
  authorize(casePolicy, actor, 'edit', recordOf(c));
  if (c.version !== input.version) throw new AppError('STALE_VERSION');
  if (input.aboutRegulation && c.kind !== 'petition')
    throw invalid('aboutRegulation', 'chỉ áp dụng cho kiến nghị', 'applies to petitions only');
  const patch = {
    subject: input.subject ?? c.subject,
    content: input.content ?? c.content,
    remote: input.remote ?? c.remote,
    aboutRegulation: input.aboutRegulation ?? c.aboutRegulation,
  };
  const [u] = await tx
    .update(cases)
    .set({ ...patch, version: c.version + 1, updatedAt: new Date() })
    .where(and(eq(cases.id, c.id), eq(cases.version, c.version)))
    .returning();
  if (!u) throw new AppError('STALE_VERSION');
  await refreshDeadlines(tx, u!, today);
  await recordAudit(tx, who, {
    action: 'case.update',
    entityType: 'case',
    entityId: c.id,
    summary: c.code,
    before: { subject: c.subject, remote: c.remote, aboutRegulation: c.aboutRegulation },
    after: { subject: patch.subject, remote: patch.remote, aboutRegulation: patch.aboutRegulation },
  });
}

async function isMemberOf(tx: Tx, userId: string, unitId: string): Promise<boolean> {
  const r = await tx
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.unitId, unitId)));
  return r.length > 0;
}

/** Whether content was already forwarded: this case, or one linked as its duplicate (TT 05/2021 Art. 14). */
async function alreadyForwarded(tx: Tx, c: CaseRow): Promise<boolean> {
  if (c.channel === 'forwarded' && c.kind === 'denunciation') return true;
  const linked = await tx
    .select({ id: caseLinks.otherId })
    .from(caseLinks)
    .where(and(eq(caseLinks.caseId, c.id), inArray(caseLinks.relation, ['duplicate', 'repeat'])));
  const ids = [c.id, ...linked.map((l) => l.id)];
  const f = await tx
    .select({ id: caseEvents.id })
    .from(caseEvents)
    .where(and(inArray(caseEvents.caseId, ids), eq(caseEvents.type, 'forwarded')));
  return f.length > 0;
}

/** Perform one workflow action. Every action is an event with its document, and audited. */
export async function act(tx: Tx, actor: Actor, who: Who, id: string, a: TCaseAction, today: string): Promise<void> {
  const c = await loadCase(tx, id);
  const rec = recordOf(c);
  authorize(casePolicy, actor, a.action === 'extend_initial' ? 'extend_initial' : (a.action as CaseActionName), rec);
  if (c.version !== a.version) throw new AppError('STALE_VERSION');
  checkDate('on', a.on, today, c.receivedOn);
  const doc =
    'decisionNo' in a
      ? { decisionNo: a.decisionNo ?? null, attachmentId: a.attachmentId ?? null, note: a.note ?? null }
      : { decisionNo: null, attachmentId: null, note: null };
  const set: Partial<typeof cases.$inferInsert> = {};
  let summary = EVENT_TYPE_LABELS[eventOf(a.action)].vi;
  let data: Record<string, unknown> = {};
  switch (a.action) {
    case 'accept':
      if (c.kind === 'denunciation' && c.anonymous) throw new AppError('CASE_ANONYMOUS');
      set.status = 'accepted';
      set.acceptedOn = a.on;
      summary =
        c.kind === 'complaint' || c.kind === 'denunciation'
          ? `Thụ lý giải quyết${a.decisionNo ? ` (${a.decisionNo})` : ''}`
          : 'Tiếp nhận xử lý';
      break;
    case 'not_accept': {
      const wrong = a.reasons.find((r) => NOT_ACCEPTED_REASONS[r].kind !== c.kind);
      if (wrong)
        throw invalid(
          'reasons',
          `lý do "${NOT_ACCEPTED_REASONS[wrong].vi}" không áp dụng cho ${CASE_KIND_LABELS[c.kind as CaseKind].vi.toLowerCase()}`,
          `ground "${NOT_ACCEPTED_REASONS[wrong].en}" does not apply to a ${c.kind}`,
        );
      set.status = 'not_accepted';
      set.notAcceptedReasons = a.reasons;
      set.closedOn = a.on;
      summary = `Không thụ lý: ${a.reasons.map((r) => `${NOT_ACCEPTED_REASONS[r].vi} (${NOT_ACCEPTED_REASONS[r].basis})`).join('; ')}`;
      data = { reasons: a.reasons };
      break;
    }
    case 'forward':
      // TT 05/2021/TT-TTCP Art. 14: a denunciation is forwarded only once for the same content.
      if (await alreadyForwarded(tx, c)) throw new AppError('CASE_ALREADY_FORWARDED');
      set.status = 'forwarded';
      set.forwardedTo = a.to;
      set.closedOn = a.on;
      summary = `Chuyển đơn đến ${a.to}`;
      data = { to: a.to };
      break;
    case 'guide':
      set.status = 'guided';
      set.forwardedTo = a.to;
      set.closedOn = a.on;
      summary = `Hướng dẫn gửi đến ${a.to}`;
      data = { to: a.to };
      break;
    case 'information':
      set.status = 'information';
      set.closedOn = a.on;
      break;
    case 'assign': {
      const [u] = await tx.select().from(units).where(eq(units.id, a.unitId));
      if (!u) throw invalid('unitId', 'không tìm thấy đơn vị', 'unit not found');
      if (!(await isMemberOf(tx, a.handlerId, a.unitId)))
        throw invalid('handlerId', 'người xử lý phải thuộc đơn vị được giao', 'the handler must belong to the unit');
      // A unit head may reassign only within their own unit; the Office and the decision-maker anywhere.
      if (!isOffice(actor) && !isDecisionMaker(actor, rec) && c.unitId !== a.unitId) throw new AppError('FORBIDDEN');
      // The decision-maker sees the denouncer: only the Office or leadership names one, it must be a
      // leader or the head of a unit (a subordinate body deciding on its own acts), and nobody but a
      // leader names themself. A unit head reassigning within the unit keeps the one named.
      if (a.decisionMakerId && a.decisionMakerId !== c.decisionMakerId) {
        const mayName = isOffice(actor) || actor.roles.some((r) => r.role === 'leader');
        if (!mayName)
          throw invalid(
            'decisionMakerId',
            'chỉ Văn phòng hoặc lãnh đạo cơ quan được chỉ định người có thẩm quyền giải quyết',
            'only the Office or leadership names the decision-maker',
          );
        const roles = await tx
          .select({ role: roleAssignments.role })
          .from(roleAssignments)
          .where(eq(roleAssignments.userId, a.decisionMakerId));
        if (!roles.some((r) => r.role === 'leader' || r.role === 'unit_head'))
          throw invalid(
            'decisionMakerId',
            'người có thẩm quyền giải quyết phải là lãnh đạo cơ quan hoặc người đứng đầu đơn vị',
            'the decision-maker must be a leader or the head of a unit',
          );
        if (a.decisionMakerId === actor.userId && !actor.roles.some((r) => r.role === 'leader'))
          throw invalid(
            'decisionMakerId',
            'không tự chỉ định mình là người có thẩm quyền giải quyết',
            'you cannot name yourself the decision-maker',
          );
      }
      const dm = a.decisionMakerId ?? c.decisionMakerId ?? (await agencyHead(tx));
      set.unitId = a.unitId;
      set.handlerId = a.handlerId;
      set.decisionMakerId = dm;
      const names = await userNames(tx, [a.handlerId, dm]);
      summary = `Giao ${u.name} xử lý; người xử lý: ${names.get(a.handlerId)}${dm ? `; người có thẩm quyền giải quyết: ${names.get(dm)}` : ''}`;
      data = { unitId: a.unitId, handlerId: a.handlerId, decisionMakerId: dm, previous: { unitId: c.unitId, handlerId: c.handlerId } };
      await notify(tx, {
        tenantId: c.tenantId,
        userId: a.handlerId,
        kind: 'case.assigned',
        title: `Được giao xử lý ${c.code}`,
        body: c.subject,
        link: `/cases/${c.id}`,
      });
      break;
    }
    case 'verification':
    case 'dialogue':
    case 'note':
      summary = a.action === 'note' ? 'Ghi chú' : EVENT_TYPE_LABELS[a.action].vi;
      break;
    case 'complexity': {
      const keys = [...new Set(a.criteria.map((k) => k.normalize('NFC')))];
      let level: ReturnType<typeof classifyComplexity>;
      try {
        level = classifyComplexity(keys);
      } catch {
        throw invalid('criteria', 'tiêu chí không hợp lệ (a, b, c, d, đ, e, g)', 'unknown criterion (a, b, c, d, đ, e, g)');
      }
      set.complexity = keys;
      const labels = { standard: 'không phức tạp', complex: 'phức tạp', especially_complex: 'đặc biệt phức tạp' };
      summary = `Đánh giá: ${labels[level]}${keys.length ? ` — tiêu chí ${keys.join(', ')} (Nghị định 31/2019/NĐ-CP, Điều 3)` : ''}`;
      data = { criteria: keys, level, texts: COMPLEXITY_CRITERIA.filter((k) => keys.includes(k.key)).map((k) => k.text) };
      break;
    }
    case 'extend':
      if (!a.decisionNo)
        throw invalid(
          'decisionNo',
          'gia hạn phải có quyết định gia hạn (số, ký hiệu)',
          'an extension needs a decision number (Decree 31/2019, form 01)',
        );
      data = { days: a.days ?? 30 };
      summary = `Gia hạn giải quyết ${a.days ?? 30} ngày theo Quyết định ${a.decisionNo}`;
      break;
    case 'extend_initial':
      summary = 'Kéo dài thời hạn xử lý ban đầu đến 10 ngày làm việc (Luật Tố cáo 2018, Điều 24 khoản 1)';
      break;
    case 'suspend':
      set.status = 'suspended';
      summary = `Tạm đình chỉ giải quyết${a.decisionNo ? ` (${a.decisionNo})` : ''}`;
      break;
    case 'resume':
      set.status = 'accepted';
      summary = `Tiếp tục giải quyết${a.decisionNo ? ` (${a.decisionNo})` : ''}`;
      break;
    case 'withdraw':
      // Law 25/2018 Art. 33: the case continues when a violation is indicated or the withdrawal was coerced.
      if (!a.continueHandling) {
        set.status = 'withdrawn';
        set.closedOn = a.on;
      }
      summary = a.continueHandling
        ? 'Người gửi rút đơn; tiếp tục giải quyết vì có dấu hiệu vi phạm hoặc bị ép buộc rút (Luật Tố cáo 2018, Điều 33)'
        : 'Người gửi rút đơn; kết thúc giải quyết';
      data = { continueHandling: a.continueHandling };
      break;
    case 'terminate':
      set.status = 'terminated';
      set.closedOn = a.on;
      summary = `Đình chỉ giải quyết${a.decisionNo ? ` (${a.decisionNo})` : ''}`;
      break;
    case 'decide': {
      if (c.kind === 'complaint' && c.instance === 2) {
        // Law 02/2011 Art. 38: dialogue is mandatory at the second instance.
        const dialogues = await tx
          .select()
          .from(caseEvents)
          .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'dialogue')));
        if (!dialogues.length) throw new AppError('CASE_DIALOGUE_REQUIRED');
      }
      if (c.acceptedOn && compareIsoDates(a.on, c.acceptedOn) < 0)
        throw invalid('on', 'không được trước ngày thụ lý', 'cannot be before acceptance');
      set.status = 'resolved';
      set.decidedOn = a.on;
      set.outcome = a.outcome;
      set.closedOn = a.on;
      const what =
        c.kind === 'complaint'
          ? 'Quyết định giải quyết khiếu nại'
          : c.kind === 'denunciation'
            ? 'Kết luận nội dung tố cáo'
            : 'Văn bản trả lời';
      summary = `${what}${a.decisionNo ? ` ${a.decisionNo}` : ''}: ${a.outcome}`;
      break;
    }
    case 'notify':
      summary = `Gửi, thông báo đến: ${a.recipients}`;
      data = { recipients: a.recipients };
      break;
    case 'public_answer':
      set.publicAnswer = a.answer;
      summary = 'Công bố nội dung trả lời trên cổng thông tin';
      break;
    case 'link': {
      if (a.otherCaseId === c.id) throw invalid('otherCaseId', 'không thể liên kết với chính nó', 'cannot link a case to itself');
      const other = await loadCase(tx, a.otherCaseId).catch(() => {
        throw invalid('otherCaseId', 'không tìm thấy vụ việc', 'case not found');
      });
      await linkCases(tx, c, other.id, a.relation);
      if (a.relation === 'duplicate' && c.status === 'received') {
        set.status = 'duplicate';
        set.closedOn = a.on;
      }
      // The other case's number is in the links (shown to those who may read it), not in the timeline.
      summary = {
        duplicate: 'Liên kết: đơn trùng với một vụ việc khác',
        repeat: 'Liên kết: đơn gửi lại, nhiều lần',
        related: 'Liên kết: vụ việc có liên quan',
      }[a.relation];
      data = { otherCaseId: other.id, relation: a.relation };
      break;
    }
  }
  const [updated] = await tx
    .update(cases)
    .set({ ...set, version: c.version + 1, updatedAt: new Date() })
    .where(and(eq(cases.id, c.id), eq(cases.version, c.version)))
    .returning();
  if (!updated) throw new AppError('STALE_VERSION');
  await addEvent(
    tx,
    updated!,
    { userId: actor.userId, name: actor.fullName },
    {
      type: eventOf(a.action),
      on: a.on,
      summary,
      ...doc,
      ...(a.action === 'note' ? { note: a.note, attachmentId: a.attachmentId ?? null } : {}),
      data,
    },
  );
  try {
    await refreshDeadlines(tx, updated!, today);
  } catch (e) {
    // The engine refuses extensions beyond what the complexity allows (Decree 31/2019 Art. 3),
    // without a decision, or decided after the deadline; nothing of this action is saved.
    if (e instanceof DeadlineError) throw deadlineToApp(e, a.action === 'extend' ? 'decisionNo' : 'on');
    throw e;
  }
  await recordAudit(tx, who, {
    action: `case.${a.action}`,
    entityType: 'case',
    entityId: c.id,
    summary: `${c.code}: ${summary}`.slice(0, 500),
    before: { status: c.status, unitId: c.unitId, handlerId: c.handlerId, complexity: c.complexity },
    after: {
      status: updated!.status,
      unitId: updated!.unitId,
      handlerId: updated!.handlerId,
      complexity: updated!.complexity,
      on: a.on,
      decisionNo: doc.decisionNo,
    },
  });
}

function eventOf(action: CaseActionName): CaseEventType {
  const map: Record<CaseActionName, CaseEventType> = {
    accept: 'accepted',
    not_accept: 'not_accepted',
    forward: 'forwarded',
    guide: 'guided',
    information: 'information',
    assign: 'assigned',
    verification: 'verification',
    dialogue: 'dialogue',
    complexity: 'complexity',
    extend: 'extended',
    extend_initial: 'initial_extended',
    suspend: 'suspended',
    resume: 'resumed',
    withdraw: 'withdrawn',
    terminate: 'terminated',
    decide: 'decided',
    notify: 'notified',
    public_answer: 'public_answer',
    link: 'linked',
    note: 'note',
  };
  return map[action];
}

/**
 * The head of the agency: the leader whose position is the head's (Giám đốc, Chủ tịch, Thủ
 * trưởng, Cục trưởng… without "Phó"). The org model keeps positions as text; this is the one
 * place that reads them.
 */
export async function agencyHead(tx: Tx): Promise<string | null> {
  const leaders = await tx
    .select({ id: users.id, position: users.position })
    .from(users)
    .innerJoin(roleAssignments, and(eq(roleAssignments.tenantId, users.tenantId), eq(roleAssignments.userId, users.id)))
    .where(and(eq(roleAssignments.role, 'leader'), eq(users.isActive, true)));
  const head = leaders.find((l) => l.position && !/^phó/i.test(l.position.trim()));
  return head?.id ?? leaders[0]?.id ?? null;
}

/**
 * Reveal a protected identity to the handler or the decision-maker, with a reason. The reveal
 * is logged (identity_reveals, a case event, the audit chain) — the identity itself is in none
 * of them.
 */
export async function revealParty(
  tx: Tx,
  actor: Actor,
  who: Who,
  caseId: string,
  partyId: string,
  reason: string,
  today: string,
): Promise<TIdentity> {
  const c = await loadCase(tx, caseId);
  const rec = recordOf(c);
  authorize(casePolicy, actor, 'read', rec);
  if (!(await mayReveal(tx, actor, c))) throw new AppError('FORBIDDEN');
  const [p] = await tx
    .select()
    .from(protectedIdentities)
    .where(and(eq(protectedIdentities.id, partyId), eq(protectedIdentities.caseId, c.id)));
  if (!p) throw new AppError('NOT_FOUND');
  if (!p.protected) throw new AppError('FORBIDDEN');
  const identity = openIdentity<TIdentity>(p.cipher, p.keyId);
  await tx
    .insert(identityReveals)
    .values({ tenantId: c.tenantId, identityId: p.id, caseId: c.id, userId: actor.userId, userName: actor.fullName, reason });
  // The reason may itself name someone: it is kept in the reveal log (shown to supervisors and the
  // handler/decision-maker), and the audit chain says that a reveal happened, by whom, of whom.
  await addEvent(
    tx,
    c,
    { userId: actor.userId, name: actor.fullName },
    {
      type: 'identity_revealed',
      on: today,
      summary: `${actor.fullName} xem thông tin ${partyLabel(p.role as PartyRole, p.ordinal).toLowerCase()}`,
      note: reason,
    },
  );
  await recordAudit(tx, who, {
    action: 'case.identity_reveal',
    entityType: 'case',
    entityId: c.id,
    summary: `${c.code}: xem thông tin ${partyLabel(p.role as PartyRole, p.ordinal).toLowerCase()} (có ghi lý do)`,
  });
  return identity;
}

/**
 * Whether this actor may reveal the protected people of a case: on a denunciation its handler and
 * decision-maker; on a case split from a register line that holds a denunciation (its visitors
 * are the denouncers) the handler and decision-maker of THAT denunciation, not of this case.
 */
export async function mayReveal(tx: Tx, actor: Actor, c: CaseRow): Promise<boolean> {
  if (c.kind === 'denunciation') return casePolicy.reveal(actor, recordOf(c));
  if (!c.receptionEntryId) return false;
  const siblings = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.receptionEntryId, c.receptionEntryId), eq(cases.kind, 'denunciation')));
  return siblings.some((s) => casePolicy.reveal(actor, recordOf(s)));
}

/** Whether this actor may read a case (for attachments). */
export async function mayReadCaseFile(tx: Tx, actor: Actor, caseId: string): Promise<boolean> {
  const [c] = await tx.select().from(cases).where(eq(cases.id, caseId));
  if (!c) return false;
  const rec = recordOf(c);
  // A denunciation's documents may carry the denouncer's handwriting (Law 25/2018 Art. 8(3)).
  if (c.kind === 'denunciation') return isHandler(actor, rec) || isDecisionMaker(actor, rec);
  return casePolicy.read(actor, rec);
}

/** Open cases, and ended ones with a duty still running (sending the decision). */
function casesWithRunningClocks(tx: Tx): Promise<CaseRow[]> {
  return tx
    .select()
    .from(cases)
    .where(
      or(
        inArray(cases.status, [...OPEN_CASE_STATUSES]),
        sql`exists (select 1 from case_deadlines d where d.case_id = ${cases.id} and d.status = 'open')`,
      ),
    );
}

/**
 * The holiday calendar changed: recompute the deadlines of open cases. Each moved due date is a
 * case event and an audit entry (issue #5).
 */
export async function recomputeOpenCases(tx: Tx, who: AuditActor, today: string): Promise<number> {
  const open = await casesWithRunningClocks(tx);
  let moved = 0;
  for (const c of open) {
    const changes = await refreshDeadlines(tx, c, today, { lenient: true });
    if (!changes.length) continue;
    moved += changes.length;
    const text = changes.map((m) => `${m.ruleId}: ${formatDmy(m.before)} → ${formatDmy(m.after)}`).join('; ');
    await addEvent(
      tx,
      c,
      { userId: who.userId, name: who.name },
      { type: 'deadline_recomputed', on: today, summary: `Tính lại thời hạn do lịch nghỉ thay đổi: ${text}`, data: { changes } },
    );
    await recordAudit(tx, who, {
      action: 'case.deadline_recompute',
      entityType: 'case',
      entityId: c.id,
      summary: `${c.code}: ${text}`,
      before: Object.fromEntries(changes.map((m) => [m.ruleId, m.before])),
      after: Object.fromEntries(changes.map((m) => [m.ruleId, m.after])),
    });
  }
  return moved;
}

/**
 * Daily: deadlines that ran out become missed (the stored state follows the calendar), and the
 * people responsible are told once per deadline when it comes within {@link DUE_SOON_DAYS} days
 * and when it is missed: the handler (or, before assignment, the Office); the decision-maker too
 * when it is missed.
 * @returns the number of notifications sent.
 */
export async function refreshAllOpen(tx: Tx, today: string): Promise<number> {
  const open = await casesWithRunningClocks(tx);
  const office = open.length
    ? (await tx.select({ id: roleAssignments.userId }).from(roleAssignments).where(eq(roleAssignments.role, 'office'))).map((r) => r.id)
    : [];
  let sent = 0;
  for (const c of open) {
    await refreshDeadlines(tx, c, today, { lenient: true });
    const dls = await tx.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, c.id));
    for (const d of dls) {
      const soon = d.status === 'open' && compareIsoDates(d.due, addDays(today, DUE_SOON_DAYS)) <= 0;
      const missed = d.status === 'missed' && !d.metOn;
      if (!soon && !missed) continue;
      const kind = missed ? 'case.overdue' : 'case.due_soon';
      const link = `/cases/${c.id}?rule=${d.ruleId}`;
      const to = new Set<string>(c.handlerId ? [c.handlerId] : office);
      if (missed && c.decisionMakerId) to.add(c.decisionMakerId);
      for (const userId of to) {
        const [already] = await tx
          .select({ id: notifications.id })
          .from(notifications)
          .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind), eq(notifications.link, link)));
        if (already) continue;
        await notify(tx, {
          tenantId: c.tenantId,
          userId,
          kind,
          title: missed
            ? `${c.code}: quá hạn "${d.title}" (hạn ${formatDmy(d.due)})`
            : `${c.code}: sắp đến hạn "${d.title}" (${formatDmy(d.due)})`,
          body: c.subject,
          link,
        });
        sent++;
      }
    }
  }
  return sent;
}

/* ─────────────── oversight & statistics ─────────────── */

export async function oversight(tx: Tx, actor: Actor, today: string) {
  const scope = readableBy(actor);
  const openCases = await tx
    .select()
    .from(cases)
    .where(and(scope, inArray(cases.status, [...OPEN_CASE_STATUSES])));
  const rows = await toRows(tx, openCases);
  const soonLimit = addDays(today, DUE_SOON_DAYS);
  const dueSoon = rows.filter(
    (r) => !r.overdue && r.nextDeadline && r.nextDeadline.status === 'open' && compareIsoDates(r.nextDeadline.due, soonLimit) <= 0,
  );
  const overdue = rows.filter((r) => r.overdue);
  // Prolonged (kéo dài): open more than 90 days, or extended.
  const prolonged = rows.filter((r) => compareIsoDates(addDays(r.receivedOn, 90), today) < 0 || r.extensions > 0);
  const allRepeats = rowsOf<{ case_id: string }>(
    await tx.execute(sql`select distinct case_id from case_links where relation = 'repeat'`),
  ).map((r) => r.case_id);
  const repeatedCases = allRepeats.length
    ? await tx
        .select()
        .from(cases)
        .where(and(scope, inArray(cases.id, allRepeats)))
    : [];
  const repeated = await toRows(tx, repeatedCases);
  const group = <K extends 'unit' | 'handler'>(key: K) => {
    const m = new Map<string, { id: string; name: string; open: number; overdue: number; dueSoon: number }>();
    for (const r of rows) {
      const k = r[key];
      const id = k?.id ?? '-';
      const g = m.get(id) ?? { id, name: k?.name ?? 'Chưa giao', open: 0, overdue: 0, dueSoon: 0 };
      g.open++;
      if (r.overdue) g.overdue++;
      if (dueSoon.includes(r)) g.dueSoon++;
      m.set(id, g);
    }
    return [...m.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open);
  };
  return {
    dueSoon,
    overdue,
    prolonged,
    repeated,
    byUnit: group('unit').map((g) => ({ unit: { id: g.id, name: g.name }, open: g.open, overdue: g.overdue, dueSoon: g.dueSoon })),
    byHandler: group('handler').map((g) => ({ handler: { id: g.id, name: g.name }, open: g.open, overdue: g.overdue, dueSoon: g.dueSoon })),
  };
}

/**
 * Indicators for a period (report cycles, statistics): received, accepted, resolved, resolved on
 * time (the resolution deadline met), overdue (a deadline missed and not met, as of `asOf`).
 */
export async function caseIndicators(
  tx: Tx,
  from: string,
  to: string,
  unitIds?: string[],
): Promise<{ received: number; accepted: number; resolved: number; resolvedOnTime: number; overdue: number }> {
  const unitCond = unitIds ? (unitIds.length ? sql`and c.unit_id = any(${`{${unitIds.join(',')}}`}::uuid[])` : sql`and false`) : sql``;
  const [r] = rowsOf<{ received: number; accepted: number; resolved: number; on_time: number; overdue: number }>(
    await tx.execute(sql`
      select
        count(*) filter (where c.received_on between ${from}::date and ${to}::date)::int as received,
        count(*) filter (where c.accepted_on between ${from}::date and ${to}::date)::int as accepted,
        count(*) filter (where c.decided_on between ${from}::date and ${to}::date)::int as resolved,
        count(*) filter (where c.decided_on between ${from}::date and ${to}::date
          and not exists (select 1 from case_deadlines d where d.case_id = c.id and d.rule_id in ('KN-L1','KN-L2','TC-RESOLVE','DON-PROCESS') and d.status = 'missed'))::int as on_time,
        count(*) filter (where c.received_on <= ${to}::date
          and exists (select 1 from case_deadlines d where d.case_id = c.id and d.status = 'missed' and (d.met_on is null or d.met_on > ${to}::date) and d.due <= ${to}::date))::int as overdue
      from cases c where true ${unitCond}`),
  );
  return {
    received: r?.received ?? 0,
    accepted: r?.accepted ?? 0,
    resolved: r?.resolved ?? 0,
    resolvedOnTime: r?.on_time ?? 0,
    overdue: r?.overdue ?? 0,
  };
}

export async function statistics(tx: Tx, actor: Actor, year: number) {
  const scope = readableBy(actor);
  const list = await tx
    .select()
    .from(cases)
    .where(and(scope, sql`extract(year from ${cases.receivedOn}) = ${year}`));
  const count = <T extends string>(f: (c: CaseRow) => T) => {
    const m = new Map<T, number>();
    for (const c of list) m.set(f(c), (m.get(f(c)) ?? 0) + 1);
    return m;
  };
  const unitsMap = await unitNames(
    tx,
    list.map((c) => c.unitId),
  );
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const inMonth = list.filter((c) => c.receivedOn.startsWith(month));
    return {
      month,
      complaint: inMonth.filter((c) => c.kind === 'complaint').length,
      denunciation: inMonth.filter((c) => c.kind === 'denunciation').length,
      petition: inMonth.filter((c) => c.kind === 'petition').length,
      feedback: inMonth.filter((c) => c.kind === 'feedback').length,
    };
  });
  const ids = list.map((c) => c.id);
  const dls = ids.length ? await tx.select().from(caseDeadlines).where(inArray(caseDeadlines.caseId, ids)) : [];
  const resolved = list.filter((c) => c.decidedOn);
  const late = new Set(
    dls.filter((d) => ['KN-L1', 'KN-L2', 'TC-RESOLVE', 'DON-PROCESS'].includes(d.ruleId) && d.status === 'missed').map((d) => d.caseId),
  );
  return {
    year,
    byKind: [...count((c) => c.kind)].map(([kind, n]) => ({ kind, count: n })),
    byChannel: [...count((c) => c.channel)].map(([channel, n]) => ({ channel, count: n })),
    byUnit: [...count((c) => c.unitId ?? '-')]
      .map(([u, n]) => ({ unit: u === '-' ? null : { id: u, name: unitsMap.get(u) ?? '' }, count: n }))
      .sort((a, b) => b.count - a.count),
    byMonth,
    indicators: {
      received: list.length,
      accepted: list.filter((c) => c.acceptedOn).length,
      resolved: resolved.length,
      resolvedOnTime: resolved.filter((c) => !late.has(c.id)).length,
      overdue: new Set(dls.filter((d) => d.status === 'missed' && !d.metOn).map((d) => d.caseId)).size,
    },
  };
}

/* ─────────────── public portal ─────────────── */

/**
 * A case sent from the public portal. Idempotent on the browser's key: a retry returns the same
 * tracking code and creates nothing (issue #5).
 */
export async function submitFromPortal(
  tx: Tx,
  input: {
    kind: CaseKind;
    subject: string;
    content: string;
    identity: TIdentity | null;
    knowledgeOn: string | null;
    idempotencyKey: string;
  },
  today: string,
): Promise<{ trackingCode: string; duplicate: boolean }> {
  const [existing] = await tx.select().from(cases).where(eq(cases.idempotencyKey, input.idempotencyKey));
  if (existing) return { trackingCode: existing.trackingCode!, duplicate: true };
  const [tenant] = rowsOf<{ t: string }>(await tx.execute(sql`select current_setting('app.tenant_id') as t`));
  const role: PartyRole = input.kind === 'complaint' ? 'complainant' : input.kind === 'denunciation' ? 'denouncer' : 'petitioner';
  const c = await createCase(
    tx,
    { tenantId: tenant!.t, userId: null, name: 'Cổng thông tin công dân' },
    {
      kind: input.kind,
      channel: 'portal',
      receivedOn: today,
      subject: input.subject,
      content: input.content,
      knowledgeOn: input.knowledgeOn,
      anonymous: false,
      remote: false,
      aboutRegulation: false,
      parties: input.identity?.name ? [{ role, identity: input.identity }] : [],
      attachmentIds: [],
    } as Intake,
    today,
    { trackingCode: true, idempotencyKey: input.idempotencyKey },
  );
  return { trackingCode: c.trackingCode!, duplicate: false };
}

/** What the public sees for a tracking code: status, public steps, next due date, public answer. No names. */
export async function portalStatus(tx: Tx, trackingCode: string): Promise<TPortalStatus | null> {
  const code = trackingCode.trim().toUpperCase();
  const [c] = await tx.select().from(cases).where(eq(cases.trackingCode, code));
  if (!c) return null;
  const PUBLIC: CaseEventType[] = [
    'received',
    'accepted',
    'not_accepted',
    'forwarded',
    'guided',
    'assigned',
    'extended',
    'suspended',
    'resumed',
    'withdrawn',
    'terminated',
    'decided',
    'public_answer',
  ];
  const events = (await eventsOf(tx, c.id)).filter((e) => PUBLIC.includes(e.type as CaseEventType));
  const dls = await tx.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, c.id));
  const next = dls
    .filter((d) => d.status === 'open' || (d.status === 'stopped' && c.status === 'suspended'))
    .sort((a, b) => compareIsoDates(a.due, b.due))[0];
  return {
    trackingCode: c.trackingCode!,
    kind: c.kind as CaseKind,
    subject: c.subject,
    receivedOn: c.receivedOn,
    status: c.status as CaseStatus,
    statusLabel: CASE_STATUS_LABELS[c.status as CaseStatus],
    // Labels only: event summaries can name units, handlers or decision numbers.
    steps: events.map((e) => ({ on: e.on, label: EVENT_TYPE_LABELS[e.type as CaseEventType] })),
    nextDue: next?.due ?? null,
    publicAnswer: c.publicAnswer,
  };
}
