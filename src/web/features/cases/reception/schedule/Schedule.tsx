/** The reception schedule (Law 42/2013 Art. 18): the head's monthly rule, publication 5 working days before, and each session's actions. */
import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Menu, Paper, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  HOST_KIND_LABELS,
  SESSION_MODE_LABELS,
  SESSION_STATUS_LABELS,
  type TPublishBy,
  type TReceptionSession,
} from '../../../../../contracts/reception';
import { get } from '../../../../api';
import { label } from '../../../../i18n';
import { EmptyState, ErrorAlert, TableSkeleton } from '../../../../ui/common';
import { formatDate, formatWeekday, todayIso } from '../../../../ui/format';
import { Explanation } from '../../common';
import { type SessionsData, SESSION_STATUS_COLORS, HOST_KIND_COLORS } from '../shared';
import { SessionForm } from './SessionForm';
import { type SessionAction, SessionActionForm } from './SessionActionForm';

export function MonthStrip({ year, months }: { year: number; months: SessionsData['months'] }) {
  const { t } = useTranslation();
  const thisMonth = todayIso().slice(0, 7);
  const cells = Array.from({ length: 12 }, (_, i) => {
    const key = `${year}-${String(i + 1).padStart(2, '0')}`;
    return { key, m: i + 1, data: months.find((x) => x.month === key) };
  });
  const missing = cells.filter((c) => !c.data?.ok && c.key < thisMonth).length;
  return (
    <Paper withBorder p="sm" mb="md">
      <Group justify="space-between" mb={6} gap="xs">
        <Text size="sm" fw={600}>
          {t('reception.headRule')}
        </Text>
        {missing ? (
          <Badge color="red" variant="light" tt="none">
            {t('reception.monthsMissing', { count: missing })}
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 6, md: 12 }} spacing={6}>
        {cells.map((c) => {
          const n = c.data?.headSessions ?? 0;
          const ok = c.data?.ok ?? false;
          const past = c.key < thisMonth;
          const color = ok ? 'green' : past ? 'red' : c.key === thisMonth ? 'orange' : 'gray';
          const state = ok ? t('reception.monthOk', { count: n }) : past ? t('reception.monthMissed') : t('reception.monthNotYet');
          return (
            <Tooltip key={c.key} label={`${t('reception.monthName', { m: c.m })}: ${state}`} withArrow>
              <Paper
                p={6}
                radius="sm"
                ta="center"
                bg={`${color}.0`}
                style={{ border: `1px solid var(--mantine-color-${color}-4)` }}
                aria-label={`${t('reception.monthName', { m: c.m })}: ${state}`}
              >
                <Text size="xs" fw={600} c={`${color}.9`}>
                  {t('reception.monthShort', { m: c.m })}
                </Text>
                <Text size="sm" fw={700} c={`${color}.9`}>
                  {ok ? `✓ ${n}` : past ? '✗' : n ? n : '–'}
                </Text>
              </Paper>
            </Tooltip>
          );
        })}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={6}>
        {t('reception.headRuleHint')}
      </Text>
    </Paper>
  );
}

export function PublishBy({ s }: { s: TReceptionSession }) {
  const { t } = useTranslation();
  const today = todayIso();
  // The 5-working-day notice is the rule for the head's schedule (Law 42/2013 Art. 24).
  const lateUnpublished = s.hostKind === 'head' && s.status === 'planned' && today > s.publishBy;
  // The year's schedule comes without the explanations (issue #17: bytes): asked when opened.
  const [asked, setAsked] = useState(false);
  const explained = useQuery({
    queryKey: ['reception', 'publish-by', s.id, s.date],
    queryFn: () => get<TPublishBy>(`/api/reception/sessions/${s.id}/publish-by`),
    enabled: asked && !s.publishByExplanation,
    staleTime: 5 * 60_000,
  });
  const lines = s.publishByExplanation ??
    explained.data?.explanation ?? [explained.isError ? t('reception.publishByFailed') : t('app.loading')];
  return (
    <Stack gap={2} align="flex-start">
      <Tooltip label={<Explanation lines={lines} />} multiline maw={380} withArrow>
        <Text
          size="sm"
          tabIndex={0}
          onMouseEnter={() => setAsked(true)}
          onFocus={() => setAsked(true)}
          style={{ whiteSpace: 'nowrap', textDecoration: 'underline dotted', cursor: 'help' }}
        >
          {formatDate(s.publishBy)}
        </Text>
      </Tooltip>
      {s.publishedOn ? (
        <Text size="xs" c={s.publishedLate ? 'red.8' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
          {t('reception.publishedOn', { date: formatDate(s.publishedOn) })}
        </Text>
      ) : null}
      {s.publishedLate ? (
        <Badge color="red" variant="filled" tt="none" size="sm">
          {t('reception.publishedLate')}
        </Badge>
      ) : null}
      {lateUnpublished ? (
        <Badge color="red" variant="filled" tt="none" size="sm">
          {t('reception.notPublishedLate')}
        </Badge>
      ) : null}
    </Stack>
  );
}

export function Schedule({ year, canManage, onLog }: { year: number; canManage: boolean; onLog: (sessionId: string) => void }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<TReceptionSession | null | undefined>(undefined);
  const [acting, setActing] = useState<{ s: TReceptionSession; action: SessionAction } | null>(null);
  const q = useQuery({
    queryKey: ['reception', 'sessions', year],
    queryFn: () => get<SessionsData>(`/api/reception/sessions?year=${year}`),
  });
  const sessions = [...(q.data?.sessions ?? [])].sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));
  const today = todayIso();
  const actionsOf = (s: TReceptionSession): SessionAction[] => {
    const open = s.status === 'planned' || s.status === 'published';
    return [
      ...(s.status === 'planned' ? (['publish'] as const) : []),
      ...(open && s.date <= today ? (['held'] as const) : []),
      ...(open ? (['postpone', 'cancel'] as const) : []),
    ];
  };
  return (
    <>
      {canManage ? (
        <Group justify="flex-end" mb="sm">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
            {t('reception.addSession')}
          </Button>
        </Group>
      ) : null}
      {q.data ? <MonthStrip year={year} months={q.data.months} /> : null}
      <ErrorAlert error={q.error} />
      {q.isLoading ? <TableSkeleton cols={8} /> : null}
      {q.data && sessions.length === 0 ? (
        <Paper withBorder>
          <EmptyState title={t('reception.noSessions', { year })} hint={canManage ? t('reception.noSessionsHint') : undefined} />
        </Paper>
      ) : null}
      {sessions.length ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={1080}>
            <Table striped highlightOnHover verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reception.date')}</Table.Th>
                  <Table.Th>{t('reception.time')}</Table.Th>
                  <Table.Th>{t('reception.host')}</Table.Th>
                  <Table.Th>{t('reception.mode')}</Table.Th>
                  <Table.Th>{t('reception.place')}</Table.Th>
                  <Table.Th>{t('app.status')}</Table.Th>
                  <Table.Th>{t('reception.publishBy')}</Table.Th>
                  <Table.Th ta="right">{t('reception.entriesCount')}</Table.Th>
                  {canManage ? <Table.Th aria-label={t('app.actions')} /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.map((s) => {
                  const acts = actionsOf(s);
                  return (
                    <Table.Tr key={s.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm" fw={600}>
                          {formatDate(s.date)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {formatWeekday(s.date, i18n.language)}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {s.startTime}–{s.endTime}
                      </Table.Td>
                      <Table.Td maw={240}>
                        <Text size="sm">{s.host.name}</Text>
                        <Group gap={4}>
                          <Badge size="xs" variant="light" color={HOST_KIND_COLORS[s.hostKind]} tt="none">
                            {label(HOST_KIND_LABELS[s.hostKind])}
                          </Badge>
                          {s.adhoc ? (
                            <Badge size="xs" variant="outline" tt="none">
                              {t('reception.adhocShort')}
                            </Badge>
                          ) : null}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {s.mode === 'online' && s.bridgePoints ? (
                          <Tooltip label={s.bridgePoints} multiline maw={320}>
                            <Badge variant="light" color="grape" tt="none">
                              {label(SESSION_MODE_LABELS[s.mode])}
                            </Badge>
                          </Tooltip>
                        ) : (
                          <Badge variant="light" color={s.mode === 'online' ? 'grape' : 'gray'} tt="none">
                            {label(SESSION_MODE_LABELS[s.mode])}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td miw={220} maw={320}>
                        <Text size="sm" lineClamp={2} title={s.place}>
                          {s.place}
                        </Text>
                        {s.topics ? (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {s.topics}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={SESSION_STATUS_COLORS[s.status]} variant={s.status === 'published' ? 'filled' : 'light'} tt="none">
                          {label(SESSION_STATUS_LABELS[s.status])}
                        </Badge>
                        {s.postponedTo ? (
                          <Text size="xs" c="dimmed" mt={2}>
                            {t('reception.postponedTo', { date: formatDate(s.postponedTo) })}
                          </Text>
                        ) : null}
                        {s.statusReason ? (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {s.statusReason}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <PublishBy s={s} />
                      </Table.Td>
                      <Table.Td ta="right">{s.entries}</Table.Td>
                      {canManage ? (
                        <Table.Td>
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <ActionIcon variant="subtle" color="gray" aria-label={`${t('app.actions')}: ${formatDate(s.date)}`}>
                                <IconDots size={18} />
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              {s.status !== 'held' && s.status !== 'cancelled' ? (
                                <Menu.Item onClick={() => setEditing(s)}>{t('app.edit')}</Menu.Item>
                              ) : null}
                              {acts.map((a) => (
                                <Menu.Item key={a} color={a === 'cancel' ? 'red' : undefined} onClick={() => setActing({ s, action: a })}>
                                  {t(`reception.action_${a}`)}
                                </Menu.Item>
                              ))}
                              {s.status === 'held' || (s.status === 'published' && s.date <= today) ? (
                                <>
                                  <Menu.Divider />
                                  <Menu.Item onClick={() => onLog(s.id)}>{t('reception.logFromSession')}</Menu.Item>
                                </>
                              ) : null}
                            </Menu.Dropdown>
                          </Menu>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {editing !== undefined ? <SessionForm key={editing?.id ?? 'new'} session={editing} onClose={() => setEditing(undefined)} /> : null}
      {acting ? <SessionActionForm session={acting.s} action={acting.action} onClose={() => setActing(null)} /> : null}
    </>
  );
}

/* ---------------- Register book ---------------- */
