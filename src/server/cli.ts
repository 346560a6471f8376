/**
 * The `danchu` command for operators (DESIGN.md, Surfaces):
 *   danchu start | migrate | seed | calendar --year Y | audit verify | backup FILE | restore FILE
 * Exit codes: 0 success, 1 failure, 2 bad usage or bad input.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tenants } from './platform/tables';
import { ConfigError, loadConfig, type Config } from './platform/config';
import { IdentityKeyError } from './platform/identity-crypto';
import { DataDirLockedError, openDatabase, type Database } from './platform/db';
import { verifyAuditChain } from './platform/audit';
import { backupDatabase, restoreDatabase, RestoreError } from './platform/backup';
import { BootstrapError, ensureInitialData } from './seed/bootstrap';
import { MODULES } from './modules';
import { effectiveDaysOff, workingCalendarFor } from './modules/calendar';
import { todayInVietnam } from './platform/clock';
import { ModuleRegistry } from './platform/registry';
import { eq } from 'drizzle-orm';
import { deadlineCommand } from './commands/deadline';
import { importPlanCommand } from './commands/import-plan';
import { reportCommand } from './commands/report';

class UsageError extends Error {}

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
  danchu audit verify              kiểm tra chuỗi băm nhật ký / verify the audit hash chain
  danchu backup FILE               sao lưu toàn bộ dữ liệu / back up everything to FILE
  danchu restore FILE              khôi phục từ bản sao lưu / restore everything from FILE

Biến môi trường / Environment: PORT, DATABASE_URL, DATA_DIR, NODE_ENV, DANCHU_ADMIN_PASSWORD, LOG_LEVEL (see README).`;

async function withDb<T>(config: Config, fn: (db: Database) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const db = await openDatabase(config);
  try {
    if (opts.migrate !== false) await db.migrate();
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
  if (command === 'import-plan')
    return importPlanCommand(rest, {
      out: (l) => process.stdout.write(l.endsWith('\n') ? l : `${l}\n`),
      err: (l) => process.stderr.write(l.endsWith('\n') ? l : `${l}\n`),
    });
  const config = loadConfig();
  switch (command) {
    case 'start': {
      // Fail at start, not at the first case, when the identity key is missing or malformed.
      (await import('./platform/identity-crypto')).identityKey();
      const { startServer } = await import('./server');
      await startServer(config);
      return -1; // keeps running
    }
    case 'migrate':
      await withDb(config, async () => {
        console.log('Đã áp dụng migration / Migrations applied');
      });
      return 0;
    case 'seed':
      await withDb(config, async (db) => {
        const r = await ensureInitialData(config, db, MODULES);
        console.log(
          r === 'existing'
            ? 'Cơ sở dữ liệu đã có dữ liệu; không thay đổi / Database already has data; nothing changed'
            : `Đã tạo dữ liệu (${r}) / Created data (${r})`,
        );
      });
      return 0;
    case 'calendar': {
      const { values } = parseArgs({ args: rest, options: { year: { type: 'string' }, tenant: { type: 'string' } } });
      const year = Number(values.year);
      if (!values.year || !Number.isInteger(year) || year < 1970 || year > 2199) {
        throw new UsageError('--year phải là năm từ 1970 đến 2199 / --year must be a year between 1970 and 2199');
      }
      await withDb(config, async (db) => {
        const tenant = await resolveTenant(db, values.tenant);
        const days = await db.withTenant({ tenantId: tenant.tenantId }, (tx) => effectiveDaysOff(tx, year));
        for (const d of days.days) console.log(`${d.date} ${d.name}`);
      });
      return 0;
    }
    case 'deadline': {
      let db: Database | null = null;
      try {
        return await deadlineCommand(
          rest,
          { out: (l) => console.log(l), err: (l) => console.error(l) },
          {
            calendarFor: async (tenantCode, years) => {
              db ??= await openDatabase(config);
              await db.migrate();
              const tenant = await resolveTenant(db, tenantCode);
              return db.withTenant({ tenantId: tenant.tenantId }, (tx) => workingCalendarFor(tx, years));
            },
          },
        );
      } finally {
        if (db) await (db as Database).close();
      }
    }
    case 'report':
      return withDb(config, async (db) => {
        const tenant = await resolveTenant(db, undefined);
        const modules = new ModuleRegistry(MODULES);
        const who = { tenantId: tenant.tenantId, userId: null, name: 'danchu (dòng lệnh)' };
        return db.withTenant({ tenantId: tenant.tenantId }, (tx) =>
          reportCommand({ tx, who, today: todayInVietnam(), modules }, rest, { out: (l) => console.log(l), err: (l) => console.error(l) }),
        );
      });
    case 'audit': {
      if (rest[0] !== 'verify') throw new UsageError('Dùng / Use: danchu audit verify');
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
      await withDb(config, async (db) => {
        const s = await restoreDatabase(db, file);
        const rows = Object.values(s.tables).reduce((a, b) => a + b, 0);
        console.log(`Đã khôi phục ${rows} dòng / Restored ${rows} rows`);
      });
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
    if (
      err instanceof UsageError ||
      err instanceof ConfigError ||
      err instanceof RestoreError ||
      err instanceof DataDirLockedError ||
      err instanceof BootstrapError ||
      err instanceof IdentityKeyError
    ) {
      console.error(err.message);
      process.exit(err instanceof UsageError || err instanceof ConfigError || err instanceof RestoreError ? 2 : 1);
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
