import { useState } from 'react';
import { type TUnitReport, ZReportSave, ZReturnRequest } from '../../../contracts/reports';
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
import { ConfirmModal, ErrorAlert, FormAlert, Loading, notifyError, notifyOk, PageHeader } from '../../ui/common';
import { errorsOf, showServerErrors, useSchemaForm } from '../../ui/form';
import { formatDate, formatDateTime } from '../../ui/format';
import { lightBadge, REPORT_STATUS_COLORS } from './colors';
import { StandingBadge } from './standing';

type Report = TUnitReport;
type ReportValues = { sections: Record<string, string>; indicators: Record<string, number | null> };
/** The request body of the report (ZReportSave; the PATCH adds the version read). */
const reportRequest = (v: ReportValues) => ({
  sections: Object.entries(v.sections).map(([key, text]) => ({ key, text })),
  indicators: v.indicators,
});
const ZReportForm = ZReportSave.omit({ version: true });
const ZReturnForm = ZReturnRequest.omit({ version: true });

export function UnitReportPage() {
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
  if (rep.isLoading) return <Loading />;
  if (!rep.data) return <ErrorAlert error={rep.error} />;
  // A new version read (saved, sent, returned) starts the form again from it.
  return <UnitReportForm key={`${rep.data.id}:${rep.data.version}`} r={rep.data} queryKey={key} />;
}

/** The Office returns the report saying what to add or correct (ZReturnRequest). */
function ReturnDialog({ r, onDone, onClose }: { r: Report; onDone: (r: Report) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useSchemaForm({ schema: ZReturnForm, initialValues: { comment: '' }, toRequest: (v: { comment: string }) => v });
  const errors = errorsOf(form);
  const send = useMutation({
    mutationFn: (body: { comment: string }) => post<Report>(`/api/unit-reports/${r.id}/return`, { ...body, version: r.version }),
    onSuccess: async (x) => {
      notifyOk(t('reports.returnedDone', { unit: x.unit.name }));
      onClose();
      await onDone(x);
    },
    onError: (err) => {
      showServerErrors(form, err);
      notifyError(err);
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('reports.return')} closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form onSubmit={form.onSubmit((body) => send.mutate(body))} noValidate>
        <Stack>
          <FormAlert errors={errors} />
          <Textarea
            label={t('reports.comment')}
            value={form.values.comment}
            onChange={(e) => form.setFieldValue('comment', e.currentTarget.value)}
            error={errors.comment}
            autosize
            minRows={3}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color="grape.9" loading={send.isPending}>
              {t('reports.return')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function UnitReportForm({ r, queryKey: key }: { r: Report; queryKey: string[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useSchemaForm<ReportValues, ReturnType<typeof reportRequest>>({
    schema: ZReportForm,
    toRequest: reportRequest,
    initialValues: {
      sections: Object.fromEntries(r.sections.map((s) => [s.key, s.text])),
      indicators: Object.fromEntries(r.indicators.map((i) => [i.code, i.value])),
    },
  });
  const sections = form.values.sections;
  const values = form.values.indicators;
  const errors = errorsOf(form);
  const [returning, setReturning] = useState(false);
  const done = async (x: Report) => {
    qc.setQueryData(key, x);
    await qc.invalidateQueries({ queryKey: ['report-cycles'] });
  };
  const onError = (err: unknown) => {
    showServerErrors(form, err);
    notifyError(err);
  };
  /** Runs `then` with the request body when the schema accepts it; otherwise the messages go under the fields. */
  const checked = (then: (body: ReturnType<typeof reportRequest>) => void) => {
    if (!form.validate().hasErrors) then(form.getTransformedValues());
  };
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof reportRequest>) => patch<Report>(`/api/unit-reports/${r.id}`, { ...body, version: r.version }),
    onSuccess: async (x) => {
      await done(x);
      notifyOk(t('reports.draftSaved'));
    },
    onError,
  });
  const [confirming, setConfirming] = useState(false);
  const submit = useMutation({
    mutationFn: async (body: ReturnType<typeof reportRequest>) => {
      const saved = await patch<Report>(`/api/unit-reports/${r.id}`, { ...body, version: r.version });
      return post<Report>(`/api/unit-reports/${saved.id}/submit`, { version: saved.version });
    },
    onSuccess: async (x) => {
      setConfirming(false);
      await done(x);
      notifyOk(t('reports.sent'));
    },
    onError,
  });
  const accept = useMutation({
    mutationFn: () => post<Report>(`/api/unit-reports/${r.id}/accept`, { version: r.version, comment: null }),
    onSuccess: async (x) => {
      await done(x);
      notifyOk(t('reports.acceptedDone', { unit: x.unit.name }));
    },
    onError,
  });
  const edit = r.abilities.edit;
  // A half-empty report is not sent with one click: list what is empty first (issue #14 point 4).
  const emptySections = r.sections.filter((s) => !(sections[s.key] ?? '').trim());
  const emptyIndicators = r.indicators.filter((i) => values[i.code] === null || values[i.code] === undefined);
  const trySubmit = () => checked((body) => (emptySections.length || emptyIndicators.length ? setConfirming(true) : submit.mutate(body)));
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
              <Button variant="default" onClick={() => checked((body) => save.mutate(body))} loading={save.isPending}>
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
                <Button onClick={() => accept.mutate()} loading={accept.isPending}>
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
          {r.sections.map((s, index) => (
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
                  // Section keys hold dots ("II.6"): set the record whole, not by path.
                  form.setValues((x) => ({ sections: { ...x.sections, [s.key]: v } }));
                }}
                error={errors[`sections.${index}.text`]}
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
                    onChange={(v) => form.setValues((x) => ({ indicators: { ...x.indicators, [i.code]: v === '' ? null : Number(v) } }))}
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
        onConfirm={() => checked((body) => submit.mutate(body))}
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
      {returning ? <ReturnDialog r={r} onDone={done} onClose={() => setReturning(false)} /> : null}
    </>
  );
}
