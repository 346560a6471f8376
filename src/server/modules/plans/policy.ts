/**
 * Who may do what with plans and tasks (issue #3): the Office edits every plan and assigns
 * tasks; a unit head edits only their own unit's plan and reports progress on their unit's
 * tasks; every member of the agency reads (Law 10/2022 Art. 46(2): work plans are published
 * internally).
 */
import { definePolicy } from '../../platform/policy';
import { can, hasRole, type Actor } from '../../platform/roles';

const isOffice = (a: Actor) => can(a, 'plans.manage');
const headsUnit = (a: Actor, unitId: string | null) => !!unitId && hasRole(a, 'unit_head', unitId);

export const planPolicy = definePolicy<{ unitId: string | null; status: string }, 'update' | 'manageTasks' | 'createUnitPlan' | 'number'>({
  read: (a) => can(a, 'plans.read'),
  update: (a, p) => p.status !== 'archived' && (isOffice(a) || headsUnit(a, p.unitId)),
  manageTasks: (a, p) => p.status !== 'archived' && (isOffice(a) || headsUnit(a, p.unitId)),
  // A unit head makes their unit's plan under an agency plan; the Office may make any.
  createUnitPlan: (a, p) => p.unitId === null && (isOffice(a) || a.roles.some((r) => r.role === 'unit_head')),
  // The number and symbol come from the register the văn thư keeps (Decree 30/2020 Art. 15; the `outgoing` module).
  number: (a, p) => p.status !== 'archived' && can(a, 'outgoing.issue'),
});

export const taskPolicy = definePolicy<{ leadUnitId: string; coUnitIds: string[]; planUnitId: string | null }, 'update' | 'report'>({
  read: (a) => can(a, 'plans.read'),
  update: (a, t) => isOffice(a) || headsUnit(a, t.planUnitId),
  // Progress is reported by the heads of the units that do the work (staff read only).
  report: (a, t) => isOffice(a) || headsUnit(a, t.leadUnitId) || t.coUnitIds.some((u) => headsUnit(a, u)),
});

export const legalDocumentPolicy = definePolicy<{ id: string }, 'update'>({
  read: (a) => can(a, 'plans.read'),
  update: (a) => isOffice(a),
});
