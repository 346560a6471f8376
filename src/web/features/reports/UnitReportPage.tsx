import { useEffect, useState } from 'react';
import type { TUnitReport } from '../../../contracts/reports';
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, get, patch, post } from '../../api';
import { ConfirmModal, ErrorAlert, Loading, notifyError, notifyOk, PageHeader } from '../../ui/common';
import { formatDate, formatDateTime } from '../../ui/format';
import { lightBadge, REPORT_STATUS_COLORS } from './colors';
import { StandingBadge } from './standing';

type Report = TUnitReport;

export function UnitReportPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { id, unitId } = useParams({ strict: false }) as { id: string; unitId: string };
  const key = ['report-cycles', id, 'unit', unitId];
  const rep = useQuery({
    queryKey: key,
    queryFn: async () => {
      const url = `/api/report-cycles/${id}/units/${unitId}`;
      try {
        return await get<Report>(url);
      } catch (err) {
        // Reading never creates the draft: the unit's editor starts it with a POST.
        if (err instanceof ApiError && err.body.code === 'REPORT_NOT_STARTED') return post<Report>(url);
        throw err;
      }
    },
  });
  const [sections, setSections] = useState<Record<string, string>>({});
  const [values, setValues] = useState<Record<string, number | null>>({});
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (rep.data) {
      setSections(Object.fromEntries(rep.data.sections.map((s) => [s.key, s.text])));
      setValues(Object.fromEntries(rep.data.indicators.map((i) => [i.code, i.value])));
    }
  }, [rep.data]);
  const done = async (r: Report) => {
    qc.setQueryData(key, r);
    await qc.invalidateQueries({ queryKey: ['report-cycles'] });
  };
  const onError = (err: unknown) => {
    if (err instanceof ApiError) setErrors({ ...err.fieldMessages(), _: err.body.message });
    notifyError(err);
  };
  const save = useMutation({
    mutationFn: () =>
      patch<Report>(`/api/unit-reports/${rep.data!.id}`, {
        version: rep.data!.version,
        sections: Object.entries(sections).map(([k, text]) => ({ key: k, text })),
        indicators: values,
      }),
    onSuccess: async (r) => {
      await done(r);
      notifyOk(t('reports.draftSaved'));
    },
    onError,
  });
  const [confirming, setConfirming] = useState(false);
  const submit = useMutation({
    mutationFn: async () => {
      const saved = await patch<Report>(`/api/unit-reports/${rep.data!.id}`, {
        version: rep.data!.version,
        sections: Object.entries(sections).map(([k, text]) => ({ key: k, text })),
        indicators: values,
      });
      return post<Report>(`/api/unit-reports/${saved.id}/submit`, { version: saved.version });
    },
    onSuccess: async (r) => {
      setConfirming(false);
      await done(r);
      notifyOk(t('reports.sent'));
    },
    onError,
  });
  const review = useMutation({
    mutationFn: (action: 'return' | 'accept') =>
      post<Report>(`/api/unit-reports/${rep.data!.id}/${action}`, {
        version: rep.data!.version,
        comment: action === 'return' ? comment : null,
      }),
    onSuccess: async (r) => {
      await done(r);
      setReturning(false);
      setComment('');
      notifyOk(t(r.status === 'returned' ? 'reports.returnedDone' : 'reports.acceptedDone', { unit: r.unit.name }));
    },
    onError,
  });
  if (rep.isLoading) return <Loading />;
  if (!rep.data) return <ErrorAlert error={rep.error} />;
  const r = rep.data;
  const edit = r.abilities.edit;
  // A half-empty report is not sent with one click: list what is empty first (issue #14 point 4).
  const emptySections = r.sections.filter((s) => !(sections[s.key] ?? '').trim());
  const emptyIndicators = r.indicators.filter((i) => values[i.code] === null || values[i.code] === undefined);
  const trySubmit = () => (emptySections.length || emptyIndicators.length ? setConfirming(true) : submit.mutate());
  return (
    <>
      <PageHeader
        title={`${r.unit.name}: báo cáo ${r.cycle.title}`}
        subtitle={`${t('reports.due')}: ${t('reports.before')} ${formatDate(r.cycle.dueOn)} · ${t('reports.dataUntil')} ${formatDate(r.cycle.cutoffOn)}`}
        actions={
          <>
            <Badge size="lg" {...lightBadge(REPORT_STATUS_COLORS[r.status] ?? 'gray')}>
              {t(`reports.status_${r.status}`)}
            </Badge>
            <StandingBadge standing={r.standing} submittedOn={r.submittedOn} />
            {edit ? (
              <Button variant="default" onClick={() => save.mutate()} loading={save.isPending}>
                {t('app.save')}
              </Button>
            ) : null}
            {r.abilities.submit ? (
              <Button onClick={trySubmit} loading={submit.isPending}>
                {r.status === 'returned' ? t('reports.resubmit') : t('reports.submit')}
              </Button>
            ) : null}
            {r.abilities.review ? (
              <>
                <Button variant="default" onClick={() => setReturning(true)}>
                  {t('reports.return')}
                </Button>
                <Button onClick={() => review.mutate('accept')} loading={review.isPending}>
                  {t('reports.accept')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      {errors._ ? (
        <Alert color="red" mb="md">
          {errors._}
        </Alert>
      ) : null}
      {r.status === 'returned' ? (
        <Alert color="orange" mb="md" title={t('reports.returnedTitle')}>
          {[...r.events].reverse().find((e) => e.action === 'returned')?.comment}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Stack style={{ gridColumn: 'span 2' }}>
          {r.sections.map((s) => (
            <Paper withBorder p="md" key={s.key}>
              <Text fw={600} size="sm" mb={4}>
                {s.title}
              </Text>
              {s.recorded.length ? (
                <Paper bg="gray.0" p="xs" mb="xs">
                  <Text size="xs" fw={600} c="dimmed">
                    {t('reports.recorded')}
                  </Text>
                  <List size="xs">
                    {s.recorded.map((x, i) => (
                      <List.Item key={i}>{x.replace(/^- /, '')}</List.Item>
                    ))}
                  </List>
                </Paper>
              ) : null}
              <Textarea
                aria-label={s.title}
                value={sections[s.key] ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setSections((x) => ({ ...x, [s.key]: v }));
                }}
                readOnly={!edit}
                autosize
                minRows={2}
              />
            </Paper>
          ))}
        </Stack>
        <Stack>
          <Paper withBorder p="md">
            <Title order={5} mb="sm">
              {t('reports.indicators')}
            </Title>
            <Stack gap="xs">
              {r.indicators.map((i) => (
                <div key={i.code}>
                  <NumberInput
                    label={`${i.name} (${i.unit})`}
                    description={i.definition ?? undefined}
                    value={values[i.code] ?? ''}
                    onChange={(v) => setValues((x) => ({ ...x, [i.code]: v === '' ? null : Number(v) }))}
                    readOnly={!edit}
                    min={0}
                    allowDecimal={false}
                    error={errors[`indicators.${i.code}`]}
                  />
                  {i.computed ? (
                    <Text size="xs" c="teal.9">
                      {t('reports.computed')}: {i.computed.value} — {i.computed.how}
                    </Text>
                  ) : null}
                </div>
              ))}
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Title order={5} mb="sm">
              {t('reports.history')}
            </Title>
            {r.events.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('app.empty')}
              </Text>
            ) : null}
            <Timeline bulletSize={12}>
              {r.events.map((e, i) => (
                <Timeline.Item key={i} title={t(`reports.event_${e.action}`)}>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(e.at)} · {e.actorName}
                  </Text>
                  {e.comment ? <Text size="sm">{e.comment}</Text> : null}
                </Timeline.Item>
              ))}
            </Timeline>
          </Paper>
        </Stack>
      </SimpleGrid>
      <ConfirmModal
        opened={confirming}
        title={t('reports.emptyTitle')}
        message={t('reports.emptyMessage')}
        confirmLabel={t('reports.sendAnyway')}
        color="blue.9"
        loading={submit.isPending}
        onConfirm={() => submit.mutate()}
        onClose={() => setConfirming(false)}
      >
        {emptySections.length ? (
          <div>
            <Text size="sm" fw={600}>
              {t('reports.emptySections')} ({emptySections.length})
            </Text>
            <List size="sm">
              {emptySections.map((s) => (
                <List.Item key={s.key}>{s.title}</List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {emptyIndicators.length ? (
          <div>
            <Text size="sm" fw={600}>
              {t('reports.emptyIndicators')} ({emptyIndicators.length})
            </Text>
            <List size="sm">
              {emptyIndicators.map((i) => (
                <List.Item key={i.code}>{i.name}</List.Item>
              ))}
            </List>
          </div>
        ) : null}
      </ConfirmModal>
      <Modal
        opened={returning}
        onClose={() => setReturning(false)}
        title={t('reports.return')}
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <Stack>
          <Textarea
            label={t('reports.comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={errors.comment}
            autosize
            minRows={3}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReturning(false)}>
              {t('app.cancel')}
            </Button>
            <Button color="grape.9" onClick={() => review.mutate('return')} loading={review.isPending}>
              {t('reports.return')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
