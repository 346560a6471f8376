/**
 * Whether a case's resolution may be suspended (tạm đình chỉ) on a date, from the rule data: the
 * resolution rule in force on the acceptance date must have a suspension ground, and a ground
 * dated from a later law (`SuspensionRule.from`) covers only suspensions from that date.
 *
 * - Complaints: Law 02/2011 Art. 11a (added by Law 136/2025/QH15) from 01/07/2026; for a
 *   complaint accepted before that day and not yet decided, the transitional provision of Decree
 *   155/2026/NĐ-CP Art. 22(1) applies the same suspension (KN-L1 / KN-L2 version 1).
 * - Denunciations: Law 25/2018/QH14 Art. 34, since 01/01/2019 (TC-RESOLVE).
 * - Petitions and feedback have no suspension procedure.
 *
 * The deadline engine runs the same check ({@link suspensionGroundError}) on every suspension it
 * counts, so a service that asks here first and the computed deadline never disagree.
 */

import { compareIsoDates, formatDmy, type IsoDate, isIsoDate } from '../dates';
import { DeadlineError } from './errors';
import { DEFAULT_RULE_REGISTRY, type RuleRegistry } from './registry';
import { formatBasis } from './rules';
import type { Confidence, DeadlineRuleVersion, LegalBasis } from './types';

/**
 * The error for a suspension starting on `date` under a rule version, or null when the version
 * has a ground for it. Does not check the date against the trigger or the deadline.
 * @param rule - the rule version in force on the trigger date.
 * @param date - the day the suspension starts (the suspension decision).
 * @returns DEADLINE_SUSPENSION_NOT_ALLOWED (no ground), DEADLINE_SUSPENSION_TOO_EARLY (a ground
 *   only from a later day), or null.
 */
export function suspensionGroundError(rule: DeadlineRuleVersion, date: IsoDate): DeadlineError | null {
  const s = rule.suspension;
  if (!s) return new DeadlineError('DEADLINE_SUSPENSION_NOT_ALLOWED', { ruleId: rule.id, version: rule.version });
  if (s.from !== undefined && compareIsoDates(date, s.from) < 0) {
    const first = s.basis[0];
    return new DeadlineError('DEADLINE_SUSPENSION_TOO_EARLY', {
      ruleId: rule.id,
      version: rule.version,
      from: formatDmy(s.from),
      date: formatDmy(date),
      basis: first ? formatBasis({ document: first.document, ...(first.article ? { article: first.article } : {}) }) : '',
    });
  }
  return null;
}

/** Case kinds as the cases module names them. */
export type CaseKindForSuspension = 'complaint' | 'denunciation' | 'petition' | 'feedback';

/**
 * The rule whose clock a suspension stops: KN-L1 / KN-L2 for a complaint (first / second
 * instance), TC-RESOLVE for a denunciation; null for petitions and feedback.
 * @param kind - the case kind.
 * @param instance - 1 or 2 for a complaint; ignored otherwise.
 * @returns the rule id, or null.
 */
export function resolutionRuleOf(kind: string, instance: number = 1): 'KN-L1' | 'KN-L2' | 'TC-RESOLVE' | null {
  if (kind === 'complaint') return instance === 2 ? 'KN-L2' : 'KN-L1';
  if (kind === 'denunciation') return 'TC-RESOLVE';
  return null;
}

/** Options of {@link maySuspend}. */
export interface MaySuspendOptions {
  /** For a complaint: 1 (first instance, default) or 2. */
  readonly instance?: number;
  /** The resolution decision (or conclusion), if already issued: nothing is left to suspend from that day. */
  readonly decidedOn?: IsoDate | null;
  /** The rules; the seed rules by default. */
  readonly registry?: RuleRegistry;
}

/** The answer of {@link maySuspend}. */
export type SuspensionVerdict =
  | {
      readonly allowed: true;
      /** The rule whose clock stops, e.g. 'KN-L1'. */
      readonly ruleId: string;
      /** Its version in force on the acceptance date. */
      readonly ruleVersion: number;
      /** True when the ground is a transitional provision reaching a case accepted before it (Decree 155/2026 Art. 22(1)). */
      readonly transitional: boolean;
      /** Legal basis of the suspension, to cite on the decision and in the case's history. */
      readonly basis: readonly LegalBasis[];
      /** The basis as Vietnamese text, references separated by '; '. */
      readonly citation: string;
      /** How sure the basis is. */
      readonly confidence: Confidence;
    }
  | {
      readonly allowed: false;
      /** Why not, in Vietnamese and English, with a code an API answers with (status 400). */
      readonly error: DeadlineError;
    };

/**
 * Whether a case accepted on `acceptedOn` may be suspended on `suspendedOn`.
 * @example maySuspend('complaint', '2026-05-04', '2026-07-15').allowed === true // Decree 155/2026 Art. 22(1)
 * @example maySuspend('complaint', '2026-05-04', '2026-06-29').allowed === false // DEADLINE_SUSPENSION_TOO_EARLY
 * @param kind - the case kind: 'complaint', 'denunciation', 'petition' or 'feedback'.
 * @param acceptedOn - the acceptance date (it chooses the rule version).
 * @param suspendedOn - the date of the suspension decision.
 * @param options - complaint instance, decision date, registry.
 * @returns `{ allowed: true, … basis }` or `{ allowed: false, error }`; never throws for bad input.
 */
export function maySuspend(kind: string, acceptedOn: IsoDate, suspendedOn: IsoDate, options: MaySuspendOptions = {}): SuspensionVerdict {
  const no = (error: DeadlineError): SuspensionVerdict => ({ allowed: false, error });
  const ruleId = resolutionRuleOf(kind, options.instance ?? 1);
  if (!ruleId) {
    return no(
      new DeadlineError('DEADLINE_INVALID_OPTION', { field: 'kind', value: `${kind}: không có thủ tục tạm đình chỉ / no suspension` }),
    );
  }
  if (!isIsoDate(acceptedOn)) return no(new DeadlineError('DEADLINE_INVALID_DATE', { field: 'acceptedOn', value: String(acceptedOn) }));
  if (!isIsoDate(suspendedOn)) return no(new DeadlineError('DEADLINE_INVALID_DATE', { field: 'suspendedOn', value: String(suspendedOn) }));
  const decidedOn = options.decidedOn ?? null;
  if (decidedOn !== null && !isIsoDate(decidedOn)) {
    return no(new DeadlineError('DEADLINE_INVALID_DATE', { field: 'decidedOn', value: String(decidedOn) }));
  }
  const invalid = (reason: string, reasonEn: string) =>
    no(new DeadlineError('DEADLINE_SUSPENSION_INVALID', { from: suspendedOn, to: suspendedOn, reason, reasonEn }));
  if (compareIsoDates(suspendedOn, acceptedOn) < 0) {
    return invalid(`trước ngày thụ lý ${formatDmy(acceptedOn)}`, `it precedes the acceptance on ${acceptedOn}`);
  }
  if (decidedOn !== null && compareIsoDates(decidedOn, suspendedOn) <= 0) {
    return invalid(`đã có quyết định giải quyết ngày ${formatDmy(decidedOn)}`, `the case was decided on ${decidedOn}`);
  }
  const registry = options.registry ?? DEFAULT_RULE_REGISTRY;
  let rule: DeadlineRuleVersion;
  try {
    const found = registry.versionOn(ruleId, acceptedOn);
    if (found.kind !== 'deadline') return no(new DeadlineError('DEADLINE_SUSPENSION_NOT_ALLOWED', { ruleId, version: found.version }));
    rule = found;
  } catch (err) {
    if (err instanceof DeadlineError) return no(err);
    throw err;
  }
  const error = suspensionGroundError(rule, suspendedOn);
  if (error) return no(error);
  // suspensionGroundError returned null, so the rule has a suspension ground.
  const s = rule.suspension!;
  return {
    allowed: true,
    ruleId,
    ruleVersion: rule.version,
    transitional: s.from !== undefined && compareIsoDates(acceptedOn, s.from) < 0,
    basis: s.basis,
    citation: s.basis.map(formatBasis).join('; ').normalize('NFC'),
    confidence: s.confidence,
  };
}
