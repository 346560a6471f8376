/**
 * Declarative policies (STYLE.md 12–15). A module policy maps each action to a rule
 * "this actor may do this to this record if …". `authorize` answers outsiders with 404, so a
 * person who may not even see a record cannot learn that it exists, and 403 otherwise.
 */
import { AppError } from './errors';
import type { Actor } from './roles';

export type Rule<R> = (actor: Actor, record: R) => boolean;
export type Policy<R, A extends string> = { read: Rule<R> } & Record<A, Rule<R>>;

/** Define a policy; the `read` rule decides who may know the record exists. */
export function definePolicy<R, A extends string>(rules: Policy<R, A>): Policy<R, A> {
  return rules;
}

/**
 * Throw unless the actor may perform `action` on `record`.
 * @throws AppError NOT_FOUND when the actor may not read the record, FORBIDDEN otherwise.
 */
export function authorize<R, A extends string>(policy: Policy<R, A>, actor: Actor, action: A | 'read', record: R): void {
  if (!policy.read(actor, record)) throw new AppError('NOT_FOUND');
  if (!(policy[action] as Rule<R>)(actor, record)) throw new AppError('FORBIDDEN');
}

/** The abilities of an actor on one record, sent with it to the client. */
export function abilities<R, A extends string>(policy: Policy<R, A>, actor: Actor, record: R): Record<A | 'read', boolean> {
  const out = {} as Record<A | 'read', boolean>;
  for (const key of Object.keys(policy) as (A | 'read')[]) out[key] = (policy[key] as Rule<R>)(actor, record);
  return out;
}
