/**
 * The durability drills (issue #16): kill -9 during write bursts on PGlite and PostgreSQL, two
 * app processes on one PostgreSQL, backup → restore. Each prints its figure.
 *
 *   npm run drills:durability [-- --quick]
 *   node --import tsx drills/durability/run.ts [--quick] [--pglite | --postgres]
 *
 * PostgreSQL parts run when TEST_DATABASE_URL names a server (its databases are created and
 * dropped here). The full form takes several minutes; --quick is one round of each (the form
 * `npm test` runs, through durability.int.test.ts). Exit code 1 when any figure is not met.
 */
import { pathToFileURL } from 'node:url';
import { backupRestoreDrill } from './backup-restore';
import { kill9Drill } from './kill9';
import { Databases, ensureServerBuilt, type Figure } from './lib';
import { twoProcessDrill } from './two-processes';

export type DurabilityOptions = {
  quick: boolean;
  /** A PostgreSQL server URL (TEST_DATABASE_URL); without it the PostgreSQL drills are skipped and said so. */
  pgServer: string | null;
  /** Seeded starting points made elsewhere (the integration suite's templates). */
  templates?: { pgliteTemplateFile?: string; pgTemplateDb?: string };
  /** Which databases to drill (default: PGlite, and PostgreSQL when pgServer is set). */
  only?: 'pglite' | 'postgres';
  log?: (line: string) => void;
};

export async function runDurabilityDrills(opts: DurabilityOptions): Promise<Figure[]> {
  const log = opts.log ?? ((l: string) => console.log(l));
  await ensureServerBuilt();
  const dbs = new Databases(opts.pgServer, opts.templates);
  const figures: Figure[] = [];
  const done = (f: Figure) => {
    figures.push(f);
    log(`${f.ok ? '✓' : '✗'} ${f.drill} [${f.db}]: ${f.figure}`);
    if (!f.ok && f.details) log(`    ${JSON.stringify(f.details)}`);
  };
  const kill9 = {
    rounds: opts.quick ? 1 : 5,
    writers: opts.quick ? 6 : 12,
    // A different moment each round: early, mid-burst, late.
    killAfter: (round: number) => (opts.quick ? 25 : [15, 60, 120, 40, 200][(round - 1) % 5]!),
    log,
  };
  try {
    const kinds = opts.only ? [opts.only] : opts.pgServer ? (['pglite', 'postgres'] as const) : (['pglite'] as const);
    if (!opts.pgServer && opts.only !== 'pglite') log('TEST_DATABASE_URL is not set: the PostgreSQL drills do not run.');
    for (const kind of kinds) {
      if (kind === 'postgres' && !opts.pgServer) continue;
      const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
      log(`— kill -9 during write bursts, ${name}`);
      const target = kind === 'pglite' ? await dbs.seededPglite() : await dbs.seededPostgres();
      done(await kill9Drill(target, kill9));
      log(`— backup → restore, ${name}`);
      for (const f of await backupRestoreDrill(target, dbs)) done(f);
      if (kind === 'postgres') {
        log('— two app processes on one PostgreSQL');
        const shared = await dbs.seededPostgres();
        for (const f of await twoProcessDrill(shared, {
          jobs: opts.quick ? 50 : 500,
          cronMs: opts.quick ? 0 : 150_000,
          settleMs: opts.quick ? 8000 : 15_000,
          log,
        }))
          done(f);
      }
    }
  } finally {
    await dbs.cleanup();
  }
  return figures;
}

/** The figures as a Markdown table (for the README's "last full run"). */
export function figuresTable(figures: Figure[]): string {
  return [
    '| Drill | Database | Figure | Held |',
    '|---|---|---|---|',
    ...figures.map((f) => `| ${f.drill} | ${f.db} | ${f.figure} | ${f.ok ? 'yes' : 'NO'} |`),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const only = process.argv.includes('--pglite') ? 'pglite' : process.argv.includes('--postgres') ? 'postgres' : undefined;
  const started = Date.now();
  runDurabilityDrills({ quick, pgServer: process.env.TEST_DATABASE_URL || null, ...(only ? { only } : {}) })
    .then((figures) => {
      console.log(`\n${figuresTable(figures)}\n\n${quick ? 'Quick' : 'Full'} run in ${Math.round((Date.now() - started) / 1000)} s.`);
      process.exit(figures.every((f) => f.ok) ? 0 : 1);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
