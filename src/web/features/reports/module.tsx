/** Web module `reports`: report cycles, unit reports and their review, the consolidated agency report. */
import { IconReport } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';

export const reportsWebModule = defineWebModule({
  name: 'reports',
  // Report pages show calendars, people and plan tasks.
  uses: ['calendar', 'org', 'plans'],
  routes: [
    { path: '/reports', load: pageOf(() => import('./ReportsPage'), 'ReportsPage') },
    { path: '/reports/$id', load: pageOf(() => import('./CyclePage'), 'CyclePage') },
    { path: '/reports/$id/agency', load: pageOf(() => import('./AgencyReportPage'), 'AgencyReportPage') },
    { path: '/reports/$id/template', load: pageOf(() => import('./TemplatePage'), 'TemplatePage') },
    { path: '/reports/$id/units/$unitId', load: pageOf(() => import('./UnitReportPage'), 'UnitReportPage') },
  ],
  nav: [{ pillar: 'reports', key: 'nav.reports', to: '/reports', icon: <IconReport size={18} stroke={1.6} />, order: 10 }],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
});
