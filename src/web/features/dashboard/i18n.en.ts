/** English UI text of the `dashboard` web module: the same keys as `i18n.ts`, loaded only when English is chosen. */
import type { vi } from './i18n';

export const en: typeof vi = {
  dashboard: {
    title: 'Dashboard',
    hello: 'Hello, {{name}}',
    motto: 'People know, discuss, do, inspect, supervise and benefit',
    waiting: 'Waiting for you',
    nothingWaiting: 'Nothing is waiting for your action.',
    nearestDue: 'nearest due {{date}}',
    general: 'General figures',
    trend: 'Trend from {{from}} to {{to}}',
    more: 'Show {{n}} more',
    less: 'Show less',
    tone: { ok: 'On track', watch: 'To watch', behind: 'Behind, act', info: 'For information' },
  },
};
