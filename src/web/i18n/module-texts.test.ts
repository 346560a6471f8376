/**
 * A module's pages load only its own catalogue and those it declares in `uses` (issue #17: the
 * first page carries no module's catalogue). Every key a page names in the source must be in one
 * of those or in the shell's texts, or the page would show the bare key; the shell itself (ui/,
 * the router) may name only the shell's texts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Messages } from '../module';
import { WEB_MODULES } from '../modules';
import { mergeMessages, modulesFor } from './index';
import { vi } from './vi';

const WEB = path.resolve(import.meta.dirname, '..');

function keys(o: Messages, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !/^i18n(\.en)?\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Keys named in `t('a.b')`, and prefixes of keys built in `t(`a.b_${x}`)`. */
function namedKeys(files: string[]): { file: string; key: string; prefix: boolean }[] {
  return files.flatMap((file) => {
    const src = fs.readFileSync(file, 'utf8');
    const exact = [...src.matchAll(/\bt\('([a-zA-Z_]+\.[a-zA-Z0-9_.]+)'/g)].map((m) => ({ file, key: m[1]!, prefix: false }));
    const built = [...src.matchAll(/\bt\(`([a-zA-Z_]+\.[a-zA-Z0-9_.]*)\$\{/g)].map((m) => ({ file, key: m[1]!, prefix: true }));
    return [...exact, ...built];
  });
}

const shell = mergeMessages([vi, ...WEB_MODULES.flatMap((m) => (m.shellMessages ? [m.shellMessages.vi] : []))]);

function missing(available: Messages, files: string[]): string[] {
  const all = keys(available);
  const have = new Set(all);
  return namedKeys(files)
    .filter(({ key, prefix }) => (prefix ? !all.some((k) => k.startsWith(key)) : !have.has(key)))
    .map(({ file, key }) => `${path.relative(WEB, file)}: ${key}`);
}

describe('each page finds its texts among the catalogues it loads', () => {
  it('the shell names only the shell’s texts', () => {
    const files = [...sources(path.join(WEB, 'ui')), ...['router.tsx', 'main.tsx', 'session.tsx'].map((f) => path.join(WEB, f))];
    expect(missing(shell, files)).toEqual([]);
  });

  for (const module of WEB_MODULES) {
    it(`module ${module.name}`, async () => {
      const texts = await Promise.all(modulesFor(module).map((m) => m.messages.vi()));
      const files = sources(path.join(WEB, 'features', module.name));
      expect(files.length).toBeGreaterThan(0);
      expect(missing(mergeMessages([shell, ...texts]), files)).toEqual([]);
    });
  }
});
