import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SUCCESSION_LABELS, UNIT_KIND_LABELS, type TPerson, type TUnit } from '../../../contracts/org';
import { ROLE_LABELS } from '../../../contracts/roles';
import { get } from '../../api';
import { label } from '../../i18n';
import { ErrorAlert, Loading, PageHeader } from '../../ui/common';
import { formatDate } from '../../ui/format';

export function UnitPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const unit = useQuery({ queryKey: ['units', 'one', id], queryFn: () => get<TUnit>(`/api/units/${id}`) });
  const people = useQuery({ queryKey: ['people', 'unit', id], queryFn: () => get<TPerson[]>(`/api/people?unitId=${id}`) });
  if (unit.isLoading) return <Loading />;
  if (unit.error || !unit.data) return <ErrorAlert error={unit.error} />;
  const u = unit.data;
  const kindLabel = (k: string) => label(SUCCESSION_LABELS[k as keyof typeof SUCCESSION_LABELS] ?? { vi: k, en: k });
  return (
    <>
      <PageHeader title={u.name} subtitle={`${u.code} · ${label(UNIT_KIND_LABELS[u.kind])}`} actions={<Badge color={u.active ? 'green' : 'gray'}>{u.active ? t('units.active') : t('units.closed')}</Badge>} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Stack gap={4}>
            <Text size="sm"><b>{t('units.parent')}:</b> {u.parentName ?? '—'}</Text>
            <Text size="sm"><b>{t('units.validFrom')}:</b> {formatDate(u.validFrom)}</Text>
            <Text size="sm"><b>{t('units.validTo')}:</b> {formatDate(u.validTo)}</Text>
            <Text size="sm"><b>{t('units.staffCount')}:</b> {u.staffCount}</Text>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={5} mb="xs">{t('units.history')}</Title>
          {u.predecessors.length + u.successors.length === 0 ? <Text size="sm" c="dimmed">{t('units.none')}</Text> : null}
          {u.predecessors.map((p) => (
            <Text size="sm" key={p.id}>
              ← {t('units.predecessors')}: <Anchor component={Link} to={`/org/units/${p.id}`}>{p.name}</Anchor> ({kindLabel(p.kind)}, {formatDate(p.effectiveOn)})
            </Text>
          ))}
          {u.successors.map((p) => (
            <Text size="sm" key={p.id}>
              → {t('units.successors')}: <Anchor component={Link} to={`/org/units/${p.id}`}>{p.name}</Anchor> ({kindLabel(p.kind)}, {formatDate(p.effectiveOn)})
            </Text>
          ))}
        </Paper>
      </SimpleGrid>
      <Title order={4} mt="lg" mb="xs">{t('people.title')}</Title>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={600}>
          <Table>
            <Table.Tbody>
              {(people.data ?? []).map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.fullName}</Table.Td>
                  <Table.Td>{p.position}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.roles.filter((r) => r.unitId === id).map((r, i) => <Badge key={i} variant="light">{label(ROLE_LABELS[r.role])}</Badge>)}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {people.data?.length === 0 ? <Text c="dimmed" p="md">{t('app.empty')}</Text> : null}
      </Paper>
    </>
  );
}
