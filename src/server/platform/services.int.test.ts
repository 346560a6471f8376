/** The shared services later modules call: audit chain, jobs, notifications, files, search. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../test/harness';
import { verifyAuditChain, recordAudit } from './audit';
import { notify } from './notify';
import { indexForSearch, search, type SearchAudience } from './search';
import { auditLog, users } from './tables';
import { Jobs } from './jobs';
import { rowsOf } from './db';

let t: TestApp;
let office: Session;
let staff: Session;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  staff = await t.login('canbo');
});
afterAll(async () => t?.close());

describe('audit chain', () => {
  it('verifies the seeded chain, then names the first row that was altered', async () => {
    const ok = await verifyAuditChain(t.db.owner, t.demoTenantId);
    expect(ok.ok).toBe(true);
    expect(ok.rows).toBeGreaterThan(20);
    const api = (await t.call(office, { method: 'GET', url: '/api/audit/verify' })).json();
    expect(api).toMatchObject({ ok: true, brokenSeq: null });
    // Tamper as the database owner (the application role cannot update the log at all).
    await t.db.owner
      .update(auditLog)
      .set({ summary: 'đã bị sửa' })
      .where(sql`${auditLog.tenantId} = ${t.demoTenantId} and ${auditLog.seq} = 7`);
    const broken = await verifyAuditChain(t.db.owner, t.demoTenantId);
    expect(broken).toMatchObject({ ok: false, brokenSeq: 7 });
    expect((await t.call(office, { method: 'GET', url: '/api/audit/verify' })).json()).toMatchObject({ ok: false, brokenSeq: 7 });
  });

  it('detects a deleted row', async () => {
    const fresh = await createTestApp();
    try {
      await fresh.db.owner.delete(auditLog).where(sql`${auditLog.tenantId} = ${fresh.demoTenantId} and ${auditLog.seq} = 3`);
      expect(await verifyAuditChain(fresh.db.owner, fresh.demoTenantId)).toMatchObject({ ok: false, brokenSeq: 3 });
    } finally {
      await fresh.close();
    }
  });

  it('keeps the chain linear under concurrent writers', async () => {
    const fresh = await createTestApp();
    try {
      const who = { tenantId: fresh.demoTenantId, userId: null, name: 'test' };
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          fresh.db.withTenant({ tenantId: fresh.demoTenantId }, (tx) =>
            recordAudit(tx, who, { action: 'test.concurrent', entityType: 'test', entityId: String(i) }),
          ),
        ),
      );
      expect(await verifyAuditChain(fresh.db.owner, fresh.demoTenantId)).toMatchObject({ ok: true });
    } finally {
      await fresh.close();
    }
  });

  it('is readable by the Office but not by staff', async () => {
    expect((await t.call(staff, { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    const page = (await t.call(office, { method: 'GET', url: '/api/audit?q=phong quan ly khoa hoc&pageSize=5' })).json();
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows[0].summary).toMatch(/Quản lý khoa học/);
  });

  it('never records password hashes', async () => {
    const rows = await t.db.owner.select().from(auditLog).where(eq(auditLog.tenantId, t.demoTenantId));
    expect(JSON.stringify(rows)).not.toMatch(/\$argon2id/);
  });
});

describe('notifications', () => {
  it('delivers to one person, who alone can mark it read', async () => {
    const [canbo] = await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) => tx.select().from(users).where(eq(users.username, 'canbo')));
    // The demo may already have told canbo something (a case deadline): count from here.
    const before = (await t.call(staff, { method: 'GET', url: '/api/notifications' })).json().unread as number;
    const id = await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) =>
      notify(tx, {
        tenantId: t.demoTenantId,
        userId: canbo!.id,
        kind: 'test.hello',
        title: 'Hạn báo cáo 6 tháng',
        body: 'Còn 3 ngày làm việc',
        link: '/reports',
      }),
    );
    const mine = (await t.call(staff, { method: 'GET', url: '/api/notifications' })).json();
    expect(mine.unread).toBe(before + 1);
    expect(mine.items[0]).toMatchObject({ id, title: 'Hạn báo cáo 6 tháng', readAt: null });
    const theirs = (await t.call(office, { method: 'GET', url: '/api/notifications' })).json();
    expect(theirs.items.some((n: { id: string }) => n.id === id)).toBe(false);
    expect((await t.call(office, { method: 'POST', url: `/api/notifications/${id}/read` })).statusCode).toBe(404);
    expect((await t.call(staff, { method: 'POST', url: `/api/notifications/${id}/read` })).statusCode).toBe(200);
    expect((await t.call(staff, { method: 'GET', url: '/api/notifications' })).json().unread).toBe(before);
  });
});

describe('attachments', () => {
  function multipart(filename: string, type: string, data: Buffer) {
    const boundary = `----danchu${Math.random().toString(16).slice(2)}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  }
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF')]);

  it('stores a file in the database and returns the same bytes', async () => {
    const up = await t.call(staff, { method: 'POST', url: '/api/files', ...multipart('Báo cáo 6 tháng.pdf', 'application/pdf', pdf) });
    expect(up.statusCode).toBe(200);
    const [meta] = up.json();
    expect(meta).toMatchObject({ filename: 'Báo cáo 6 tháng.pdf', contentType: 'application/pdf', size: pdf.length });
    const down = await t.call(staff, { method: 'GET', url: `/api/files/${meta.id}` });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect(String(down.headers['content-disposition'])).toContain("filename*=UTF-8''B%C3%A1o%20c%C3%A1o");
  });

  it('refuses unknown types and disguised files with 415', async () => {
    const exe = await t.call(staff, {
      method: 'POST',
      url: '/api/files',
      ...multipart('virus.exe', 'application/octet-stream', Buffer.from('MZ\x90\x00')),
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('UNSUPPORTED_FILE_TYPE');
    const fake = await t.call(staff, {
      method: 'POST',
      url: '/api/files',
      ...multipart('hop-dong.pdf', 'application/pdf', Buffer.from('MZ this is not a pdf')),
    });
    expect(fake.statusCode).toBe(415);
  });

  it('refuses a file over the size limit with 413', async () => {
    const small = await createTestApp({ config: { UPLOAD_MAX_MB: '0.01' } });
    try {
      const s = await small.login('canbo');
      const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20_000, 0x20)]);
      const res = await small.call(s, { method: 'POST', url: '/api/files', ...multipart('lon.pdf', 'application/pdf', big) });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
  });
});

describe('diacritic-insensitive search', () => {
  it('finds Vietnamese records typed without accents, and ranks exact accents first', async () => {
    await t.db.withTenant({ tenantId: t.demoTenantId }, async (tx) => {
      await indexForSearch(tx, {
        tenantId: t.demoTenantId,
        entityType: 'note',
        entityId: 'n1',
        title: 'Công tác dân vận chính quyền',
        body: 'Đẩy mạnh thực hiện quy chế dân chủ ở cơ sở',
      });
      await indexForSearch(tx, {
        tenantId: t.demoTenantId,
        entityType: 'note',
        entityId: 'n2',
        title: 'Văn bản dân sự',
        body: 'Không liên quan',
      });
      await indexForSearch(tx, { tenantId: t.demoTenantId, entityType: 'note', entityId: 'n3', title: 'Nguyễn Văn Đức', body: '' });
    });
    const hits = await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) =>
      search(tx, 'dan van chinh quyen', { audience: ['staff'], types: ['note'] }),
    );
    expect(hits.map((h) => h.entityId)).toEqual(['n1']);
    const duc = await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) => search(tx, 'duc', { audience: ['staff'], types: ['note'] }));
    expect(duc.map((h) => h.entityId)).toEqual(['n3']);
    await t.db.withTenant({ tenantId: t.demoTenantId }, async (tx) => {
      await indexForSearch(tx, { tenantId: t.demoTenantId, entityType: 'note', entityId: 'n4', title: 'Dan ca', body: '' });
      await indexForSearch(tx, { tenantId: t.demoTenantId, entityType: 'note', entityId: 'n5', title: 'Dân ca', body: '' });
    });
    const exact = await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) =>
      search(tx, 'Dân ca', { audience: ['staff'], types: ['note'] }),
    );
    expect(exact.map((h) => h.entityId)).toEqual(['n5', 'n4']);
    const api = (await t.call(staff, { method: 'GET', url: `/api/search?q=${encodeURIComponent('quan ly khoa hoc')}` })).json();
    expect(api.map((h: { title: string }) => h.title)).toContain('Phòng Quản lý khoa học');
    // A literal % is not a wildcard.
    expect(await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) => search(tx, '%', { audience: ['staff'], types: ['note'] }))).toEqual(
      [],
    );
  });

  it('finds an entry only for callers sharing one of its audience tokens', async () => {
    await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) =>
      indexForSearch(tx, {
        tenantId: t.demoTenantId,
        entityType: 'note',
        entityId: 'a1',
        title: 'Biên bản họp riêng của tổ công tác',
        audience: ['unit:u-1', 'cap:notes.manage'],
      }),
    );
    const find = (audience: SearchAudience[]) =>
      t.db.withTenant({ tenantId: t.demoTenantId }, (tx) => search(tx, 'bien ban hop rieng', { audience, types: ['note'] }));
    expect(await find(['public', 'staff', 'unit:u-2'])).toEqual([]);
    expect((await find(['public', 'staff', 'unit:u-1'])).map((h) => h.entityId)).toEqual(['a1']);
    expect((await find(['staff', 'cap:notes.manage'])).map((h) => h.entityId)).toEqual(['a1']);
    // No tokens at all finds public entries only, never everything.
    expect(await find([])).toEqual([]);
  });

  it('uses the trigram index for folded LIKE queries', async () => {
    const plan = await t.db.owner.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute(sql`explain select * from search_entries where folded like '%dan van%'`);
    });
    expect(JSON.stringify(plan)).toMatch(/search_entries_folded_trgm/);
  });
});

describe('background jobs', () => {
  it('runs a queued job through pg-boss on this database', async () => {
    const jobs = new Jobs(t.db, { error: () => {}, warn: () => {} });
    const seen: string[] = [];
    jobs.register<{ who: string }>('test-hello', async (data) => {
      seen.push(data.who);
    });
    await jobs.start();
    try {
      await jobs.send('test-hello', { who: 'Văn phòng' });
      const deadline = Date.now() + 20_000;
      while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(seen).toEqual(['Văn phòng']);
    } finally {
      await jobs.stop();
    }
  });

  it('replaces a queue schema left by a newer pg-boss, then runs jobs and schedules', async () => {
    const fresh = await createTestApp();
    const warnings: string[] = [];
    const jobs = new Jobs(fresh.db, { error: () => {}, warn: (_o, msg) => warnings.push(msg) });
    try {
      // What pg-boss 12 (danchu 0.1) left behind: schema version 46, tables pg-boss 10 cannot read.
      await fresh.db.owner.execute(sql`create schema pgboss`);
      await fresh.db.owner.execute(sql`create table pgboss.version (version int primary key, cron_on timestamptz)`);
      await fresh.db.owner.execute(sql`insert into pgboss.version (version) values (46)`);
      await fresh.db.owner.execute(sql`create table pgboss.job (id uuid primary key, payload text)`);
      const seen: string[] = [];
      jobs.register<{ n: number }>('test-after-upgrade', async (data) => {
        seen.push(String(data.n));
      });
      jobs.register('test-nightly', async () => {}, { cron: '0 2 * * *' });
      await jobs.start();
      expect(warnings).toEqual(['job queue schema from a newer pg-boss: recreated']);
      await jobs.send('test-after-upgrade', { n: 1 });
      const deadline = Date.now() + 20_000;
      while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(seen).toEqual(['1']);
      const version = await fresh.db.owner.execute(sql`select version from pgboss.version`);
      expect(Number(rowsOf<{ version: number }>(version)[0]?.version)).toBe(24);
      const schedules = await fresh.db.owner.execute(sql`select name, cron, timezone from pgboss.schedule`);
      expect(rowsOf(schedules)).toEqual([{ name: 'test-nightly', cron: '0 2 * * *', timezone: 'Asia/Ho_Chi_Minh' }]);
    } finally {
      await jobs.stop();
      await fresh.close();
    }
  });
});
