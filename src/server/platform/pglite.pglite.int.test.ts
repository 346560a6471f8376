/** The embedded database's durability: an exclusive folder lock and fsync (STACK.md §1). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test/harness';
import { DataDirLockedError, openPglite, rowsOf } from './db';

let t: TestApp;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'danchu-lock-'));
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('PGlite data folder', () => {
  it('refuses a second open of the same folder with a clear message', async () => {
    const dir = path.join(tmp, 'data');
    const first = await openPglite({ dataDir: dir });
    try {
      await expect(openPglite({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(openPglite({ dataDir: dir })).rejects.toThrow(/đang được tiến trình \d+ sử dụng/);
    } finally {
      await first.close();
    }
    const again = await openPglite({ dataDir: dir });
    await again.close();
  });

  it('opens PGlite with fsync on (durable writes)', async () => {
    const [r] = rowsOf<{ fsync: string }>(await t.db.owner.execute(sql`show fsync`));
    expect(r!.fsync).toBe('on');
  });
});
