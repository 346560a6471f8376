import { describe, expect, it } from 'vitest';
import { calendarForYears } from '../working-days';
import { computeDeadline, DeadlineError, type FirstInstanceFacts, secondComplaintWindowStart } from './index';

const generated = (years: number[]) => calendarForYears(years);

describe('the start of the second-complaint window (Law 02/2011 Art. 33)', () => {
  it.each<[string, FirstInstanceFacts, string | null, string | null]>([
    [
      'decision received a week after it was signed',
      { decidedOn: '2026-08-03', decisionReceivedOn: '2026-08-10', firstInstanceDue: '2026-08-20' },
      '2026-08-10',
      'receipt',
    ],
    ['decision received the day it was signed', { decidedOn: '2026-08-03', decisionReceivedOn: '2026-08-03' }, '2026-08-03', 'receipt'],
    [
      'late decision, received after the first-instance deadline',
      { decidedOn: '2026-09-01', decisionReceivedOn: '2026-09-04', firstInstanceDue: '2026-08-20' },
      '2026-09-04',
      'receipt',
    ],
    [
      'decision issued, receipt not recorded: unknown, not the decision date',
      { decidedOn: '2026-08-03', firstInstanceDue: '2026-08-20' },
      null,
      null,
    ],
    [
      'no decision: from the end of the first-instance period',
      { decidedOn: null, decisionReceivedOn: null, firstInstanceDue: '2026-08-20' },
      '2026-08-20',
      'expiry',
    ],
    ['nothing known yet', {}, null, null],
  ])('%s', (_, facts, trigger, from) => {
    const r = secondComplaintWindowStart(facts);
    expect(r.trigger).toBe(trigger);
    if (r.trigger !== null) expect(r.from).toBe(from);
  });

  it('says where the start comes from, in Vietnamese', () => {
    const r = secondComplaintWindowStart({ decidedOn: '2026-08-03', decisionReceivedOn: '2026-08-10' });
    expect(r.trigger !== null && r.text).toBe(
      'Tính từ ngày người khiếu nại nhận được quyết định giải quyết lần đầu, 10/08/2026 (quyết định ban hành ngày 03/08/2026; Điều 33 Luật Khiếu nại).',
    );
    const unknown = secondComplaintWindowStart({ decidedOn: '2026-08-03' });
    expect(unknown.trigger === null && unknown.reason).toContain('Chưa ghi ngày người khiếu nại nhận được quyết định giải quyết lần đầu');
  });

  it.each<[string, FirstInstanceFacts, string, string]>([
    [
      'a receipt before the decision',
      { decidedOn: '2026-08-03', decisionReceivedOn: '2026-08-02' },
      'DEADLINE_INVALID_OPTION',
      'decisionReceivedOn',
    ],
    ['a receipt without a decision', { decisionReceivedOn: '2026-08-02' }, 'DEADLINE_INVALID_OPTION', 'decisionReceivedOn'],
    [
      'a malformed receipt date',
      { decidedOn: '2026-08-03', decisionReceivedOn: '10/08/2026' },
      'DEADLINE_INVALID_DATE',
      'decisionReceivedOn',
    ],
    ['a malformed deadline', { firstInstanceDue: '2026-02-30' }, 'DEADLINE_INVALID_DATE', 'firstInstanceDue'],
  ])('refuses %s', (_, facts, code, field) => {
    let err: unknown;
    try {
      secondComplaintWindowStart(facts);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DeadlineError);
    expect([(err as DeadlineError).code, (err as DeadlineError).params.field]).toEqual([code, field]);
  });

  it('counted from the receipt, a second complaint of Mon 7/9/2026 is in time; from the decision date it would not be', () => {
    const facts = { decidedOn: '2026-08-03', decisionReceivedOn: '2026-08-10' };
    const start = secondComplaintWindowStart(facts);
    if (start.trigger === null) throw new Error('expected a trigger');
    // Mon 10/8 + 30 = Wed 9/9/2026.
    const fromReceipt = computeDeadline('KN-L2-WINDOW', { trigger: start.trigger }, generated);
    expect(fromReceipt.due).toBe('2026-09-09');
    expect(fromReceipt.explanation).toContain(
      'Tính từ ngày người khiếu nại nhận được quyết định giải quyết lần đầu, không phải ngày ban hành quyết định; nếu hết thời hạn giải quyết lần đầu mà chưa có quyết định thì tính từ ngày hết thời hạn đó.',
    );
    // The old reading: Mon 3/8 + 30 = Wed 2/9 (National Day) → Thu 3/9, and 7/9 would be late.
    expect(computeDeadline('KN-L2-WINDOW', { trigger: facts.decidedOn }, generated).due).toBe('2026-09-03');
    // Remote area: 45 days from the receipt, Thu 24/9/2026.
    expect(computeDeadline('KN-L2-WINDOW', { trigger: start.trigger, remote: true }, generated).due).toBe('2026-09-24');
  });
});
