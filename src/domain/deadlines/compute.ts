/**
 * The deadline engine: from a rule id, a case's facts and a working-day calendar to a due date
 * with a Vietnamese explanation. Pure: the calendar comes from a provider the caller supplies.
 *
 * Counting (Civil Code 2015, Bộ luật Dân sự 91/2015/QH13):
 * - days, working or calendar: the trigger day is not counted (Art. 147(3)); the counting itself
 *   is {@link WorkingCalendar.explainAddWorkingDays} / {@link WorkingCalendar.explainAddCalendarDays}
 *   / {@link WorkingCalendar.explainSubtractWorkingDays}, not reimplemented here;
 * - months: the period ends on the corresponding day of the last month, or on the last day of
 *   that month if it has no such day (Art. 148(3)); years: on the same day and month of the last
 *   year (Art. 148(4)), 29/02 becoming 28/02 by the same fallback;
 * - a last day that is a weekly rest day or a holiday rolls to the next working day (Art. 148(5)),
 *   for calendar days, months and years alike.
 *
 * Extensions and suspensions lengthen the period counted from the trigger: the total is the
 * statutory period + every extension + every suspended day, counted once from the trigger, so
 * an intermediate end that fell on a day off and was then extended does not shift the result
 * (the law caps the whole, e.g. TC-RESOLVE at 30 + 30 + 30 days from acceptance).
 */

import {
  addDays,
  compareIsoDates,
  daysInMonth,
  dayOfWeek,
  diffDays,
  formatDmy,
  type IsoDate,
  isIsoDate,
  maxIsoDate,
  parseIsoDate,
  toIsoDate,
  weekdayNameVi,
} from '../dates';
import { BASIS_END, BASIS_START, type DeadlineComputation, type WorkingCalendar } from '../working-days';
import { DeadlineError } from './errors';
import { DEFAULT_RULE_REGISTRY, type RuleRegistry } from './registry';
import { formatBasis, type ComplexityLevel } from './rules';
import { suspensionGroundError } from './suspension';
import type {
  AppliedExtension,
  Confidence,
  AppliedSuspension,
  DeadlineInput,
  DeadlineResult,
  DeadlineRuleVersion,
  DeadlineUnit,
  LegalBasis,
} from './types';

/**
 * Supplies the working calendar covering the given years (consecutive, ascending). In the
 * server: the agency's confirmed years, generated statutory holidays otherwise
 * (`calendarForYears`).
 */
export type CalendarProvider = (years: number[]) => WorkingCalendar;

/** Civil Code Art. 148(3): a period in months. */
export const BASIS_MONTHS = 'Bộ luật Dân sự số 91/2015/QH13, Điều 148 khoản 3';
/** Civil Code Art. 148(4): a period in years. */
export const BASIS_YEARS = 'Bộ luật Dân sự số 91/2015/QH13, Điều 148 khoản 4';

/** Largest occurrence of a recurring rule the engine computes. */
const MAX_OCCURRENCE = 40;

const UNIT_VI: Record<DeadlineUnit, string> = {
  working_days: 'ngày làm việc',
  calendar_days: 'ngày',
  months: 'tháng',
  years: 'năm',
};

const UNIT_EN: Record<DeadlineUnit, string> = {
  working_days: 'working days',
  calendar_days: 'days',
  months: 'months',
  years: 'years',
};

const LEVEL_VI: Record<ComplexityLevel, string> = {
  standard: 'vụ việc không phức tạp',
  complex: 'vụ việc phức tạp',
  especially_complex: 'vụ việc đặc biệt phức tạp',
};

const LEVEL_EN: Record<ComplexityLevel, string> = {
  standard: 'an ordinary case',
  complex: 'a complex case',
  especially_complex: 'an especially complex case',
};

/** "05", "30": legal texts write periods under ten with a leading zero. */
function num(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function label(date: IsoDate): string {
  return `${formatDmy(date)} (${weekdayNameVi(dayOfWeek(date))})`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function period(n: number, unit: DeadlineUnit): string {
  return `${num(n)} ${UNIT_VI[unit]}`;
}

/**
 * Adds calendar months to a date (Civil Code Art. 148(3)): the corresponding day of the target
 * month, or its last day when it has no such day.
 * @param date - an ISO date.
 * @param months - an integer number of months (may be negative).
 * @returns the ISO date.
 * @throws RangeError if the date is invalid, months is not an integer, or the result leaves years 1–9999.
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) {
    throw new RangeError(`number of months must be an integer, got ${months}`);
  }
  const d = parseIsoDate(date);
  const total = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return toIsoDate({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}

/** The input after checks that need no calendar. */
interface Prepared {
  readonly rule: DeadlineRuleVersion;
  readonly trigger: IsoDate;
  readonly level: ComplexityLevel;
  /** Statutory period after variants, before occurrence. */
  readonly duration: number;
  readonly occurrence: number;
  readonly variantLines: readonly string[];
  readonly extensions: readonly AppliedExtension[];
  readonly suspensions: readonly { readonly from: IsoDate; readonly to: IsoDate }[];
  readonly years: number[];
}

function checkDate(value: unknown, field: string): IsoDate {
  if (!isIsoDate(value)) {
    throw new DeadlineError('DEADLINE_INVALID_DATE', { field, value: String(value) });
  }
  return value;
}

function checkFlag(value: unknown, field: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw new DeadlineError('DEADLINE_INVALID_OPTION', { field, value: String(value) });
  }
  return value;
}

/** Upper bound, in calendar days, of the span a period of n units can cover. */
function spanBound(n: number, unit: DeadlineUnit): number {
  switch (unit) {
    case 'working_days':
      // Weekends add 2 days per 5; holidays (Tết's 9-day break included) stay well within the rest.
      return 2 * n + 30;
    case 'calendar_days':
      return n;
    case 'months':
      return 31 * n;
    case 'years':
      return 366 * n;
  }
}

function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}

function prepare(ruleId: string, input: DeadlineInput, registry: RuleRegistry): Prepared {
  if (typeof ruleId !== 'string' || !registry.has(ruleId)) {
    throw new DeadlineError('DEADLINE_UNKNOWN_RULE', { ruleId: String(ruleId) });
  }
  if (input === null || typeof input !== 'object') {
    throw new DeadlineError('DEADLINE_INVALID_OPTION', { field: 'input', value: String(input) });
  }
  const trigger = checkDate(input.trigger, 'trigger');
  const found = registry.versionOn(ruleId, trigger);
  if (found.kind === 'frequency') {
    const per = found.per === 'month' ? 'tháng' : 'tuần';
    const perEn = found.per === 'month' ? 'month' : 'week';
    throw new DeadlineError('DEADLINE_NOT_A_DEADLINE', {
      ruleId,
      summary: `ít nhất ${num(found.minSessions)} buổi mỗi ${per}`,
      summaryEn: `at least ${found.minSessions} per ${perEn}`,
    });
  }
  const rule = found;
  const remote = checkFlag(input.remote, 'remote');
  const complex = checkFlag(input.complex, 'complex');
  const especiallyComplex = checkFlag(input.especiallyComplex, 'especiallyComplex');
  const communeLevel = checkFlag(input.communeLevel, 'communeLevel');
  const level: ComplexityLevel = especiallyComplex ? 'especially_complex' : complex ? 'complex' : 'standard';

  const occurrence = input.occurrence ?? 1;
  if (!Number.isInteger(occurrence) || occurrence < 1 || occurrence > MAX_OCCURRENCE) {
    throw new DeadlineError('DEADLINE_INVALID_OPTION', { field: 'occurrence', value: String(occurrence) });
  }
  if (occurrence !== 1 && !rule.recurring) {
    throw new DeadlineError('DEADLINE_INVALID_OPTION', {
      field: 'occurrence',
      value: `${occurrence} (${ruleId} không lặp lại / is not recurring)`,
    });
  }

  // The statutory period: variant chosen from the flags (DOMAIN.md §2.1 for the figures).
  const lines: string[] = [];
  let duration = rule.duration;
  const isComplex = level !== 'standard';
  if (remote && rule.remote) {
    if (isComplex && rule.remote.complexDuration !== undefined) {
      duration = rule.remote.complexDuration;
      lines.push(`Vụ việc phức tạp ở vùng sâu, vùng xa đi lại khó khăn: ${period(duration, rule.unit)}.`);
    } else if (isComplex && rule.complex) {
      duration = Math.max(rule.remote.duration, rule.complex.duration);
      lines.push(`Vùng sâu, vùng xa và vụ việc phức tạp (không có mức riêng): áp dụng mức dài hơn, ${period(duration, rule.unit)}.`);
    } else {
      duration = rule.remote.duration;
      lines.push(`Vùng sâu, vùng xa đi lại khó khăn: ${period(duration, rule.unit)}.`);
    }
  } else if (isComplex && rule.complex) {
    duration = rule.complex.duration;
    lines.push(`${capitalize(LEVEL_VI[level])}: ${period(duration, rule.unit)}.`);
  }
  if (communeLevel && rule.communeLevel) {
    duration = rule.communeLevel.duration;
    lines.push(`Cấp xã: ${period(duration, rule.unit)}.`);
  }
  if (remote && !rule.remote) {
    lines.push('Quy tắc không có thời hạn riêng cho vùng sâu, vùng xa; yếu tố này không làm thay đổi thời hạn.');
  }
  if (isComplex && !rule.complex) {
    const e = rule.extensions;
    if (e && e.maxCount[level === 'complex' ? 'complex' : 'especiallyComplex'] > e.maxCount.standard) {
      const max = e.maxCount[level === 'complex' ? 'complex' : 'especiallyComplex'];
      lines.push(
        `${capitalize(LEVEL_VI[level])}: thời hạn không đổi; được gia hạn tối đa ${num(max)} lần, mỗi lần không quá ${period(e.maxDuration, rule.unit)}${e.requiresDecision ? ', bằng quyết định' : ''}.`,
      );
    } else {
      lines.push('Quy tắc không có thời hạn riêng cho vụ việc phức tạp; yếu tố này không làm thay đổi thời hạn.');
    }
  }
  if (communeLevel && !rule.communeLevel) {
    lines.push('Quy tắc không có thời hạn riêng cho cấp xã; yếu tố này không làm thay đổi thời hạn.');
  }

  // Extensions: allowed by the rule, within the count for the case's complexity.
  const rawExtensions = input.extensions ?? [];
  if (!Array.isArray(rawExtensions)) {
    throw new DeadlineError('DEADLINE_INVALID_OPTION', { field: 'extensions', value: String(rawExtensions) });
  }
  const extensions: AppliedExtension[] = [];
  if (rawExtensions.length > 0) {
    const e = rule.extensions;
    if (!e) {
      throw new DeadlineError('DEADLINE_EXTENSION_NOT_ALLOWED', { ruleId, reason: '', reasonEn: '' });
    }
    const key = level === 'standard' ? 'standard' : level === 'complex' ? 'complex' : 'especiallyComplex';
    const max = e.maxCount[key];
    if (max === 0) {
      throw new DeadlineError('DEADLINE_EXTENSION_NOT_ALLOWED', {
        ruleId,
        reason: ` đối với ${LEVEL_VI[level]}`,
        reasonEn: ` for ${LEVEL_EN[level]}`,
      });
    }
    if (rawExtensions.length > max) {
      throw new DeadlineError('DEADLINE_EXTENSION_LIMIT', {
        ruleId,
        max: num(max),
        level: LEVEL_VI[level],
        levelEn: LEVEL_EN[level],
        count: rawExtensions.length,
      });
    }
    rawExtensions.forEach((x, i) => {
      const decidedOn = checkDate(x?.decidedOn, `extensions[${i}].decidedOn`);
      const days = x.days ?? e.maxDuration;
      if (!Number.isInteger(days) || days < 1 || days > e.maxDuration) {
        throw new DeadlineError('DEADLINE_EXTENSION_TOO_LONG', {
          ruleId,
          max: e.maxDuration,
          unit: UNIT_VI[rule.unit],
          unitEn: UNIT_EN[rule.unit],
          days: String(days),
        });
      }
      const decisionNo = typeof x.decisionNo === 'string' ? x.decisionNo.trim().normalize('NFC') : '';
      if (e.requiresDecision && decisionNo === '') {
        throw new DeadlineError('DEADLINE_EXTENSION_DECISION_REQUIRED', { ruleId });
      }
      extensions.push(decisionNo === '' ? { decidedOn, days } : { decisionNo, decidedOn, days });
    });
    extensions.sort((a, b) => compareIsoDates(a.decidedOn, b.decidedOn));
  }

  // Suspensions: only where the rule has a ground; well-formed and not overlapping.
  const rawSuspensions = input.suspensions ?? [];
  if (!Array.isArray(rawSuspensions)) {
    throw new DeadlineError('DEADLINE_INVALID_OPTION', { field: 'suspensions', value: String(rawSuspensions) });
  }
  const suspensions: { from: IsoDate; to: IsoDate }[] = [];
  if (rawSuspensions.length > 0) {
    const s = rule.suspension;
    if (!s) {
      throw new DeadlineError('DEADLINE_SUSPENSION_NOT_ALLOWED', { ruleId, version: rule.version });
    }
    rawSuspensions.forEach((x, i) => {
      const from = checkDate(x?.from, `suspensions[${i}].from`);
      const to = checkDate(x.to, `suspensions[${i}].to`);
      if (compareIsoDates(to, from) < 0) {
        throw new DeadlineError('DEADLINE_SUSPENSION_INVALID', {
          from,
          to,
          reason: 'ngày kết thúc trước ngày bắt đầu',
          reasonEn: 'it ends before it starts',
        });
      }
      if (s.kind === 'decision' && compareIsoDates(from, trigger) < 0) {
        throw new DeadlineError('DEADLINE_SUSPENSION_INVALID', {
          from,
          to,
          reason: `quyết định tạm đình chỉ trước ngày ${formatDmy(trigger)}`,
          reasonEn: `the suspension precedes ${trigger}`,
        });
      }
      // A ground dated from a later law (a transitional provision) covers only suspensions from then.
      const noGround = suspensionGroundError(rule, from);
      if (noGround) throw noGround;
      suspensions.push({ from, to });
    });
    suspensions.sort((a, b) => compareIsoDates(a.from, b.from));
    for (let i = 1; i < suspensions.length; i++) {
      const prev = suspensions[i - 1]!;
      const cur = suspensions[i]!;
      // Decisions: a new suspension may be decided on the day of the previous continuation.
      const overlap = s.kind === 'decision' ? compareIsoDates(cur.from, prev.to) < 0 : compareIsoDates(cur.from, prev.to) <= 0;
      if (overlap) {
        throw new DeadlineError('DEADLINE_SUSPENSION_INVALID', {
          from: cur.from,
          to: cur.to,
          reason: `chồng lấn khoảng ${prev.from} – ${prev.to}`,
          reasonEn: `it overlaps ${prev.from} – ${prev.to}`,
        });
      }
    }
  }

  // Years the computation can touch, with room to spare (the calendar throws outside them).
  // A suspension excludes at most its span (in days, hence also in working days); 45 days of
  // slack cover the Art. 148(5) roll and any error in the bound.
  const suspended = suspensions.reduce((a, s) => a + diffDays(s.from, s.to) + 1, 0);
  const total = duration * occurrence + extensions.reduce((a, x) => a + x.days, 0) + suspended;
  const reach = spanBound(total, rule.unit) + 45;
  const start = rule.direction === 'before' ? addDays(trigger, -reach) : trigger;
  let end = rule.direction === 'before' ? trigger : addDays(trigger, reach);
  for (const s of suspensions) end = maxIsoDate(end, s.to);
  for (const x of extensions) end = maxIsoDate(end, x.decidedOn);
  const years: number[] = [];
  for (let y = yearOf(start); y <= yearOf(end); y++) years.push(y);

  return { rule, trigger, level, duration, occurrence, variantLines: lines, extensions, suspensions, years };
}

/**
 * The years a computation will ask the calendar about, so an async caller can load the
 * calendar first (e.g. from the database) and then call {@link computeDeadline}.
 * @param ruleId - a rule id of DOMAIN.md §7.3.
 * @param input - the case's facts.
 * @param registry - the rules; the seed rules by default.
 * @returns consecutive years, ascending.
 * @throws DeadlineError for an unknown rule, a malformed date, or input the rule does not allow.
 */
export function deadlineYears(ruleId: string, input: DeadlineInput, registry: RuleRegistry = DEFAULT_RULE_REGISTRY): number[] {
  return prepare(ruleId, input, registry).years;
}

function loadCalendar(provider: CalendarProvider, years: number[]): WorkingCalendar {
  try {
    return provider([...years]);
  } catch (err) {
    if (err instanceof DeadlineError) throw err;
    throw new DeadlineError('DEADLINE_CALENDAR_UNAVAILABLE', {
      years: `${years[0]}–${years[years.length - 1]}`,
      detail: err instanceof Error ? err.message : String(err),
    });
  }
}

/** Days (or working days) a suspension takes out of the period; see {@link SuspensionRule}. */
function excludedBy(
  s: { from: IsoDate; to: IsoDate },
  kind: 'decision' | 'obstacle',
  trigger: IsoDate,
  unit: DeadlineUnit,
  cal: WorkingCalendar,
): number {
  // Decision: the suspension day counts, the days after it through the continuation day do not.
  // Obstacle: every day of it is lost, but never the trigger day (already not counted).
  const first = kind === 'decision' ? addDays(s.from, 1) : maxIsoDate(s.from, addDays(trigger, 1));
  if (compareIsoDates(first, s.to) > 0) return 0;
  return unit === 'working_days' ? cal.countWorkingDays(first, s.to) : diffDays(first, s.to) + 1;
}

/**
 * Computes a statutory deadline and explains it.
 *
 * The rule version is the one in force on the trigger date. The period is the statutory one
 * (or its remote / complex / commune variant), times the occurrence for a recurring rule, plus
 * each extension, plus each suspended day; it is counted once from the trigger with the
 * calendar's functions. Extensions and suspensions are checked in date order against the
 * deadline in force when they were decided: one decided after that deadline is refused.
 * @example computeDeadline('TC-INITIAL', { trigger: '2030-04-22' }, (y) => calendarForYears(y)).due === '2030-05-03'
 * @param ruleId - a rule id of DOMAIN.md §7.3, e.g. 'KN-L1'.
 * @param input - trigger date, flags, extensions, suspensions, occurrence.
 * @param calendarProvider - returns the working calendar for the years asked (see {@link deadlineYears}).
 * @param registry - the rules; the seed rules by default.
 * @returns the due date, the rule version, the period, the legal basis, the explanation and the steps.
 * @throws DeadlineError DEADLINE_UNKNOWN_RULE, DEADLINE_NO_RULE_VERSION, DEADLINE_NOT_A_DEADLINE,
 *   DEADLINE_INVALID_DATE, DEADLINE_INVALID_OPTION, DEADLINE_EXTENSION_* , DEADLINE_SUSPENSION_*,
 *   DEADLINE_CALENDAR_UNAVAILABLE.
 */
export function computeDeadline(
  ruleId: string,
  input: DeadlineInput,
  calendarProvider: CalendarProvider,
  registry: RuleRegistry = DEFAULT_RULE_REGISTRY,
): DeadlineResult {
  const p = prepare(ruleId, input, registry);
  const cal = loadCalendar(calendarProvider, p.years);
  try {
    return computeWith(p, cal);
  } catch (err) {
    // A provider that ignored the years asked for: report it like a missing calendar.
    if (err instanceof RangeError && /has no holiday data/.test(err.message)) {
      throw new DeadlineError('DEADLINE_CALENDAR_UNAVAILABLE', { years: p.years.join(', '), detail: err.message });
    }
    throw err;
  }
}

const CONFIDENCE_ORDER: readonly Confidence[] = ['confirmed', 'reported', 'background'];

function weakest(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCE_ORDER.indexOf(a) >= CONFIDENCE_ORDER.indexOf(b) ? a : b;
}

function computeWith(p: Prepared, cal: WorkingCalendar): DeadlineResult {
  const { rule, trigger } = p;

  const head: string[] = [];
  const validity = rule.validTo
    ? `áp dụng cho sự kiện phát sinh từ ${formatDmy(rule.validFrom)} đến ${formatDmy(rule.validTo)}`
    : `áp dụng cho sự kiện phát sinh từ ${formatDmy(rule.validFrom)}`;
  head.push(`${rule.title} (${rule.id}, phiên bản ${rule.version}, ${validity}).`);
  head.push(`Sự kiện: ${rule.trigger.charAt(0).toLowerCase()}${rule.trigger.slice(1)}, ${label(trigger)}.`);
  const dir = rule.direction === 'after' ? 'kể từ sau ngày xảy ra sự kiện' : 'trước ngày mốc';
  head.push(`Thời hạn theo quy định: ${period(rule.duration, rule.unit)} ${dir}.`);
  head.push(...p.variantLines);
  if (p.occurrence !== 1) {
    head.push(
      `Kỳ thứ ${p.occurrence}: ${p.occurrence} × ${period(p.duration, rule.unit)} = ${period(p.duration * p.occurrence, rule.unit)}.`,
    );
  }
  const basis: LegalBasis[] = [...rule.basis];
  for (const b of rule.basis) head.push(`Căn cứ: ${formatBasis(b)}.`);
  if (rule.confidence !== 'confirmed') {
    head.push(
      rule.confidence === 'reported'
        ? 'Lưu ý: căn cứ mới được đưa tin, chưa đối chiếu văn bản gốc; cần kiểm tra trước khi áp dụng chính thức.'
        : 'Lưu ý: quy tắc mặc định, chưa xác minh điều khoản; cần kiểm tra trước khi áp dụng chính thức.',
    );
  }
  for (const n of rule.notes ?? []) head.push(n);

  let total = p.duration * p.occurrence;
  const parts: string[] = [num(total)];
  const appliedSuspensions: AppliedSuspension[] = [];
  let computation: DeadlineComputation;

  if (rule.direction === 'before') {
    // The registry admits only working days for 'before' rules.
    computation = cal.explainSubtractWorkingDays(trigger, total);
  } else {
    // Extensions and suspensions in date order, each checked against the deadline then in force.
    const kind = rule.suspension?.kind ?? 'decision';
    const dueWith = (n: number): IsoDate =>
      rule.unit === 'working_days' ? cal.addWorkingDays(trigger, n) : cal.addCalendarDays(trigger, n);
    const events = [
      ...p.extensions.map((x, i) => ({ date: x.decidedOn, order: 0, ext: x, index: i + 1 })),
      ...p.suspensions.map((s) => ({ date: s.from, order: 1, susp: s })),
    ].sort((a, b) => compareIsoDates(a.date, b.date) || a.order - b.order);
    for (const ev of events) {
      const inForce = dueWith(total);
      if ('ext' in ev && ev.ext) {
        const x = ev.ext;
        if (compareIsoDates(x.decidedOn, trigger) < 0 || compareIsoDates(x.decidedOn, inForce) > 0) {
          throw new DeadlineError('DEADLINE_EXTENSION_DATE', { date: x.decidedOn, trigger, due: inForce });
        }
        total += x.days;
        parts.push(num(x.days));
        const doc = x.decisionNo ? `quyết định số ${x.decisionNo} ngày ${formatDmy(x.decidedOn)}` : `ngày ${formatDmy(x.decidedOn)}`;
        head.push(`Gia hạn lần ${ev.index} (${doc}): thêm ${period(x.days, rule.unit)}; hạn trước khi gia hạn là ${formatDmy(inForce)}.`);
      } else if ('susp' in ev && ev.susp) {
        const s = ev.susp;
        if (compareIsoDates(s.from, inForce) > 0) {
          throw new DeadlineError('DEADLINE_SUSPENSION_INVALID', {
            from: s.from,
            to: s.to,
            reason: `bắt đầu sau khi đã hết hạn (${formatDmy(inForce)})`,
            reasonEn: `it starts after the deadline then in force (${inForce})`,
          });
        }
        const excluded = excludedBy(s, kind, trigger, rule.unit, cal);
        appliedSuspensions.push({ from: s.from, to: s.to, excluded });
        total += excluded;
        parts.push(num(excluded));
        head.push(
          kind === 'decision'
            ? `Tạm đình chỉ từ ${formatDmy(s.from)}, tiếp tục giải quyết từ ${formatDmy(s.to)}: không tính ${period(excluded, rule.unit)} (từ ngày sau quyết định tạm đình chỉ đến hết ngày có quyết định tiếp tục).`
            : `Trở ngại khách quan từ ${formatDmy(s.from)} đến ${formatDmy(s.to)}: không tính ${period(excluded, rule.unit)}.`,
        );
      }
    }
    if (p.extensions.length > 0 && rule.extensions) {
      for (const b of rule.extensions.basis) {
        if (!basis.includes(b)) basis.push(b);
      }
    }
    if (appliedSuspensions.length > 0 && rule.suspension) {
      for (const b of rule.suspension.basis) basis.push(b);
      for (const b of rule.suspension.basis) head.push(`Căn cứ tạm dừng tính thời hạn: ${formatBasis(b)}.`);
      if (rule.suspension.confidence !== 'confirmed' && rule.confidence === 'confirmed') {
        head.push(
          'Lưu ý: căn cứ tạm dừng tính thời hạn mới được đưa tin, chưa đối chiếu văn bản gốc; cần kiểm tra trước khi áp dụng chính thức.',
        );
      }
    }
    if (parts.length > 1) {
      head.push(`Tổng thời hạn tính từ ngày xảy ra sự kiện: ${parts.join(' + ')} = ${period(total, rule.unit)}.`);
    }
    const e = rule.extensions;
    if (e) {
      const key = p.level === 'standard' ? 'standard' : p.level === 'complex' ? 'complex' : 'especiallyComplex';
      const left = e.maxCount[key] - p.extensions.length;
      // For a complex case without extensions yet, the variant line above already says it.
      if (left > 0 && (p.extensions.length > 0 || p.level === 'standard')) {
        head.push(`Còn được gia hạn tối đa ${num(left)} lần, mỗi lần không quá ${period(e.maxDuration, rule.unit)}: ${e.conditions}`);
      }
    }

    switch (rule.unit) {
      case 'working_days':
        computation = cal.explainAddWorkingDays(trigger, total);
        break;
      case 'calendar_days':
        computation = cal.explainAddCalendarDays(trigger, total);
        break;
      case 'months':
      case 'years': {
        const months = rule.unit === 'months' ? total : total * 12;
        const last = addCalendarMonths(trigger, months);
        const byDays = cal.explainAddCalendarDays(trigger, diffDays(trigger, last));
        const clause = rule.unit === 'months' ? BASIS_MONTHS : BASIS_YEARS;
        const t = parseIsoDate(trigger);
        const l = parseIsoDate(last);
        const fallback = l.day !== t.day;
        const lastStatus = cal.dayStatus(last);
        const roll = lastStatus.working
          ? ''
          : ' Ngày này là ngày nghỉ: thời hạn kết thúc vào ngày làm việc tiếp theo (Điều 148 khoản 5 BLDS 2015).';
        const text =
          rule.unit === 'months'
            ? fallback
              ? `Sau ${period(total, 'months')}: tháng ${l.month}/${l.year} không có ngày ${t.day}, thời hạn kết thúc vào ngày cuối tháng, ${label(last)} (Điều 148 khoản 3 BLDS 2015).`
              : `Sau ${period(total, 'months')}: ngày tương ứng của tháng cuối cùng là ${label(last)} (Điều 148 khoản 3 BLDS 2015).`
            : fallback
              ? `Sau ${period(total, 'years')}: năm ${l.year} không có ngày ${num(t.day)}/${num(t.month)}, thời hạn kết thúc vào ngày cuối tháng, ${label(last)} (Điều 148 khoản 4, áp dụng như khoản 3 BLDS 2015).`
              : `Sau ${period(total, 'years')}: ngày, tháng tương ứng của năm cuối cùng là ${label(last)} (Điều 148 khoản 4 BLDS 2015).`;
        computation = {
          due: byDays.due,
          steps: byDays.steps.map((s) => (s.action === 'period_end' ? { ...s, text: text + roll } : s)),
          basis: byDays.basis.map((b) => (b === BASIS_END ? clause : b)),
        };
        break;
      }
    }
  }

  const tail = `${rule.dueLabel}: ${label(computation.due)}.`;
  const explanation = [...head, ...computation.steps.map((s) => s.text), tail].map((l) => l.normalize('NFC'));
  const countingBasis = [...computation.basis];
  if (!countingBasis.includes(BASIS_START)) countingBasis.unshift(BASIS_START);
  return {
    ruleId: rule.id,
    ruleVersion: rule.version,
    title: rule.title,
    titleEn: rule.titleEn,
    trigger,
    due: computation.due,
    dayType: rule.unit,
    direction: rule.direction,
    duration: p.duration,
    totalDuration: total,
    extensions: p.extensions,
    suspensions: appliedSuspensions,
    basis,
    countingBasis,
    // The result is as sure as the weakest text it rests on.
    confidence: appliedSuspensions.length > 0 && rule.suspension ? weakest(rule.confidence, rule.suspension.confidence) : rule.confidence,
    explanation,
    steps: computation.steps,
  };
}
