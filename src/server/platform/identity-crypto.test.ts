import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IdentityKeyError, identityKey, openIdentity, resetIdentityKeyCache, sealIdentity } from './identity-crypto';

afterEach(() => resetIdentityKeyCache());

describe('identity encryption', () => {
  const key = { bytes: randomBytes(32), id: 'k1' };

  it('round-trips Vietnamese text and never stores it in clear', () => {
    const v = { name: 'Nguyễn Thị Hoà', address: 'Thôn Phú Lộc, xã Tịnh Ấn Tây' };
    const s = sealIdentity(v, key);
    expect(Buffer.from(s.cipher, 'base64').toString('utf8')).not.toContain('Nguy');
    expect(s.cipher).not.toContain('Hoà');
    expect(openIdentity(s.cipher, s.keyId, key)).toEqual(v);
  });

  it('uses a fresh IV each time', () => {
    expect(sealIdentity({ a: 1 }, key).cipher).not.toBe(sealIdentity({ a: 1 }, key).cipher);
  });

  it('refuses a value altered or sealed with another key', () => {
    const s = sealIdentity({ name: 'A' }, key);
    const raw = Buffer.from(s.cipher, 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => openIdentity(raw.toString('base64'), s.keyId, key)).toThrow(IdentityKeyError);
    expect(() => openIdentity(s.cipher, 'other', key)).toThrow(IdentityKeyError);
  });

  it('creates a 0600 key file once and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'danchu-key-'));
    const a = identityKey({ DATA_DIR: dir });
    resetIdentityKeyCache();
    const b = identityKey({ DATA_DIR: dir });
    expect(a.id).toBe(b.id);
    expect(fs.statSync(path.join(dir, 'identity.key')).mode & 0o777).toBe(0o600);
  });

  it('rejects a key of the wrong length with a message naming the variable', () => {
    expect(() => identityKey({ DANCHU_IDENTITY_KEY: 'abcd' })).toThrow(/DANCHU_IDENTITY_KEY/);
  });
});
