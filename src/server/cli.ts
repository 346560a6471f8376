/**
 * The `danchu` command for operators (DESIGN.md, Surfaces):
 *   danchu start | migrate | seed | calendar --year Y | deadline … | report … | audit verify | backup FILE | restore FILE
 * Exit codes: 0 success, 1 failure, 2 bad usage or bad input.
 *
 * Each command imports only what it uses (the bundle in dist/server is split along these dynamic
 * imports), so a command answers in well under two seconds (bench/cli.bench.mjs). Commands that
 * read the database prepare it as `start` does (migrations, first-start data), and on a PGlite
 * folder that a running server holds they go through that server's socket (db-socket.ts).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { count, eq } from 'drizzle-orm';
import { RestoreError } from './platform/backup';
import { ConfigError, loadConfig, type Config } from './platform/config';
import { DataDirLockedError, isMigrated, openDatabase, type Database } from './platform/db';
import { IdentityKeyError } from './platform/identity-crypto';
import { tenants } from './platform/tables';

/** An error the operator can act on: its message is printed without a stack, with its exit code. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/** Bad usage or bad input: exit code 2. */
class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}

const HELP = `danchu — nền tảng thực hiện dân chủ ở cơ sở / grassroots-democracy platform

Cách dùng / Usage:
  danchu start                     chạy máy chủ (migrate, dữ liệu mẫu, phục vụ ứng dụng) / run the server
  danchu migrate                   áp dụng migration / apply database migrations
  danchu seed                      tạo dữ liệu ban đầu nếu cơ sở dữ liệu trống / create first-start data
  danchu calendar --year YYYY [--tenant CODE]
                                   liệt kê ngày nghỉ trong năm / list the year's days off
  danchu deadline RULE_ID --from YYYY-MM-DD [--remote] [--complex] [--tenant CODE]
                                   tính hạn theo quy định / compute a statutory deadline
  danchu import-plan FILE [--json]  đọc một văn bản kế hoạch (.txt, .docx, .pdf, ảnh quét) / parse a plan document
  danchu report cycles [--json]     kỳ báo cáo và tình hình nộp / report cycles and submissions
  danchu report export --cycle ID --format docx|xlsx --out FILE
                                   xuất báo cáo tổng hợp / export the consolidated report
  danchu disclosure sweep [--at YYYY-MM-DD] [--json] [--dry-run]
                                   gỡ tin hết hạn, liệt kê nội dung quá hạn công khai / sweep the notice board
  danchu sipas compute FILE.csv [--json]
                                   tính chỉ số hài lòng SIPAS từ tệp câu trả lời / compute SIPAS indices from an answers file
  danchu audit verify              kiểm tra chuỗi băm nhật ký / verify the audit hash chain
  danchu backup FILE               sao lưu toàn bộ dữ liệu / back up everything to FILE
  danchu restore FILE              khôi phục từ bản sao lưu / restore everything from FILE

Biến môi trường / Environment: PORT, DATABASE_URL, DATA_DIR, NODE_ENV, DANCHU_ADMIN_PASSWORD, LOG_LEVEL (see README).`;

/**
 * Open the database and bring it to what `start` leaves: migrated, with its first-start data.
 * Through a running server, that server migrated it at its start; a server older than this
 * command (migrations missing) is reported rather than migrated under its feet.
 */
async function prepare(config: Config, opts: { seed: boolean }): Promise<Database> {
  const db = await openDatabase(config, { viaServer: true });
  try {
    if (!(await isMigrated(db.owner))) {
      if (db.viaServer) {
        throw new CliError(
          `Máy chủ đang chạy (tiến trình ${db.viaServer.pid}) dùng lược đồ cũ hơn lệnh này; hãy khởi động lại máy chủ để áp dụng migration.\n` +
            `The running server (process ${db.viaServer.pid}) has an older schema than this command; restart it to apply the migrations.`,
          1,
        );
      }
      await db.migrate();
    }
    if (opts.seed) await seedIfEmpty(config, db);
    return db;
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
}

/** First-start data as `start` creates it; the seeding code is loaded only for an empty database. */
async function seedIfEmpty(config: Config, db: Database): Promise<void> {
  const [n] = await db.owner.select({ n: count() }).from(tenants);
  if (Number(n?.n ?? 0) > 0) return;
  const r = await initialData(config, db);
  // On stderr: stdout stays the command's own output (a date, JSON) for scripts.
  console.error(`Đã tạo dữ liệu ban đầu (${r}) / Created first-start data (${r})`);
}

/** `ensureInitialData` with its refusal (production without an admin password) as an operator error. */
async function initialData(config: Config, db: Database) {
  const [{ ensureInitialData, BootstrapError }, { MODULES }] = await Promise.all([import('./seed/bootstrap'), import('./modules')]);
  try {
    return await ensureInitialData(config, db, MODULES);
  } catch (err) {
    throw err instanceof BootstrapError ? new CliError(err.message, 1) : err;
  }
}

async function withDb<T>(config: Config, fn: (db: Database) => Promise<T>, opts: { seed?: boolean } = {}): Promise<T> {
  const db = await prepare(config, { seed: opts.seed ?? true });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function resolveTenant(db: Database, code?: string): Promise<{ tenantId: string; code: string; name: string }> {
  const rows = code
    ? await db.owner.select().from(tenants).where(eq(tenants.code, code))
    : await db.owner.select().from(tenants).orderBy(tenants.createdAt).limit(1);
  const t = rows[0];
  if (!t)
    throw new UsageError(
      code
        ? `Không có cơ quan mã "${code}" / No agency with code "${code}"`
        : 'Chưa có cơ quan nào; hãy chạy "danchu seed" / No agency yet; run "danchu seed"',
    );
  return { tenantId: t.tenantId, code: t.code, name: t.name };
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return command ? 0 : 2;
  }
  // Commands that need no database come before the configuration is read.
  if (command === 'import-plan') {
    const { importPlanCommand } = await import('./commands/import-plan');
    return importPlanCommand(rest, {
      out: (l) => process.stdout.write(l.endsWith('\n') ? l : `${l}\n`),
      err: (l) => process.stderr.write(l.endsWith('\n') ? l : `${l}\n`),
    });
  }
  if (command === 'sipas') {
    const { sipasCommand } = await import('./commands/sipas');
    return sipasCommand(rest, {
      out: (l) => process.stdout.write(l.endsWith('\n') ? l : `${l}\n`),
      err: (l) => process.stderr.write(l.endsWith('\n') ? l : `${l}\n`),
    });
  }
  const config = loadConfig();
  switch (command) {
    case 'start': {
      // Fail at start, not at the first case, when the identity key is missing or malformed.
      (await import('./platform/identity-crypto')).identityKey();
      const [{ startServer }, { BootstrapError }] = await Promise.all([import('./server'), import('./seed/bootstrap')]);
      try {
        await startServer(config);
      } catch (err) {
        throw err instanceof BootstrapError ? new CliError(err.message, 1) : err;
      }
      return -1; // keeps running
    }
    case 'migrate': {
      const db = await prepare(config, { seed: false });
      await db.close();
      console.log(
        db.viaServer
          ? `Máy chủ đang chạy (tiến trình ${db.viaServer.pid}) đã áp dụng migration / The running server has applied the migrations`
          : 'Đã áp dụng migration / Migrations applied',
      );
      return 0;
    }
    case 'seed':
      await withDb(
        config,
        async (db) => {
          const r = await initialData(config, db);
          console.log(
            r === 'existing'
              ? 'Cơ sở dữ liệu đã có dữ liệu; không thay đổi / Database already has data; nothing changed'
              : `Đã tạo dữ liệu (${r}) / Created data (${r})`,
          );
        },
        { seed: false },
      );
      return 0;
    case 'calendar': {
      const { values } = parseArgs({ args: rest, options: { year: { type: 'string' }, tenant: { type: 'string' } } });
      const year = Number(values.year);
      if (!values.year || !Number.isInteger(year) || year < 1970 || year > 2199) {
        throw new UsageError('--year phải là năm từ 1970 đến 2199 / --year must be a year between 1970 and 2199');
      }
      const { effectiveDaysOff } = await import('./modules/calendar');
      await withDb(config, async (db) => {
        const tenant = await resolveTenant(db, values.tenant);
        const days = await db.withTenant({ tenantId: tenant.tenantId }, (tx) => effectiveDaysOff(tx, year));
        for (const d of days.days) console.log(`${d.date} ${d.name}`);
      });
      return 0;
    }
    case 'deadline': {
      const [{ deadlineCommand }, { workingCalendarFor }] = await Promise.all([
        import('./commands/deadline'),
        import('./modules/calendar'),
      ]);
      let db: Database | null = null;
      try {
        // The database is opened only once the arguments are valid.
        return await deadlineCommand(
          rest,
          { out: (l) => console.log(l), err: (l) => console.error(l) },
          {
            calendarFor: async (tenantCode, years) => {
              db ??= await prepare(config, { seed: true });
              const tenant = await resolveTenant(db, tenantCode);
              return db.withTenant({ tenantId: tenant.tenantId }, (tx) => workingCalendarFor(tx, years));
            },
          },
        );
      } finally {
        if (db) await (db as Database).close();
      }
    }
    case 'report': {
      const [{ reportCommand }, { MODULES }, { ModuleRegistry }, { todayInVietnam }] = await Promise.all([
        import('./commands/report'),
        import('./modules'),
        import('./platform/registry'),
        import('./platform/clock'),
      ]);
      return withDb(config, async (db) => {
        const tenant = await resolveTenant(db, undefined);
        const modules = new ModuleRegistry(MODULES);
        const who = { tenantId: tenant.tenantId, userId: null, name: 'danchu (dòng lệnh)' };
        return db.withTenant({ tenantId: tenant.tenantId }, (tx) =>
          reportCommand({ tx, who, today: todayInVietnam(), modules }, rest, { out: (l) => console.log(l), err: (l) => console.error(l) }),
        );
      });
    }
    case 'disclosure': {
      const [{ disclosureCommand }, { MODULES }, { ModuleRegistry }, { todayInVietnam }] = await Promise.all([
        import('./commands/disclosure'),
        import('./modules'),
        import('./platform/registry'),
        import('./platform/clock'),
      ]);
      return withDb(config, async (db) => {
        const tenant = await resolveTenant(db, undefined);
        const modules = new ModuleRegistry(MODULES);
        const who = { tenantId: tenant.tenantId, userId: null, name: 'danchu (dòng lệnh)' };
        return db.withTenant({ tenantId: tenant.tenantId }, (tx) =>
          disclosureCommand({ tx, who, today: todayInVietnam(), modules }, rest, {
            out: (l) => console.log(l),
            err: (l) => console.error(l),
          }),
        );
      });
    }
    case 'audit': {
      if (rest[0] !== 'verify') throw new UsageError('Dùng / Use: danchu audit verify');
      const { verifyAuditChain } = await import('./platform/audit');
      let ok = true;
      await withDb(config, async (db) => {
        const all = await db.owner.select().from(tenants);
        for (const t of all) {
          const r = await verifyAuditChain(db.owner, t.tenantId);
          if (r.ok) console.log(`✓ ${t.code} (${t.name}): ${r.rows} dòng, chuỗi băm toàn vẹn / ${r.rows} rows, chain intact`);
          else {
            ok = false;
            console.log(`✗ ${t.code} (${t.name}): dòng ${r.brokenSeq} bị hỏng / row ${r.brokenSeq} is broken: ${r.reason}`);
          }
        }
      });
      return ok ? 0 : 1;
    }
    case 'backup': {
      const file = rest[0];
      if (!file) throw new UsageError('Dùng / Use: danchu backup FILE');
      const { backupDatabase } = await import('./platform/backup');
      await withDb(config, async (db) => {
        const s = await backupDatabase(db, file);
        const rows = Object.values(s.tables).reduce((a, b) => a + b, 0);
        console.log(
          `Đã sao lưu ${rows} dòng từ ${Object.keys(s.tables).length} bảng vào ${file} / Backed up ${rows} rows from ${Object.keys(s.tables).length} tables`,
        );
      });
      return 0;
    }
    case 'restore': {
      const file = rest[0];
      if (!file) throw new UsageError('Dùng / Use: danchu restore FILE');
      const { restoreDatabase } = await import('./platform/backup');
      // A backup replaces everything: the first-start data would only be truncated again.
      await withDb(
        config,
        async (db) => {
          const s = await restoreDatabase(db, file);
          const rows = Object.values(s.tables).reduce((a, b) => a + b, 0);
          console.log(`Đã khôi phục ${rows} dòng / Restored ${rows} rows`);
        },
        { seed: false },
      );
      return 0;
    }
    default:
      throw new UsageError(`Lệnh không rõ / Unknown command: ${command}\n\n${HELP}`);
  }
}

/**
 * Run the command and exit with its code (`start` keeps running). bin/danchu.js calls this in
 * its own process, so SIGTERM reaches the server's shutdown handler.
 */
export async function run(argv: string[]): Promise<void> {
  try {
    const code = await main(argv);
    if (code >= 0) process.exit(code);
  } catch (err) {
    if (err instanceof CliError || err instanceof ConfigError || err instanceof RestoreError) {
      console.error(err.message);
      process.exit(err instanceof CliError ? err.exitCode : 2);
    }
    if (err instanceof DataDirLockedError || err instanceof IdentityKeyError) {
      console.error(err.message);
      process.exit(1);
    }
    console.error(err);
    process.exit(1);
  }
}

/** Run directly: `node dist/server/cli.js …` (the Docker image) or `node --import tsx src/server/cli.ts …`. */
function isMain(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
if (isMain()) await run(process.argv.slice(2));
