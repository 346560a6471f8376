import { describe, expect, it } from 'vitest';
import { SURVEY_METHODS, methodsOn, surveyMethod } from './methods';
import { computeSipas, meanInterval, parseSipasCsv, percent2, SipasCsvError, type SipasAnswer, wilsonInterval } from './sipas';

/** Rows of one criterion: answers by respondent r1, r2, … */
function rows(element: string, criterion: string, answers: (number | null)[]): SipasAnswer[] {
  return answers.map((answer, i) => ({ respondent: `r${i + 1}`, element, criterion, answer }));
}

describe('SIPAS default computation (QĐ 2640/QĐ-BNV, QĐ 1001/QĐ-BNV; DOMAIN.md §3.1)', () => {
  it('counts only valid answers and means the exact fractions, not the rounded ones', () => {
    // Worked by hand:
    //   A/a1: 5 4 3 –  → 2 of 3 valid satisfied = 66.666… → 66.67
    //   A/a2: 4 – – 1  → 1 of 2 = 50
    //   A = (2/3 + 1/2) / 2 = 7/12 = 58.333… → 58.33  (from the rounded 66.67 and 50 it would be 58.34)
    //   B/b1: 5 5 5 5  → 100;  B = 100
    //   overall = (7/12 + 1) / 2 = 19/24 = 79.1666… → 79.17
    const r = computeSipas([...rows('A', 'a1', [5, 4, 3, null]), ...rows('A', 'a2', [4, null, null, 1]), ...rows('B', 'b1', [5, 5, 5, 5])]);
    expect(r).toEqual({
      overall: 79.17,
      elements: [
        { element: 'A', index: 58.33, valid: 5 },
        { element: 'B', index: 100, valid: 4 },
      ],
      criteria: [
        { criterion: 'a1', element: 'A', index: 66.67, valid: 3 },
        { criterion: 'a2', element: 'A', index: 50, valid: 2 },
        { criterion: 'b1', element: 'B', index: 100, valid: 4 },
      ],
    });
  });

  it('leaves a criterion with no valid answer out of its element’s mean (index null, valid 0)', () => {
    // C/c1: – –  → null;  C/c2: 4 2 → 50;  C = 50 (not 25);  D/d1: 1 2 → 0;  overall = (50 + 0)/2 = 25
    const r = computeSipas([...rows('C', 'c1', [null, null]), ...rows('C', 'c2', [4, 2]), ...rows('D', 'd1', [1, 2])]);
    expect(r.criteria[0]).toEqual({ criterion: 'c1', element: 'C', index: null, valid: 0 });
    expect(r.elements).toEqual([
      { element: 'C', index: 50, valid: 2 },
      { element: 'D', index: 0, valid: 2 },
    ]);
    expect(r.overall).toBe(25);
  });

  it('an element with no valid answer at all is null and left out of the overall', () => {
    const r = computeSipas([...rows('E', 'e1', [null]), ...rows('F', 'f1', [4, 5, 3])]);
    expect(r.elements[0]).toEqual({ element: 'E', index: null, valid: 0 });
    expect(r.overall).toBe(66.67);
    expect(computeSipas([]).overall).toBeNull();
  });

  it('keys a criterion by its element, so the same code under two elements is two criteria', () => {
    const r = computeSipas([...rows('1', '1', [5, 1]), ...rows('2', '1', [5, 5])]);
    expect(r.criteria.map((c) => [c.element, c.criterion, c.index])).toEqual([
      ['1', '1', 50],
      ['2', '1', 100],
    ]);
    expect(r.overall).toBe(75);
  });

  it.each([
    [1n, 3n, 33.33],
    [2n, 3n, 66.67],
    [1n, 8n, 12.5],
    [1n, 32n, 3.13], // 3.125 rounds half up
    [1n, 16n, 6.25],
    [1n, 6n, 16.67],
    [0n, 5n, 0],
    [5n, 5n, 100],
    [1n, 20000n, 0.01], // 0.005 % → half up
    [1n, 20001n, 0],
  ])('rounds %s/%s to %s (percent, half up, exact)', (n, d, want) => {
    expect(percent2({ n, d })).toBe(want);
  });

  it('a mean landing on a half rounds up: (1/8 + 0) / 2 = 6.25 %, (1/32 + 0)/1 = 3.13 %', () => {
    const r = computeSipas([...rows('A', 'a1', [5, 1, 1, 1, 1, 1, 1, 1]), ...rows('A', 'a2', [1, 1])]);
    expect(r.elements[0]!.index).toBe(6.25);
    const r2 = computeSipas(rows('A', 'a1', [5, ...Array<number>(31).fill(2)]));
    expect(r2.overall).toBe(3.13);
  });
});

describe('intervals', () => {
  it('Wilson interval stays within 0–100 and contains the share', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    const all = wilsonInterval(10, 10)!;
    expect(all.high).toBe(100);
    expect(all.low).toBeGreaterThan(65);
    expect(all.low).toBeLessThan(75); // 72.25 for n = 10
    const half = wilsonInterval(50, 100)!;
    expect(half.low).toBeCloseTo(40.38, 1);
    expect(half.high).toBeCloseTo(59.62, 1);
  });
  it('the interval of a mean narrows as answers grow', () => {
    const small = meanInterval([{ satisfied: 8, valid: 10 }])!;
    const large = meanInterval([{ satisfied: 80, valid: 100 }])!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(meanInterval([{ satisfied: 0, valid: 0 }])).toBeNull();
  });
});

describe('answers file', () => {
  const ok = 'respondent,element,criterion,answer\nr1,A,a1,5\nr1,A,a2,\nr2,A,a1,0\n"r,3",A,a1,4\n';
  it('reads answers; empty and 0 are no answer; quotes, BOM and CRLF are accepted', () => {
    expect(parseSipasCsv(ok)).toEqual([
      { respondent: 'r1', element: 'A', criterion: 'a1', answer: 5 },
      { respondent: 'r1', element: 'A', criterion: 'a2', answer: null },
      { respondent: 'r2', element: 'A', criterion: 'a1', answer: null },
      { respondent: 'r,3', element: 'A', criterion: 'a1', answer: 4 },
    ]);
    expect(parseSipasCsv(`\uFEFF${ok.replace(/\n/g, '\r\n')}`)).toHaveLength(4);
  });
  it.each([
    ['', 1],
    ['resp,element,criterion,answer\n', 1],
    ['\n\nrespondent,element,criterion\n', 3],
    ['respondent,element,criterion,answer\nr1,A,a1,5\nr1,A,a2,6\n', 3],
    ['respondent,element,criterion,answer\nr1,A,a1,5\n\nr2,A,a1\n', 4],
    ['respondent,element,criterion,answer\nr1,A,a1,4.5\n', 2],
    ['respondent,element,criterion,answer\nr1,A,a1,x\n', 2],
    ['respondent,element,criterion,answer\nr1,,a1,3\n', 2],
    ['respondent,element,criterion,answer\nr1,A,a1,3\nr1,A,a1,4\n', 3],
    ['respondent,element,criterion,answer\n"r1,A,a1,3\n', 2],
  ])('a malformed file names its line: %j → line %i', (text, line) => {
    let caught: unknown;
    try {
      parseSipasCsv(text);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SipasCsvError);
    expect((caught as SipasCsvError).line).toBe(line);
  });
});

describe('methodologies as data', () => {
  it('the 2017 model has 5 elements and 22 criteria, with unique codes', () => {
    const m = surveyMethod('SIPAS-2017')!;
    expect(m.elements).toHaveLength(5);
    const codes = m.elements.flatMap((e) => e.criteria.map((c) => c.code));
    expect(codes).toHaveLength(22);
    expect(new Set(codes).size).toBe(22);
  });
  it('each names its legal basis and the 2023 model scores only the satisfaction aspect', () => {
    for (const m of SURVEY_METHODS) expect(m.basis).toMatch(/QĐ-BNV/);
    expect(
      surveyMethod('SIPAS-2023')!
        .elements.filter((e) => e.scored)
        .map((e) => e.code),
    ).toEqual(['CS', 'DV']);
  });
  it('is chosen by the day it applies to', () => {
    expect(methodsOn('2020-06-01').map((m) => m.code)).toEqual(['SIPAS-2017']);
    expect(methodsOn('2026-06-01').map((m) => m.code)).toEqual(['SIPAS-2023', 'SIPAS-2017']);
  });
});
