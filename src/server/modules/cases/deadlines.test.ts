import { describe, expect, it } from 'vitest';
import { calendarForYears } from '../../../domain';
import { caseDeadlineSpecs, computeCaseDeadlines, suspensionsOf, yearsOf, type CaseFacts, type EventFact } from './deadlines';

const base: CaseFacts = {
  kind: 'complaint',
  status: 'received',
  instance: 1,
  receivedOn: '2026-08-03',
  acceptedOn: null,
  decidedOn: null,
  anonymous: false,
  remote: false,
  aboutRegulation: false,
  complexity: [],
};
const ev = (type: string, on: string, data: Record<string, unknown> = {}, decisionNo: string | null = null): EventFact => ({
  type,
  on,
  decisionNo,
  data,
});
const compute = (c: CaseFacts, events: EventFact[], today: string) => {
  const specs = caseDeadlineSpecs(c, events, today);
  return computeCaseDeadlines(specs, (y) => calendarForYears(y), today, c.status);
};

describe('which deadlines a case has', () => {
  it.each<[string, Partial<CaseFacts>, EventFact[], string[]]>([
    ['a new complaint: acceptance only', {}, [], ['KN-ACCEPT']],
    [
      'an accepted complaint: acceptance and first-instance resolution',
      { status: 'accepted', acceptedOn: '2026-08-05' },
      [ev('accepted', '2026-08-05')],
      ['KN-ACCEPT', 'KN-L1'],
    ],
    [
      'a second-instance complaint decided: KN-L2 and sending',
      { status: 'resolved', instance: 2, acceptedOn: '2026-08-05', decidedOn: '2026-09-01' },
      [ev('accepted', '2026-08-05')],
      ['KN-ACCEPT', 'KN-L2', 'KN-L2-SEND'],
    ],
    ['a new denunciation: initial processing', { kind: 'denunciation' }, [], ['TC-INITIAL']],
    ['an anonymous denunciation: none (Law 25/2018 Art. 25)', { kind: 'denunciation', anonymous: true, status: 'information' }, [], []],
    [
      'a forwarded denunciation: initial and forward',
      { kind: 'denunciation', status: 'forwarded' },
      [ev('forwarded', '2026-08-06')],
      ['TC-INITIAL', 'TC-FORWARD'],
    ],
    [
      'an accepted denunciation: notify and resolve',
      { kind: 'denunciation', status: 'accepted', acceptedOn: '2026-08-10' },
      [ev('accepted', '2026-08-10')],
      ['TC-INITIAL', 'TC-NOTIFY', 'TC-RESOLVE'],
    ],
    [
      'a concluded denunciation: conclusion sent',
      { kind: 'denunciation', status: 'resolved', acceptedOn: '2026-08-10', decidedOn: '2026-09-01' },
      [ev('accepted', '2026-08-10')],
      ['TC-INITIAL', 'TC-NOTIFY', 'TC-RESOLVE', 'TC-CONCL-SEND'],
    ],
    [
      'a suspended denunciation: its suspension decision is sent (Law 25/2018 Art. 34(4))',
      { kind: 'denunciation', status: 'suspended', acceptedOn: '2026-08-10' },
      [ev('accepted', '2026-08-10'), ev('suspended', '2026-09-01')],
      ['TC-INITIAL', 'TC-NOTIFY', 'TC-RESOLVE', 'TC-SUSPEND-SEND'],
    ],
    [
      'a resumed complaint: the suspension and the resumption decisions are sent (Decree 155/2026 Art. 12)',
      { status: 'accepted', acceptedOn: '2026-08-05' },
      [ev('accepted', '2026-08-05'), ev('suspended', '2026-08-20'), ev('resumed', '2026-09-10')],
      ['KN-ACCEPT', 'KN-L1', 'KN-SUSPEND-SEND', 'KN-RESUME-SEND'],
    ],
    ['feedback: letter processing', { kind: 'feedback' }, [], ['DON-PROCESS']],
    [
      'a petition about a regulation: forward within 5 working days too',
      { kind: 'petition', aboutRegulation: true },
      [],
      ['PAKN-QDHC-FWD', 'DON-PROCESS'],
    ],
  ])('%s', (_name, facts, events, rules) => {
    expect(caseDeadlineSpecs({ ...base, ...facts }, events, '2026-11-29').map((s) => s.ruleId)).toEqual(rules);
  });
});

describe('deadline states', () => {
  it('is met when the act came in time, missed when late or not done after the due date', () => {
    const met = compute({ ...base, status: 'accepted', acceptedOn: '2026-08-05' }, [ev('accepted', '2026-08-05')], '2026-08-06');
    expect(met.find((d) => d.ruleId === 'KN-ACCEPT')).toMatchObject({ status: 'met', metOn: '2026-08-05' });
    expect(met.find((d) => d.ruleId === 'KN-L1')).toMatchObject({ status: 'open', due: '2026-09-04' });
    const late = compute({ ...base, status: 'accepted', acceptedOn: '2026-08-25' }, [ev('accepted', '2026-08-25')], '2026-08-26');
    expect(late.find((d) => d.ruleId === 'KN-ACCEPT')).toMatchObject({ status: 'missed', due: '2026-08-12' }); // 07 working days (version 2);
    const overdue = compute(base, [], '2026-08-20');
    expect(overdue[0]).toMatchObject({ status: 'missed', metOn: null });
  });

  it('stops while suspended and counts the suspended days out once resumed', () => {
    const c: CaseFacts = { ...base, kind: 'denunciation', status: 'suspended', acceptedOn: '2026-08-10' };
    const open = compute(c, [ev('accepted', '2026-08-10'), ev('suspended', '2026-08-20')], '2026-08-25');
    expect(open.find((d) => d.ruleId === 'TC-RESOLVE')!.status).toBe('stopped');
    const resumed = compute(
      { ...c, status: 'accepted' },
      [ev('accepted', '2026-08-10'), ev('suspended', '2026-08-20'), ev('resumed', '2026-08-30')],
      '2026-09-01',
    );
    expect(resumed.find((d) => d.ruleId === 'TC-RESOLVE')!.due).toBe('2026-09-21'); // 30 + 10 days from 10/08 → Sat 19/09 → Mon 21/09
  });

  it('an ended case stops its clocks instead of going overdue', () => {
    const d = compute({ ...base, status: 'withdrawn' }, [], '2026-12-31');
    expect(d[0]!.status).toBe('stopped');
  });

  it('pairs suspension and resumption events, an open one running to today', () => {
    expect(
      suspensionsOf([ev('suspended', '2026-03-01'), ev('resumed', '2026-03-05'), ev('suspended', '2026-04-01')], '2026-04-10'),
    ).toEqual({
      list: [
        { from: '2026-03-01', to: '2026-03-05' },
        { from: '2026-04-01', to: '2026-04-10' },
      ],
      open: true,
    });
  });

  it('asks the calendar for consecutive years', () => {
    const specs = caseDeadlineSpecs(
      { ...base, kind: 'denunciation', status: 'accepted', receivedOn: '2026-12-20', acceptedOn: '2026-12-28' },
      [ev('accepted', '2026-12-28')],
      '2026-12-29',
    );
    expect(yearsOf(specs)).toEqual([2026, 2027]);
  });
});

describe('sending suspension and resumption decisions', () => {
  it('gives a denunciation 05 working days and a complaint 03 to send the decision, met by the notice', () => {
    const tc = compute(
      { ...base, kind: 'denunciation', status: 'suspended', acceptedOn: '2026-08-10' },
      [ev('accepted', '2026-08-10'), ev('suspended', '2026-09-07')],
      '2026-09-08',
    );
    // Monday 07/09/2026 + 5 working days = Monday 14/09/2026.
    expect(tc.find((d) => d.ruleId === 'TC-SUSPEND-SEND')).toMatchObject({ due: '2026-09-14', status: 'open' });
    const kn = compute(
      { ...base, status: 'accepted', acceptedOn: '2026-08-05' },
      [ev('accepted', '2026-08-05'), ev('suspended', '2026-08-20'), ev('resumed', '2026-09-07'), ev('notified', '2026-09-09')],
      '2026-09-20',
    );
    // Monday 07/09/2026 + 3 working days = Thursday 10/09/2026; the notice on 09/09 meets it.
    expect(kn.find((d) => d.ruleId === 'KN-RESUME-SEND')).toMatchObject({ due: '2026-09-10', status: 'met', metOn: '2026-09-09' });
  });

  it('gives no sending duty for a termination before the rule existed (01/07/2026)', () => {
    const old = compute(
      { ...base, status: 'terminated', acceptedOn: '2026-05-04' },
      [ev('accepted', '2026-05-04'), ev('terminated', '2026-06-15')],
      '2026-06-26',
    );
    expect(old.map((d) => d.ruleId)).toEqual(['KN-ACCEPT', 'KN-L1']);
  });
});
