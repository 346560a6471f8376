/**
 * The People's Inspection Board's rules, pure (no I/O): who may be elected, how the board is
 * composed, when a decision carries, and where a recommendation to the head stands.
 * Law 10/2022/QH15 Arts. 60–63; Decree 59/2023/NĐ-CP Arts. 20–23 (DOMAIN.md §1.1, §7.4).
 * The dates themselves (term, recognition, notice, reply) come from the deadline engine
 * (BTTND-TERM, BTTND-RECOG, BTTND-NOTICE, BTTND-REPLY), never from here.
 */
import { compareIsoDates } from '../../../domain';

/** Staff at or under this count have no board unless the union one level up decides (Law 10/2022 Art. 60(1)). */
export const SMALL_AGENCY_STAFF = 7;
/** Law 10/2022 Art. 60(1): from 03 to 09 members; more only by conference decision (Decree 59/2023 Art. 21(2)). */
export const MIN_MEMBERS = 3;
export const MAX_MEMBERS = 9;

export const MEMBER_ROLES = ['chair', 'deputy', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** What the law asks of a candidate, as facts about the person. */
export type Candidate = {
  /** Works in the agency (Art. 60(2): "đang làm việc tại cơ quan, đơn vị"). */
  worksInAgency: boolean;
  /** Head of the agency (người đứng đầu). */
  isHead: boolean;
  /** Deputy head of the agency (cấp phó của người đứng đầu). */
  isDeputyHead: boolean;
  /** Chief accountant (kế toán trưởng). */
  isChiefAccountant: boolean;
};

export type EligibilityProblem = 'not_staff' | 'head' | 'deputy_head' | 'chief_accountant';

/**
 * Why a person may not sit on the board, empty when eligible.
 * Law 10/2022 Art. 60(2): a member works in the agency and may not be the head, a deputy head
 * or the chief accountant (the people the board supervises).
 */
export function eligibilityProblems(c: Candidate): EligibilityProblem[] {
  const out: EligibilityProblem[] = [];
  if (!c.worksInAgency) out.push('not_staff');
  if (c.isHead) out.push('head');
  if (c.isDeputyHead) out.push('deputy_head');
  if (c.isChiefAccountant) out.push('chief_accountant');
  return out;
}

/**
 * Whether the agency has a board at all. Law 10/2022 Art. 60(1): an agency with 07 staff or
 * fewer has none, unless the union one level up decides otherwise on the local union's report.
 */
export function boardAllowed(staffCount: number, upperUnionDecided: boolean): boolean {
  return staffCount > SMALL_AGENCY_STAFF || upperUnionDecided;
}

/**
 * The most deputies a board of `members` may have. Decree 59/2023 Art. 21(3): a board of 09 or
 * more members may have no more than 02 deputies; read a contrario, a smaller board has one.
 */
export function deputyLimit(members: number): number {
  return members >= 9 ? 2 : 1;
}

export type CompositionProblem = 'too_few' | 'too_many' | 'chairs' | 'deputies';

/**
 * What is wrong with a board's make-up, empty when lawful.
 * - 03 to 09 members (Law 10/2022 Art. 60(1)); more than 09 only when the conference so decided
 *   on the union's proposal agreed with the head (Decree 59/2023 Art. 21(2));
 * - one chair (Trưởng ban) at most, deputies within {@link deputyLimit} (Decree 59/2023 Art. 21(3)).
 */
export function compositionProblems(roles: readonly MemberRole[], moreThanNineDecided: boolean): CompositionProblem[] {
  const out: CompositionProblem[] = [];
  const n = roles.length;
  if (n < MIN_MEMBERS) out.push('too_few');
  if (n > MAX_MEMBERS && !moreThanNineDecided) out.push('too_many');
  if (roles.filter((r) => r === 'chair').length > 1) out.push('chairs');
  if (roles.filter((r) => r === 'deputy').length > deputyLimit(n)) out.push('deputies');
  return out;
}

/**
 * Whether a finding carries: the board works collectively and decides by majority
 * (Decree 59/2023 Art. 20), i.e. more than half of its sitting members vote for it.
 */
export function carries(votesFor: number, sittingMembers: number): boolean {
  return sittingMembers > 0 && votesFor * 2 > sittingMembers;
}

export const RECOMMENDATION_STATUSES = ['open', 'overdue', 'answered', 'answered_late'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/**
 * Where a recommendation to the head stands on `today`. The head resolves it and notifies the
 * result within 15 days of receipt (Law 10/2022 Art. 63(1)(c)); `dueOn` is that day (BTTND-REPLY).
 */
export function recommendationStatus(dueOn: string, answeredOn: string | null, today: string): RecommendationStatus {
  if (answeredOn) return compareIsoDates(answeredOn, dueOn) <= 0 ? 'answered' : 'answered_late';
  return compareIsoDates(today, dueOn) > 0 ? 'overdue' : 'open';
}

export const PERIODS = ['q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/**
 * The first and last day of a programme or report period. The board works by quarter, 6 months
 * and year (Law 10/2022 Art. 62(2); Decree 59/2023 Art. 22) and reports on the same periods.
 */
export function periodRange(year: number, period: Period): { from: string; to: string } {
  const y = String(year).padStart(4, '0');
  const months: Record<Period, [string, string]> = {
    q1: ['01-01', '03-31'],
    q2: ['04-01', '06-30'],
    q3: ['07-01', '09-30'],
    q4: ['10-01', '12-31'],
    h1: ['01-01', '06-30'],
    h2: ['07-01', '12-31'],
    year: ['01-01', '12-31'],
  };
  const [a, b] = months[period];
  return { from: `${y}-${a}`, to: `${y}-${b}` };
}

export const PERIOD_LABELS: Record<Period, string> = {
  q1: 'quý I',
  q2: 'quý II',
  q3: 'quý III',
  q4: 'quý IV',
  h1: '6 tháng đầu năm',
  h2: '6 tháng cuối năm',
  year: 'năm',
};

/**
 * The first day of the window "trained in the last `months` months" ending on `today`: the same
 * day of the month `months` months earlier, the last day of that month when it is shorter
 * (24 months before 29/02/2028 is 28/02/2026). Used for the training gaps (seed plan II.9).
 */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
