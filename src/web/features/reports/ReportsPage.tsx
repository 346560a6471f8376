import { useState } from 'react';
import {
  type REPORT_CYCLE_KINDS,
  type TReportCycle,
  type TReportCycleListItem,
  type TReportMatrix,
  ZCycleInput,
} from '../../../contracts/reports';
import { Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { BarChart, LineChart } from '@mantine/charts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TPlanSummary } from '../../../contracts/plans';
import { get, post } from '../../api';
import { useCan } from '../../session';
import { DmyDateInput, ErrorAlert, Loading, notifyError, notifyOk, PageHeader } from '../../ui/common';
import { formatDate } from '../../ui/format';
import { errorsOf, showServerErrors, useSchemaForm } from '../../ui/form';
import { lightBadge, REPORT_STATUS_COLORS } from './colors';
import { clipWords } from '../../../contracts/text';

type Cycle = TReportCycleListItem;
type Matrix = TReportMatrix;

type ReportCycleKind = (typeof REPORT_CYCLE_KINDS)[number];
type CycleValues = {
  planId: string | null;
  kind: ReportCycleKind;
  title: string;
  periodFrom: string | null;
  periodTo: string | null;
  dueOn: string | null;
  cutoffOn: string | null;
};
/** The request body of the cycle form (ZCycleInput). */
const cycleRequest = (v: CycleValues) => ({ ...v });

function CycleForm({ plans, onClose }: { plans: TPlanSummary[]; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useSchemaForm<CycleValues, ReturnType<typeof cycleRequest>>({
    schema: ZCycleInput,
    toRequest: cycleRequest,
    initialValues: { planId: null, kind: 'adhoc', title: '', periodFrom: null, periodTo: null, dueOn: null, cutoffOn: null },
  });
  const v = form.values;
  const errors = errorsOf(form);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof cycleRequest>) => post('/api/report-cycles', body),
    onSuccess: async () => {
      notifyOk(t('app.saved'));
      await qc.invalidateQueries({ queryKey: ['report-cycles'] });
      onClose();
    },
    onError: (err) => showServerErrors(form, err),
  });
  return (
    <Modal opened onClose={onClose} title={t('reports.newCycle')} closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form onSubmit={form.onSubmit((body) => save.mutate(body))} noValidate>
        <Stack>
          {errors._ ? (
            <Text c="red" size="sm">
              {errors._}
            </Text>
          ) : null}
          <Select
            label={t('plans.title')}
            data={plans.filter((p) => !p.parentPlanId).map((p) => ({ value: p.id, label: `${p.year} — ${clipWords(p.summary, 60)}` }))}
            value={v.planId}
            onChange={(x) => form.setFieldValue('planId', x)}
            error={errors.planId}
            required
          />
          <Select
            label={t('reports.kind')}
            data={[
              { value: 'six_month', label: '6 tháng / six-month' },
              { value: 'annual', label: 'Năm / annual' },
              { value: 'quarterly', label: 'Quý / quarterly' },
              { value: 'adhoc', label: 'Đột xuất / ad hoc' },
            ]}
            value={v.kind}
            onChange={(x) => form.setFieldValue('kind', (x ?? 'adhoc') as ReportCycleKind)}
            error={errors.kind}
            allowDeselect={false}
          />
          <TextInput
            label={t('reports.cycle')}
            placeholder="quý III năm 2026"
            value={v.title}
            onChange={(e) => form.setFieldValue('title', e.currentTarget.value)}
            error={errors.title}
            required
          />
          <Group grow align="flex-start">
            <DmyDateInput
              label={t('app.from')}
              value={v.periodFrom}
              onChange={(x) => form.setFieldValue('periodFrom', x)}
              error={errors.periodFrom}
              required
            />
            <DmyDateInput
              label={t('app.to')}
              value={v.periodTo}
              onChange={(x) => form.setFieldValue('periodTo', x)}
              error={errors.periodTo}
              required
            />
          </Group>
          <Group grow align="flex-start">
            <DmyDateInput
              label={`${t('reports.due')} (${t('reports.before')})`}
              value={v.dueOn}
              onChange={(x) => form.setFieldValue('dueOn', x)}
              error={errors.dueOn}
              required
            />
            <DmyDateInput
              label={t('reports.cutoff')}
              value={v.cutoffOn}
              onChange={(x) => form.setFieldValue('cutoffOn', x)}
              error={errors.cutoffOn}
            />
          </Group>
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

export function ReportsPage() {
  const [creating, setCreating] = useState(false);
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canManage = useCan('plans.manage');
  const [planId, setPlanId] = useState<string | null>(null);
  const cycles = useQuery({ queryKey: ['report-cycles'], queryFn: () => get<Cycle[]>('/api/report-cycles') });
  const matrix = useQuery({ queryKey: ['report-cycles', 'matrix'], queryFn: () => get<Matrix>('/api/reports/matrix') });
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => get<TPlanSummary[]>('/api/plans'), enabled: canManage });
  const derive = useMutation({
    mutationFn: () => post<TReportCycle[]>(`/api/plans/${planId}/report-cycles`),
    onSuccess: async (r) => {
      notifyOk(`${t('app.saved')}: ${r.length}`);
      await qc.invalidateQueries({ queryKey: ['report-cycles'] });
    },
    onError: notifyError,
  });
  return (
    <>
      <PageHeader
        title={t('reports.title')}
        actions={
          canManage ? (
            <Group>
              <Select
                aria-label={t('plans.title')}
                placeholder={t('plans.title')}
                data={(plans.data ?? [])
                  .filter((p) => !p.parentPlanId)
                  .map((p) => ({ value: p.id, label: `${p.year} — ${clipWords(p.summary, 60)}` }))}
                value={planId}
                onChange={setPlanId}
                w={320}
              />
              <Button onClick={() => derive.mutate()} disabled={!planId} loading={derive.isPending}>
                {t('reports.fromPlan')}
              </Button>
              <Button variant="light" onClick={() => setCreating(true)}>
                {t('reports.newCycle')}
              </Button>
            </Group>
          ) : null
        }
      />
      <ErrorAlert error={cycles.error} />
      {cycles.isLoading ? <Loading /> : null}
      <Text size="sm" c="dimmed" mb="xs">
        {t('reports.countsRule')}
      </Text>
      <Paper withBorder mb="md">
        <Table.ScrollContainer minWidth={700}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.cycle')}</Table.Th>
                <Table.Th>{t('reports.due')}</Table.Th>
                <Table.Th>{t('reports.accepted')}</Table.Th>
                <Table.Th>{t('reports.submitted')}</Table.Th>
                <Table.Th>{t('reports.returnedCount')}</Table.Th>
                <Table.Th>{t('reports.missing')}</Table.Th>
                <Table.Th>{t('reports.overdue')}</Table.Th>
                <Table.Th>{t('reports.late')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(cycles.data ?? []).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/reports/${c.id}`} fw={600}>
                      Báo cáo {c.title}
                    </Anchor>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {c.plan}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {t('reports.before')} {formatDate(c.dueOn)}
                  </Table.Td>
                  {(
                    [
                      ['accepted', 'green'],
                      ['submitted', 'blue'],
                      ['returned', 'grape'],
                      ['notSent', 'indigo'],
                      ['overdue', 'red'],
                      ['late', 'red'],
                    ] as const
                  ).map(([k, color]) => (
                    <Table.Td key={k}>
                      <Badge {...lightBadge(c.counts[k] ? color : 'gray')}>{c.counts[k]}</Badge>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {cycles.data?.length === 0 ? (
          <Text c="dimmed" p="md">
            {t('app.empty')}
          </Text>
        ) : null}
      </Paper>
      {creating ? <CycleForm plans={plans.data ?? []} onClose={() => setCreating(false)} /> : null}
      {matrix.data?.cycles.length ? (
        <>
          <Title order={4} mb="xs">
            {t('reports.matrix')}
          </Title>
          <Paper withBorder mb="md">
            <Table.ScrollContainer minWidth={600}>
              <Table fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('people.unit')}</Table.Th>
                    {matrix.data.cycles.map((c) => (
                      <Table.Th key={c.id}>{c.title}</Table.Th>
                    ))}
                    <Table.Th>{t('reports.onTime')}</Table.Th>
                  </Table.Tr>
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
                              <Tooltip
                                label={
                                  cell.late
                                    ? t('reports.timeliness_late', { days: cell.lateDays })
                                    : cell.overdue
                                      ? t('reports.timeliness_overdue', { days: cell.lateDays })
                                      : t(`reports.status_${cell.status}`)
                                }
                              >
                                <Badge
                                  {...(cell.late || cell.overdue
                                    ? { color: 'red.9', variant: 'filled' }
                                    : lightBadge(REPORT_STATUS_COLORS[cell.status] ?? 'gray'))}
                                >
                                  {t(`reports.status_${cell.status}`)}
                                  {cell.late || cell.overdue
                                    ? ` · ${t(cell.late ? 'reports.timeliness_late' : 'reports.timeliness_overdue', { days: cell.lateDays })}`
                                    : ''}
                                </Badge>
                              </Tooltip>
                            ) : (
                              '—'
                            )}
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
            <Title order={5} mb="sm">
              {t('reports.trend')}
            </Title>
            <LineChart
              h={220}
              data={matrix.data.trend.map((x) => ({ cycle: x.title, [t('reports.onTime')]: x.onTimeRate }))}
              dataKey="cycle"
              yAxisProps={{ domain: [0, 100] }}
              series={[{ name: t('reports.onTime'), color: 'red.7' }]}
              curveType="linear"
            />
          </Paper>
          <Paper withBorder p="md">
            <Title order={5} mb="sm">
              {t('reports.onTime')}
            </Title>
            <BarChart
              h={Math.max(200, matrix.data.rows.length * 30)}
              data={matrix.data.rows.map((r) => ({ unit: r.unit.name, [t('reports.onTime')]: r.onTimeRate }))}
              dataKey="unit"
              orientation="vertical"
              yAxisProps={{ width: 240 }}
              xAxisProps={{ domain: [0, 100] }}
              series={[{ name: t('reports.onTime'), color: 'green.7' }]}
            />
          </Paper>
        </>
      ) : null}
    </>
  );
}
