/** Editing a case's intake facts. */
import type { ActorContext } from '../../../platform/module';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit';
import { AppError, invalid } from '../../../platform/errors';
import { authorize } from '../../../platform/policy';
import { casePolicy } from '../policy';
import { cases } from '../tables';
import { recordOf, loadCase } from '../records';
import { refreshDeadlines } from '../clocks';

/** Edit the intake facts of an open case (subject, content, flags). */
export async function editCase(
  ctx: ActorContext,
  id: string,
  input: { version: number; subject?: string; content?: string; remote?: boolean; aboutRegulation?: boolean },
): Promise<void> {
  const { tx, actor, who, today } = ctx;
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
