import { describe, expect, it } from 'vitest';
import { evaluateRound, mayTransition, type MemberScores, memberTotal } from './evaluate';

const all = (n: number): MemberScores => ({
  practicality: n,
  effect: n,
  creativity: n,
  participation: n,
  sustainability: n,
  replicability: n,
});

describe('model evaluation', () => {
  it.each([
    [all(10), 100],
    [all(7), 70],
    [all(0), 0],
    [{ ...all(10), creativity: 4 }, 90],
    [all(12), 100],
  ])('member total of %o is %d', (scores, total) => {
    expect(memberTotal(scores)).toBe(total);
  });

  it('averages the members and compares with the pass mark, inclusive', () => {
    expect(evaluateRound([{ scores: all(8) }, { scores: all(6) }], 70)).toEqual({ score: 70, passed: true });
    expect(evaluateRound([{ scores: all(7) }, { scores: { ...all(7), effect: 6 } }], 70)).toEqual({ score: 69.17, passed: false });
    expect(evaluateRound([], 70)).toEqual({ score: 0, passed: false });
  });

  it.each([
    ['launch', 'registered', true],
    ['launch', 'launched', false],
    ['evaluate', 'registered', false],
    ['commend', 'evaluated', true],
    ['commend', 'launched', false],
    ['replicate', 'commended', true],
    ['replicate', 'evaluated', false],
    ['stop', 'stopped', false],
  ] as const)('%s from %s: %s', (action, from, ok) => {
    expect(mayTransition(action, from)).toBe(ok);
  });
});
