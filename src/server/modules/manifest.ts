/**
 * A module manifest (STYLE.md 2): the app assembles modules from a list of these; a module
 * cannot be loaded without its routes, its error codes, its jobs and its dashboard counts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database, Tx } from '../platform/db';
import type { Config } from '../platform/config';
import type { ErrorCatalogue } from '../platform/errors';
import type { Jobs } from '../platform/jobs';
import type { Actor } from '../platform/roles';
import type { AuditActor } from '../platform/audit';

/** One number on the dashboard, computed from real data. */
export type DashboardStat = { key: string; label: { vi: string; en: string }; value: number; link?: string; pillar?: string };

export interface ModuleManifest {
  name: string;
  /** Routes mounted under `/api`. Routes that need no session set `config: { public: true }`. */
  routes?: FastifyPluginAsyncZod;
  /** The module's own error codes, each with Vietnamese and English messages. */
  errors?: ErrorCatalogue;
  /** Background jobs the module runs. */
  jobs?: (jobs: Jobs, db: Database, config: Config) => void;
  /** Counts the dashboard shows to this actor. */
  dashboard?: (tx: Tx, actor: Actor) => Promise<DashboardStat[]>;
  /** Demo data of the module, seeded after the demo agency and its people exist. */
  seedDemo?: (ctx: SeedContext) => Promise<void>;
}

/** What a module's demo seed gets: the agency, a system actor, and a way to run in its tenant. */
export type SeedContext = {
  db: Database;
  tenantId: string;
  /** Runs as the given demo user (by username) in the demo tenant. */
  as: <T>(username: string, fn: (tx: Tx, actor: Actor, who: AuditActor) => Promise<T>) => Promise<T>;
  unitIdByCode: Record<string, string>;
};

export function defineModule(m: ModuleManifest): ModuleManifest {
  return m;
}
