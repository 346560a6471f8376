/** Web module `audit`: the audit-log viewer with the hash-chain check. */
import { IconHistory } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';

export const auditWebModule = defineWebModule({
  name: 'audit',
  // The log names every module's records and actions (their audit.type_* and audit.verb_* labels).
  uses: '*',
  routes: [{ path: '/audit', load: pageOf(() => import('./AuditPage'), 'AuditPage') }],
  nav: [
    { pillar: 'admin', key: 'nav.audit', to: '/audit', capability: 'audit.read', icon: <IconHistory size={18} stroke={1.6} />, order: 40 },
  ],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
});
