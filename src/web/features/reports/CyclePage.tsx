import { useState } from 'react';
import type { TRemindResult, TReportCycleDetail } from '../../../contracts/reports';
import { Anchor, Badge, Button, Group, List, Paper, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../api';
import { useMe } from '../../session';
import { ConfirmModal, ErrorAlert, Loading, notifyError, notifyOk, PageHeader } from '../../ui/common';
import { formatDate } from '../../ui/format';
import { lightBadge, REPORT_STATUS_COLORS } from './colors';
import { CountBadges, StandingBadge } from './standing';

type Cycle = TReportCycleDetail;
type Reminded = TRemindResult;

export function CyclePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const c = useQuery({ queryKey: ['report-cycles', id], queryFn: () => get<Cycle>(`/api/report-cycles/${id}`) });
  const remind = useMutation({
    mutationFn: () => post<Reminded>(`/api/report-cycles/${id}/remind`),
    onSuccess: async (r) => {
      setAsking(false);
      const noHead = r.units.filter((u) => u.recipients === 0).map((u) => u.name);
      notifyOk(
        [
          t('reports.reminded', { units: r.units.length, people: r.notified }),
          r.mailConfigured ? t('reports.remindedMail', { count: r.mailed }) : t('reports.remindedNoMail'),
          noHead.length ? t('reports.remindNoHead', { names: noHead.join(', ') }) : null,
        ]
          .filter(Boolean)
          .join('. '),
      );
      await qc.invalidateQueries({ queryKey: ['report-cycles', id] });
    },
    onError: notifyError,
  });
  if (c.isLoading) return <Loading />;
  if (!c.data) return <ErrorAlert error={c.error} />;
  const cycle = c.data;
  const headed = me.roles.filter((r) => r.role === 'unit_head' && r.unitId).map((r) => r.unitId!);
  const owed = cycle.rows.filter((r) => r.standing.owed);
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
            {cycle.canManage ? (
              <Button variant="default" onClick={() => setAsking(true)} disabled={owed.length === 0}>
                {t('reports.remind')}
              </Button>
            ) : null}
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
      <CountBadges counts={cycle.counts} />
      <Text size="sm" c="dimmed" my="xs">
        {t('reports.countsRule')}
      </Text>
      <Paper withBorder>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('people.unit')}</Table.Th>
              <Table.Th>{t('app.status')}</Table.Th>
              <Table.Th>{t('reports.deadline')}</Table.Th>
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
                  <Badge {...lightBadge(REPORT_STATUS_COLORS[r.status] ?? 'gray')}>{t(`reports.status_${r.status}`)}</Badge>
                </Table.Td>
                <Table.Td>
                  <StandingBadge standing={r.standing} submittedOn={r.submittedOn} />
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
      <ConfirmModal
        opened={asking}
        title={t('reports.remindTitle')}
        message={owed.length ? t('reports.remindMessage') : t('reports.remindNone')}
        confirmLabel={t('reports.remindConfirm')}
        color="blue.9"
        loading={remind.isPending}
        onConfirm={() => remind.mutate()}
        onClose={() => setAsking(false)}
      >
        <List size="sm">
          {owed.map((r) => (
            <List.Item key={r.unit.id}>
              {r.unit.name} — {t(`reports.status_${r.status}`)}
              {r.standing.timeliness === 'overdue' ? ` · ${t('reports.timeliness_overdue', { days: r.standing.lateDays })}` : ''}
            </List.Item>
          ))}
        </List>
      </ConfirmModal>
      <Group mt="sm">
        <Anchor component={Link} to="/reports" size="sm">
          ← {t('reports.title')}
        </Anchor>
      </Group>
    </>
  );
}
