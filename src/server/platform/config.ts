/**
 * Configuration from the environment, validated at start. A bad value stops the start with a
 * message naming the variable (issue #2).
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** An address (`10.0.0.5`, `::1`) or a CIDR range (`10.0.0.0/8`, `fd00::/8`). */
function isAddressOrCidr(s: string): boolean {
  const [addr, bits, ...rest] = s.split('/');
  const v = isIP(addr ?? '');
  if (!v || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (v === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY`: false (the default), true (trust every hop: only when nothing but the proxy can
 * reach the app), or the proxies' addresses and CIDR ranges, comma-separated, as Fastify's
 * `trustProxy` takes them: only those may set X-Forwarded-For, so a client cannot spoof its
 * address past the rate limits (issue #16 point 6).
 */
const trustProxy = z.string().transform((v, ctx): boolean | string[] => {
  const s = v.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(s)) return true;
  if (['false', '0', 'no'].includes(s)) return false;
  const list = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const bad = list.filter((x) => !isAddressOrCidr(x));
  if (!list.length || bad.length) {
    ctx.addIssue({
      code: 'custom',
      message: `must be true, false or a comma-separated list of proxy addresses/CIDR ranges (e.g. 10.0.0.5,10.1.0.0/16)${bad.length ? `; not an address: ${bad.join(', ')}` : ''}`,
    });
    return z.NEVER;
  }
  return list;
});

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** postgres://… selects a PostgreSQL server; absent, the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * A streaming replica of DATABASE_URL's database: the routes that only read (route option
   * `readOnly`) use it; writes, sessions and jobs always use DATABASE_URL (issue #17).
   */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * Named prepared statements for the look-ups whose plan is the same for any value (db.ts
   * `preparedRows`, issue #17). `false` behind a connection pooler in transaction mode that does
   * not carry them from one server connection to another (PgBouncer before 1.21).
   */
  DATABASE_PREPARED: bool.default(true),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Set behind a TLS-terminating proxy: trusts X-Forwarded-* from the listed proxy addresses (or
   * from anyone with `true`), marks cookies Secure and sends HSTS.
   */
  TRUST_PROXY: trustProxy.default(false),
  COOKIE_SECURE: bool.optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Failed log-ins from one address, whatever the names tried, before it waits (issue #16 point 8). */
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(20),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  UPLOAD_MAX_MB: z.coerce.number().min(0.01).max(200).default(20),
  BODY_LIMIT_KB: z.coerce.number().int().min(16).max(10_240).default(1024),
  /** In production the first start creates one `admin` with this password, or refuses to start. */
  DANCHU_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  /** Seed the demo agency on first start (never when NODE_ENV=production). */
  DANCHU_DEMO: bool.default(true),
  JOBS: bool.default(true),
  /**
   * Memory for the kept answers of the aggregate pages (response-cache.ts, issue #17), in MB; 0
   * turns them off.
   */
  RESPONSE_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
  /** smtp://user:pass@host:587 or smtps://…: reminders also go by e-mail when set. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().min(3).default('danchu <no-reply@localhost>'),
  /** The agency created on a production first start. */
  DANCHU_AGENCY_NAME: z.string().min(3).max(200).default('Cơ quan'),
  DANCHU_AGENCY_PARENT: z.string().max(200).optional(),
  DANCHU_AGENCY_PLACE: z.string().min(2).max(100).default('Quảng Ngãi'),
  /**
   * Key that signs the public portal's anti-spam challenges. Unset, the portal derives one from
   * the identity key (shared by every process of an installation, kept across restarts).
   */
  DANCHU_PORTAL_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /**
   * Leading zero bits the portal's proof of work needs: 2^n hashes on average. Web Crypto does
   * ~90 000 hashes a second on a desktop, a third of that on a phone: 16 ≈ 1 s / 2–3 s.
   */
  DANCHU_PORTAL_DIFFICULTY: z.coerce.number().int().min(1).max(24).default(16),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** `readUrl`: the read replica (DATABASE_READ_URL), for the read-only routes; `prepared`: DATABASE_PREPARED. */
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; readUrl?: string; prepared: boolean };
  logLevel: string;
  /** true, false, or the trusted proxies' addresses/CIDR ranges. */
  trustProxy: boolean | string[];
  cookieSecure: boolean;
  sessionTtlHours: number;
  /**
   * Log-in failures: `maxFailures` for one name from one address locks that name at that address
   * only; `addressMaxFailures` from one address, whatever the names, makes the address wait.
   * Both last `lockMinutes`.
   */
  login: { maxFailures: number; addressMaxFailures: number; lockMinutes: number };
  uploadMaxBytes: number;
  bodyLimitBytes: number;
  adminPassword: string | undefined;
  demo: boolean;
  jobs: boolean;
  /** Bytes the kept answers may take (RESPONSE_CACHE_MB); 0: none are kept. */
  responseCacheBytes: number;
  agency: { name: string; parentName: string | null; place: string };
  smtp: { url: string; from: string } | null;
  /**
   * Public portal anti-spam: HMAC key of the challenges and their difficulty. When not configured
   * the portal derives the key from the identity key; `secret` is then a random per-process
   * last resort (challenges would not survive a restart nor cross processes).
   */
  portal: { secret: string; secretConfigured: boolean; difficulty: number };
};

/** Error thrown for an invalid environment; its message names each bad variable. */
export class ConfigError extends Error {}

/**
 * Read and validate the configuration.
 * @param env the environment (defaults to `process.env`); empty strings count as unset.
 * @throws ConfigError naming every invalid variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${String(i.path[0])}=${JSON.stringify(cleaned[String(i.path[0])] ?? '')}: ${i.message}`,
    );
    throw new ConfigError(`Cấu hình không hợp lệ / Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Cấu hình không hợp lệ / Invalid configuration:\n' +
        `  DATABASE_READ_URL=${JSON.stringify(e.DATABASE_READ_URL)}: cần DATABASE_URL (bản sao chỉ đọc của PostgreSQL) / needs DATABASE_URL (a read replica of PostgreSQL, not of the embedded database)`,
    );
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          prepared: e.DATABASE_PREPARED,
          ...(e.DATABASE_READ_URL ? { readUrl: e.DATABASE_READ_URL } : {}),
        }
      : { kind: 'pglite', dataDir: path.resolve(e.DATA_DIR) },
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE ?? e.TRUST_PROXY !== false,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    login: { maxFailures: e.LOGIN_MAX_FAILURES, addressMaxFailures: e.LOGIN_ADDRESS_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES },
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    bodyLimitBytes: e.BODY_LIMIT_KB * 1024,
    adminPassword: e.DANCHU_ADMIN_PASSWORD,
    demo: e.DANCHU_DEMO && e.NODE_ENV !== 'production',
    jobs: e.JOBS,
    responseCacheBytes: Math.round(e.RESPONSE_CACHE_MB * 1024 * 1024),
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null,
    portal: {
      secret: e.DANCHU_PORTAL_SECRET ?? randomBytes(32).toString('hex'),
      secretConfigured: e.DANCHU_PORTAL_SECRET !== undefined,
      difficulty: e.DANCHU_PORTAL_DIFFICULTY,
    },
    agency: {
      name: e.DANCHU_AGENCY_NAME.normalize('NFC'),
      parentName: e.DANCHU_AGENCY_PARENT?.normalize('NFC') ?? null,
      place: e.DANCHU_AGENCY_PLACE.normalize('NFC'),
    },
  };
}
