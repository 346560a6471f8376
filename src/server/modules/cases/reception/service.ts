/**
 * Citizen reception (issue #5): the head's schedule and the register book.
 * Law on Citizen Reception 42/2013/QH13 as amended by Law 136/2025/QH15:
 * - Art. 18(2): the head of an agency receives citizens at least one day a month (TCD-HEAD-FREQ);
 *   from 01/07/2026 the head may not delegate it to a deputy.
 * - Art. 24: the head's schedule is published at least 5 working days before (TCD-SCHED).
 * - Art. 3a (new): online reception from 01/07/2026.
 * - Art. 25(2): the register book's fields; Art. 25(3): mixed content is split by kind.
 * - Art. 28(1): the visitor is answered within 10 working days (TCD-REPLY).
 */
import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { compareIsoDates, formatDmy, LAW_136_2025_EFFECTIVE } from '../../../../domain';
import { computeDeadline, deadlineYears } from '../../../../domain/deadlines';
import type { WorkingCalendar } from '../../../../domain';
import type { CaseKind, PartyRole, TIdentity } from '../../../../contracts/cases';
import {
  ENTRY_COUNT_CAP,
  ENTRY_PAGE_MAX,
  type TReceptionEntry,
  type TPublishBy,
  type TReceptionEntryPage,
  type TReceptionSession,
  type ZEntryInput,
} from '../../../../contracts/reception';
import type { z } from 'zod';
import { recordAudit } from '../../../platform/audit';
import { rowsOf, type Tx } from '../../../platform/db';
import type { ActorContext, Context } from '../../../platform/module';
import { AppError, invalid } from '../../../platform/errors';
import { openIdentity, sealIdentity } from '../../../platform/identity-crypto';
import { can, hasRole, type Actor } from '../../../platform/roles';
import { users, roleAssignments } from '../../../platform/tables';
import { workingCalendarFor } from '../../calendar';
import { createCase } from '../commands/create-case';
import { agencyHead, recordOf } from '../records';
import { casePolicy, isDecisionMaker, isHandler, isOffice } from '../policy';
import { cases, identityReveals, protectedIdentities } from '../tables';
import { receptionEntries, receptionSessions } from './tables';

/** Law 136/2025/QH15: online reception and the head's non-delegation apply from this day. */
const RECEPTION_AMENDMENT_FROM = LAW_136_2025_EFFECTIVE;

type SessionRow = typeof receptionSessions.$inferSelect;
type EntryRow = typeof receptionEntries.$inferSelect;

/** Calendars by the years they cover, loaded once per request (a list computes many dates). */
type CalendarCache = Map<string, Promise<WorkingCalendar>>;

async function computeRule(tx: Tx, ruleId: string, trigger: string, cache: CalendarCache = new Map()) {
  const input = { trigger };
  const years = deadlineYears(ruleId, input);
  const key = years.join(',');
  // One query at a time on PGlite: the cache holds the promise so concurrent callers share it.
  if (!cache.has(key)) cache.set(key, workingCalendarFor(tx, years));
  const cal = await cache.get(key)!;
  return computeDeadline(ruleId, input, () => cal);
}

function mustManage(actor: Actor) {
  if (!can(actor, 'reception.manage')) throw new AppError('FORBIDDEN');
}

/** Register readers: the Office, leadership and the People's Inspection Board (supervision). */
function mayReadRegister(actor: Actor): boolean {
  return can(actor, 'reception.manage') || hasRole(actor, 'leader') || hasRole(actor, 'inspection');
}

async function names(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tx
    .select({ id: users.id, name: users.fullName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function toSession(
  tx: Tx,
  s: SessionRow,
  entryCounts: Map<string, number>,
  hostNames: Map<string, string>,
  cache: CalendarCache,
  explain: boolean,
): Promise<TReceptionSession> {
  const r = await computeRule(tx, 'TCD-SCHED', s.date, cache);
  return {
    id: s.id,
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    hostKind: s.hostKind as TReceptionSession['hostKind'],
    host: { id: s.hostId, name: hostNames.get(s.hostId) ?? '' },
    mode: s.mode as TReceptionSession['mode'],
    place: s.place,
    bridgePoints: s.bridgePoints,
    attendees: s.attendees,
    topics: s.topics,
    adhoc: s.adhoc,
    status: s.status as TReceptionSession['status'],
    publishBy: r.due,
    ...(explain ? { publishByExplanation: [...r.explanation] } : {}),
    publishedOn: s.publishedOn,
    // Art. 24(4) sets the 5-working-day notice for the head's schedule only.
    publishedLate: s.hostKind === 'head' && s.publishedOn ? compareIsoDates(s.publishedOn, r.due) > 0 : false,
    postponedTo: s.postponedTo,
    statusReason: s.statusReason,
    entries: entryCounts.get(s.id) ?? 0,
    version: s.version,
  };
}

/**
 * Sessions as the API sends them. `explain`: with how each publication deadline was counted — for
 * one session after a change; a list leaves it out (`publishByOf` gives it on demand).
 */
async function sessionsAsDto(tx: Tx, list: SessionRow[], explain = true): Promise<TReceptionSession[]> {
  const hostNames = await names(
    tx,
    list.map((s) => s.hostId),
  );
  const counts = new Map<string, number>();
  if (list.length) {
    const rows = await tx
      .select({ id: receptionEntries.sessionId, n: sql<number>`count(*)::int` })
      .from(receptionEntries)
      .where(
        inArray(
          receptionEntries.sessionId,
          list.map((s) => s.id),
        ),
      )
      .groupBy(receptionEntries.sessionId);
    for (const r of rows) if (r.id) counts.set(r.id, r.n);
  }
  const out: TReceptionSession[] = [];
  const cache: CalendarCache = new Map();
  for (const s of list) out.push(await toSession(tx, s, counts, hostNames, cache, explain));
  return out;
}

/** Sessions of a year and, per month, whether the head received citizens (Art. 18(2)). */
export async function listSessions(
  tx: Tx,
  year: number,
  today: string,
): Promise<{ sessions: TReceptionSession[]; months: { month: string; headSessions: number; ok: boolean }[] }> {
  const list = await tx
    .select()
    .from(receptionSessions)
    .where(and(gte(receptionSessions.date, `${year}-01-01`), lte(receptionSessions.date, `${year}-12-31`)))
    .orderBy(asc(receptionSessions.date), asc(receptionSessions.startTime));
  const sessions = await sessionsAsDto(tx, list, false);
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const headSessions = list.filter((s) => s.date.startsWith(month) && countsForHead(s, today)).length;
    return { month, headSessions, ok: headSessions >= 1 };
  });
  return { sessions, months };
}

/** A session counts toward the head's monthly day if the head hosts it (before 01/07/2026 a deputy by delegation). */
function countsForHead(s: SessionRow, today: string): boolean {
  if (s.status === 'cancelled' || s.status === 'postponed') return false;
  // A past day counts only if it was held; a coming one counts as planned.
  if (s.status !== 'held' && compareIsoDates(s.date, today) < 0) return false;
  if (s.hostKind === 'head') return true;
  return s.hostKind === 'deputy' && compareIsoDates(s.date, RECEPTION_AMENDMENT_FROM) < 0;
}

type SessionInput = {
  date: string;
  startTime: string;
  endTime: string;
  hostKind: 'head' | 'deputy' | 'officer';
  hostId: string;
  mode: 'in_person' | 'online';
  place: string;
  bridgePoints?: string | null;
  attendees?: string | null;
  topics?: string | null;
  adhoc: boolean;
};

async function checkSession(tx: Tx, s: SessionInput): Promise<void> {
  if (s.endTime <= s.startTime) throw invalid('endTime', 'giờ kết thúc phải sau giờ bắt đầu', 'must be after the start time');
  if (s.mode === 'online' && compareIsoDates(s.date, RECEPTION_AMENDMENT_FROM) < 0) {
    throw invalid(
      'mode',
      'tiếp công dân trực tuyến chỉ áp dụng từ ngày 01/07/2026 (Luật số 136/2025/QH15)',
      'online reception applies from 01/07/2026 (Law 136/2025/QH15)',
    );
  }
  const [host] = await tx.select().from(users).where(eq(users.id, s.hostId));
  if (!host?.isActive) throw invalid('hostId', 'không tìm thấy người chủ trì', 'host not found');
  if (s.hostKind === 'head') {
    const head = await agencyHead(tx);
    if (head !== s.hostId) {
      throw invalid(
        'hostId',
        'buổi tiếp của người đứng đầu phải do chính người đứng đầu chủ trì; từ 01/07/2026 không được ủy quyền cho cấp phó',
        'the head must host the head’s session in person; from 01/07/2026 it may not be delegated',
      );
    }
  }
}

export async function createSession(ctx: ActorContext, input: SessionInput): Promise<TReceptionSession> {
  const { tx, actor, who } = ctx;
  mustManage(actor);
  await checkSession(tx, input);
  const [s] = await tx
    .insert(receptionSessions)
    .values({
      tenantId: actor.tenantId,
      ...input,
      bridgePoints: input.bridgePoints ?? null,
      attendees: input.attendees ?? null,
      topics: input.topics ?? null,
    })
    .returning();
  await recordAudit(tx, who, {
    action: 'reception_session.create',
    entityType: 'reception_session',
    entityId: s!.id,
    summary: `Lịch tiếp ngày ${formatDmy(s!.date)}`,
    after: s,
  });
  return (await sessionsAsDto(tx, [s!]))[0]!;
}

async function loadSession(tx: Tx, id: string): Promise<SessionRow> {
  const [s] = await tx.select().from(receptionSessions).where(eq(receptionSessions.id, id));
  if (!s) throw new AppError('NOT_FOUND');
  return s;
}

export async function updateSession(
  ctx: ActorContext,
  id: string,
  input: Partial<SessionInput> & { version: number },
): Promise<TReceptionSession> {
  const { tx, actor, who } = ctx;
  mustManage(actor);
  const s = await loadSession(tx, id);
  if (s.version !== input.version) throw new AppError('STALE_VERSION');
  const { version: _v, ...patch } = input;
  const next = { ...s, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as SessionRow;
  await checkSession(tx, next as unknown as SessionInput);
  // Law 42/2013 Art. 24: a published session whose day, time or place changes is announced again.
  const moved = s.status === 'published' && (next.date !== s.date || next.startTime !== s.startTime || next.place !== s.place);
  const [u] = await tx
    .update(receptionSessions)
    .set({
      date: next.date,
      startTime: next.startTime,
      endTime: next.endTime,
      hostKind: next.hostKind,
      hostId: next.hostId,
      mode: next.mode,
      place: next.place,
      bridgePoints: next.bridgePoints,
      attendees: next.attendees,
      topics: next.topics,
      adhoc: next.adhoc,
      version: s.version + 1,
      ...(moved ? { status: 'planned', publishedOn: null } : {}),
    })
    .where(and(eq(receptionSessions.id, id), eq(receptionSessions.version, s.version)))
    .returning();
  if (!u) throw new AppError('STALE_VERSION');
  await recordAudit(tx, who, {
    action: 'reception_session.update',
    entityType: 'reception_session',
    entityId: id,
    summary: `Lịch tiếp ngày ${formatDmy(u!.date)}`,
    before: s,
    after: u,
  });
  return (await sessionsAsDto(tx, [u!]))[0]!;
}

export async function sessionAction(
  ctx: ActorContext,
  id: string,
  a:
    | { action: 'publish'; version: number; on: string }
    | { action: 'held'; version: number }
    | { action: 'postpone'; version: number; newDate: string; reason: string }
    | { action: 'cancel'; version: number; reason: string },
): Promise<TReceptionSession> {
  const { tx, actor, who, today } = ctx;
  mustManage(actor);
  const s = await loadSession(tx, id);
  if (s.version !== a.version) throw new AppError('STALE_VERSION');
  let set: Partial<SessionRow> = {};
  let summary = '';
  switch (a.action) {
    case 'publish':
      if (s.status !== 'planned') throw new AppError('RECEPTION_WRONG_STATE');
      if (compareIsoDates(a.on, today) > 0) throw invalid('on', 'không được sau ngày hôm nay', 'cannot be after today');
      set = { status: 'published', publishedOn: a.on };
      summary = `Thông báo lịch tiếp ngày ${formatDmy(s.date)}`;
      break;
    case 'held':
      if (s.status !== 'published' && s.status !== 'planned') throw new AppError('RECEPTION_WRONG_STATE');
      if (compareIsoDates(s.date, today) > 0) throw invalid('date', 'buổi tiếp chưa diễn ra', 'the session has not happened yet');
      set = { status: 'held' };
      summary = `Đã tiếp công dân ngày ${formatDmy(s.date)}`;
      break;
    case 'postpone': {
      if (s.status === 'held' || s.status === 'cancelled' || s.status === 'postponed') throw new AppError('RECEPTION_WRONG_STATE');
      if (compareIsoDates(a.newDate, s.date) <= 0)
        throw invalid('newDate', 'ngày mới phải sau ngày đã định', 'must be after the planned date');
      set = { status: 'postponed', postponedTo: a.newDate, statusReason: a.reason };
      // Art. 24: a postponed session is announced again: the new date is a new, unpublished session.
      await tx.insert(receptionSessions).values({
        ...s,
        id: undefined,
        date: a.newDate,
        status: 'planned',
        publishedOn: null,
        postponedTo: null,
        statusReason: `Hoãn từ ngày ${formatDmy(s.date)}: ${a.reason}`,
        version: 1,
        createdAt: undefined,
      });
      summary = `Hoãn buổi tiếp ngày ${formatDmy(s.date)} sang ${formatDmy(a.newDate)}: ${a.reason}`;
      break;
    }
    case 'cancel':
      if (s.status === 'held' || s.status === 'cancelled') throw new AppError('RECEPTION_WRONG_STATE');
      set = { status: 'cancelled', statusReason: a.reason };
      summary = `Hủy buổi tiếp ngày ${formatDmy(s.date)}: ${a.reason}`;
      break;
  }
  const [u] = await tx
    .update(receptionSessions)
    .set({ ...set, version: s.version + 1 })
    .where(and(eq(receptionSessions.id, id), eq(receptionSessions.version, s.version)))
    .returning();
  if (!u) throw new AppError('STALE_VERSION');
  await recordAudit(tx, who, {
    action: `reception_session.${a.action}`,
    entityType: 'reception_session',
    entityId: id,
    summary,
    before: { status: s.status },
    after: { status: u!.status, publishedOn: u!.publishedOn, postponedTo: u!.postponedTo },
  });
  return (await sessionsAsDto(tx, [u!]))[0]!;
}

/** People who may host: leaders (head or deputy) and the Office's reception officers. */
export async function hosts(tx: Tx): Promise<{ id: string; name: string; title: string | null; kind: 'head' | 'deputy' | 'officer' }[]> {
  const head = await agencyHead(tx);
  const rows = await tx
    .select({ id: users.id, name: users.fullName, title: users.position, role: roleAssignments.role })
    .from(users)
    .innerJoin(roleAssignments, and(eq(roleAssignments.tenantId, users.tenantId), eq(roleAssignments.userId, users.id)))
    .where(and(inArray(roleAssignments.role, ['leader', 'office']), eq(users.isActive, true)));
  const seen = new Map<string, { id: string; name: string; title: string | null; kind: 'head' | 'deputy' | 'officer' }>();
  for (const r of rows) {
    const kind = r.id === head ? 'head' : r.role === 'leader' ? 'deputy' : 'officer';
    const prev = seen.get(r.id);
    if (!prev || (prev.kind === 'officer' && kind !== 'officer')) seen.set(r.id, { id: r.id, name: r.name, title: r.title, kind });
  }
  const order = { head: 0, deputy: 1, officer: 2 };
  return [...seen.values()].sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name, 'vi'));
}

/** What the public portal shows: published sessions from today on (Art. 24: posted on the website). */
export async function publicSchedule(tx: Tx, today: string): Promise<TReceptionSession[]> {
  const list = await tx
    .select()
    .from(receptionSessions)
    .where(and(gte(receptionSessions.date, today), eq(receptionSessions.status, 'published')))
    .orderBy(asc(receptionSessions.date))
    .limit(50);
  // Attendee lists stay internal; the host, place, time and topics are public.
  return (await sessionsAsDto(tx, list, false)).map((s) => ({ ...s, attendees: null, entries: 0 }));
}

/**
 * A session's publication deadline and how it was counted (Law 42/2013 Art. 24: the schedule is
 * published at least 5 working days before), for the schedule's tooltip.
 * @throws AppError NOT_FOUND when the agency has no such session.
 */
export async function publishByOf(tx: Tx, id: string): Promise<TPublishBy> {
  const [s] = await tx.select({ date: receptionSessions.date }).from(receptionSessions).where(eq(receptionSessions.id, id));
  if (!s) throw new AppError('NOT_FOUND');
  const r = await computeRule(tx, 'TCD-SCHED', s.date);
  return { publishBy: r.due, explanation: [...r.explanation] };
}

/* ─────────────── register book ─────────────── */

const MAIN_ROLE: Record<CaseKind, PartyRole> = {
  complaint: 'complainant',
  denunciation: 'denouncer',
  petition: 'petitioner',
  feedback: 'petitioner',
};

type EntryInput = z.infer<typeof ZEntryInput>;

/**
 * The next line number of the year's register book (sổ tiếp công dân, kept per Circular
 * 04/2021/TT-TTCP; its lines are numbered from 1 each year). A counter row in `case_counters` under the prefix "TCD-<year>-"
 * hands numbers out one `INSERT … ON CONFLICT DO UPDATE … RETURNING` at a time: clerks writing
 * lines at once wait on the row and get consecutive numbers. The book's highest line before the
 * counter existed is where it starts. (It took `max(seq_no) + 1` unlocked: with 12 clerks at once
 * on PostgreSQL, nine lines in ten were refused by the unique index.)
 */
async function nextBookNumber(tx: Tx, year: number): Promise<number> {
  const prefix = `TCD-${year}-`;
  const [r] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      insert into case_counters (tenant_id, prefix, last)
      select app_current_tenant(), ${prefix}, coalesce(max(seq_no), 0) + 1
      from reception_entries where year = ${year}
      on conflict (tenant_id, prefix) do update set last = case_counters.last + 1
      returning last as n`),
  );
  return r!.n;
}

/**
 * Write a line in the register book and open one case per part of its content (Art. 25(3)).
 * A part that is a denunciation makes the whole line protected: the visitors' identities are
 * masked in the book too (Law 25/2018 Art. 8(3)).
 */
export async function createEntry(ctx: ActorContext, input: EntryInput): Promise<TReceptionEntry> {
  const { tx, actor, who, today } = ctx;
  mustManage(actor);
  if (compareIsoDates(input.receivedOn, today) > 0) throw invalid('receivedOn', 'không được sau ngày hôm nay', 'cannot be after today');
  if (input.groupSize < input.visitors.length)
    throw invalid('groupSize', 'không được ít hơn số người đã ghi tên', 'cannot be less than the visitors named');
  if (input.sessionId) {
    const s = await loadSession(tx, input.sessionId).catch(() => {
      throw invalid('sessionId', 'không tìm thấy buổi tiếp', 'session not found');
    });
    if (s.date !== input.receivedOn)
      throw invalid('receivedOn', `phải trùng ngày của buổi tiếp (${formatDmy(s.date)})`, `must be the session’s date (${s.date})`);
  }
  const kinds = input.parts.map((p) => p.kind);
  if (new Set(kinds).size !== kinds.length) throw invalid('parts', 'mỗi loại nội dung chỉ tách thành một đơn', 'one part per kind');
  const year = Number(input.receivedOn.slice(0, 4));
  const n = await nextBookNumber(tx, year);
  const reply = await computeRule(tx, 'TCD-REPLY', input.receivedOn);
  const isProtected = kinds.includes('denunciation');
  const [e] = await tx
    .insert(receptionEntries)
    .values({
      tenantId: actor.tenantId,
      year,
      seqNo: n,
      sessionId: input.sessionId ?? null,
      receivedOn: input.receivedOn,
      groupSize: input.groupSize,
      protected: isProtected,
      content: input.content,
      priorHandling: input.priorHandling ?? null,
      request: input.request ?? null,
      handling: input.handling ?? null,
      documentsReceived: input.documentsReceived ?? null,
      signed: input.signed,
      officerId: actor.userId,
      officerName: actor.fullName,
      replyBy: reply.due,
      replyExplanation: [...reply.explanation],
    })
    .returning();
  const entry = e!;
  for (const [i, v] of input.visitors.entries()) {
    const sealed = sealIdentity(v);
    await tx.insert(protectedIdentities).values({
      tenantId: actor.tenantId,
      entryId: entry.id,
      role: 'petitioner',
      ordinal: i + 1,
      protected: isProtected,
      cipher: sealed.cipher,
      keyId: sealed.keyId,
    });
  }
  for (const [i, p] of input.parts.entries()) {
    try {
      await createCase(
        ctx,
        {
          kind: p.kind,
          channel: 'in_person',
          receivedOn: input.receivedOn,
          subject: p.subject,
          content: p.content,
          knowledgeOn: p.knowledgeOn ?? null,
          firstInstanceCaseId: p.kind === 'complaint' ? (p.firstInstanceCaseId ?? null) : null,
          anonymous: false,
          remote: input.remote,
          aboutRegulation: false,
          receptionEntryId: entry.id,
          parties: input.visitors.map((v) => ({ role: MAIN_ROLE[p.kind], identity: v })),
          attachmentIds: [],
        } as never,
        // The visitors of a line with a denunciation stay masked in every case split from it.
        { trackingCode: true, protectParties: isProtected },
      );
    } catch (e) {
      // A part's own check (the second complaint's first instance, a date) names the part's field.
      if (e instanceof AppError && e.fields.length) {
        throw new AppError(e.code, {
          params: e.params,
          fields: e.fields.map((f) => ({ field: `parts.${i}.${f.field}`, vi: `parts.${i}.${f.vi}`, en: `parts.${i}.${f.en}` })),
        });
      }
      throw e;
    }
  }
  await recordAudit(tx, who, {
    action: 'reception_entry.create',
    entityType: 'reception_entry',
    entityId: entry.id,
    summary: `Sổ tiếp công dân số ${entry.seqNo}/${year}: ${input.visitors.length} người (đoàn ${input.groupSize}), tách ${input.parts.length} đơn`,
    after: { seqNo: entry.seqNo, year, receivedOn: entry.receivedOn, groupSize: entry.groupSize, parts: kinds, protected: isProtected },
  });
  return getEntry(ctx, entry.id);
}

/** Visitors a line of the list carries (the table shows two and "+n"); the line itself has them all. */
export const LIST_VISITORS = 3;
/**
 * Bytes of lines one page of the book may hold (issue #17: no response over 200 kB): a page ends
 * before the line that would pass this, so a page of long lines holds fewer of them.
 */
export const ENTRY_PAGE_BYTES = 150_000;

type EntryWithSession = EntryRow & { sessionDate?: string | null };

/**
 * Lines as readers see them. `list`: the lines of a page of the book — at most LIST_VISITORS
 * visitors each (with `visitorCount`), without the reply date's explanation (the line itself,
 * GET /reception/entries/:id, has both), and no more lines than fit in ENTRY_PAGE_BYTES. A line's
 * visitors are opened only once the line is known to fit: a line not sent is never opened.
 */
async function entriesAsDto(
  tx: Tx,
  actor: Actor,
  list: EntryWithSession[],
  today: string,
  opts: { list?: boolean } = {},
): Promise<TReceptionEntry[]> {
  if (!list.length) return [];
  const ids = list.map((e) => e.id);
  const shown = opts.list ? LIST_VISITORS : 1_000_000;
  // Only the visitors a page shows are read with their sealed identity; the others are counted.
  const idents = await tx
    .select({
      entryId: protectedIdentities.entryId,
      ordinal: protectedIdentities.ordinal,
      protected: protectedIdentities.protected,
      keyId: protectedIdentities.keyId,
      cipher: sql<string | null>`case when ${protectedIdentities.ordinal} <= ${shown} then ${protectedIdentities.cipher} end`,
      count: sql<number>`(count(*) over (partition by ${protectedIdentities.entryId}))::int`,
    })
    .from(protectedIdentities)
    .where(inArray(protectedIdentities.entryId, ids));
  const linked = await tx
    .select({
      id: cases.id,
      code: cases.code,
      kind: cases.kind,
      status: cases.status,
      entryId: cases.receptionEntryId,
      unitId: cases.unitId,
      handlerId: cases.handlerId,
      decisionMakerId: cases.decisionMakerId,
    })
    .from(cases)
    .where(inArray(cases.receptionEntryId, ids));
  const missingSession = list.filter((e) => e.sessionId && e.sessionDate === undefined).map((e) => e.sessionId!);
  const sessions = missingSession.length
    ? await tx
        .select({ id: receptionSessions.id, date: receptionSessions.date })
        .from(receptionSessions)
        .where(inArray(receptionSessions.id, missingSession))
    : [];
  const sessionDate = (e: EntryWithSession) => e.sessionDate ?? sessions.find((x) => x.id === e.sessionId)?.date ?? null;
  // A line holding a denunciation: its words often identify the denouncer, so they go only to
  // those who work the denunciation (the Office that keeps the book, its handler and
  // decision-maker), as on the case itself (Law 25/2018 Art. 8(3); issue #16 point 5).
  const opens = (e: EntryRow) =>
    !e.protected ||
    isOffice(actor) ||
    linked.some((c) => c.entryId === e.id && c.kind === 'denunciation' && (isHandler(actor, c) || isDecisionMaker(actor, c)));
  const out: TReceptionEntry[] = [];
  let bytes = 0;
  for (const e of list) {
    const mine = idents.filter((i) => i.entryId === e.id && i.cipher !== null).sort((a, b) => a.ordinal - b.ordinal);
    const row: TReceptionEntry = {
      id: e.id,
      year: e.year,
      seqNo: e.seqNo,
      receivedOn: e.receivedOn,
      session: e.sessionId ? { id: e.sessionId, date: sessionDate(e)! } : null,
      groupSize: e.groupSize,
      visitors: mine.map((i) => ({ label: `Người đến ${i.ordinal}`, masked: i.protected, identity: null })),
      visitorCount: idents.find((i) => i.entryId === e.id)?.count ?? 0,
      protected: e.protected,
      // Only the handler or decision-maker of the line's DENUNCIATION (not of its other parts).
      canReveal: e.protected && linked.some((c) => c.entryId === e.id && c.kind === 'denunciation' && casePolicy.reveal(actor, c)),
      content: opens(e) ? e.content : '',
      substanceHidden: !opens(e),
      priorHandling: opens(e) ? e.priorHandling : null,
      request: opens(e) ? e.request : null,
      handling: opens(e) ? e.handling : null,
      documentsReceived: opens(e) ? e.documentsReceived : null,
      signed: e.signed,
      officer: { id: e.officerId, name: e.officerName },
      replyBy: e.replyBy,
      replyByExplanation: opts.list ? [] : (e.replyExplanation as string[]),
      repliedOn: e.repliedOn,
      replyOutcome: e.replyOutcome as TReceptionEntry['replyOutcome'],
      replyOverdue: e.repliedOn ? compareIsoDates(e.repliedOn, e.replyBy) > 0 : compareIsoDates(today, e.replyBy) > 0,
      cases: linked
        .filter((c) => c.entryId === e.id)
        .map((c) => ({ id: c.id, code: c.code, kind: c.kind as CaseKind, status: c.status as TReceptionEntry['cases'][number]['status'] })),
      version: e.version,
    };
    if (opts.list) {
      // The line's size before its visitors are opened: a sealed identity (base64 of the JSON,
      // its IV and tag) is longer than the JSON it opens to, so this bounds what is sent.
      const size = Buffer.byteLength(JSON.stringify(row)) + mine.reduce((n, i) => n + (i.protected ? 0 : i.cipher!.length), 0);
      if (out.length && bytes + size > ENTRY_PAGE_BYTES) break;
      bytes += size;
    }
    row.visitors = mine.map((i) => ({
      label: `Người đến ${i.ordinal}`,
      masked: i.protected,
      identity: i.protected ? null : openIdentity<TIdentity>(i.cipher!, i.keyId),
    }));
    out.push(row);
  }
  return out;
}

/**
 * One page of the register book, newest line first, and how many lines match (issue #17: the
 * book was sent whole, up to 500 lines with their visitors' identities, 1.5 MB at a large agency).
 * Only the page's lines are read and only their visitors' identities are opened. The count stops
 * at ENTRY_COUNT_CAP: with a search it reads the matching lines, and past the cap the page says
 * "more than". `nextOffset` is where the next page starts (a page of long lines ends early, see
 * ENTRY_PAGE_BYTES), null on the last page.
 */
export async function listEntries(
  ctx: ActorContext,
  q: { year?: number; q?: string; limit?: number; offset?: number },
): Promise<TReceptionEntryPage> {
  const { tx, actor, today } = ctx;
  if (!mayReadRegister(actor)) throw new AppError('FORBIDDEN');
  const conds = [q.year ? eq(receptionEntries.year, q.year) : undefined];
  if (q.q) {
    const like = `%${q.q.normalize('NFC').replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(sql`f_unaccent(lower(${receptionEntries.content})) like f_unaccent(lower(${like}))`);
    // Searching the words of a protected line would tell what it says: only the Office searches them.
    if (!isOffice(actor)) conds.push(eq(receptionEntries.protected, false));
  }
  const where = and(...conds);
  const [counted] = rowsOf<{ n: number }>(
    await tx.execute(
      sql`select count(*)::int as n from (select 1 from ${receptionEntries} where ${where ?? sql`true`} limit ${ENTRY_COUNT_CAP + 1}) capped`,
    ),
  );
  const n = counted?.n ?? 0;
  const limit = Math.min(q.limit ?? ENTRY_PAGE_MAX, ENTRY_PAGE_MAX);
  const offset = q.offset ?? 0;
  // One line more than the page: whether a next page exists, past the count's cap too. Without
  // how each reply date was counted: half of a line's bytes, which a page does not send (the
  // line's own `GET /entries/:id` does).
  const { replyExplanation: _explanation, ...pageColumns } = getTableColumns(receptionEntries);
  const found = await tx
    .select({ e: pageColumns, sessionDate: receptionSessions.date })
    .from(receptionEntries)
    .leftJoin(
      receptionSessions,
      and(eq(receptionSessions.tenantId, receptionEntries.tenantId), eq(receptionSessions.id, receptionEntries.sessionId)),
    )
    .where(where)
    .orderBy(desc(receptionEntries.year), desc(receptionEntries.seqNo))
    .limit(limit + 1)
    .offset(offset);
  const list = found.slice(0, limit).map((r) => ({ ...r.e, replyExplanation: [], sessionDate: r.sessionDate }));
  const rows = await entriesAsDto(tx, actor, list, today, { list: true });
  const more = rows.length < list.length || found.length > limit;
  return {
    rows,
    total: Math.min(n, ENTRY_COUNT_CAP),
    totalCapped: n > ENTRY_COUNT_CAP,
    nextOffset: more ? offset + rows.length : null,
  };
}

export async function getEntry(ctx: ActorContext, id: string): Promise<TReceptionEntry> {
  const { tx, actor, today } = ctx;
  if (!mayReadRegister(actor)) throw new AppError('NOT_FOUND');
  const [e] = await tx.select().from(receptionEntries).where(eq(receptionEntries.id, id));
  if (!e) throw new AppError('NOT_FOUND');
  return (await entriesAsDto(tx, actor, [e], today))[0]!;
}

export async function replyEntry(
  ctx: ActorContext,
  id: string,
  input: { version: number; on: string; outcome: string; note?: string | null },
): Promise<TReceptionEntry> {
  const { tx, actor, who, today } = ctx;
  mustManage(actor);
  const [e] = await tx.select().from(receptionEntries).where(eq(receptionEntries.id, id));
  if (!e) throw new AppError('NOT_FOUND');
  if (e.version !== input.version) throw new AppError('STALE_VERSION');
  if (compareIsoDates(input.on, today) > 0) throw invalid('on', 'không được sau ngày hôm nay', 'cannot be after today');
  if (compareIsoDates(input.on, e.receivedOn) < 0) throw invalid('on', 'không được trước ngày tiếp', 'cannot be before the visit');
  const done = await tx
    .update(receptionEntries)
    .set({ repliedOn: input.on, replyOutcome: input.outcome, replyNote: input.note ?? null, version: e.version + 1 })
    .where(and(eq(receptionEntries.id, id), eq(receptionEntries.version, e.version)))
    .returning({ id: receptionEntries.id });
  if (!done.length) throw new AppError('STALE_VERSION');
  await recordAudit(tx, who, {
    action: 'reception_entry.reply',
    entityType: 'reception_entry',
    entityId: id,
    summary: `Trả lời người đến (số ${e.seqNo}/${e.year}) ngày ${formatDmy(input.on)}${compareIsoDates(input.on, e.replyBy) > 0 ? ' — quá hạn' : ''}`,
    before: { repliedOn: e.repliedOn, replyOutcome: e.replyOutcome },
    after: { repliedOn: input.on, replyOutcome: input.outcome },
  });
  return getEntry(ctx, id);
}

/** The holiday calendar changed: move the reply date of lines not yet answered (Art. 28(1)). */
export async function recomputeReplyDates(ctx: Context): Promise<number> {
  const { tx, who } = ctx;
  const open = await tx.select().from(receptionEntries).where(isNull(receptionEntries.repliedOn));
  let moved = 0;
  const cache: CalendarCache = new Map();
  for (const e of open) {
    const r = await computeRule(tx, 'TCD-REPLY', e.receivedOn, cache);
    if (r.due === e.replyBy) continue;
    await tx
      .update(receptionEntries)
      .set({ replyBy: r.due, replyExplanation: [...r.explanation] })
      .where(eq(receptionEntries.id, e.id));
    await recordAudit(tx, who, {
      action: 'reception_entry.reply_recompute',
      entityType: 'reception_entry',
      entityId: e.id,
      summary: `Số ${e.seqNo}/${e.year}: hạn trả lời ${formatDmy(e.replyBy)} → ${formatDmy(r.due)} do lịch nghỉ thay đổi`,
      before: { replyBy: e.replyBy },
      after: { replyBy: r.due },
    });
    moved++;
  }
  return moved;
}

/** Reveal a protected line's visitors: only to the handler or decision-maker of its denunciation. */
export async function revealEntry(ctx: ActorContext, id: string, reason: string): Promise<TIdentity[]> {
  const { tx, actor, who } = ctx;
  const [e] = await tx.select().from(receptionEntries).where(eq(receptionEntries.id, id));
  if (!e) throw new AppError('NOT_FOUND');
  const linked = await tx.select().from(cases).where(eq(cases.receptionEntryId, id));
  const allowed = linked.some((c) => c.kind === 'denunciation' && casePolicy.reveal(actor, recordOf(c)));
  if (!allowed) {
    if (!mayReadRegister(actor) && !linked.some((c) => casePolicy.read(actor, recordOf(c)))) throw new AppError('NOT_FOUND');
    throw new AppError('FORBIDDEN');
  }
  const idents = await tx
    .select()
    .from(protectedIdentities)
    .where(eq(protectedIdentities.entryId, id))
    .orderBy(asc(protectedIdentities.ordinal));
  for (const i of idents)
    await tx
      .insert(identityReveals)
      .values({ tenantId: e.tenantId, identityId: i.id, entryId: id, userId: actor.userId, userName: actor.fullName, reason });
  await recordAudit(tx, who, {
    action: 'reception_entry.identity_reveal',
    entityType: 'reception_entry',
    entityId: id,
    summary: `Xem thông tin người đến (số ${e.seqNo}/${e.year}) (có ghi lý do)`,
  });
  return idents.map((i) => openIdentity<TIdentity>(i.cipher, i.keyId));
}

/** Reception sessions held in a period (inclusive) by the people of a unit: the `reception_sessions` indicator. */
export async function sessionsHeldByUnit(tx: Tx, unitId: string, from: string, to: string): Promise<number> {
  const members = (await tx.select({ id: roleAssignments.userId }).from(roleAssignments).where(eq(roleAssignments.unitId, unitId))).map(
    (m) => m.id,
  );
  if (!members.length) return 0;
  const held = await tx
    .select({ id: receptionSessions.id })
    .from(receptionSessions)
    .where(
      and(
        inArray(receptionSessions.hostId, members),
        eq(receptionSessions.status, 'held'),
        gte(receptionSessions.date, from),
        lte(receptionSessions.date, to),
      ),
    );
  return held.length;
}
