/** Web module `plans`: plans, tasks and their progress, the legal-document registry, import of plan documents. */
import { IconBooks, IconChecklist, IconClipboardList } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';

const I = { size: 18, stroke: 1.6 };

export const plansWebModule = defineWebModule({
  name: 'plans',
  // Task pages name people's roles.
  uses: ['org'],
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
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
  shellMessages: {
    vi: {
      plans: {
        due_done: 'Xong',
        due_overdue: 'Quá hạn',
        due_due_soon: 'Sắp đến hạn',
        due_on_track: 'Trong hạn',
        due_no_deadline: 'Không hạn',
      },
    },
    en: {
      plans: {
        due_done: 'Done',
        due_overdue: 'Overdue',
        due_due_soon: 'Due soon',
        due_on_track: 'On track',
        due_no_deadline: 'No deadline',
      },
    },
  },
});
