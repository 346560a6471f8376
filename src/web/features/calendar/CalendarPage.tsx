import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EXCEPTION_KIND_LABELS, EXCEPTION_KINDS, type TCalendarDay, type TCalendarYear } from '../../../contracts/calendar';
import { ApiError, del, get, patch, post, qs } from '../../api';
import { label } from '../../i18n';
import { DmyDateInput, ErrorAlert, Loading, notifyError, notifyOk, PageHeader } from '../../ui/common';
import { formatDate, todayIso } from '../../ui/format';

const KIND_COLORS: Record<string, string> = { holiday: 'red', compensatory_off: 'orange', swap_off: 'grape', swap_workday: 'teal' };
const WEEKDAYS = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];

function MonthGrid({ year, month, days }: { year: number; month: number; days: Map<string, TCalendarDay> }) {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array(offset).fill(null), ...Array.from({ length }, (_, i) => i + 1)];
  return (
    <Paper withBorder p="xs">
      <Text fw={600} size="sm" mb={4}>Tháng {month}</Text>
      <SimpleGrid cols={7} spacing={2} verticalSpacing={2}>
        {WEEKDAYS.map((w) => <Text key={w} size="xs" c="dimmed" ta="center">{w}</Text>)}
        {cells.map((d, i) => {
          if (d === null) return <span key={i} />;
          const iso = `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const ex = days.get(iso);
          const weekend = i % 7 >= 5;
          const off = ex ? ex.kind !== 'swap_workday' : weekend;
          return (
            <Text key={i} size="xs" ta="center" title={ex?.name} fw={ex ? 700 : 400} style={{ borderRadius: 4, background: ex ? `var(--mantine-color-${KIND_COLORS[ex.kind]}-1)` : undefined }} c={off ? (ex ? `${KIND_COLORS[ex.kind]}.8` : 'dimmed') : undefined}>
              {d}
            </Text>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}

function EntryForm({ year, entry, onClose }: { year: number; entry: TCalendarDay | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState({ date: entry?.date ?? null, kind: entry?.kind ?? 'holiday', name: entry?.name ?? '', nameEn: entry?.nameEn ?? '', basis: entry?.basis ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => (entry?.id ? patch(`/api/calendar/entries/${entry.id}`, { ...v, version: entry.version }) : post(`/api/calendar/${year}/entries`, v)),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['calendar'] });
      notifyOk(t('app.saved'));
      onClose();
    },
    onError: (err) => err instanceof ApiError && setErrors({ ...err.fieldMessages(), _: err.body.message }),
  });
  return (
    <Modal opened onClose={onClose} title={t('calendar.addEntry')}>
      <form onSubmit={(e) => { e.preventDefault(); setErrors({}); save.mutate(); }}>
        <Stack>
          {errors._ ? <Text c="red" size="sm">{errors._}</Text> : null}
          <DmyDateInput label={t('calendar.date')} value={v.date} onChange={(x) => setV({ ...v, date: x })} error={errors.date} required />
          <Select label={t('calendar.kind')} data={EXCEPTION_KINDS.map((k) => ({ value: k, label: label(EXCEPTION_KIND_LABELS[k]) }))} value={v.kind} onChange={(x) => setV({ ...v, kind: (x ?? 'holiday') as typeof v.kind })} allowDeselect={false} />
          <TextInput label={t('calendar.name')} value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={errors.name} required />
          <TextInput label={t('calendar.nameEn')} value={v.nameEn} onChange={(e) => setV({ ...v, nameEn: e.currentTarget.value })} />
          <TextInput label={t('calendar.basis')} value={v.basis} onChange={(e) => setV({ ...v, basis: e.currentTarget.value })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('app.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('app.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Calculator() {
  const { t } = useTranslation();
  const [from, setFrom] = useState<string | null>(todayIso());
  const [days, setDays] = useState<number>(10);
  const [type, setType] = useState<'working' | 'calendar' | 'before'>('working');
  const result = useMutation({ mutationFn: () => get<{ due: string; steps: { date: string; text: string }[]; basis: string[] }>(`/api/calendar/compute${qs({ from, days, type })}`), onError: notifyError });
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">{t('calendar.calculator')}</Title>
      <Group align="flex-end" wrap="wrap">
        <DmyDateInput label={t('calendar.calcFrom')} value={from} onChange={setFrom} w={160} />
        <NumberInput label={t('calendar.calcDays')} value={days} onChange={(x) => setDays(Number(x) || 1)} min={1} max={3650} w={110} />
        <Select label={t('calendar.calcType')} value={type} onChange={(x) => setType((x ?? 'working') as typeof type)} data={(['working', 'calendar', 'before'] as const).map((k) => ({ value: k, label: t(`calendar.type_${k}`) }))} w={280} allowDeselect={false} />
        <Button onClick={() => result.mutate()} loading={result.isPending}>{t('calendar.compute')}</Button>
      </Group>
      {result.data ? (
        <Stack gap={2} mt="md">
          <Text fw={700}>{t('calendar.due')}: {formatDate(result.data.due)}</Text>
          {result.data.steps.map((s, i) => <Text key={i} size="xs" c="dimmed">{s.text}</Text>)}
          <Text size="xs" mt={4}>{result.data.basis.join(' · ')}</Text>
        </Stack>
      ) : null}
    </Paper>
  );
}

export function CalendarPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const [editing, setEditing] = useState<TCalendarDay | null | undefined>(undefined);
  const data = useQuery({ queryKey: ['calendar', year], queryFn: () => get<TCalendarYear>(`/api/calendar/${year}`) });
  const confirm = useMutation({
    mutationFn: (basis: string) => post(`/api/calendar/${year}/confirm`, { basis: basis || null, version: data.data?.version ?? null }),
    onSuccess: async () => { await qc.invalidateQueries({ queryKey: ['calendar'] }); notifyOk(t('app.saved')); },
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => del(`/api/calendar/entries/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar'] }),
    onError: notifyError,
  });
  const y = data.data;
  const dayMap = new Map((y?.days ?? []).map((d) => [d.date, d]));
  const editable = y?.canManage ? (y.status === 'generated' ? [] : y.entries) : [];
  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        actions={
          <Group>
            <NumberInput aria-label={t('calendar.year')} value={year} onChange={(x) => setYear(Math.min(2199, Math.max(2021, Number(x) || year)))} min={2021} max={2199} w={100} />
            {y?.canManage ? <Button variant="light" onClick={() => setEditing(null)}>{t('calendar.addEntry')}</Button> : null}
            {y?.canManage && y.status !== 'confirmed' ? <Button onClick={() => { const b = window.prompt(t('calendar.basis')) ?? ''; confirm.mutate(b); }}>{t('calendar.confirm')}</Button> : null}
          </Group>
        }
      />
      <ErrorAlert error={data.error} />
      {data.isLoading ? <Loading /> : null}
      {y ? (
        <Stack>
          <Alert color={y.status === 'confirmed' ? 'green' : y.status === 'draft' ? 'yellow' : 'blue'}>
            {t(`calendar.status_${y.status}`)}
            {y.basis ? ` — ${y.basis}` : ''}
          </Alert>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder>
              <Title order={5} p="sm">{t('calendar.entries')}</Title>
              <Table>
                <Table.Tbody>
                  {y.days.map((d) => (
                    <Table.Tr key={d.date}>
                      <Table.Td w={110}>{formatDate(d.date)}</Table.Td>
                      <Table.Td>{d.name}</Table.Td>
                      <Table.Td><Badge size="sm" color={KIND_COLORS[d.kind]} variant="light">{label(EXCEPTION_KIND_LABELS[d.kind])}</Badge></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            {editable.length ? (
              <Paper withBorder>
                <Title order={5} p="sm">{t('calendar.draftEntries')}</Title>
                <Table>
                  <Table.Tbody>
                    {editable.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td w={110}>{formatDate(d.date)}</Table.Td>
                        <Table.Td>{d.name}</Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Button size="compact-xs" variant="subtle" onClick={() => setEditing(d)}>{t('app.edit')}</Button>
                            <Button size="compact-xs" variant="subtle" color="red" onClick={() => window.confirm(t('app.confirmDelete')) && remove.mutate(d.id!)}>{t('app.delete')}</Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            ) : (
              <Calculator />
            )}
          </SimpleGrid>
          {editable.length ? <Calculator /> : null}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            {Array.from({ length: 12 }, (_, i) => <MonthGrid key={i} year={year} month={i + 1} days={dayMap} />)}
          </SimpleGrid>
        </Stack>
      ) : null}
      {editing !== undefined ? <EntryForm year={year} entry={editing} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}
