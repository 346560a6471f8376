import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MODEL_CRITERIA, RECOGNITION_LEVELS, type TModelDetail } from '../../../contracts/exemplars';
import { ApiError, get, post } from '../../api';
import { DmyDateInput, ErrorAlert, Loading, notifyOk, PageHeader } from '../../ui/common';
import { uploadFiles, useUnits } from '../../ui/data';
import { formatDate } from '../../ui/format';
import { ModelForm } from './ModelForm';
import { ModelStatusBadge } from './ModelsPage';

type Errors = Record<string, string>;

/** A mutation on the model that refreshes it and shows field errors. */
function useModelAction<V>(model: TModelDetail, url: string, onDone: () => void) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [errors, setErrors] = useState<Errors>({});
  const m = useMutation({
    mutationFn: async (body: V | (() => Promise<V>)) =>
      post<TModelDetail>(url, typeof body === 'function' ? await (body as () => Promise<V>)() : body),
    onSuccess: async () => {
      notifyOk(t('app.saved'));
      await qc.invalidateQueries({ queryKey: ['models'] });
      onDone();
    },
    onError: (err) => err instanceof ApiError && setErrors({ ...err.fieldMessages(), _: err.body.message }),
  });
  return { ...m, errors, reset: () => setErrors({}), modelId: model.id };
}

function FormError({ errors }: { errors: Errors }) {
  return errors._ ? (
    <Text c="red" size="sm" role="alert">
      {errors._}
    </Text>
  ) : null;
}

function EvidenceForm({ model }: { model: TModelDetail }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ recordedOn: null as string | null, note: '', label: '', value: '' as number | string, unit: '' });
  const [files, setFiles] = useState<File[]>([]);
  const act = useModelAction(model, `/api/models/${model.id}/evidence`, () => {
    setV({ recordedOn: null, note: '', label: '', value: '', unit: '' });
    setFiles([]);
  });
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        act.reset();
        act.mutate(async () => ({
          recordedOn: v.recordedOn,
          note: v.note,
          figures: v.label && v.value !== '' ? [{ label: v.label, value: Number(v.value), unit: v.unit }] : [],
          attachmentIds: await uploadFiles(files),
        }));
      }}
    >
      <Stack gap="xs">
        <Title order={5}>{t('models.addEvidence')}</Title>
        <FormError errors={act.errors} />
        <DmyDateInput
          label={t('models.recordedOn')}
          value={v.recordedOn}
          onChange={(x) => setV({ ...v, recordedOn: x })}
          error={act.errors.recordedOn}
          required
        />
        <Textarea
          label={t('models.note')}
          value={v.note}
          onChange={(e) => setV({ ...v, note: e.currentTarget.value })}
          error={act.errors.note}
          required
          autosize
          minRows={2}
        />
        <Group grow align="flex-start">
          <TextInput label={t('models.figureLabel')} value={v.label} onChange={(e) => setV({ ...v, label: e.currentTarget.value })} />
          <NumberInput label={t('models.figureValue')} value={v.value} onChange={(x) => setV({ ...v, value: x })} min={0} />
          <TextInput label={t('models.figureUnit')} value={v.unit} onChange={(e) => setV({ ...v, unit: e.currentTarget.value })} />
        </Group>
        <FileInput
          label={t('models.files')}
          multiple
          value={files}
          onChange={setFiles}
          leftSection={<IconPaperclip size={16} />}
          clearable
          error={act.errors.attachmentIds}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={act.isPending}>
            {t('models.addEvidence')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

const blankScores = () => Object.fromEntries(MODEL_CRITERIA.map((c) => [c, 8])) as Record<(typeof MODEL_CRITERIA)[number], number>;

function EvaluationModal({ model, onClose }: { model: TModelDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ evaluatedOn: null as string | null, council: '', passMark: 70, conclusion: '' });
  const [members, setMembers] = useState([{ name: '', scores: blankScores() }]);
  const act = useModelAction(model, `/api/models/${model.id}/evaluations`, onClose);
  return (
    <Modal opened onClose={onClose} title={t('models.evaluate')} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          act.reset();
          act.mutate({ ...v, members });
        }}
      >
        <Stack>
          <FormError errors={act.errors} />
          <Group grow align="flex-start">
            <DmyDateInput
              label={t('models.evaluatedOn')}
              value={v.evaluatedOn}
              onChange={(x) => setV({ ...v, evaluatedOn: x })}
              error={act.errors.evaluatedOn}
              required
            />
            <TextInput
              label={t('models.council')}
              value={v.council}
              onChange={(e) => setV({ ...v, council: e.currentTarget.value })}
              error={act.errors.council}
              required
            />
            <NumberInput
              label={t('models.passMark')}
              value={v.passMark}
              onChange={(x) => setV({ ...v, passMark: Number(x) || 0 })}
              min={0}
              max={100}
            />
          </Group>
          <Text size="sm" c="dimmed">
            {t('models.criteriaHint')}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('models.member')}</Table.Th>
                  {MODEL_CRITERIA.map((c) => (
                    <Table.Th key={c}>{t(`models.crit_${c}`)}</Table.Th>
                  ))}
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((m, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      <TextInput
                        aria-label={`${t('models.member')} ${i + 1}`}
                        value={m.name}
                        onChange={(e) => setMembers(members.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))}
                        error={act.errors[`members.${i}.name`]}
                        required
                      />
                    </Table.Td>
                    {MODEL_CRITERIA.map((c) => (
                      <Table.Td key={c}>
                        <NumberInput
                          aria-label={`${t(`models.crit_${c}`)} ${i + 1}`}
                          value={m.scores[c]}
                          min={0}
                          max={10}
                          w={70}
                          onChange={(x) =>
                            setMembers(members.map((y, j) => (j === i ? { ...y, scores: { ...y.scores, [c]: Number(x) || 0 } } : y)))
                          }
                        />
                      </Table.Td>
                    ))}
                    <Table.Td>
                      {members.length > 1 ? (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('app.delete')}
                          onClick={() => setMembers(members.filter((_, j) => j !== i))}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <Button variant="light" onClick={() => setMembers([...members, { name: '', scores: blankScores() }])}>
              {t('models.addMember')}
            </Button>
          </Group>
          <Textarea
            label={t('models.conclusion')}
            value={v.conclusion}
            onChange={(e) => setV({ ...v, conclusion: e.currentTarget.value })}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={act.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CommendModal({ model, onClose }: { model: TModelDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ level: 'agency' as string | null, decisionRef: '', recognizedOn: null as string | null });
  const act = useModelAction(model, `/api/models/${model.id}/transition`, onClose);
  return (
    <Modal opened onClose={onClose} title={t('models.commend')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          act.reset();
          act.mutate({ action: 'commend', version: model.version, ...v });
        }}
      >
        <Stack>
          <FormError errors={act.errors} />
          <Select
            label={t('models.level')}
            data={RECOGNITION_LEVELS.map((l) => ({ value: l, label: t(`models.level_${l}`) }))}
            value={v.level}
            onChange={(x) => setV({ ...v, level: x })}
            allowDeselect={false}
          />
          <TextInput
            label={t('models.decisionRef')}
            value={v.decisionRef}
            onChange={(e) => setV({ ...v, decisionRef: e.currentTarget.value })}
            error={act.errors.decisionRef}
            required
          />
          <DmyDateInput
            label={t('models.recognizedOn')}
            value={v.recognizedOn}
            onChange={(x) => setV({ ...v, recognizedOn: x })}
            error={act.errors.recognizedOn}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={act.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function StopModal({ model, onClose }: { model: TModelDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const act = useModelAction(model, `/api/models/${model.id}/transition`, onClose);
  return (
    <Modal opened onClose={onClose} title={t('models.stop')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          act.reset();
          act.mutate({ action: 'stop', version: model.version, reason });
        }}
      >
        <Stack>
          <FormError errors={act.errors} />
          <Textarea
            label={t('models.stopReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={act.errors.reason}
            required
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color="red" loading={act.isPending}>
              {t('models.stop')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ReplicationModal({ model, onClose }: { model: TModelDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const units = useUnits();
  const [v, setV] = useState({ unitId: null as string | null, agencyName: '', startedOn: null as string | null, note: '' });
  const act = useModelAction(model, `/api/models/${model.id}/replications`, onClose);
  return (
    <Modal opened onClose={onClose} title={t('models.replicate')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          act.reset();
          act.mutate({ ...v, agencyName: v.agencyName || null });
        }}
      >
        <Stack>
          <FormError errors={act.errors} />
          <Select
            label={t('models.replicateUnit')}
            data={(units.data ?? []).filter((u) => u.id !== model.unitId).map((u) => ({ value: u.id, label: u.name }))}
            value={v.unitId}
            onChange={(x) => setV({ ...v, unitId: x })}
            error={act.errors.unitId}
            searchable
            clearable
          />
          <TextInput
            label={t('models.replicateAgency')}
            value={v.agencyName}
            onChange={(e) => setV({ ...v, agencyName: e.currentTarget.value })}
          />
          <DmyDateInput
            label={t('models.startedOn')}
            value={v.startedOn}
            onChange={(x) => setV({ ...v, startedOn: x })}
            error={act.errors.startedOn}
            required
          />
          <Textarea
            label={t('models.note')}
            value={v.note}
            onChange={(e) => setV({ ...v, note: e.currentTarget.value })}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={act.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const FIELDS = [
  'situation',
  'objectives',
  'criteria',
  'content',
  'area',
  'beneficiaries',
  'forces',
  'resources',
  'milestones',
  'outputs',
  'sustainability',
] as const;

export function ModelPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const [open, setOpen] = useState<null | 'edit' | 'evaluate' | 'commend' | 'stop' | 'replicate'>(null);
  const data = useQuery({ queryKey: ['models', 'one', id], queryFn: () => get<TModelDetail>(`/api/models/${id}`) });
  const launch = useModelAction<{ action: 'launch'; version: number }>(
    data.data ?? ({ id } as TModelDetail),
    `/api/models/${id}/transition`,
    () => undefined,
  );
  if (data.isLoading) return <Loading />;
  if (!data.data) return <ErrorAlert error={data.error} />;
  const m = data.data;
  const close = () => setOpen(null);
  return (
    <>
      <PageHeader
        title={m.name}
        subtitle={
          <Anchor component={Link} to="/models">
            ← {t('models.title')} · {m.unitName}
          </Anchor>
        }
        actions={
          <>
            <ModelStatusBadge status={m.status} />
            {m.can.update ? (
              <Button variant="default" onClick={() => setOpen('edit')}>
                {t('app.edit')}
              </Button>
            ) : null}
            {m.can.update && m.status === 'registered' ? (
              <Button loading={launch.isPending} onClick={() => launch.mutate({ action: 'launch', version: m.version })}>
                {t('models.launch')}
              </Button>
            ) : null}
            {m.can.evaluate ? <Button onClick={() => setOpen('evaluate')}>{t('models.evaluate')}</Button> : null}
            {m.can.commend ? <Button onClick={() => setOpen('commend')}>{t('models.commend')}</Button> : null}
            {m.can.replicate ? <Button onClick={() => setOpen('replicate')}>{t('models.replicate')}</Button> : null}
            {m.can.update ? (
              <Button variant="subtle" color="red" onClick={() => setOpen('stop')}>
                {t('models.stop')}
              </Button>
            ) : null}
          </>
        }
      />
      {open === 'edit' ? <ModelForm model={m} onClose={close} /> : null}
      {open === 'evaluate' ? <EvaluationModal model={m} onClose={close} /> : null}
      {open === 'commend' ? <CommendModal model={m} onClose={close} /> : null}
      {open === 'stop' ? <StopModal model={m} onClose={close} /> : null}
      {open === 'replicate' ? <ReplicationModal model={m} onClose={close} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack>
          <Paper withBorder p="md">
            <Title order={5} mb="xs">
              {t('models.registration')}
            </Title>
            <Stack gap={6}>
              <Text size="sm">
                <b>{t('models.startedOn')}:</b> {formatDate(m.startedOn)} · <b>{t('models.evaluationDue')}:</b>{' '}
                {formatDate(m.evaluationDue)}
              </Text>
              {m.recognitionLevel ? (
                <Text size="sm">
                  <b>{t('models.recognized')}:</b> {t(`models.level_${m.recognitionLevel}`)} — {m.recognitionRef} (
                  {formatDate(m.recognizedOn)})
                </Text>
              ) : null}
              {m.stoppedReason ? (
                <Text size="sm" c="red">
                  <b>{t('models.stopReason')}:</b> {m.stoppedReason}
                </Text>
              ) : null}
              {FIELDS.filter((f) => m[f]).map((f) => (
                <div key={f}>
                  <Text size="sm" fw={600}>
                    {t(`models.${f}`)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {m[f]}
                  </Text>
                </div>
              ))}
            </Stack>
          </Paper>
        </Stack>
        <Stack>
          <Paper withBorder p="md">
            <Title order={5} mb="xs">
              {t('models.evaluations')}
            </Title>
            {m.evaluations.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('models.noEvaluations')}
              </Text>
            ) : null}
            {m.evaluations.map((e) => (
              <Stack key={e.id} gap={4} mb="sm">
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {formatDate(e.evaluatedOn)} · {e.council}
                  </Text>
                  <Badge color={e.passed ? 'green' : 'orange'} variant="dot">
                    {e.score} / {t('models.passMark')} {e.passMark} — {e.passed ? t('models.passed') : t('models.notPassed')}
                  </Badge>
                </Group>
                <Table fz="xs">
                  <Table.Tbody>
                    {e.members.map((x) => (
                      <Table.Tr key={x.name}>
                        <Table.Td>{x.name}</Table.Td>
                        <Table.Td>{MODEL_CRITERIA.map((c) => x.scores[c]).join(' · ')}</Table.Td>
                        <Table.Td>{x.total}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {e.conclusion ? <Text size="sm">{e.conclusion}</Text> : null}
              </Stack>
            ))}
          </Paper>
          <Paper withBorder p="md">
            <Title order={5} mb="xs">
              {t('models.evidence')}
            </Title>
            {m.evidence.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('models.noEvidence')}
              </Text>
            ) : null}
            <Timeline bulletSize={12}>
              {m.evidence.map((e) => (
                <Timeline.Item key={e.id} title={formatDate(e.recordedOn)}>
                  <Text size="sm">{e.note}</Text>
                  {e.figures.map((f) => (
                    <Text key={f.label} size="xs" c="dimmed">
                      {f.label}: {f.value.toLocaleString('vi-VN')} {f.unit}
                    </Text>
                  ))}
                  {e.files.map((f) => (
                    <Anchor key={f.id} href={`/api/files/${f.id}`} size="xs" display="block">
                      📎 {f.filename}
                    </Anchor>
                  ))}
                </Timeline.Item>
              ))}
            </Timeline>
          </Paper>
          {m.can.addEvidence ? <EvidenceForm model={m} /> : null}
          <Paper withBorder p="md">
            <Title order={5} mb="xs">
              {t('models.replications')}
            </Title>
            {m.replicationList.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('models.noReplications')}
              </Text>
            ) : null}
            {m.replicationList.map((r) => (
              <Text key={r.id} size="sm">
                {formatDate(r.startedOn)} — <b>{r.where}</b>
                {r.note ? `: ${r.note}` : ''}
              </Text>
            ))}
          </Paper>
        </Stack>
      </SimpleGrid>
    </>
  );
}
