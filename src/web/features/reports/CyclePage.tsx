import { Anchor, Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { get } from '../../api';
import { useMe } from '../../session';
import { ErrorAlert, Loading, PageHeader } from '../../ui/common';
import { formatDate } from '../../ui/format';
import { REPORT_STATUS_COLORS } from './colors';

type Cycle = {
  id: string;
  title: string;
  dueOn: string;
  periodFrom: string;
  periodTo: string;
  cutoffOn: string;
  canManage: boolean;
  rows: { unit: { id: string; name: string }; status: string; lateDays: number | null; late: boolean; overdue: boolean }[];
};

export function CyclePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id } = useParams({ strict: false }) as { id: string };
  const c = useQuery({ queryKey: ['report-cycles', id], queryFn: () => get<Cycle>(`/api/report-cycles/${id}`) });
  if (c.isLoading) return <Loading />;
  if (!c.data) return <ErrorAlert error={c.error} />;
  const cycle = c.data;
  const headed = me.roles.filter((r) => r.role === 'unit_head' && r.unitId).map((r) => r.unitId!);
  return (
    <>
      <PageHeader
        title={`Báo cáo ${cycle.title}`}
        subtitle={`${t('reports.period')}: ${formatDate(cycle.periodFrom)} – ${formatDate(cycle.periodTo)} · ${t('reports.due')}: ${t('reports.before')} ${formatDate(cycle.dueOn)}`}
        actions={
          <>
            {headed
              .filter((u) => cycle.rows.some((r) => r.unit.id === u))
              .map((u) => (
                <Button key={u} component={Link} to={`/reports/${id}/units/${u}`}>
                  {t('reports.myReport')}
                </Button>
              ))}
            <Button variant="default" component={Link} to={`/reports/${id}/template`}>
              {t('reports.template')}
            </Button>
            {cycle.canManage || me.roles.some((r) => r.role === 'leader') ? (
              <Button variant="light" component={Link} to={`/reports/${id}/agency`}>
                {t('reports.agency')}
              </Button>
            ) : null}
          </>
        }
      />
      <Paper withBorder>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('people.unit')}</Table.Th>
              <Table.Th>{t('app.status')}</Table.Th>
              <Table.Th>{t('reports.late')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cycle.rows.map((r) => (
              <Table.Tr key={r.unit.id}>
                <Table.Td>
                  {r.status === 'not_started' && !headed.includes(r.unit.id) ? (
                    r.unit.name
                  ) : (
                    <Anchor component={Link} to={`/reports/${id}/units/${r.unit.id}`}>
                      {r.unit.name}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={REPORT_STATUS_COLORS[r.status]} variant="light">
                    {t(`reports.status_${r.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.late ? (
                    <Badge color="red">
                      {r.lateDays} {t('reports.days')}
                    </Badge>
                  ) : r.overdue ? (
                    <Badge color="red" variant="outline">
                      {t('reports.overdue')}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {cycle.rows.length === 0 ? (
          <Text c="dimmed" p="md">
            {t('app.empty')}
          </Text>
        ) : null}
      </Paper>
      <Group mt="sm">
        <Anchor component={Link} to="/reports" size="sm">
          ← {t('reports.title')}
        </Anchor>
      </Group>
    </>
  );
}
