import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { UNIT_KIND_LABELS, type TUnit } from '../../../contracts/org';
import { get, qs } from '../../api';
import { label } from '../../i18n';
import { useCan } from '../../session';
import { ErrorAlert, Loading, PageHeader } from '../../ui/common';
import { formatDate, matches } from '../../ui/format';
import { UnitForm } from './UnitForm';

export function UnitsPage() {
  const { t } = useTranslation();
  const canManage = useCan('org.manage');
  const [all, setAll] = useState(false);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<TUnit | null | undefined>(undefined);
  const list = useQuery({ queryKey: ['units', all], queryFn: () => get<TUnit[]>(`/api/units${qs({ all: all ? 'true' : undefined })}`) });
  const everything = useQuery({ queryKey: ['units', true], queryFn: () => get<TUnit[]>('/api/units?all=true') });
  const rows = (list.data ?? []).filter((u) => !filter || matches(`${u.code} ${u.name} ${u.nameEn ?? ''}`, filter));
  return (
    <>
      <PageHeader
        title={t('units.title')}
        actions={canManage ? <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>{t('units.add')}</Button> : null}
      />
      <Group mb="sm" wrap="wrap">
        <TextInput placeholder={t('units.filter')} aria-label={t('units.filter')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={320} maw="100%" />
        <Switch label={t('units.showAll')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
      </Group>
      <ErrorAlert error={list.error} />
      {list.isLoading ? <Loading /> : null}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('units.code')}</Table.Th>
                <Table.Th>{t('units.name')}</Table.Th>
                <Table.Th>{t('units.kind')}</Table.Th>
                <Table.Th>{t('units.parent')}</Table.Th>
                <Table.Th>{t('units.validFrom')}</Table.Th>
                <Table.Th>{t('units.validTo')}</Table.Th>
                <Table.Th ta="right">{t('units.staffCount')}</Table.Th>
                <Table.Th ta="right">{t('units.people')}</Table.Th>
                <Table.Th>{t('units.history')}</Table.Th>
                {canManage ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td><Text size="sm" ff="monospace">{u.code}</Text></Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/org/units/${u.id}`} size="sm">{u.name}</Anchor>
                    {!u.active && u.validTo ? <Badge ml={6} size="xs" color="gray">{t('units.closed')}</Badge> : null}
                    {!u.active && !u.validTo ? <Badge ml={6} size="xs" color="blue">{formatDate(u.validFrom)}</Badge> : null}
                  </Table.Td>
                  <Table.Td>{label(UNIT_KIND_LABELS[u.kind])}</Table.Td>
                  <Table.Td>{u.parentName ?? '—'}</Table.Td>
                  <Table.Td>{formatDate(u.validFrom)}</Table.Td>
                  <Table.Td>{formatDate(u.validTo)}</Table.Td>
                  <Table.Td ta="right">{u.staffCount}</Table.Td>
                  <Table.Td ta="right">{u.peopleCount}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {u.predecessors.length ? `${t('units.predecessors')}: ${u.predecessors.map((p) => p.name).join(', ')}` : ''}
                      {u.successors.length ? `${t('units.successors')}: ${u.successors.map((p) => p.name).join(', ')}` : ''}
                    </Text>
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      {u.abilities.update ? <Button size="compact-xs" variant="subtle" onClick={() => setEditing(u)}>{t('app.edit')}</Button> : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {rows.length === 0 && !list.isLoading ? <Text c="dimmed" p="md">{t('app.empty')}</Text> : null}
      </Paper>
      {editing !== undefined ? <UnitForm opened onClose={() => setEditing(undefined)} unit={editing} units={everything.data ?? []} /> : null}
    </>
  );
}
