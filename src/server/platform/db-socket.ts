/**
 * Serves the running server's embedded database (PGlite) to local clients over the PostgreSQL
 * wire protocol on a Unix socket: the `danchu` command and an operator's `psql` use it while the
 * server holds the data folder (a second process may not open it: STACK.md §1, Hazard 3).
 *
 * PGlite has one session, shared by the app in this process and by every socket client. So a
 * client takes PGlite's transaction lock (the one `pglite.transaction()` and `pglite.query()`
 * take) from its first message until PostgreSQL reports it idle again (ReadyForQuery 'I'):
 * neither the app nor another client ever runs inside a client's transaction or between its
 * Parse and Sync, and a client never runs inside the app's transaction (STACK.md §1, Hazard 1).
 * `@electric-sql/pglite-socket` takes only the per-message query lock, which would interleave a
 * client's statements with the app's open transactions; hence this small server.
 *
 * The socket is reachable by the server's own user only (mode 0600, in the data folder), and the
 * session settings a client changed are reset when it goes idle, so they never leak into the app.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/** psql's and libpq's socket file name for the default port: `psql -h <folder>` finds it. */
export const SOCKET_PORT = 5432;
const SOCKET_NAME = `.s.PGSQL.${SOCKET_PORT}`;
/** A Unix socket path must fit in sockaddr_un (108 bytes on Linux, 104 on macOS). */
const MAX_SOCKET_PATH = 100;
/** A client idle inside a transaction holds the whole database; it is cut off after this. */
export const IDLE_IN_TRANSACTION_MS = 30_000;
const MAX_CLIENTS = 16;

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'
const TERMINATE = 0x58; // 'X'

/**
 * The folder of the socket file for a data folder: the data folder itself, or, when that path is
 * too long for a Unix socket, a private folder (0700) in the system's temporary folder.
 */
export function socketDirFor(dataDir: string): string {
  const abs = path.resolve(dataDir);
  if (Buffer.byteLength(path.join(abs, SOCKET_NAME)) <= MAX_SOCKET_PATH) return abs;
  const hash = crypto.createHash('sha256').update(abs).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `danchu-${process.getuid?.() ?? 'u'}-${hash}`);
}

/** A simple-protocol Query message. */
function queryMessage(sqlText: string): Uint8Array {
  const body = Buffer.from(`${sqlText}\0`, 'utf8');
  const msg = Buffer.alloc(5 + body.length);
  msg[0] = 0x51; // 'Q'
  msg.writeInt32BE(4 + body.length, 1);
  body.copy(msg, 5);
  return msg;
}
const SYNC = Uint8Array.of(0x53, 0, 0, 0, 4); // 'S'
/**
 * Executes a portal that does not exist: the error aborts whatever transaction a departed client
 * left open, the implicit one of an unfinished Parse/Bind/Execute included (a Sync alone would
 * commit that one), as PostgreSQL does when a client disconnects.
 */
const ABORT = (() => {
  const portal = Buffer.from('danchu: client left\0', 'utf8');
  const msg = Buffer.alloc(5 + portal.length + 4);
  msg[0] = 0x45; // 'E'
  msg.writeInt32BE(4 + portal.length + 4, 1);
  portal.copy(msg, 5);
  return new Uint8Array(msg);
})();
const ROLLBACK = queryMessage('ROLLBACK');
const RESET_SESSION = queryMessage('RESET ALL; RESET ROLE; RESET SESSION AUTHORIZATION');

function errorResponse(message: string, code = '57P05'): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`, 'utf8');
  const msg = Buffer.alloc(5 + fields.length);
  msg[0] = 0x45; // 'E'
  msg.writeInt32BE(4 + fields.length, 1);
  fields.copy(msg, 5);
  return msg;
}

/**
 * Follows the backend's messages across chunks and remembers the status byte of the last
 * ReadyForQuery ('I' idle, 'T' in a transaction, 'E' in a failed one).
 */
class ReadyTracker {
  status: number | null = null;
  private header: number[] = [];
  private remaining = 0;
  private inReady = false;

  feed(bytes: Uint8Array): void {
    let i = 0;
    while (i < bytes.length) {
      if (this.remaining > 0) {
        if (this.inReady) this.status = bytes[i]!;
        this.inReady = false;
        const n = Math.min(this.remaining, bytes.length - i);
        i += n;
        this.remaining -= n;
        continue;
      }
      this.header.push(bytes[i++]!);
      if (this.header.length === 5) {
        const [type, a, b, c, d] = this.header as [number, number, number, number, number];
        this.remaining = ((a << 24) | (b << 16) | (c << 8) | d) - 4;
        this.inReady = type === READY_FOR_QUERY;
        this.header = [];
      }
    }
  }
}

type Log = { warn: (obj: object, msg: string) => void; debug?: (obj: object, msg: string) => void };

/** One client connection: frames its messages and runs them on PGlite while it holds the session. */
class Client {
  private buffer = Buffer.alloc(0);
  private started = false;
  private chain: Promise<void> = Promise.resolve();
  /** Releases PGlite's transaction lock; set while this client holds the session. */
  private release: (() => void) | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Settles once the client is gone and the session is given back. */
  readonly left: Promise<void>;

  constructor(
    private readonly socket: net.Socket,
    private readonly pglite: PGlite,
    private readonly log: Log,
    private readonly idleInTransactionMs: number,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.chain = this.chain.then(() => this.drain()).catch((err) => this.fail(err));
    });
    socket.on('error', () => {});
    this.left = new Promise<void>((resolve) => {
      socket.on('close', () => {
        this.closed = true;
        this.chain = this.chain.then(() => this.leave()).finally(resolve);
      });
    });
  }

  /** Runs every complete message in the buffer, in order. */
  private async drain(): Promise<void> {
    while (!this.closed) {
      if (!this.started) {
        if (this.buffer.length < 8) return;
        const len = this.buffer.readInt32BE(0);
        const code = this.buffer.readInt32BE(4);
        if (this.buffer.length < len) return;
        const msg = this.buffer.subarray(0, len);
        this.buffer = this.buffer.subarray(len);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          this.socket.write('N'); // no encryption on a local socket; the client goes on in clear
          continue;
        }
        if (code === CANCEL_REQUEST) {
          this.socket.end(); // PGlite has no backend to signal
          return;
        }
        this.started = true;
        await this.run(new Uint8Array(msg));
        continue;
      }
      if (this.buffer.length < 5) return;
      const len = 1 + this.buffer.readInt32BE(1);
      if (this.buffer.length < len) return;
      const msg = this.buffer.subarray(0, len);
      this.buffer = this.buffer.subarray(len);
      if (msg[0] === TERMINATE) {
        this.socket.end();
        return;
      }
      await this.run(new Uint8Array(msg));
    }
  }

  /** Runs one protocol message with the session held; lets the session go when it is idle. */
  private async run(msg: Uint8Array): Promise<void> {
    this.stopIdleTimer();
    if (!this.release) {
      this.release = await new Promise<() => void>((hold) => {
        void this.pglite._runExclusiveTransaction(() => new Promise<void>((done) => hold(done)));
      });
    }
    const ready = new ReadyTracker();
    await this.pglite.runExclusive(async () => {
      await this.pglite.execProtocolRawStream(msg, {
        onRawData: (bytes) => {
          ready.feed(bytes);
          if (!this.closed) this.socket.write(Buffer.from(bytes));
        },
      });
      if (ready.status === IDLE) await this.pglite.execProtocolRaw(RESET_SESSION);
    });
    if (ready.status === IDLE) this.letGo();
    else this.startIdleTimer();
  }

  private letGo(): void {
    const release = this.release;
    this.release = null;
    release?.();
  }

  private startIdleTimer(): void {
    this.idleTimer = setTimeout(() => {
      this.log.warn({ ms: this.idleInTransactionMs }, 'database socket: a client idle in a transaction was disconnected');
      if (!this.closed) this.socket.end(errorResponse('terminating connection due to idle-in-transaction timeout', '25P03'));
      this.socket.destroy();
    }, this.idleInTransactionMs);
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** The client is gone: end what it left open and give the session back. */
  private async leave(): Promise<void> {
    this.stopIdleTimer();
    if (!this.release) return;
    try {
      await this.pglite.runExclusive(async () => {
        await this.pglite.execProtocolRaw(ABORT);
        await this.pglite.execProtocolRaw(SYNC);
        if (this.pglite.isInTransaction()) await this.pglite.execProtocolRaw(ROLLBACK);
        await this.pglite.execProtocolRaw(RESET_SESSION);
      });
    } finally {
      this.letGo();
    }
  }

  private fail(err: unknown): void {
    this.log.warn({ err }, 'database socket: client error');
    this.socket.destroy();
  }

  /** Server shutdown: disconnect; `leave` runs on close. */
  end(): void {
    this.socket.destroy();
  }
}

export interface SocketServer {
  /** The folder of the socket file (`psql -h <dir> -U postgres`). */
  readonly dir: string;
  readonly path: string;
  close(): Promise<void>;
}

/**
 * Serve `pglite` on a Unix socket for the data folder (see `socketDirFor`). The caller holds the
 * data folder's lock, so a socket file left by a crashed server is stale and replaced.
 */
export async function serveLocalClients(
  pglite: PGlite,
  dataDir: string,
  log: Log,
  opts: { idleInTransactionMs?: number } = {},
): Promise<SocketServer> {
  const dir = socketDirFor(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (dir !== path.resolve(dataDir)) {
    // A folder in the shared temporary folder could have been made by someone else beforehand,
    // to swap the socket: use it only if it is ours and private.
    const st = fs.statSync(dir);
    if ((process.getuid && st.uid !== process.getuid()) || (st.mode & 0o077) !== 0) {
      throw new Error(`${dir} is not a private folder of this user; not serving the database there`);
    }
  }
  const file = path.join(dir, SOCKET_NAME);
  fs.rmSync(file, { force: true });
  const clients = new Set<Client>();
  const server = net.createServer((socket) => {
    const client = new Client(socket, pglite, log, opts.idleInTransactionMs ?? IDLE_IN_TRANSACTION_MS);
    clients.add(client);
    void client.left.then(() => clients.delete(client));
  });
  server.maxConnections = MAX_CLIENTS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Owner-only from the moment the socket file exists: it gives full access to the database.
    const umask = process.umask(0o177);
    try {
      server.listen(file, () => resolve());
    } finally {
      process.umask(umask);
    }
  });
  fs.chmodSync(file, 0o600);
  server.unref();
  return {
    dir,
    path: file,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const leaving = [...clients].map((c) => c.left);
      for (const c of clients) c.end();
      await Promise.allSettled(leaving);
      await closed;
      fs.rmSync(file, { force: true });
    },
  };
}
