#!/usr/bin/env node
/**
 * Wall time of the `danchu` command as an operator sees it (issue #9: a command answers in
 * ≤ 2 s on an existing database), in three situations on one PGlite folder:
 *   1. fresh: no database yet (initdb, migrations, demo data: the first command pays for `start`);
 *   2. alone: an existing database, no server running (the command opens PGlite itself);
 *   3. beside a running `danchu start` (the command goes through the server's socket).
 * Each command runs RUNS times (default 5) as `node bin/danchu.js …`; the median and the worst
 * are printed, and one run of `npx danchu` shows what npm's own start adds.
 *
 *   npm run bench:cli                 # RUNS=10 npm run bench:cli
 *
 * The build must be current (the script builds it first, untimed). Figures depend on the load:
 * the machine's load average is printed with them.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const runs = Number(process.env.RUNS ?? 5);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'danchu-bench-cli-'));
const env = { ...process.env, NODE_ENV: 'development', DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
const COMMANDS = [
  ['deadline', 'TC-INITIAL', '--from', '2030-04-22'],
  ['calendar', '--year', '2027'],
  ['report', 'cycles', '--json'],
];

function time(cmd, args) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

function series(label, args) {
  const ms = Array.from({ length: runs }, () => time(process.execPath, ['bin/danchu.js', ...args])).sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)];
  const worst = ms[ms.length - 1];
  console.log(
    `  ${label.padEnd(8)} ${args.join(' ').padEnd(40)} median ${fmt(median)}  worst ${fmt(worst)}${worst > 2000 ? '  (over 2 s)' : ''}`,
  );
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`.padStart(7);

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--server', '--if-stale'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

console.log(
  `danchu CLI wall time, ${runs} runs each, Node ${process.version}, ${os.cpus().length} cores, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
try {
  console.log(
    `  fresh    deadline on an empty folder (initdb, migrate, demo data)   ${fmt(time(process.execPath, ['bin/danchu.js', ...COMMANDS[0]]))}`,
  );
  console.log('existing database, no server:');
  for (const args of COMMANDS) series('alone', args);

  const port = await freePort();
  const server = spawn(process.execPath, ['dist/server/cli.js', 'start'], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  const lock = path.join(dataDir, 'danchu.lock');
  const until = Date.now() + 120_000;
  while (!(fs.existsSync(lock) && fs.readFileSync(lock, 'utf8').includes('socketDir'))) {
    if (Date.now() > until || server.exitCode !== null) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  console.log('beside a running server (through its socket):');
  try {
    for (const args of COMMANDS) series('beside', args);
    const npx = fmt(time('npx', ['danchu', ...COMMANDS[0]]));
    console.log(`  npx      npx danchu ${COMMANDS[0].join(' ').padEnd(40)}   once   ${npx}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
