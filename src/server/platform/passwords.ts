/** Password hashing with argon2id (OWASP parameters, the library defaults: m=19456 KiB, t=2, p=1). */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable under isolatedModules) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS);
}

/**
 * How many argon2 verifications this process has run: the log-in answers an unknown name only after
 * one, as it does a known name (issue #16 point 8), and a test checks that by this count rather than
 * by timing, which a busy machine blurs.
 */
let verifications = 0;
export function passwordVerifications(): number {
  return verifications;
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  verifications++;
  try {
    return await verify(hashed, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when a user does not exist, so timing does not tell. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  return dummy;
}
