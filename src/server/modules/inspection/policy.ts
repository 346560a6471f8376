/**
 * Who may do what with the People's Inspection Board's work (issue #11):
 * - the union executive records the election, recognises it, manages vacancies and chair or
 *   deputy elections, and receives the board's plans and reports (Law 10/2022 Arts. 60(3), 62(1),
 *   63(2); Decree 59/2023 Art. 21);
 * - the board plans, notifies, finds and recommends (Art. 61), and alone reads the suggestion box
 *   (Art. 61(7), 62(3));
 * - the head (leadership) answers recommendations and provides documents (Art. 63(1));
 * - every staff member sees the board, its term and programme, and may write to the suggestion box.
 */
import { definePolicy } from '../../platform/policy';
import { can, type Actor } from '../../platform/roles';

export const isBoard = (a: Actor) => can(a, 'inspection.work');
export const isHeadSide = (a: Actor) => can(a, 'inspection.answer');
export const isUnion = (a: Actor) => can(a, 'inspection.union');
/** Who reads the board's findings, minutes and recommendations in full: the board, the head, the union. */
export const oversees = (a: Actor) => isBoard(a) || isHeadSide(a) || isUnion(a);

export const termPolicy = definePolicy<{ recognisedOn: string | null }, 'recognise' | 'manageMembers'>({
  read: (a) => can(a, 'inspection.read'),
  recognise: (a, t) => isUnion(a) && t.recognisedOn === null,
  manageMembers: (a) => isUnion(a),
});

export const activityPolicy = definePolicy<{ status: string }, 'notify' | 'conclude' | 'recommend'>({
  read: (a) => oversees(a),
  notify: (a, x) => isBoard(a) && x.status === 'planned',
  conclude: (a, x) => isBoard(a) && x.status === 'notified',
  recommend: (a, x) => isBoard(a) && x.status === 'concluded',
});

export const recommendationPolicy = definePolicy<
  { answeredOn: string | null; escalatedOn: string | null; overdue: boolean },
  'answer' | 'escalate'
>({
  read: (a) => oversees(a),
  answer: (a, r) => isHeadSide(a) && r.answeredOn === null,
  // A late answer goes to the union, which follows the board's recommendations up (Art. 63(2)).
  escalate: (a, r) => isBoard(a) && r.answeredOn === null && r.escalatedOn === null && r.overdue,
});

export const documentRequestPolicy = definePolicy<{ providedOn: string | null }, 'provide'>({
  read: (a) => oversees(a),
  provide: (a, r) => isHeadSide(a) && r.providedOn === null,
});
