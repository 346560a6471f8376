/**
 * A self-hosted proof-of-work challenge against spam on the public portal (issue #5): no
 * third-party service, no cookie, no tracking. The server hands out a signed salt; the browser
 * searches a nonce such that sha256(salt + nonce) begins with `difficulty` zero bits and sends it
 * back with the form. Checking costs one HMAC and one hash; finding costs ~2^difficulty hashes.
 *
 * The signature (HMAC-SHA256 over salt | difficulty | expiresAt) keeps a client from lowering the
 * difficulty or extending the expiry. Single use is the caller's job: it records used salts
 * (table `portal_challenges`) and refuses a salt seen before.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TPortalChallenge } from '../../contracts/cases';

export type ChallengeOptions = { difficulty: number; ttlSeconds: number };
export type SolvedChallenge = TPortalChallenge & { nonce: string };
export type ChallengeFailure = 'malformed' | 'bad_signature' | 'expired' | 'too_easy' | 'unsolved';
export type ChallengeVerdict = { ok: true } | { ok: false; reason: ChallengeFailure };

/**
 * Default difficulty (config DANCHU_PORTAL_DIFFICULTY): 2^16 hashes on average, about one second
 * with Web Crypto on a desktop and two to three on a phone (the browser hashes ~90k/s).
 */
export const DEFAULT_DIFFICULTY = 16;
/** Default lifetime: time enough to write the form after the page fetched the challenge. */
export const DEFAULT_TTL_SECONDS = 30 * 60;

const SALT_RE = /^[0-9a-f]{32}\.\d{1,15}$/;
const NONCE_RE = /^\d{1,20}$/;
const SIG_RE = /^[0-9a-f]{64}$/;

function sign(secret: string, salt: string, difficulty: number, expiresAt: string): string {
  return createHmac('sha256', secret).update(`${salt}|${difficulty}|${expiresAt}`).digest('hex');
}

/** Number of leading zero bits of a byte string. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    if (b === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(b) - 24;
  }
  return n;
}

/**
 * Issue a challenge.
 * @param secret the installation's portal key (`config.portal.secret`).
 * @param now for tests.
 */
export function issueChallenge(secret: string, opts: ChallengeOptions, now: Date = new Date()): TPortalChallenge {
  const expires = new Date(now.getTime() + opts.ttlSeconds * 1000);
  const expiresAt = expires.toISOString();
  const salt = `${randomBytes(16).toString('hex')}.${Math.floor(expires.getTime() / 1000)}`;
  return { salt, difficulty: opts.difficulty, expiresAt, signature: sign(secret, salt, opts.difficulty, expiresAt) };
}

/**
 * Check a solved challenge: well-formed, signed by us, not expired, hard enough, and solved.
 * Does NOT check single use (the caller records used salts).
 * @param minDifficulty refuse challenges easier than this (e.g. the configured difficulty).
 */
export function verifyChallenge(secret: string, c: SolvedChallenge, now: Date = new Date(), minDifficulty = 1): ChallengeVerdict {
  if (
    typeof c.salt !== 'string' ||
    typeof c.nonce !== 'string' ||
    typeof c.signature !== 'string' ||
    typeof c.expiresAt !== 'string' ||
    !Number.isInteger(c.difficulty) ||
    c.difficulty < 1 ||
    c.difficulty > 64 ||
    !SALT_RE.test(c.salt) ||
    !NONCE_RE.test(c.nonce) ||
    !SIG_RE.test(c.signature)
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = Buffer.from(sign(secret, c.salt, c.difficulty, c.expiresAt), 'hex');
  const given = Buffer.from(c.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  const expires = Date.parse(c.expiresAt);
  if (!Number.isFinite(expires) || expires <= now.getTime()) return { ok: false, reason: 'expired' };
  if (c.difficulty < minDifficulty) return { ok: false, reason: 'too_easy' };
  const digest = createHash('sha256')
    .update(c.salt + c.nonce)
    .digest();
  if (leadingZeroBits(digest) < c.difficulty) return { ok: false, reason: 'unsolved' };
  return { ok: true };
}

/** Solve a challenge on the server (tests, scripts). Expected work: 2^difficulty hashes. */
export function solveChallengeSync(c: TPortalChallenge, maxTries = 2 ** 28): SolvedChallenge {
  for (let n = 0; n < maxTries; n++) {
    const nonce = String(n);
    if (
      leadingZeroBits(
        createHash('sha256')
          .update(c.salt + nonce)
          .digest(),
      ) >= c.difficulty
    )
      return { ...c, nonce };
  }
  throw new Error('challenge not solved');
}
