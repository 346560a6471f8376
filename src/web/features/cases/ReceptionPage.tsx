/**
 * Citizen reception (Law 42/2013): the reception schedule with the head's monthly rule and the
 * 5-working-day publication, and the register book (sổ tiếp công dân) with the 10-working-day
 * reply and the split of mixed content into cases.
 */
import { LAW_136_2025_EFFECTIVE } from '../../../domain/legal-dates';
import { useEffect, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDots, IconEye, IconInfoCircle, IconLock, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  CASE_KIND_LABELS,
  HOST_KIND_LABELS,
  HOST_KINDS,
  REPLY_OUTCOME_LABELS,
  REPLY_OUTCOMES,
  SESSION_MODE_LABELS,
  SESSION_STATUS_LABELS,
  type CaseKind,
  type HostKind,
  type TIdentity,
  type TReceptionEntry,
  type TReceptionSession,
} from '../../../contracts/cases';
import { get, patch, post, qs } from '../../api';
import { label } from '../../i18n';
import { useCan } from '../../session';
import {
  DmyDateInput,
  EmptyState,
  ErrorAlert,
  FormAlert,
  formErrorsOf,
  isStale,
  notifyOk,
  PageHeader,
  TableSkeleton,
  useModalSize,
  type FormErrors,
} from '../../ui/common';
import { formatDate, formatWeekday, todayIso } from '../../ui/format';
import {
  CaseDueBadge,
  CaseStatusBadge,
  cleanIdentity,
  daysBetween,
  dueDateState,
  emptyIdentity,
  Explanation,
  focusFirstError,
  IdentityFields,
  IdentityView,
  KIND_COLORS,
  kindOptions,
  RevealModal,
} from './common';

type SessionStatus = TReceptionSession['status'];
type Host = { id: string; name: string; title: string | null; kind: HostKind };
type SessionsData = { sessions: TReceptionSession[]; months: { month: string; headSessions: number; ok: boolean }[] };

const SESSION_STATUS_COLORS: Record<SessionStatus, string> = {
  planned: 'gray',
  published: 'blue',
  held: 'green',
  postponed: 'yellow',
  cancelled: 'red',
};
const HOST_KIND_COLORS: Record<HostKind, string> = { head: 'red', deputy: 'orange', officer: 'gray' };
/** Online reception exists from 01/07/2026 (Law 136/2025, new Art. 3a of Law 42/2013). */
const ONLINE_FROM = LAW_136_2025_EFFECTIVE;

/* ---------------- Schedule ---------------- */

function MonthStrip({ year, months }: { year: number; months: SessionsData['months'] }) {
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

function PublishBy({ s }: { s: TReceptionSession }) {
  const { t } = useTranslation();
  const today = todayIso();
  // The 5-working-day notice is the rule for the head's schedule (Law 42/2013 Art. 24).
  const lateUnpublished = s.hostKind === 'head' && s.status === 'planned' && today > s.publishBy;
  return (
    <Stack gap={2} align="flex-start">
      <Tooltip label={<Explanation lines={s.publishByExplanation} />} multiline maw={380} withArrow>
        <Text size="sm" style={{ whiteSpace: 'nowrap', textDecoration: 'underline dotted', cursor: 'help' }}>
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

function hostLabel(h: Host) {
  return `${h.name}${h.title ? ` — ${h.title}` : ''}`;
}

const sessionValues = (s: TReceptionSession | null) => ({
  date: s?.date ?? null,
  startTime: s?.startTime ?? '07:30',
  endTime: s?.endTime ?? '11:30',
  hostKind: (s?.hostKind ?? 'head') as HostKind,
  hostId: s?.host.id ?? null,
  mode: s?.mode ?? ('in_person' as 'in_person' | 'online'),
  place: s?.place ?? '',
  bridgePoints: s?.bridgePoints ?? '',
  attendees: s?.attendees ?? '',
  topics: s?.topics ?? '',
  adhoc: s?.adhoc ?? false,
});

function SessionForm({ session, onClose }: { session: TReceptionSession | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const modal = useModalSize('lg');
  const [current, setCurrent] = useState(session);
  const [v, setV] = useState(() => sessionValues(session));
  const [errors, setErrors] = useState<FormErrors>({});
  const [stale, setStale] = useState(false);
  const hosts = useQuery({ queryKey: ['reception', 'hosts'], queryFn: () => get<Host[]>('/api/reception/hosts'), staleTime: 60_000 });
  const set = <K extends keyof typeof v>(k: K, x: (typeof v)[K]) => setV((s) => ({ ...s, [k]: x }));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        ...v,
        bridgePoints: v.mode === 'online' ? v.bridgePoints || null : null,
        attendees: v.attendees || null,
        topics: v.topics || null,
      };
      return current
        ? patch<TReceptionSession>(`/api/reception/sessions/${current.id}`, { ...body, version: current.version })
        : post<TReceptionSession>('/api/reception/sessions', body);
    },
    onSuccess: async () => {
      notifyOk(t('app.saved'));
      await qc.invalidateQueries({ queryKey: ['reception', 'sessions'] });
      onClose();
    },
    onError: (err) => {
      setStale(isStale(err));
      setErrors(formErrorsOf(err));
      focusFirstError();
    },
  });
  async function reload() {
    if (!current) return;
    const data = await qc.fetchQuery({
      queryKey: ['reception', 'sessions', Number(current.date.slice(0, 4))],
      queryFn: () => get<SessionsData>(`/api/reception/sessions?year=${current.date.slice(0, 4)}`),
      staleTime: 0,
    });
    const fresh = data.sessions.find((x) => x.id === current.id) ?? null;
    setCurrent(fresh);
    setV(sessionValues(fresh));
    setErrors({});
    setStale(false);
  }
  const hostOptions = (hosts.data ?? [])
    .filter((h) => h.kind === v.hostKind || h.id === v.hostId)
    .map((h) => ({ value: h.id, label: hostLabel(h) }));
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      title={<Text fw={600}>{current ? t('reception.editSession') : t('reception.addSession')}</Text>}
      size={modal.size}
      fullScreen={modal.fullScreen}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
        noValidate
      >
        <Stack>
          <FormAlert errors={errors} stale={stale} onReload={() => void reload()} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DmyDateInput label={t('reception.date')} value={v.date} onChange={(x) => set('date', x)} error={errors.date} required />
            <TimeInput
              label={t('reception.startTime')}
              value={v.startTime}
              onChange={(e) => set('startTime', e.currentTarget.value)}
              error={errors.startTime}
              required
            />
            <TimeInput
              label={t('reception.endTime')}
              value={v.endTime}
              onChange={(e) => set('endTime', e.currentTarget.value)}
              error={errors.endTime}
              required
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('reception.hostKind')}
              data={HOST_KINDS.map((k) => ({ value: k, label: label(HOST_KIND_LABELS[k]) }))}
              value={v.hostKind}
              onChange={(x) => setV((s) => ({ ...s, hostKind: (x ?? 'head') as HostKind, hostId: null }))}
              allowDeselect={false}
              error={errors.hostKind}
              required
            />
            <Select
              label={t('reception.host')}
              data={hostOptions}
              value={v.hostId}
              onChange={(x) => set('hostId', x)}
              error={errors.hostId}
              searchable
              required
              nothingFoundMessage={hosts.isLoading ? t('app.loading') : t('reception.noHosts')}
            />
          </SimpleGrid>
          {v.hostKind !== 'head' && (v.date ?? todayIso()) >= ONLINE_FROM ? (
            <Alert color="blue" icon={<IconInfoCircle size={18} />} p="xs">
              <Text size="xs">{t('reception.noDelegation')}</Text>
            </Alert>
          ) : null}
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('reception.mode')}
            </Text>
            <SegmentedControl
              value={v.mode}
              onChange={(x) => set('mode', x as typeof v.mode)}
              data={(['in_person', 'online'] as const).map((m) => ({ value: m, label: label(SESSION_MODE_LABELS[m]) }))}
              w="fit-content"
            />
            <Text size="xs" c={errors.mode ? 'red' : 'dimmed'}>
              {errors.mode ?? t('reception.onlineFrom')}
            </Text>
          </Stack>
          {v.mode === 'online' ? (
            <Textarea
              label={t('reception.bridgePoints')}
              description={t('reception.bridgePointsHint')}
              value={v.bridgePoints}
              onChange={(e) => set('bridgePoints', e.currentTarget.value)}
              error={errors.bridgePoints}
              autosize
              minRows={2}
            />
          ) : null}
          <TextInput
            label={t('reception.place')}
            value={v.place}
            onChange={(e) => set('place', e.currentTarget.value)}
            error={errors.place}
            required
          />
          <Textarea
            label={t('reception.attendees')}
            description={t('reception.attendeesHint')}
            value={v.attendees}
            onChange={(e) => set('attendees', e.currentTarget.value)}
            error={errors.attendees}
            autosize
            minRows={1}
          />
          <Textarea
            label={t('reception.topics')}
            value={v.topics}
            onChange={(e) => set('topics', e.currentTarget.value)}
            error={errors.topics}
            autosize
            minRows={2}
          />
          <Checkbox
            label={t('reception.adhoc')}
            description={t('reception.adhocHint')}
            checked={v.adhoc}
            onChange={(e) => set('adhoc', e.currentTarget.checked)}
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

type SessionAction = 'publish' | 'held' | 'postpone' | 'cancel';

function SessionActionForm({ session, action, onClose }: { session: TReceptionSession; action: SessionAction; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [on, setOn] = useState<string | null>(todayIso());
  const [newDate, setNewDate] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [stale, setStale] = useState(false);
  const run = useMutation({
    mutationFn: () => {
      const base = { action, version: session.version };
      const body =
        action === 'publish'
          ? { ...base, on }
          : action === 'postpone'
            ? { ...base, newDate, reason }
            : action === 'cancel'
              ? { ...base, reason }
              : base;
      return post<TReceptionSession>(`/api/reception/sessions/${session.id}/actions`, body);
    },
    onSuccess: async () => {
      notifyOk(t(`reception.done_${action}`));
      await qc.invalidateQueries({ queryKey: ['reception', 'sessions'] });
      onClose();
    },
    onError: (err) => {
      setStale(isStale(err));
      setErrors(formErrorsOf(err));
      focusFirstError();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      title={<Text fw={600}>{`${t(`reception.action_${action}`)} · ${formatDate(session.date)}`}</Text>}
      centered
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          run.mutate();
        }}
        noValidate
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t(`reception.actionHelp_${action}`, { date: formatDate(session.publishBy) })}
          </Text>
          <FormAlert
            errors={errors}
            stale={stale}
            onReload={() =>
              void qc.invalidateQueries({ queryKey: ['reception', 'sessions'] }).then(() => {
                onClose();
              })
            }
          />
          {action === 'publish' ? (
            <DmyDateInput label={t('reception.publishedOnLabel')} value={on} onChange={setOn} error={errors.on} required />
          ) : null}
          {action === 'postpone' ? (
            <DmyDateInput label={t('reception.newDate')} value={newDate} onChange={setNewDate} error={errors.newDate} required />
          ) : null}
          {action === 'postpone' || action === 'cancel' ? (
            <Textarea
              label={t('reception.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
              required
              autosize
              minRows={2}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={run.isPending} color={action === 'cancel' ? 'red' : undefined}>
              {t(`reception.action_${action}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Schedule({ year, canManage, onLog }: { year: number; canManage: boolean; onLog: (sessionId: string) => void }) {
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

type Part = { kind: CaseKind; subject: string; content: string; knowledgeOn: string | null };

function EntryForm({ year, sessionId, onClose }: { year: number; sessionId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const modal = useModalSize('xl');
  const sessions = useQuery({
    queryKey: ['reception', 'sessions', year],
    queryFn: () => get<SessionsData>(`/api/reception/sessions?year=${year}`),
  });
  const [v, setV] = useState({
    sessionId,
    receivedOn: (sessions.data?.sessions.find((s) => s.id === sessionId)?.date ?? todayIso()) as string | null,
    groupSize: 1 as number | string,
    content: '',
    priorHandling: '',
    request: '',
    handling: '',
    documentsReceived: '',
    signed: true,
    remote: false,
  });
  const [visitors, setVisitors] = useState<TIdentity[]>([emptyIdentity()]);
  const [parts, setParts] = useState<Part[]>([]);
  const [errors, setErrors] = useState<FormErrors>({});
  const set = <K extends keyof typeof v>(k: K, x: (typeof v)[K]) => setV((s) => ({ ...s, [k]: x }));
  const setPart = (i: number, p: Partial<Part>) => setParts((ps) => ps.map((q, j) => (j === i ? { ...q, ...p } : q)));
  const save = useMutation({
    mutationFn: () =>
      post<TReceptionEntry>('/api/reception/entries', {
        sessionId: v.sessionId,
        receivedOn: v.receivedOn,
        visitors: visitors.map(cleanIdentity),
        groupSize: Number(v.groupSize) || 1,
        content: v.content,
        priorHandling: v.priorHandling || null,
        request: v.request || null,
        handling: v.handling || null,
        documentsReceived: v.documentsReceived || null,
        signed: v.signed,
        remote: v.remote,
        parts: parts.map((p) => ({
          kind: p.kind,
          subject: p.subject,
          content: p.content,
          knowledgeOn: p.kind === 'complaint' ? p.knowledgeOn : null,
        })),
      }),
    onSuccess: async (e) => {
      notifyOk(t('reception.entrySaved', { no: e.seqNo, year: e.year, count: e.cases.length }));
      await qc.invalidateQueries({ queryKey: ['reception'] });
      await qc.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    },
    onError: (err) => {
      setErrors(formErrorsOf(err));
      focusFirstError();
    },
  });
  const sessionOptions = (sessions.data?.sessions ?? [])
    .filter((s) => s.status !== 'cancelled')
    .map((s) => ({ value: s.id, label: `${formatDate(s.date)} — ${s.host.name}` }));
  const denunciation = parts.some((p) => p.kind === 'denunciation');
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      title={<Text fw={600}>{t('reception.logEntry')}</Text>}
      size={modal.size}
      fullScreen={modal.fullScreen}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
        noValidate
      >
        <Stack>
          <FormAlert errors={errors} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('reception.session')}
              placeholder={t('reception.noSession')}
              data={sessionOptions}
              value={v.sessionId}
              onChange={(x) =>
                setV((s) => ({ ...s, sessionId: x, receivedOn: sessions.data?.sessions.find((y) => y.id === x)?.date ?? s.receivedOn }))
              }
              clearable
              error={errors.sessionId}
            />
            <DmyDateInput
              label={t('reception.receivedOn')}
              value={v.receivedOn}
              onChange={(x) => set('receivedOn', x)}
              error={errors.receivedOn}
              required
            />
            <NumberInput
              label={t('reception.groupSize')}
              description={t('reception.groupSizeHint')}
              value={v.groupSize}
              onChange={(x) => set('groupSize', x)}
              min={visitors.length}
              max={10000}
              error={errors.groupSize}
            />
          </SimpleGrid>
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('reception.visitors')}
            </Text>
            {errors.visitors ? (
              <Text size="xs" c="red">
                {errors.visitors}
              </Text>
            ) : null}
            {visitors.map((p, i) => (
              <IdentityFields
                key={i}
                legend={`${t('reception.visitor')} ${i + 1}`}
                value={p}
                onChange={(x) => setVisitors((vs) => vs.map((q, j) => (j === i ? x : q)))}
                errors={errors}
                errorsAt={`visitors.${i}`}
                onRemove={visitors.length > 1 ? () => setVisitors((vs) => vs.filter((_, j) => j !== i)) : undefined}
              />
            ))}
            <Button
              variant="subtle"
              size="compact-sm"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() => {
                setVisitors((vs) => [...vs, emptyIdentity()]);
                // A group is at least as large as the people written down.
                setV((s) => ({ ...s, groupSize: Math.max(Number(s.groupSize) || 1, visitors.length + 1) }));
              }}
            >
              {t('reception.addVisitor')}
            </Button>
          </Stack>
          <Textarea
            label={t('reception.content')}
            value={v.content}
            onChange={(e) => set('content', e.currentTarget.value)}
            error={errors.content}
            required
            autosize
            minRows={3}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t('reception.priorHandling')}
              description={t('reception.priorHandlingHint')}
              value={v.priorHandling}
              onChange={(e) => set('priorHandling', e.currentTarget.value)}
              error={errors.priorHandling}
              autosize
              minRows={2}
            />
            <Textarea
              label={t('reception.request')}
              value={v.request}
              onChange={(e) => set('request', e.currentTarget.value)}
              error={errors.request}
              autosize
              minRows={2}
            />
            <Textarea
              label={t('reception.handling')}
              description={t('reception.handlingHint')}
              value={v.handling}
              onChange={(e) => set('handling', e.currentTarget.value)}
              error={errors.handling}
              autosize
              minRows={2}
            />
            <Textarea
              label={t('reception.documentsReceived')}
              value={v.documentsReceived}
              onChange={(e) => set('documentsReceived', e.currentTarget.value)}
              error={errors.documentsReceived}
              autosize
              minRows={2}
            />
          </SimpleGrid>
          <Group>
            <Checkbox label={t('reception.signed')} checked={v.signed} onChange={(e) => set('signed', e.currentTarget.checked)} />
            <Checkbox label={t('cases.remote')} checked={v.remote} onChange={(e) => set('remote', e.currentTarget.checked)} />
          </Group>

          <Paper withBorder p="sm" bg="gray.0">
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t('reception.split')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('reception.splitHint')}
              </Text>
              {denunciation ? (
                <Alert color="orange" icon={<IconLock size={18} />} p="xs">
                  <Text size="xs">{t('reception.splitProtected')}</Text>
                </Alert>
              ) : null}
              {errors.parts ? (
                <Text size="xs" c="red">
                  {errors.parts}
                </Text>
              ) : null}
              {parts.map((p, i) => (
                <Paper key={i} withBorder p="sm" role="group" aria-label={`${t('reception.part')} ${i + 1}`}>
                  <Group justify="space-between" mb={6}>
                    <Text size="sm" fw={600}>
                      {t('reception.part')} {i + 1}
                    </Text>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('app.delete')}: ${t('reception.part')} ${i + 1}`}
                      onClick={() => setParts((ps) => ps.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                  <Stack gap="xs">
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                      <Select
                        label={t('cases.kind')}
                        data={kindOptions()}
                        value={p.kind}
                        onChange={(x) => setPart(i, { kind: (x ?? 'feedback') as CaseKind })}
                        allowDeselect={false}
                        error={errors[`parts.${i}.kind`]}
                      />
                      {p.kind === 'complaint' ? (
                        <DmyDateInput
                          label={t('cases.knowledgeOn')}
                          value={p.knowledgeOn}
                          onChange={(x) => setPart(i, { knowledgeOn: x })}
                          error={errors[`parts.${i}.knowledgeOn`]}
                        />
                      ) : null}
                    </SimpleGrid>
                    <TextInput
                      label={t('cases.subject')}
                      description={t('cases.subjectHint')}
                      value={p.subject}
                      onChange={(e) => setPart(i, { subject: e.currentTarget.value })}
                      error={errors[`parts.${i}.subject`]}
                      required
                    />
                    <Textarea
                      label={t('cases.content')}
                      value={p.content}
                      onChange={(e) => setPart(i, { content: e.currentTarget.value })}
                      error={errors[`parts.${i}.content`]}
                      required
                      autosize
                      minRows={2}
                    />
                  </Stack>
                </Paper>
              ))}
              <Button
                variant="light"
                size="compact-sm"
                w="fit-content"
                leftSection={<IconPlus size={14} />}
                onClick={() =>
                  setParts((ps) => [
                    ...ps,
                    { kind: ps.length ? 'feedback' : 'complaint', subject: '', content: ps.length ? '' : v.content, knowledgeOn: null },
                  ])
                }
                disabled={parts.length >= 10}
              >
                {t('reception.addPart')}
              </Button>
            </Stack>
          </Paper>

          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('reception.logSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ReplyForm({ entry, onClose }: { entry: TReceptionEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [on, setOn] = useState<string | null>(todayIso());
  const [outcome, setOutcome] = useState<string | null>(entry.cases.length ? null : 'forwarded');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [stale, setStale] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      post<TReceptionEntry>(`/api/reception/entries/${entry.id}/reply`, { version: entry.version, on, outcome, note: note || null }),
    onSuccess: async () => {
      notifyOk(t('reception.replySaved'));
      await qc.invalidateQueries({ queryKey: ['reception', 'entries'] });
      onClose();
    },
    onError: (err) => {
      setStale(isStale(err));
      setErrors(formErrorsOf(err));
      focusFirstError();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      title={<Text fw={600}>{`${t('reception.reply')} · ${t('reception.entryNo', { no: entry.seqNo, year: entry.year })}`}</Text>}
      centered
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
        noValidate
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('reception.replyHelp', { date: formatDate(entry.replyBy) })}
          </Text>
          <FormAlert
            errors={errors}
            stale={stale}
            onReload={() => void qc.invalidateQueries({ queryKey: ['reception', 'entries'] }).then(onClose)}
          />
          <DmyDateInput label={t('reception.replyOn')} value={on} onChange={setOn} error={errors.on} required />
          <Select
            label={t('reception.outcome')}
            data={REPLY_OUTCOMES.map((o) => ({ value: o, label: label(REPLY_OUTCOME_LABELS[o]) }))}
            value={outcome}
            onChange={setOutcome}
            error={errors.outcome}
            required
          />
          <Textarea
            label={t('cases.noteOptional')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('reception.replySubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Visitors({ e }: { e: TReceptionEntry }) {
  const shown = e.visitors.slice(0, 2);
  return (
    <Stack gap={2}>
      {shown.map((x, i) =>
        x.masked || !x.identity ? (
          <Group key={i} gap={4} wrap="nowrap">
            <IconLock size={13} color="var(--mantine-color-gray-6)" aria-hidden />
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {x.label}
            </Text>
          </Group>
        ) : (
          <Text key={i} size="sm">
            {x.identity.name}
          </Text>
        ),
      )}
      {e.visitors.length > 2 ? (
        <Text size="xs" c="dimmed">
          +{e.visitors.length - 2}
        </Text>
      ) : null}
    </Stack>
  );
}

function ReplyDue({ e }: { e: TReceptionEntry }) {
  const { t } = useTranslation();
  const today = todayIso();
  const state = e.repliedOn ? 'done' : e.replyOverdue ? 'overdue' : dueDateState(e.replyBy, null, today);
  const days =
    state === 'overdue' ? daysBetween(e.replyBy, e.repliedOn ?? today) : state === 'due_soon' ? daysBetween(today, e.replyBy) : undefined;
  return (
    <Tooltip label={<Explanation lines={e.replyByExplanation} />} multiline maw={380} withArrow>
      <Stack gap={2} align="flex-start">
        <Text size="sm" fw={500} c={state === 'overdue' ? 'red.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {formatDate(e.replyBy)}
        </Text>
        {e.repliedOn ? (
          <Badge color={e.repliedOn > e.replyBy ? 'red' : 'green'} variant="light" tt="none">
            {e.repliedOn > e.replyBy ? t('reception.repliedLate') : t('reception.replied')}
          </Badge>
        ) : (
          <CaseDueBadge state={state} days={days} />
        )}
      </Stack>
    </Tooltip>
  );
}

function EntryDetail({ entry, onClose }: { entry: TReceptionEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const modal = useModalSize('lg');
  const [revealing, setRevealing] = useState(false);
  const rows: [string, string | null][] = [
    [t('reception.receivedOn'), formatDate(entry.receivedOn)],
    [t('reception.session'), entry.session ? formatDate(entry.session.date) : null],
    [t('reception.groupSize'), String(entry.groupSize)],
    [t('reception.content'), entry.content],
    [t('reception.priorHandling'), entry.priorHandling],
    [t('reception.request'), entry.request],
    [t('reception.handling'), entry.handling],
    [t('reception.documentsReceived'), entry.documentsReceived],
    [t('reception.signed'), entry.signed ? t('app.yes') : t('app.no')],
    [t('reception.officer'), entry.officer.name],
    [t('reception.replyBy'), formatDate(entry.replyBy)],
    [t('reception.replyOn'), entry.repliedOn ? formatDate(entry.repliedOn) : null],
    [t('reception.outcome'), entry.replyOutcome ? label(REPLY_OUTCOME_LABELS[entry.replyOutcome]) : null],
  ];
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      title={<Text fw={600}>{t('reception.entryNo', { no: entry.seqNo, year: entry.year })}</Text>}
      size={modal.size}
      fullScreen={modal.fullScreen}
    >
      <Stack>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('reception.visitors')}
          </Text>
          {entry.visitors.map((x, i) =>
            x.masked || !x.identity ? (
              <Group key={i} gap={6}>
                <IconLock size={14} aria-hidden />
                <Text size="sm">{x.label}</Text>
                <Text size="xs" c="dimmed">
                  {t('cases.maskedNote')}
                </Text>
              </Group>
            ) : (
              <Paper key={i} withBorder p="xs">
                <IdentityView identity={x.identity} />
              </Paper>
            ),
          )}
          {/* Only the handler or decision-maker of the linked denunciation may reveal; the server says so when it sends `canReveal`. */}
          {entry.protected && ((entry as { canReveal?: boolean }).canReveal ?? true) ? (
            <Button
              size="compact-sm"
              variant="light"
              color="orange"
              w="fit-content"
              leftSection={<IconEye size={14} />}
              onClick={() => setRevealing(true)}
            >
              {t('cases.reveal')}
            </Button>
          ) : null}
        </Stack>
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {rows.map(([k, val]) => (
              <Table.Tr key={k}>
                <Table.Td c="dimmed" w={200} style={{ verticalAlign: 'top' }}>
                  {k}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{val ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Explanation lines={entry.replyByExplanation} />
        {entry.cases.length ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('reception.cases')}
            </Text>
            {entry.cases.map((c) => (
              <Group key={c.id} gap={6}>
                <Anchor component={Link} to={`/cases/${c.id}`} ff="monospace" size="sm" fw={600}>
                  {c.code}
                </Anchor>
                <Badge size="sm" variant="light" color={KIND_COLORS[c.kind]} tt="none">
                  {label(CASE_KIND_LABELS[c.kind])}
                </Badge>
                <CaseStatusBadge status={c.status} />
              </Group>
            ))}
          </Stack>
        ) : null}
      </Stack>
      {revealing ? (
        <RevealModal<{ visitors: TIdentity[] }>
          url={`/api/reception/entries/${entry.id}/reveal`}
          title={`${t('cases.reveal')}: ${t('reception.entryNo', { no: entry.seqNo, year: entry.year })}`}
          onClose={() => setRevealing(false)}
          render={(d) => (
            <Stack gap="xs">
              {d.visitors.map((x, i) => (
                <Paper key={i} withBorder p="xs">
                  <IdentityView identity={x} />
                </Paper>
              ))}
            </Stack>
          )}
        />
      ) : null}
    </Modal>
  );
}

function Register({
  year,
  canManage,
  logSession,
  onLogged,
}: {
  year: number;
  canManage: boolean;
  logSession: string | null | undefined;
  onLogged: () => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [logging, setLogging] = useState<string | null | undefined>(undefined);
  const [replying, setReplying] = useState<TReceptionEntry | null>(null);
  const [viewing, setViewing] = useState<TReceptionEntry | null>(null);
  const list = useQuery({
    queryKey: ['reception', 'entries', year, q],
    queryFn: () => get<TReceptionEntry[]>(`/api/reception/entries${qs({ year, q: q || undefined })}`),
  });
  useEffect(() => {
    if (logSession !== undefined) setLogging(logSession);
  }, [logSession]);
  const rows = list.data ?? [];
  return (
    <>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <TextInput
          aria-label={t('reception.searchEntries')}
          placeholder={t('reception.searchEntries')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
        {canManage ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setLogging(null)}>
            {t('reception.logEntry')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={list.error} />
      {list.isLoading ? <TableSkeleton cols={10} /> : null}
      {list.data && rows.length === 0 ? (
        <Paper withBorder>
          <EmptyState
            title={q ? t('reception.noMatch') : t('reception.noEntries', { year })}
            hint={q ? t('app.noMatchHint') : canManage ? t('reception.noEntriesHint') : undefined}
          />
        </Paper>
      ) : null}
      {rows.length ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={1180}>
            <Table striped highlightOnHover verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reception.seqNo')}</Table.Th>
                  <Table.Th>{t('reception.receivedOn')}</Table.Th>
                  <Table.Th>{t('reception.visitors')}</Table.Th>
                  <Table.Th ta="right">{t('reception.groupSizeShort')}</Table.Th>
                  <Table.Th>{t('reception.content')}</Table.Th>
                  <Table.Th>{t('reception.request')}</Table.Th>
                  <Table.Th>{t('reception.officer')}</Table.Th>
                  <Table.Th>{t('reception.replyBy')}</Table.Th>
                  <Table.Th>{t('reception.outcome')}</Table.Th>
                  <Table.Th>{t('reception.cases')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor
                        component="button"
                        type="button"
                        fw={600}
                        size="sm"
                        onClick={() => setViewing(e)}
                        aria-label={`${t('reception.details')}: ${t('reception.entryNo', { no: e.seqNo, year: e.year })}`}
                      >
                        {e.seqNo}/{e.year}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.receivedOn)}</Table.Td>
                    <Table.Td maw={200}>
                      <Visitors e={e} />
                    </Table.Td>
                    <Table.Td ta="right">{e.groupSize}</Table.Td>
                    <Table.Td maw={280}>
                      <Text size="sm" lineClamp={3}>
                        {e.content}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={200}>
                      <Text size="sm" lineClamp={3}>
                        {e.request ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{e.officer.name}</Table.Td>
                    <Table.Td>
                      <ReplyDue e={e} />
                      {canManage && !e.repliedOn ? (
                        <Button size="compact-xs" variant="light" mt={4} onClick={() => setReplying(e)}>
                          {t('reception.reply')}
                        </Button>
                      ) : null}
                    </Table.Td>
                    <Table.Td maw={180}>
                      {e.replyOutcome ? (
                        <Text size="sm">{label(REPLY_OUTCOME_LABELS[e.replyOutcome])}</Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                      {e.repliedOn ? (
                        <Text size="xs" c="dimmed">
                          {formatDate(e.repliedOn)}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {e.cases.map((c) => (
                          <Tooltip key={c.id} label={label(CASE_KIND_LABELS[c.kind])}>
                            <Anchor
                              component={Link}
                              to={`/cases/${c.id}`}
                              ff="monospace"
                              size="sm"
                              c={`${KIND_COLORS[c.kind]}.8`}
                              style={{ whiteSpace: 'nowrap' }}
                            >
                              {c.code}
                            </Anchor>
                          </Tooltip>
                        ))}
                        {e.cases.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        ) : null}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {logging !== undefined ? (
        <EntryForm
          year={year}
          sessionId={logging}
          onClose={() => {
            setLogging(undefined);
            onLogged();
          }}
        />
      ) : null}
      {replying ? <ReplyForm entry={replying} onClose={() => setReplying(null)} /> : null}
      {viewing ? <EntryDetail entry={viewing} onClose={() => setViewing(null)} /> : null}
    </>
  );
}

/* ---------------- Page ---------------- */

export function ReceptionPage() {
  const { t } = useTranslation();
  const canManage = useCan('reception.manage');
  const canReadCases = useCan('cases.read');
  const canRegister = canManage || canReadCases;
  const [tab, setTab] = useState<string>(() =>
    new URLSearchParams(window.location.search).get('tab') === 'register' ? 'register' : 'schedule',
  );
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [logSession, setLogSession] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${tab === 'register' ? '?tab=register' : ''}`);
  }, [tab]);
  return (
    <>
      <PageHeader
        title={t('reception.title')}
        subtitle={t('reception.subtitle')}
        actions={
          <Select
            aria-label={t('cases.year')}
            data={Array.from({ length: 5 }, (_, i) => String(thisYear + 1 - i))}
            value={String(year)}
            onChange={(x) => setYear(Number(x ?? thisYear))}
            allowDeselect={false}
            w={110}
          />
        }
      />
      <Tabs value={tab} onChange={(x) => setTab(x ?? 'schedule')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="schedule">{t('reception.tabSchedule')}</Tabs.Tab>
          {canRegister ? <Tabs.Tab value="register">{t('reception.tabRegister')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="schedule">
          <Schedule
            year={year}
            canManage={canManage}
            onLog={(id) => {
              setLogSession(id);
              setTab('register');
            }}
          />
        </Tabs.Panel>
        {canRegister ? (
          <Tabs.Panel value="register">
            <Register year={year} canManage={canManage} logSession={logSession} onLogged={() => setLogSession(undefined)} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
      {canRegister && tab === 'register' ? (
        <Alert color="gray" variant="light" mt="md" icon={<IconLock size={18} />} p="xs">
          <Text size="xs">{t('reception.privacyNote')}</Text>
        </Alert>
      ) : null}
    </>
  );
}
