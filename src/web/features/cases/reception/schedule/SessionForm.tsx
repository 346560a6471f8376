/** Adding or editing a reception session: the head's sessions cannot be delegated, online sessions exist from 01/07/2026 (Law 136/2025). */
import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  HOST_KIND_LABELS,
  HOST_KINDS,
  SESSION_MODE_LABELS,
  type HostKind,
  type TReceptionSession,
} from '../../../../../contracts/reception';
import { get, patch, post } from '../../../../api';
import { label } from '../../../../i18n';
import { DmyDateInput, FormAlert, formErrorsOf, isStale, notifyOk, useModalSize, type FormErrors } from '../../../../ui/common';
import { todayIso } from '../../../../ui/format';
import { focusFirstError } from '../../common';
import { type Host, type SessionsData, ONLINE_FROM, hostLabel } from '../shared';

export const sessionValues = (s: TReceptionSession | null) => ({
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

export function SessionForm({ session, onClose }: { session: TReceptionSession | null; onClose: () => void }) {
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
