/**
 * Every API route declares an exact response schema (issue #9): the zod serializer strips what a
 * schema does not name, so a response carries only what its contract says — a second guard for
 * protected identities — and the web infers its types from the same contracts. A route without a
 * 200 schema, or whose 200 schema is (or wraps) `z.any` / `z.unknown`, fails here; `z.any`
 * is refused anywhere inside a response schema too.
 */
import Fastify, { type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MODULES } from './modules';

/**
 * Routes that answer with bytes (a file, a .docx, an .xlsx, a calendar feed…), not JSON: the
 * serializer never runs for them. Each one is named here on purpose; a new JSON route is not.
 */
const BINARY_ROUTES = new Set([
  'GET /api/cases/:id/file.docx',
  'GET /api/conferences/:id/resolution.docx',
  'GET /api/disclosures/board.docx',
  'GET /api/disclosures/quarterly.docx',
  'GET /api/files/:id',
  'GET /api/inspection/report.docx',
  'GET /api/outgoing/export.xlsx',
  'GET /api/plan-imports/examples/:name',
  'GET /api/plans/:id/export.docx',
  'GET /api/public/:agency/disclosures/:id/file',
  'GET /api/ratings/:year/units/:unitId/sheet.docx',
  'GET /api/report-cycles/:id/export',
  'GET /api/surveys/:id/export.xlsx',
  'GET /api/surveys/:id/qr.svg',
]);

async function collectRoutes(): Promise<RouteOptions[]> {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Route plugins read these only inside handlers; registering needs no database.
  app.decorate('db', {} as never);
  app.decorate('config', {} as never);
  app.decorate('jobs', {} as never);
  app.decorate('modules', { modules: MODULES } as never);
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (r) => {
    if (r.method !== 'HEAD' && !r.schema?.hide) routes.push(r);
  });
  for (const m of MODULES) if (m.routes) await app.register(m.routes, { prefix: '/api' });
  await app.ready();
  await app.close();
  return routes;
}

/** The schema inside optional/nullable/default/array wrappers: what the response really is. */
function core(s: z.ZodType): z.ZodType {
  if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault || s instanceof z.ZodArray) {
    return core((s instanceof z.ZodArray ? s.element : s.unwrap()) as z.ZodType);
  }
  return s;
}

/** Paths inside a schema where `bad` holds: `z.any` (a hole through which any field leaks) or a transform. */
function pathsWhere(s: z.ZodType, bad: (s: z.ZodType) => boolean, at = '', seen = new Set<z.ZodType>()): string[] {
  if (seen.has(s)) return [];
  seen.add(s);
  const walk = (x: unknown, p: string) => pathsWhere(x as z.ZodType, bad, p, seen);
  if (bad(s)) return [at || '(top)'];
  if (s instanceof z.ZodObject) return Object.entries(s.shape as Record<string, z.ZodType>).flatMap(([k, v]) => walk(v, `${at}.${k}`));
  if (s instanceof z.ZodArray) return walk(s.element, `${at}[]`);
  if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) return walk(s.unwrap(), at);
  if (s instanceof z.ZodUnion) return (s.options as z.ZodType[]).flatMap((o) => walk(o, at));
  if (s instanceof z.ZodRecord) return walk(s.valueType, `${at}{}`);
  if (s instanceof z.ZodTuple) return (s.def.items as z.ZodType[]).flatMap((o, i) => walk(o, `${at}[${i}]`));
  if (s instanceof z.ZodPipe) return [...walk(s.in, at), ...walk(s.out, at)];
  if (s instanceof z.ZodLazy) return walk(s.unwrap(), at);
  return [];
}

describe('response schemas', () => {
  let routes: RouteOptions[] = [];
  beforeAll(async () => {
    routes = await collectRoutes();
  });
  const name = (r: RouteOptions) => `${[r.method].flat().join(',')} ${r.url}`;

  it('finds the routes of every module', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.map(name)).toContain('GET /api/cases/:id');
  });

  it('every JSON route has an exact 200 response schema (no z.any, no z.unknown, no transform)', () => {
    const problems: string[] = [];
    for (const r of routes) {
      const n = name(r);
      if (BINARY_ROUTES.has(n)) continue;
      const s =
        (r.schema?.response as Record<string, unknown> | undefined)?.[200] ??
        (r.schema?.response as Record<string, unknown> | undefined)?.[201];
      if (!s) {
        problems.push(`${n}: no response schema`);
        continue;
      }
      if (!(s instanceof z.ZodType)) {
        problems.push(`${n}: the response schema is not a zod schema`);
        continue;
      }
      const c = core(s);
      if (c instanceof z.ZodAny || c instanceof z.ZodUnknown) problems.push(`${n}: the response is z.any/z.unknown`);
      else for (const p of pathsWhere(s, (x) => x instanceof z.ZodAny)) problems.push(`${n}: z.any at ${p}`);
      // The serializer encodes: an input transform (zText, zRequiredText) in a response is a 500.
      for (const p of pathsWhere(s, (x) => x instanceof z.ZodTransform)) problems.push(`${n}: a transform at ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('names only binary routes that exist', () => {
    const all = new Set(routes.map(name));
    expect([...BINARY_ROUTES].filter((b) => !all.has(b))).toEqual([]);
  });
});
