/**
 * The `danchu` command as an operator runs it, in a child process on a PGlite folder.
 * (`*.pglite.int.test.ts` files run only in the PGlite pass: they test the embedded database.)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir } from './platform/db';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'danchu-cli-'));

function danchu(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: '', DATA_DIR: dir, LOG_LEVEL: 'silent', ...env },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('danchu CLI (PGlite folder)', () => {
  beforeAll(() => {
    const r = danchu(['seed']);
    expect(r.code, r.err).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the days off of a year, one a line: ISO date then name', () => {
    const r = danchu(['calendar', '--year', '2027']);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toContain('2027-01-01 Tết Dương lịch');
    expect(lines).toContain('2027-02-06 Tết Nguyên đán (mùng 1)');
    expect(lines).toContain('2027-04-16 Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(lines.every((l) => /^\d{4}-\d{2}-\d{2} \S/.test(l))).toBe(true);
    expect([...lines].sort()).toEqual(lines);
  });

  it('exits 2 with a message on a bad year or an unknown command', () => {
    const r = danchu(['calendar', '--year', 'hai-nghin']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--year/);
    expect(danchu(['khong-co-lenh']).code).toBe(2);
  });

  it('stops with a message naming the variable on a bad configuration', () => {
    const r = danchu(['migrate'], { PORT: 'tám mươi' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/PORT/);
  });

  it('verifies the audit chain', () => {
    const r = danchu(['audit', 'verify']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/chuỗi băm toàn vẹn/);
  });

  it('refuses to open a data folder another process holds', () => {
    const unlock = lockDataDir(dir);
    try {
      const r = danchu(['migrate']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/đang được tiến trình \d+ sử dụng/);
      expect(r.err).toMatch(/in use by process/);
    } finally {
      unlock();
    }
  });

  it('backs up and restores through the command line', () => {
    const file = path.join(dir, 'sao-luu.gz');
    const b = danchu(['backup', file]);
    expect(b.code, b.err).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    const r = danchu(['restore', file]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Đã khôi phục \d+ dòng/);
    expect(danchu(['restore', path.join(dir, 'khong-co.gz')]).code).toBe(2);
  });
});
