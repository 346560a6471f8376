/**
 * The embedded database served on a Unix socket beside the app in the same process: clients and
 * the app never run inside each other's transactions, a departed client leaves nothing open, and
 * a client's session settings never reach the app. (A `*.pglite.int.test.ts`: PGlite pass only.)
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { advertiseSocket, lockDataDir, openViaServer, preparedRows } from './db';
import { serveLocalClients, type SocketServer, socketDirFor } from './db-socket';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'danchu-sock-'));
let db: PGlite;
let server: SocketServer;
const clients: pg.Client[] = [];
const warnings: string[] = [];

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ host: server.dir, port: 5432, user: 'postgres', database: 'postgres' });
  c.on('error', () => {});
  await c.connect();
  clients.push(c);
  return c;
}

async function values(): Promise<number[]> {
  return (await db.query<{ v: number }>('select v from t order by v')).rows.map((r) => r.v);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  db = await PGlite.create(); // in memory: the socket does not care where the data lives
  await db.exec('create table t (v int)');
  server = await serveLocalClients(db, dir, { warn: (_o, msg) => warnings.push(msg) }, { idleInTransactionMs: 500 });
});
afterEach(async () => {
  await Promise.allSettled(clients.splice(0).map((c) => c.end()));
  await db.exec('truncate t');
});
afterAll(async () => {
  await server?.close();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the database socket', () => {
  it('is a socket file only its owner may use, in the data folder', () => {
    expect(server.path).toBe(path.join(dir, '.s.PGSQL.5432'));
    const st = fs.statSync(server.path);
    expect(st.isSocket()).toBe(true);
    expect(st.mode & 0o777).toBe(0o600);
  });

  it('puts the socket in a private temporary folder when the data folder path is too long', () => {
    const long = path.join(dir, 'x'.repeat(120));
    const d = socketDirFor(long);
    expect(d.startsWith(os.tmpdir())).toBe(true);
    expect(Buffer.byteLength(path.join(d, '.s.PGSQL.5432'))).toBeLessThanOrEqual(100);
    expect(socketDirFor(long)).toBe(d);
    expect(socketDirFor(dir)).toBe(dir);
  });

  it('serves a long data folder from its private temporary folder, and refuses one others can enter', async () => {
    const long = path.join(dir, 'y'.repeat(120));
    const own = await serveLocalClients(db, long, { warn: () => {} });
    try {
      expect(own.dir).toBe(socketDirFor(long));
      expect(fs.statSync(own.dir).mode & 0o777).toBe(0o700);
      const c = new pg.Client({ host: own.dir, port: 5432, user: 'postgres', database: 'postgres' });
      await c.connect();
      expect((await c.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
      await c.end();
    } finally {
      await own.close();
    }
    fs.chmodSync(socketDirFor(long), 0o777);
    try {
      await expect(serveLocalClients(db, long, { warn: () => {} })).rejects.toThrow(/not a private folder/);
    } finally {
      fs.rmSync(socketDirFor(long), { recursive: true, force: true });
    }
  });

  it("makes the app wait for a client's transaction, then see what it committed", async () => {
    const c = await client();
    await c.query('begin');
    await c.query('insert into t values (1)');
    const started = Date.now();
    const read = values().then((v) => ({ v, waited: Date.now() - started }));
    await sleep(300);
    await c.query('insert into t values (2)');
    await c.query('commit');
    const r = await read;
    expect(r.v).toEqual([1, 2]);
    expect(r.waited).toBeGreaterThanOrEqual(250);
  });

  it("makes a client wait for the app's transaction", async () => {
    const c = await client();
    let inside = false;
    const appTx = db.transaction(async (tx) => {
      await tx.query('insert into t values (10)');
      inside = true;
      await sleep(300);
      await tx.query('insert into t values (11)');
    });
    while (!inside) await sleep(5);
    const r = await c.query<{ n: number }>('select count(*)::int as n from t');
    expect(r.rows[0]!.n).toBe(2); // never 1: the client did not run inside the app's transaction
    await appTx;
  });

  it('keeps two clients out of each other’s transactions', async () => {
    const a = await client();
    const b = await client();
    await a.query('begin');
    await a.query('insert into t values (20)');
    const bRead = b.query<{ n: number }>('select count(*)::int as n from t');
    await sleep(200);
    await a.query('rollback');
    expect((await bRead).rows[0]!.n).toBe(0);
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).query('insert into t values ($1)', [i])));
    expect(await values()).toHaveLength(40);
  });

  it('rolls back what a departed client left open, explicit or between Parse and Sync', async () => {
    const c = await client();
    await c.query('begin');
    await c.query('insert into t values (30)');
    await c.end();
    expect(await values()).toEqual([]);
    expect(db.isInTransaction()).toBe(false);

    // A raw client: startup, then Parse/Bind/Execute of an INSERT without the Sync that would commit it.
    const msg = (type: string, body: Buffer) => {
      const b = Buffer.alloc(5 + body.length);
      b.write(type, 0);
      b.writeInt32BE(4 + body.length, 1);
      body.copy(b, 5);
      return b;
    };
    const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
    const startup = Buffer.alloc(8 + params.length);
    startup.writeInt32BE(8 + params.length, 0);
    startup.writeInt32BE(196608, 4);
    params.copy(startup, 8);
    const sock = net.connect(server.path);
    await new Promise((r) => sock.once('connect', r));
    const replies: Buffer[] = [];
    sock.on('data', (d) => replies.push(d));
    sock.write(startup);
    while (!Buffer.concat(replies).includes(Buffer.from([0x5a, 0, 0, 0, 5, 0x49]))) await sleep(10);
    sock.write(
      Buffer.concat([msg('P', Buffer.from('\0insert into t values (31)\0\0\0')), msg('B', Buffer.alloc(10)), msg('E', Buffer.alloc(5))]),
    );
    await sleep(100);
    const read = values();
    sock.destroy();
    expect(await read).toEqual([]);
  });

  it("never lets a client's session settings reach the app", async () => {
    const before = (await db.query<{ search_path: string }>('show search_path')).rows[0]!.search_path;
    const c = await client();
    await c.query('set search_path = nowhere');
    await c.query('set role pg_read_all_data');
    expect((await db.query<{ search_path: string }>('show search_path')).rows[0]!.search_path).toBe(before);
    expect(before).not.toBe('nowhere');
    expect((await db.query<{ current_user: string }>('select current_user')).rows[0]!.current_user).toBe('postgres');
    // Inside a transaction a setting lasts, as SET LOCAL does.
    await c.query('begin');
    await c.query("set local application_name = 'danchu-test'");
    expect((await c.query<{ a: string }>("select current_setting('application_name') as a")).rows[0]!.a).toBe('danchu-test');
    await c.query('commit');
  });

  it('is never sent named statements: its clients share one backend, where a name would collide', async () => {
    const unlock = lockDataDir(dir);
    advertiseSocket(dir, server.dir);
    try {
      for (const run of [1, 2]) {
        // Two `danchu` commands one after the other, each with its own connection.
        const via = await openViaServer(dir);
        try {
          const rows = await preparedRows<{ n: number }>(via!.owner, 'danchu_test_socket', sql`select ${run}::int as n`);
          expect(rows).toEqual([{ n: run }]);
        } finally {
          await via!.close();
        }
      }
      expect((await db.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements')).rows[0]!.n).toBe(0);
    } finally {
      unlock();
    }
  });

  it('disconnects a client idle in a transaction, so the app goes on', async () => {
    const c = await client();
    await c.query('begin');
    await c.query('insert into t values (40)');
    const started = Date.now();
    expect(await values()).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(warnings).toContain('database socket: a client idle in a transaction was disconnected');
    await expect(c.query('commit')).rejects.toThrow();
  });
});
