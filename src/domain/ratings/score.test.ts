import { describe, expect, it } from 'vitest';
import { bandOf, type CriteriaSetBody, checkCriteriaSet, maxBase, scoreRating, setForYear, suggestedPoints } from './score';

const BANDS = [
  { name: 'Tốt', min: 90 },
  { name: 'Khá', min: 70 },
  { name: 'Trung bình', min: 50 },
  { name: 'Yếu', min: 0 },
];

const SET: CriteriaSetBody = {
  groups: [
    {
      code: 'I',
      title: 'Lãnh đạo',
      items: [
        { code: '1.1', title: 'Kế hoạch', kind: 'score', max: 60 },
        { code: '1.2', title: 'Báo cáo', kind: 'score', max: 40 },
      ],
    },
    {
      code: 'T',
      title: 'Trừ, thưởng',
      items: [
        { code: 'T.1', title: 'Đơn thư quá hạn', kind: 'deduction', max: 10, indicator: 'cases_overdue', perUnit: 2 },
        { code: 'T.2', title: 'Báo cáo trễ', kind: 'deduction', max: 200 },
        { code: 'B.1', title: 'Mô hình', kind: 'bonus', max: 5 },
        { code: 'B.2', title: 'Khen thưởng', kind: 'bonus', max: 5 },
      ],
    },
  ],
  bands: BANDS,
  bonusCap: 5,
  allowNegative: false,
  appealDays: 10,
};

describe('scoreRating', () => {
  it.each([
    ['full marks', { '1.1': 60, '1.2': 40 }, { base: 100, deductions: 0, bonus: 0, total: 100, band: 'Tốt' }],
    ['points above an item’s maximum count the maximum', { '1.1': 75, '1.2': 40 }, { base: 100, total: 100 }],
    ['negative points count zero', { '1.1': -5, '1.2': 40 }, { base: 40, total: 40, band: 'Yếu' }],
    ['a deduction above its maximum takes off the maximum', { '1.1': 60, '1.2': 40, 'T.1': 25 }, { deductions: 10, total: 90 }],
    ['deductions never take the total below zero', { '1.1': 10, 'T.2': 150 }, { deductions: 150, total: 0, band: 'Yếu' }],
    [
      'bonuses are capped at the set’s cap',
      { '1.1': 50, '1.2': 30, 'B.1': 5, 'B.2': 4 },
      { bonus: 5, bonusUncapped: 9, total: 85, band: 'Khá' },
    ],
    ['decimal points are kept to two places', { '1.1': 44.5, '1.2': 25.25 }, { total: 69.75, band: 'Trung bình' }],
  ])('%s', (_name, points, expected) => {
    expect(scoreRating(SET, points)).toMatchObject(expected);
  });

  it('lets the total go below zero when the set says so', () => {
    expect(scoreRating({ ...SET, allowNegative: true }, { '1.1': 10, 'T.2': 30 }).total).toBe(-20);
  });

  it('does not cap bonuses when the set has no cap', () => {
    expect(scoreRating({ ...SET, bonusCap: null }, { '1.1': 50, 'B.1': 5, 'B.2': 5 }).total).toBe(60);
  });

  it('sums the maximums of the score items', () => {
    expect(maxBase(SET)).toBe(100);
  });
});

describe('bandOf: the boundaries are exactly at 90, 70 and 50', () => {
  it.each([
    [100, 'Tốt'],
    [90, 'Tốt'],
    [89.99, 'Khá'],
    [70, 'Khá'],
    [69.99, 'Trung bình'],
    [50, 'Trung bình'],
    [49.99, 'Yếu'],
    [0, 'Yếu'],
  ])('%d → %s', (total, band) => {
    expect(bandOf(BANDS, total)).toBe(band);
  });

  it('has no band below the lowest minimum', () => {
    expect(bandOf([{ name: 'Đạt', min: 50 }], 10)).toBeNull();
  });
});

describe('suggestedPoints from a pulled indicator', () => {
  it.each([
    ['a deduction per counted unit', { kind: 'deduction' as const, max: 10, perUnit: 2 }, 3, 6],
    ['a deduction capped at its maximum', { kind: 'deduction' as const, max: 10, perUnit: 2 }, 9, 10],
    ['a score losing points per unit', { kind: 'score' as const, max: 10, perUnit: -2.5 }, 2, 5],
    ['a score never below zero', { kind: 'score' as const, max: 10, perUnit: -2.5 }, 8, 0],
    ['a bonus per unit', { kind: 'bonus' as const, max: 5, perUnit: 1 }, 2, 2],
  ])('%s', (_n, item, value, expected) => {
    expect(suggestedPoints({ code: 'x', title: 'x', ...item }, value)).toBe(expected);
  });

  it('suggests nothing when the item has no rule', () => {
    expect(suggestedPoints({ code: 'x', title: 'x', kind: 'score', max: 10 }, 3)).toBeNull();
  });
});

describe('setForYear: the version in force at the end of the rating year', () => {
  const sets = [
    { id: 'v2019', effectiveFrom: '2019-03-01' },
    { id: 'v2026', effectiveFrom: '2026-07-01' },
    { id: 'v2027', effectiveFrom: '2027-01-01' },
  ];
  it.each([
    [2018, null],
    [2019, 'v2019'],
    [2025, 'v2019'],
    [2026, 'v2026'],
    [2027, 'v2027'],
  ])('%d → %s', (year, id) => {
    expect(setForYear(sets, year)?.id ?? null).toBe(id);
  });
});

describe('checkCriteriaSet', () => {
  it('accepts the test set', () => {
    expect(checkCriteriaSet(SET)).toEqual([]);
  });
  it('names duplicate codes, zero maximums and duplicate band minimums', () => {
    const bad: CriteriaSetBody = {
      ...SET,
      groups: [
        {
          code: 'I',
          title: 'x',
          items: [
            { code: 'a', title: 'a', kind: 'score', max: 0 },
            { code: 'a', title: 'b', kind: 'score', max: 5 },
          ],
        },
      ],
      bands: [
        { name: 'A', min: 50 },
        { name: 'B', min: 50 },
      ],
    };
    expect(checkCriteriaSet(bad).map((e) => e.field)).toEqual(['items.a.max', 'items.a', 'bands']);
  });
});
