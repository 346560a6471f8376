/**
 * When the window for a second complaint (KN-L2-WINDOW) starts. Law on Complaints 02/2011/QH13
 * Art. 33: within 30 days (45 in remote areas) "kể từ ngày hết thời hạn giải quyết ... mà khiếu
 * nại lần đầu không được giải quyết hoặc kể từ ngày nhận được quyết định giải quyết khiếu nại
 * lần đầu": from the day the complainant RECEIVES the first-instance decision, not from the day it
 * was signed (issue #14), or, with no decision, from the end of the first-instance period.
 */

import { compareIsoDates, formatDmy, type IsoDate, isIsoDate } from '../dates';
import { DeadlineError } from './errors';

/** What the first-instance case records. */
export interface FirstInstanceFacts {
  /** Date of the first-instance decision, if issued. */
  readonly decidedOn?: IsoDate | null;
  /** Day the complainant received that decision (delivery, the postal receipt, or the record of handing it over). */
  readonly decisionReceivedOn?: IsoDate | null;
  /** The first-instance deadline (the KN-L1 due date), if known. */
  readonly firstInstanceDue?: IsoDate | null;
}

/** The start of the window, or why it cannot be known yet. */
export type SecondComplaintWindowStart =
  | {
      /** The trigger to give KN-L2-WINDOW. */
      readonly trigger: IsoDate;
      /** 'receipt': the complainant received the decision; 'expiry': the first-instance period ran out undecided. */
      readonly from: 'receipt' | 'expiry';
      /** One Vietnamese sentence for the explanation. */
      readonly text: string;
      readonly textEn: string;
    }
  | {
      readonly trigger: null;
      /** Why not, in Vietnamese: what must be recorded first. */
      readonly reason: string;
      readonly reasonEn: string;
    };

const ART_33 = 'Điều 33 Luật Khiếu nại';

function date(value: unknown, field: string): IsoDate | null {
  if (value === undefined || value === null) return null;
  if (!isIsoDate(value)) throw new DeadlineError('DEADLINE_INVALID_DATE', { field, value: String(value) });
  return value;
}

/**
 * The trigger of KN-L2-WINDOW for a first-instance case.
 *
 * - The decision was received: from that day, even if the decision came after the first-instance
 *   deadline (the complainant then has the later of the two starts, which is the receipt).
 * - A decision was issued but its receipt is not recorded: unknown. The decision date is not a
 *   substitute: it is earlier, and would shorten the complainant's window.
 * - No decision: from the first-instance deadline, when it is known.
 * @param facts - decision date, receipt date, first-instance deadline.
 * @returns the trigger with a sentence saying where it comes from, or `trigger: null` with the reason.
 * @throws DeadlineError DEADLINE_INVALID_DATE for a malformed date; DEADLINE_INVALID_OPTION for a
 *   receipt without a decision or before it.
 */
export function secondComplaintWindowStart(facts: FirstInstanceFacts): SecondComplaintWindowStart {
  const decidedOn = date(facts.decidedOn, 'decidedOn');
  const receivedOn = date(facts.decisionReceivedOn, 'decisionReceivedOn');
  const due = date(facts.firstInstanceDue, 'firstInstanceDue');
  if (receivedOn !== null) {
    if (decidedOn === null) {
      throw new DeadlineError('DEADLINE_INVALID_OPTION', {
        field: 'decisionReceivedOn',
        value: `${receivedOn}: chưa có quyết định giải quyết lần đầu / no first-instance decision`,
      });
    }
    if (compareIsoDates(receivedOn, decidedOn) < 0) {
      throw new DeadlineError('DEADLINE_INVALID_OPTION', {
        field: 'decisionReceivedOn',
        value: `${receivedOn}: trước ngày ban hành quyết định ${formatDmy(decidedOn)} / before the decision of ${decidedOn}`,
      });
    }
    return {
      trigger: receivedOn,
      from: 'receipt',
      text: `Tính từ ngày người khiếu nại nhận được quyết định giải quyết lần đầu, ${formatDmy(receivedOn)} (quyết định ban hành ngày ${formatDmy(decidedOn)}; ${ART_33}).`,
      textEn: `Counted from ${receivedOn}, when the complainant received the first-instance decision of ${decidedOn} (Law on Complaints Art. 33).`,
    };
  }
  if (decidedOn !== null) {
    return {
      trigger: null,
      reason: `Chưa ghi ngày người khiếu nại nhận được quyết định giải quyết lần đầu (ban hành ngày ${formatDmy(decidedOn)}); thời hạn khiếu nại lần hai tính từ ngày nhận (${ART_33}).`,
      reasonEn: `The day the complainant received the first-instance decision of ${decidedOn} is not recorded; the second-complaint window runs from it (Art. 33).`,
    };
  }
  if (due !== null) {
    return {
      trigger: due,
      from: 'expiry',
      text: `Hết thời hạn giải quyết lần đầu ngày ${formatDmy(due)} mà chưa có quyết định: tính từ ngày đó (${ART_33}).`,
      textEn: `The first-instance period ended on ${due} undecided: counted from that day (Art. 33).`,
    };
  }
  return {
    trigger: null,
    reason: `Chưa có quyết định giải quyết lần đầu và chưa xác định thời hạn giải quyết lần đầu (${ART_33}).`,
    reasonEn: 'No first-instance decision and no first-instance deadline yet (Art. 33).',
  };
}
