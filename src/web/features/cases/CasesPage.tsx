/** The list of cases (đơn, vụ việc) with filters, and the Office's intake. */
import { useEffect, useState } from 'react';
import { Button, Group, Paper, Select, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChartBar, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TCaseList } from '../../../contracts/cases';
import { get, qs } from '../../api';
import { useCan } from '../../session';
import { EmptyState, ErrorAlert, Forbidden, PageHeader, TableSkeleton } from '../../ui/common';
import { CaseIntakeForm } from './CaseIntakeForm';
import { CaseTable, channelOptions, kindOptions, statusOptions } from './common';
import { usePeople, useUnits } from '../../ui/data';

const PAGE = 50;
const FILTERS = ['q', 'kind', 'status', 'channel', 'unitId', 'handlerId', 'due', 'mine', 'year'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function filtersFromUrl(): Filters {
  const p = new URLSearchParams(window.location.search);
  return Object.fromEntries(FILTERS.map((k) => [k, p.get(k) ?? ''])) as Filters;
}

export function CasesPage() {
  const { t } = useTranslation();
  const canRead = useCan('cases.read');
  const canManage = useCan('cases.manage');
  const navigate = useNavigate();
  const [f, setF] = useState<Filters>(filtersFromUrl);
  const [offset, setOffset] = useState(0);
  const [intake, setIntake] = useState(false);
  const [q] = useDebouncedValue(f.q.trim(), 300);
  const units = useUnits();
  const people = usePeople(f.unitId || null);
  const set = (k: keyof Filters, v: string | null) => {
    setF((s) => ({ ...s, [k]: v ?? '', ...(k === 'unitId' ? { handlerId: '' } : {}) }));
    setOffset(0);
  };
  // Keep the filters in the address so a link (e.g. from the oversight page) or a reload keeps them.
  useEffect(() => {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (f[k]) p.set(k, f[k]);
    const s = p.toString();
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${s ? `?${s}` : ''}`);
  }, [f]);
  const params = {
    q: q || undefined,
    kind: f.kind,
    status: f.status,
    channel: f.channel,
    unitId: f.unitId,
    handlerId: f.handlerId,
    due: f.due,
    mine: f.mine === 'true' ? 'true' : undefined,
    year: f.year,
    limit: PAGE,
    offset,
  };
  const list = useQuery({
    queryKey: ['cases', 'list', params],
    queryFn: () => get<TCaseList>(`/api/cases${qs(params)}`),
    placeholderData: keepPreviousData,
    enabled: canRead,
  });
  if (!canRead) return <Forbidden />;
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  const filtered = FILTERS.some((k) => f[k]);
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  // Past the server's count cap the total is a lower bound: "10000+" (issue #17).
  const capped = list.data?.totalCapped ?? false;
  return (
    <>
      <PageHeader
        title={t('cases.title')}
        subtitle={t('cases.subtitle')}
        actions={
          <>
            <Button component={Link} to="/cases/oversight" variant="default" leftSection={<IconChartBar size={16} />}>
              {t('nav.oversight')}
            </Button>
            {canManage ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setIntake(true)}>
                {t('cases.intake')}
              </Button>
            ) : null}
          </>
        }
      />
      <Paper withBorder p="sm" mb="md">
        <Group gap="xs" wrap="wrap" align="flex-end">
          <TextInput
            aria-label={t('cases.search')}
            placeholder={t('cases.search')}
            leftSection={<IconSearch size={16} />}
            value={f.q}
            onChange={(e) => set('q', e.currentTarget.value)}
            w={{ base: '100%', sm: 260 }}
          />
          <Select
            aria-label={t('cases.kind')}
            placeholder={t('cases.kind')}
            data={kindOptions()}
            value={f.kind || null}
            onChange={(x) => set('kind', x)}
            clearable
            w={150}
          />
          <Select
            aria-label={t('app.status')}
            placeholder={t('app.status')}
            data={statusOptions()}
            value={f.status || null}
            onChange={(x) => set('status', x)}
            clearable
            w={180}
          />
          <Select
            aria-label={t('cases.channel')}
            placeholder={t('cases.channel')}
            data={channelOptions()}
            value={f.channel || null}
            onChange={(x) => set('channel', x)}
            clearable
            w={200}
          />
          <Select
            aria-label={t('cases.unit')}
            placeholder={t('cases.unit')}
            data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={f.unitId || null}
            onChange={(x) => set('unitId', x)}
            clearable
            searchable
            w={220}
            nothingFoundMessage={t('app.noResults')}
          />
          {f.unitId || f.handlerId ? (
            <Select
              aria-label={t('cases.handler')}
              placeholder={t('cases.handler')}
              data={(people.data ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
              value={f.handlerId || null}
              onChange={(x) => set('handlerId', x)}
              clearable
              searchable
              w={200}
            />
          ) : null}
          <Select
            aria-label={t('cases.dueFilter')}
            placeholder={t('cases.dueFilter')}
            data={[
              { value: 'overdue', label: t('cases.dueOverdue') },
              { value: 'soon', label: t('cases.dueSoon') },
              { value: 'open', label: t('cases.dueOpen') },
            ]}
            value={f.due || null}
            onChange={(x) => set('due', x)}
            clearable
            w={170}
          />
          <Select
            aria-label={t('cases.year')}
            placeholder={t('cases.year')}
            data={years}
            value={f.year || null}
            onChange={(x) => set('year', x)}
            clearable
            w={110}
          />
          <Switch
            label={t('cases.mine')}
            checked={f.mine === 'true'}
            onChange={(e) => set('mine', e.currentTarget.checked ? 'true' : '')}
            mb={8}
          />
          {filtered ? (
            <Button
              variant="subtle"
              size="compact-sm"
              mb={6}
              onClick={() => {
                setF(Object.fromEntries(FILTERS.map((k) => [k, ''])) as Filters);
                setOffset(0);
              }}
            >
              {t('app.clearFilter')}
            </Button>
          ) : null}
        </Group>
      </Paper>
      <ErrorAlert error={list.error} />
      {list.isLoading ? <TableSkeleton cols={8} /> : null}
      {list.data && rows.length === 0 ? (
        <Paper withBorder>
          {filtered ? (
            <EmptyState title={t('cases.noMatch')} hint={t('app.noMatchHint')} />
          ) : (
            <EmptyState
              title={t('cases.emptyTitle')}
              hint={canManage ? t('cases.emptyHintManage') : t('cases.emptyHint')}
              action={
                canManage ? (
                  <Button mt="sm" leftSection={<IconPlus size={16} />} onClick={() => setIntake(true)}>
                    {t('cases.intake')}
                  </Button>
                ) : undefined
              }
            />
          )}
        </Paper>
      ) : null}
      {rows.length ? (
        <Paper withBorder style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <CaseTable rows={rows} />
          <Group justify="space-between" p="sm">
            <Text size="sm" c="dimmed">
              {t('cases.showing', { first: offset + 1, last: offset + rows.length, total: capped ? `${total}+` : total })}
            </Text>
            <Group gap="xs">
              <Button variant="default" size="compact-sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t('app.prevPage')}
              </Button>
              <Button
                variant="default"
                size="compact-sm"
                disabled={!capped && offset + rows.length >= total}
                onClick={() => setOffset(offset + PAGE)}
              >
                {t('app.nextPage')}
              </Button>
            </Group>
          </Group>
        </Paper>
      ) : null}
      {intake ? <CaseIntakeForm onClose={() => setIntake(false)} onSaved={(c) => void navigate({ to: `/cases/${c.id}` })} /> : null}
    </>
  );
}
