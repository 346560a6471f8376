/**
 * Roles as data (STYLE.md 16). A role is held by a person in the agency, optionally scoped to
 * one unit (a unit head heads *their* unit). Capabilities are what a role allows anywhere in the
 * agency; module policies combine them with record predicates such as `isInUnit`.
 */
import { ROLES, type Role } from '../../contracts/roles';

export { ROLES, type Role };

/** Every capability a module policy may ask about. Adding one forces a decision for every role. */
export const CAPABILITIES = [
  'org.read',
  'org.manage',
  'people.read',
  'people.manage',
  'calendar.read',
  'calendar.manage',
  'audit.read',
  'dashboard.read',
  'files.upload',
  'search.use',
  'plans.read',
  'plans.manage',
  'cases.read',
  'cases.manage',
  'reception.manage',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const everyone: Capability[] = [
  'org.read',
  'people.read',
  'calendar.read',
  'dashboard.read',
  'files.upload',
  'search.use',
  'plans.read',
  'cases.read',
];

/** Role → capabilities. `satisfies` makes a new role a compile error until it is decided here. */
export const ROLE_CAPABILITIES = {
  admin: [...everyone, 'org.manage', 'people.manage', 'calendar.manage', 'audit.read', 'plans.manage'],
  // The Office (Văn phòng) is the standing body that coordinates the work and keeps the records.
  office: [...everyone, 'org.manage', 'people.manage', 'calendar.manage', 'audit.read', 'plans.manage', 'cases.manage', 'reception.manage'],
  leader: [...everyone, 'audit.read'],
  unit_head: [...everyone],
  staff: [...everyone],
  // The People's Inspection Board supervises (Law 10/2022 Art. 61(3): may require information).
  inspection: [...everyone, 'audit.read'],
  union: [...everyone],
} satisfies Record<Role, readonly Capability[]>;

/** The authenticated person, as policies see them. */
export type Actor = {
  tenantId: string;
  userId: string;
  username: string;
  fullName: string;
  roles: { role: Role; unitId: string | null }[];
};

/** True if the actor holds a capability through any of their roles. */
export function can(actor: Actor, capability: Capability): boolean {
  return actor.roles.some((r) => (ROLE_CAPABILITIES[r.role] as readonly Capability[]).includes(capability));
}

/** Predicate: the actor holds `role` (in `unitId` when given). */
export function hasRole(actor: Actor, role: Role, unitId?: string): boolean {
  return actor.roles.some((r) => r.role === role && (unitId === undefined || r.unitId === unitId));
}

/** Units the actor belongs to through any role. */
export function unitsOf(actor: Actor): string[] {
  return [...new Set(actor.roles.map((r) => r.unitId).filter((u): u is string => u !== null))];
}

/** All capabilities of an actor: sent to the client so the UI offers only what is allowed (STYLE.md 13). */
export function capabilitiesOf(actor: Actor): Capability[] {
  return CAPABILITIES.filter((c) => can(actor, c));
}
