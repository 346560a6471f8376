import { Badge, Card, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../../contracts/roles';
import type { TCalendarYear } from '../../../contracts/calendar';
import { get } from '../../api';
import { label } from '../../i18n';
import { useMe } from '../../session';
import { ErrorAlert, Loading, PageHeader } from '../../ui/common';
import { formatDate, todayIso } from '../../ui/format';

type Stat = { key: string; label: { vi: string; en: string }; value: number; link?: string };

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const stats = useQuery({ queryKey: ['dashboard'], queryFn: () => get<{ stats: Stat[] }>('/api/dashboard') });
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const days = useQuery({
    queryKey: ['calendar', 'upcoming', year],
    queryFn: async () => [...(await get<TCalendarYear>(`/api/calendar/${year}`)).days, ...(await get<TCalendarYear>(`/api/calendar/${year + 1}`)).days],
  });
  const upcoming = (days.data ?? []).filter((d) => d.date >= today && d.kind !== 'swap_workday').slice(0, 6);
  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.motto')} />
      <Paper withBorder p="md" mb="md">
        <Text fw={600}>{t('dashboard.hello', { name: me.user.fullName })}</Text>
        <Group gap={6} mt={6}>
          {me.roles.map((r, i) => (
            <Badge key={i} variant="light">
              {label(ROLE_LABELS[r.role])}
              {r.unitName ? ` · ${r.unitName}` : ''}
            </Badge>
          ))}
        </Group>
      </Paper>
      <ErrorAlert error={stats.error} />
      {stats.isLoading ? <Loading /> : null}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="md">
        {stats.data?.stats.map((s) => (
          <Card key={s.key} withBorder padding="md" component={Link} to={s.link ?? '/'} style={{ textDecoration: 'none' }}>
            <Text size="sm" c="dimmed">{label(s.label)}</Text>
            <Title order={2} c={s.key.includes('overdue') && s.value > 0 ? 'red' : undefined}>
              {s.value.toLocaleString('vi-VN')}
            </Title>
          </Card>
        ))}
      </SimpleGrid>
      <Paper withBorder p="md" maw={560}>
        <Stack gap="xs">
          <Title order={4}>{t('dashboard.upcoming')}</Title>
          {upcoming.length === 0 ? <Text c="dimmed" size="sm">{t('dashboard.noUpcoming')}</Text> : null}
          <List spacing={4} size="sm">
            {upcoming.map((d) => (
              <List.Item key={d.date}>
                <b>{formatDate(d.date)}</b> — {d.name}
              </List.Item>
            ))}
          </List>
        </Stack>
      </Paper>
    </>
  );
}
