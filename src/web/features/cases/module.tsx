/** Web module `cases`: citizen reception (schedule and register book), cases, oversight and statistics. */
import { IconChartBar, IconMail, IconUserCheck } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';

const I = { size: 18, stroke: 1.6 };

export const casesWebModule = defineWebModule({
  name: 'cases',
  routes: [
    { path: '/reception', load: pageOf(() => import('./reception/ReceptionPage'), 'ReceptionPage') },
    { path: '/cases', load: pageOf(() => import('./CasesPage'), 'CasesPage') },
    { path: '/cases/oversight', load: pageOf(() => import('./OversightPage'), 'OversightPage') },
    { path: '/cases/$id', load: pageOf(() => import('./CasePage'), 'CasePage') },
  ],
  nav: [
    {
      pillar: 'supervise',
      key: 'nav.reception',
      to: '/reception',
      capability: ['reception.manage', 'cases.read'],
      icon: <IconUserCheck {...I} />,
      order: 10,
    },
    // A case's own page (/cases/<id>) belongs to "Đơn thư"; oversight has its own entry.
    {
      pillar: 'supervise',
      key: 'nav.cases',
      to: '/cases',
      capability: 'cases.read',
      icon: <IconMail {...I} />,
      order: 20,
      activeFor: /^\/cases\/[0-9a-f-]{36}/,
    },
    {
      pillar: 'supervise',
      key: 'nav.oversight',
      to: '/cases/oversight',
      capability: 'cases.read',
      icon: <IconChartBar {...I} />,
      order: 30,
    },
  ],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
});
