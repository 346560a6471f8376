/**
 * Drill 1 (issue #16): the role × route matrix. Every route of the OpenAPI document, called by
 * every demo role (admin, Office, leadership, Inspection Board, union, staff, unit head) and by a
 * client with no session, with a body made from the route's request schema and ids taken from
 * list answers. No answer may be a 5xx; a route without a session answers 401 unless it is
 * public; a write to a module that grants the role no capability at all (the manifests'
 * `capabilities`, which the policies build on) never succeeds.
 *
 * Quick form (npm test): every route × every role, one URL each. Full (npm run drills): up to
 * three ids per path parameter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../src/server/modules';
import type { Role } from '../src/server/platform/roles';
import {
  DRILL_ROLES,
  type DrillApp,
  type DrillRole,
  drillApp,
  FULL,
  figure,
  gatherIds,
  IdPool,
  isPublicRoute,
  loginAll,
  type Route,
  routesOf,
  sampleValue,
  type Session,
  urlsFor,
  ZERO_UUID,
} from './lib';

const YEAR = 2026;
/** Route tags that belong to a module of another name. */
const MODULE_OF_TAG: Record<string, string> = { reception: 'cases', portal: 'cases', consultations: 'conferences' };
/** Answers that mean "not for you" or "not like this": never a success, never a server fault. */
const REFUSALS = new Set([400, 401, 403, 404, 405, 409, 413, 415, 422, 429]);

let t: DrillApp;
let sessions: Record<DrillRole, Session | null>;
let routes: Route[];
const pool = new IdPool();

beforeAll(async () => {
  t = await drillApp();
  sessions = await loginAll(t);
  routes = routesOf(t.app);
  // Ids for the path parameters, from list answers (the full form also reads as leadership and the board).
  await gatherIds(t, routes, pool, FULL ? [sessions.office, sessions.leader, sessions.inspection] : [sessions.office], YEAR);
}, 600_000);
afterAll(async () => t?.close());

/** Capabilities a role holds in each module (the manifests), for the policy check. */
function grantsIn(module: string, role: Role): number {
  return MODULES.find((m) => m.name === module)?.capabilities?.[role]?.length ?? 0;
}
const ROLE_OF: Record<Exclude<DrillRole, 'anonymous'>, Role> = {
  admin: 'admin',
  office: 'office',
  leader: 'leader',
  inspection: 'inspection',
  union: 'union',
  staff: 'staff',
  unit_head: 'unit_head',
};

describe('role × route matrix', () => {
  it('answers every route for every role with no 5xx, 401 without a session, and no write the policies deny', async () => {
    const counts: Record<string, number> = {};
    const faults: string[] = [];
    const unauthenticated: string[] = [];
    const deniedWrites: string[] = [];
    let requests = 0;
    // Log-out and password change last, so a role keeps its session through the matrix.
    const ordered = [...routes].sort((a, b) => Number(a.path.startsWith('/api/auth/')) - Number(b.path.startsWith('/api/auth/')));
    for (const role of DRILL_ROLES) {
      const s = sessions[role];
      for (const r of ordered) {
        const urls = urlsFor(r, pool, { perParam: FULL ? 3 : 1, cap: FULL ? 3 : 1, year: YEAR, fallback: ZERO_UUID });
        for (const url of urls) {
          const payload =
            r.method === 'GET' || r.method === 'DELETE'
              ? undefined
              : (sampleValue(r.body ?? { type: 'object' }, 'body', pool, YEAR) as object);
          const res = await t.call(s, { method: r.method, url, ...(payload !== undefined ? { payload } : {}) });
          requests++;
          const key = `${role}:${res.statusCode >= 500 ? '5xx' : res.statusCode < 300 ? '2xx' : String(res.statusCode)}`;
          counts[key] = (counts[key] ?? 0) + 1;
          const line = `${role} ${r.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
          if (res.statusCode >= 500) faults.push(line);
          if (!s && !isPublicRoute(r) && res.statusCode !== 401) unauthenticated.push(line);
          if (s && r.method !== 'GET' && role !== 'anonymous') {
            const module = MODULE_OF_TAG[r.tag] ?? r.tag;
            const known = MODULES.some((m) => m.name === module && m.capabilities);
            if (known && grantsIn(module, ROLE_OF[role]) === 0 && !REFUSALS.has(res.statusCode)) deniedWrites.push(line);
          }
        }
      }
    }
    const by = (suffix: string) => Object.entries(counts).reduce((n, [k, v]) => n + (k.endsWith(`:${suffix}`) ? v : 0), 0);
    figure('matrix', {
      routes: routes.length,
      roles: DRILL_ROLES.length,
      requests,
      '2xx': by('2xx'),
      '400': by('400'),
      '401': by('401'),
      '403': by('403'),
      '404': by('404'),
      '5xx': faults.length,
      'denied writes that passed': deniedWrites.length,
    });
    expect(faults).toEqual([]);
    expect(unauthenticated).toEqual([]);
    expect(deniedWrites).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(routes.length * DRILL_ROLES.length);
  }, 1_800_000);
});
