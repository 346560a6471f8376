/**
 * The `auth` module: log in, log out, change password, and `GET /api/me`; expired sessions are
 * purged every hour.
 */
import { lt } from 'drizzle-orm';
import { defineModule } from '../../platform/module';
import { purgeLimits } from '../../platform/rate-limits';
import { sessions } from '../../platform/tables';
import { authRoutes } from './routes';

export const authModule = defineModule({
  name: 'auth',
  jobs: (jobs, db) => {
    // Housekeeping: expired sessions are already refused by auth_find_session; this removes them.
    jobs.register(
      'sessions.purge',
      async () => {
        await db.owner.delete(sessions).where(lt(sessions.expiresAt, new Date()));
      },
      { cron: '17 * * * *' },
    );
    // Rate-limit and log-in counters whose window has passed.
    jobs.register('rate-limits.purge', () => purgeLimits(db.owner), { cron: '23 * * * *' });
  },
  routes: authRoutes,
});
