/**
 * Statutory deadline rules (DOMAIN.md §7.3) as versioned data, and the engine that computes a
 * due date with its explanation on the agency's working-day calendar. Pure: no I/O.
 */
export * from './types';
export * from './errors';
export * from './rules';
export * from './registry';
export * from './compute';
export * from './frequency';
export * from './suspension';
export * from './second-complaint';
