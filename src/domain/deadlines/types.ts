/**
 * Types of the statutory deadline rules (DOMAIN.md §7.3) and of a computed deadline.
 *
 * A rule is DATA: an id, a version, the period, how it is counted, its variants and extensions,
 * the dates between which the version applies, and its legal basis. The engine
 * ({@link ./compute}) picks the version in force on the case's trigger date (DOMAIN.md §7.4).
 */

import type { IsoDate } from '../dates';
import type { ComputationStep } from '../working-days';

/**
 * How a period is counted:
 * - 'working_days': "n ngày làm việc", only working days of the agency calendar count;
 * - 'calendar_days': "n ngày", every day counts, a last day off rolls to the next working day
 *   (Civil Code 2015 Art. 148(5));
 * - 'months' / 'years': calendar months or years ending on the corresponding day (Art. 148(3)–(4)).
 */
export type DeadlineUnit = 'working_days' | 'calendar_days' | 'months' | 'years';

/** 'after': the due date follows the trigger; 'before': the latest day for an act before the trigger date. */
export type DeadlineDirection = 'after' | 'before';

/** How sure the legal text behind a rule is (the marks of DOMAIN.md). */
export type Confidence = 'confirmed' | 'reported' | 'background';

/** One legal reference: the document's number and symbol, the article, and a note. */
export interface LegalBasis {
  /** Number and symbol, e.g. '02/2011/QH13', '124/2020/NĐ-CP'. */
  readonly document: string;
  /** Article (and clause), e.g. 'Điều 28', 'Điều 24 khoản 1'. Absent when not yet verified. */
  readonly article?: string;
  /** What the reference says or why it is cited, in Vietnamese. */
  readonly note?: string;
}

/** A variant of the period (remote area, complex case, commune level). */
export interface DurationVariant {
  /** The period of the variant, in the rule's unit. */
  readonly duration: number;
}

/** The remote-area variant; `complexDuration` is the period when the case is also complex. */
export interface RemoteVariant extends DurationVariant {
  /** Period for a complex case in a remote or hard-to-reach area (e.g. 60 days for KN-L1). */
  readonly complexDuration?: number;
}

/**
 * Extensions of a period, each a separate act (for TC-RESOLVE a written decision, Mẫu 01 of
 * Decree 31/2019). The number allowed depends on the case's complexity.
 */
export interface ExtensionRule {
  /** Longest single extension, in the rule's unit. */
  readonly maxDuration: number;
  /** How many extensions are allowed for an ordinary, a complex and an especially complex case. */
  readonly maxCount: {
    readonly standard: number;
    readonly complex: number;
    readonly especiallyComplex: number;
  };
  /** Whether each extension must be a numbered decision (the number is then mandatory). */
  readonly requiresDecision: boolean;
  /** When an extension is allowed, in Vietnamese. */
  readonly conditions: string;
  /** The same in English. */
  readonly conditionsEn: string;
  /** Legal basis of the extension. */
  readonly basis: readonly LegalBasis[];
}

/**
 * Intervals during which the clock stops:
 * - 'decision': a suspension decision (tạm đình chỉ) on `from` and a continuation decision on
 *   `to`. The suspension day still counts (the case was handled that day); the days after it up
 *   to and including the continuation day do not; counting resumes the day after the
 *   continuation decision (Civil Code Art. 147(3) applied to that decision). Days excluded:
 *   `to − from`.
 * - 'obstacle': an objective obstacle (illness, disaster, distant work…) lasting from `from` to
 *   `to`, both days included (KN-LIMIT, Law 02/2011 Art. 9). Days excluded: `to − from + 1`,
 *   never counting the trigger day itself, which is not part of the period anyway.
 */
export interface SuspensionRule {
  readonly kind: 'decision' | 'obstacle';
  /**
   * First day a suspension may start under this ground, when the ground is younger than the
   * rule version: a transitional provision that brings a later law's suspension to cases
   * triggered before that law (Decree 155/2026/NĐ-CP Art. 22(1) for complaints accepted before
   * 01/07/2026). A suspension starting earlier has no ground. Absent: any day from the trigger.
   */
  readonly from?: IsoDate;
  /** Legal basis of the exclusion. */
  readonly basis: readonly LegalBasis[];
  /** How sure the basis of the exclusion is. */
  readonly confidence: Confidence;
}

/** Fields common to every rule version. */
interface RuleVersionBase {
  /** Stable id, as in DOMAIN.md §7.3, e.g. 'TC-INITIAL'. */
  readonly id: string;
  /** Version number, 1, 2, … (a new version when the law changes). */
  readonly version: number;
  /** Vietnamese title. */
  readonly title: string;
  /** English title. */
  readonly titleEn: string;
  /** The triggering event, in Vietnamese. */
  readonly trigger: string;
  /** The triggering event, in English. */
  readonly triggerEn: string;
  /** First trigger date (inclusive) to which this version applies. */
  readonly validFrom: IsoDate;
  /** Last trigger date (inclusive) to which this version applies; open-ended if absent. */
  readonly validTo?: IsoDate;
  /** Legal basis: at least one reference. */
  readonly basis: readonly LegalBasis[];
  /** How sure the legal text of this version is. */
  readonly confidence: Confidence;
  /** Further remarks shown with the rule, in Vietnamese. */
  readonly notes?: readonly string[];
}

/** A deadline rule: a period counted from (or before) a triggering event. */
export interface DeadlineRuleVersion extends RuleVersionBase {
  readonly kind: 'deadline';
  /** The period, in `unit`. */
  readonly duration: number;
  readonly unit: DeadlineUnit;
  readonly direction: DeadlineDirection;
  /** What the due date means, in Vietnamese, e.g. 'Hạn thụ lý'. */
  readonly dueLabel: string;
  /** The same in English. */
  readonly dueLabelEn: string;
  /** Remote or hard-to-reach area variant (vùng sâu, vùng xa đi lại khó khăn). */
  readonly remote?: RemoteVariant;
  /** Complex case variant (vụ việc phức tạp): a longer statutory period, no decision needed. */
  readonly complex?: DurationVariant;
  /** Commune-level variant (cấp xã), e.g. 30 days of posting instead of 20. */
  readonly communeLevel?: DurationVariant;
  /** Extensions by separate acts. */
  readonly extensions?: ExtensionRule;
  /** Intervals that stop the clock. */
  readonly suspension?: SuspensionRule;
  /** For a recurring obligation (every 6 months…): the n-th occurrence is n periods after the trigger. */
  readonly recurring?: boolean;
}

/** A frequency rule: at least `minSessions` per period (e.g. the head's reception days). Not a deadline. */
export interface FrequencyRuleVersion extends RuleVersionBase {
  readonly kind: 'frequency';
  /** Minimum number of sessions per period. */
  readonly minSessions: number;
  /** The period: a calendar month, or a week from Monday to Sunday. */
  readonly per: 'month' | 'week';
  /** Other obligations of the same rule for other office-holders (e.g. the commune chair weekly). */
  readonly variants?: readonly FrequencyVariant[];
}

/** A variant of a frequency rule for another office-holder. */
export interface FrequencyVariant {
  /** Key used to ask for it, e.g. 'commune_chair'. */
  readonly key: string;
  readonly title: string;
  readonly titleEn: string;
  readonly minSessions: number;
  readonly per: 'month' | 'week';
  readonly basis: readonly LegalBasis[];
}

/** Any rule version in a registry. */
export type RuleVersion = DeadlineRuleVersion | FrequencyRuleVersion;

/** An extension act recorded on a case. */
export interface ExtensionInput {
  /** Number and symbol of the extension decision, e.g. '12/QĐ-STTTT'. Required when the rule needs a decision. */
  readonly decisionNo?: string;
  /** Date of the decision (or of the extension), 'YYYY-MM-DD'. */
  readonly decidedOn: IsoDate;
  /** Length of the extension in the rule's unit; the rule's maximum when absent. */
  readonly days?: number;
}

/** An interval during which the clock stopped (see {@link SuspensionRule} for how it is counted). */
export interface SuspensionInput {
  /** Date of the suspension decision, or first day of the obstacle. */
  readonly from: IsoDate;
  /** Date of the continuation decision, or last day of the obstacle. */
  readonly to: IsoDate;
}

/** What a case supplies to compute one deadline. */
export interface DeadlineInput {
  /** Date of the triggering event (receipt, acceptance, decision…), or the reference date of a 'before' rule. */
  readonly trigger: IsoDate;
  /** Remote or hard-to-reach area. */
  readonly remote?: boolean;
  /** Complex case (any one of the 7 criteria of Decree 31/2019 Art. 3). */
  readonly complex?: boolean;
  /** Especially complex case (2 or more criteria); implies complex. */
  readonly especiallyComplex?: boolean;
  /** Commune-level body (for rules with a commune-level variant). */
  readonly communeLevel?: boolean;
  /** Extensions already decided, in any order. */
  readonly extensions?: readonly ExtensionInput[];
  /** Suspension or obstacle intervals, in any order, not overlapping. */
  readonly suspensions?: readonly SuspensionInput[];
  /** For a recurring rule, which occurrence (1 = the first, default). */
  readonly occurrence?: number;
}

/** An extension as applied by the engine. */
export interface AppliedExtension {
  readonly decisionNo?: string;
  readonly decidedOn: IsoDate;
  readonly days: number;
}

/** A suspension as applied by the engine. */
export interface AppliedSuspension {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Days (or working days, for a working-day rule) taken out of the period. */
  readonly excluded: number;
}

/** A computed deadline with everything needed to show how it was reached. */
export interface DeadlineResult {
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly title: string;
  readonly titleEn: string;
  readonly trigger: IsoDate;
  /** The due date (for a 'before' rule: the latest day to act). */
  readonly due: IsoDate;
  /** The unit the period was counted in. */
  readonly dayType: DeadlineUnit;
  readonly direction: DeadlineDirection;
  /** The statutory period that applied (after the remote/complex/commune variant), in `dayType`. */
  readonly duration: number;
  /** The period actually counted: `duration` (× occurrence) + extensions + suspended days. */
  readonly totalDuration: number;
  readonly extensions: readonly AppliedExtension[];
  readonly suspensions: readonly AppliedSuspension[];
  /** Legal basis of the rule (and of any extension or suspension applied). */
  readonly basis: readonly LegalBasis[];
  /** Civil Code counting rules applied (start, end, roll). */
  readonly countingBasis: readonly string[];
  readonly confidence: Confidence;
  /** Vietnamese lines a UI or the CLI prints as they are. */
  readonly explanation: readonly string[];
  /** The day-by-day steps of the calendar computation. */
  readonly steps: readonly ComputationStep[];
}
