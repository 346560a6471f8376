/** Web module `audit`: the audit-log viewer with the hash-chain check. */
import { IconHistory } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';
import { messages } from './i18n';

export const auditWebModule = defineWebModule({
  name: 'audit',
  routes: [{ path: '/audit', load: pageOf(() => import('./AuditPage'), 'AuditPage') }],
  nav: [
    { pillar: 'admin', key: 'nav.audit', to: '/audit', capability: 'audit.read', icon: <IconHistory size={18} stroke={1.6} />, order: 40 },
  ],
  messages,
});
