import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Select, Table, Text, Title, Tooltip } from '@mantine/core';
import { BarChart, LineChart } from '@mantine/charts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TPlanSummary } from '../../../contracts/plans';
import { get, post } from '../../api';
import { useCan } from '../../session';
import { ErrorAlert, Loading, notifyError, notifyOk, PageHeader } from '../../ui/common';
import { formatDate } from '../../ui/format';
import { REPORT_STATUS_COLORS } from './colors';


type Cycle = { id: string; title: string; plan: string; dueOn: string; periodFrom: string; periodTo: string; counts: { accepted: number; submitted: number; late: number; missing: number } };
type Matrix = { cycles: { id: string; title: string; dueOn: string }[]; rows: { unit: { id: string; name: string }; cells: Record<string, { status: string; late: boolean; overdue: boolean; lateDays: number | null }>; onTimeRate: number }[]; trend: { cycleId: string; title: string; onTimeRate: number }[] };

export function ReportsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canManage = useCan('plans.manage');
  const [planId, setPlanId] = useState<string | null>(null);
  const cycles = useQuery({ queryKey: ['report-cycles'], queryFn: () => get<Cycle[]>('/api/report-cycles') });
  const matrix = useQuery({ queryKey: ['report-cycles', 'matrix'], queryFn: () => get<Matrix>('/api/reports/matrix') });
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => get<TPlanSummary[]>('/api/plans'), enabled: canManage });
  const derive = useMutation({
    mutationFn: () => post<unknown[]>(`/api/plans/${planId}/report-cycles`),
    onSuccess: async (r) => { notifyOk(`${t('app.saved')}: ${r.length}`); await qc.invalidateQueries({ queryKey: ['report-cycles'] }); },
    onError: notifyError,
  });
  return (
    <>
      <PageHeader
        title={t('reports.title')}
        actions={canManage ? (
          <Group>
            <Select aria-label={t('plans.title')} placeholder={t('plans.title')} data={(plans.data ?? []).filter((p) => !p.parentPlanId).map((p) => ({ value: p.id, label: `${p.year} — ${p.summary.slice(0, 60)}` }))} value={planId} onChange={setPlanId} w={320} />
            <Button onClick={() => derive.mutate()} disabled={!planId} loading={derive.isPending}>{t('reports.fromPlan')}</Button>
          </Group>
        ) : null}
      />
      <ErrorAlert error={cycles.error} />
      {cycles.isLoading ? <Loading /> : null}
      <Paper withBorder mb="md">
        <Table.ScrollContainer minWidth={700}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr><Table.Th>{t('reports.cycle')}</Table.Th><Table.Th>{t('reports.due')}</Table.Th><Table.Th>{t('reports.accepted')}</Table.Th><Table.Th>{t('reports.submitted')}</Table.Th><Table.Th>{t('reports.late')}</Table.Th><Table.Th>{t('reports.missing')}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(cycles.data ?? []).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/reports/${c.id}`} fw={600}>Báo cáo {c.title}</Anchor>
                    <Text size="xs" c="dimmed" lineClamp={1}>{c.plan}</Text>
                  </Table.Td>
                  <Table.Td>{t('reports.before')} {formatDate(c.dueOn)}</Table.Td>
                  <Table.Td><Badge color="green" variant="light">{c.counts.accepted}</Badge></Table.Td>
                  <Table.Td><Badge color="blue" variant="light">{c.counts.submitted}</Badge></Table.Td>
                  <Table.Td><Badge color={c.counts.late ? 'red' : 'gray'} variant="light">{c.counts.late}</Badge></Table.Td>
                  <Table.Td><Badge color={c.counts.missing ? 'orange' : 'gray'} variant="light">{c.counts.missing}</Badge></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {cycles.data?.length === 0 ? <Text c="dimmed" p="md">{t('app.empty')}</Text> : null}
      </Paper>
      {matrix.data && matrix.data.cycles.length ? (
        <>
          <Title order={4} mb="xs">{t('reports.matrix')}</Title>
          <Paper withBorder mb="md">
            <Table.ScrollContainer minWidth={600}>
              <Table fz="sm">
                <Table.Thead>
                  <Table.Tr><Table.Th>{t('people.unit')}</Table.Th>{matrix.data.cycles.map((c) => <Table.Th key={c.id}>{c.title}</Table.Th>)}<Table.Th>{t('reports.onTime')}</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {matrix.data.rows.map((r) => (
                    <Table.Tr key={r.unit.id}>
                      <Table.Td>{r.unit.name}</Table.Td>
                      {matrix.data!.cycles.map((c) => {
                        const cell = r.cells[c.id];
                        return (
                          <Table.Td key={c.id}>
                            {cell ? (
                              <Tooltip label={cell.lateDays ? `${t('reports.late')}: ${cell.lateDays}` : t(`reports.status_${cell.status}`)}>
                                <Badge color={cell.late || cell.overdue ? 'red' : REPORT_STATUS_COLORS[cell.status]} variant={cell.late || cell.overdue ? 'filled' : 'light'}>
                                  {t(`reports.status_${cell.status}`)}{cell.late ? ` · ${t('reports.late').toLowerCase()}` : ''}
                                </Badge>
                              </Tooltip>
                            ) : '—'}
                          </Table.Td>
                        );
                      })}
                      <Table.Td>{r.onTimeRate}%</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Paper withBorder p="md" mb="md">
            <Title order={5} mb="sm">{t('reports.trend')}</Title>
            <LineChart h={220} data={matrix.data.trend.map((x) => ({ cycle: x.title, [t('reports.onTime')]: x.onTimeRate }))} dataKey="cycle" yAxisProps={{ domain: [0, 100] }} series={[{ name: t('reports.onTime'), color: 'red.7' }]} curveType="linear" />
          </Paper>
          <Paper withBorder p="md">
            <Title order={5} mb="sm">{t('reports.onTime')}</Title>
            <BarChart h={Math.max(200, matrix.data.rows.length * 30)} data={matrix.data.rows.map((r) => ({ unit: r.unit.name, [t('reports.onTime')]: r.onTimeRate }))} dataKey="unit" orientation="vertical" yAxisProps={{ width: 240 }} xAxisProps={{ domain: [0, 100] }} series={[{ name: t('reports.onTime'), color: 'green.7' }]} />
          </Paper>
        </>
      ) : null}
    </>
  );
}
