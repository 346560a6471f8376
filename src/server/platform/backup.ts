/**
 * Logical backup and restore that work on PGlite and PostgreSQL alike: every table of the
 * application schema, row for row, as gzip-compressed JSON lines. Attachments are in the database,
 * so one file holds everything (DESIGN.md, Data). The job queue (schema pgboss) is transient and
 * not included.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import type { Database, Db } from './db';
import { rowsOf } from './db';
import { identityKey } from './identity-crypto';

const FORMAT = 'danchu-backup';
const CHUNK = 500;

type TableInfo = { name: string; columns: string[]; orderBy: string };

/** Application tables with their stored (non-generated) columns and primary-key order. */
async function appTables(db: Db): Promise<TableInfo[]> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ),
  );
  const out: TableInfo[] = [];
  for (const { table_name } of tables) {
    const cols = rowsOf<{ column_name: string }>(
      await db.execute(
        sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table_name} and is_generated = 'NEVER' order by ordinal_position`,
      ),
    ).map((c) => c.column_name);
    const pk = rowsOf<{ attname: string }>(
      await db.execute(sql`select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${`public.${table_name}`}::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`),
    ).map((r) => r.attname);
    out.push({ name: table_name, columns: cols, orderBy: (pk.length ? pk : cols).map(quoteIdent).join(', ') });
  }
  return out;
}

function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

async function appliedMigrations(db: Db): Promise<number> {
  const [r] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
  return Number(r?.n ?? 0);
}

export type BackupSummary = { tables: Record<string, number>; migrations: number };

/** Write a backup of the whole database to `file`. */
export async function backupDatabase(db: Database, file: string, opts: { keyId?: string } = {}): Promise<BackupSummary> {
  const keyId = opts.keyId ?? identityKey().id;
  const gzip = zlib.createGzip();
  // A backup holds every sealed identity and the password hashes: the owner's alone (0600), even
  // when the file existed before (issue #16 point 7).
  const out = fs.createWriteStream(file, { mode: 0o600 });
  await once(out, 'open');
  fs.chmodSync(file, 0o600);
  gzip.pipe(out);
  const write = async (obj: unknown) => {
    if (!gzip.write(`${JSON.stringify(obj)}\n`)) await once(gzip, 'drain');
  };
  // One transaction: a consistent snapshot even while the app keeps writing (PostgreSQL).
  const summary = await db.owner.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.execute(sql`set transaction isolation level repeatable read`);
    const t = tx as unknown as Db;
    const tables = await appTables(t);
    const migrations = await appliedMigrations(t);
    // The fingerprint of the identity key the sealed identities need (not the key): a restore under
    // another key is refused instead of leaving case pages that cannot open anyone.
    await write({
      type: 'header',
      format: FORMAT,
      version: 1,
      migrations,
      createdAt: new Date().toISOString(),
      source: db.kind,
      identityKeyId: keyId,
    });
    const counts: Record<string, number> = {};
    for (const table of tables) {
      counts[table.name] = 0;
      const cols = table.columns.map(quoteIdent).join(', ');
      for (let offset = 0; ; offset += CHUNK) {
        const [r] = rowsOf<{ j: string }>(
          await tx.execute(
            sql.raw(
              `select coalesce(json_agg(t), '[]'::json)::text as j from (select ${cols} from public.${quoteIdent(table.name)} order by ${table.orderBy} limit ${CHUNK} offset ${offset}) t`,
            ),
          ),
        );
        const rows = JSON.parse(r!.j) as unknown[];
        if (rows.length === 0) break;
        counts[table.name] = (counts[table.name] ?? 0) + rows.length;
        await write({ type: 'rows', table: table.name, rows });
        if (rows.length < CHUNK) break;
      }
    }
    await write({ type: 'end', tables: counts });
    return { tables: counts, migrations };
  });
  gzip.end();
  await once(out, 'finish');
  return summary;
}

export class RestoreError extends Error {}

/**
 * Replace the whole content of the (migrated) database with a backup, in one transaction:
 * either everything is restored or nothing changes.
 */
export async function restoreDatabase(db: Database, file: string, opts: { keyId?: string } = {}): Promise<BackupSummary> {
  if (!fs.existsSync(file)) throw new RestoreError(`Không tìm thấy tệp sao lưu / Backup file not found: ${file}`);
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  type Header = { type: string; format: string; migrations: number; identityKeyId?: string };
  let parsed: Header | null = null;
  try {
    parsed = first.done ? null : (JSON.parse(first.value as string) as Header);
  } catch {
    parsed = null;
  }
  if (parsed?.type !== 'header' || parsed.format !== FORMAT) {
    throw new RestoreError(`Tệp không phải bản sao lưu danchu / Not a danchu backup file: ${file}`);
  }
  const header: Header = parsed;
  const keyId = opts.keyId ?? identityKey().id;
  const wrongKey = (theirs: string) =>
    new RestoreError(
      `Bản sao lưu được mã hóa bằng khóa định danh ${theirs}, máy này dùng khóa ${keyId}: hãy đặt DANCHU_IDENTITY_KEY (hoặc tệp identity.key) của bản sao lưu rồi khôi phục lại. Không có gì bị thay đổi.\n` +
        `The backup's identities are sealed with identity key ${theirs}, this installation uses ${keyId}: set the backup's DANCHU_IDENTITY_KEY (or identity.key file) and restore again. Nothing was changed.`,
    );
  if (header.identityKeyId && header.identityKeyId !== keyId) throw wrongKey(header.identityKeyId);
  return db.owner.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const migrations = await appliedMigrations(t);
    if (migrations !== header.migrations) {
      throw new RestoreError(
        `Bản sao lưu ở phiên bản lược đồ ${header.migrations}, cơ sở dữ liệu ở ${migrations}; hãy dùng cùng phiên bản danchu.\n` +
          `The backup is at schema version ${header.migrations}, the database at ${migrations}; restore with the same danchu version.`,
      );
    }
    const tables = await appTables(t);
    const byName = new Map(tables.map((x) => [x.name, x]));
    // Foreign keys are checked by triggers; replica mode skips them while rows arrive in any order.
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql.raw(`truncate ${tables.map((x) => `public.${quoteIdent(x.name)}`).join(', ')}`));
    const counts: Record<string, number> = {};
    let ended: Record<string, number> | null = null;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (!next.value.trim()) continue;
      const rec = JSON.parse(next.value) as { type: string; table?: string; rows?: unknown[]; tables?: Record<string, number> };
      if (rec.type === 'end') {
        ended = rec.tables ?? {};
        break;
      }
      if (rec.type !== 'rows' || !rec.table || !rec.rows) continue;
      const info = byName.get(rec.table);
      if (!info) throw new RestoreError(`Bảng lạ trong bản sao lưu / Unknown table in backup: ${rec.table}`);
      const cols = info.columns.map(quoteIdent).join(', ');
      const target = `public.${quoteIdent(info.name)}`;
      await tx.execute(
        sql`${sql.raw(`insert into ${target} (${cols}) select ${cols} from json_populate_recordset(null::${target}, `)}${JSON.stringify(rec.rows)}::json)`,
      );
      counts[rec.table] = (counts[rec.table] ?? 0) + rec.rows.length;
    }
    if (!ended) throw new RestoreError('Bản sao lưu bị cắt cụt / The backup file is truncated');
    // A backup from before the fingerprint: the sealed rows name their key.
    const others = rowsOf<{ key_id: string }>(
      await tx.execute(sql`select distinct key_id from public.protected_identities where key_id <> ${keyId} limit 1`),
    );
    if (others[0]) throw wrongKey(others[0].key_id);
    for (const [name, n] of Object.entries(ended)) {
      if ((counts[name] ?? 0) !== n)
        throw new RestoreError(
          `Bảng ${name}: cần ${n} dòng, đọc được ${counts[name] ?? 0} / table ${name}: expected ${n} rows, read ${counts[name] ?? 0}`,
        );
    }
    return { tables: counts, migrations };
  });
}
