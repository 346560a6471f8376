/** Revealing a protected identity, with a logged reason. */
import type { ActorContext } from '../../../platform/module';
import { and, eq } from 'drizzle-orm';
import type { PartyRole, TIdentity } from '../../../../contracts/cases';
import { recordAudit } from '../../../platform/audit';
import { AppError } from '../../../platform/errors';
import { openIdentity } from '../../../platform/identity-crypto';
import { authorize } from '../../../platform/policy';
import { casePolicy } from '../policy';
import { identityReveals, protectedIdentities } from '../tables';
import { recordOf, loadCase, addEvent } from '../records';
import { partyLabel, mayReveal } from '../identities';

/**
 * Reveal a protected identity to the handler or the decision-maker, with a reason. The reveal
 * is logged (identity_reveals, a case event, the audit chain) — the identity itself is in none
 * of them.
 */
export async function revealParty(ctx: ActorContext, caseId: string, partyId: string, reason: string): Promise<TIdentity> {
  const { tx, actor, who, today } = ctx;
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
