import { describe, expect, it } from 'vitest';
import {
  conveningRule,
  draftParagraphs,
  extraordinaryProposalValid,
  itemPassed,
  quorumMet,
  quorumOf,
  writtenBallotAllowed,
} from './conference';

describe('quorum ≥ 2/3 of those convened (Law 10/2022 Art. 51(3))', () => {
  it.each([
    [100, 66, false],
    [100, 67, true],
    [100, 100, true],
    [3, 1, false],
    [3, 2, true],
    [6, 3, false],
    [6, 4, true],
    [7, 4, false],
    [7, 5, true],
    [9, 5, false],
    [9, 6, true],
    [10, 6, false],
    [10, 7, true],
    [1, 0, false],
    [1, 1, true],
    [0, 0, false],
    [150, 99, false],
    [150, 100, true],
  ])('%i convened, %i present → %s', (convened, present, met) => {
    expect(quorumMet(convened, present)).toBe(met);
    expect(present >= quorumOf(convened)).toBe(met || convened === 0);
  });
});

describe('an item passes with > 50% of those present (Art. 51(3)); abstentions count against', () => {
  it.each([
    // present, yes, no, abstain → passed
    [67, 34, 33, 0, true],
    [67, 33, 34, 0, false],
    [67, 33, 0, 34, false],
    [68, 34, 0, 34, false],
    [68, 35, 1, 32, true],
    [100, 50, 10, 40, false],
    [100, 51, 0, 49, true],
    [5, 3, 0, 2, true],
    [5, 2, 1, 2, false],
    [4, 2, 0, 2, false],
    [0, 0, 0, 0, false],
  ])('%i present, %i yes, %i no, %i abstain → %s', (present, yes, _no, _abstain, passed) => {
    expect(itemPassed(present, yes)).toBe(passed);
  });
});

describe('convening, extraordinary sessions and the written ballot', () => {
  it('convenes all staff below 100, all or delegates from 100, optional at 7 or fewer (Art. 51(2))', () => {
    expect(conveningRule(99)).toMatchObject({ mode: 'all', optional: false });
    expect(conveningRule(100)).toMatchObject({ mode: 'all_or_delegates', optional: false });
    expect(conveningRule(7)).toMatchObject({ mode: 'all', optional: true });
    expect(conveningRule(8).optional).toBe(false);
  });
  it('takes a staff proposal only from at least one third of staff (Art. 50(1))', () => {
    expect(extraordinaryProposalValid('staff', 33, 100)).toBe(false);
    expect(extraordinaryProposalValid('staff', 34, 100)).toBe(true);
    expect(extraordinaryProposalValid('staff', 30, 90)).toBe(true);
    expect(extraordinaryProposalValid('union', 0, 90)).toBe(true);
    expect(extraordinaryProposalValid('head', 0, 90)).toBe(true);
  });
  it('allows the written ballot only after the second convocation lacks quorum (Art. 50(2))', () => {
    expect(writtenBallotAllowed(1)).toBe(false);
    expect(writtenBallotAllowed(2)).toBe(true);
  });
  it('numbers the passages of a draft by non-empty line', () => {
    expect(draftParagraphs('Điều 1.\n\n  Điều 2. \r\nĐiều 3.')).toEqual(['Điều 1.', 'Điều 2.', 'Điều 3.']);
  });
});
