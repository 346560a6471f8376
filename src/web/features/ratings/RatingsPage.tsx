import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TCommendation, TRatingsOfYear } from '../../../contracts/ratings';
import { ApiError, get, patch, post } from '../../api';
import { DmyDateInput, ErrorAlert, notifyError, notifyOk, PageHeader, TableSkeleton } from '../../ui/common';
import { formatDate } from '../../ui/format';

const STATUS_COLORS: Record<string, string> = {
  not_started: 'gray',
  draft: 'yellow',
  submitted: 'blue',
  appraised: 'cyan',
  published: 'green',
  appealed: 'orange',
};

export function RatingStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  // A dot badge keeps the text dark enough on striped rows (WCAG 1.4.3).
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="dot">
      {t(`ratings.status_${status}`)}
    </Badge>
  );
}

const thisYear = () => new Date().getFullYear();

function DecideModal({ c, onClose }: { c: TCommendation; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState({ decisionNumber: '', decisionDate: null as string | null });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => patch(`/api/commendations/${c.id}`, { version: c.version, action: 'decide', ...v }),
    onSuccess: async () => {
      notifyOk(t('app.saved'));
      await qc.invalidateQueries({ queryKey: ['commendations'] });
      onClose();
    },
    onError: (err) => err instanceof ApiError && setErrors({ ...err.fieldMessages(), _: err.body.message }),
  });
  return (
    <Modal opened onClose={onClose} title={t('ratings.decide')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
      >
        <Stack>
          {errors._ ? (
            <Text c="red" size="sm" role="alert">
              {errors._}
            </Text>
          ) : null}
          <TextInput
            label={t('ratings.decisionNumber')}
            value={v.decisionNumber}
            onChange={(e) => setV({ ...v, decisionNumber: e.currentTarget.value })}
            error={errors.decisionNumber}
            required
          />
          <DmyDateInput
            label={t('ratings.decisionDate')}
            value={v.decisionDate}
            onChange={(x) => setV({ ...v, decisionDate: x })}
            error={errors.decisionDate}
            required
          />
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

function Commendations({ year, office }: { year: number; office: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [deciding, setDeciding] = useState<TCommendation | null>(null);
  const list = useQuery({ queryKey: ['commendations', year], queryFn: () => get<TCommendation[]>(`/api/commendations?year=${year}`) });
  const propose = useMutation({
    mutationFn: () => post<TCommendation[]>(`/api/commendations/propose?year=${year}`),
    onSuccess: async (made) => {
      notifyOk(t('ratings.proposed', { count: made.length }));
      await qc.invalidateQueries({ queryKey: ['commendations'] });
    },
    onError: notifyError,
  });
  const submit = useMutation({
    mutationFn: (c: TCommendation) => patch(`/api/commendations/${c.id}`, { version: c.version, action: 'submit' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['commendations'] }),
    onError: notifyError,
  });
  return (
    <Paper withBorder p="md" mt="md">
      {deciding ? <DecideModal c={deciding} onClose={() => setDeciding(null)} /> : null}
      <Group justify="space-between" mb="sm">
        <Title order={4}>
          {t('ratings.commendations')} {year}
        </Title>
        {office ? (
          <Button variant="light" loading={propose.isPending} onClick={() => propose.mutate()}>
            {t('ratings.propose')}
          </Button>
        ) : null}
      </Group>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ratings.noCommendations')}
        </Text>
      ) : null}
      {list.data?.length ? (
        <Table.ScrollContainer minWidth={760}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ratings.recipient')}</Table.Th>
                <Table.Th>{t('ratings.commendationTitle')}</Table.Th>
                <Table.Th>{t('ratings.reasonOf')}</Table.Th>
                <Table.Th>{t('app.status')}</Table.Th>
                <Table.Th>{t('ratings.decision')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.unitName ?? c.personName}</Table.Td>
                  <Table.Td>
                    {c.title} ({t(`ratings.level_${c.level}`)})
                  </Table.Td>
                  <Table.Td>{c.reason}</Table.Td>
                  <Table.Td>{t(`ratings.c_status_${c.status}`)}</Table.Td>
                  <Table.Td>
                    {c.decisionNumber ? `${c.decisionNumber}, ${formatDate(c.decisionDate)}` : null}
                    {office && c.status === 'proposed' ? (
                      <Button size="xs" variant="subtle" onClick={() => submit.mutate(c)}>
                        {t('ratings.submitProposal')}
                      </Button>
                    ) : null}
                    {office && (c.status === 'proposed' || c.status === 'submitted') ? (
                      <Button size="xs" variant="subtle" onClick={() => setDeciding(c)}>
                        {t('ratings.decide')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Paper>
  );
}

export function RatingsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [year, setYear] = useState(String(thisYear()));
  const y = Number(year);
  const data = useQuery({ queryKey: ['ratings', y], queryFn: () => get<TRatingsOfYear>(`/api/ratings?year=${y}`) });
  const [span, setSpan] = useState('3');
  // The comparison: each unit (and the agency) across the chosen number of years up to the year shown.
  const years = Array.from({ length: Number(span) }, (_, i) => y - Number(span) + 1 + i);
  const past = useQueries({
    queries: years.map((yy) => ({ queryKey: ['ratings', yy], queryFn: () => get<TRatingsOfYear>(`/api/ratings?year=${yy}`) })),
  });
  const publish = useMutation({
    mutationFn: () => post(`/api/ratings/${y}/publish`),
    onSuccess: async () => {
      notifyOk(t('ratings.published'));
      await qc.invalidateQueries({ queryKey: ['ratings'] });
    },
    onError: notifyError,
  });
  const rowsOf = (d: TRatingsOfYear | undefined) => (d ? [...d.units, d.agency] : []);
  const chart = rowsOf(data.data).map((u) => ({
    unit: u.unitId === 'agency' ? t('ratings.wholeAgency') : u.unitName.replace(/^Phòng |^Trung tâm |^Chi cục /, ''),
    ...Object.fromEntries(
      years.map((yy, i) => [String(yy), rowsOf(past[i]?.data).find((b) => b.unitId === u.unitId)?.appraisedScore ?? 0]),
    ),
  }));
  const COLORS = ['gray.4', 'teal.6', 'blue.6', 'indigo.7', 'grape.6'];
  const office = data.data?.canAppraise ?? false;
  return (
    <>
      <PageHeader
        title={t('ratings.title')}
        subtitle={t('ratings.subtitle')}
        actions={
          <>
            <Button component={Link} to="/ratings/criteria" variant="default">
              {t('ratings.criteriaLink')}
            </Button>
            <Select
              aria-label={t('ratings.year')}
              data={Array.from({ length: 6 }, (_, i) => String(thisYear() - i))}
              value={year}
              onChange={(v) => setYear(v ?? year)}
              allowDeselect={false}
              w={110}
            />
            {data.data?.canPublish ? (
              <Button loading={publish.isPending} onClick={() => publish.mutate()}>
                {t('ratings.publish')}
              </Button>
            ) : null}
          </>
        }
      />
      {data.isLoading ? <TableSkeleton /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.data && !data.data.criteriaSet ? <Text c="dimmed">{t('ratings.noCriteria')}</Text> : null}
      {data.data?.criteriaSet ? (
        <>
          <Text size="sm" mb="sm">
            <b>{t('ratings.criteriaSet')}:</b> {data.data.criteriaSet.name} ({t('ratings.effectiveFrom')}{' '}
            {formatDate(data.data.criteriaSet.effectiveFrom)}) · <b>{t('ratings.bands')}:</b>{' '}
            {[...data.data.criteriaSet.bands]
              .sort((a, b) => b.min - a.min)
              .map((b) => `${b.name} ≥ ${b.min}`)
              .join(' · ')}
          </Text>
          <Paper withBorder>
            <Table.ScrollContainer minWidth={700}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('ratings.unit')}</Table.Th>
                    <Table.Th>{t('app.status')}</Table.Th>
                    <Table.Th ta="right">{t('ratings.selfScore')}</Table.Th>
                    <Table.Th ta="right">{t('ratings.appraisedScore')}</Table.Th>
                    <Table.Th>{t('ratings.band')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[data.data.agency, ...data.data.units].map((u) => (
                    <Table.Tr key={u.unitId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/ratings/${y}/${u.unitId}`}>
                          {u.unitName}
                        </Anchor>
                        {u.unitId === 'agency' ? (
                          <Text size="xs" c="dimmed">
                            {t('ratings.agency')}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <RatingStatus status={u.status} />
                      </Table.Td>
                      <Table.Td ta="right">{u.selfScore ?? '—'}</Table.Td>
                      <Table.Td ta="right">{u.appraisedScore ?? '—'}</Table.Td>
                      <Table.Td>{u.band ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {chart.some((c) => years.some((yy) => (c as Record<string, unknown>)[String(yy)])) ? (
            <Paper withBorder p="md" mt="md">
              <Group justify="space-between" mb="sm">
                <Title order={5}>{t('ratings.compare')}</Title>
                <Select
                  aria-label={t('ratings.compareYears')}
                  data={['2', '3', '4', '5']}
                  value={span}
                  onChange={(v) => setSpan(v ?? span)}
                  allowDeselect={false}
                  w={90}
                />
              </Group>
              <BarChart
                h={300}
                data={chart}
                dataKey="unit"
                withLegend
                series={years.map((yy, i) => ({ name: String(yy), color: COLORS[i + 5 - years.length] ?? 'blue.6' }))}
                yAxisProps={{ domain: [0, 105] }}
              />
              <Table mt="sm" aria-label={t('ratings.compare')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('ratings.unit')}</Table.Th>
                    {years.map((yy) => (
                      <Table.Th key={yy} ta="right">
                        {yy}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {chart.map((c) => (
                    <Table.Tr key={c.unit}>
                      <Table.Td>{c.unit}</Table.Td>
                      {years.map((yy) => (
                        <Table.Td key={yy} ta="right">
                          {((c as Record<string, unknown>)[String(yy)] as number) || '—'}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          ) : null}
          <Commendations year={y} office={office} />
        </>
      ) : null}
    </>
  );
}
