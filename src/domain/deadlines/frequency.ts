/**
 * Frequency rules (kind 'frequency'), e.g. TCD-HEAD-FREQ: the head of an agency receives
 * citizens in person at least one day a month (Law 42/2013/QH13 Art. 18(2)); a commune chair at
 * least one day a week (Art. 15(2)(d)). They say how often, not by when, so they are answered by
 * the period that contains a date rather than by a due date.
 */

import { addDays, daysInMonth, dayOfWeek, formatDmy, type IsoDate, isIsoDate, parseIsoDate, toIsoDate } from '../dates';
import { DeadlineError } from './errors';
import { DEFAULT_RULE_REGISTRY, type RuleRegistry } from './registry';
import type { LegalBasis } from './types';

/** The period a frequency obligation is measured over. */
export interface FrequencyPeriod {
  readonly ruleId: string;
  readonly ruleVersion: number;
  /** Key of the variant used, or null for the main obligation. */
  readonly variant: string | null;
  /** First day of the period (the 1st of the month, or a Monday). */
  readonly from: IsoDate;
  /** Last day of the period (the month's last day, or a Sunday). */
  readonly to: IsoDate;
  /** Minimum number of sessions within the period. */
  readonly minSessions: number;
  readonly per: 'month' | 'week';
  readonly basis: readonly LegalBasis[];
  /** One Vietnamese sentence, e.g. 'Ít nhất 01 buổi trong tháng 05/2026 (01/05/2026 – 31/05/2026).' */
  readonly text: string;
}

/**
 * The period of a frequency rule that contains a date: the calendar month, or the week from
 * Monday to Sunday.
 * @param ruleId - a rule of kind 'frequency', e.g. 'TCD-HEAD-FREQ'.
 * @param date - any date in the period.
 * @param variant - a variant key (e.g. 'commune_chair'), or undefined for the main obligation.
 * @param registry - the rules; the seed rules by default.
 * @returns the period, the minimum number of sessions and the basis.
 * @throws DeadlineError DEADLINE_UNKNOWN_RULE (also for a deadline rule or an unknown variant),
 *   DEADLINE_INVALID_DATE or DEADLINE_NO_RULE_VERSION.
 */
export function frequencyPeriod(
  ruleId: string,
  date: IsoDate,
  variant?: string,
  registry: RuleRegistry = DEFAULT_RULE_REGISTRY,
): FrequencyPeriod {
  if (!registry.has(ruleId)) throw new DeadlineError('DEADLINE_UNKNOWN_RULE', { ruleId });
  if (!isIsoDate(date)) throw new DeadlineError('DEADLINE_INVALID_DATE', { field: 'date', value: String(date) });
  const rule = registry.versionOn(ruleId, date);
  if (rule.kind !== 'frequency') throw new DeadlineError('DEADLINE_UNKNOWN_RULE', { ruleId: `${ruleId} (frequency)` });
  const v = variant === undefined ? undefined : rule.variants?.find((x) => x.key === variant);
  if (variant !== undefined && !v) throw new DeadlineError('DEADLINE_UNKNOWN_RULE', { ruleId: `${ruleId}/${variant}` });
  const per = v?.per ?? rule.per;
  const minSessions = v?.minSessions ?? rule.minSessions;
  let from: IsoDate;
  let to: IsoDate;
  let what: string;
  if (per === 'month') {
    const { month, year } = parseIsoDate(date);
    from = toIsoDate({ day: 1, month, year });
    to = toIsoDate({ day: daysInMonth(year, month), month, year });
    what = `tháng ${String(month).padStart(2, '0')}/${year}`;
  } else {
    // ISO week: Monday (1) to Sunday (0).
    from = addDays(date, -((dayOfWeek(date) + 6) % 7));
    to = addDays(from, 6);
    what = 'tuần';
  }
  return {
    ruleId: rule.id,
    ruleVersion: rule.version,
    variant: v ? v.key : null,
    from,
    to,
    minSessions,
    per,
    basis: v ? v.basis : rule.basis,
    text: `Ít nhất ${String(minSessions).padStart(2, '0')} buổi trong ${what} (${formatDmy(from)} – ${formatDmy(to)}).`.normalize('NFC'),
  };
}
