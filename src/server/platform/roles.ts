/**
 * Roles as data (STYLE.md 16). A role is held by a person in the agency, optionally scoped to
 * one unit (a unit head heads *their* unit). Capabilities are what a role allows anywhere in the
 * agency, granted by each module's manifest; module policies combine them with record predicates.
 */
import { ROLES, type Role } from '../../contracts/roles';

export { ROLES, type Role };

/**
 * Capability names. Each module declares the ones it defines by augmenting this interface
 * (`declare module '../../platform/roles' { interface Capabilities { 'cases.read': true } }`) and
 * grants them per role in its manifest, so a typo in a policy is a compile error.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in the modules.
export interface Capabilities {}
export type Capability = keyof Capabilities & string;

/** The authenticated person, as policies see them. */
export type Actor = {
  tenantId: string;
  userId: string;
  username: string;
  fullName: string;
  roles: { role: Role; unitId: string | null }[];
  /** What the roles allow, over all modules (from the manifests' grants when the person was loaded). */
  capabilities: readonly Capability[];
};

/** True if the actor holds a capability through any of their roles. */
export function can(actor: Actor, capability: Capability): boolean {
  return actor.capabilities.includes(capability);
}

/** Predicate: the actor holds `role` (in `unitId` when given). */
export function hasRole(actor: Actor, role: Role, unitId?: string): boolean {
  return actor.roles.some((r) => r.role === role && (unitId === undefined || r.unitId === unitId));
}

/** Units the actor belongs to through any role. */
export function unitsOf(actor: Actor): string[] {
  return [...new Set(actor.roles.map((r) => r.unitId).filter((u): u is string => u !== null))];
}
