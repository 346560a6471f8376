/**
 * Folders of the installation. The same code runs from the sources (src/server/…, under tsx or
 * vitest) and bundled (dist/server/…), so paths are found from the root, not from this file.
 */
import fs from 'node:fs';
import path from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'migrations'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`danchu: no package.json with a migrations folder above ${from}`);
  }
}

/** The folder with package.json, migrations/ and dist/. */
export const ROOT = findRoot(import.meta.dirname);
/** The committed SQL migrations. */
export const MIGRATIONS_DIR = path.join(ROOT, 'migrations');
/** The built staff app (Vite). */
export const WEB_DIST_DIR = path.join(ROOT, 'dist/web');
/** Data files the server reads at run time (the diacritic-restoration model). */
export const ASSETS_DIR = path.join(ROOT, 'assets');
/** Sample documents to try the importer on. */
export const EXAMPLES_DIR = path.join(ROOT, 'examples');
/** The built server (esbuild). */
export const SERVER_DIST_DIR = path.join(ROOT, 'dist/server');
