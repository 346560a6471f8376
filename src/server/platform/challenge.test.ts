import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueChallenge, leadingZeroBits, solveChallengeSync, verifyChallenge } from './challenge';

const SECRET = 'test-secret-of-at-least-16-chars';
const NOW = new Date('2026-03-02T03:00:00Z');
const opts = { difficulty: 8, ttlSeconds: 600 };

/** A nonce that does NOT solve the challenge. */
function wrongNonce(salt: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    if (
      leadingZeroBits(
        createHash('sha256')
          .update(salt + String(n))
          .digest(),
      ) < difficulty
    )
      return String(n);
  }
}

describe('portal proof-of-work challenge', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0, 0, 0xff]))).toBe(16);
    expect(leadingZeroBits(Uint8Array.from([0, 0x01]))).toBe(15);
    expect(leadingZeroBits(Uint8Array.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0x10, 0]))).toBe(3);
    expect(leadingZeroBits(Uint8Array.from([0, 0]))).toBe(16);
  });

  it('issues a signed, expiring challenge with a fresh salt', () => {
    const a = issueChallenge(SECRET, opts, NOW);
    const b = issueChallenge(SECRET, opts, NOW);
    expect(a.salt).not.toBe(b.salt);
    expect(a.difficulty).toBe(8);
    expect(a.expiresAt).toBe('2026-03-02T03:10:00.000Z');
    expect(a.salt).toMatch(/^[0-9a-f]{32}\.\d+$/);
    expect(a.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a solved challenge', () => {
    const solved = solveChallengeSync(issueChallenge(SECRET, opts, NOW));
    expect(verifyChallenge(SECRET, solved, NOW)).toEqual({ ok: true });
    expect(verifyChallenge(SECRET, solved, new Date(NOW.getTime() + 599_000), 8)).toEqual({ ok: true });
  });

  it('refuses a wrong nonce', () => {
    const c = issueChallenge(SECRET, opts, NOW);
    expect(verifyChallenge(SECRET, { ...c, nonce: wrongNonce(c.salt, c.difficulty) }, NOW)).toEqual({ ok: false, reason: 'unsolved' });
    expect(verifyChallenge(SECRET, { ...c, nonce: 'abc' }, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyChallenge(SECRET, { ...c, nonce: '' }, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses an expired challenge', () => {
    const solved = solveChallengeSync(issueChallenge(SECRET, opts, NOW));
    expect(verifyChallenge(SECRET, solved, new Date(NOW.getTime() + 600_000))).toEqual({ ok: false, reason: 'expired' });
    // Moving the expiry forward breaks the signature.
    expect(verifyChallenge(SECRET, { ...solved, expiresAt: '2099-01-01T00:00:00.000Z' }, new Date('2030-01-01'))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses a tampered difficulty, salt or signature, and another key', () => {
    const c = issueChallenge(SECRET, { difficulty: 12, ttlSeconds: 600 }, NOW);
    // A client that lowers the difficulty to 1 to solve it cheaply is caught by the signature.
    const cheap = solveChallengeSync({ ...c, difficulty: 1 });
    expect(verifyChallenge(SECRET, cheap, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    const solved = solveChallengeSync(c);
    expect(verifyChallenge(SECRET, solved, NOW)).toEqual({ ok: true });
    const flipped = (solved.signature[0] === 'a' ? 'b' : 'a') + solved.signature.slice(1);
    expect(verifyChallenge(SECRET, { ...solved, signature: flipped }, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyChallenge(SECRET, { ...solved, signature: 'zz' }, NOW)).toEqual({ ok: false, reason: 'malformed' });
    const otherSalt = issueChallenge(SECRET, { difficulty: 12, ttlSeconds: 600 }, NOW).salt;
    expect(verifyChallenge(SECRET, { ...solved, salt: otherSalt }, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyChallenge('another-secret-of-16-chars', solved, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a challenge easier than the minimum', () => {
    const solved = solveChallengeSync(issueChallenge(SECRET, { difficulty: 4, ttlSeconds: 600 }, NOW));
    expect(verifyChallenge(SECRET, solved, NOW, 8)).toEqual({ ok: false, reason: 'too_easy' });
  });
});
