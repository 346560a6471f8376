/** Toast notifications and error text, kept apart from common.tsx so the shell stays light. */
import { notifications, type NotificationData } from '@mantine/notifications';
import i18n from '../i18n';
import { ApiError } from '../api';

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.body.message : error instanceof Error ? error.message : String(error);
}

/** Show a toast whose close button has a name screen readers announce (WCAG 4.1.2). */
export function showToast(data: NotificationData) {
  notifications.show({ ...data, closeButtonProps: { 'aria-label': i18n.t('app.closeNotice'), ...data.closeButtonProps } });
}

/** Tell the person what went wrong (the server's message names the field). */
export function notifyError(error: unknown) {
  showToast({ color: 'red', title: i18n.t('app.error'), message: errorMessage(error) });
}

export function notifyOk(message: string) {
  showToast({ color: 'green', message });
}
