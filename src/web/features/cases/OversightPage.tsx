/** Oversight of cases (theo dõi, đôn đốc) and yearly statistics (thống kê đơn thư). */
import { useState } from 'react';
import { Anchor, Badge, Card, Group, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { BarChart, DonutChart } from '@mantine/charts';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  CASE_CHANNEL_LABELS,
  CASE_CHANNELS,
  CASE_KIND_LABELS,
  CASE_KINDS,
  type CaseChannel,
  type CaseKind,
  type TCaseOversight,
  type TCaseRow,
  type TCaseStatistics,
} from '../../../contracts/cases';
import { get } from '../../api';
import { label } from '../../i18n';
import { useCan } from '../../session';
import { CardsSkeleton, EmptyState, ErrorAlert, Forbidden, PageHeader, TableSkeleton } from '../../ui/common';
import { formatDate, formatDateTime, formatNumber } from '../../ui/format';
import { CaseTable, KIND_CHART_COLORS } from './common';

type Oversight = TCaseOversight;
type Stats = TCaseStatistics;

const CHANNEL_COLORS: Record<CaseChannel, string> = {
  in_person: 'indigo.6',
  letter: 'cyan.6',
  portal: 'green.6',
  hotline: 'yellow.6',
  email: 'grape.6',
  forwarded: 'gray.6',
};

function CaseList({
  title,
  hint,
  rows,
  total,
  empty,
  color,
}: {
  title: string;
  hint: string;
  rows: TCaseRow[];
  total: number;
  empty: string;
  color: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Group gap="xs" mb={2}>
        <Title order={3} fz="h4">
          {title}
        </Title>
        <Badge variant={total && color === 'red' ? 'filled' : 'light'} color={total ? color : 'gray'}>
          {total}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {hint}
      </Text>
      {rows.length ? (
        <>
          <CaseTable rows={rows} compact />
          {total > rows.length ? (
            <Text size="xs" c="dimmed" mt="xs">
              {t('cases.firstOf', { shown: rows.length, total })}
            </Text>
          ) : null}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </Paper>
  );
}

function LoadTable({
  title,
  rows,
  linkParam,
}: {
  title: string;
  rows: { id: string; name: string; open: number; overdue: number; dueSoon: number }[];
  linkParam: 'unitId' | 'handlerId';
}) {
  const { t } = useTranslation();
  const search = (id: string, due: string) => ({ [linkParam]: id, due }) as never;
  // The "not assigned" row has no id to filter by.
  const linkable = (id: string) => /^[0-9a-f-]{36}$/.test(id);
  return (
    <Paper withBorder p="md">
      <Title order={3} fz="h4" mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('app.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{linkParam === 'unitId' ? t('cases.unit') : t('cases.handler')}</Table.Th>
                <Table.Th ta="right">{t('cases.open')}</Table.Th>
                <Table.Th ta="right">{t('cases.dueSoon')}</Table.Th>
                <Table.Th ta="right">{t('cases.dueOverdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td ta="right">
                    {linkable(r.id) ? (
                      <Anchor component={Link} to="/cases" search={search(r.id, 'open')} size="sm">
                        {r.open}
                      </Anchor>
                    ) : (
                      r.open
                    )}
                  </Table.Td>
                  <Table.Td ta="right" c={r.dueSoon ? 'orange.8' : undefined} fw={r.dueSoon ? 600 : undefined}>
                    {r.dueSoon && linkable(r.id) ? (
                      <Anchor component={Link} to="/cases" search={search(r.id, 'soon')} size="sm" c="orange.8" fw={600}>
                        {r.dueSoon}
                      </Anchor>
                    ) : (
                      r.dueSoon
                    )}
                  </Table.Td>
                  <Table.Td ta="right" c={r.overdue ? 'red.8' : undefined} fw={r.overdue ? 700 : undefined}>
                    {r.overdue && linkable(r.id) ? (
                      <Anchor component={Link} to="/cases" search={search(r.id, 'overdue')} size="sm" c="red.8" fw={700}>
                        {r.overdue}
                      </Anchor>
                    ) : (
                      r.overdue
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** Reveals of a denouncer after a reassignment, for supervision (Law 25/2018 Arts. 8(3), 47). */
function RevealsAfterReassignment({ rows }: { rows: Oversight['revealsAfterReassignment'] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Group gap="xs" mb={2}>
        <Title order={3} fz="h4">
          {t('cases.revealsAfterReassignment')}
        </Title>
        <Badge variant={rows.length ? 'filled' : 'light'} color={rows.length ? 'orange' : 'gray'}>
          {rows.length}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('cases.revealsAfterReassignmentHint')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.revealsNone')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.code')}</Table.Th>
                <Table.Th>{t('cases.revealedBy')}</Table.Th>
                <Table.Th>{t('cases.revealedAt')}</Table.Th>
                <Table.Th>{t('cases.reassignedOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.caseId}-${r.revealedAt}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${r.caseId}`} size="sm">
                      {r.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.revealedBy}</Table.Td>
                  <Table.Td>{formatDateTime(r.revealedAt)}</Table.Td>
                  <Table.Td>{formatDate(r.reassignedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function Watch() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['cases', 'oversight'], queryFn: () => get<Oversight>('/api/cases/oversight') });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <TableSkeleton cols={6} />;
  const d = q.data;
  return (
    <Stack>
      <CaseList
        title={t('cases.overdueList')}
        hint={t('cases.overdueListHint')}
        rows={d.overdue}
        total={d.totals.overdue}
        empty={t('cases.noneOverdue')}
        color="red"
      />
      <CaseList
        title={t('cases.dueSoonList')}
        hint={t('cases.dueSoonListHint')}
        rows={d.dueSoon}
        total={d.totals.dueSoon}
        empty={t('cases.noneDueSoon')}
        color="orange"
      />
      <CaseList
        title={t('cases.prolongedList')}
        hint={t('cases.prolongedListHint')}
        rows={d.prolonged}
        total={d.totals.prolonged}
        empty={t('cases.noneProlonged')}
        color="yellow"
      />
      <CaseList
        title={t('cases.repeatedList')}
        hint={t('cases.repeatedListHint')}
        rows={d.repeated}
        total={d.totals.repeated}
        empty={t('cases.noneRepeated')}
        color="grape"
      />
      <RevealsAfterReassignment rows={d.revealsAfterReassignment} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <LoadTable title={t('cases.byUnit')} rows={d.byUnit.map((r) => ({ ...r, id: r.unit.id, name: r.unit.name }))} linkParam="unitId" />
        <LoadTable
          title={t('cases.byHandler')}
          rows={d.byHandler.map((r) => ({ ...r, id: r.handler.id, name: r.handler.name }))}
          linkParam="handlerId"
        />
      </SimpleGrid>
    </Stack>
  );
}

function Indicator({ name, value, hint, alarm }: { name: string; value: string; hint?: string; alarm?: boolean }) {
  return (
    <Card withBorder padding="md">
      <Stack gap={4} justify="space-between" h="100%">
        <Text size="sm" c="dimmed" lh={1.35}>
          {name}
        </Text>
        <Text fz={30} fw={700} lh={1.1} c={alarm ? 'red.8' : undefined}>
          {value}
        </Text>
        {hint ? (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

function Statistics() {
  const { t, i18n } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const q = useQuery({ queryKey: ['cases', 'stats', year], queryFn: () => get<Stats>(`/api/cases/stats?year=${year}`) });
  const n = (x: number) => formatNumber(x, i18n.language);
  const s = q.data;
  const kindName = (k: CaseKind) => label(CASE_KIND_LABELS[k]);
  const monthly = (s?.byMonth ?? []).map((m) => ({
    month: t('cases.monthShort', { m: Number(m.month.slice(5)) }),
    ...Object.fromEntries(CASE_KINDS.map((k) => [kindName(k), m[k] ?? 0])),
  }));
  const byKind = CASE_KINDS.map((k) => ({
    name: kindName(k),
    value: s?.byKind.find((x) => x.kind === k)?.count ?? 0,
    color: KIND_CHART_COLORS[k],
  })).filter((x) => x.value > 0);
  const byChannel = CASE_CHANNELS.map((c) => ({
    name: label(CASE_CHANNEL_LABELS[c]),
    value: s?.byChannel.find((x) => x.channel === c)?.count ?? 0,
    color: CHANNEL_COLORS[c],
  })).filter((x) => x.value > 0);
  const byUnit = (s?.byUnit ?? []).map((u) => ({ unit: u.unit?.name ?? t('cases.unassigned'), [t('cases.count')]: u.count }));
  const ind = s?.indicators;
  const onTimePct = ind?.resolved ? Math.round((ind.resolvedOnTime / ind.resolved) * 1000) / 10 : null;
  return (
    <Stack>
      <Group>
        <Select
          label={t('cases.year')}
          data={Array.from({ length: 6 }, (_, i) => String(thisYear - i))}
          value={year}
          onChange={(x) => setYear(x ?? String(thisYear))}
          allowDeselect={false}
          w={120}
        />
      </Group>
      <ErrorAlert error={q.error} />
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
        {ind ? (
          <>
            <Indicator name={t('cases.ind_received')} value={n(ind.received)} />
            <Indicator name={t('cases.ind_accepted')} value={n(ind.accepted)} />
            <Indicator name={t('cases.ind_resolved')} value={n(ind.resolved)} />
            <Indicator
              name={t('cases.ind_onTime')}
              value={onTimePct === null ? '—' : `${onTimePct.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN')}%`}
              hint={t('cases.ind_onTimeHint', { onTime: n(ind.resolvedOnTime), resolved: n(ind.resolved) })}
            />
            <Indicator name={t('cases.ind_overdue')} value={n(ind.overdue)} alarm={ind.overdue > 0} />
          </>
        ) : (
          <CardsSkeleton count={5} />
        )}
      </SimpleGrid>
      {s && s.indicators.received === 0 ? (
        <Paper withBorder>
          <EmptyState title={t('cases.noStats', { year })} />
        </Paper>
      ) : null}
      {s && s.indicators.received > 0 ? (
        <>
          <Paper withBorder p="md">
            <Title order={3} fz="h4" mb="sm">
              {t('cases.byMonth')}
            </Title>
            <BarChart
              h={280}
              data={monthly}
              dataKey="month"
              type="stacked"
              maxBarWidth={48}
              withLegend
              legendProps={{ verticalAlign: 'bottom' }}
              series={CASE_KINDS.map((k) => ({ name: kindName(k), color: KIND_CHART_COLORS[k] }))}
            />
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md">
              <Title order={3} fz="h4" mb="sm">
                {t('cases.byKind')}
              </Title>
              <Group justify="center">
                <DonutChart
                  data={byKind}
                  withLabels
                  withLabelsLine
                  labelsType="value"
                  withTooltip
                  size={200}
                  thickness={30}
                  chartLabel={n(s.indicators.received)}
                />
              </Group>
              <Legend items={byKind} />
            </Paper>
            <Paper withBorder p="md">
              <Title order={3} fz="h4" mb="sm">
                {t('cases.byChannel')}
              </Title>
              <Group justify="center">
                <DonutChart data={byChannel} withLabels withLabelsLine labelsType="value" withTooltip size={200} thickness={30} />
              </Group>
              <Legend items={byChannel} />
            </Paper>
          </SimpleGrid>
          {byUnit.length ? (
            <Paper withBorder p="md">
              <Title order={3} fz="h4" mb="sm">
                {t('cases.byUnitYear')}
              </Title>
              <BarChart
                h={Math.max(160, byUnit.length * 36)}
                data={byUnit}
                dataKey="unit"
                orientation="vertical"
                yAxisProps={{ width: 240 }}
                maxBarWidth={28}
                withBarValueLabel
                series={[{ name: t('cases.count'), color: 'blue.6' }]}
              />
            </Paper>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

function Legend({ items }: { items: { name: string; value: number; color: string }[] }) {
  return (
    <Group gap="md" justify="center" mt="xs">
      {items.map((x) => (
        <Group key={x.name} gap={6} wrap="nowrap">
          <span
            style={{
              width: 10,
              height: 10,
              borderRadius: 10,
              background: `var(--mantine-color-${x.color.replace('.', '-')})`,
              display: 'inline-block',
            }}
            aria-hidden
          />
          <Text size="xs">
            {x.name}: <b>{x.value}</b>
          </Text>
        </Group>
      ))}
    </Group>
  );
}

export function OversightPage() {
  const { t } = useTranslation();
  const canRead = useCan('cases.read');
  if (!canRead) return <Forbidden />;
  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to="/cases" size="sm">
            ← {t('cases.title')}
          </Anchor>
        }
        title={t('nav.oversight')}
        subtitle={t('cases.oversightSubtitle')}
      />
      <Tabs defaultValue="watch" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="watch">{t('cases.tabWatch')}</Tabs.Tab>
          <Tabs.Tab value="stats">{t('cases.tabStats')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="watch">
          <Watch />
        </Tabs.Panel>
        <Tabs.Panel value="stats">
          <Statistics />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
