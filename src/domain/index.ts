/**
 * Pure date domain: ISO date helpers, the Vietnamese lunar calendar, statutory holidays and
 * working-day deadline arithmetic. No I/O.
 */
export * from './dates';
export * from './legal-dates';
export * from './lunar';
export * from './holidays';
export * from './working-days';
export * from './deadlines';
export * from './text';
