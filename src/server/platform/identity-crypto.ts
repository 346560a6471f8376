/**
 * Encryption at rest of protected identities (issue #5; Law 25/2018/QH14 Art. 8(3): revealing a
 * denouncer's name, address or anything that identifies them is prohibited; Art. 47(2)).
 *
 * AES-256-GCM with a random 96-bit IV per value; the stored form is base64(iv | tag | ciphertext).
 * The key is the installation's, not the database's: a copy of the database (or a backup file)
 * alone does not reveal anyone. It comes from DANCHU_IDENTITY_KEY (32 bytes, base64 or hex), or
 * from the key file DANCHU_IDENTITY_KEY_FILE (default `DATA_DIR/identity.key`), created with
 * mode 0600 on first use. Back the key file up apart from the database.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class IdentityKeyError extends Error {}

type Key = { bytes: Buffer; id: string };
let cached: Key | null = null;

function parseKey(raw: string, where: string): Buffer {
  const s = raw.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64');
  if (bytes.length !== 32)
    throw new IdentityKeyError(
      `${where}: khóa mã hóa phải dài 32 byte (base64 hoặc hex) / the identity key must be 32 bytes (base64 or hex)`,
    );
  return bytes;
}

function keyOf(bytes: Buffer): Key {
  return { bytes, id: createHash('sha256').update(bytes).digest('hex').slice(0, 12) };
}

/** The installation's identity key (resolved once per process). */
export function identityKey(env: Record<string, string | undefined> = process.env): Key {
  if (cached) return cached;
  if (env.DANCHU_IDENTITY_KEY) {
    cached = keyOf(parseKey(env.DANCHU_IDENTITY_KEY, 'DANCHU_IDENTITY_KEY'));
    return cached;
  }
  const file = path.resolve(env.DANCHU_IDENTITY_KEY_FILE ?? path.join(env.DATA_DIR || './data', 'identity.key'));
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // 'wx': never overwrite a key another process has just written.
      fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  cached = keyOf(parseKey(fs.readFileSync(file, 'utf8'), file));
  return cached;
}

/** For tests: forget the cached key. */
export function resetIdentityKeyCache(): void {
  cached = null;
}

/** Encrypt a JSON value; returns the stored form and the key id. */
export function sealIdentity(value: unknown, key: Key = identityKey()): { cipher: string; keyId: string } {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key.bytes, iv);
  const body = Buffer.concat([c.update(JSON.stringify(value), 'utf8'), c.final()]);
  return { cipher: Buffer.concat([iv, c.getAuthTag(), body]).toString('base64'), keyId: key.id };
}

/**
 * Decrypt a stored value.
 * @throws IdentityKeyError when the value was sealed with another key or was altered.
 */
export function openIdentity<T>(cipher: string, keyId: string, key: Key = identityKey()): T {
  if (keyId !== key.id) throw new IdentityKeyError(`giá trị được mã hóa bằng khóa khác (${keyId}) / sealed with another key (${keyId})`);
  const raw = Buffer.from(cipher, 'base64');
  const d = createDecipheriv('aes-256-gcm', key.bytes, raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  try {
    return JSON.parse(Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8')) as T;
  } catch {
    throw new IdentityKeyError('giá trị mã hóa đã bị sửa đổi / the sealed value was altered');
  }
}
