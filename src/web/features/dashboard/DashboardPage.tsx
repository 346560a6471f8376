import { Anchor, Badge, Card, Group, Paper, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EXCEPTION_KIND_LABELS, type TCalendarYear } from '../../../contracts/calendar';
import { ROLE_LABELS } from '../../../contracts/roles';
import { get } from '../../api';
import { label } from '../../i18n';
import { useMe } from '../../session';
import { CardsSkeleton, ErrorAlert, PageHeader } from '../../ui/common';
import { formatDate, formatNumber, formatWeekday, todayIso } from '../../ui/format';

type Stat = { key: string; label: { vi: string; en: string }; value: number; link?: string; pillar?: string };

/** Figures that are bad news when not zero. */
const ALARMING = /overdue|returned|late/;

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const stats = useQuery({ queryKey: ['dashboard'], queryFn: () => get<{ stats: Stat[] }>('/api/dashboard') });
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const days = useQuery({
    queryKey: ['calendar', 'upcoming', year],
    queryFn: async () => {
      const [a, b] = await Promise.all([
        get<TCalendarYear>(`/api/calendar/${year}`),
        year < 2199 ? get<TCalendarYear>(`/api/calendar/${year + 1}`) : null,
      ]);
      return [...a.days, ...(b?.days ?? [])];
    },
  });
  const upcoming = (days.data ?? []).filter((d) => d.date >= today && d.kind !== 'swap_workday').slice(0, 8);
  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.motto')} />
      <Paper withBorder p="md" mb="md">
        <Text fw={600} size="lg">
          {t('dashboard.hello', { name: me.user.fullName })}
        </Text>
        <Text size="sm" c="dimmed">
          {[me.user.position, me.tenant.name].filter(Boolean).join(' · ')}
        </Text>
        <Group gap={6} mt={8}>
          {me.roles.map((r, i) => (
            <Badge key={i} variant="light" tt="none" size="md">
              {label(ROLE_LABELS[r.role])}
              {r.unitName ? ` · ${r.unitName}` : ''}
            </Badge>
          ))}
        </Group>
      </Paper>
      <ErrorAlert error={stats.error} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} mb="md">
        {stats.isLoading ? <CardsSkeleton count={8} /> : null}
        {stats.data?.stats.map((s) => {
          const alarm = ALARMING.test(s.key) && s.value > 0;
          const body = (
            // biome-ignore lint/correctness/useJsxKeyInIterable: the card returned below carries the key.
            <Stack gap={4} justify="space-between" h="100%">
              <Text size="sm" c="dimmed" lh={1.35}>
                {label(s.label)}
              </Text>
              <Text fz={30} fw={700} lh={1.1} c={alarm ? 'red.8' : undefined}>
                {formatNumber(s.value, i18n.language)}
              </Text>
            </Stack>
          );
          return s.link ? (
            <Card
              key={s.key}
              withBorder
              padding="md"
              component={Link}
              to={s.link}
              className="danchu-card-link"
              style={{ textDecoration: 'none' }}
            >
              {body}
            </Card>
          ) : (
            <Card key={s.key} withBorder padding="md">
              {body}
            </Card>
          );
        })}
      </SimpleGrid>
      <Paper withBorder p="md" maw={640}>
        <Group gap="xs" mb="xs">
          <ThemeIcon variant="light" size="md">
            <IconCalendar size={16} />
          </ThemeIcon>
          <Title order={3} fz="h4">
            {t('dashboard.upcoming')}
          </Title>
        </Group>
        {days.isLoading ? <CardsSkeleton count={1} height={80} /> : null}
        {!days.isLoading && upcoming.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('dashboard.noUpcoming')}
          </Text>
        ) : null}
        {upcoming.length ? (
          <Table verticalSpacing={6}>
            <Table.Tbody>
              {upcoming.map((d) => (
                <Table.Tr key={d.date}>
                  <Table.Td w={110} fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(d.date)}
                  </Table.Td>
                  <Table.Td w={90} c="dimmed" fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatWeekday(d.date, i18n.language)}
                  </Table.Td>
                  <Table.Td fz="sm">{i18n.language === 'en' && d.nameEn ? d.nameEn : d.name}</Table.Td>
                  <Table.Td visibleFrom="xs">
                    <Badge size="xs" variant="light" color={d.kind === 'holiday' ? 'red' : 'orange'}>
                      {label(EXCEPTION_KIND_LABELS[d.kind])}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <Anchor component={Link} to="/calendar" size="sm" mt="xs" display="inline-block">
          {t('dashboard.seeCalendar')}
        </Anchor>
      </Paper>
    </>
  );
}
