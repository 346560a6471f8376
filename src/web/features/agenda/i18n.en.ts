/** English UI text of the `agenda` web module: the same keys as `i18n.ts`, loaded only when English is chosen. */
import type { vi } from './i18n';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export const en: Shape<typeof vi> = {
  agenda: {
    title: 'My deadlines calendar',
    subtitle: 'Put your deadlines (tasks, reports, cases, reception sessions) in the calendar on your phone, Outlook or Google Calendar',
    active: 'A calendar link is active, created on {{date}}.',
    inactive: 'No calendar link yet.',
    create: 'Create a calendar link',
    replace: 'Create a new link (the old one stops working)',
    revoke: 'Revoke the link',
    revoked: 'Calendar link revoked',
    copy: 'Copy',
    copied: 'Copied',
    urlLabel: 'Calendar subscription link (shown once)',
    hint: 'Anyone with this link sees the titles of your deadlines; do not share it. If it leaks, revoke it and create a new one. Case contents and senders’ identities are never in the calendar.',
  },
  audit: { verb_revoke: 'revoked' },
};
