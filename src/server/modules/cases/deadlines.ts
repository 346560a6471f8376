/**
 * Which statutory deadlines a case has, from its facts and recorded events (DOMAIN.md §7.2 flows
 * 6–8, rules of §7.3), and their state. Pure: the caller supplies the working calendar.
 *
 * - Complaint: KN-ACCEPT from receipt (Law 02/2011 Arts. 27, 36; 10 → 07 working days from
 *   01/07/2026 by trigger date); KN-L1 / KN-L2 from acceptance with the remote and complex
 *   variants (Arts. 28, 37) and the suspended days taken out; KN-L2-SEND after a second-instance
 *   decision (Art. 41); KN-SUSPEND-SEND after a suspension decision (Decree 155/2026).
 * - Denunciation (not anonymous): TC-INITIAL from receipt, extendable to 10 working days (Law
 *   25/2018 Art. 24(1)); TC-FORWARD when forwarded (Art. 24(2)); TC-NOTIFY after acceptance
 *   (Art. 29(3)); TC-RESOLVE with extension decisions by complexity (Art. 30; Decree 31/2019
 *   Art. 3) and suspensions (Art. 34 — rule data); TC-CONCL-SEND after the conclusion (Art. 35(3)).
 * - Petition and feedback: DON-PROCESS from receipt (TT 05/2021/TT-TTCP, default 10 working
 *   days); PAKN-QDHC-FWD for a petition about an administrative regulation (Decree 20/2008).
 */
import { compareIsoDates } from '../../../domain';
import {
  classifyComplexity,
  computeDeadline,
  DeadlineError,
  deadlineYears,
  DEFAULT_RULE_REGISTRY,
  formatBasis,
  type CalendarProvider,
  type DeadlineInput,
  type ExtensionInput,
  type SuspensionInput,
} from '../../../domain/deadlines';
import type { TCaseDeadline } from '../../../contracts/cases';

export type CaseFacts = {
  kind: string;
  status: string;
  instance: number;
  receivedOn: string;
  acceptedOn: string | null;
  decidedOn: string | null;
  anonymous: boolean;
  remote: boolean;
  aboutRegulation: boolean;
  complexity: string[];
};
export type EventFact = { type: string; on: string; decisionNo: string | null; data: Record<string, unknown> };

export type DeadlineSpec = { ruleId: string; input: DeadlineInput; metOn: string | null; stopped: boolean };

const CLOSED = new Set(['resolved', 'not_accepted', 'forwarded', 'guided', 'information', 'withdrawn', 'terminated', 'duplicate']);
const CLASSIFIED = new Set(['accepted', 'not_accepted', 'forwarded', 'guided', 'information']);

function first(events: EventFact[], pred: (e: EventFact) => boolean): EventFact | undefined {
  return events.filter(pred).sort((a, b) => compareIsoDates(a.on, b.on))[0];
}

function last(events: EventFact[], pred: (e: EventFact) => boolean): EventFact | undefined {
  return events.filter(pred).sort((a, b) => compareIsoDates(b.on, a.on))[0];
}

/** Suspension intervals from suspended/resumed pairs; an open one runs to `today`. */
export function suspensionsOf(events: EventFact[], today: string): { list: SuspensionInput[]; open: boolean } {
  const sorted = events.filter((e) => e.type === 'suspended' || e.type === 'resumed').sort((a, b) => compareIsoDates(a.on, b.on));
  const list: SuspensionInput[] = [];
  let from: string | null = null;
  for (const e of sorted) {
    if (e.type === 'suspended' && from === null) from = e.on;
    else if (e.type === 'resumed' && from !== null) {
      list.push({ from, to: e.on });
      from = null;
    }
  }
  if (from !== null && compareIsoDates(today, from) > 0) list.push({ from, to: today });
  return { list, open: from !== null };
}

/** The deadlines that apply to a case now. */
export function caseDeadlineSpecs(c: CaseFacts, events: EventFact[], today: string): DeadlineSpec[] {
  const out: DeadlineSpec[] = [];
  const level = classifyComplexity(c.complexity);
  const complex = level !== 'standard';
  const classified = first(events, (e) => CLASSIFIED.has(e.type))?.on ?? null;
  const susp = suspensionsOf(events, today);
  const notifyAfter = (on: string | null) =>
    on ? (first(events, (e) => e.type === 'notified' && compareIsoDates(e.on, on) >= 0)?.on ?? null) : null;

  if (c.kind === 'complaint') {
    out.push({ ruleId: 'KN-ACCEPT', input: { trigger: c.receivedOn }, metOn: classified, stopped: false });
    if (c.acceptedOn) {
      out.push({
        ruleId: c.instance === 2 ? 'KN-L2' : 'KN-L1',
        input: { trigger: c.acceptedOn, remote: c.remote, complex, suspensions: susp.list },
        metOn: c.decidedOn,
        stopped: susp.open,
      });
    }
    if (c.instance === 2 && c.decidedOn)
      out.push({ ruleId: 'KN-L2-SEND', input: { trigger: c.decidedOn }, metOn: notifyAfter(c.decidedOn), stopped: false });
    // Sending a suspension or termination decision (3 working days) and a resumption decision
    // (3 working days) exist from 01/07/2026 (Decree 155/2026 Art. 12); an earlier trigger has no
    // rule version and gives no deadline.
    const lastSuspension = last(events, (e) => e.type === 'suspended' || e.type === 'terminated');
    if (lastSuspension)
      out.push({ ruleId: 'KN-SUSPEND-SEND', input: { trigger: lastSuspension.on }, metOn: notifyAfter(lastSuspension.on), stopped: false });
    const lastResumption = last(events, (e) => e.type === 'resumed');
    if (lastResumption)
      out.push({ ruleId: 'KN-RESUME-SEND', input: { trigger: lastResumption.on }, metOn: notifyAfter(lastResumption.on), stopped: false });
  } else if (c.kind === 'denunciation') {
    if (c.anonymous) return out; // Law 25/2018 Art. 25: not processed as a denunciation.
    const initialExt: ExtensionInput[] = events
      .filter((e) => e.type === 'initial_extended')
      .map((e) => ({ decidedOn: e.on, decisionNo: e.decisionNo ?? undefined, days: 3 }));
    out.push({ ruleId: 'TC-INITIAL', input: { trigger: c.receivedOn, extensions: initialExt }, metOn: classified, stopped: false });
    const fwd = first(events, (e) => e.type === 'forwarded');
    if (fwd) out.push({ ruleId: 'TC-FORWARD', input: { trigger: c.receivedOn }, metOn: fwd.on, stopped: false });
    if (c.acceptedOn) {
      const notice = first(
        events,
        (e) =>
          e.type === 'notified' && compareIsoDates(e.on, c.acceptedOn!) >= 0 && (!c.decidedOn || compareIsoDates(e.on, c.decidedOn) < 0),
      );
      out.push({ ruleId: 'TC-NOTIFY', input: { trigger: c.acceptedOn }, metOn: notice?.on ?? null, stopped: false });
      const ext: ExtensionInput[] = events
        .filter((e) => e.type === 'extended')
        .map((e) => ({
          decidedOn: e.on,
          decisionNo: e.decisionNo ?? undefined,
          days: typeof e.data.days === 'number' ? e.data.days : undefined,
        }));
      out.push({
        ruleId: 'TC-RESOLVE',
        input: {
          trigger: c.acceptedOn,
          complex: level === 'complex',
          especiallyComplex: level === 'especially_complex',
          extensions: ext,
          suspensions: susp.list,
        },
        metOn: c.decidedOn,
        stopped: susp.open,
      });
    }
    if (c.decidedOn)
      out.push({ ruleId: 'TC-CONCL-SEND', input: { trigger: c.decidedOn }, metOn: notifyAfter(c.decidedOn), stopped: false });
    // Law 25/2018 Art. 34(4): a suspension or termination decision is sent within 05 working days.
    const lastSuspension = last(events, (e) => e.type === 'suspended' || e.type === 'terminated');
    if (lastSuspension)
      out.push({ ruleId: 'TC-SUSPEND-SEND', input: { trigger: lastSuspension.on }, metOn: notifyAfter(lastSuspension.on), stopped: false });
  } else {
    const handled = first(events, (e) => CLASSIFIED.has(e.type) || e.type === 'decided')?.on ?? null;
    if (c.aboutRegulation && c.kind === 'petition') {
      const fwd = first(events, (e) => e.type === 'forwarded');
      if (fwd || c.status === 'received')
        out.push({ ruleId: 'PAKN-QDHC-FWD', input: { trigger: c.receivedOn }, metOn: fwd?.on ?? null, stopped: false });
    }
    out.push({ ruleId: 'DON-PROCESS', input: { trigger: c.receivedOn }, metOn: handled, stopped: false });
  }
  return out;
}

/** Duties that begin when the case ends (sending the decision or conclusion): closing does not stop them. */
const AFTER_CLOSING = new Set(['TC-CONCL-SEND', 'KN-L2-SEND', 'KN-SUSPEND-SEND', 'TC-SUSPEND-SEND']);

/**
 * Compute each spec and its state on `today`.
 * @param opts.lenient - skip a deadline the engine refuses instead of throwing (batch recomputes:
 *   one case must not stop the others). A rule with no version in force on the trigger date (a
 *   matter older than the law) never gives a deadline.
 */
export function computeCaseDeadlines(
  specs: DeadlineSpec[],
  calendar: CalendarProvider,
  today: string,
  caseStatus: string,
  opts: { lenient?: boolean } = {},
): TCaseDeadline[] {
  const out: TCaseDeadline[] = [];
  for (const s of specs) {
    let r: ReturnType<typeof computeDeadline>;
    try {
      r = computeDeadline(s.ruleId, s.input, calendar);
    } catch (e) {
      if (e instanceof DeadlineError && (e.code === 'DEADLINE_NO_RULE_VERSION' || opts.lenient)) continue;
      throw e;
    }
    let status: TCaseDeadline['status'];
    if (s.metOn) status = compareIsoDates(s.metOn, r.due) <= 0 ? 'met' : 'missed';
    else if (s.stopped) status = 'stopped';
    // A case that ended stops its clocks ("missed" means overdue now, and an ended case is not);
    // the duties that begin with the end (sending the decision) keep running.
    else if (CLOSED.has(caseStatus) && !AFTER_CLOSING.has(s.ruleId)) status = 'stopped';
    else status = compareIsoDates(today, r.due) > 0 ? 'missed' : 'open';
    const version = DEFAULT_RULE_REGISTRY.versionOn(r.ruleId, r.trigger);
    out.push({
      ruleId: r.ruleId,
      ruleVersion: r.ruleVersion,
      title: r.title,
      titleEn: r.titleEn,
      trigger: r.trigger,
      triggerLabel: version.trigger,
      triggerLabelEn: version.triggerEn,
      due: r.due,
      status,
      metOn: s.metOn,
      explanation: [...r.explanation],
      basis: r.basis.map(formatBasis),
    });
  }
  return out;
}

/** Years a set of specs touches (to load the calendar once). */
export function yearsOf(specs: DeadlineSpec[]): number[] {
  const ys = new Set<number>();
  for (const s of specs) {
    try {
      for (const y of deadlineYears(s.ruleId, s.input)) ys.add(y);
    } catch (e) {
      // No version in force on the trigger date: that deadline is skipped when computed.
      if (!(e instanceof DeadlineError)) throw e;
    }
  }
  if (ys.size === 0) return [];
  const min = Math.min(...ys);
  const max = Math.max(...ys);
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}
