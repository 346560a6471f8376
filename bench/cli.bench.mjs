#!/usr/bin/env node
/**
 * Wall time of the `danchu` command as an operator sees it (issue #9: a command answers in
 * ≤ 2 s on an existing database), in three situations on one PGlite folder:
 *   1. fresh: no database yet (initdb, migrations, demo data: the first command pays for `start`);
 *   2. alone: an existing database, no server running (the command opens PGlite itself);
 *   3. beside a running `danchu start` (the command goes through the server's socket);
 * and how long that start takes to answer /api/health (issue #9: a second start within 5 s).
 * Each command runs RUNS times (default 5) as `node bin/danchu.js …`; the median and worst wall
 * time and the median CPU time are printed, and one run of `npx danchu` shows what npm adds.
 *
 *   npm run bench:cli                 # RUNS=10 npm run bench:cli
 *
 * The build must be current (the script builds it first, untimed). Wall times depend on the
 * load: the machine's load average is printed with them.
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

/**
 * Runs one command; returns its wall time and the CPU time (user + system) it used. On a busy
 * machine the wall time grows with the load while the CPU time stays about what an idle machine
 * would take as wall time (a little more: PGlite compiles its WebAssembly on helper threads).
 */
function time(cmd, args) {
  const t0 = performance.now();
  // POSIX `times` prints the children's user and system time after the command.
  const quoted = [cmd, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const r = spawnSync('sh', ['-c', `${quoted} >/dev/null || exit $?; times`], { cwd: root, env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const children = r.stdout.trim().split('\n').at(-1) ?? '';
  const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60_000 + Number(m[2]) * 1000, 0);
  return { ms, cpu };
}

function series(label, args) {
  const runsOf = Array.from({ length: runs }, () => time(process.execPath, ['bin/danchu.js', ...args]));
  const wall = runsOf.map((r) => r.ms).sort((a, b) => a - b);
  const cpu = runsOf.map((r) => r.cpu).sort((a, b) => a - b);
  const mid = Math.floor(runs / 2);
  const over = wall[mid] > 2000 ? '  (wall over 2 s)' : '';
  console.log(
    `  ${label.padEnd(8)} ${args.join(' ').padEnd(40)} wall median ${fmt(wall[mid])} worst ${fmt(wall[runs - 1])}, CPU median ${fmt(cpu[mid])}${over}`,
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
  const fresh = time(process.execPath, ['bin/danchu.js', ...COMMANDS[0]]);
  console.log(`  fresh    deadline on an empty folder (initdb, migrate, demo data)   wall ${fmt(fresh.ms)}, CPU ${fmt(fresh.cpu)}`);
  console.log('existing database, no server:');
  for (const args of COMMANDS) series('alone', args);

  const port = await freePort();
  // `npm start` on a built, existing database, without npm's own start: until /api/health answers.
  const started = performance.now();
  const server = spawn(process.execPath, ['bin/danchu.js', 'start'], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  const until = Date.now() + 120_000;
  for (;;) {
    if (Date.now() > until || server.exitCode !== null) throw new Error('the server did not start');
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log(`start    bin/danchu.js start, existing database: /api/health after ${fmt(performance.now() - started)}`);
  const lock = path.join(dataDir, 'danchu.lock');
  while (!(fs.existsSync(lock) && fs.readFileSync(lock, 'utf8').includes('socketDir'))) {
    if (Date.now() > until || server.exitCode !== null) throw new Error('the server serves no socket');
    await new Promise((r) => setTimeout(r, 100));
  }
  console.log('beside a running server (through its socket):');
  try {
    for (const args of COMMANDS) series('beside', args);
    const npx = time('npx', ['danchu', ...COMMANDS[0]]);
    console.log(`  npx      npx danchu ${COMMANDS[0].join(' ').padEnd(40)} wall once   ${fmt(npx.ms)}, CPU ${fmt(npx.cpu)}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
