/**
 * Who may see and do what with a case (issue #5).
 *
 * - The Office (Văn phòng, capability `cases.manage`) keeps the register: it receives, classifies,
 *   assigns and records every step and document, but does not see a denouncer's identity.
 * - Leadership and the People's Inspection Board see every case (supervision: Law 10/2022
 *   Art. 61(3)), identities of denouncers masked.
 * - The head of the unit a case is assigned to sees it and may reassign within the unit.
 * - Staff of that unit see complaints, petitions and feedback assigned to it, never a
 *   denunciation (the person denounced may be a colleague).
 * - The assigned handler and the decision-maker act on the case; only they may reveal a protected
 *   identity, with a logged reason (Law 25/2018/QH14 Arts. 8(3), 47, 49(2); DOMAIN.md §7.4).
 */
import { definePolicy } from '../../platform/policy';
import { can, hasRole, type Actor } from '../../platform/roles';

export type CaseRecord = {
  kind: string;
  status: string;
  unitId: string | null;
  handlerId: string | null;
  decisionMakerId: string | null;
  /** Whether a reassignment waits for approval (denunciations). */
  pendingAssignment?: boolean;
};

const OPEN = new Set(['received', 'accepted', 'suspended']);

export const isOffice = (a: Actor) => can(a, 'cases.manage');
export const isSupervisor = (a: Actor) => hasRole(a, 'leader') || hasRole(a, 'inspection');
export const isHandler = (a: Actor, c: CaseRecord) => !!c.handlerId && c.handlerId === a.userId;
export const isDecisionMaker = (a: Actor, c: CaseRecord) => !!c.decisionMakerId && c.decisionMakerId === a.userId;
const headsUnit = (a: Actor, c: CaseRecord) => !!c.unitId && hasRole(a, 'unit_head', c.unitId);
const staffOfUnit = (a: Actor, c: CaseRecord) => !!c.unitId && a.roles.some((r) => r.unitId === c.unitId);
/** Who works the case: the Office that records, the handler, the decision-maker. */
const works = (a: Actor, c: CaseRecord) => isOffice(a) || isHandler(a, c) || isDecisionMaker(a, c);
const open = (c: CaseRecord) => OPEN.has(c.status);

export const casePolicy = definePolicy<
  CaseRecord,
  | 'edit'
  | 'accept'
  | 'not_accept'
  | 'forward'
  | 'guide'
  | 'information'
  | 'assign'
  | 'approve_assignment'
  | 'verification'
  | 'dialogue'
  | 'complexity'
  | 'extend'
  | 'extend_initial'
  | 'suspend'
  | 'resume'
  | 'withdraw'
  | 'terminate'
  | 'decide'
  | 'decision_received'
  | 'notify'
  | 'public_answer'
  | 'link'
  | 'note'
  | 'reveal'
>({
  read: (a, c) =>
    isOffice(a) ||
    isSupervisor(a) ||
    isHandler(a, c) ||
    isDecisionMaker(a, c) ||
    headsUnit(a, c) ||
    (c.kind !== 'denunciation' && staffOfUnit(a, c)),
  edit: (a, c) => open(c) && works(a, c),
  // Classification at intake is the Office's (TT 05/2021/TT-TTCP: xử lý đơn), or the decision-maker's.
  accept: (a, c) => c.status === 'received' && (isOffice(a) || isDecisionMaker(a, c)),
  not_accept: (a, c) =>
    c.status === 'received' && (c.kind === 'complaint' || c.kind === 'denunciation') && (isOffice(a) || isDecisionMaker(a, c)),
  forward: (a, c) => c.status === 'received' && (isOffice(a) || isDecisionMaker(a, c)),
  guide: (a, c) => c.status === 'received' && (isOffice(a) || isDecisionMaker(a, c)),
  information: (a, c) => c.status === 'received' && (isOffice(a) || isDecisionMaker(a, c)),
  assign: (a, c) => open(c) && (isOffice(a) || isDecisionMaker(a, c) || headsUnit(a, c)),
  // A reassignment that would give someone the right to reveal a denouncer waits for the
  // decision-maker or the head of the agency (a leader; the command checks it is the head).
  approve_assignment: (a, c) => open(c) && !!c.pendingAssignment && (isDecisionMaker(a, c) || hasRole(a, 'leader')),
  verification: (a, c) => c.status === 'accepted' && works(a, c),
  dialogue: (a, c) => c.status === 'accepted' && c.kind === 'complaint' && works(a, c),
  complexity: (a, c) => open(c) && works(a, c),
  extend: (a, c) => c.status === 'accepted' && c.kind === 'denunciation' && works(a, c),
  extend_initial: (a, c) => c.status === 'received' && c.kind === 'denunciation' && works(a, c),
  suspend: (a, c) => c.status === 'accepted' && (c.kind === 'complaint' || c.kind === 'denunciation') && works(a, c),
  resume: (a, c) => c.status === 'suspended' && works(a, c),
  withdraw: (a, c) => open(c) && works(a, c),
  // Termination (đình chỉ): Law 02/2011 Art. 34 for complaints, Law 25/2018 Art. 34 for denunciations.
  terminate: (a, c) =>
    (c.status === 'accepted' || c.status === 'suspended') && (c.kind === 'complaint' || c.kind === 'denunciation') && works(a, c),
  decide: (a, c) => c.status === 'accepted' && works(a, c),
  // Recorded for a first-instance complaint: the second-complaint window runs from it (Law 02/2011 Art. 33).
  decision_received: (a, c) => c.status === 'resolved' && c.kind === 'complaint' && works(a, c),
  notify: (a, c) =>
    (c.status === 'accepted' || c.status === 'resolved' || c.status === 'suspended' || c.status === 'terminated') && works(a, c),
  public_answer: (a, c) =>
    (c.status === 'resolved' || ((c.kind === 'petition' || c.kind === 'feedback') && c.status !== 'received')) && works(a, c),
  link: (a, c) => isOffice(a) || isHandler(a, c),
  note: (a, c) => works(a, c) || headsUnit(a, c),
  // Only the assigned handler and the decision-maker (Law 25/2018 Art. 47; DOMAIN.md §7.4).
  reveal: (a, c) => isHandler(a, c) || isDecisionMaker(a, c),
});
