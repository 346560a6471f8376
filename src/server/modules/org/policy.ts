/** Who may do what to units and people (STYLE.md 12). */
import { definePolicy } from '../../platform/policy';
import { can } from '../../platform/roles';

/** Units are visible to every member of the agency; the Office and administrators manage them. */
export const unitPolicy = definePolicy<{ id: string }, 'update' | 'create'>({
  read: (a) => can(a, 'org.read'),
  create: (a) => can(a, 'org.manage'),
  update: (a) => can(a, 'org.manage'),
});

/** People: everyone sees the directory; the Office and administrators manage accounts and roles. */
export const personPolicy = definePolicy<{ id: string }, 'create' | 'update' | 'resetPassword' | 'unlock'>({
  read: (a) => can(a, 'people.read'),
  create: (a) => can(a, 'people.manage'),
  update: (a) => can(a, 'people.manage'),
  resetPassword: (a, p) => can(a, 'people.manage') && p.id !== a.userId,
  unlock: (a) => can(a, 'people.manage'),
});
