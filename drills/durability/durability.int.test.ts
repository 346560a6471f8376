/**
 * The quick form of the durability drills (issue #16), run by `npm test` in both integration
 * passes: on PGlite, kill -9 during a write burst and backup → restore on a PGlite folder; on
 * PostgreSQL, the same on a PostgreSQL database plus two app processes sharing it. The full form
 * (several rounds, a per-minute schedule) is `npm run drills:durability`; `npm run drills` runs
 * this file with three kill rounds.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FULL, figure } from '../lib';
import { backupRestoreDrill } from './backup-restore';
import { kill9Drill } from './kill9';
import { Databases, ensureServerBuilt, type Figure, type Target } from './lib';
import { twoProcessDrill } from './two-processes';

const kind = inject('dbKind');
let dbs: Databases;
let target: Target;
// Printed, and handed to `npm run drills` (drills/run.mjs) for its figures table.
const print = (f: Figure) => {
  console.log(`${f.ok ? '✓' : '✗'} ${f.drill} [${f.db}]: ${f.figure}`);
  figure(f.drill, { result: f.figure });
};

beforeAll(async () => {
  await ensureServerBuilt();
  dbs = new Databases(kind === 'postgres' ? inject('pgServerUrl') : null, {
    ...(inject('pgliteTemplate') ? { pgliteTemplateFile: inject('pgliteTemplate') } : {}),
    ...(inject('pgTemplateDb') ? { pgTemplateDb: inject('pgTemplateDb') } : {}),
  });
  target = kind === 'postgres' ? await dbs.seededPostgres() : await dbs.seededPglite();
}, 300_000);
afterAll(async () => {
  await dbs?.cleanup();
});

describe(`durability drills, quick form (${kind})`, () => {
  it('loses no acknowledged write when the server is killed with SIGKILL mid-burst', { timeout: 600_000 }, async () => {
    // `npm run drills` (DRILLS=full) runs more rounds with more writers; the per-minute schedule
    // drill stays in `npm run drills:durability`.
    const f = await kill9Drill(
      target,
      FULL ? { rounds: 3, writers: 12, killAfter: (r) => 20 * r } : { rounds: 1, writers: 6, killAfter: () => 20 },
    );
    print(f);
    expect(f.figure).toMatch(/^acknowledged \d+, lost 0\b/);
    expect(f.ok, JSON.stringify(f.details)).toBe(true);
  });

  it('restores a backup into a fresh installation whole, audit chain verifying; refuses another identity key', {
    timeout: 600_000,
  }, async () => {
    const [restore, wrongKey] = await backupRestoreDrill(target, dbs);
    print(restore!);
    print(wrongKey!);
    expect(restore!.figure).toMatch(/ 0 differ; audit chain verifies/);
    expect(restore!.ok, JSON.stringify(restore!.details)).toBe(true);
    expect(wrongKey!.ok, JSON.stringify(wrongKey!.details)).toBe(true);
  });

  if (kind === 'postgres') {
    it('runs two app processes on one database: both start, no job twice, log-in limits and sessions shared', {
      timeout: 600_000,
    }, async () => {
      const shared = await dbs.seededPostgres();
      const figures = await twoProcessDrill(shared, { jobs: 40, cronMs: 0, settleMs: 8000 });
      for (const f of figures) print(f);
      expect(figures.filter((f) => !f.ok).map((f) => `${f.drill}: ${f.figure}`)).toEqual([]);
    });
  }
});
