/**
 * The browser side of the portal's proof-of-work (see src/server/platform/challenge.ts): find a
 * decimal nonce such that sha256(salt + nonce) starts with `difficulty` zero bits. Hashes in chunks and gives the event loop back between chunks so the page stays
 * responsive and a progress bar can move.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { TPortalChallenge } from '../../../contracts/cases';

export type SolvedPortalChallenge = TPortalChallenge & { nonce: string };

export type SolveProgress = {
  /** Hashes tried so far. */
  tries: number;
  /** Expected number of hashes (2^difficulty). */
  expected: number;
  /** Chance the search would have ended by now, 0…1 (never quite 1): a honest progress bar. */
  fraction: number;
};

export type SolveOptions = {
  onProgress?: (p: SolveProgress) => void;
  signal?: AbortSignal;
  /** Hashes per chunk between yields to the event loop. */
  chunk?: number;
  /** Give up after this many tries (a challenge that cannot be solved). */
  maxTries?: number;
};

export class SolveAbortedError extends Error {
  constructor() {
    super('aborted');
    this.name = 'SolveAbortedError';
  }
}

/** Leading zero bits of a digest. */
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

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Solve a challenge. SHA-256 comes from @noble/hashes (synchronous, audited, no Web Crypto): the
 * portal then also works on an agency intranet served over plain HTTP, where browsers withhold
 * `crypto.subtle`, and small hashes run faster than through Web Crypto's promise per call.
 * @throws SolveAbortedError when `signal` aborts; Error when `maxTries` is reached.
 */
export async function solveChallenge(c: TPortalChallenge, opts: SolveOptions = {}): Promise<SolvedPortalChallenge> {
  const chunk = Math.max(1, opts.chunk ?? 20_000);
  const maxTries = opts.maxTries ?? 2 ** Math.min(c.difficulty + 8, 40);
  const expected = 2 ** c.difficulty;
  const enc = new TextEncoder();
  const prefix = enc.encode(c.salt);
  let tries = 0;
  while (tries < maxTries) {
    if (opts.signal?.aborted) throw new SolveAbortedError();
    const end = Math.min(tries + chunk, maxTries);
    for (let n = tries; n < end; n++) {
      const nonce = enc.encode(String(n));
      const buf = new Uint8Array(prefix.length + nonce.length);
      buf.set(prefix, 0);
      buf.set(nonce, prefix.length);
      if (leadingZeroBits(sha256(buf)) >= c.difficulty) {
        opts.onProgress?.({ tries: n + 1, expected, fraction: 1 });
        return { ...c, nonce: String(n) };
      }
    }
    tries = end;
    opts.onProgress?.({ tries, expected, fraction: 1 - Math.exp(-tries / expected) });
    await yieldToEventLoop();
  }
  throw new Error('challenge not solved');
}
