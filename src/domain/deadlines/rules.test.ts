import { describe, expect, it } from 'vitest';
import {
  classifyComplexity,
  COMPLEXITY_CRITERIA,
  createRuleRegistry,
  DEADLINE_ERRORS,
  DEADLINE_RULES,
  DeadlineError,
  DEFAULT_RULE_REGISTRY,
  type DeadlineRuleVersion,
  formatBasis,
  frequencyPeriod,
  LEGAL_DOCUMENTS,
  type RuleVersion,
} from './index';

/** The ids of DOMAIN.md §7.3, in table order, and the two rules issue #14 adds (KN-RESUME-SEND, TC-SUSPEND-SEND). */
const TABLE_IDS = [
  'DC-PUBLISH',
  'DC-POST-MIN',
  'DC-CONF',
  'DC-RES-REVIEW',
  'BTTND-RECOG',
  'BTTND-NOTICE',
  'BTTND-REPLY',
  'BTTND-TERM',
  'TCD-SCHED',
  'TCD-REPLY',
  'TCD-HEAD-FREQ',
  'KN-LIMIT',
  'KN-ACCEPT',
  'KN-L1',
  'KN-L2-WINDOW',
  'KN-L2',
  'KN-L2-SEND',
  'KN-SUSPEND-SEND',
  'KN-RESUME-SEND',
  'TC-INITIAL',
  'TC-FORWARD',
  'TC-NOTIFY',
  'TC-RESOLVE',
  'TC-CONCL-SEND',
  'TC-SUSPEND-SEND',
  'PAKN-QDHC-FWD',
  'DON-PROCESS',
];

function latest(id: string): RuleVersion {
  const list = DEFAULT_RULE_REGISTRY.versions(id);
  return list[list.length - 1]!;
}

describe('the seed rules (DOMAIN.md §7.3)', () => {
  it('has exactly the ids of the table', () => {
    expect(DEFAULT_RULE_REGISTRY.ids()).toEqual([...TABLE_IDS].sort());
  });

  // id, duration, unit, direction, confidence of the latest version, from the table.
  it.each([
    ['DC-PUBLISH', 5, 'working_days', 'after', 'confirmed'],
    ['DC-POST-MIN', 20, 'calendar_days', 'after', 'confirmed'],
    ['DC-CONF', 3, 'months', 'after', 'confirmed'],
    ['DC-RES-REVIEW', 6, 'months', 'after', 'confirmed'],
    ['BTTND-RECOG', 5, 'working_days', 'after', 'confirmed'],
    ['BTTND-NOTICE', 5, 'working_days', 'before', 'confirmed'],
    ['BTTND-REPLY', 15, 'calendar_days', 'after', 'confirmed'],
    ['BTTND-TERM', 2, 'years', 'after', 'confirmed'],
    ['TCD-SCHED', 5, 'working_days', 'before', 'confirmed'],
    ['TCD-REPLY', 10, 'working_days', 'after', 'confirmed'],
    ['KN-LIMIT', 90, 'calendar_days', 'after', 'confirmed'],
    ['KN-ACCEPT', 7, 'working_days', 'after', 'reported'],
    ['KN-L1', 30, 'calendar_days', 'after', 'confirmed'],
    ['KN-L2-WINDOW', 30, 'calendar_days', 'after', 'confirmed'],
    ['KN-L2', 45, 'calendar_days', 'after', 'confirmed'],
    ['KN-L2-SEND', 7, 'calendar_days', 'after', 'confirmed'],
    ['KN-SUSPEND-SEND', 3, 'working_days', 'after', 'reported'],
    ['KN-RESUME-SEND', 3, 'working_days', 'after', 'reported'],
    ['TC-INITIAL', 7, 'working_days', 'after', 'confirmed'],
    ['TC-FORWARD', 5, 'working_days', 'after', 'confirmed'],
    ['TC-NOTIFY', 5, 'working_days', 'after', 'confirmed'],
    ['TC-RESOLVE', 30, 'calendar_days', 'after', 'confirmed'],
    ['TC-CONCL-SEND', 5, 'working_days', 'after', 'confirmed'],
    ['TC-SUSPEND-SEND', 5, 'working_days', 'after', 'confirmed'],
    ['PAKN-QDHC-FWD', 5, 'working_days', 'after', 'confirmed'],
    ['DON-PROCESS', 10, 'working_days', 'after', 'background'],
  ])('%s: %i %s %s (%s)', (id, duration, unit, direction, confidence) => {
    const r = latest(id);
    expect(r.kind).toBe('deadline');
    const d = r as DeadlineRuleVersion;
    expect([d.duration, d.unit, d.direction, d.confidence]).toEqual([duration, unit, direction, confidence]);
  });

  it('encodes the variants and extensions of the table', () => {
    const kn1 = latest('KN-L1') as DeadlineRuleVersion;
    expect([kn1.complex?.duration, kn1.remote?.duration, kn1.remote?.complexDuration]).toEqual([45, 45, 60]);
    const kn2 = latest('KN-L2') as DeadlineRuleVersion;
    expect([kn2.complex?.duration, kn2.remote?.duration, kn2.remote?.complexDuration]).toEqual([60, 60, 70]);
    expect((latest('KN-L2-WINDOW') as DeadlineRuleVersion).remote?.duration).toBe(45);
    expect((latest('DC-POST-MIN') as DeadlineRuleVersion).communeLevel?.duration).toBe(30);
    const tc = latest('TC-RESOLVE') as DeadlineRuleVersion;
    expect(tc.extensions?.maxDuration).toBe(30);
    expect(tc.extensions?.maxCount).toEqual({ standard: 0, complex: 1, especiallyComplex: 2 });
    expect(tc.extensions?.requiresDecision).toBe(true);
    const init = latest('TC-INITIAL') as DeadlineRuleVersion;
    expect(init.duration + (init.extensions?.maxDuration ?? 0)).toBe(10);
    expect(init.extensions?.requiresDecision).toBe(false);
  });

  it('KN-ACCEPT changes from 10 to 07 working days on 01/07/2026', () => {
    const [v1, v2] = DEFAULT_RULE_REGISTRY.versions('KN-ACCEPT') as DeadlineRuleVersion[];
    expect([v1?.version, v1?.duration, v1?.validTo]).toEqual([1, 10, '2026-06-30']);
    expect([v2?.version, v2?.duration, v2?.validFrom, v2?.validTo]).toEqual([2, 7, '2026-07-01', undefined]);
    expect(DEFAULT_RULE_REGISTRY.versionOn('KN-ACCEPT', '2026-06-30').version).toBe(1);
    expect(DEFAULT_RULE_REGISTRY.versionOn('KN-ACCEPT', '2026-07-01').version).toBe(2);
  });

  it('every version cites a known document, and every deadline says what its date means', () => {
    for (const r of DEADLINE_RULES) {
      expect(r.basis.length, r.id).toBeGreaterThan(0);
      for (const b of r.basis) expect(LEGAL_DOCUMENTS[b.document], `${r.id}: ${b.document}`).toBeDefined();
      if (r.kind === 'deadline') {
        expect(r.dueLabel.trim(), r.id).not.toBe('');
        for (const b of [...(r.extensions?.basis ?? []), ...(r.suspension?.basis ?? [])]) {
          expect(LEGAL_DOCUMENTS[b.document], `${r.id}: ${b.document}`).toBeDefined();
        }
      }
    }
  });

  it('cites the article of the table for the rules that name one', () => {
    const article = (id: string): string | undefined => latest(id).basis[0]?.article;
    expect(article('DC-PUBLISH')).toBe('Điều 47 khoản 2');
    expect(article('BTTND-REPLY')).toBe('Điều 63 khoản 1 điểm c');
    expect(article('KN-LIMIT')).toBe('Điều 9');
    expect(article('KN-L2')).toBe('Điều 37');
    expect(article('TC-RESOLVE')).toBe('Điều 30 khoản 1');
    expect(article('TC-CONCL-SEND')).toBe('Điều 35 khoản 3');
    expect(article('TC-SUSPEND-SEND')).toBe('Điều 34 khoản 4');
    expect(latest('KN-RESUME-SEND').basis[0]).toEqual(expect.objectContaining({ document: '155/2026/NĐ-CP', article: 'Điều 12' }));
  });

  it('cites the articles found by the review of issue #14', () => {
    const basisOf = (id: string, date: string, document: string) =>
      DEFAULT_RULE_REGISTRY.versionOn(id, date).basis.find((b) => b.document === document);
    expect(basisOf('KN-ACCEPT', '2026-06-30', '124/2020/NĐ-CP')?.article).toBe('Điều 16 khoản 1');
    expect(basisOf('KN-ACCEPT', '2026-07-01', '155/2026/NĐ-CP')?.article).toBe('Điều 10');
    expect(basisOf('KN-SUSPEND-SEND', '2026-07-01', '155/2026/NĐ-CP')?.article).toBe('Điều 12');
    const kn1 = DEFAULT_RULE_REGISTRY.versionOn('KN-L1', '2026-07-01') as DeadlineRuleVersion;
    expect(kn1.suspension?.basis.find((b) => b.document === '155/2026/NĐ-CP')?.article).toBe('Điều 12');
    const pakn = DEFAULT_RULE_REGISTRY.versionOn('PAKN-QDHC-FWD', '2008-03-03');
    expect([pakn.validFrom, pakn.basis[0]?.document, pakn.basis[0]?.article]).toEqual([
      '2008-03-03',
      '20/2008/NĐ-CP',
      'Điều 9 khoản 1 điểm d',
    ]);
    expect(() => DEFAULT_RULE_REGISTRY.versionOn('PAKN-QDHC-FWD', '2008-03-02')).toThrow(DeadlineError);
  });

  it('leaves without an article only the references still to verify', () => {
    const missing = new Set<string>();
    for (const r of DEADLINE_RULES) {
      const all = [
        ...r.basis,
        ...(r.kind === 'deadline' ? [...(r.extensions?.basis ?? []), ...(r.suspension?.basis ?? [])] : []),
        ...(r.kind === 'frequency' ? (r.variants ?? []).flatMap((v) => v.basis) : []),
      ];
      for (const b of all) if (!b.article) missing.add(`${r.id} v${r.version}: ${b.document}`);
    }
    // Each needs the text in hand: the article of Law 136/2025 on delegation, the article of
    // Decree 48/2013 amending Decree 20/2008, the letter-handling period of TT 05/2021.
    expect([...missing].sort()).toEqual([
      'DON-PROCESS v1: 05/2021/TT-TTCP',
      'PAKN-QDHC-FWD v1: 48/2013/NĐ-CP',
      'TCD-HEAD-FREQ v1: 136/2025/QH15',
    ]);
  });

  it('formats a basis for display', () => {
    expect(formatBasis({ document: '02/2011/QH13', article: 'Điều 28' })).toBe('Điều 28, Luật Khiếu nại số 02/2011/QH13');
    expect(formatBasis({ document: '31/2019/NĐ-CP', article: 'Điều 3', note: '07 tiêu chí' })).toBe(
      'Điều 3, Nghị định số 31/2019/NĐ-CP — 07 tiêu chí',
    );
    expect(formatBasis({ document: '05/2021/TT-TTCP' })).toBe('Thông tư số 05/2021/TT-TTCP (chưa xác định điều khoản)');
    expect(formatBasis({ document: '99/2099/XX', article: 'Điều 1' })).toBe('Điều 1, 99/2099/XX');
  });
});

describe('createRuleRegistry checks the data', () => {
  const base: DeadlineRuleVersion = {
    kind: 'deadline',
    id: 'X-RULE',
    version: 1,
    title: 'Thử',
    titleEn: 'Test',
    trigger: 'Ngày nhận',
    triggerEn: 'Receipt',
    duration: 5,
    unit: 'working_days',
    direction: 'after',
    dueLabel: 'Hạn',
    dueLabelEn: 'Due',
    validFrom: '2020-01-01',
    basis: [{ document: '02/2011/QH13', article: 'Điều 1' }],
    confidence: 'confirmed',
  };

  it('accepts consecutive versions and leaves a gap without a version', () => {
    const reg = createRuleRegistry([
      { ...base, version: 2, validFrom: '2025-01-01' },
      { ...base, validTo: '2023-12-31' },
    ]);
    expect(reg.versionOn('X-RULE', '2023-12-31').version).toBe(1);
    expect(reg.versionOn('X-RULE', '2025-01-01').version).toBe(2);
    expect(() => reg.versionOn('X-RULE', '2024-06-01')).toThrow(DeadlineError);
    expect(() => reg.versionOn('X-RULE', '2019-12-31')).toThrow(/no version in force on 2019-12-31/);
  });

  it.each<[string, RuleVersion[], RegExp]>([
    [
      'overlapping versions',
      [
        { ...base, validTo: '2025-01-01' },
        { ...base, version: 2, validFrom: '2025-01-01' },
      ],
      /overlaps/,
    ],
    ['an open version followed by another', [base, { ...base, version: 2, validFrom: '2025-01-01' }], /open-ended/],
    [
      'versions out of order',
      [
        { ...base, version: 2, validTo: '2023-12-31' },
        { ...base, version: 1, validFrom: '2025-01-01' },
      ],
      /numbered 1, 2/,
    ],
    ['a lower-case id', [{ ...base, id: 'x-rule' }], /id must be/],
    ['no basis', [{ ...base, basis: [] }], /legal basis/],
    ['a zero duration', [{ ...base, duration: 0 }], /duration/],
    ['a bad date', [{ ...base, validFrom: '2020-13-01' }], /validFrom/],
    ['validTo before validFrom', [{ ...base, validTo: '2019-01-01' }], /validTo is before/],
    [
      'a suspension ground from a bad date',
      [{ ...base, suspension: { kind: 'decision', from: '2026-07-32', basis: [{ document: 'x' }], confidence: 'reported' } }],
      /suspension\.from must be an ISO date/,
    ],
    ['a backward rule in months', [{ ...base, direction: 'before', unit: 'months' }], /working days/],
    [
      'extensions on a month rule',
      [
        {
          ...base,
          unit: 'months',
          extensions: {
            maxDuration: 1,
            maxCount: { standard: 1, complex: 1, especiallyComplex: 1 },
            requiresDecision: false,
            conditions: 'x',
            conditionsEn: 'x',
            basis: [{ document: 'x' }],
          },
        },
      ],
      /months or years/,
    ],
    [
      'fewer extensions for complex cases',
      [
        {
          ...base,
          extensions: {
            maxDuration: 1,
            maxCount: { standard: 2, complex: 1, especiallyComplex: 1 },
            requiresDecision: false,
            conditions: 'x',
            conditionsEn: 'x',
            basis: [{ document: 'x' }],
          },
        },
      ],
      /must not decrease/,
    ],
    ['a decomposed (non-NFC) title', [{ ...base, title: 'Thu\u0309' }], /NFC/],
  ])('refuses %s', (_, rules, message) => {
    expect(() => createRuleRegistry(rules)).toThrow(message);
  });

  it('refuses an unknown id through every lookup', () => {
    expect(() => DEFAULT_RULE_REGISTRY.versions('NOPE')).toThrow(DeadlineError);
    expect(DEFAULT_RULE_REGISTRY.has('NOPE')).toBe(false);
    expect(DEFAULT_RULE_REGISTRY.has('KN-L1')).toBe(true);
  });
});

describe('TCD-HEAD-FREQ, a frequency rule', () => {
  it('the head: at least one session in the calendar month', () => {
    const p = frequencyPeriod('TCD-HEAD-FREQ', '2026-02-14');
    expect([p.from, p.to, p.minSessions, p.per, p.variant]).toEqual(['2026-02-01', '2026-02-28', 1, 'month', null]);
    expect(p.text).toBe('Ít nhất 01 buổi trong tháng 02/2026 (01/02/2026 – 28/02/2026).');
    expect(p.basis[0]?.article).toBe('Điều 18 khoản 2');
  });

  it('a commune chair: at least one session in the week, Monday to Sunday', () => {
    // Thu 14/5/2026 → week Mon 11/5 – Sun 17/5; Sun 17/5 is in the same week; Mon 18/5 starts the next.
    const thu = frequencyPeriod('TCD-HEAD-FREQ', '2026-05-14', 'commune_chair');
    expect([thu.from, thu.to, thu.per]).toEqual(['2026-05-11', '2026-05-17', 'week']);
    expect(frequencyPeriod('TCD-HEAD-FREQ', '2026-05-17', 'commune_chair').from).toBe('2026-05-11');
    expect(frequencyPeriod('TCD-HEAD-FREQ', '2026-05-18', 'commune_chair').from).toBe('2026-05-18');
    expect(thu.basis[0]?.article).toBe('Điều 15 khoản 2 điểm d');
  });

  it('refuses deadlines, unknown variants and bad dates', () => {
    expect(() => frequencyPeriod('TC-INITIAL', '2026-05-14')).toThrow(DeadlineError);
    expect(() => frequencyPeriod('TCD-HEAD-FREQ', '2026-05-14', 'district_chair')).toThrow(DeadlineError);
    expect(() => frequencyPeriod('TCD-HEAD-FREQ', '2026-05-32')).toThrow(/không phải ngày hợp lệ/);
  });
});

describe('complexity (Decree 31/2019 Art. 3)', () => {
  it.each([
    [[], 'standard'],
    [['a'], 'complex'],
    [['g', 'g'], 'complex'],
    [['a', 'đ'], 'especially_complex'],
    [['b', 'c', 'e'], 'especially_complex'],
  ])('%j → %s', (criteria, level) => {
    expect(classifyComplexity(criteria)).toBe(level);
  });

  it('lists the seven criteria and refuses others', () => {
    expect(COMPLEXITY_CRITERIA.map((c) => c.key)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g']);
    expect(() => classifyComplexity(['h'])).toThrow(RangeError);
  });
});

describe('the error catalogue', () => {
  it('has a status and both languages for every code', () => {
    for (const [code, def] of Object.entries(DEADLINE_ERRORS)) {
      expect(code).toMatch(/^DEADLINE_[A-Z_]+$/);
      expect(def.status).toBe(400);
      expect(def.vi, code).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i);
      expect(def.en, code).not.toBe(def.vi);
      expect(def.vi).toBe(def.vi.normalize('NFC'));
    }
  });

  it('fills the parameters in both languages', () => {
    const e = new DeadlineError('DEADLINE_EXTENSION_LIMIT', {
      ruleId: 'TC-RESOLVE',
      max: '01',
      level: 'vụ việc phức tạp',
      levelEn: 'a complex case',
      count: 2,
    });
    expect(e.vi).toBe('Quy tắc TC-RESOLVE chỉ cho phép gia hạn tối đa 01 lần đối với vụ việc phức tạp; đã nhập 2 lần');
    expect(e.en).toBe('Rule TC-RESOLVE allows at most 01 extension(s) for a complex case; 2 given');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DeadlineError');
  });
});
