/** The toasts' container, loaded apart from the first page (main.tsx, issue #17). */
import { Notifications } from '@mantine/notifications';

export function Toasts() {
  return <Notifications position="top-right" limit={3} />;
}
