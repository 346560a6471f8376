import { Anchor, Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TPlanSummary } from '../../../contracts/plans';
import { get } from '../../api';
import { useCan } from '../../session';
import { ErrorAlert, Loading, PageHeader, ProgressBar } from '../../ui/common';
import { formatDate } from '../../ui/format';

export function PlansPage() {
  const { t } = useTranslation();
  const canManage = useCan('plans.manage');
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => get<TPlanSummary[]>('/api/plans') });
  const agency = (plans.data ?? []).filter((p) => !p.parentPlanId);
  const children = (id: string) => (plans.data ?? []).filter((p) => p.parentPlanId === id);
  const row = (p: TPlanSummary, child = false) => (
    <Table.Tr key={p.id}>
      <Table.Td>{p.year}</Table.Td>
      <Table.Td pl={child ? 'xl' : undefined}>
        <Anchor component={Link} to={`/plans/${p.id}`} fw={child ? 400 : 600} size="sm">
          {p.documentType} {p.summary}
        </Anchor>
        <Text size="xs" c="dimmed">
          {p.unit ? `${t('plans.unitPlan')}: ${p.unit.name}` : p.issuer} · {p.numberSymbol ?? t('plans.numberPending')} ·{' '}
          {formatDate(p.signedOn)}
        </Text>
        {p.replacedCitations ? (
          <Badge size="xs" color="orange" variant="light">
            {p.replacedCitations} {t('plans.replacedCitations')}
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td miw={130}>
        <Badge
          variant="light"
          style={{ overflow: 'visible' }}
          color={p.status === 'issued' ? 'green' : p.status === 'draft' ? 'yellow' : 'gray'}
        >
          {t(`plans.status_${p.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td w={160}>{p.progress !== null ? <ProgressBar value={p.progress} label={t('plans.progress')} /> : '—'}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge variant="outline">
            {p.taskCounts.total} {t('plans.tasks')}
          </Badge>
          {p.taskCounts.overdue ? (
            <Badge color="red">
              {p.taskCounts.overdue} {t('plans.overdue')}
            </Badge>
          ) : null}
          {p.taskCounts.dueSoon ? (
            <Badge color="orange">
              {p.taskCounts.dueSoon} {t('plans.dueSoon')}
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
  return (
    <>
      <PageHeader
        title={t('plans.title')}
        actions={
          canManage ? (
            <Button variant="light" leftSection={<IconFileImport size={16} />} component={Link} to="/plans/import">
              {t('plans.import')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={plans.error} />
      {plans.isLoading ? <Loading /> : null}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plans.year')}</Table.Th>
                <Table.Th>{t('plans.title')}</Table.Th>
                <Table.Th>{t('app.status')}</Table.Th>
                <Table.Th>{t('plans.progress')}</Table.Th>
                <Table.Th>{t('plans.tasks')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{agency.flatMap((p) => [row(p), ...children(p.id).map((c) => row(c, true))])}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {plans.data?.length === 0 ? (
          <Text c="dimmed" p="md">
            {t('app.empty')}
          </Text>
        ) : null}
      </Paper>
    </>
  );
}
