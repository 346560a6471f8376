/**
 * `danchu start`: open and migrate the database, create first-start data, serve on PORT. On the
 * embedded database, also serve it to local clients on a Unix socket (db-socket.ts), so that the
 * `danchu` command and `psql` work beside the running server.
 */
import { buildApp } from './app';
import type { Config } from './platform/config';
import { advertiseSocket, openDatabase } from './platform/db';
import { type SocketServer, serveLocalClients } from './platform/db-socket';
import { MODULES } from './modules';
import { ensureInitialData } from './seed/bootstrap';

export async function startServer(config: Config): Promise<void> {
  const db = await openDatabase(config);
  let socket: SocketServer | null = null;
  try {
    await db.migrate();
    const seeded = await ensureInitialData(config, db, MODULES);
    // The job queue starts once the app listens: pg-boss's start (schema check, queues,
    // schedules) would otherwise delay the first request by a second. Until then a module that
    // queues work does it in-process (app.jobs.isStarted), as without workers.
    const app = await buildApp({ config, db, startJobs: false });
    const shutdown = async (signal: string) => {
      app.log.info({ signal }, 'shutting down');
      let code = 0;
      try {
        await socket?.close();
        await app.close();
        await db.close();
      } catch (err) {
        app.log.error({ err }, 'shutdown failed');
        code = 1;
      }
      process.exit(code);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    if (config.jobs) await app.jobs.start();
    if (db.pglite && config.database.kind === 'pglite') {
      const dataDir = config.database.dataDir;
      try {
        socket = await serveLocalClients(db.pglite, dataDir, app.log);
        advertiseSocket(dataDir, socket.dir);
        app.log.info({ socket: socket.path }, `cơ sở dữ liệu cho máy này / database for local clients: psql -h ${socket.dir} -U postgres`);
      } catch (err) {
        // The app works without it; only `danchu` commands beside it will be refused.
        app.log.warn({ err }, 'could not serve the database on a Unix socket');
      }
    }
    app.log.info({ db: db.kind, seeded, url: `http://localhost:${config.port}` }, `danchu đang chạy tại http://localhost:${config.port}`);
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
}
