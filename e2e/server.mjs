// Starts danchu for the browser journeys on a fresh embedded database (demo agency seeded), from
// the build (bin/danchu.js builds what is stale first; `npm run test:e2e` has built it already).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'danchu-e2e-'));
const child = spawn(process.execPath, ['bin/danchu.js', 'start'], {
  stdio: 'inherit',
  env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development', LOG_LEVEL: 'warn', HOST: '127.0.0.1' },
});
const stop = () => {
  child.kill('SIGTERM');
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
