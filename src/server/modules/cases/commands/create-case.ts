/** Receiving a case, from the agency or the public portal. */
import type { Context } from '../../../platform/module';
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { compareIsoDates } from '../../../../domain';
import { DeadlineError } from '../../../../domain/deadlines';
import {
  CASE_CHANNEL_LABELS,
  CASE_KIND_LABELS,
  PARTY_ROLE_LABELS,
  ZCaseIntake,
  type CaseKind,
  type PartyRole,
  type TIdentity,
} from '../../../../contracts/cases';
import { recordAudit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db';
import { rowsOf } from '../../../platform/db';
import { invalid } from '../../../platform/errors';
import { receptionEntries } from '../reception/tables';
import { caseDeadlines, cases, protectedIdentities } from '../tables';
import { type CaseRow, type Intake, deadlineToApp, loadCase, addEvent, claimAttachment, checkDate, linkCases } from '../records';
import { refreshDeadlines } from '../clocks';
import { insertParties, refreshCaseSearch } from '../identities';

export const CODE_PREFIX: Record<CaseKind, string> = { complaint: 'KN', denunciation: 'TC', petition: 'KNG', feedback: 'PA' };

/** A tracking code nobody can guess: 60 random bits in Crockford base32, grouped for reading aloud. */
export function newTrackingCode(kind: CaseKind): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(12);
  let s = '';
  for (let i = 0; i < 12; i++) s += alphabet[bytes[i]! % 32];
  return `${CODE_PREFIX[kind]}-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
}

/**
 * The next register number of a kind and year ("KN-2026-0042"): one `UPDATE … RETURNING` on the
 * register's counter (issue #17: it took the highest of every code of the agency). Two intakes at
 * once (two portal submissions) wait on the counter's row and draw consecutive numbers. The first
 * intake of a register starts after the highest code already given (the demo, an import, a
 * generated province): that one look-up happens once per kind and year.
 */
export async function nextCode(tx: Tx, kind: CaseKind, year: number): Promise<string> {
  const prefix = `${CODE_PREFIX[kind]}-${year}-`;
  let [r] = rowsOf<{ n: number }>(
    await tx.execute(
      sql`update case_counters set last = last + 1 where tenant_id = app_current_tenant() and prefix = ${prefix} returning last as n`,
    ),
  );
  if (!r) {
    // A concurrent first intake inserts the row too: the later one waits, then counts on from it.
    [r] = rowsOf<{ n: number }>(
      await tx.execute(sql`
        insert into case_counters (tenant_id, prefix, last)
        select app_current_tenant(), ${prefix}, coalesce(max(substring(code from ${prefix.length + 1}::int)::int), 0) + 1
        from cases where code like ${`${prefix}%`}
        on conflict (tenant_id, prefix) do update set last = case_counters.last + 1
        returning last as n`),
    );
  }
  return `${prefix}${String(r!.n).padStart(4, '0')}`;
}

/**
 * Bring every register counter of the agencies up to the highest code given, for writers that
 * insert cases without `nextCode` (the province generator's bulk load). Set-based, one statement.
 */
export async function syncCaseCounters(db: Pick<Tx, 'execute'>): Promise<void> {
  await db.execute(sql`
    insert into case_counters (tenant_id, prefix, last)
    select tenant_id, substring(code from '^(.*-)[0-9]+$'), max(substring(code from '([0-9]+)$')::int)
    from cases where code ~ '^[A-Z]+-[0-9]{4}-[0-9]+$'
    group by 1, 2
    on conflict (tenant_id, prefix) do update set last = greatest(case_counters.last, excluded.last)`);
}

/**
 * Receive a case. Checks: dates, the parties a kind needs (Law 02/2011 Art. 8; Law 25/2018
 * Art. 23), anonymous denunciations kept as information (Law 25/2018 Art. 25), a second-instance
 * complaint's first instance. Identities are sealed before they reach the database.
 * `protectParties` masks every party whatever the kind: a case split from a register-book line
 * that also holds a denunciation names the denouncer (Law 25/2018 Art. 8(3)).
 */
export async function createCase(
  ctx: Context,
  raw: Intake,
  opts: { trackingCode?: boolean; idempotencyKey?: string | null; protectParties?: boolean } = {},
): Promise<CaseRow> {
  const { tx, who, today } = ctx;
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
    // Their names leave the search columns (issue #17): a protected identity is never searchable.
    await refreshCaseSearch(tx, siblings);
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

/**
 * A case sent from the public portal (the context's `who` is the portal, not a person). Idempotent on the browser's key: a retry returns the same
 * tracking code and creates nothing (issue #5).
 */
export async function submitFromPortal(
  ctx: Context,
  input: {
    kind: CaseKind;
    subject: string;
    content: string;
    identity: TIdentity | null;
    knowledgeOn: string | null;
    idempotencyKey: string;
  },
): Promise<{ trackingCode: string; duplicate: boolean }> {
  const { tx, today } = ctx;
  const [existing] = await tx.select().from(cases).where(eq(cases.idempotencyKey, input.idempotencyKey));
  if (existing) return { trackingCode: existing.trackingCode!, duplicate: true };
  const role: PartyRole = input.kind === 'complaint' ? 'complainant' : input.kind === 'denunciation' ? 'denouncer' : 'petitioner';
  const c = await createCase(
    ctx,
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
    { trackingCode: true, idempotencyKey: input.idempotencyKey },
  );
  return { trackingCode: c.trackingCode!, duplicate: false };
}
