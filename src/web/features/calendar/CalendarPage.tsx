/**
 * The agency's holiday calendar by year: the days off in force (statutory until the Office
 * confirms the year), the agency's draft with edits, a month grid, and a deadline calculator
 * that explains each counted or skipped day.
 */
import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Progress,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconCalculator,
  IconChevronLeft,
  IconChevronRight,
  IconCircleCheck,
  IconInfoCircle,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  EXCEPTION_KIND_LABELS,
  EXCEPTION_KINDS,
  type TCalendarDay,
  type TCalendarRecompute,
  type TCalendarYear,
  type TCalendarYears,
  ZCalendarEntryRequest,
  ZComputeQuery,
  ZConfirmYearRequest,
} from '../../../contracts/calendar';
import { FIRST_GENERATED_YEAR, LAST_GENERATED_YEAR } from '../../../domain/holidays';
import { del, get, patch, post, qs } from '../../api';
import { label } from '../../i18n';
import { errorsOf, showServerErrors, useSchemaForm } from '../../ui/form';
import {
  ConfirmModal,
  DmyDateInput,
  ErrorAlert,
  FormAlert,
  isStale,
  notifyError,
  notifyOk,
  PageHeader,
  TableSkeleton,
  useModalSize,
} from '../../ui/common';
import { formatDate, formatDateTime, formatWeekday, todayIso } from '../../ui/format';

type Kind = TCalendarDay['kind'];
const KIND_COLORS: Record<Kind, string> = { holiday: 'red', compensatory_off: 'orange', swap_off: 'grape', swap_workday: 'teal' };

const dayName = (d: TCalendarDay, lang: string) => (lang === 'en' && d.nameEn ? d.nameEn : d.name);

function monthName(month: number, lang: string): string {
  const s = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function MonthGrid({ year, month, days, today }: { year: number; month: number; days: Map<string, TCalendarDay>; today: string }) {
  const { t, i18n } = useTranslation();
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array<null>(offset).fill(null), ...Array.from({ length }, (_, i) => i + 1)];
  const weekdays = t('calendar.weekdaysShort').split(',');
  return (
    <Paper withBorder p="xs" component="section" aria-label={`${monthName(month, i18n.language)} ${year}`}>
      <Text fw={600} size="sm" mb={4}>
        {monthName(month, i18n.language)}
      </Text>
      <SimpleGrid cols={7} spacing={2} verticalSpacing={2}>
        {weekdays.map((w, i) => (
          <Text key={w} size="xs" c={i >= 5 ? 'dimmed' : 'gray.7'} ta="center" fw={500} aria-hidden>
            {w}
          </Text>
        ))}
        {cells.map((d, i) => {
          if (d === null) return <span key={i} />;
          const iso = `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const ex = days.get(iso);
          const weekend = i % 7 >= 5;
          const isToday = iso === today;
          const color = ex ? KIND_COLORS[ex.kind] : null;
          const cell = (
            // biome-ignore lint/correctness/useJsxKeyInIterable: the wrapper returned below carries the key.
            <Text
              size="xs"
              ta="center"
              fw={ex || isToday ? 700 : 400}
              py={2}
              style={{
                borderRadius: 4,
                background: color ? `var(--mantine-color-${color}-1)` : undefined,
                outline: isToday ? '2px solid var(--mantine-color-danchu-6)' : undefined,
                outlineOffset: -2,
              }}
              c={color ? `${color}.9` : weekend ? 'dimmed' : undefined}
              aria-label={ex ? `${formatDate(iso)}: ${dayName(ex, i18n.language)}` : undefined}
            >
              {d}
            </Text>
          );
          return ex ? (
            <Tooltip key={i} label={`${formatDate(iso)} — ${dayName(ex, i18n.language)}`} withArrow>
              {cell}
            </Tooltip>
          ) : (
            <Box key={i}>{cell}</Box>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap">
      {EXCEPTION_KINDS.map((k) => (
        <Group key={k} gap={4} wrap="nowrap">
          <Box
            w={12}
            h={12}
            style={{
              borderRadius: 3,
              background: `var(--mantine-color-${KIND_COLORS[k]}-1)`,
              border: `1px solid var(--mantine-color-${KIND_COLORS[k]}-4)`,
            }}
          />
          <Text size="xs">{label(EXCEPTION_KIND_LABELS[k])}</Text>
        </Group>
      ))}
      <Group gap={4} wrap="nowrap">
        <Box w={12} h={12} style={{ borderRadius: 3, outline: '2px solid var(--mantine-color-danchu-6)', outlineOffset: -2 }} />
        <Text size="xs">{t('calendar.today')}</Text>
      </Group>
    </Group>
  );
}

type EntryValues = { date: string | null; kind: Kind; name: string; nameEn: string; basis: string };
const entryValues = (e: Partial<TCalendarDay> | null): EntryValues => ({
  date: e?.date ?? null,
  kind: e?.kind ?? 'holiday',
  name: e?.name ?? '',
  nameEn: e?.nameEn ?? '',
  basis: e?.basis ?? '',
});
/** The request body of the entry form (ZCalendarEntryRequest; an edit adds the version read). */
const entryRequest = (v: EntryValues) => ({ date: v.date, kind: v.kind, name: v.name, nameEn: v.nameEn || null, basis: v.basis || null });

function EntryForm({ year, entry, onClose }: { year: number; entry: Partial<TCalendarDay> | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const modal = useModalSize('md');
  const [current, setCurrent] = useState(entry);
  const form = useSchemaForm({ schema: ZCalendarEntryRequest, initialValues: entryValues(entry), toRequest: entryRequest });
  const v = form.values;
  const errors = errorsOf(form);
  const [stale, setStale] = useState(false);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof entryRequest>) =>
      current?.id
        ? patch(`/api/calendar/entries/${current.id}`, { ...body, version: current.version })
        : post(`/api/calendar/${year}/entries`, body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['calendar'] });
      notifyOk(t('app.saved'));
      onClose();
    },
    onError: (err) => {
      setStale(isStale(err));
      showServerErrors(form, err);
    },
  });
  async function reload() {
    const fresh = await get<TCalendarYear>(`/api/calendar/${year}`);
    const e = fresh.entries.find((x) => x.id === current?.id) ?? null;
    setCurrent(e);
    form.setValues(entryValues(e));
    form.clearErrors();
    setStale(false);
    await qc.invalidateQueries({ queryKey: ['calendar'] });
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{current?.id ? t('calendar.editEntry') : t('calendar.addEntry')}</Text>}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      size={modal.size}
      fullScreen={modal.fullScreen}
    >
      <form onSubmit={form.onSubmit((body) => save.mutate(body))} noValidate>
        <Stack>
          <FormAlert errors={errors} stale={stale} onReload={() => void reload()} />
          <DmyDateInput
            label={t('calendar.date')}
            {...form.getInputProps('date')}
            value={v.date}
            required
            minDate={`${year}-01-01`}
            maxDate={`${year}-12-31`}
            defaultDate={`${year}-01-01`}
          />
          <Select
            label={t('calendar.kind')}
            data={EXCEPTION_KINDS.map((k) => ({ value: k, label: label(EXCEPTION_KIND_LABELS[k]) }))}
            value={v.kind}
            onChange={(x) => form.setFieldValue('kind', (x ?? 'holiday') as Kind)}
            allowDeselect={false}
            error={errors.kind}
          />
          <TextInput label={t('calendar.name')} {...form.getInputProps('name')} required />
          <TextInput label={t('calendar.nameEn')} {...form.getInputProps('nameEn')} />
          <TextInput label={t('calendar.basis')} description={t('calendar.basisHint')} {...form.getInputProps('basis')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The request body of the confirm form (ZConfirmYearRequest; the POST adds the version read). */
const confirmRequest = (v: { basis: string }) => ({ basis: v.basis.trim() });

function ConfirmYearForm({ y, onClose }: { y: TCalendarYear; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useSchemaForm({ schema: ZConfirmYearRequest, initialValues: { basis: y.basis ?? '' }, toRequest: confirmRequest });
  const errors = errorsOf(form);
  const confirm = useMutation({
    mutationFn: (body: ReturnType<typeof confirmRequest>) => post(`/api/calendar/${y.year}/confirm`, { ...body, version: y.version }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['calendar'] });
      notifyOk(t('calendar.confirmed', { year: y.year }));
      onClose();
    },
    onError: (err) => showServerErrors(form, err),
  });
  const list = y.status === 'generated' ? y.proposals : y.entries;
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{t('calendar.confirmTitle', { year: y.year })}</Text>}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      centered
      size="lg"
    >
      <form onSubmit={form.onSubmit((body) => confirm.mutate(body))} noValidate>
        <Stack>
          <Text size="sm">{t('calendar.confirmExplain', { count: list.length })}</Text>
          {y.status === 'generated' ? (
            <Alert color="blue" icon={<IconInfoCircle size={18} />}>
              {t('calendar.confirmFromStatutory')}
            </Alert>
          ) : null}
          <FormAlert errors={errors} stale={isStale(confirm.error)} />
          <TextInput
            label={t('calendar.basis')}
            description={t('calendar.basisHint')}
            required
            {...form.getInputProps('basis')}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" leftSection={<IconCircleCheck size={16} />} loading={confirm.isPending}>
              {t('calendar.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type Computation = { due: string; steps: { date: string; action: string; text: string }[]; basis: string[] };
const STEP_COLORS: Record<string, string> = { event: 'gray.7', counted: 'dark', skipped: 'dimmed', due: 'danchu.8' };

type CalcType = 'working' | 'calendar' | 'before';
type CalcValues = { from: string | null; days: number | string; type: CalcType };
/** The query of the calculator (ZComputeQuery, which reads the day count as the server does: empty is 0). */
const calcRequest = (v: CalcValues) => ({ from: v.from, days: v.days, type: v.type });

function Calculator({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const thisYear = todayIso().slice(0, 4) === String(year);
  const form = useSchemaForm<CalcValues, ReturnType<typeof calcRequest>>({
    schema: ZComputeQuery,
    toRequest: calcRequest,
    initialValues: { from: thisYear ? todayIso() : `${year}-01-02`, days: 10, type: 'working' },
  });
  const v = form.values;
  const errors = errorsOf(form);
  const result = useMutation({
    mutationFn: (q: ReturnType<typeof calcRequest>) => get<Computation>(`/api/calendar/compute${qs(q)}`),
    onError: (err) => showServerErrors(form, err),
  });
  return (
    <Paper withBorder p="md">
      <Group gap="xs" mb="xs">
        <IconCalculator size={18} />
        <Title order={3} fz="h5">
          {t('calendar.calculator')}
        </Title>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('calendar.calculatorHint')}
      </Text>
      <form onSubmit={form.onSubmit((q) => result.mutate(q))} noValidate>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DmyDateInput
            label={t('calendar.calcFrom')}
            value={v.from}
            onChange={(x) => form.setFieldValue('from', x)}
            error={errors.from}
            required
          />
          <NumberInput
            label={t('calendar.calcDays')}
            value={v.days}
            onChange={(x) => form.setFieldValue('days', x)}
            error={errors.days}
            min={1}
            max={3650}
            allowDecimal={false}
            allowNegative={false}
            required
          />
        </SimpleGrid>
        <Select
          mt="sm"
          label={t('calendar.calcType')}
          value={v.type}
          onChange={(x) => form.setFieldValue('type', (x ?? 'working') as CalcType)}
          error={errors.type}
          data={(['working', 'calendar', 'before'] as const).map((k) => ({ value: k, label: t(`calendar.type_${k}`) }))}
          allowDeselect={false}
        />
        <FormAlert errors={errors} />
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={result.isPending} leftSection={<IconCalculator size={16} />}>
            {t('calendar.compute')}
          </Button>
        </Group>
      </form>
      {result.data ? (
        <Stack gap={4} mt="md" aria-live="polite">
          <Paper bg="var(--mantine-color-danchu-0)" p="sm" radius="md">
            <Text size="sm" c="dimmed">
              {t('calendar.due')}
            </Text>
            <Text fz={24} fw={700} lh={1.2}>
              {formatDate(result.data.due)}
            </Text>
            <Text size="sm">{formatWeekday(result.data.due, i18n.language)}</Text>
          </Paper>
          <Text size="sm" fw={600} mt="xs">
            {t('calendar.steps')}
          </Text>
          <ScrollArea.Autosize mah={260} type="auto">
            <Stack gap={2}>
              {result.data.steps.map((s, i) => (
                <Text key={i} size="xs" c={STEP_COLORS[s.action] ?? undefined} fw={s.action === 'due' ? 700 : 400}>
                  {s.text}
                </Text>
              ))}
            </Stack>
          </ScrollArea.Autosize>
          {result.data.basis.length ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t('calendar.legalBasis')}: {result.data.basis.join('; ')}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}

function DayTable({
  rows,
  statutory,
  onEdit,
  onDelete,
}: {
  rows: TCalendarDay[];
  statutory?: Set<string>;
  onEdit?: (d: TCalendarDay) => void;
  onDelete?: (d: TCalendarDay) => void;
}) {
  const { t, i18n } = useTranslation();
  if (!rows.length)
    return (
      <Text c="dimmed" size="sm" p="md">
        {t('calendar.noDays')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table verticalSpacing={6} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('calendar.date')}</Table.Th>
            <Table.Th>{t('calendar.name')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('calendar.kind')}</Table.Th>
            {onEdit ? (
              <Table.Th>
                <VisuallyHidden>{t('app.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((d) => (
            <Table.Tr key={d.id ?? d.date}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={500}>
                  {formatDate(d.date)}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatWeekday(d.date, i18n.language)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{dayName(d, i18n.language)}</Text>
                {d.basis ? (
                  <Text size="xs" c="dimmed">
                    {d.basis}
                  </Text>
                ) : null}
                <Badge size="xs" color={KIND_COLORS[d.kind]} variant="light" hiddenFrom="sm" mt={2}>
                  {label(EXCEPTION_KIND_LABELS[d.kind])}
                </Badge>
                {statutory && !statutory.has(`${d.date}|${d.kind}`) ? (
                  <Badge size="xs" variant="outline" color="yellow" mt={2} tt="none">
                    {t('calendar.notStatutory')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Badge size="sm" color={KIND_COLORS[d.kind]} variant="light">
                  {label(EXCEPTION_KIND_LABELS[d.kind])}
                </Badge>
              </Table.Td>
              {onEdit ? (
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`${t('app.edit')}: ${formatDate(d.date)}`} onClick={() => onEdit(d)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('app.delete')}: ${formatDate(d.date)}`}
                      onClick={() => onDelete?.(d)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The background recomputation of open cases' deadlines after the latest change (issue #17):
 * polled every second while it is queued or running, then its outcome.
 */
function RecomputeStatus() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['calendar', 'recompute'],
    queryFn: () => get<{ recompute: TCalendarRecompute | null }>('/api/calendar/recompute'),
    refetchInterval: (x) => {
      const s = x.state.data?.recompute?.status;
      return s === 'queued' || s === 'running' ? 1000 : false;
    },
  });
  const r = q.data?.recompute;
  if (!r || r.status === 'superseded') return null;
  const counts = { processed: r.processed, total: r.total, moved: r.moved };
  if (r.status === 'queued' || r.status === 'running')
    return (
      <Alert color="blue" icon={<IconInfoCircle size={18} />} title={t('calendar.recomputeRunning')} aria-live="polite">
        <Text size="sm">{r.status === 'queued' ? t('calendar.recomputeQueued') : t('calendar.recomputeProgress', counts)}</Text>
        <Progress mt="xs" value={r.total ? (100 * r.processed) / r.total : 0} animated aria-label={t('calendar.recomputeRunning')} />
      </Alert>
    );
  if (r.status === 'failed')
    return (
      <Alert color="red" icon={<IconInfoCircle size={18} />} title={t('calendar.recomputeFailed')}>
        <Text size="sm">{t('calendar.recomputeFailedHint', { at: formatDateTime(r.finishedAt) })}</Text>
      </Alert>
    );
  return (
    <Text size="sm" c="dimmed" data-testid="calendar-recompute">
      {t('calendar.recomputeDone', { ...counts, at: formatDateTime(r.finishedAt), by: r.requestedBy })}
    </Text>
  );
}

export function CalendarPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const today = todayIso();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [view, setView] = useState<'force' | 'draft'>('draft');
  const [editing, setEditing] = useState<Partial<TCalendarDay> | null | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState<TCalendarDay | null>(null);
  const data = useQuery({ queryKey: ['calendar', year], queryFn: () => get<TCalendarYear>(`/api/calendar/${year}`) });
  const inUse = useQuery({ queryKey: ['calendar', 'years'], queryFn: () => get<TCalendarYears>('/api/calendar/years') });
  // The years people look at: a few around today, and every year the agency has a calendar of its own.
  const thisYear = Number(today.slice(0, 4));
  const years = [
    ...new Set([...Array.from({ length: 7 }, (_, i) => thisYear - 3 + i), ...(inUse.data?.years.map((x) => x.year) ?? []), year]),
  ]
    .filter((x) => x >= FIRST_GENERATED_YEAR && x <= LAST_GENERATED_YEAR)
    .sort((a, b) => a - b)
    .map(String);
  const remove = useMutation({
    mutationFn: (id: string) => del(`/api/calendar/entries/${id}`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['calendar'] });
      notifyOk(t('calendar.deleted'));
      setDeleting(null);
    },
    onError: (err) => {
      notifyError(err);
      setDeleting(null);
    },
  });
  const y = data.data;
  const hasDraft = !!y && y.status === 'draft';
  const manage = !!y?.canManage;
  // What the list and the grid show: the agency's rows when it has its own (draft/confirmed), else the days in force.
  const showDraft = hasDraft && view === 'draft';
  const shown = !y ? [] : y.status === 'confirmed' ? y.entries : showDraft ? y.entries : y.days;
  const editableList = manage && y && y.status !== 'generated' && (y.status === 'confirmed' || showDraft);
  const statutory = new Set((y?.proposals ?? []).map((p) => `${p.date}|${p.kind}`));
  const missing = y && y.status !== 'generated' && editableList ? y.proposals.filter((p) => !y.entries.some((e) => e.date === p.date)) : [];
  const dayMap = new Map(shown.map((d) => [d.date, d]));
  const statusColor = y?.status === 'confirmed' ? 'green' : y?.status === 'draft' ? 'yellow' : 'blue';
  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle')}
        actions={
          <Group gap="xs" wrap="wrap">
            <Group gap={4} wrap="nowrap">
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('calendar.prevYear')}
                disabled={year <= FIRST_GENERATED_YEAR}
                onClick={() => setYear(year - 1)}
              >
                <IconChevronLeft size={16} />
              </ActionIcon>
              <Select
                aria-label={t('calendar.year')}
                data={years}
                value={String(year)}
                onChange={(x) => x && setYear(Number(x))}
                searchable
                allowDeselect={false}
                w={100}
                maxDropdownHeight={260}
              />
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('calendar.nextYear')}
                disabled={year >= LAST_GENERATED_YEAR}
                onClick={() => setYear(year + 1)}
              >
                <IconChevronRight size={16} />
              </ActionIcon>
            </Group>
            {manage ? (
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
                {t('calendar.addEntry')}
              </Button>
            ) : null}
            {manage && y && y.status !== 'confirmed' ? (
              <Button leftSection={<IconCircleCheck size={16} />} onClick={() => setConfirming(true)}>
                {t('calendar.confirm')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <ErrorAlert error={data.error} />
      {data.isLoading ? <TableSkeleton rows={8} cols={3} /> : null}
      {y ? (
        <Stack>
          <RecomputeStatus />
          <Alert color={statusColor} icon={<IconInfoCircle size={18} />} title={t(`calendar.statusTitle_${y.status}`, { year: y.year })}>
            <Text size="sm">{t(`calendar.status_${y.status}`)}</Text>
            {y.status === 'confirmed' ? (
              <Text size="sm" mt={4}>
                {t('calendar.confirmedAt', { at: formatDateTime(y.confirmedAt) })}
                {y.basis ? ` · ${t('calendar.basisShort')}: ${y.basis}` : ''}
              </Text>
            ) : null}
            {manage && y.status === 'generated' ? (
              <Text size="sm" mt={4}>
                {t('calendar.generatedManageHint')}
              </Text>
            ) : null}
          </Alert>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <Paper withBorder>
              <Group justify="space-between" p="sm" pb={4} wrap="wrap" gap="xs">
                <Title order={3} fz="h5">
                  {y.status === 'confirmed' ? t('calendar.entries') : showDraft ? t('calendar.draftEntries') : t('calendar.entries')} (
                  {shown.length})
                </Title>
                {hasDraft ? (
                  <SegmentedControl
                    size="xs"
                    value={view}
                    onChange={(x) => setView(x as typeof view)}
                    data={[
                      { value: 'draft', label: t('calendar.viewDraft') },
                      { value: 'force', label: t('calendar.viewForce') },
                    ]}
                  />
                ) : null}
              </Group>
              <DayTable
                rows={shown}
                statutory={editableList ? statutory : undefined}
                onEdit={editableList ? (d) => setEditing(d) : undefined}
                onDelete={editableList ? (d) => setDeleting(d) : undefined}
              />
              {missing.length ? (
                <Box p="sm" pt={0}>
                  <Text size="sm" fw={600} mt="sm">
                    {t('calendar.missingStatutory')}
                  </Text>
                  <Stack gap={4} mt={4}>
                    {missing.map((p) => (
                      <Group key={p.date} justify="space-between" wrap="nowrap">
                        <Text size="sm">
                          {formatDate(p.date)} — {p.name}
                        </Text>
                        <Button
                          size="compact-xs"
                          variant="light"
                          leftSection={<IconPlus size={12} />}
                          onClick={() => setEditing({ ...p, id: null })}
                        >
                          {t('app.add')}
                        </Button>
                      </Group>
                    ))}
                  </Stack>
                </Box>
              ) : null}
            </Paper>
            <Calculator key={year} year={year} />
          </SimpleGrid>
          <Group justify="space-between" wrap="wrap" mt="xs">
            <Title order={3} fz="h5">
              {t('calendar.monthView', { year })}
              {showDraft ? ` · ${t('calendar.viewDraft')}` : ''}
            </Title>
            <Legend />
          </Group>
          <SimpleGrid cols={{ base: 2, md: 3, xl: 4 }} spacing="xs">
            {Array.from({ length: 12 }, (_, i) => (
              <MonthGrid key={i} year={year} month={i + 1} days={dayMap} today={today} />
            ))}
          </SimpleGrid>
        </Stack>
      ) : null}
      {editing !== undefined ? (
        <EntryForm key={editing?.id ?? editing?.date ?? 'new'} year={year} entry={editing} onClose={() => setEditing(undefined)} />
      ) : null}
      {confirming && y ? <ConfirmYearForm y={y} onClose={() => setConfirming(false)} /> : null}
      <ConfirmModal
        opened={!!deleting}
        title={t('calendar.deleteTitle')}
        message={deleting ? t('calendar.deleteMessage', { date: formatDate(deleting.date), name: deleting.name }) : ''}
        confirmLabel={t('app.delete')}
        loading={remove.isPending}
        onConfirm={() => deleting?.id && remove.mutate(deleting.id)}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
