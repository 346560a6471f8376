/** Web module `plans`: plans, tasks and their progress, the legal-document registry, import of plan documents. */
import { IconBooks, IconChecklist, IconClipboardList } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';
import { messages } from './i18n';

const I = { size: 18, stroke: 1.6 };

export const plansWebModule = defineWebModule({
  name: 'plans',
  routes: [
    { path: '/plans', load: pageOf(() => import('./PlansPage'), 'PlansPage') },
    { path: '/plans/tasks', load: pageOf(() => import('./TasksPage'), 'TasksPage') },
    { path: '/plans/documents', load: pageOf(() => import('./DocumentsPage'), 'DocumentsPage') },
    { path: '/plans/import', load: pageOf(() => import('./ImportPage'), 'ImportPage') },
    { path: '/plans/$id', load: pageOf(() => import('./PlanPage'), 'PlanPage') },
    { path: '/plans/$planId/tasks/$id', load: pageOf(() => import('./TaskPage'), 'TaskPage') },
  ],
  nav: [
    // A plan's own page (/plans/<id>) belongs to "Kế hoạch"; tasks and documents have their own entries.
    { pillar: 'do', key: 'nav.plans', to: '/plans', icon: <IconClipboardList {...I} />, order: 10, activeFor: /^\/plans\/[0-9a-f-]{36}/ },
    { pillar: 'do', key: 'nav.tasks', to: '/plans/tasks', icon: <IconChecklist {...I} />, order: 20 },
    { pillar: 'do', key: 'nav.documents', to: '/plans/documents', icon: <IconBooks {...I} />, order: 30 },
  ],
  messages,
});
