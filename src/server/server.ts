/** `danchu start`: open and migrate the database, create first-start data, serve on PORT. */
import { buildApp } from './app';
import type { Config } from './platform/config';
import { openDatabase } from './platform/db';
import { MODULES } from './modules';
import { ensureInitialData } from './seed/bootstrap';

export async function startServer(config: Config): Promise<void> {
  const db = await openDatabase(config);
  try {
    await db.migrate();
    const seeded = await ensureInitialData(config, db, MODULES);
    const app = await buildApp({ config, db, startJobs: config.jobs });
    const shutdown = async (signal: string) => {
      app.log.info({ signal }, 'shutting down');
      await app.close();
      await db.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    app.log.info({ db: db.kind, seeded, url: `http://localhost:${config.port}` }, `danchu đang chạy tại http://localhost:${config.port}`);
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
}
