/** One case as this person may see it. */
import type { ActorContext } from '../../../platform/module';
import { and, eq, inArray } from 'drizzle-orm';
import { classifyComplexity } from '../../../../domain/deadlines';
import type { CaseEventType, CaseStatus, NotAcceptedReason, TCase } from '../../../../contracts/cases';
import { abilities, authorize } from '../../../platform/policy';
import { attachments } from '../../../platform/tables';
import { receptionEntries } from '../reception/tables';
import { casePolicy, isDecisionMaker, isHandler, isOffice } from '../policy';
import { caseLinks, cases, protectedIdentities } from '../tables';
import { unitNames, userNames, recordOf, loadCase, eventsOf } from '../records';
import { computeDeadlinesOf, limitationOf } from '../clocks';
import { partiesFor, mayReveal, mayReadCaseFile } from '../identities';
import { toRows } from './rows';

/** One case as this actor may see it. Protected identities are masked (reveal is separate). */
export async function getCase(ctx: ActorContext, id: string): Promise<TCase> {
  const { tx, actor, today } = ctx;
  const c = await loadCase(tx, id);
  const rec = recordOf(c);
  authorize(casePolicy, actor, 'read', rec);
  const [row] = await toRows(tx, [c]);
  const events = await eventsOf(tx, c.id);
  const pending = c.pendingAssignment;
  const names = await userNames(tx, [c.decisionMakerId, pending?.handlerId ?? null, pending?.decisionMakerId ?? null]);
  const pendingUnit = pending ? await unitNames(tx, [pending.unitId]) : new Map<string, string>();
  // A denunciation's step documents may carry the denouncer's handwriting or name (Law 25/2018
  // Art. 8(3)): their names, like the intake documents', go only to those who may open them.
  const opensFiles = await mayReadCaseFile(tx, actor, c.id);
  const files =
    opensFiles && events.some((e) => e.attachmentId)
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
    c.attachmentIds.length && opensFiles
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
    pendingAssignment: pending
      ? {
          unit: { id: pending.unitId, name: pendingUnit.get(pending.unitId) ?? '' },
          handler: { id: pending.handlerId, name: names.get(pending.handlerId) ?? '' },
          decisionMaker: pending.decisionMakerId ? { id: pending.decisionMakerId, name: names.get(pending.decisionMakerId) ?? '' } : null,
          requestedBy: pending.requestedByName,
          requestedOn: pending.requestedOn,
        }
      : null,
    parties,
    deadlines,
    events: events.map((e) => ({
      id: e.id,
      type: e.type as CaseEventType,
      on: e.on,
      actorName: e.actorName,
      summary: e.summary,
      decisionNo: e.decisionNo,
      attachment:
        e.attachmentId && opensFiles
          ? { id: e.attachmentId, filename: files.find((f) => f.id === e.attachmentId)?.filename ?? 'tệp' }
          : null,
      // The reason for a reveal: to supervisors and those who work the case.
      note: e.type === 'identity_revealed' && !supervises ? null : e.note,
      at: e.at.toISOString(),
    })),
    links: linkRows.map((l) => ({ id: l.id, code: l.code, subject: l.subject, relation: l.relation, status: l.status as CaseStatus })),
    linksHidden: allLinks.length - linkRows.length,
    firstInstance: first ? { id: first.id, code: first.code } : null,
    attachments: intakeFiles,
    attachmentsHidden: c.attachmentIds.length - intakeFiles.length + (opensFiles ? 0 : events.filter((e) => e.attachmentId).length),
    receptionEntry: entry ? { id: entry.id, seqNo: entry.seqNo, year: entry.year } : null,
    limitation: await limitationOf(tx, c),
    can: { ...(ab as unknown as TCase['can']), edit: ab.edit },
    version: c.version,
  };
}
