/** Toast notifications and error text, kept apart from common.tsx so the shell stays light. */
import { notifications } from '@mantine/notifications';
import i18n from '../i18n';
import { ApiError } from '../api';

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.body.message : error instanceof Error ? error.message : String(error);
}

/** The toast's close button needs a name (WCAG 4.1.2; axe button-name). */
const close = () => ({ 'aria-label': i18n.t('app.close') });

/** Tell the person what went wrong (the server's message names the field). */
export function notifyError(error: unknown) {
  notifications.show({ color: 'red', title: i18n.t('app.error'), message: errorMessage(error), closeButtonProps: close() });
}

export function notifyOk(message: string) {
  notifications.show({ color: 'green', message, closeButtonProps: close() });
}
