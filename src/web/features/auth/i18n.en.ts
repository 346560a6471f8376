/** English UI text of the `auth` web module: the same keys as `i18n.ts`, loaded only when English is chosen. */
import type { vi } from './i18n';

export const en: typeof vi = {
  auth: {
    title: 'Log in',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    demoTitle: 'Demo accounts',
    demoHint: 'Shared password: danchu-demo',
    currentPassword: 'Current password',
    newPassword: 'New password',
    newPasswordHint: 'At least 10 characters',
    mustChange: 'Please change your password before going on.',
    changed: 'Password changed',
    demoUse: 'Use the account {{username}}',
    demo_admin: 'System administrator',
    demo_lanhdao: 'Department leadership',
    demo_vanphong: 'Department Office (standing body)',
    demo_truongphong: 'Unit head',
    demo_canbo: 'Civil servant',
    demo_thanhtra: "People's Inspection Board",
    demo_congdoan: 'Trade union',
    repeatPassword: 'Repeat the new password',
    repeatMismatch: 'The two new passwords differ',
  },
  audit: { verb_locked: 'account locked' },
  // The log-in page's link to the citizen portal, shown before any portal page has loaded.
  portal: { loginLink: 'Citizens sending feedback or looking a submission up: go to the citizen portal' },
};
