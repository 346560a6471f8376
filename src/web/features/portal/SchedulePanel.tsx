/** The published citizen-reception schedule of an agency (Law on Citizen Reception 2013). */
import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconClock, IconMapPin, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HOST_KIND_LABELS, SESSION_MODE_LABELS, SESSION_STATUS_LABELS } from '../../../contracts/reception';
import { label } from '../../i18n';
import { errorMessage } from '../../ui/notify';
import { formatDate, formatWeekday } from '../../ui/format';
import { agencyPath, NetworkError, portalFetch, type TPortalSession } from './portal-api';

/** Upcoming published sessions, one card each (readable on a phone). */
export function SchedulePanel({ agency }: { agency: string }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['portal', agency, 'schedule'],
    queryFn: () => portalFetch<TPortalSession[]>('GET', `${agencyPath(agency)}/reception-schedule`),
  });
  return (
    <Stack gap="md">
      <div>
        <Title order={2} fz="lg">
          {t('portal.scheduleTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('portal.scheduleHint')}
        </Text>
      </div>
      {q.isLoading ? (
        <Stack>
          <Skeleton height={110} radius="md" />
          <Skeleton height={110} radius="md" />
        </Stack>
      ) : q.error ? (
        <Alert color="red" role="alert">
          {q.error instanceof NetworkError ? t('portal.networkErrorLookup') : errorMessage(q.error)}
          <Button size="compact-sm" variant="light" color="red" ml="sm" onClick={() => void q.refetch()}>
            {t('portal.retry')}
          </Button>
        </Alert>
      ) : (q.data ?? []).length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed" ta="center">
            {t('portal.noSessions')}
          </Text>
        </Paper>
      ) : (
        (q.data ?? []).map((s, i) => {
          const off = s.status === 'cancelled' || s.status === 'postponed';
          return (
            <Paper key={`${s.date}-${s.startTime}-${i}`} withBorder p="md" radius="md" style={off ? { opacity: 0.85 } : undefined}>
              <Stack gap={6}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Group gap={6}>
                    <IconCalendarEvent size={18} aria-hidden />
                    <Text fw={600} td={off ? 'line-through' : undefined}>
                      {formatWeekday(s.date, i18n.language)}, {formatDate(s.date)}
                    </Text>
                  </Group>
                  <Group gap={4}>
                    {s.adhoc ? (
                      <Badge color="orange" variant="light">
                        {t('portal.adhoc')}
                      </Badge>
                    ) : null}
                    <Badge color={s.mode === 'online' ? 'teal' : 'blue'} variant="light">
                      {label(SESSION_MODE_LABELS[s.mode])}
                    </Badge>
                    {off ? (
                      <Badge color={s.status === 'cancelled' ? 'red' : 'yellow'}>{label(SESSION_STATUS_LABELS[s.status])}</Badge>
                    ) : null}
                  </Group>
                </Group>
                {s.status === 'postponed' && s.postponedTo ? (
                  <Text size="sm" c="orange.8" fw={500}>
                    {t('portal.postponedTo', { date: formatDate(s.postponedTo) })}
                  </Text>
                ) : null}
                {off && s.statusReason ? (
                  <Text size="sm" c="dimmed">
                    {t('portal.reason')}: {s.statusReason}
                  </Text>
                ) : null}
                <Group gap={6}>
                  <IconClock size={16} aria-hidden />
                  <Text size="sm">
                    {s.startTime}–{s.endTime}
                  </Text>
                </Group>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <IconUser size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                  <Text size="sm">
                    {label(HOST_KIND_LABELS[s.hostKind])}: <b>{s.hostName}</b>
                  </Text>
                </Group>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <IconMapPin size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                  <Text size="sm">{s.place}</Text>
                </Group>
                {s.bridgePoints ? (
                  <Text size="sm">
                    <Text span c="dimmed">
                      {t('portal.bridgePoints')}:
                    </Text>{' '}
                    {s.bridgePoints}
                  </Text>
                ) : null}
                {s.topics ? (
                  <Text size="sm">
                    <Text span c="dimmed">
                      {t('portal.topics')}:
                    </Text>{' '}
                    {s.topics}
                  </Text>
                ) : null}
                {s.attendees ? (
                  <Text size="sm">
                    <Text span c="dimmed">
                      {t('portal.attendees')}:
                    </Text>{' '}
                    {s.attendees}
                  </Text>
                ) : null}
              </Stack>
            </Paper>
          );
        })
      )}
    </Stack>
  );
}
