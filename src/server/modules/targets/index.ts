/**
 * The `targets` module (issue #13): the targets the leader's dashboard judges its figures against
 * — the on-time rate of reports, the share of tasks done, the satisfaction index… — declared by
 * each module with a default (`targets` in its manifest) and set per year by the Office, audited.
 * Other modules read them with `targetsFor`.
 */
import { defineModule } from '../../platform/module';
import { targetRoutes } from './routes';
import * as tables from './tables';

export { TARGETS_ASK, targetsFor, targetsFromAnswer, targetsSql } from './service';

declare module '../../platform/roles' {
  interface Capabilities {
    'targets.read': true;
    'targets.manage': true;
  }
}

export const targetsModule = defineModule({
  name: 'targets',
  tables,
  // Those who read the dashboard's judgements see the targets; the Office keeps them.
  capabilities: {
    admin: ['targets.read', 'targets.manage'],
    office: ['targets.read', 'targets.manage'],
    leader: ['targets.read'],
    unit_head: ['targets.read'],
    staff: [],
    inspection: ['targets.read'],
    union: ['targets.read'],
  },
  routes: targetRoutes,
});
