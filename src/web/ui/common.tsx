/**
 * Small shared UI pieces: page header, loading skeletons, empty states, error alert and
 * notifications, form-error handling, a confirmation dialog, a date input in dd/mm/yyyy,
 * status badges.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Center, Group, Modal, Paper, Progress, Skeleton, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
export { Loading } from './Loading';
import { useMediaQuery } from '@mantine/hooks';
import { IconInbox, IconLock } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { parseDmy } from './format';
import { errorMessage, notifyError } from './notify';

export { errorMessage, notifyError, notifyOk } from './notify';

export function PageHeader({
  title,
  subtitle,
  actions,
  above,
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  above?: ReactNode;
}) {
  return (
    <Stack gap={4} mb="md">
      {above}
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          {/* The page's one h1 (sections use h2 and below), styled as before. */}
          <Title order={1} fz="h2">
            {title}
          </Title>
          {subtitle ? (
            <Text c="dimmed" size="sm">
              {subtitle}
            </Text>
          ) : null}
        </Stack>
        {actions ? <Group gap="xs">{actions}</Group> : null}
      </Group>
    </Stack>
  );
}

/** Placeholder rows while a table loads (keeps the layout from jumping). */
export function TableSkeleton({ rows = 6, cols = 5 }: { rows?: number; cols?: number }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" aria-busy="true" aria-label={t('app.loading')}>
      <Table>
        <Table.Tbody>
          {Array.from({ length: rows }, (_, r) => (
            <Table.Tr key={r}>
              {Array.from({ length: cols }, (_, c) => (
                <Table.Td key={c}>
                  <Skeleton height={12} radius="sm" width={c === 1 ? '80%' : '60%'} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Placeholder cards while a grid of figures loads. */
export function CardsSkeleton({ count = 4, height = 96 }: { count?: number; height?: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} height={height} radius="md" />
      ))}
    </>
  );
}

/** "Nothing here yet" with a hint of what to do about it. */
export function EmptyState({ title, hint, action, icon }: { title: string; hint?: ReactNode; action?: ReactNode; icon?: ReactNode }) {
  return (
    <Center p="xl">
      <Stack align="center" gap={6} maw={460}>
        <ThemeIcon size={44} radius="xl" variant="light" color="gray">
          {icon ?? <IconInbox size={24} />}
        </ThemeIcon>
        <Text fw={600} ta="center">
          {title}
        </Text>
        {hint ? (
          <Text size="sm" c="dimmed" ta="center">
            {hint}
          </Text>
        ) : null}
        {action}
      </Stack>
    </Center>
  );
}

/** Shown instead of a page the person's roles do not open (the server would answer 403/404). */
export function Forbidden() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconLock size={24} />}
      title={t('app.forbidden')}
      hint={t('app.forbiddenHint')}
      action={
        <Button component={Link} to="/" variant="light" mt="sm">
          {t('app.home')}
        </Button>
      }
    />
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" title={t('app.error')} mb="md" role="alert">
      {errorMessage(error)}
      {error instanceof ApiError && error.body.requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('app.requestId')}: {error.body.requestId}
        </Text>
      ) : null}
    </Alert>
  );
}

/** Field errors of a form, keyed by the server's field path ('name', 'roles.0.unitId'); '_' is the general message. */
export type FormErrors = Record<string, string>;

/**
 * Put a failed save where the person will see it: each field's message next to its input and
 * the general message in a notification. Returns the errors to keep in the form's state.
 */
export function formErrorsOf(error: unknown): FormErrors {
  notifyError(error);
  if (error instanceof ApiError) return { ...error.fieldMessages(), _: error.body.message };
  return { _: errorMessage(error) };
}

export const isStale = (error: unknown) => error instanceof ApiError && (error.body.code === 'STALE_VERSION' || error.status === 409);

/** The general message of a form, when it is not already shown next to a field. */
export function FormAlert({ errors, stale, onReload }: { errors: FormErrors; stale?: boolean; onReload?: () => void }) {
  const { t } = useTranslation();
  const fieldCount = Object.keys(errors).filter((k) => k !== '_').length;
  if (!errors._ || (fieldCount > 0 && !stale)) return null;
  return (
    <Alert color={stale ? 'yellow' : 'red'} role="alert">
      <Text size="sm">{errors._}</Text>
      {stale && onReload ? (
        <Button size="compact-sm" variant="light" color="yellow" mt="xs" onClick={onReload}>
          {t('app.reloadLatest')}
        </Button>
      ) : null}
    </Alert>
  );
}

/** A modal that fills the screen on a phone. */
export function useModalSize(size: string = 'lg'): { size: string; fullScreen: boolean } {
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  return { size, fullScreen: phone };
}

/** Ask before doing something that cannot be undone. */
export function ConfirmModal(props: {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={600}>{props.title}</Text>}
      centered
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <Stack>
        <Text size="sm">{props.message}</Text>
        {props.children}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('app.cancel')}
          </Button>
          <Button color={props.color ?? 'red'} loading={props.loading} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** State for a confirmation dialog about one item. */
export function useConfirm<T>() {
  const [item, setItem] = useState<T | null>(null);
  return { item, ask: (x: T) => setItem(x), close: () => setItem(null), opened: item !== null };
}

/** A date input that reads and shows dd/mm/yyyy, with ISO 'YYYY-MM-DD' values. */
export function DmyDateInput(
  props: Omit<DateInputProps, 'value' | 'onChange'> & { value: string | null; onChange: (v: string | null) => void },
) {
  const { t } = useTranslation();
  const { value, onChange, ...rest } = props;
  return (
    <DateInput
      placeholder={t('app.datePlaceholder')}
      {...rest}
      value={value}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
      valueFormat="DD/MM/YYYY"
      dateParser={(s) => parseDmy(s)}
      clearable
      // An icon button needs a name (WCAG 4.1.2; axe button-name).
      clearButtonProps={{ 'aria-label': t('app.clearDate') }}
      // Enter in a date field confirms the date, never submits a half-filled form (issue #14 point 4).
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
        rest.onKeyDown?.(e);
      }}
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

/** True on a phone-sized screen: lists become cards there instead of squeezed tables. */
export function usePhone(): boolean {
  return useMediaQuery('(max-width: 48em)') ?? false;
}

/**
 * A progress bar with its figure beside it (never over it) and a name for screen readers. Green
 * when complete, red only when late and not complete.
 */
export function ProgressBar({
  value,
  late = false,
  label,
  size = 'sm',
  w,
}: {
  value: number;
  late?: boolean;
  /** What the bar measures, for screen readers ("Tiến độ nhiệm vụ …"). */
  label: string;
  size?: 'xs' | 'sm' | 'md' | 'lg';
  w?: number | string;
}) {
  const v = Math.max(0, Math.min(100, Math.round(value)));
  const color = v >= 100 ? 'teal' : late ? 'red' : 'danchu';
  return (
    <Group gap={8} wrap="nowrap" w={w}>
      <Progress value={v} size={size} color={color} style={{ flex: 1, minWidth: 48 }} aria-label={`${label}: ${v}%`} />
      <Text size="xs" fw={500} w={36} ta="right" style={{ flexShrink: 0 }}>
        {v}%
      </Text>
    </Group>
  );
}
