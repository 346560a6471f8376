/**
 * Who may do what with "Dân vận khéo" models (issue #12): every member of the agency reads them
 * (they are meant to be learned from); the head of the unit that runs a model registers it,
 * edits it, adds evidence, launches and stops it and records where it is replicated; the Office,
 * the standing body of the agency's dân vận work (DOMAIN.md §7.2 workflow 10), does all of that
 * for any unit, convenes the evaluation council and records the recognition.
 */
import { definePolicy } from '../../platform/policy';
import { can, hasRole, type Actor } from '../../platform/roles';

const isOffice = (a: Actor) => can(a, 'exemplars.manage');
const headsUnit = (a: Actor, unitId: string) => hasRole(a, 'unit_head', unitId);

export const modelPolicy = definePolicy<
  { unitId: string; status: string },
  'update' | 'addEvidence' | 'evaluate' | 'commend' | 'replicate'
>({
  read: (a) => can(a, 'exemplars.read'),
  update: (a, m) => m.status !== 'stopped' && (isOffice(a) || headsUnit(a, m.unitId)),
  addEvidence: (a, m) => m.status !== 'stopped' && (isOffice(a) || headsUnit(a, m.unitId)),
  evaluate: (a, m) => m.status !== 'stopped' && isOffice(a),
  commend: (a, m) => m.status !== 'stopped' && isOffice(a),
  replicate: (a, m) => m.status !== 'stopped' && (isOffice(a) || headsUnit(a, m.unitId)),
});

/** Registering a model for a unit: its head, or the Office. */
export function mayRegister(a: Actor, unitId: string): boolean {
  return isOffice(a) || headsUnit(a, unitId);
}
