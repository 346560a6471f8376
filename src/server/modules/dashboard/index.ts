/** The `dashboard` module: real counts contributed by every module's manifest. */
import { errorResponses } from '../../../contracts/common';
import { ZDashboard } from '../../../contracts/platform';
import { withContext } from '../../platform/http';
import { defineModule } from '../../platform/module';

declare module '../../platform/roles' {
  interface Capabilities {
    'dashboard.read': true;
  }
}

const all = ['dashboard.read'] as const;

export const dashboardModule = defineModule({
  name: 'dashboard',
  capabilities: { admin: all, office: all, leader: all, unit_head: all, staff: all, inspection: all, union: all },
  routes: async (app) => {
    app.get(
      '/dashboard',
      { schema: { tags: ['dashboard'], summary: 'Bảng điều khiển / Dashboard', response: { 200: ZDashboard, ...errorResponses } } },
      (req) => withContext(req, async (ctx) => ({ stats: await ctx.modules.dashboard(ctx) })),
    );
  },
});
