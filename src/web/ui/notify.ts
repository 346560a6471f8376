/** Toast notifications and error text, kept apart from common.tsx so the shell stays light. */
import { notifications } from '@mantine/notifications';
import i18n from '../i18n';
import { ApiError } from '../api';

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.body.message : error instanceof Error ? error.message : String(error);
}

/** Tell the person what went wrong (the server's message names the field). */
export function notifyError(error: unknown) {
  notifications.show({ color: 'red', title: i18n.t('app.error'), message: errorMessage(error) });
}

export function notifyOk(message: string) {
  notifications.show({ color: 'green', message });
}
