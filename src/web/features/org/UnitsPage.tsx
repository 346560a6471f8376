import { useState } from 'react';
import { Anchor, Button, Card, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { UNIT_KIND_LABELS, type TUnit } from '../../../contracts/org';
import { get, qs } from '../../api';
import { label } from '../../i18n';
import { useCan } from '../../session';
import { EmptyState, ErrorAlert, PageHeader, TableSkeleton } from '../../ui/common';
import { formatDate, matches } from '../../ui/format';
import { UnitForm } from './UnitForm';
import { UnitStatusBadge } from './UnitStatusBadge';

function History({ unit }: { unit: TUnit }) {
  const { t } = useTranslation();
  if (!unit.predecessors.length && !unit.successors.length)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={2}>
      {unit.predecessors.length ? (
        <Text size="xs">
          <Text span size="xs" c="dimmed">
            {t('units.predecessors')}:{' '}
          </Text>
          {unit.predecessors.map((p) => p.name).join(', ')}
        </Text>
      ) : null}
      {unit.successors.length ? (
        <Text size="xs">
          <Text span size="xs" c="dimmed">
            {t('units.successors')}:{' '}
          </Text>
          {unit.successors.map((p) => p.name).join(', ')}
        </Text>
      ) : null}
    </Stack>
  );
}

export function UnitsPage() {
  const { t } = useTranslation();
  const canManage = useCan('org.manage');
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [all, setAll] = useState(false);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<TUnit | null | undefined>(undefined);
  const list = useQuery({ queryKey: ['units', all], queryFn: () => get<TUnit[]>(`/api/units${qs({ all: all ? 'true' : undefined })}`) });
  const everything = useQuery({
    queryKey: ['units', true],
    queryFn: () => get<TUnit[]>('/api/units?all=true'),
    enabled: editing !== undefined,
  });
  const rows = (list.data ?? []).filter((u) => !filter || matches(`${u.code} ${u.name} ${u.nameEn ?? ''} ${u.parentName ?? ''}`, filter));
  const addButton = canManage ? (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
      {t('units.add')}
    </Button>
  ) : null;
  return (
    <>
      <PageHeader title={t('units.title')} subtitle={t('units.subtitle')} actions={addButton} />
      <Group mb="sm" wrap="wrap" gap="sm">
        <TextInput
          placeholder={t('units.filter')}
          aria-label={t('units.filter')}
          leftSection={<IconSearch size={16} />}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={340}
          maw="100%"
        />
        <SegmentedControl
          aria-label={t('units.show')}
          value={all ? 'all' : 'active'}
          onChange={(v) => setAll(v === 'all')}
          data={[
            { value: 'active', label: t('units.showActive') },
            { value: 'all', label: t('units.showAll') },
          ]}
        />
        {list.data ? (
          <Text size="sm" c="dimmed">
            {t('units.count', { count: rows.length })}
          </Text>
        ) : null}
      </Group>
      <ErrorAlert error={list.error} />
      {list.isLoading ? <TableSkeleton cols={phone ? 2 : 8} /> : null}
      {list.data && rows.length === 0 ? (
        <Paper withBorder>
          {filter ? (
            <EmptyState
              title={t('units.noMatch')}
              hint={t('app.noMatchHint')}
              action={
                <Button variant="light" onClick={() => setFilter('')}>
                  {t('app.clearFilter')}
                </Button>
              }
            />
          ) : (
            <EmptyState
              title={t('units.emptyTitle')}
              hint={canManage ? t('units.emptyHintManage') : t('units.emptyHint')}
              action={addButton}
            />
          )}
        </Paper>
      ) : null}
      {rows.length > 0 && phone ? (
        <Stack gap="xs">
          {rows.map((u) => (
            <Card key={u.id} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/org/units/${u.id}`} fw={600} id={`unit-name-${u.id}`}>
                    {u.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {u.code} · {label(UNIT_KIND_LABELS[u.kind])}
                    {u.parentName ? ` · ${u.parentName}` : ''}
                  </Text>
                </Stack>
                {canManage && u.abilities.update ? (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => setEditing(u)}
                    aria-describedby={`unit-name-${u.id}`}
                    style={{ flexShrink: 0 }}
                  >
                    {t('app.edit')}
                  </Button>
                ) : null}
              </Group>
              <Group gap="xs" mt={6}>
                <UnitStatusBadge unit={u} />
                <Text size="xs">
                  {formatDate(u.validFrom)} – {u.validTo ? formatDate(u.validTo) : t('units.present')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('units.staffCount')}: {u.staffCount} · {t('units.people')}: {u.peopleCount}
                </Text>
              </Group>
              {u.predecessors.length || u.successors.length ? (
                <Stack mt={6}>
                  <History unit={u} />
                </Stack>
              ) : null}
            </Card>
          ))}
        </Stack>
      ) : null}
      {rows.length > 0 && !phone ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={1040}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('units.code')}</Table.Th>
                  <Table.Th>{t('units.name')}</Table.Th>
                  <Table.Th>{t('units.kind')}</Table.Th>
                  <Table.Th>{t('units.parent')}</Table.Th>
                  <Table.Th>{t('units.validity')}</Table.Th>
                  <Table.Th>{t('app.status')}</Table.Th>
                  <Table.Th ta="right">{t('units.staffCount')}</Table.Th>
                  <Table.Th ta="right">{t('units.people')}</Table.Th>
                  <Table.Th>{t('units.history')}</Table.Th>
                  {canManage ? (
                    <Table.Th>
                      <VisuallyHidden>{t('app.actions')}</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {u.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/org/units/${u.id}`} size="sm" fw={500} id={`unit-name-${u.id}`}>
                        {u.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td fz="sm">{label(UNIT_KIND_LABELS[u.kind])}</Table.Td>
                    <Table.Td fz="sm">{u.parentName ?? '—'}</Table.Td>
                    <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(u.validFrom)}
                      <Text span size="sm" c="dimmed">
                        {' – '}
                      </Text>
                      {u.validTo ? (
                        formatDate(u.validTo)
                      ) : (
                        <Text span size="sm" c="dimmed">
                          {t('units.present')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <UnitStatusBadge unit={u} />
                    </Table.Td>
                    <Table.Td ta="right" fz="sm">
                      {u.staffCount}
                    </Table.Td>
                    <Table.Td ta="right" fz="sm">
                      {u.peopleCount}
                    </Table.Td>
                    <Table.Td maw={260}>
                      <History unit={u} />
                    </Table.Td>
                    {canManage ? (
                      <Table.Td>
                        {u.abilities.update ? (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            leftSection={<IconPencil size={14} />}
                            onClick={() => setEditing(u)}
                            aria-describedby={`unit-name-${u.id}`}
                          >
                            {t('app.edit')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {editing !== undefined ? (
        <UnitForm
          key={editing?.id ?? 'new'}
          onClose={() => setEditing(undefined)}
          unit={editing}
          units={everything.data ?? list.data ?? []}
        />
      ) : null}
    </>
  );
}
