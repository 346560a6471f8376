/**
 * buildApp(config): the platform plus the list of module manifests. Tests call it without
 * listening and drive it with `app.inject()` (STYLE.md 6, 22).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { safeErr, safeReq } from './platform/log-safety';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Config } from './platform/config';
import type { Database } from './platform/db';
import { installHttpPlumbing } from './platform/http';
import { databaseRateLimitStore } from './platform/rate-limits';
import { Jobs } from './platform/jobs';
import { MODULES } from './modules';
import type { ModuleManifest } from './platform/module';
import { WEB_DIST_DIR } from './platform/paths';
import { ModuleRegistry } from './platform/registry';
import { installResponseCache } from './platform/response-cache';

export const WEB_DIST = WEB_DIST_DIR;

/**
 * Vite names what it bundles under assets/ by content hash, so such a file never changes: cached
 * for a year without asking again (issue #17: they went out with `max-age=0`). Everything else —
 * index.html above all, which names the current hashes — is checked with the server each time.
 */
export function cacheControlOf(file: string): string {
  return /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.(br|gz))?$/.test(file)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

export type BuildOptions = {
  config: Config;
  db: Database;
  /** Start pg-boss workers (off in most tests). */
  startJobs?: boolean;
  /** Pino logger options; false silences logs (tests). */
  logger?: boolean | object;
  /** The modules to assemble (default: the server registry, `modules/index.ts`). */
  modules?: readonly ModuleManifest[];
};

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config, db } = opts;
  const app = Fastify({
    // Requests are logged by their route pattern, without query string, ids or body (issue #16).
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            serializers: { req: safeReq, err: safeErr },
            ...(typeof opts.logger === 'object' ? opts.logger : {}),
          },
    // Structured logs carry a request id; a proxy's X-Request-Id is kept when present.
    genReqId: (req) => {
      const h = req.headers['x-request-id'];
      return typeof h === 'string' && /^[\w.-]{1,100}$/.test(h) ? h : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);
  const jobs = new Jobs(db, app.log);
  app.decorate('jobs', jobs);
  const modules = new ModuleRegistry(opts.modules ?? MODULES);
  app.decorate('modules', modules);

  // Ecosystem plugins first, then our own plumbing, then the modules (STYLE.md 6).
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets style attributes at run time; no inline scripts are allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    // HSTS only makes sense behind TLS.
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // Counters in the database: shared by every process, kept across restarts (issue #16 point 6).
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(db.owner) });
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 10, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'danchu API',
        description: 'API của nền tảng danchu — thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'danchu_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  installHttpPlumbing(app);
  // After the session and the gates (their hooks come first): only a person who may ask gets a kept answer.
  const responseCache = installResponseCache(app, config.responseCacheBytes);
  app.decorate('responseCache', responseCache);

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        summary: 'Tình trạng hệ thống / Health',
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await db.owner.execute(sql`select 1`);
      return { status: 'ok' as const, db: db.kind };
    },
  );

  for (const m of modules.modules) {
    if (m.routes) await app.register(m.routes, { prefix: '/api' });
    if (m.jobs) m.jobs(jobs, db, config, modules);
  }

  // The staff app (built by Vite) with a single-page fallback for its client-side routes.
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz copies (scripts/build.mjs): sent to browsers that accept them.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', cacheControlOf(file)),
    });
    app.get('/*', { schema: { hide: true }, config: { public: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    });
  }

  if (opts.startJobs) {
    app.addHook('onReady', async () => {
      await jobs.start();
    });
  }
  app.addHook('onClose', async () => {
    await jobs.stop();
  });

  return app;
}
