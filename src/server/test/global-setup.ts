/**
 * Integration-test global setup (STYLE.md 23): migrate and seed one template database, once;
 * every test file then clones it. PGlite: a dumped data directory loaded into memory.
 * PostgreSQL (DANCHU_TEST_DB=postgres with TEST_DATABASE_URL): a template database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../platform/db';
import { MODULES } from '../modules';
import { seedDemo } from '../seed/bootstrap';

declare module 'vitest' {
  export interface ProvidedContext {
    dbKind: 'pglite' | 'postgres';
    pgliteTemplate: string;
    pgServerUrl: string;
    pgTemplateDb: string;
    /** Clones of this run are named with this prefix, so that runs side by side on one server never drop each other's. */
    pgClonePrefix: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const kind = process.env.DANCHU_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  project.provide('dbKind', kind);
  if (kind === 'pglite') {
    const db = await openPglite({ dataDir: 'memory://' });
    await db.migrate();
    await seedDemo(db, MODULES);
    const dump = await db.pglite!.dumpDataDir('none');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'danchu-tpl-')), 'template.tar');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    project.provide('pgliteTemplate', file);
    project.provide('pgServerUrl', '');
    project.provide('pgTemplateDb', '');
    project.provide('pgClonePrefix', '');
    return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('DANCHU_TEST_DB=postgres needs TEST_DATABASE_URL');
  const template = `danchu_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const db = await openPostgres(withDatabase(server, template), { max: 2 });
  await db.migrate();
  await seedDemo(db, MODULES);
  await db.close();
  project.provide('pgliteTemplate', '');
  project.provide('pgServerUrl', server);
  project.provide('pgTemplateDb', template);
  const prefix = `danchu_t_${process.pid}_`;
  project.provide('pgClonePrefix', prefix);
  return async () => {
    // Drop the clones this run's test files left, then the template.
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1 or datname = $2`, [
      `${prefix}%`,
      template,
    ]);
    for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.end();
  };
}
