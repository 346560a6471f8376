#!/usr/bin/env node
// Runs the integration suite on PGlite, then again on PostgreSQL when TEST_DATABASE_URL is set
// (issue #2: the same suite on both databases). Fails if either run fails.
import { spawnSync } from 'node:child_process';

const runs = [{ name: 'PGlite', env: { DANCHU_TEST_DB: 'pglite' } }];
if (process.env.TEST_DATABASE_URL) runs.push({ name: 'PostgreSQL', env: { DANCHU_TEST_DB: 'postgres' } });
else console.log('TEST_DATABASE_URL is not set: the integration suite runs on PGlite only.');

let failed = false;
for (const run of runs) {
  console.log(`\n=== Integration tests on ${run.name} ===`);
  const r = spawnSync('npx', ['vitest', 'run', '--project', 'integration', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ...run.env },
  });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
