/**
 * Shared pieces of the drills (issue #16, "Make the drills part of the project"): the app on a
 * clone of the seeded demo agency with its log captured, the demo logins of each role, the routes
 * of the OpenAPI document, ids gathered from list answers to fill path parameters, a fingerprint
 * of every table, and the figure each drill prints.
 *
 * A drill runs quick inside `npm test` (the integration project) and full under `npm run drills`
 * (DRILLS=full); drills/run.mjs collects the figures they write to DRILLS_FIGURES.
 */
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/server/app';
import { rowsOf, type Database } from '../src/server/platform/db';
import { DEMO_PASSWORD, DEMO_TENANT } from '../src/server/seed/demo-org';
import { cloneTestDb, testConfig } from '../src/server/test/harness';

export const FULL = process.env.DRILLS === 'full';

/** Print a drill's figure and hand it to the runner (drills/run.mjs) for its table. */
export function figure(drill: string, values: Record<string, number | string>): void {
  const line = `[drill] ${drill}: ${Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')}`;
  console.log(line);
  const file = process.env.DRILLS_FIGURES;
  if (file) fs.appendFileSync(file, `${JSON.stringify({ drill, mode: FULL ? 'full' : 'quick', values })}\n`);
}

/** The demo accounts that stand for each role (src/server/seed/demo-org.ts); `null` = no session. */
export const ROLE_LOGINS = {
  admin: 'admin',
  office: 'vanphong',
  leader: 'lanhdao',
  inspection: 'thanhtra',
  union: 'congdoan',
  staff: 'canbo',
  unit_head: 'truongphong',
  anonymous: null,
} as const;
export type DrillRole = keyof typeof ROLE_LOGINS;
export const DRILL_ROLES = Object.keys(ROLE_LOGINS) as DrillRole[];

export type Session = { cookie: string; csrf: string; username: string };

export type DrillApp = {
  app: FastifyInstance;
  db: Database;
  /** Every line the app logged (pino JSON at info level). */
  log: string[];
  call: (session: Session | null, opts: InjectOptions) => Promise<LightMyRequestResponse>;
  login: (username: string) => Promise<Session>;
  close: () => Promise<void>;
};

/** The app on a fresh clone of the seeded demo agency, logging at info level into `log`. */
export async function drillApp(): Promise<DrillApp> {
  const { db, drop } = await cloneTestDb();
  const log: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      log.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'info' }), db, logger: { level: 'info', stream }, startJobs: false });
  await app.ready();
  const call: DrillApp['call'] = (session, o) => {
    const headers: Record<string, string> = { ...(o.headers as Record<string, string> | undefined) };
    if (session) {
      headers.cookie = session.cookie;
      headers['x-csrf-token'] = session.csrf;
    }
    return app.inject({ ...o, headers });
  };
  const login = async (username: string): Promise<Session> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const cookie = `danchu_sid=${res.cookies.find((c) => c.name === 'danchu_sid')!.value}`;
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    return { cookie, csrf: me.json().csrfToken as string, username };
  };
  return {
    app,
    db,
    log,
    call,
    login,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/** Sessions of every drill role (anonymous: null). */
export async function loginAll(t: DrillApp): Promise<Record<DrillRole, Session | null>> {
  const out = {} as Record<DrillRole, Session | null>;
  for (const role of DRILL_ROLES) {
    const u = ROLE_LOGINS[role];
    out[role] = u ? await t.login(u) : null;
  }
  return out;
}

/* ─────────────── the OpenAPI document ─────────────── */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  const?: unknown;
  default?: unknown;
};
export type Parameter = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: JsonSchema };
export type Route = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI form: /api/cases/{id} */
  path: string;
  tag: string;
  parameters: Parameter[];
  body: JsonSchema | null;
  multipart: boolean;
};

/** Every route of the OpenAPI document the app serves (`app.swagger()`), the docs UI left out. */
export function routesOf(app: FastifyInstance): Route[] {
  const doc = app.swagger() as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const out: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (path.startsWith('/api/docs')) continue;
    for (const [method, op] of Object.entries(ops)) {
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)?.content;
      out.push({
        method: method.toUpperCase() as Route['method'],
        path,
        tag: ((op.tags as string[] | undefined) ?? ['?'])[0]!,
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        body: content?.['application/json']?.schema ?? null,
        multipart: ((op.consumes as string[] | undefined) ?? []).includes('multipart/form-data'),
      });
    }
  }
  return out;
}

/** Routes that answer without a session (`config: { public: true }`): the portal, log-in, health, the calendar feed by token. */
export function isPublicRoute(r: Route): boolean {
  return r.path.startsWith('/api/public/') || ['/api/health', '/api/auth/login', '/api/calendar.ics'].includes(r.path);
}

export const pathParams = (path: string): string[] => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/* ─────────────── ids from list answers ─────────────── */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids seen in answers: `byPrefix['/api/cases']` holds the ids of the rows a list at that path
 * gave; `byName['unitId']` the values of fields so named and the ids of arrays under `units`.
 */
export class IdPool {
  byPrefix = new Map<string, Set<string>>();
  byName = new Map<string, Set<string>>();
  codes = new Set<string>();

  private add(map: Map<string, Set<string>>, key: string, id: string) {
    const s = map.get(key) ?? new Set<string>();
    map.set(key, s);
    s.add(id);
  }

  /** Learn from the JSON answer of GET `url` (its path without query). */
  learn(url: string, body: unknown): void {
    const prefix = url.split('?')[0]!;
    const rowsOfList = (v: unknown): unknown[] => {
      if (Array.isArray(v)) return v;
      if (v && typeof v === 'object') for (const x of Object.values(v)) if (Array.isArray(x)) return x;
      return [];
    };
    for (const row of rowsOfList(body)) {
      const id = (row as { id?: unknown })?.id;
      if (typeof id === 'string' && UUID.test(id)) this.add(this.byPrefix, prefix, id);
    }
    const walk = (v: unknown, depth: number) => {
      if (depth > 8 || !v || typeof v !== 'object') return;
      if (Array.isArray(v)) {
        for (const x of v) walk(x, depth + 1);
        return;
      }
      for (const [k, x] of Object.entries(v)) {
        if (typeof x === 'string' && UUID.test(x) && /Id$/.test(k)) this.add(this.byName, k, x);
        if (k === 'trackingCode' && typeof x === 'string') this.codes.add(x);
        if (Array.isArray(x)) {
          const singular = k.replace(/ies$/, 'y').replace(/s$/, '');
          for (const e of x) {
            const id = (e as { id?: unknown })?.id;
            if (typeof id === 'string' && UUID.test(id)) this.add(this.byName, `${singular}Id`, id);
          }
        }
        walk(x, depth + 1);
      }
    };
    walk(body, 0);
  }

  /** Candidate values for path parameter `name` of `path`, at most `limit` of them. */
  candidates(path: string, name: string, limit: number, year: number): string[] {
    if (name === 'agency') return [DEMO_TENANT.code];
    if (name === 'year') return [String(year)];
    if (name === 'name') return ['ke-hoach-tuyen-truyen-2021.docx'];
    if (name === 'code') return [...this.codes].slice(0, limit);
    const before = path.slice(0, path.indexOf(`{${name}}`) - 1);
    const own = this.byPrefix.get(before);
    const named = this.byName.get(name === 'id' ? `${before.split('/').pop()!.replace(/ies$/, 'y').replace(/s$/, '')}Id` : name);
    const ids = [...(own ?? []), ...(named ?? [])];
    return [...new Set(ids)].slice(0, limit);
  }
}

/** Fill the pool from every GET, level by level (routes with no path parameter first), as the given sessions. */
export async function gatherIds(
  t: DrillApp,
  routes: Route[],
  pool: IdPool,
  sessions: (Session | null)[],
  year: number,
  perParam = FULL ? 3 : 1,
): Promise<number> {
  let requests = 0;
  for (let depth = 0; depth <= 2; depth++)
    for (const r of routes.filter((x) => x.method === 'GET' && pathParams(x.path).length === depth))
      for (const s of sessions)
        for (const url of urlsFor(r, pool, { perParam, cap: perParam, year })) {
          const res = await t.call(s, { method: 'GET', url });
          requests++;
          if (res.statusCode === 200 && String(res.headers['content-type']).includes('json')) pool.learn(url, res.json());
        }
  return requests;
}

/** Concrete URLs for a route: each path parameter filled from the pool (cartesian, capped). */
export function urlsFor(r: Route, pool: IdPool, opts: { perParam: number; cap: number; year: number; fallback?: string }): string[] {
  let urls = [r.path];
  for (const p of pathParams(r.path)) {
    let values = pool.candidates(r.path, p, opts.perParam, opts.year);
    if (!values.length && opts.fallback) values = [opts.fallback];
    if (!values.length) return [];
    urls = urls.flatMap((u) => values.map((v) => u.replace(`{${p}}`, encodeURIComponent(v)))).slice(0, opts.cap);
  }
  const query = r.parameters
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${encodeURIComponent(sampleQueryValue(p, pool, opts.year))}`)
    .join('&');
  return query ? urls.map((u) => `${u}?${query}`) : urls;
}

function sampleQueryValue(p: Parameter, pool: IdPool, year: number): string {
  if (p.schema.enum?.length) return String(p.schema.enum[0]);
  if (/year/i.test(p.name)) return String(year);
  if (p.schema.type === 'integer' || p.schema.type === 'number') return String(Math.max(1, p.schema.minimum ?? 1));
  if (p.schema.pattern?.includes('\\d{4}-')) return `${year}-06-30`;
  if (p.schema.format === 'uuid') return [...(pool.byName.get(p.name) ?? [])][0] ?? '00000000-0000-4000-8000-000000000000';
  return 'a';
}

/* ─────────────── fingerprints of the tables ─────────────── */

/** Row count and a content hash of every table of the public schema, read as the owner (no RLS). */
export async function tableFingerprints(db: Database): Promise<Map<string, { rows: number; hash: string }>> {
  const tables = rowsOf<{ name: string }>(
    await db.owner.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`),
  ).map((r) => r.name);
  const out = new Map<string, { rows: number; hash: string }>();
  for (const name of tables) {
    const [r] = rowsOf<{ n: number; h: string | null }>(
      await db.owner.execute(
        sql.raw(`select count(*)::int as n, md5(string_agg(md5(t::text), '' order by md5(t::text))) as h from "public"."${name}" t`),
      ),
    );
    out.set(name, { rows: Number(r!.n), hash: r!.h ?? '' });
  }
  return out;
}

/** Make a small seeded pseudo-random generator (mulberry32), so a sample is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/* ─────────────── sample values from the request schemas ─────────────── */

export const ZERO_UUID = '00000000-0000-4000-8000-000000000000';

/**
 * A plausible value for a JSON schema of the OpenAPI document (made from the zod request
 * schemas): required properties only, the first enum value or union member, lengths and bounds
 * kept. Cross-field rules are not known here, so the server may still refuse it.
 */
export function sampleValue(s: JsonSchema | undefined, name: string, pool: IdPool | null, year: number): unknown {
  if (!s) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.oneOf?.length) return sampleValue(s.oneOf[0], name, pool, year);
  if (s.anyOf?.length) return sampleValue(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0], name, pool, year);
  if (s.allOf?.length) return Object.assign({}, ...s.allOf.map((x) => sampleValue(x, name, pool, year)));
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const k of s.required ?? []) o[k] = sampleValue(s.properties?.[k], k, pool, year);
      return o;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleValue(s.items, name.replace(/s$/, ''), pool, year));
    case 'integer':
    case 'number': {
      const v = /year/i.test(name) ? year : 1;
      return Math.min(Math.max(v, s.minimum ?? -Infinity), s.maximum ?? Infinity);
    }
    case 'boolean':
      return false;
    case 'string': {
      if (s.format === 'uuid') return [...(pool?.byName.get(name) ?? [])][0] ?? ZERO_UUID;
      if (s.format === 'email') return 'drill@example.vn';
      if (s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return `${year}-06-30`;
      if (s.pattern?.startsWith('^[A-Za-z0-9_-]{16')) return 'drill-key-0000000001';
      const base = 'Thử nghiệm';
      const min = s.minLength ?? 0;
      const v = base.length >= min ? base : base.padEnd(min, 'x');
      return s.maxLength !== undefined ? v.slice(0, Math.max(s.maxLength, min)) : v;
    }
    default:
      return s.nullable ? null : 'x';
  }
}
