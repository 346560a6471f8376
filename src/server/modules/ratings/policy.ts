/**
 * Who may do what with the year-end rating of dân vận work (issue #12; DOMAIN.md §4 process:
 * self-assessment by the unit → appraisal by the standing body → announcement → emulation and
 * commendation). A unit rates itself only, through its head; the Office (the agency's standing
 * body for dân vận work) appraises, publishes, answers appeals and keeps the commendations; the
 * leadership and the People's Inspection Board see every rating; once published, every member of
 * the agency sees the results.
 */
import { can, hasRole, type Actor } from '../../platform/roles';

type R = { unitId: string; status: string };

/** The `unitId` of the agency's own rating toward the province. */
export const AGENCY = 'agency';

export const isOffice = (a: Actor) => can(a, 'ratings.appraise');
const oversight = (a: Actor) => isOffice(a) || a.roles.some((r) => r.role === 'leader' || r.role === 'inspection');

/** Who answers for the rated subject: a unit's head, or for the agency its Office and leadership. */
export const speaksFor = (a: Actor, unitId: string) =>
  unitId === AGENCY ? isOffice(a) || a.roles.some((r) => r.role === 'leader') : hasRole(a, 'unit_head', unitId);

export const ratingPolicy = {
  read: (a: Actor, r: R) =>
    can(a, 'ratings.read') && (oversight(a) || r.status === 'published' || a.roles.some((x) => x.unitId === r.unitId)),
  selfAssess: (a: Actor, r: R) => speaksFor(a, r.unitId) && (r.status === 'not_started' || r.status === 'draft'),
  appraise: (a: Actor, r: R) => isOffice(a) && (r.status === 'submitted' || r.status === 'appraised' || r.status === 'appealed'),
  appeal: (a: Actor, r: R) => speaksFor(a, r.unitId) && r.status === 'published',
};
