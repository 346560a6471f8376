/** The `audit` module: the audit-log viewer and an on-line check of the hash chain. */
import { defineModule } from '../../platform/module';
import { auditRoutes } from './routes';

declare module '../../platform/roles' {
  interface Capabilities {
    'audit.read': true;
  }
}

export const auditModule = defineModule({
  name: 'audit',
  capabilities: {
    admin: ['audit.read'],
    office: ['audit.read'],
    leader: ['audit.read'],
    unit_head: [],
    staff: [],
    // The People's Inspection Board supervises (Law 10/2022 Art. 61(3): may require information).
    inspection: ['audit.read'],
    union: [],
  },
  routes: auditRoutes,
});
