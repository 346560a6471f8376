import { useUnits } from '../../ui/data';
import { useState } from 'react';
import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconArrowBarToRight, IconArrowBarRight, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SUCCESSION_LABELS, UNIT_KIND_LABELS, type TPerson, type TUnit } from '../../../contracts/org';
import { ROLE_LABELS } from '../../../contracts/roles';
import { get } from '../../api';
import { label } from '../../i18n';
import { useCan } from '../../session';
import { EmptyState, ErrorAlert, PageHeader, TableSkeleton } from '../../ui/common';
import { formatDate } from '../../ui/format';
import { UnitForm } from './UnitForm';
import { UnitStatusBadge } from './UnitStatusBadge';

function Field({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
        {name}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  );
}

export function UnitPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const canManage = useCan('org.manage');
  const [editing, setEditing] = useState(false);
  const unit = useQuery({ queryKey: ['units', 'one', id], queryFn: () => get<TUnit>(`/api/units/${id}`) });
  const people = useQuery({ queryKey: ['people', 'unit', id], queryFn: () => get<TPerson[]>(`/api/people?unitId=${id}`) });
  const allUnits = useUnits({ all: true, enabled: editing });
  const crumbs = (
    <Breadcrumbs separator="›" fz="sm">
      <Anchor component={Link} to="/org/units" size="sm">
        {t('units.title')}
      </Anchor>
      <Text size="sm" c="dimmed">
        {unit.data?.code ?? '…'}
      </Text>
    </Breadcrumbs>
  );
  if (unit.isLoading)
    return (
      <>
        {crumbs}
        <TableSkeleton rows={4} cols={2} />
      </>
    );
  if (unit.error || !unit.data)
    return (
      <>
        {crumbs}
        <ErrorAlert error={unit.error} />
      </>
    );
  const u = unit.data;
  const kindLabel = (k: string) => label(SUCCESSION_LABELS[k as keyof typeof SUCCESSION_LABELS] ?? { vi: k, en: k });
  const events = [
    ...u.predecessors.map((p) => ({ ...p, dir: 'from' as const })),
    ...u.successors.map((p) => ({ ...p, dir: 'to' as const })),
  ].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  const rows = people.data ?? [];
  return (
    <>
      <PageHeader
        above={crumbs}
        title={u.name}
        subtitle={[u.code, label(UNIT_KIND_LABELS[u.kind]), u.nameEn].filter(Boolean).join(' · ')}
        actions={
          <>
            <UnitStatusBadge unit={u} />
            {canManage && u.abilities.update ? (
              <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {t('app.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={3} fz="h5" mb="sm">
            {t('units.details')}
          </Title>
          <Stack gap={6}>
            <Field name={t('units.parent')}>
              {u.parentId ? (
                <Anchor component={Link} to={`/org/units/${u.parentId}`} size="sm">
                  {u.parentName}
                </Anchor>
              ) : (
                '—'
              )}
            </Field>
            <Field name={t('units.validFrom')}>{formatDate(u.validFrom)}</Field>
            <Field name={t('units.validTo')}>{formatDate(u.validTo)}</Field>
            <Field name={t('units.staffCount')}>{u.staffCount}</Field>
            <Field name={t('units.people')}>{u.peopleCount}</Field>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} fz="h5" mb="sm">
            {t('units.history')}
          </Title>
          {events.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('units.noHistory')}
            </Text>
          ) : (
            <Timeline bulletSize={22} lineWidth={2} active={events.length}>
              {events.map((p) => (
                <Timeline.Item
                  key={`${p.dir}${p.id}`}
                  bullet={p.dir === 'from' ? <IconArrowBarToRight size={12} /> : <IconArrowBarRight size={12} />}
                  title={
                    <Text size="sm" fw={500}>
                      {formatDate(p.effectiveOn)} · {kindLabel(p.kind)}
                    </Text>
                  }
                >
                  <Text size="sm">
                    {p.dir === 'from' ? t('units.fromPredecessor') : t('units.toSuccessor')}{' '}
                    <Anchor component={Link} to={`/org/units/${p.id}`} size="sm">
                      {p.name}
                    </Anchor>
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Paper>
      </SimpleGrid>
      <Title order={3} fz="h4" mt="lg" mb="xs">
        {t('units.peopleOf')}
      </Title>
      {people.isLoading ? <TableSkeleton rows={3} cols={3} /> : null}
      {people.data && rows.length === 0 ? (
        <Paper withBorder>
          <EmptyState title={t('units.noPeople')} hint={t('units.noPeopleHint')} />
        </Paper>
      ) : null}
      {rows.length > 0 ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people.fullName')}</Table.Th>
                  <Table.Th>{t('people.position')}</Table.Th>
                  <Table.Th>{t('people.roles')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td fw={500} fz="sm">
                      {p.fullName}
                    </Table.Td>
                    <Table.Td fz="sm">{p.position ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {p.roles
                          .filter((r) => r.unitId === id)
                          .map((r, i) => (
                            <Badge key={i} variant="light" tt="none">
                              {label(ROLE_LABELS[r.role])}
                            </Badge>
                          ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {editing ? <UnitForm unit={u} units={allUnits.data ?? []} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
