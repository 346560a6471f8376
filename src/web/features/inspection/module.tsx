/** Web module `inspection`: the People's Inspection Board, its work, the suggestion box and reports. */
import { IconShieldCheck } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';

export const inspectionWebModule = defineWebModule({
  name: 'inspection',
  routes: [{ path: '/inspection', load: pageOf(() => import('./InspectionPage'), 'InspectionPage') }],
  nav: [
    {
      pillar: 'inspect',
      key: 'nav.inspection',
      to: '/inspection',
      capability: 'inspection.read',
      icon: <IconShieldCheck size={18} stroke={1.6} />,
      order: 10,
    },
  ],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
});
