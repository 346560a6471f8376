/** Small shared UI pieces: page header, error alert, date input in dd/mm/yyyy, status badges. */
import type { ReactNode } from 'react';
import { Alert, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { parseDmy } from './format';

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="md" wrap="wrap" gap="sm">
      <Stack gap={2}>
        <Title order={2}>{title}</Title>
        {subtitle ? <Text c="dimmed" size="sm">{subtitle}</Text> : null}
      </Stack>
      {actions ? <Group gap="xs">{actions}</Group> : null}
    </Group>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <Group justify="center" p="xl">
      <Loader size="sm" />
      <Text c="dimmed">{t('app.loading')}</Text>
    </Group>
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const msg = error instanceof ApiError ? error.body.message : error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" title={t('app.error')} mb="md">
      {msg}
    </Alert>
  );
}

/** Tell the person what went wrong (the server's message names the field). */
export function notifyError(error: unknown) {
  const msg = error instanceof ApiError ? error.body.message : error instanceof Error ? error.message : String(error);
  notifications.show({ color: 'red', title: 'Lỗi / Error', message: msg });
}

export function notifyOk(message: string) {
  notifications.show({ color: 'green', message });
}

/** A date input that reads and shows dd/mm/yyyy, with ISO 'YYYY-MM-DD' values. */
export function DmyDateInput(props: Omit<DateInputProps, 'value' | 'onChange'> & { value: string | null; onChange: (v: string | null) => void }) {
  const { value, onChange, ...rest } = props;
  return (
    <DateInput
      {...rest}
      value={value}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
      valueFormat="DD/MM/YYYY"
      placeholder="dd/mm/yyyy"
      dateParser={(s) => parseDmy(s)}
      clearable
    />
  );
}

const DUE_COLORS: Record<string, string> = { done: 'green', overdue: 'red', due_soon: 'orange', on_track: 'blue', no_deadline: 'gray' };
export function DueBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={DUE_COLORS[state] ?? 'gray'} variant="light">
      {t(`plans.due_${state}`)}
    </Badge>
  );
}
