/** The `dashboard` module: real counts, and cards by pillar, contributed by every module's manifest. */
import { errorResponses } from '../../../contracts/common';
import { ZDashboard, ZPillarBoard } from '../../../contracts/platform';
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
      {
        // Kept between changes of the agency's data (response-cache.ts).
        config: { readOnly: true, cache: true },
        schema: { tags: ['dashboard'], summary: 'Bảng điều khiển / Dashboard', response: { 200: ZDashboard, ...errorResponses } },
      },
      (req) => withContext(req, async (ctx) => ({ stats: await ctx.modules.dashboard(ctx) })),
    );
    // The leader's dashboard by the six pillars (issue #13): each module's cards for this person
    // (what is on track, what is not, with drill-down) and what waits for their action.
    app.get(
      '/dashboard/pillars',
      // Not `readOnly` (issue #17): the watch card stores its snapshot (`watch_snapshots`). Kept
      // between changes of the agency's data (response-cache.ts): the snapshot is stored by the
      // first answer of the day, and the day is in the key.
      {
        config: { cache: true },
        schema: {
          tags: ['dashboard'],
          summary: 'Bảng điều khiển theo sáu trụ cột / Dashboard by the six pillars',
          response: { 200: ZPillarBoard, ...errorResponses },
        },
      },
      (req) => withContext(req, (ctx) => ctx.modules.pillars(ctx)),
    );
  },
});
