/** Protected identities of the people in a case (Law 25/2018 Arts. 8(3), 47): sealed at rest, masked for everyone but the handler and the decision-maker. */
import { and, eq, sql } from 'drizzle-orm';
import { foldVietnamese } from '../../../domain/text';
import {
  PARTY_ROLE_LABELS,
  PROTECTED_PARTY_ROLES,
  type CaseKind,
  type PartyRole,
  type TIdentity,
  type TParty,
} from '../../../contracts/cases';
import type { Tx } from '../../platform/db';
import { openIdentity, sealIdentity } from '../../platform/identity-crypto';
import type { Actor } from '../../platform/roles';
import { casePolicy, isDecisionMaker, isHandler } from './policy';
import { cases, protectedIdentities } from './tables';
import { type CaseRow, recordOf } from './records';

export type IdentityRow = typeof protectedIdentities.$inferSelect;

export function partyLabel(role: PartyRole, ordinal: number): string {
  return `${PARTY_ROLE_LABELS[role].vi} ${ordinal}`;
}

/** Masks or opens each party for this reader. Protected identities are never opened here. */
export function partiesFor(rows: IdentityRow[], canReveal: boolean): TParty[] {
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

export async function insertParties(
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
  if (owner.caseId) await refreshCaseSearch(tx, [owner.caseId]);
}

/**
 * Keep `cases.party_text` (the searchable, folded names of a case's parties) in step with its
 * parties (issue #17). Only identities that are not protected enter it: a denouncer and their
 * relatives (Law 25/2018 Art. 47) are never searchable, so a search can not reveal them. Called
 * by every write that adds a party or protects one; writes only the rows that change.
 */
export async function refreshCaseSearch(tx: Tx, caseIds: string[]): Promise<void> {
  if (!caseIds.length) return;
  const ids = `{${caseIds.join(',')}}`;
  const rows = await tx
    .select({
      caseId: protectedIdentities.caseId,
      role: protectedIdentities.role,
      ordinal: protectedIdentities.ordinal,
      cipher: protectedIdentities.cipher,
      keyId: protectedIdentities.keyId,
    })
    .from(protectedIdentities)
    .where(and(sql`${protectedIdentities.caseId} = any(${ids}::uuid[])`, eq(protectedIdentities.protected, false)));
  const text = new Map<string, string[]>(caseIds.map((id) => [id, []]));
  for (const r of rows.sort((a, b) => a.role.localeCompare(b.role) || a.ordinal - b.ordinal))
    text.get(r.caseId!)?.push(foldVietnamese(openIdentity<TIdentity>(r.cipher, r.keyId).name.normalize('NFC')));
  for (const [id, names] of text) {
    const value = names.join(' ');
    await tx
      .update(cases)
      .set({ partyText: value })
      .where(and(eq(cases.id, id), sql`${cases.partyText} is distinct from ${value}`));
  }
}

export function normaliseIdentity(i: TIdentity): TIdentity {
  const n = (s: string | null | undefined) => (s ? s.normalize('NFC').trim() : null);
  return { name: i.name.normalize('NFC').trim(), address: n(i.address), phone: n(i.phone), email: n(i.email), idNumber: n(i.idNumber) };
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
