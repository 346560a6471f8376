/** The `dashboard` module: real counts contributed by every module's manifest. */
import { errorResponses } from '../../../contracts/common';
import { ZDashboard } from '../../../contracts/platform';
import { inTenant } from '../../platform/http';
import { defineModule, type DashboardStat, type ModuleManifest } from '../manifest';

export function dashboardModule(modules: () => ModuleManifest[]) {
  return defineModule({
    name: 'dashboard',
    routes: async (app) => {
      app.get(
        '/dashboard',
        { schema: { tags: ['dashboard'], summary: 'Bảng điều khiển / Dashboard', response: { 200: ZDashboard, ...errorResponses } } },
        (req) =>
          inTenant(req, async (tx, actor) => {
            const stats: DashboardStat[] = [];
            for (const m of modules()) if (m.dashboard) stats.push(...(await m.dashboard(tx, actor)));
            return { stats };
          }),
      );
    },
  });
}
