import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAward, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TModelListItem } from '../../../contracts/exemplars';
import { get, qs } from '../../api';
import { useMe } from '../../session';
import { EmptyState, ErrorAlert, PageHeader, TableSkeleton } from '../../ui/common';
import { formatDate } from '../../ui/format';
import { ModelForm } from './ModelForm';

export const MODEL_STATUS_COLORS: Record<string, string> = {
  registered: 'gray',
  launched: 'blue',
  evaluated: 'cyan',
  commended: 'green',
  replicated: 'teal',
  stopped: 'red',
};

export function ModelStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    // A dot badge keeps the text dark: light green or teal text on striped rows fails the 4.5:1 contrast (WCAG 1.4.3).
    <Badge color={MODEL_STATUS_COLORS[status] ?? 'gray'} variant="dot">
      {t(`models.status_${status}`)}
    </Badge>
  );
}

export function ModelsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('all');
  const [creating, setCreating] = useState(false);
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const mayRegister = me.capabilities.includes('exemplars.manage') || me.roles.some((r) => r.role === 'unit_head');
  const list = useQuery({
    queryKey: ['models', debounced, status],
    queryFn: () =>
      get<{ items: TModelListItem[] }>(`/api/models${qs({ q: debounced || undefined, status: status === 'all' ? undefined : status })}`),
  });
  return (
    <>
      <PageHeader
        title={t('models.title')}
        subtitle={t('models.subtitle')}
        actions={mayRegister ? <Button onClick={() => setCreating(true)}>{t('models.new')}</Button> : null}
      />
      {creating ? <ModelForm onClose={() => setCreating(false)} /> : null}
      <Group mb="sm" wrap="wrap">
        <TextInput
          aria-label={t('models.searchPlaceholder')}
          placeholder={t('models.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={320}
        />
        <SegmentedControl
          value={status}
          onChange={setStatus}
          data={[
            { value: 'all', label: t('app.all') },
            ...['launched', 'evaluated', 'commended', 'replicated', 'stopped'].map((s) => ({ value: s, label: t(`models.status_${s}`) })),
          ]}
        />
      </Group>
      {list.isLoading ? <TableSkeleton /> : null}
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <EmptyState
          icon={<IconAward size={32} />}
          title={t('models.none')}
          hint={debounced ? t('app.noMatchHint') : t('models.noneHint')}
        />
      ) : null}
      {list.data?.items.length ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('models.name')}</Table.Th>
                  <Table.Th>{t('models.unit')}</Table.Th>
                  <Table.Th>{t('models.startedOn')}</Table.Th>
                  <Table.Th>{t('app.status')}</Table.Th>
                  <Table.Th>{t('models.evaluations')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/models/${m.id}`}>
                        {m.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{m.unitName}</Table.Td>
                    <Table.Td>{formatDate(m.startedOn)}</Table.Td>
                    <Table.Td>
                      <ModelStatusBadge status={m.status} />
                    </Table.Td>
                    <Table.Td>
                      {m.evaluations.length ? (
                        m.evaluations.map((e) => (
                          <Text key={e.id} size="sm">
                            {formatDate(e.evaluatedOn)}: {e.score} ({e.passed ? t('models.passed') : t('models.notPassed')})
                          </Text>
                        ))
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('models.noEvaluations')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </>
  );
}
