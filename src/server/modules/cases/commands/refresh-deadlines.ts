/**
 * Keeping stored deadlines current: after a calendar change, and daily with reminders.
 *
 * Both go through {@link recomputeBatch} (issue #17): a few hundred cases at a time, each batch in
 * a transaction of its own when run in the background, loaded with `= any($1)` (cases, events,
 * stored deadlines: three statements), computed on one working calendar, and only what changed
 * written back. A move of a due date is still a case event and an audit entry; the audit rows of a
 * batch are chained in one write, so the agency's audit head is held for one batch, never for the
 * whole run, and the agency's other writes (log-ins included) go on meanwhile.
 */
import { todayInVietnam } from '../../../platform/clock';
import type { Database, Tx } from '../../../platform/db';
import type { AuditActor } from '../../../platform/audit';
import type { Context, ModuleHooks } from '../../../platform/module';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { addDays, compareIsoDates, formatDmy } from '../../../../domain';
import type { TCaseDeadline } from '../../../../contracts/cases';
import { recordAudits } from '../../../platform/audit';
import { notify } from '../../../platform/notify';
import { notifications, roleAssignments, tenants } from '../../../platform/tables';
import { finishRecompute, recomputeProgress, startRecompute, workingCalendarFor } from '../../calendar';
import { caseDeadlines, caseEvents, cases } from '../tables';
import { type CaseRow, DUE_SOON_DAYS, factsOf } from '../records';
import { caseIdsWithRunningClocks, deadlineRow } from '../clocks';
import { markCaseStats } from '../queries/statistics';
import { caseDeadlineSpecs, computeCaseDeadlines, yearsOf, type EventFact } from '../deadlines';

/** The background job that recomputes open cases after a change of the days off. */
export const RECOMPUTE_JOB = 'cases.recompute-deadlines';
export type RecomputeJob = { tenantId: string; recomputeId: string; userId: string | null; name: string; today: string };

/** Cases per batch: one short transaction each (≈ 0.1 s on PostgreSQL). */
export const RECOMPUTE_BATCH = 250;
/** PGlite runs one transaction at a time: smaller batches keep the wait of other requests under a second. */
export const RECOMPUTE_BATCH_PGLITE = 100;

type Move = { ruleId: string; before: string; after: string; status: string };
type Stored = typeof caseDeadlines.$inferSelect;

const CALENDAR_CHANGED = 'Tính lại thời hạn do lịch nghỉ thay đổi';
const NIGHTLY_CHANGED = 'Thời hạn thay đổi do quy định hoặc lịch nghỉ được cập nhật';

/** A uuid[] parameter: one array, whatever the batch's size (no `in (…)` list). */
function uuidArray(ids: readonly string[]) {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/** JSON with sorted keys: jsonb reorders an object's keys, which is not a change. */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
}

function unchanged(prev: Stored, d: TCaseDeadline): boolean {
  return (
    prev.ruleVersion === d.ruleVersion &&
    prev.title === d.title &&
    prev.titleEn === d.titleEn &&
    prev.trigger === d.trigger &&
    prev.due === d.due &&
    prev.status === d.status &&
    (prev.metOn ?? null) === (d.metOn ?? null) &&
    stable(prev.explanation) === stable(d.explanation) &&
    stable(prev.basis) === stable(d.basis)
  );
}

export type BatchResult = { moved: number; cases: CaseRow[]; deadlines: Map<string, TCaseDeadline[]> };

/**
 * Recompute the deadlines of the given cases in the caller's transaction, writing only what
 * changed; each moved due date becomes a case event and an audit entry (issue #5: nobody's
 * deadline changes unseen).
 * @param opts.why the reason written in the events; `nightly` leaves out suspended clocks, which
 * run to today and move every day by design (not a change anyone made).
 */
export async function recomputeBatch(ctx: Context, ids: readonly string[], opts: { nightly: boolean }): Promise<BatchResult> {
  const { tx, who, today } = ctx;
  const out: BatchResult = { moved: 0, cases: [], deadlines: new Map() };
  if (ids.length === 0) return out;
  const arr = uuidArray(ids);
  const rows = await tx.select().from(cases).where(sql`${cases.id} = any(${arr})`);
  const events = await tx
    .select({
      caseId: caseEvents.caseId,
      type: caseEvents.type,
      on: caseEvents.on,
      decisionNo: caseEvents.decisionNo,
      data: caseEvents.data,
    })
    .from(caseEvents)
    .where(sql`${caseEvents.caseId} = any(${arr})`)
    .orderBy(asc(caseEvents.on), asc(caseEvents.at));
  const stored = await tx.select().from(caseDeadlines).where(sql`${caseDeadlines.caseId} = any(${arr})`);

  const eventsBy = new Map<string, EventFact[]>();
  for (const e of events) {
    const list = eventsBy.get(e.caseId) ?? [];
    list.push({ type: e.type, on: e.on, decisionNo: e.decisionNo, data: e.data as Record<string, unknown> });
    eventsBy.set(e.caseId, list);
  }
  const storedBy = new Map<string, Stored[]>();
  for (const d of stored) storedBy.set(d.caseId, [...(storedBy.get(d.caseId) ?? []), d]);

  // One working calendar for the whole batch (the union of the years its cases need).
  const specsBy = new Map(rows.map((c) => [c.id, caseDeadlineSpecs(factsOf(c), eventsBy.get(c.id) ?? [], today)]));
  const years = new Set<number>();
  for (const specs of specsBy.values()) for (const y of yearsOf(specs)) years.add(y);
  const cal = years.size
    ? await workingCalendarFor(
        tx,
        [...years].sort((a, b) => a - b),
      )
    : null;

  const upserts: (typeof caseDeadlines.$inferInsert)[] = [];
  const deletes: { caseId: string; ruleId: string }[] = [];
  const logged: { c: CaseRow; moves: Move[] }[] = [];
  for (const c of rows) {
    const specs = specsBy.get(c.id)!;
    const computed = cal && specs.length ? computeCaseDeadlines(specs, () => cal, today, c.status, { lenient: true }) : [];
    const old = storedBy.get(c.id) ?? [];
    const moves: Move[] = [];
    for (const d of computed) {
      const prev = old.find((o) => o.ruleId === d.ruleId);
      if (prev && unchanged(prev, d)) continue;
      if (prev && prev.due !== d.due) moves.push({ ruleId: d.ruleId, before: prev.due, after: d.due, status: d.status });
      upserts.push(deadlineRow(c, d));
    }
    for (const o of old) if (!computed.some((d) => d.ruleId === o.ruleId)) deletes.push({ caseId: c.id, ruleId: o.ruleId });
    out.deadlines.set(c.id, computed);
    out.cases.push(c);
    const shown = opts.nightly ? moves.filter((m) => m.status !== 'stopped') : moves;
    if (shown.length) logged.push({ c, moves: shown });
    out.moved += shown.length;
  }

  // Writes: the changed rows in one upsert, the rules no longer applying in one delete.
  for (let i = 0; i < upserts.length; i += 1000) {
    await tx
      .insert(caseDeadlines)
      .values(upserts.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [caseDeadlines.tenantId, caseDeadlines.caseId, caseDeadlines.ruleId],
        set: {
          ruleVersion: sql`excluded.rule_version`,
          title: sql`excluded.title`,
          titleEn: sql`excluded.title_en`,
          trigger: sql`excluded.trigger`,
          due: sql`excluded.due`,
          status: sql`excluded.status`,
          metOn: sql`excluded.met_on`,
          explanation: sql`excluded.explanation`,
          basis: sql`excluded.basis`,
          computedAt: sql`now()`,
        },
      });
  }
  if (deletes.length) {
    const rules = `{${deletes.map((d) => `"${d.ruleId}"`).join(',')}}`;
    await tx.execute(sql`
      delete from ${caseDeadlines} d using unnest(${uuidArray(deletes.map((d) => d.caseId))}, ${rules}::text[]) as x(case_id, rule_id)
       where d.case_id = x.case_id and d.rule_id = x.rule_id`);
  }
  // The months of the statistics whose cases' deadlines changed are to be recounted (issue #17).
  const changed = new Set([...upserts.map((u) => u.caseId), ...deletes.map((d) => d.caseId)]);
  if (changed.size)
    await markCaseStats(
      tx,
      who.tenantId,
      rows.filter((c) => changed.has(c.id)).map((c) => c.receivedOn),
    );
  if (logged.length) await logMoves(tx, who, today, logged, opts.nightly ? NIGHTLY_CHANGED : CALENDAR_CHANGED);
  return out;
}

/** Moved due dates as case events and audit entries: one insert each for the whole batch. */
async function logMoves(tx: Tx, who: AuditActor, today: string, logged: { c: CaseRow; moves: Move[] }[], why: string): Promise<void> {
  const text = (moves: Move[]) => moves.map((m) => `${m.ruleId}: ${formatDmy(m.before)} → ${formatDmy(m.after)}`).join('; ');
  await tx.insert(caseEvents).values(
    logged.map(({ c, moves }) => ({
      tenantId: c.tenantId,
      caseId: c.id,
      type: 'deadline_recomputed',
      on: today,
      actorId: who.userId,
      actorName: who.name,
      summary: `${why}: ${text(moves)}`.normalize('NFC'),
      data: { changes: moves.map(({ ruleId, before, after }) => ({ ruleId, before, after })) },
    })),
  );
  await recordAudits(
    tx,
    who,
    logged.map(({ c, moves }) => ({
      action: 'case.deadline_recompute',
      entityType: 'case',
      entityId: c.id,
      summary: `${c.code}: ${text(moves)}`,
      before: Object.fromEntries(moves.map((m) => [m.ruleId, m.before])),
      after: Object.fromEntries(moves.map((m) => [m.ruleId, m.after])),
    })),
  );
}

/**
 * Let the requests waiting for the database go first between two batches: PGlite runs one
 * transaction at a time and a loop that asks again at once would keep it (STACK.md §1).
 */
function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function batchesOf(ids: readonly string[], size = RECOMPUTE_BATCH): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/**
 * The holiday calendar changed, in place (no background queue: the CLI, the demo seed): recompute
 * the open cases in the caller's transaction, batch by batch, counting them on the run.
 * @returns the number of moved due dates.
 */
export async function recomputeOpenCases(ctx: Context, recomputeId: string): Promise<number> {
  const ids = await caseIdsWithRunningClocks(ctx.tx);
  if (!(await startRecompute(ctx.tx, recomputeId, ids.length))) return 0;
  let moved = 0;
  for (const batch of batchesOf(ids)) {
    const r = await recomputeBatch(ctx, batch, { nightly: false });
    moved += r.moved;
    await recomputeProgress(ctx.tx, recomputeId, { processed: batch.length, moved: r.moved });
  }
  await finishRecompute(ctx.tx, recomputeId, {});
  return moved;
}

/**
 * The background run queued by a change of the days off: the open cases of the agency in
 * batches, each in its own transaction, the progress counted on the run. It stops early when a
 * later change superseded it (that run does every case again on the newer calendar).
 */
export async function runRecompute(
  db: Database,
  modules: ModuleHooks,
  job: RecomputeJob,
  batchSize = db.kind === 'pglite' ? RECOMPUTE_BATCH_PGLITE : RECOMPUTE_BATCH,
): Promise<void> {
  const tenant = { tenantId: job.tenantId, userId: job.userId };
  const who: AuditActor = { tenantId: job.tenantId, userId: job.userId, name: job.name };
  const ids = await db.withTenant(tenant, async (tx) => {
    const found = await caseIdsWithRunningClocks(tx);
    return (await startRecompute(tx, job.recomputeId, found.length)) ? found : null;
  });
  if (!ids) return;
  try {
    for (const batch of batchesOf(ids, batchSize)) {
      const going = await db.withTenant(tenant, async (tx) => {
        const r = await recomputeBatch({ tx, who, today: job.today, modules }, batch, { nightly: false });
        return recomputeProgress(tx, job.recomputeId, { processed: batch.length, moved: r.moved });
      });
      if (!going) return;
      await yieldToOthers();
    }
    await db.withTenant(tenant, (tx) => finishRecompute(tx, job.recomputeId, {}));
  } catch (err) {
    await db.withTenant(tenant, (tx) => finishRecompute(tx, job.recomputeId, { error: err instanceof Error ? err.message : String(err) }));
    throw err;
  }
}

/**
 * Reminders of one batch: the people responsible are told once per deadline when it comes within
 * {@link DUE_SOON_DAYS} days and when it is missed: the handler (or, before assignment, the
 * Office); the decision-maker too when it is missed. Who was already told is read in one statement.
 */
async function remind(tx: Tx, today: string, batch: BatchResult, office: string[]): Promise<number> {
  const wanted: { c: CaseRow; d: TCaseDeadline; kind: string; link: string; userId: string }[] = [];
  for (const c of batch.cases) {
    for (const d of batch.deadlines.get(c.id) ?? []) {
      const soon = d.status === 'open' && compareIsoDates(d.due, addDays(today, DUE_SOON_DAYS)) <= 0;
      const missed = d.status === 'missed' && !d.metOn;
      if (!soon && !missed) continue;
      const kind = missed ? 'case.overdue' : 'case.due_soon';
      const link = `/cases/${c.id}?rule=${d.ruleId}`;
      const to = new Set<string>(c.handlerId ? [c.handlerId] : office);
      if (missed && c.decisionMakerId) to.add(c.decisionMakerId);
      for (const userId of to) wanted.push({ c, d, kind, link, userId });
    }
  }
  if (wanted.length === 0) return 0;
  const links = [...new Set(wanted.map((w) => w.link))];
  const told = new Set(
    (
      await tx
        .select({ userId: notifications.userId, kind: notifications.kind, link: notifications.link })
        .from(notifications)
        .where(
          and(
            inArray(notifications.kind, ['case.overdue', 'case.due_soon']),
            sql`${notifications.link} = any(${`{${links.map((l) => `"${l}"`).join(',')}}`}::text[])`,
          ),
        )
    ).map((n) => `${n.userId} ${n.kind} ${n.link}`),
  );
  let sent = 0;
  for (const w of wanted) {
    const key = `${w.userId} ${w.kind} ${w.link}`;
    if (told.has(key)) continue;
    told.add(key);
    const missed = w.kind === 'case.overdue';
    await notify(tx, {
      tenantId: w.c.tenantId,
      userId: w.userId,
      kind: w.kind,
      title: missed
        ? `${w.c.code}: quá hạn "${w.d.title}" (hạn ${formatDmy(w.d.due)})`
        : `${w.c.code}: sắp đến hạn "${w.d.title}" (${formatDmy(w.d.due)})`,
      body: w.c.subject,
      link: w.link,
    });
    sent++;
  }
  return sent;
}

async function officeOf(tx: Tx): Promise<string[]> {
  return (await tx.select({ id: roleAssignments.userId }).from(roleAssignments).where(eq(roleAssignments.role, 'office'))).map((r) => r.id);
}

/**
 * Daily, in the caller's transaction (the demo seed, tests): deadlines that ran out become missed
 * (the stored state follows the calendar), a due date that moved overnight (changed rule or
 * holiday data: a deployment, a new statutory holiday) is logged like an edit, and reminders go out.
 * @returns the number of notifications sent.
 */
export async function refreshAllOpen(ctx: Context): Promise<number> {
  const ids = await caseIdsWithRunningClocks(ctx.tx);
  if (ids.length === 0) return 0;
  const office = await officeOf(ctx.tx);
  let sent = 0;
  for (const batch of batchesOf(ids)) sent += await remind(ctx.tx, ctx.today, await recomputeBatch(ctx, batch, { nightly: true }), office);
  return sent;
}

/**
 * Daily, for every agency, by the same path as a calendar change: batches of cases, each in its
 * own short transaction, so the agency's other writes never wait for the whole refresh.
 */
export async function refreshCaseDeadlines(db: Database, modules: ModuleHooks, today = todayInVietnam()): Promise<void> {
  for (const t of await db.owner.select({ id: tenants.tenantId }).from(tenants)) {
    const who = { tenantId: t.id, userId: null, name: 'Hệ thống (theo dõi thời hạn)' };
    const [ids, office] = await db.withTenant({ tenantId: t.id }, async (tx) => [await caseIdsWithRunningClocks(tx), await officeOf(tx)]);
    for (const batch of batchesOf(ids)) {
      await db.withTenant({ tenantId: t.id }, async (tx) =>
        remind(tx, today, await recomputeBatch({ tx, who, today, modules }, batch, { nightly: true }), office),
      );
      await yieldToOthers();
    }
  }
}
