/** A plan as an administrative document (Decree 30/2020 layout) for the .docx export. */
import type { TPlan } from '../../../contracts/plans';
import type { AdministrativeDocument, Block } from '../../platform/docx';

export function planToDocument(plan: TPlan): AdministrativeDocument {
  const body: Block[] = [];
  if (plan.preamble)
    for (const para of plan.preamble.split(/\n{2,}|\n/)) if (para.trim()) body.push({ kind: 'paragraph', text: para.trim() });
  for (const s of plan.sections) {
    body.push({ kind: 'heading', text: `${s.numeral}. ${s.title}` });
    for (const i of s.items) body.push({ kind: 'paragraph', text: `${i.number}. ${i.text}` });
  }
  return {
    issuerParent: plan.issuerParent,
    issuer: plan.issuer,
    numberSymbol: plan.numberSymbol,
    place: plan.place,
    date: plan.signedOn,
    documentType: plan.documentType,
    summary: plan.summary,
    body,
    signer: { mode: plan.signerMode, authority: plan.signerAuthority, title: plan.signerTitle, name: plan.signerName },
    recipients: plan.recipients,
    archive: plan.archive,
  };
}
