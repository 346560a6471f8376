import { defineConfig } from 'vitest/config';

// One identity key for the whole run: the template database seeded in global setup and the
// workers that read it must seal and open protected identities with the same key.
process.env.DANCHU_IDENTITY_KEY ??= 'dGVzdC1vbmx5LWlkZW50aXR5LWtleS0wMTIzNDU2Nzg=';

// Two projects: pure unit tests (fast, no I/O) and integration tests that run the whole
// app against a real database (PGlite by default, PostgreSQL when DANCHU_TEST_DB=postgres).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: ['src/**/*.int.test.ts', 'node_modules/**', 'e2e/**'],
          environment: 'node',
          env: { TZ: 'UTC' },
        },
      },
      {
        test: {
          name: 'integration',
          // bench/: the province generator's test (issue #17) runs with the suite; drills/: the quick
          // form of the drills (issue #16), `npm run drills` runs them in full.
          include: ['src/**/*.int.test.ts', 'bench/**/*.int.test.ts', 'drills/**/*.int.test.ts'],
          // Tests of the embedded database itself (folder lock, fsync, the CLI on a data folder)
          // belong to the PGlite pass only; tests of what only a server gives (two app processes on
          // one database, a read replica) or of a load PGlite takes minutes over (70,000 cases in a
          // year), named `*.postgres.int.test.ts`, to the PostgreSQL pass only.
          exclude: [
            'node_modules/**',
            'e2e/**',
            ...(process.env.DANCHU_TEST_DB === 'postgres' ? ['src/**/*.pglite.int.test.ts'] : ['src/**/*.postgres.int.test.ts']),
          ],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          env: { TZ: 'UTC' },
          globalSetup: ['src/server/test/global-setup.ts'],
        },
      },
    ],
  },
});
