import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { LAW_136_2025_EFFECTIVE } from '../legal-dates';
import { calendarForYears } from '../working-days';
import { computeDeadline, DeadlineError, maySuspend, resolutionRuleOf, type SuspensionVerdict } from './index';

function codeOf(v: SuspensionVerdict): string {
  return v.allowed ? 'allowed' : v.error.code;
}

describe('maySuspend (Law 02/2011 Art. 11a; Decree 155/2026 Art. 22(1); Law 25/2018 Art. 34)', () => {
  it.each<[string, string, number, string, string, string]>([
    // kind, instance, accepted, suspended → verdict, rule version
    ['complaint accepted before 01/07/2026, suspended after: transitional', 'complaint', 1, '2026-03-02', '2026-07-15', 'allowed KN-L1 v1'],
    ['complaint accepted before, suspended on 01/07/2026 itself', 'complaint', 1, '2026-03-02', '2026-07-01', 'allowed KN-L1 v1'],
    ['complaint accepted before, suspended the day before', 'complaint', 1, '2026-03-02', '2026-06-30', 'DEADLINE_SUSPENSION_TOO_EARLY'],
    ['complaint accepted and suspended long before', 'complaint', 1, '2025-11-03', '2025-11-20', 'DEADLINE_SUSPENSION_TOO_EARLY'],
    ['complaint accepted from 01/07/2026', 'complaint', 1, '2026-07-02', '2026-07-10', 'allowed KN-L1 v2'],
    ['second instance accepted before, suspended after', 'complaint', 2, '2026-05-04', '2026-07-01', 'allowed KN-L2 v1'],
    ['second instance accepted and suspended before', 'complaint', 2, '2026-05-04', '2026-06-01', 'DEADLINE_SUSPENSION_TOO_EARLY'],
    ['second instance from 01/07/2026', 'complaint', 2, '2026-08-03', '2026-08-04', 'allowed KN-L2 v2'],
    ['complaint before Law 02/2011 was in force', 'complaint', 1, '2012-06-29', '2012-07-05', 'DEADLINE_NO_RULE_VERSION'],
    ['denunciation (suspension since 2019)', 'denunciation', 1, '2025-01-10', '2025-02-01', 'allowed TC-RESOLVE v1'],
    ['denunciation before Law 25/2018 was in force', 'denunciation', 1, '2018-12-03', '2019-01-05', 'DEADLINE_NO_RULE_VERSION'],
    ['petition', 'petition', 1, '2026-08-03', '2026-08-10', 'DEADLINE_INVALID_OPTION'],
    ['feedback', 'feedback', 1, '2026-08-03', '2026-08-10', 'DEADLINE_INVALID_OPTION'],
    ['suspended before the acceptance', 'complaint', 1, '2026-08-03', '2026-08-02', 'DEADLINE_SUSPENSION_INVALID'],
    ['malformed acceptance date', 'complaint', 1, '2026-02-30', '2026-08-02', 'DEADLINE_INVALID_DATE'],
    ['malformed suspension date', 'denunciation', 1, '2026-08-03', '03/09/2026', 'DEADLINE_INVALID_DATE'],
  ])('%s', (_, kind, instance, acceptedOn, suspendedOn, expected) => {
    const v = maySuspend(kind, acceptedOn, suspendedOn, { instance });
    expect(v.allowed ? `allowed ${v.ruleId} v${v.ruleVersion}` : v.error.code).toBe(expected);
    if (!v.allowed) {
      expect(v.error).toBeInstanceOf(DeadlineError);
      expect(v.error.status).toBe(400);
    }
  });

  it('cites the transitional provision for a complaint accepted before 01/07/2026', () => {
    const v = maySuspend('complaint', '2026-03-02', '2026-07-15');
    if (!v.allowed) throw v.error;
    expect(v.transitional).toBe(true);
    expect(v.basis[0]).toEqual(expect.objectContaining({ document: '155/2026/NĐ-CP', article: 'Điều 22 khoản 1' }));
    expect(v.citation.startsWith('Điều 22 khoản 1, Nghị định số 155/2026/NĐ-CP — quy định chuyển tiếp')).toBe(true);
    expect(v.confidence).toBe('reported');
  });

  it('cites Art. 11a without a transitional provision for a later complaint, and Art. 34 for a denunciation', () => {
    const later = maySuspend('complaint', '2026-07-02', '2026-07-10');
    if (!later.allowed) throw later.error;
    expect([later.transitional, later.confidence]).toEqual([false, 'confirmed']);
    expect(later.basis.map((b) => b.article)).not.toContain('Điều 22 khoản 1');
    expect(later.basis[0]).toEqual(
      expect.objectContaining({ document: '136/2025/QH15', article: 'Điều 11a Luật Khiếu nại (được bổ sung)' }),
    );
    const den = maySuspend('denunciation', '2025-01-10', '2025-02-01');
    if (!den.allowed) throw den.error;
    expect(den.citation).toBe('Điều 34, Luật Tố cáo số 25/2018/QH14 — thời gian tạm đình chỉ không tính vào thời hạn giải quyết tố cáo');
  });

  it('refuses once the case is decided (nothing is left to suspend)', () => {
    expect(codeOf(maySuspend('complaint', '2026-03-02', '2026-07-15', { decidedOn: '2026-07-14' }))).toBe('DEADLINE_SUSPENSION_INVALID');
    expect(codeOf(maySuspend('complaint', '2026-03-02', '2026-07-15', { decidedOn: '2026-07-15' }))).toBe('DEADLINE_SUSPENSION_INVALID');
    expect(codeOf(maySuspend('complaint', '2026-03-02', '2026-07-15', { decidedOn: '2026-07-16' }))).toBe('allowed');
    expect(codeOf(maySuspend('complaint', '2026-03-02', '2026-07-15', { decidedOn: '16/07/2026' }))).toBe('DEADLINE_INVALID_DATE');
  });

  it('says why in both languages', () => {
    const v = maySuspend('complaint', '2026-03-02', '2026-06-30');
    if (v.allowed) throw new Error('expected a refusal');
    expect(v.error.vi).toContain('chỉ có căn cứ tạm đình chỉ từ ngày 01/07/2026 (Điều 22 khoản 1, Nghị định số 155/2026/NĐ-CP)');
    expect(v.error.en).toContain('has a ground for suspension only from 01/07/2026');
  });

  it('names the rule whose clock stops', () => {
    expect([
      resolutionRuleOf('complaint'),
      resolutionRuleOf('complaint', 2),
      resolutionRuleOf('denunciation'),
      resolutionRuleOf('petition'),
    ]).toEqual(['KN-L1', 'KN-L2', 'TC-RESOLVE', null]);
  });

  it('agrees with the deadline engine on every suspension it counts', () => {
    const calendar = (years: number[]) => calendarForYears(years);
    fc.assert(
      fc.property(
        fc.constantFrom<[string, number]>(['complaint', 1], ['complaint', 2], ['denunciation', 1]),
        fc.integer({ min: -200, max: 200 }),
        fc.integer({ min: 0, max: 25 }),
        ([kind, instance], acceptOffset, suspendAfter) => {
          const acceptedOn = addDays(LAW_136_2025_EFFECTIVE, acceptOffset);
          const suspendedOn = addDays(acceptedOn, suspendAfter);
          const verdict = maySuspend(kind, acceptedOn, suspendedOn, { instance });
          const ruleId = resolutionRuleOf(kind, instance)!;
          let engine = 'allowed';
          try {
            computeDeadline(ruleId, { trigger: acceptedOn, suspensions: [{ from: suspendedOn, to: addDays(suspendedOn, 3) }] }, calendar);
          } catch (err) {
            if (!(err instanceof DeadlineError)) throw err;
            engine = err.code;
          }
          expect(codeOf(verdict)).toBe(engine);
        },
      ),
      { numRuns: 300 },
    );
  });
});
