/**
 * The `watch` module (issue #13, seed plan II.4, pillar "dân giám sát"): the grievance watch —
 * topics, places and phrases of cases and reception, hot spots by topic × unit × month, repeat,
 * group and prolonged grievances — and a monthly volume forecast that knows the sensitive periods
 * of the Office's calendar and shows its own back-test error. It reads grievances only through
 * the cases module's exports, which carry no identity.
 */
import { todayInVietnam } from '../../platform/clock';
import { defineModule } from '../../platform/module';
import { seedWatchDemo } from './demo';
import { watchPillars } from './pillars';
import { watchRoutes } from './routes';
import { refreshAllWatches } from './service';
import * as tables from './tables';

declare module '../../platform/roles' {
  interface Capabilities {
    'watch.read': true;
    'watch.manage': true;
  }
}

export const watchModule = defineModule({
  name: 'watch',
  tables,
  // Those who answer for grievances see the watch; the Office keeps its calendar.
  capabilities: {
    admin: [],
    office: ['watch.read', 'watch.manage'],
    leader: ['watch.read'],
    unit_head: [],
    staff: [],
    inspection: ['watch.read'],
    union: [],
  },
  routes: watchRoutes,
  // The dashboard shows the stored watch; it is computed again every morning (and on demand).
  jobs: (jobs, db, _config, modules) => {
    jobs.register(
      'watch.refresh',
      async () => {
        await refreshAllWatches(db, modules, todayInVietnam());
      },
      { cron: '15 5 * * *' },
    );
  },
  pillars: watchPillars,
  seedDemo: seedWatchDemo,
});
