/**
 * The toasts' container, loaded with the first toast (main.tsx, issue #17). Notification's sheet
 * is in `page-setup.ts` (loaded with every page already, in Mantine's order), the container's own
 * comes with it.
 */
import './page-setup';
import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

export function Toasts() {
  return <Notifications position="top-right" limit={3} />;
}
