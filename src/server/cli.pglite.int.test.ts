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

  it('lists report cycles as JSON and exports the consolidated report', () => {
    const r = danchu(['report', 'cycles', '--json']);
    expect(r.code, r.err).toBe(0);
    const cycles = JSON.parse(r.out) as { id: string; title: string; dueOn: string; units: { accepted: number; late: number } }[];
    const six = cycles.find((c) => c.title === '6 tháng đầu năm 2021')!;
    expect(six.dueOn).toBe('2021-06-11');
    expect(six.units.accepted).toBeGreaterThanOrEqual(3);
    expect(six.units.late).toBe(1);
    const out = path.join(dir, 'bao-cao.docx');
    const e = danchu(['report', 'export', '--cycle', six.id, '--format', 'docx', '--out', out]);
    expect(e.code, e.err).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(danchu(['report', 'export', '--cycle', six.id, '--format', 'pdf', '--out', out]).code).toBe(2);
    expect(danchu(['report', 'export', '--cycle', '00000000-0000-4000-8000-000000000000', '--format', 'xlsx', '--out', out]).code).toBe(2);
  });

  it('computes a statutory deadline and parses a plan document', () => {
    const d = danchu(['deadline', 'TC-INITIAL', '--from', '2030-04-22']);
    expect(d.code, d.err).toBe(0);
    expect(d.out.split('\n')[0]).toBe('2030-05-03');
    expect(danchu(['deadline', 'KHONG-CO', '--from', '2030-04-22']).code).toBe(2);
    const seed = path.resolve(root, '../shared/seeds/000_80afc2e34cb9448d.txt');
    const p = danchu(['import-plan', seed, '--json']);
    expect(p.code, p.err).toBe(0);
    const json = JSON.parse(p.out);
    expect(json.sections.map((s: { items: unknown[] }) => s.items.length)).toEqual([3, 14, 4]);
    expect(json.references).toHaveLength(18);
    expect(json.recipients).toHaveLength(8);
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
