/**
 * Pieces shared by the case and reception pages: badges for kind, status and deadlines, option
 * lists from the contract's label maps, the identity form and view, the "reveal a protected
 * identity" dialog, the case table and a file upload helper. Not a lazy page module.
 */
import { useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  List,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconEye, IconLock, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  CASE_CHANNEL_LABELS,
  CASE_CHANNELS,
  CASE_KIND_LABELS,
  CASE_KINDS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  type CaseKind,
  type CaseStatus,
  type TCaseDeadlineBrief,
  type TCaseRow,
  type TIdentity,
} from '../../../contracts/cases';
import { get, post, qs } from '../../api';
import { label } from '../../i18n';
import { FormAlert, formErrorsOf, useModalSize, type FormErrors } from '../../ui/common';
import { formatDate, todayIso } from '../../ui/format';
import { clipWords } from '../../../contracts/text';

export const KIND_COLORS: Record<CaseKind, string> = { complaint: 'orange', denunciation: 'red', petition: 'teal', feedback: 'blue' };
/** Chart colours (Mantine palette shades) of the four kinds. */
export const KIND_CHART_COLORS: Record<CaseKind, string> = {
  complaint: 'orange.6',
  denunciation: 'red.7',
  petition: 'teal.6',
  feedback: 'blue.6',
};
export const STATUS_COLORS: Record<CaseStatus, string> = {
  received: 'blue',
  accepted: 'indigo',
  suspended: 'yellow',
  resolved: 'green',
  not_accepted: 'gray',
  forwarded: 'grape',
  guided: 'grape',
  information: 'gray',
  withdrawn: 'gray',
  terminated: 'dark',
  duplicate: 'gray',
};

export const kindOptions = () => CASE_KINDS.map((k) => ({ value: k, label: label(CASE_KIND_LABELS[k]) }));
export const statusOptions = () => CASE_STATUSES.map((k) => ({ value: k, label: label(CASE_STATUS_LABELS[k]) }));
export const channelOptions = () => CASE_CHANNELS.map((k) => ({ value: k, label: label(CASE_CHANNEL_LABELS[k]) }));

export function KindBadge({ kind }: { kind: CaseKind }) {
  useTranslation();
  return (
    <Badge color={KIND_COLORS[kind]} variant="light" tt="none">
      {label(CASE_KIND_LABELS[kind])}
    </Badge>
  );
}

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant={status === 'received' || status === 'accepted' ? 'filled' : 'light'} tt="none">
      {label(CASE_STATUS_LABELS[status])}
    </Badge>
  );
}

/** Days between two legal days ('YYYY-MM-DD'), b − a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A legal day plus n calendar days. */
export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Within this many calendar days a running deadline is "due soon". */
export const SOON_DAYS = 5;

export type DueState = 'done' | 'overdue' | 'due_soon' | 'on_track' | 'stopped' | 'none';

/** The state of a deadline for a badge: met, missed (or past due), soon, running or stopped. */
export function deadlineState(d: TCaseDeadlineBrief | null | undefined, today = todayIso()): DueState {
  if (!d) return 'none';
  if (d.status === 'met') return 'done';
  if (d.status === 'missed') return 'overdue';
  if (d.status === 'stopped') return 'stopped';
  if (d.due < today) return 'overdue';
  return daysBetween(today, d.due) <= SOON_DAYS ? 'due_soon' : 'on_track';
}

/** The same for a plain due date and an optional day it was done. */
export function dueDateState(due: string, doneOn: string | null, today = todayIso()): DueState {
  if (doneOn) return 'done';
  if (due < today) return 'overdue';
  return daysBetween(today, due) <= SOON_DAYS ? 'due_soon' : 'on_track';
}

const DUE_STATE_COLORS: Record<DueState, string> = {
  done: 'green',
  overdue: 'red',
  due_soon: 'orange',
  on_track: 'blue',
  stopped: 'yellow',
  none: 'gray',
};

export function CaseDueBadge({ state, days }: { state: DueState; days?: number }) {
  const { t } = useTranslation();
  const text =
    state === 'overdue' && days && days > 0
      ? t('cases.overdueDays', { count: days })
      : state === 'due_soon' && days !== undefined
        ? days === 0
          ? t('cases.dueToday')
          : t('cases.dueInDays', { count: days })
        : t(`cases.due_${state}`);
  return (
    <Badge color={DUE_STATE_COLORS[state]} variant={state === 'overdue' ? 'filled' : 'light'} tt="none" style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Badge>
  );
}

/** The date of a deadline with its state badge (red when overdue). */
export function NextDeadline({ d, overdue }: { d: TCaseDeadlineBrief | null; overdue?: boolean }) {
  const { i18n } = useTranslation();
  const today = todayIso();
  if (!d)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  let state = deadlineState(d, today);
  if (overdue && state !== 'done') state = 'overdue';
  const days = state === 'overdue' ? daysBetween(d.due, today) : state === 'due_soon' ? daysBetween(today, d.due) : undefined;
  return (
    <Tooltip label={i18n.language === 'en' ? d.titleEn : d.title} multiline maw={320} withArrow>
      <Stack gap={2} align="flex-start">
        <Text size="sm" fw={500} c={state === 'overdue' ? 'red.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {formatDate(d.due)}
        </Text>
        <CaseDueBadge state={state} days={days} />
      </Stack>
    </Tooltip>
  );
}

/** The list of cases (used on the case list and the oversight page). */
export function CaseTable({ rows, compact }: { rows: TCaseRow[]; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={compact ? 720 : 1080}>
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cases.code')}</Table.Th>
            <Table.Th>{t('cases.kind')}</Table.Th>
            {compact ? null : <Table.Th>{t('cases.channel')}</Table.Th>}
            <Table.Th>{t('cases.subject')}</Table.Th>
            {compact ? null : <Table.Th>{t('cases.receivedOn')}</Table.Th>}
            <Table.Th>{t('cases.unitHandler')}</Table.Th>
            <Table.Th>{t('cases.nextDeadline')}</Table.Th>
            <Table.Th>{t('app.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/cases/${c.id}`} fw={600} ff="monospace" size="sm">
                  {c.code}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <KindBadge kind={c.kind} />
              </Table.Td>
              {compact ? null : <Table.Td maw={160}>{label(CASE_CHANNEL_LABELS[c.channel])}</Table.Td>}
              <Table.Td maw={360}>
                <Text size="sm" lineClamp={2}>
                  {c.subject}
                </Text>
                <Group gap={4} mt={2}>
                  {c.instance === 2 ? (
                    <Badge size="xs" variant="outline" tt="none">
                      {t('cases.instance2')}
                    </Badge>
                  ) : null}
                  {c.anonymous ? (
                    <Badge size="xs" variant="outline" color="gray" tt="none">
                      {t('cases.anonymousShort')}
                    </Badge>
                  ) : null}
                  {c.repeatCount > 0 ? (
                    <Badge size="xs" variant="outline" color="orange" tt="none">
                      {t('cases.repeatCount', { count: c.repeatCount })}
                    </Badge>
                  ) : null}
                  {c.extensions > 0 ? (
                    <Badge size="xs" variant="outline" color="yellow" tt="none">
                      {t('cases.extensionsCount', { count: c.extensions })}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              {compact ? null : <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.receivedOn)}</Table.Td>}
              <Table.Td maw={220}>
                <Text size="sm">{c.unit?.name ?? '—'}</Text>
                {c.handler ? (
                  <Text size="xs" c="dimmed">
                    {c.handler.name}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <NextDeadline d={c.nextDeadline} overdue={c.overdue} />
              </Table.Td>
              <Table.Td>
                <CaseStatusBadge status={c.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export const emptyIdentity = (): TIdentity => ({ name: '', address: '', phone: '', email: '', idNumber: '' });

/** An identity with empty optional fields sent as null. */
export function cleanIdentity(i: TIdentity): TIdentity {
  const n = (s: string | null | undefined) => (s?.trim() ? s : null);
  return { name: i.name, address: n(i.address), phone: n(i.phone), email: n(i.email), idNumber: n(i.idNumber) };
}

/** The inputs of one person's identity; `errorsAt` is the field-path prefix of server errors. */
export function IdentityFields({
  value,
  onChange,
  errors,
  errorsAt,
  legend,
  onRemove,
  extra,
}: {
  value: TIdentity;
  onChange: (v: TIdentity) => void;
  errors: FormErrors;
  errorsAt: string;
  legend: string;
  onRemove?: () => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const set = (k: keyof TIdentity) => (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...value, [k]: e.currentTarget.value });
  return (
    <Paper withBorder p="sm" role="group" aria-label={legend}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Text size="sm" fw={600}>
          {legend}
        </Text>
        {onRemove ? (
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={`${t('app.delete')}: ${legend}`}>
            <IconTrash size={16} />
          </ActionIcon>
        ) : null}
      </Group>
      <Stack gap="xs">
        {extra}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput label={t('cases.idName')} value={value.name} onChange={set('name')} error={errors[`${errorsAt}.name`]} required />
          <TextInput
            label={t('cases.idNumber')}
            value={value.idNumber ?? ''}
            onChange={set('idNumber')}
            error={errors[`${errorsAt}.idNumber`]}
          />
          <TextInput
            label={t('cases.idAddress')}
            value={value.address ?? ''}
            onChange={set('address')}
            error={errors[`${errorsAt}.address`]}
            style={{ gridColumn: '1 / -1' }}
          />
          <TextInput
            label={t('cases.idPhone')}
            value={value.phone ?? ''}
            onChange={set('phone')}
            error={errors[`${errorsAt}.phone`]}
            type="tel"
          />
          <TextInput
            label={t('cases.idEmail')}
            value={value.email ?? ''}
            onChange={set('email')}
            error={errors[`${errorsAt}.email`]}
            type="email"
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** A person's identity as read-only lines. */
export function IdentityView({ identity }: { identity: TIdentity }) {
  const { t } = useTranslation();
  const rows: [string, string | null | undefined][] = [
    [t('cases.idName'), identity.name],
    [t('cases.idAddress'), identity.address],
    [t('cases.idPhone'), identity.phone],
    [t('cases.idEmail'), identity.email],
    [t('cases.idNumber'), identity.idNumber],
  ];
  return (
    <Stack gap={2}>
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <Text key={k} size="sm">
            <Text span c="dimmed" size="sm">
              {k}:
            </Text>{' '}
            {v}
          </Text>
        ))}
    </Stack>
  );
}

/** "Hidden under Arts. 8, 47 of the Law on Denunciations", with a lock. */
export function MaskedNote() {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <IconLock size={14} color="var(--mantine-color-gray-6)" aria-hidden />
      <Text size="xs" c="dimmed">
        {t('cases.maskedNote')}
      </Text>
    </Group>
  );
}

/**
 * Reveal a protected identity: ask for a reason (at least 10 characters), warn that it is
 * logged, then show the result here only. Nothing is cached: closing the dialog forgets it.
 */
export function RevealModal<T>({
  url,
  title,
  onClose,
  onRevealed,
  render,
}: {
  url: string;
  title: string;
  onClose: () => void;
  onRevealed?: () => void;
  render: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const modal = useModalSize('md');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const reveal = useMutation({
    mutationFn: () => post<T>(url, { reason }),
    onSuccess: () => onRevealed?.(),
    onError: (err) => setErrors(formErrorsOf(err)),
    gcTime: 0,
  });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      title={<Text fw={600}>{title}</Text>}
      size={modal.size}
      fullScreen={modal.fullScreen}
    >
      {reveal.data ? (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
            <Text size="sm">{t('cases.revealShownNote')}</Text>
          </Alert>
          {render(reveal.data)}
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('app.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setErrors({});
            reveal.mutate();
          }}
          noValidate
        >
          <Stack>
            <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('cases.revealWarnTitle')}>
              <Text size="sm">{t('cases.revealWarn')}</Text>
            </Alert>
            <FormAlert errors={errors} />
            <Textarea
              label={t('cases.revealReason')}
              description={t('cases.revealReasonHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
              required
              autosize
              minRows={2}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('app.cancel')}
              </Button>
              <Button
                type="submit"
                color="orange"
                leftSection={<IconEye size={16} />}
                loading={reveal.isPending}
                disabled={reason.trim().length < 10}
              >
                {t('cases.revealSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** A list of explanation lines (how a date was computed) and the legal basis. */
export function Explanation({ lines, basis }: { lines: string[]; basis?: string[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {lines.length ? (
        <List size="xs" spacing={2}>
          {lines.map((l, i) => (
            <List.Item key={i}>{l}</List.Item>
          ))}
        </List>
      ) : null}
      {basis?.length ? (
        <Text size="xs" c="dimmed">
          {t('cases.basis')}: {basis.join('; ')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Pick a case by code or subject (searched on the server). */
export function CasePicker({
  value,
  onChange,
  kind,
  excludeId,
  label: inputLabel,
  error,
  required,
  description,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  kind?: CaseKind;
  excludeId?: string;
  label: string;
  error?: string;
  required?: boolean;
  description?: ReactNode;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const found = useQuery({
    queryKey: ['cases', 'picker', kind ?? '', debounced],
    queryFn: () => get<{ rows: TCaseRow[]; total: number }>(`/api/cases${qs({ q: debounced || undefined, kind, limit: 20 })}`),
    staleTime: 30_000,
  });
  const options = (found.data?.rows ?? [])
    .filter((c) => c.id !== excludeId)
    .map((c) => ({ value: c.id, label: `${c.code} — ${clipWords(c.subject, 80)}` }));
  if (chosen && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
  return (
    <Select
      label={inputLabel}
      description={description}
      placeholder={t('cases.pickCase')}
      data={options}
      value={value}
      onChange={(v, o) => {
        setChosen(v && o ? { value: v, label: o.label } : null);
        onChange(v);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={found.isFetching ? t('app.loading') : t('app.noResults')}
      clearable
      error={error}
      required={required}
    />
  );
}

/** After a failed save, bring the first field with an error (in the open dialog) into view and focus it. */
export function focusFirstError() {
  window.setTimeout(() => {
    const el =
      document.querySelector<HTMLElement>('[role="dialog"] [aria-invalid="true"]') ??
      document.querySelector<HTMLElement>('main [aria-invalid="true"]');
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el.focus({ preventScroll: true });
  }, 50);
}

/** A "how it was computed" link that shows the explanation lines when asked. */
export function ExplainToggle({ lines, basis }: { lines: string[]; basis?: string[] }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (!lines.length && !basis?.length) return null;
  return (
    <>
      <Anchor component="button" type="button" size="xs" onClick={() => setOpened((o) => !o)} aria-expanded={opened}>
        {opened ? t('cases.hideHow') : t('cases.howComputed')}
      </Anchor>
      <Collapse expanded={opened}>
        <Explanation lines={lines} basis={basis} />
      </Collapse>
    </>
  );
}
