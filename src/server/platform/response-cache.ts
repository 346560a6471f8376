/**
 * Kept answers of the aggregate pages (issue #17): the dashboard, the board by pillars, oversight,
 * statistics, the report matrix, a plan's roll-up and cascade, the reception schedule. Each costs
 * 2–40 ms of SQL at a 100,000-case agency and is asked again and again between two changes of the
 * agency's data; under 200 connections they held the whole server to ~77 requests a second.
 *
 * An answer is kept under everything it depends on, so it is never stale:
 * - the agency's data version (`data_versions`, written by every tenant transaction that changes
 *   anything, db.ts `markChanged`): any change of the agency makes a new version, and the answers
 *   of the old one are never asked for again;
 * - the person (their own answer only: what they may see is theirs, and a change of their roles is
 *   itself a change of the agency's data);
 * - today in Việt Nam (deadlines and flags are by the legal day), the language, and the URL.
 * A hit costs the request's one session statement (which reads the version too) and no
 * transaction. Asks for a key being computed wait for that answer instead of computing it again:
 * after a change, 200 connections asking for the same page compute it once, not 200 times. Only the successful answers (200) of the routes that ask for it
 * (`config: { cache: true }`) are kept, in this process's memory, the least recently used leaving
 * first, within `RESPONSE_CACHE_MB`.
 *
 * A route may ask for it only if its answer is a function of those keys alone, and whatever it
 * writes while answering is bookkeeping that the answer itself makes unnecessary the next time
 * (the statistics' recount of changed months, the board's daily watch snapshot).
 *
 * With a read replica (`DATABASE_READ_URL`) the version of the session (read on the primary) may
 * be newer than the replica's data: an answer computed there is kept under the version read in its
 * own transaction instead (`versionForKeeping`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { sql } from 'drizzle-orm';
import { todayInVietnam } from './clock';
import { rowsOf, type Tx } from './db';
import { localeOf } from './errors';

declare module 'fastify' {
  interface FastifyInstance {
    /** The kept answers' counters. */
    responseCache: ResponseCache;
  }
  interface FastifyContextConfig {
    /** Keep this GET route's answers (response-cache.ts): only a route whose answer depends on nothing else. */
    cache?: boolean;
  }
  interface FastifyRequest {
    /** The agency's data version, read with the session (null: never changed since the migration). */
    dataVersion: number | null;
    /** Set for a cacheable request that missed: where to keep its answer, and who waits for it. */
    keeping: {
      key: (version: number | null) => string;
      version: number | null;
      versionFromTransaction: boolean;
      /** Settles the waiters of this key (with the answer, or null to compute their own). */
      settle: (kept: Kept | null) => void;
    } | null;
  }
}

type Kept = { body: string; type: string };

export type ResponseCache = {
  /** Counters since the start (for the benchmark and tests). */
  stats: () => { hits: number; misses: number; kept: number; bytes: number };
};

/**
 * Install the kept answers on `app`: a preHandler hook answers a hit, an onSend hook keeps a miss's
 * 200 answer.
 * @param maxBytes the memory they may take; 0 turns them off.
 */
export function installResponseCache(app: FastifyInstance, maxBytes: number): ResponseCache {
  app.decorateRequest('dataVersion', null);
  app.decorateRequest('keeping', null);
  let hits = 0;
  let misses = 0;
  /** Keys being computed, and the answer their first ask will give. */
  const computing = new Map<string, Promise<Kept | null>>();
  const cache =
    maxBytes > 0
      ? new LRUCache<string, Kept>({
          maxSize: maxBytes,
          // Strings are UTF-16 in memory; the key counts too.
          sizeCalculation: (v, k) => 2 * (v.body.length + k.length) + 64,
          // A kept answer no one asked for in an hour gives its memory back.
          ttl: 3600_000,
          updateAgeOnGet: true,
        })
      : null;
  const stats = () => ({ hits, misses, kept: cache?.size ?? 0, bytes: cache?.calculatedSize ?? 0 });
  if (!cache) return { stats };

  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'GET' || req.routeOptions.config?.cache !== true || !req.actor) return;
    const actor = req.actor;
    // The roles are in the key too: a change of them also changes the version, but the key does
    // not rely on that alone for what a person may see.
    const roles = actor.roles.map((r) => `${r.role}@${r.unitId ?? ''}`).join(',');
    const locale = localeOf(req);
    const today = todayInVietnam();
    const key = (version: number | null) => `${actor.tenantId}|${version ?? 0}|${actor.userId}|${roles}|${today}|${locale}|${req.url}`;
    const k = key(req.dataVersion);
    const waiting = computing.get(k);
    const kept = cache.get(k) ?? (waiting ? await waiting : undefined);
    if (kept) {
      hits++;
      reply.header('content-type', kept.type).header('x-danchu-cache', 'hit');
      return reply.send(kept.body);
    }
    misses++;
    let settle: (v: Kept | null) => void = () => {};
    // The first ask of a key computes it; those that come meanwhile wait above. An answer that is
    // not kept (a refusal, an error) settles them with null, and each computes its own.
    if (!computing.has(k)) {
      let settled = false;
      const waited: Promise<Kept | null> = new Promise((resolve) => {
        settle = (v) => {
          if (settled) return;
          settled = true;
          if (computing.get(k) === waited) computing.delete(k);
          resolve(v);
        };
      });
      computing.set(k, waited);
    }
    req.keeping = {
      key,
      version: req.dataVersion,
      // On a replica the answer is as old as the replica: kept under the version its transaction read.
      versionFromTransaction: req.routeOptions.config?.readOnly === true && req.server.db.readPool !== undefined,
      settle,
    };
    reply.header('x-danchu-cache', 'miss');
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const k = req.keeping;
    if (!k) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (reply.statusCode !== 200 || typeof payload !== 'string' || !type.startsWith('application/json')) {
      k.settle(null);
      return payload;
    }
    const kept = { body: payload, type };
    // Kept under the version of the data it was computed from; the waiters asked under the
    // session's version, which is that one unless the answer came from a lagging replica.
    cache.set(k.key(k.version), kept);
    k.settle(k.version === req.dataVersion ? kept : null);
    return payload;
  });
  // A request that ends without sending (its client gone, an error before onSend) releases its waiters.
  app.addHook('onResponse', async (req) => {
    req.keeping?.settle(null);
  });
  app.addHook('onRequestAbort', async (req) => {
    req.keeping?.settle(null);
  });

  return { stats };
}

/**
 * Called at the start of a request's transaction (withContext, inTenant): a cacheable request
 * computed on the read replica keeps its answer under the version that transaction sees.
 */
export async function versionForKeeping(req: FastifyRequest, tx: Tx): Promise<void> {
  const k = req.keeping;
  if (!k?.versionFromTransaction) return;
  const [row] = rowsOf<{ version: string | number }>(
    await tx.execute(sql`select version from data_versions where tenant_id = current_setting('app.tenant_id')::uuid`),
  );
  k.version = row ? Number(row.version) : null;
  k.versionFromTransaction = false;
}
