import { useState } from 'react';
import { type TAgencyReport, type TAgencyReportBody, type TAssessment, ZAgencyReportSave } from '../../../contracts/reports';
import { Alert, Button, Group, Paper, Progress, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { downloadWithProgress } from './download';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { get, post, put } from '../../api';
import { useCan } from '../../session';
import { DmyDateInput, ErrorAlert, FormAlert, Loading, notifyError, notifyOk, PageHeader } from '../../ui/common';
import { errorsOf, showServerErrors, useSchemaForm } from '../../ui/form';
import { formatDateTime } from '../../ui/format';
import { NumberDialog } from '../../ui/NumberDialog';

type Assessment = TAssessment;
const ASSESSMENT: (keyof Assessment)[] = ['achievements', 'shortcomings', 'directions', 'proposals'];
type Body = TAgencyReportBody;
type Agency = TAgencyReport;

/** The agency report's text as saved (ZAgencyReportSave's body; the PUT adds the version read). */
const bodyRequest = (v: Body) => v;
const ZBodyForm = ZAgencyReportSave.shape.body;

export function AgencyReportPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const data = useQuery({
    queryKey: ['report-cycles', id, 'agency'],
    queryFn: () => get<Agency>(`/api/report-cycles/${id}/agency-report`),
  });
  if (!data.data) return data.error ? <ErrorAlert error={data.error} /> : <Loading />;
  // A new version or number read starts the form again from the server's text.
  return <AgencyReportForm key={`${data.data.version}:${data.data.body.numberSymbol ?? ''}`} id={id} a={data.data} />;
}

function AgencyReportForm({ id, a }: { id: string; a: Agency }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canManage = useCan('plans.manage');
  const canNumber = useCan('outgoing.issue');
  const [numbering, setNumbering] = useState(false);
  const form = useSchemaForm<Body, Body>({ schema: ZBodyForm, toRequest: bodyRequest, initialValues: a.body });
  const body = form.values;
  const errors = errorsOf(form);
  const setBody = (b: Body) => form.setValues(b);
  const [progress, setProgress] = useState<{ format: string; fraction: number | null } | null>(null);
  const download = (format: 'docx' | 'xlsx') =>
    downloadWithProgress(`/api/report-cycles/${id}/export?format=${format}`, `bao-cao.${format}`, (fraction) =>
      setProgress(fraction === 1 ? null : { format, fraction }),
    ).catch((err) => {
      setProgress(null);
      notifyError(err);
    });
  const save = useMutation({
    mutationFn: (b: Body) => put<Agency>(`/api/report-cycles/${id}/agency-report`, { version: a.version, body: b }),
    onSuccess: (r) => {
      qc.setQueryData(['report-cycles', id, 'agency'], r);
      notifyOk(`${t('app.saved')} — ${t('reports.version')} ${r.version}`);
    },
    onError: (err) => {
      showServerErrors(form, err);
      notifyError(err);
    },
  });
  const submit = form.onSubmit((b) => save.mutate(b));
  return (
    <>
      <PageHeader
        title={t('reports.agency')}
        subtitle={a.version ? `${t('reports.version')} ${a.version} · ${formatDateTime(a.savedAt)}` : t('reports.draftFromUnits')}
        actions={
          <>
            {canManage && canNumber && !/^\d/.test(a.body.numberSymbol ?? '') ? (
              <Button variant="filled" color="teal" onClick={() => setNumbering(true)}>
                {t('reports.numberGive')}
              </Button>
            ) : null}
            {canManage ? (
              <Button onClick={() => submit()} loading={save.isPending}>
                {t('reports.saveVersion')}
              </Button>
            ) : null}
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              loading={progress?.format === 'docx'}
              onClick={() => void download('docx')}
            >
              {t('reports.downloadDocx')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              loading={progress?.format === 'xlsx'}
              onClick={() => void download('xlsx')}
            >
              {t('reports.downloadXlsx')}
            </Button>
          </>
        }
      />
      {numbering ? (
        <NumberDialog
          ns="reports"
          give={(issuedOn) =>
            post<{ numberSymbol: string }>(`/api/report-cycles/${id}/agency-report/number`, { issuedOn, version: a.version })
          }
          onNumbered={async (r) => {
            notifyOk(t('reports.numbered', { symbol: r.numberSymbol }));
            await qc.invalidateQueries({ queryKey: ['report-cycles', id, 'agency'] });
            await qc.invalidateQueries({ queryKey: ['outgoing'] });
          }}
          onClose={() => setNumbering(false)}
        />
      ) : null}
      {progress ? (
        <Progress
          value={(progress.fraction ?? 0.5) * 100}
          animated={progress.fraction === null}
          mb="sm"
          aria-label={t('reports.downloadDocx')}
        />
      ) : null}
      {a.consolidated.missing.length ? (
        <Alert color="orange" mb="sm">
          {t('reports.missingUnits')}: {a.consolidated.missing.join('; ')}
        </Alert>
      ) : null}
      {a.consolidated.late.length ? (
        <Alert color="red" mb="sm">
          {t('reports.lateUnits')}: {a.consolidated.late.map((l) => `${l.unit} (${l.days} ${t('reports.days')})`).join('; ')}
        </Alert>
      ) : null}
      <Stack>
        <FormAlert errors={errors} />
        <Paper withBorder p="md">
          <Stack gap="sm">
            <TextInput
              label={t('import.summary')}
              value={body.summary}
              onChange={(e) => setBody({ ...body, summary: e.currentTarget.value })}
              error={errors.summary}
              readOnly={!canManage}
            />
            <TextInput
              label={t('reports.numberSymbol')}
              description={t('reports.numberSymbolHint')}
              value={body.numberSymbol ?? ''}
              onChange={(e) => setBody({ ...body, numberSymbol: e.currentTarget.value })}
              error={errors.numberSymbol}
              w={260}
              readOnly={!canManage || /^\d/.test(a.body.numberSymbol ?? '')}
            />
            <DmyDateInput
              label={t('plans.signedOn')}
              value={body.date}
              onChange={(v) => setBody({ ...body, date: v })}
              error={errors.date}
              w={200}
              readOnly={!canManage}
            />
            <Textarea
              label={t('reports.intro')}
              value={body.intro}
              onChange={(e) => setBody({ ...body, intro: e.currentTarget.value })}
              error={errors.intro}
              autosize
              readOnly={!canManage}
            />
          </Stack>
        </Paper>
        {body.sections.map((s, i) => (
          <Paper withBorder p="md" key={s.key}>
            <Textarea
              label={s.title}
              value={s.text}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setBody({ ...body, sections: body.sections.map((x, j) => (j === i ? { ...x, text: v } : x)) });
              }}
              error={errors[`sections.${i}.text`]}
              autosize
              minRows={2}
              readOnly={!canManage}
            />
          </Paper>
        ))}
        <Paper withBorder p="md">
          <Title order={5} mb="sm">
            {t('reports.indicators')}
          </Title>
          <Table fz="sm">
            <Table.Tbody>
              {a.consolidated.indicators.map((d) => (
                <Table.Tr key={d.code}>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {d.total.toLocaleString('vi-VN')}
                  </Table.Td>
                  <Table.Td>{d.unit}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            {ASSESSMENT.map((k) => (
              <Textarea
                key={k}
                label={t(`reports.assessment_${k}`)}
                value={body.assessment?.[k] ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  const a = body.assessment ?? { achievements: '', shortcomings: '', directions: '', proposals: '' };
                  setBody({ ...body, assessment: { ...a, [k]: v } });
                }}
                error={errors[`assessment.${k}`]}
                autosize
                minRows={3}
                readOnly={!canManage}
              />
            ))}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Textarea
            label={t('reports.conclusion')}
            value={body.conclusion}
            onChange={(e) => setBody({ ...body, conclusion: e.currentTarget.value })}
            error={errors.conclusion}
            autosize
            minRows={3}
            readOnly={!canManage}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t('plans.recipients')}: {body.recipients.map((r) => r.name).join('; ')}
          </Text>
        </Paper>
      </Stack>
      <Group justify="flex-end" mt="md">
        {canManage ? (
          <Button onClick={() => submit()} loading={save.isPending}>
            {t('reports.saveVersion')}
          </Button>
        ) : null}
      </Group>
    </>
  );
}
