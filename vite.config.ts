import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * Mantine's AppShell header, navbar, aside and footer import react-remove-scroll only to read
 * `RemoveScroll.classNames.zeroRight` (a class name), which puts the whole library (its scroll
 * lock, side car and style singleton, ≈ 4 kB gzip) into the first page (issue #17). For those
 * files this resolves the import to the class names alone, taken from the library's own constants;
 * the modals and drawers, which do lock scrolling, keep the real library. The build fails if an
 * AppShell file starts using RemoveScroll for anything else.
 */
function removeScrollClassNamesOnly(): Plugin {
  const SHIM = '\0danchu:remove-scroll-class-names';
  const appShell = /@mantine[\\/]core[\\/]esm[\\/]components[\\/]AppShell[\\/]/;
  return {
    name: 'danchu-remove-scroll-class-names',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'react-remove-scroll' && importer && appShell.test(importer)) return SHIM;
      return null;
    },
    load(id) {
      if (id !== SHIM) return null;
      return [
        "import { fullWidthClassName, zeroRightClassName } from 'react-remove-scroll-bar/constants';",
        'export const RemoveScroll = { classNames: { fullWidth: fullWidthClassName, zeroRight: zeroRightClassName } };',
      ].join('\n');
    },
    transform(code, id) {
      if (!appShell.test(id) || !code.includes('react-remove-scroll')) return null;
      const uses = code.match(/\bRemoveScroll\b/g)?.length ?? 0;
      const classNameUses = code.match(/\bRemoveScroll\.classNames\.(zeroRight|fullWidth)\b/g)?.length ?? 0;
      // One use is the import itself.
      if (uses !== classNameUses + 1) this.error(`${id} uses RemoveScroll beyond its class names: drop the shim in vite.config.ts`);
      return null;
    },
  };
}

// The staff app: built into dist/web, served by the API server (same origin, strict CSP: no
// inline scripts). Pages load lazily (src/web/router.tsx); charts only where they are used.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'src/web'),
  plugins: [react(), removeScrollClassNamesOnly()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Libraries every page needs, in one long-cached chunk apart from the app's own code.
          groups: [{ name: 'vendor', test: /node_modules[\\/](react|react-dom|scheduler|@tanstack|i18next|react-i18next)[\\/]/ }],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
