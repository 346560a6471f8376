#!/usr/bin/env node
// The `danchu` command. Runs the built CLI (dist/server/cli.js) in this very process, so that a
// signal (Ctrl-C, `docker stop`) reaches the server's shutdown handler. In a source checkout it
// first builds what is missing or older than the sources (scripts/build.mjs): the server bundle
// for every command, the web app too for `start`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);

if (fs.existsSync(path.join(root, 'src/server/cli.ts'))) {
  const { ensureBuilt } = await import(pathToFileURL(path.join(root, 'scripts/build.mjs')).href);
  try {
    await ensureBuilt({ server: true, web: argv[0] === 'start' });
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}

// The server's stack traces name the TypeScript sources (dist/server/*.js.map). Not for the
// other commands: reading the maps costs more than a short command takes.
if (argv[0] === 'start') process.setSourceMapsEnabled(true);
const { run } = await import(pathToFileURL(path.join(root, 'dist/server/cli.js')).href);
await run(argv);
