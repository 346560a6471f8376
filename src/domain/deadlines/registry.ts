/**
 * A checked, read-only set of rule versions, and the lookup of the version in force on a date.
 * The default registry holds {@link DEADLINE_RULES}; an agency that configures a rule
 * differently (e.g. another day type, DOMAIN.md §2) builds its own registry from edited data.
 */

import { compareIsoDates, type IsoDate, isIsoDate } from '../dates';
import { DeadlineError } from './errors';
import { DEADLINE_RULES } from './rules';
import type { RuleVersion } from './types';

const ID_RE = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;

/** Rule versions by id, each list sorted by `validFrom`. */
export interface RuleRegistry {
  /** The rule ids, sorted. */
  ids(): string[];
  /** Whether a rule id exists (any version). */
  has(ruleId: string): boolean;
  /**
   * Every version of a rule, oldest first.
   * @throws DeadlineError DEADLINE_UNKNOWN_RULE if the id is unknown.
   */
  versions(ruleId: string): readonly RuleVersion[];
  /**
   * The version in force on a date (the case's trigger date).
   * @throws DeadlineError DEADLINE_UNKNOWN_RULE, DEADLINE_INVALID_DATE or DEADLINE_NO_RULE_VERSION.
   */
  versionOn(ruleId: string, date: IsoDate): RuleVersion;
}

function positiveInt(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1;
}

function nonNegativeInt(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

/** Every problem of one rule version, as English sentences. */
function problemsOf(r: RuleVersion): string[] {
  const p: string[] = [];
  const where = `${String(r.id)} v${String(r.version)}`;
  if (typeof r.id !== 'string' || !ID_RE.test(r.id)) p.push(`${where}: id must be upper-case words joined by '-'`);
  if (!positiveInt(r.version)) p.push(`${where}: version must be a positive integer`);
  for (const [field, value] of [
    ['title', r.title],
    ['titleEn', r.titleEn],
    ['trigger', r.trigger],
    ['triggerEn', r.triggerEn],
  ] as const) {
    if (typeof value !== 'string' || value.trim() === '') p.push(`${where}: ${field} must not be empty`);
    else if (value !== value.normalize('NFC')) p.push(`${where}: ${field} must be NFC`);
  }
  if (!isIsoDate(r.validFrom)) p.push(`${where}: validFrom must be an ISO date`);
  if (r.validTo !== undefined) {
    if (!isIsoDate(r.validTo)) p.push(`${where}: validTo must be an ISO date`);
    else if (isIsoDate(r.validFrom) && compareIsoDates(r.validTo, r.validFrom) < 0) p.push(`${where}: validTo is before validFrom`);
  }
  if (!Array.isArray(r.basis) || r.basis.length === 0) p.push(`${where}: at least one legal basis is required`);
  for (const b of r.basis ?? []) {
    if (typeof b.document !== 'string' || b.document.trim() === '') p.push(`${where}: a basis has no document`);
  }
  if (!['confirmed', 'reported', 'background'].includes(r.confidence)) p.push(`${where}: unknown confidence`);
  if (r.kind === 'deadline') {
    if (!positiveInt(r.duration)) p.push(`${where}: duration must be a positive integer`);
    if (!['working_days', 'calendar_days', 'months', 'years'].includes(r.unit)) p.push(`${where}: unknown unit`);
    if (!['after', 'before'].includes(r.direction)) p.push(`${where}: unknown direction`);
    if (r.direction === 'before' && r.unit !== 'working_days') {
      p.push(`${where}: a 'before' rule must count working days`);
    }
    if (r.direction === 'before' && (r.extensions || r.suspension || r.remote || r.complex || r.communeLevel || r.recurring)) {
      p.push(`${where}: a 'before' rule takes no variants, extensions, suspensions or recurrence`);
    }
    for (const [name, v] of [
      ['remote', r.remote],
      ['complex', r.complex],
      ['communeLevel', r.communeLevel],
    ] as const) {
      if (v && !positiveInt(v.duration)) p.push(`${where}: ${name}.duration must be a positive integer`);
    }
    if (r.remote?.complexDuration !== undefined && !positiveInt(r.remote.complexDuration)) {
      p.push(`${where}: remote.complexDuration must be a positive integer`);
    }
    if (r.extensions) {
      const e = r.extensions;
      if (!positiveInt(e.maxDuration)) p.push(`${where}: extensions.maxDuration must be a positive integer`);
      if (!nonNegativeInt(e.maxCount.standard) || !nonNegativeInt(e.maxCount.complex) || !nonNegativeInt(e.maxCount.especiallyComplex)) {
        p.push(`${where}: extensions.maxCount must be non-negative integers`);
      } else if (e.maxCount.standard > e.maxCount.complex || e.maxCount.complex > e.maxCount.especiallyComplex) {
        p.push(`${where}: extensions.maxCount must not decrease with complexity`);
      }
      if (e.basis.length === 0) p.push(`${where}: extensions need a legal basis`);
    }
    if (r.suspension && r.suspension.basis.length === 0) p.push(`${where}: suspension needs a legal basis`);
    if (r.suspension?.from !== undefined && !isIsoDate(r.suspension.from)) p.push(`${where}: suspension.from must be an ISO date`);
    if ((r.unit === 'months' || r.unit === 'years') && (r.extensions || r.suspension)) {
      p.push(`${where}: a period in months or years takes no extensions or suspensions`);
    }
  } else if (r.kind === 'frequency') {
    if (!positiveInt(r.minSessions)) p.push(`${where}: minSessions must be a positive integer`);
    if (!['month', 'week'].includes(r.per)) p.push(`${where}: per must be 'month' or 'week'`);
  } else {
    p.push(`${where}: unknown kind`);
  }
  return p;
}

/**
 * Builds a registry after checking the data: ids, versions, dates, durations, bases, and that
 * the versions of one rule are numbered 1, 2, … in date order without overlapping. A gap
 * between versions is allowed (no rule in force then); an overlap is not.
 * @param rules - rule versions in any order.
 * @returns the registry.
 * @throws RangeError listing every problem found.
 */
export function createRuleRegistry(rules: readonly RuleVersion[]): RuleRegistry {
  const problems = rules.flatMap(problemsOf);
  const byId = new Map<string, RuleVersion[]>();
  for (const r of rules) {
    const list = byId.get(r.id) ?? [];
    list.push(r);
    byId.set(r.id, list);
  }
  if (problems.length === 0) {
    for (const [id, list] of byId) {
      list.sort((a, b) => compareIsoDates(a.validFrom, b.validFrom));
      list.forEach((r, i) => {
        if (r.version !== i + 1)
          problems.push(`${id}: versions must be numbered 1, 2, … in validFrom order (found v${r.version} at position ${i + 1})`);
        if (r.kind !== list[0]?.kind) problems.push(`${id}: all versions must be of the same kind`);
        const next = list[i + 1];
        if (next) {
          if (r.validTo === undefined) problems.push(`${id} v${r.version}: open-ended but followed by v${next.version}`);
          else if (compareIsoDates(r.validTo, next.validFrom) >= 0) problems.push(`${id} v${r.version} overlaps v${next.version}`);
        }
      });
    }
  }
  if (problems.length > 0) {
    throw new RangeError(`invalid deadline rules:\n- ${problems.join('\n- ')}`);
  }
  const ids = [...byId.keys()].sort();
  return {
    ids: () => [...ids],
    has: (ruleId) => byId.has(ruleId),
    versions(ruleId) {
      const list = byId.get(ruleId);
      if (!list) throw new DeadlineError('DEADLINE_UNKNOWN_RULE', { ruleId });
      return list;
    },
    versionOn(ruleId, date) {
      const list = this.versions(ruleId);
      if (!isIsoDate(date)) throw new DeadlineError('DEADLINE_INVALID_DATE', { field: 'trigger', value: String(date) });
      const found = list.find(
        (r) => compareIsoDates(r.validFrom, date) <= 0 && (r.validTo === undefined || compareIsoDates(date, r.validTo) <= 0),
      );
      if (!found) throw new DeadlineError('DEADLINE_NO_RULE_VERSION', { ruleId, date });
      return found;
    },
  };
}

/** The registry of the seed rules of DOMAIN.md §7.3. */
export const DEFAULT_RULE_REGISTRY: RuleRegistry = createRuleRegistry(DEADLINE_RULES);
