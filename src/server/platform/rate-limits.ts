/**
 * Rate limits kept in the database (table `rate_limits`), so that several app processes behind
 * one load balancer share them and a restart does not reset them (issue #16 point 6). One
 * statement per hit: an upsert that starts a new window when the old one has passed.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './db';
import { rowsOf } from './db';

/** The tenant of installation-wide counters (per address, per route). */
export const NO_TENANT = '00000000-0000-0000-0000-000000000000';

/** The log-in failure counters of a name as typed (NFC, lower case) at one address, and of the address. */
export function loginKeys(username: string, ip: string): { name: string; address: string } {
  return { name: `${loginNamePrefix(username)}${ip}`, address: `login:address:${ip}` };
}

/** The prefix of every address's failure counter of one log-in name (an unlock clears them all). */
export function loginNamePrefix(username: string): string {
  return `login:name:${username.normalize('NFC').toLowerCase()}@`;
}

export type Hit = { hits: number; ttlMs: number };

/**
 * Count one hit on `key` within a window of `windowMs`, and return the count and what is left of
 * the window.
 * @param owner the owner connection (counters are read before any tenant is known).
 */
export async function hitLimit(owner: Db, key: string, windowMs: number, tenantId: string = NO_TENANT): Promise<Hit> {
  const [row] = rowsOf<{ hits: number; ttl: number | string }>(
    await owner.execute(sql`
      insert into rate_limits as r (tenant_id, key, hits, reset_at)
      values (${tenantId}, ${key}, 1, now() + ${windowMs} * interval '1 millisecond')
      on conflict (tenant_id, key) do update set
        hits = case when r.reset_at <= now() then 1 else r.hits + 1 end,
        reset_at = case when r.reset_at <= now() then excluded.reset_at else r.reset_at end
      returning hits, ceil(extract(epoch from (reset_at - now())) * 1000) as ttl`),
  );
  return { hits: Number(row!.hits), ttlMs: Math.max(0, Number(row!.ttl)) };
}

/** The live count of `key` (0 when absent or its window has passed). */
export async function peekLimit(owner: Db, key: string, tenantId: string = NO_TENANT): Promise<Hit> {
  const [row] = rowsOf<{ hits: number; ttl: number | string }>(
    await owner.execute(sql`
      select hits, ceil(extract(epoch from (reset_at - now())) * 1000) as ttl
        from rate_limits where tenant_id = ${tenantId} and key = ${key} and reset_at > now()`),
  );
  return row ? { hits: Number(row.hits), ttlMs: Math.max(0, Number(row.ttl)) } : { hits: 0, ttlMs: 0 };
}

/** Forget `key` (a successful log-in clears its failures). */
export async function clearLimit(owner: Db, key: string, tenantId: string = NO_TENANT): Promise<void> {
  await owner.execute(sql`delete from rate_limits where tenant_id = ${tenantId} and key = ${key}`);
}

/** Remove counters whose window has passed (an hourly job). */
export async function purgeLimits(owner: Db): Promise<void> {
  await owner.execute(sql`delete from rate_limits where reset_at <= now()`);
}

type IncrCallback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit backed by `rate_limits` (its `store` option takes a class; this
 * returns one bound to the database). Keys are the route plus the client address.
 */
export function databaseRateLimitStore(owner: Db) {
  return class DatabaseRateLimitStore {
    readonly prefix: string;
    constructor(_options?: unknown, prefix = 'route:') {
      this.prefix = prefix;
    }
    incr(key: string, cb: IncrCallback, timeWindow: number): void {
      hitLimit(owner, this.prefix + key, timeWindow).then(
        (h) => cb(null, { current: h.hits, ttl: h.ttlMs }),
        (e: Error) => cb(e),
      );
    }
    read(key: string, cb: IncrCallback): void {
      peekLimit(owner, this.prefix + key).then(
        (h) => cb(null, { current: h.hits, ttl: h.ttlMs }),
        (e: Error) => cb(e),
      );
    }
    // The plugin passes the merged route parameters with the route as `routeInfo` (its types say otherwise).
    child(routeOptions: object) {
      const route = (routeOptions as { routeInfo: { method: string | string[]; url: string } }).routeInfo;
      return new DatabaseRateLimitStore(undefined, `${this.prefix}${String(route.method)}${route.url}:`);
    }
  };
}
