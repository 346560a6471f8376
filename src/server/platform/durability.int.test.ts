/** Backup and restore round trip, the data-folder lock, and first-start bootstrap. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { cloneTestDb, createTestApp, testConfig, type TestApp } from '../test/harness';
import { backupDatabase, restoreDatabase, RestoreError } from './backup';
import { rowsOf, type Database, openPglite } from './db';
import { verifyAuditChain } from './audit';
import { BootstrapError, ensureInitialData } from '../seed/bootstrap';
import { MODULES } from '../modules';
import { tenants, users } from './tables';

/** One checksum per table: the md5 of all its rows in primary-key order. */
async function fingerprint(db: Database): Promise<Record<string, string>> {
  const tables = rowsOf<{ table_name: string }>(
    await db.owner.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  );
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [r] = rowsOf<{ h: string; n: number }>(
      await db.owner.execute(
        sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h, count(*)::int as n from public.${table_name} t`),
      ),
    );
    out[table_name] = `${r!.n}:${r!.h}`;
  }
  return out;
}

let t: TestApp;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'danchu-dur-'));
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips every row, attachments and the audit chain included', async () => {
    const office = await t.login('vanphong');
    const [att0] = rowsOf<{ n: number }>(await t.db.owner.execute(sql`select count(*)::int as n from attachments`));
    // Some binary data and Vietnamese text.
    const boundary = 'b0undary';
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3, 255, 254, 0, 0]);
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Ảnh hiện trường.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    expect(
      (
        await t.call(office, {
          method: 'POST',
          url: '/api/files',
          payload: body,
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        })
      ).statusCode,
    ).toBe(200);
    const before = await fingerprint(t.db);
    const file = path.join(tmp, 'backup.danchu.gz');
    const summary = await backupDatabase(t.db, file);
    expect(summary.tables.attachments).toBe(Number(att0!.n) + 1);

    // Restore into a different, fresh database (a clone of the template, then changed).
    const target = await cloneTestDb();
    try {
      await target.db.withTenant({ tenantId: (await target.db.owner.select().from(tenants))[0]!.tenantId }, (tx) =>
        tx.update(users).set({ fullName: 'Sẽ bị ghi đè' }),
      );
      await restoreDatabase(target.db, file);
      expect(await fingerprint(target.db)).toEqual(before);
      expect(await verifyAuditChain(target.db.owner, t.demoTenantId)).toMatchObject({ ok: true });
      const [att] = rowsOf<{ data: string }>(
        await target.db.owner.execute(sql`select encode(data, 'hex') as data from attachments where filename = 'Ảnh hiện trường.png'`),
      );
      expect(att!.data).toBe(png.toString('hex'));
    } finally {
      await target.drop();
    }
  });

  it('refuses a file that is not a danchu backup, changing nothing', async () => {
    const junk = path.join(tmp, 'junk.gz');
    fs.writeFileSync(junk, (await import('node:zlib')).gzipSync('{"hello":"world"}\n'));
    const before = await fingerprint(t.db);
    await expect(restoreDatabase(t.db, junk)).rejects.toBeInstanceOf(RestoreError);
    await expect(restoreDatabase(t.db, path.join(tmp, 'missing.gz'))).rejects.toBeInstanceOf(RestoreError);
    expect(await fingerprint(t.db)).toEqual(before);
  });
});

describe('first start', () => {
  it('refuses a production start without an admin password, and never seeds the demo there', async () => {
    const empty = await openPglite({ dataDir: 'memory://' });
    try {
      await empty.migrate();
      await expect(ensureInitialData(testConfig({ NODE_ENV: 'production' }), empty, MODULES)).rejects.toBeInstanceOf(BootstrapError);
      const r = await ensureInitialData(
        testConfig({ NODE_ENV: 'production', DANCHU_ADMIN_PASSWORD: 'mot-mat-khau-dai', DANCHU_AGENCY_NAME: 'Sở Nội vụ tỉnh X' }),
        empty,
        MODULES,
      );
      expect(r).toBe('production-admin');
      const all = await empty.owner.select().from(users);
      expect(all.map((u) => u.username)).toEqual(['admin']);
      expect((await empty.owner.select().from(tenants))[0]!.name).toBe('Sở Nội vụ tỉnh X');
      expect(await ensureInitialData(testConfig({ NODE_ENV: 'production' }), empty, MODULES)).toBe('existing');
    } finally {
      await empty.close();
    }
  });

  it('writes backups 0600 with the identity key fingerprint, and refuses to restore them under another key (issue #16)', async () => {
    const zlib = await import('node:zlib');
    const file = path.join(tmp, 'keyed.danchu.gz');
    fs.writeFileSync(file, 'old', { mode: 0o644 });
    await backupDatabase(t.db, file, { keyId: 'aaaaaaaaaaaa' });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    expect(JSON.parse(lines[0]!).identityKeyId).toBe('aaaaaaaaaaaa');
    const before = await fingerprint(t.db);
    await expect(restoreDatabase(t.db, file, { keyId: 'bbbbbbbbbbbb' })).rejects.toThrow(/aaaaaaaaaaaa.*bbbbbbbbbbbb/s);
    // A backup made before the fingerprint: the sealed rows name their key, and the restore is undone.
    const legacy = path.join(tmp, 'legacy.danchu.gz');
    const header = JSON.parse(lines[0]!);
    delete header.identityKeyId;
    fs.writeFileSync(legacy, zlib.gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    await expect(restoreDatabase(t.db, legacy, { keyId: 'bbbbbbbbbbbb' })).rejects.toBeInstanceOf(RestoreError);
    expect(await fingerprint(t.db)).toEqual(before);
  });
});
