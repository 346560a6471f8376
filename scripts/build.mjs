#!/usr/bin/env node
/**
 * The build: the staff app with Vite into dist/web, the server with esbuild into dist/server
 * (one ES module per entry plus shared chunks, packages left to node_modules), so the server runs
 * as `node dist/server/cli.js` without a TypeScript loader.
 *
 *   node scripts/build.mjs [--web] [--server] [--if-stale]
 *
 * Without --web/--server both are built. With --if-stale a part is built only when it is missing
 * or one of the files it was built from (recorded in dist/build-*.json) changed since, which is
 * how `npm start` and `bin/danchu.js` keep the build current in a source checkout at the cost of
 * a few hundred stat() calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const DIST = path.join(ROOT, 'dist');
/** Files every part depends on besides its own sources. */
const COMMON_INPUTS = ['package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];

const PARTS = {
  server: { stamp: path.join(DIST, 'build-server.json'), output: path.join(DIST, 'server/cli.js'), build: buildServer },
  web: { stamp: path.join(DIST, 'build-web.json'), output: path.join(DIST, 'web/index.html'), build: buildWeb },
};

/** Why a part must be built, or null when its build is current. */
export function staleReason(part) {
  const { stamp, output } = PARTS[part];
  if (!fs.existsSync(output)) return 'not built yet';
  let record;
  try {
    record = JSON.parse(fs.readFileSync(stamp, 'utf8'));
  } catch {
    return 'no build record';
  }
  for (const input of record.inputs) {
    let mtime;
    try {
      mtime = fs.statSync(path.join(ROOT, input)).mtimeMs;
    } catch {
      return `${input} is gone`;
    }
    if (mtime > record.builtAt) return `${input} changed`;
  }
  return null;
}

/**
 * Build the parts that are stale (or all asked for, with `force`). Concurrent callers (two
 * commands started at once) take turns on a lock file and the second finds the build current.
 * @param {{ web?: boolean, server?: boolean, force?: boolean, quiet?: boolean }} opts
 */
export async function ensureBuilt({ web = false, server = true, force = false, quiet = false } = {}) {
  const wanted = [...(server ? ['server'] : []), ...(web ? ['web'] : [])];
  if (!force && wanted.every((p) => staleReason(p) === null)) return;
  const unlock = await lockBuild();
  try {
    for (const part of wanted) {
      const reason = force ? 'asked' : staleReason(part);
      if (reason === null) continue;
      if (!quiet) process.stderr.write(`Đang biên dịch / Building ${part} (${reason})…\n`);
      const started = Date.now();
      const inputs = await PARTS[part].build();
      writeAtomic(
        PARTS[part].stamp,
        `${JSON.stringify({ builtAt: started, inputs: [...new Set([...COMMON_INPUTS, ...inputs])].sort() })}\n`,
      );
    }
  } finally {
    unlock();
  }
}

async function importBuildTool(name) {
  try {
    return await import(name);
  } catch {
    throw new Error(
      `Cần ${name} để biên dịch; hãy chạy "npm ci" (kèm devDependencies) rồi "npm run build".\n` +
        `Building needs ${name}: run "npm ci" (with devDependencies), then "npm run build".`,
    );
  }
}

/** The server bundle. Returns its inputs (relative paths). */
async function buildServer() {
  const esbuild = await importBuildTool('esbuild');
  const outdir = path.join(DIST, 'server');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    // The plan-import worker thread has its own entry (it runs under a memory ceiling, issue #16).
    entryPoints: { cli: 'src/server/cli.ts', 'plan-import-worker': 'src/server/plan-import/worker-main.ts' },
    outdir,
    bundle: true,
    // Commands load only what they use: `danchu calendar` never parses fastify or pdf.js.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  checkRuntimeDependencies(result.metafile);
  // Chunk names carry their content hash, so chunks are written before the entry that names them
  // and old ones stay until unused for a day: a command or server that started from the previous
  // build can still load its lazy chunks while this one is written.
  const entry = path.join(outdir, 'cli.js');
  const files = result.outputFiles.sort((a, b) => Number(a.path.startsWith(entry)) - Number(b.path.startsWith(entry)));
  const written = new Set();
  for (const f of files) {
    written.add(f.path);
    if (f.path.startsWith(entry) || !sameContent(f.path, f.contents)) writeAtomic(f.path, f.contents);
  }
  removeOldChunks(path.join(outdir, 'chunks'), written);
  return Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
}

/**
 * What the server imports from node_modules at run time must be in `dependencies`, or a
 * production install (`npm ci --omit=dev`, the Docker image) would start and then fail.
 */
function checkRuntimeDependencies(metafile) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const imported = new Set();
  for (const out of Object.values(metafile.outputs)) {
    for (const imp of out.imports) {
      if (!imp.external || imp.path.startsWith('node:') || imp.path.startsWith('.')) continue;
      const parts = imp.path.split('/');
      imported.add(imp.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  const missing = [...imported].filter((name) => !pkg.dependencies?.[name]).sort();
  if (missing.length) {
    throw new Error(
      `The server imports packages that are not in "dependencies" (production installs omit the rest): ${missing.join(', ')}`,
    );
  }
}

/** The staff app. Returns its inputs (relative paths). */
async function buildWeb() {
  const vite = await importBuildTool('vite');
  const modules = new Set();
  // Vite sets process.env.NODE_ENV to 'production' for a build when it is unset, and `npm start`
  // builds in the process that then runs the server: a first start would take itself for a
  // production install (no demo, an admin password asked for). Put it back as it was.
  const nodeEnv = process.env.NODE_ENV;
  try {
    await vite.build({
      configFile: path.join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      plugins: [
        {
          name: 'danchu-record-inputs',
          generateBundle(_options, bundle) {
            for (const out of Object.values(bundle)) if (out.type === 'chunk') for (const id of out.moduleIds) modules.add(id);
          },
        },
      ],
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  precompress(path.join(DIST, 'web'));
  const inputs = ['vite.config.ts', 'src/web/index.html', 'src/web/public', ...listFiles(path.join(ROOT, 'src/web/public'))];
  for (const id of modules) {
    const file = id.split('?')[0];
    if (!file.startsWith(ROOT) || file.includes('/node_modules/') || file.includes('\0')) continue;
    inputs.push(path.relative(ROOT, file));
  }
  return inputs;
}

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml|ico)$/;

/**
 * Brotli and gzip copies beside every text file of the web build (`app.js.br`, `app.js.gz`), made
 * once here at the highest levels rather than on every response: the server sends them to
 * browsers that accept them (@fastify/static `preCompressed`), 1.1 MB of JS and CSS going out as
 * about a quarter of that (issue #17). A copy that would not be smaller is not written.
 */
export function precompress(dir) {
  for (const rel of listFiles(dir)) {
    const file = path.join(ROOT, rel);
    if (!COMPRESSIBLE.test(file)) continue;
    const raw = fs.readFileSync(file);
    const br = zlib.brotliCompressSync(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = zlib.gzipSync(raw, { level: zlib.constants.Z_BEST_COMPRESSION });
    if (br.length < raw.length) fs.writeFileSync(`${file}.br`, br);
    if (gz.length < raw.length) fs.writeFileSync(`${file}.gz`, gz);
  }
}

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .flatMap((d) => (d.isFile() ? [path.relative(ROOT, path.join(d.parentPath, d.name))] : []));
}

function sameContent(file, contents) {
  try {
    return Buffer.compare(fs.readFileSync(file), Buffer.from(contents)) === 0;
  } catch {
    return false;
  }
}

function writeAtomic(file, contents) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

function removeOldChunks(dir, keep) {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const file = path.join(dir, name);
    if (!keep.has(file) && fs.statSync(file).mtimeMs < dayAgo) fs.rmSync(file, { force: true });
  }
}

/** An exclusive lock on building; waits for another live builder, takes over a dead one's. */
async function lockBuild() {
  fs.mkdirSync(DIST, { recursive: true });
  const lock = path.join(DIST, '.build.lock');
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lock, { force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const holder = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
      if (!alive(holder)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function alive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = new Set(process.argv.slice(2));
  const unknown = [...args].filter((a) => !['--web', '--server', '--if-stale'].includes(a));
  if (unknown.length) {
    console.error(`Usage: node scripts/build.mjs [--web] [--server] [--if-stale] (unknown: ${unknown.join(' ')})`);
    process.exit(2);
  }
  const both = !args.has('--web') && !args.has('--server');
  try {
    await ensureBuilt({ web: both || args.has('--web'), server: both || args.has('--server'), force: !args.has('--if-stale') });
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
