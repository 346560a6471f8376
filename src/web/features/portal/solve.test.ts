import { describe, expect, it } from 'vitest';
import { issueChallenge, verifyChallenge } from '../../../server/platform/challenge';
import { leadingZeroBits, SolveAbortedError, solveChallenge, type SolveProgress } from './solve';

const SECRET = 'web-solver-test-secret-0123456789';

describe('browser proof-of-work solver', () => {
  it('solves a challenge the server issued, and the server accepts it', async () => {
    const now = new Date();
    const c = issueChallenge(SECRET, { difficulty: 10, ttlSeconds: 300 }, now);
    const progress: SolveProgress[] = [];
    const solved = await solveChallenge(c, { chunk: 64, onProgress: (p) => progress.push(p) });
    expect(solved.salt).toBe(c.salt);
    expect(solved.nonce).toMatch(/^\d+$/);
    expect(verifyChallenge(SECRET, solved, now, 10)).toEqual({ ok: true });
    // Progress goes up and ends at 1.
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.fraction).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.tries).toBeGreaterThanOrEqual(progress[i - 1]!.tries);
  });

  it('finds the same nonce as a one-by-one search (the first that works)', async () => {
    const c = issueChallenge(SECRET, { difficulty: 6, ttlSeconds: 300 });
    const a = await solveChallenge(c, { chunk: 1 });
    const b = await solveChallenge(c, { chunk: 500 });
    expect(a.nonce).toBe(b.nonce);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(c.salt + a.nonce)));
    expect(leadingZeroBits(digest)).toBeGreaterThanOrEqual(6);
  });

  it('stops when aborted', async () => {
    const c = issueChallenge(SECRET, { difficulty: 40, ttlSeconds: 300 });
    const ac = new AbortController();
    const run = solveChallenge(c, { chunk: 100, signal: ac.signal, onProgress: (p) => p.tries >= 300 && ac.abort() });
    await expect(run).rejects.toBeInstanceOf(SolveAbortedError);
  });
});
