/**
 * The toasts' container, loaded with the first toast (main.tsx, issue #17), with its styles
 * (ui/page-setup.ts has Notification's too, for a page that shows one inline).
 */
import '@mantine/core/styles/Notification.css';
import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

export function Toasts() {
  return <Notifications position="top-right" limit={3} />;
}
