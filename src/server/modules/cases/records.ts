/** Shared internals of the cases module: loading a case, its events and facts, names, the event log, attachments, dates, links, the agency head. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { compareIsoDates, formatDmy } from '../../../domain';
import type { DeadlineError } from '../../../domain/deadlines';
import type { ZCaseIntake, CaseEventType } from '../../../contracts/cases';
import type { AuditActor } from '../../platform/audit';
import type { Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import { attachments, users, roleAssignments, units } from '../../platform/tables';
import type { CaseRecord } from './policy';
import { caseEvents, caseLinks, cases } from './tables';

export type CaseRow = typeof cases.$inferSelect;

export type Intake = ReturnType<typeof ZCaseIntake.parse>;

/** Days before a due date when a deadline counts as "due soon" in oversight. */
export const DUE_SOON_DAYS = 5;

export function deadlineToApp(e: DeadlineError, field: string): AppError {
  return new AppError(e.code, { params: { ...e.params }, fields: [{ field, vi: `${field}: ${e.vi}`, en: `${field}: ${e.en}` }] });
}

export async function userNames(tx: Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await tx.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function unitNames(tx: Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function recordOf(
  c: Pick<CaseRow, 'kind' | 'status' | 'unitId' | 'handlerId' | 'decisionMakerId'> & { pendingAssignment?: unknown },
): CaseRecord {
  return {
    kind: c.kind,
    status: c.status,
    unitId: c.unitId,
    handlerId: c.handlerId,
    decisionMakerId: c.decisionMakerId,
    pendingAssignment: !!c.pendingAssignment,
  };
}

export async function loadCase(tx: Tx, id: string): Promise<CaseRow> {
  const [c] = await tx.select().from(cases).where(eq(cases.id, id));
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

export async function eventsOf(tx: Tx, caseId: string) {
  return tx.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.on), asc(caseEvents.at));
}

export function factsOf(c: CaseRow) {
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

export async function addEvent(
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
  if (e.attachmentId) await claimAttachment(tx, c.id, e.attachmentId, who.userId);
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

/**
 * An attached document becomes part of the case file and is served only to its readers. Only the
 * caller's own upload that no record holds yet may be claimed (or a document already in this
 * case): anyone else's pending upload, a denouncer's letter among them, is answered as if it did
 * not exist, and nothing changes (issue #16 point 5).
 * @param userId the person acting (null for the portal, which may claim nothing).
 * @throws NOT_FOUND (naming `attachmentId`) for an unknown id or someone else's upload.
 */
export async function claimAttachment(tx: Tx, caseId: string, attachmentId: string, userId: string | null): Promise<void> {
  const [f] = await tx
    .select({ id: attachments.id, entityType: attachments.entityType, entityId: attachments.entityId, uploadedBy: attachments.uploadedBy })
    .from(attachments)
    .where(eq(attachments.id, attachmentId));
  const inThisCase = f?.entityType === 'case' && f.entityId === caseId;
  const mine = !!f && userId !== null && (f.uploadedBy === userId || (f.entityType === 'case_pending' && f.entityId === userId));
  if (!f || !(mine || inThisCase))
    throw new AppError('NOT_FOUND', {
      fields: [{ field: 'attachmentId', vi: 'attachmentId: không tìm thấy tệp đính kèm', en: 'attachmentId: attachment not found' }],
    });
  if (inThisCase) return;
  const pending = f.entityType === null || (f.entityType === 'case_pending' && f.entityId === userId);
  if (!pending) throw invalid('attachmentId', 'tệp này đã thuộc hồ sơ khác', 'this file already belongs to another record');
  await tx.update(attachments).set({ entityType: 'case', entityId: caseId }).where(eq(attachments.id, attachmentId));
}

export function checkDate(field: string, on: string, today: string, notBefore?: string | null) {
  if (compareIsoDates(on, today) > 0)
    throw invalid(field, `không được sau ngày hôm nay (${formatDmy(today)})`, `cannot be after today (${today})`);
  if (notBefore && compareIsoDates(on, notBefore) < 0)
    throw invalid(field, `không được trước ngày ${formatDmy(notBefore)}`, `cannot be before ${notBefore}`);
}

/** Who acts: the audit identity (a person, or the portal with no user). */
export type Who = AuditActor;

export async function linkCases(tx: Tx, c: CaseRow, otherId: string, relation: 'duplicate' | 'repeat' | 'related') {
  await tx.insert(caseLinks).values({ tenantId: c.tenantId, caseId: c.id, otherId, relation }).onConflictDoNothing();
  await tx.insert(caseLinks).values({ tenantId: c.tenantId, caseId: otherId, otherId: c.id, relation }).onConflictDoNothing();
}

export async function isMemberOf(tx: Tx, userId: string, unitId: string): Promise<boolean> {
  const r = await tx
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.unitId, unitId)));
  return r.length > 0;
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
