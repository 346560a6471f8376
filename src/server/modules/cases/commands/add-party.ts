/** Adding a person to a case. */
import type { ActorContext } from '../../../platform/module';
import { and, eq } from 'drizzle-orm';
import { PARTY_ROLE_LABELS, type CaseKind, type PartyRole, type TIdentity } from '../../../../contracts/cases';
import { recordAudit } from '../../../platform/audit';
import { AppError } from '../../../platform/errors';
import { authorize } from '../../../platform/policy';
import { casePolicy } from '../policy';
import { cases } from '../tables';
import { recordOf, loadCase } from '../records';
import { insertParties } from '../identities';

/** Add a party (e.g. a relative of the denouncer) to an open case. */
export async function addParty(
  ctx: ActorContext,
  id: string,
  input: { version: number; role: PartyRole; identity: TIdentity },
): Promise<void> {
  const { tx, actor, who } = ctx;
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
