/** Keeping stored deadlines current: after a calendar change, and daily with reminders. */
import { todayInVietnam } from '../../../platform/clock';
import type { Database } from '../../../platform/db';
import type { Context, ModuleHooks } from '../../../platform/module';
import { and, eq } from 'drizzle-orm';
import { addDays, compareIsoDates, formatDmy } from '../../../../domain';
import { recordAudit } from '../../../platform/audit';
import { notify } from '../../../platform/notify';
import { notifications, roleAssignments, tenants } from '../../../platform/tables';
import { caseDeadlines } from '../tables';
import { addEvent, type CaseRow, DUE_SOON_DAYS } from '../records';
import { refreshDeadlines, casesWithRunningClocks } from '../clocks';

type Move = { ruleId: string; before: string; after: string };

/** Record moved due dates as a case event and an audit entry: nobody's deadline changes unseen. */
async function logMoves(ctx: Context, c: CaseRow, moves: Move[], why: string): Promise<void> {
  const { tx, who, today } = ctx;
  const text = moves.map((m) => `${m.ruleId}: ${formatDmy(m.before)} → ${formatDmy(m.after)}`).join('; ');
  await addEvent(
    tx,
    c,
    { userId: who.userId, name: who.name },
    { type: 'deadline_recomputed', on: today, summary: `${why}: ${text}`, data: { changes: moves } },
  );
  await recordAudit(tx, who, {
    action: 'case.deadline_recompute',
    entityType: 'case',
    entityId: c.id,
    summary: `${c.code}: ${text}`,
    before: Object.fromEntries(moves.map((m) => [m.ruleId, m.before])),
    after: Object.fromEntries(moves.map((m) => [m.ruleId, m.after])),
  });
}

/**
 * The holiday calendar changed: recompute the deadlines of open cases. Each moved due date is a
 * case event and an audit entry (issue #5).
 */
export async function recomputeOpenCases(ctx: Context): Promise<number> {
  const open = await casesWithRunningClocks(ctx.tx);
  let moved = 0;
  for (const c of open) {
    const changes = await refreshDeadlines(ctx.tx, c, ctx.today, { lenient: true });
    if (!changes.length) continue;
    moved += changes.length;
    await logMoves(ctx, c, changes, 'Tính lại thời hạn do lịch nghỉ thay đổi');
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
export async function refreshAllOpen(ctx: Context): Promise<number> {
  const { tx, today } = ctx;
  const open = await casesWithRunningClocks(tx);
  const office = open.length
    ? (await tx.select({ id: roleAssignments.userId }).from(roleAssignments).where(eq(roleAssignments.role, 'office'))).map((r) => r.id)
    : [];
  let sent = 0;
  for (const c of open) {
    // A due date that moves overnight comes from changed rule or holiday data (a deployment, a
    // new statutory holiday): logged like an edit. A suspended clock runs to today and moves every
    // day by design; that is not a change anyone made.
    const moves = (await refreshDeadlines(tx, c, today, { lenient: true })).filter((m) => m.status !== 'stopped');
    if (moves.length) await logMoves(ctx, c, moves, 'Thời hạn thay đổi do quy định hoặc lịch nghỉ được cập nhật');
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

/** Daily, for every agency: stored deadline states follow the date (open → missed) and reminders go out. */
export async function refreshCaseDeadlines(db: Database, modules: ModuleHooks, today = todayInVietnam()): Promise<void> {
  for (const t of await db.owner.select({ id: tenants.tenantId }).from(tenants)) {
    const who = { tenantId: t.id, userId: null, name: 'Hệ thống (theo dõi thời hạn)' };
    await db.withTenant({ tenantId: t.id }, (tx) => refreshAllOpen({ tx, who, today, modules }));
  }
}
