#!/usr/bin/env node
// `npm run drills`: every drill of drills/ in full (issue #16), on PGlite, then on PostgreSQL
// when TEST_DATABASE_URL is set (DANCHU_TEST_DB=postgres alone runs PostgreSQL only). Each drill
// prints its figure; at the end the runner prints them all as the table the README keeps.
//   npm run drills                      all drills, full
//   npm run drills -- drills/matrix     only the files matching (vitest filters)
//   DRILLS=quick npm run drills         the sample form npm test runs
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const mode = process.env.DRILLS === 'quick' ? 'quick' : 'full';
const runs =
  process.env.DANCHU_TEST_DB === 'postgres'
    ? [{ name: 'PostgreSQL', db: 'postgres' }]
    : [{ name: 'PGlite', db: 'pglite' }, ...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', db: 'postgres' }] : [])];
const filters = process.argv.slice(2);

let failed = false;
const table = [];
for (const run of runs) {
  const figures = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'danchu-drills-')), 'figures.jsonl');
  console.log(`\n=== Drills (${mode}) on ${run.name} ===`);
  const started = Date.now();
  const r = spawnSync('npx', ['vitest', 'run', '--project', 'integration', ...(filters.length ? filters : ['drills/'])], {
    stdio: 'inherit',
    env: { ...process.env, DRILLS: mode, DANCHU_TEST_DB: run.db, DRILLS_FIGURES: figures },
  });
  if (r.status !== 0) failed = true;
  const lines = fs.existsSync(figures) ? fs.readFileSync(figures, 'utf8').trim().split('\n').filter(Boolean) : [];
  for (const l of lines) {
    const f = JSON.parse(l);
    table.push({
      db: run.name,
      drill: f.drill,
      figure: Object.entries(f.values)
        .map(([k, v]) => `${k} ${v}`)
        .join(' · '),
    });
  }
  console.log(`${run.name}: ${Math.round((Date.now() - started) / 1000)} s, ${r.status === 0 ? 'passed' : 'FAILED'}`);
}

console.log(`\n| Database | Drill | Figure (${mode}, ${new Date().toISOString().slice(0, 10)}) |\n|---|---|---|`);
for (const row of table) console.log(`| ${row.db} | ${row.drill} | ${row.figure} |`);
process.exit(failed ? 1 : 0);
