/**
 * Drill 3 (issue #16): generated bad inputs. From the request schemas of every route (the zod
 * schemas, as the OpenAPI document gives them) the drill makes a plausible request and then
 * spoils one part of it at a time — each body field, query parameter and path parameter — with a
 * NUL byte, lone surrogates, a control character, oversize strings and arrays, huge and
 * fractional numbers, days out of the calendar's range (year 2200, 30 February), wrong types,
 * unknown enum values and malformed ids; and the whole body with wrong JSON types, malformed JSON
 * and deep nesting. Upload routes get archives that expand (a .docx whose text unzips to 64 MiB,
 * one with 6,000 entries). Nothing may answer 5xx, and no table may change.
 *
 * "No table may change" is checked on a row count and a content hash of every table, before and
 * after. Left out of the hash (their row counts still compared, except the first two) are the
 * tables that legitimately record a refused request: `audit_log`/`audit_heads` (failed log-ins
 * are audited), `rate_limits` (every attempt counts toward a limit: issue #16 point 6),
 * `users` (the failed-password counter and lock of an account: point 8) and `sessions` (the
 * sliding expiry the drill's own session moves forward).
 *
 * Quick form (npm test): a fixed-seed sample of 500 requests and the two archives. Full: every
 * generated request, as the Office and again as the administrator (≥ 10,000).
 */
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DrillApp,
  drillApp,
  FULL,
  figure,
  gatherIds,
  IdPool,
  isPublicRoute,
  type JsonSchema,
  pathParams,
  type Route,
  routesOf,
  sampleValue,
  type Session,
  seeded,
  tableFingerprints,
  urlsFor,
  ZERO_UUID,
} from './lib';

const YEAR = 2026;
const SAMPLE = 500;
/** Tables that may record a refused request (see the file's comment). */
const RECORDS_REFUSALS = new Set(['audit_log', 'audit_heads', 'rate_limits', 'users', 'sessions']);
const COUNT_MAY_CHANGE = new Set(['audit_log', 'audit_heads', 'rate_limits']);

/** A number JSON can not hold: written into the raw body in place of this marker. */
const HUGE = '__drill_huge_number__';

type Bad = { label: string; value: unknown };
const STRING_BAD: Bad[] = [
  { label: 'NUL', value: 'a\u0000b' },
  { label: 'lone high surrogate', value: 'x\uD800' },
  { label: 'lone low surrogate', value: '\uDC00x' },
  { label: 'control character', value: 'a\u0007b' },
  { label: 'huge number', value: HUGE },
  { label: 'boolean', value: true },
  { label: 'array', value: ['x'] },
  { label: 'object', value: { x: 1 } },
];
const DATE_BAD: Bad[] = [
  { label: 'year 2200', value: '2200-01-01' },
  { label: '30 February', value: '2026-02-30' },
  { label: 'year 0', value: '0000-01-01' },
  { label: 'month 13', value: '2026-13-01' },
];
const UUID_BAD: Bad[] = [
  { label: 'not an id', value: 'not-a-uuid' },
  { label: 'id with NUL', value: `${ZERO_UUID}\u0000` },
];
const NUMBER_BAD: Bad[] = [
  { label: 'huge number', value: HUGE },
  { label: '2^64', value: 2 ** 64 },
  { label: '-1e308', value: -1e308 },
  { label: 'numeric string', value: '1' },
  { label: 'NUL string', value: '1\u0000' },
  { label: 'boolean', value: true },
  { label: 'array', value: [1] },
];
const OTHER_BAD: Bad[] = [
  { label: 'string', value: 'x\uD800' },
  { label: 'number', value: 42 },
  { label: 'huge number', value: HUGE },
  { label: 'array of 20,000', value: Array.from({ length: 20_000 }, () => 'x') },
];
const PARAM_BAD: Bad[] = [
  { label: 'NUL', value: 'a\u0000b' },
  { label: 'lone surrogate', value: '\uD800' },
  { label: 'control character', value: '\u0007' },
  { label: 'oversize (20,000)', value: 'x'.repeat(20_000) },
  { label: 'huge number', value: '9'.repeat(400) },
  { label: 'negative', value: '-1' },
  { label: 'year 2200', value: '2200-01-01' },
  { label: 'path climbing', value: '../../etc/passwd' },
  { label: 'not an id', value: 'not-a-uuid' },
];

/** One generated request. */
type Case = {
  route: Route;
  label: string;
  method: Route['method'];
  url: string;
  raw?: string;
  session: 'office' | 'admin' | 'auth' | null;
};

/** Resolve a union to its first member (the sample uses it too). */
const resolve = (s: JsonSchema | undefined): JsonSchema | undefined =>
  s?.oneOf?.[0] ? resolve(s.oneOf[0]) : s?.anyOf?.[0] ? resolve(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0]) : s;
const typeOf = (s: JsonSchema | undefined) => (Array.isArray(s?.type) ? s.type.find((x) => x !== 'null') : s?.type);

function badsFor(s: JsonSchema | undefined): Bad[] {
  const r = resolve(s);
  const type = r?.enum ? 'string' : typeOf(r);
  if (type === 'string') {
    const out = [...STRING_BAD];
    // Oversize past the schema's own bound; a text without one is bounded by the body limit only.
    if (r?.maxLength !== undefined) out.push({ label: 'oversize string', value: 'x'.repeat(Math.max(200_000, r.maxLength + 1)) });
    if (r?.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) out.push(...DATE_BAD);
    if (r?.format === 'uuid') out.push(...UUID_BAD);
    if (r?.enum) out.push({ label: 'unknown enum value', value: 'khong_co' });
    return out;
  }
  // A fraction is bad only where the schema wants a whole number.
  if (type === 'integer') return [...NUMBER_BAD, { label: 'fraction', value: 0.5 }];
  if (type === 'number') return NUMBER_BAD;
  return OTHER_BAD;
}

/** Paths of the fields of a body schema (nested objects and array items to depth 3). */
function fieldsOf(
  s: JsonSchema | undefined,
  at: (string | number)[],
  depth: number,
  out: { path: (string | number)[]; schema: JsonSchema }[],
) {
  const r = resolve(s);
  if (!r || depth > 3) return;
  if (typeOf(r) === 'object' && r.properties)
    for (const [k, p] of Object.entries(r.properties)) {
      out.push({ path: [...at, k], schema: p });
      fieldsOf(p, [...at, k], depth + 1, out);
    }
  if (typeOf(r) === 'array' && r.items) {
    out.push({ path: [...at, 0], schema: r.items });
    fieldsOf(r.items, [...at, 0], depth + 1, out);
  }
}

/** The baseline body with the value at `path` replaced; missing parents made from the schema. */
function spoil(body: JsonSchema, base: unknown, path: (string | number)[], value: unknown, pool: IdPool): unknown {
  const root = structuredClone(base) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = root;
  let schema = resolve(body);
  for (const [i, key] of path.entries()) {
    const last = i === path.length - 1;
    const child = typeof key === 'number' ? schema?.items : schema?.properties?.[key];
    if (last) node[key] = value;
    else {
      if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') {
        const c = resolve(child);
        node[key] =
          typeOf(c) === 'array' ? [sampleValue(c?.items, String(key), pool, YEAR)] : (sampleValue(c, String(key), pool, YEAR) ?? {});
      }
      if (Array.isArray(node[key]) && (node[key] as unknown[]).length === 0)
        (node[key] as unknown[]).push(sampleValue(resolve(child)?.items, String(key), pool, YEAR));
      node = node[key] as Record<string | number, unknown>;
      schema = resolve(child);
    }
  }
  return root;
}

/** A URL component; a lone surrogate (which has no UTF-8 form) sent as its raw CESU-8 bytes. */
function encodeParam(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return `${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, ''))}%ED%A0%80`;
  }
}

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Every generated request for the routes. */
function generate(routes: Route[], pool: IdPool): Case[] {
  const out: Case[] = [];
  for (const r of routes) {
    if (r.path === '/api/auth/logout' || r.multipart) continue;
    const session = isPublicRoute(r) ? null : r.path.startsWith('/api/auth/') ? 'auth' : 'office';
    const [url] = urlsFor(r, pool, { perParam: 1, cap: 1, year: YEAR, fallback: ZERO_UUID });
    if (!url) continue;
    // Routes that take no body (an action on the id alone) ignore one: there is nothing to spoil.
    const hasBody = r.method !== 'GET' && r.method !== 'DELETE' && r.body !== null;
    const base = hasBody ? sampleValue(r.body ?? { type: 'object' }, 'body', pool, YEAR) : undefined;
    const raw = (v: unknown) => JSON.stringify(v).replace(`"${HUGE}"`, '1e999');
    // Body fields.
    if (hasBody && r.body) {
      const fields: { path: (string | number)[]; schema: JsonSchema }[] = [];
      fieldsOf(r.body, [], 0, fields);
      for (const f of fields)
        for (const b of badsFor(f.schema))
          out.push({
            route: r,
            label: `body.${f.path.join('.')}: ${b.label}`,
            method: r.method,
            url,
            raw: raw(spoil(r.body, base, f.path, b.value, pool)),
            session,
          });
    }
    // The whole body.
    if (hasBody)
      for (const [label, body] of [
        ['body null', 'null'],
        ['body array', '[]'],
        ['body string', '"x"'],
        ['body huge number', '1e999'],
        ['malformed JSON', '{"a":'],
        ['deep nesting (5,000)', nested(5000)],
        ['__proto__ key', `{"__proto__":{"admin":true},${raw(base).slice(1)}`],
        ['NUL in a key', raw({ ...(base as object), 'k\u0000': 1 })],
      ] as const)
        out.push({ route: r, label, method: r.method, url, raw: body, session });
    // Query parameters, each spoiled while the required ones keep their sample value.
    for (const p of r.parameters.filter((x) => x.in === 'query'))
      for (const b of PARAM_BAD) {
        const [pathPart, query = ''] = url.split('?');
        const others = query.split('&').filter((kv) => kv && !kv.startsWith(`${p.name}=`));
        const spoiled = [...others, `${p.name}=${encodeParam(String(b.value))}`].join('&');
        out.push({
          route: r,
          label: `query.${p.name}: ${b.label}`,
          method: r.method,
          url: `${pathPart}?${spoiled}`,
          raw: hasBody ? raw(base) : undefined,
          session,
        });
      }
    // Path parameters.
    for (const name of pathParams(r.path))
      for (const b of PARAM_BAD) {
        const filled = urlsFor({ ...r, path: r.path.replace(`{${name}}`, encodeParam(String(b.value))) }, pool, {
          perParam: 1,
          cap: 1,
          year: YEAR,
          fallback: ZERO_UUID,
        })[0]!;
        out.push({
          route: r,
          label: `params.${name}: ${b.label}`,
          method: r.method,
          url: filled,
          raw: hasBody ? raw(base) : undefined,
          session,
        });
      }
  }
  return out;
}

let t: DrillApp;
let office: Session;
let authSession: Session;
let admin: Session;
let routes: Route[];
const pool = new IdPool();

beforeAll(async () => {
  t = await drillApp();
  office = await t.login('vanphong');
  authSession = await t.login('cvvp');
  admin = await t.login('admin');
  routes = routesOf(t.app);
  await gatherIds(t, routes, pool, [office], YEAR, 1);
}, 600_000);
afterAll(async () => t?.close());

describe('generated bad inputs', () => {
  it('answers every one without a 5xx and changes no table', async () => {
    let cases = generate(routes, pool);
    // The full form sends every staff request twice: as the Office and as the administrator.
    if (FULL) cases = [...cases, ...cases.filter((c) => c.session === 'office').map((c) => ({ ...c, session: 'admin' as const }))];
    const generated = cases.length;
    if (!FULL) {
      const rnd = seeded(16);
      cases = cases
        .map((c) => ({ c, k: rnd() }))
        .sort((a, b) => a.k - b.k)
        .slice(0, SAMPLE)
        .map((x) => x.c);
    }
    const before = await tableFingerprints(t.db);
    const faults: string[] = [];
    const accepted: string[] = [];
    const statuses: Record<string, number> = {};
    for (const c of cases) {
      const s = c.session === 'office' ? office : c.session === 'admin' ? admin : c.session === 'auth' ? authSession : null;
      const res = await t.call(s, {
        method: c.method,
        url: c.url,
        ...(c.raw !== undefined ? { payload: c.raw, headers: { 'content-type': 'application/json' } } : {}),
      });
      const k = res.statusCode >= 500 ? '5xx' : String(res.statusCode);
      statuses[k] = (statuses[k] ?? 0) + 1;
      const line = `${c.method} ${c.route.path} [${c.label}] → ${res.statusCode} ${res.body.slice(0, 300)}`;
      if (res.statusCode >= 500) faults.push(line);
      else if (res.statusCode < 300 && c.method !== 'GET') accepted.push(line);
    }
    const after = await tableFingerprints(t.db);
    const changed: string[] = [];
    for (const [name, b] of before) {
      const a = after.get(name)!;
      if (b.rows !== a.rows && !COUNT_MAY_CHANGE.has(name)) changed.push(`${name}: ${b.rows} → ${a.rows} rows`);
      else if (b.hash !== a.hash && !RECORDS_REFUSALS.has(name)) changed.push(`${name}: content changed`);
    }
    figure('bad inputs', {
      generated,
      sent: cases.length,
      '400': statuses['400'] ?? 0,
      '5xx': faults.length,
      'writes accepted': accepted.length,
      'tables checked': before.size,
      'changed tables': changed.length,
    });
    for (const l of [...faults, ...accepted, ...changed].slice(0, 40)) console.log(`[drill] bad inputs: ${l}`);
    expect(faults).toEqual([]);
    expect(changed, accepted.join('\n')).toEqual([]);
    if (FULL) expect(cases.length).toBeGreaterThanOrEqual(10_000);
  }, 3_600_000);

  it('refuses archives that expand on upload, for good, and stays up', async () => {
    const docx = (files: Record<string, Uint8Array>) =>
      Buffer.from(
        zipSync({
          '[Content_Types].xml': strToU8(
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
          ),
          ...files,
        }),
      );
    const bombs: [string, Buffer][] = [
      ['text that unzips to 64 MiB', docx({ 'word/document.xml': new Uint8Array(64 * 1024 * 1024).fill(0x61) })],
      ['6,000 entries', docx(Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`word/media/e${i}.xml`, strToU8('<a/>')])))],
    ];
    const outcomes: string[] = [];
    for (const [label, data] of bombs) {
      const boundary = '----drill16';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ke-hoach.docx"\r\n` +
            'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n',
        ),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await t.call(office, {
        method: 'POST',
        url: '/api/plan-imports',
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
      let status = res.statusCode === 200 ? res.json().status : `refused ${res.statusCode}`;
      let error = res.statusCode === 200 ? res.json().error : res.json().error?.code;
      for (let i = 0; i < 300 && (status === 'queued' || status === 'running'); i++) {
        await new Promise((r) => setTimeout(r, 200));
        const job = await t.call(office, { method: 'GET', url: `/api/plan-imports/${res.json().id}` });
        expect(job.statusCode).toBe(200);
        ({ status, error } = job.json());
      }
      outcomes.push(`${label}: ${status} (${error})`);
      expect(status === 'failed' || String(status).startsWith('refused'), `${label}: ${status}`).toBe(true);
      expect(error, label).toBeTruthy();
    }
    const health = await t.call(null, { method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    figure('expanding archives', { sent: bombs.length, 'failed for good with a message': outcomes.length, '5xx': 0 });
  }, 600_000);
});
