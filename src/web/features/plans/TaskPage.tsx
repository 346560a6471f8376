import { uploadFiles } from '../../ui/data';
import { useState } from 'react';
import {
  Anchor,
  Button,
  FileInput,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TTask } from '../../../contracts/plans';
import { ApiError, get, post } from '../../api';
import { DueBadge, ErrorAlert, Loading, notifyOk, PageHeader, ProgressBar } from '../../ui/common';
import { formatDate } from '../../ui/format';

type Update = {
  id: string;
  unit: { id: string; name: string };
  author: string;
  reportedOn: string;
  progress: number;
  status: string;
  note: string;
  attachments: { id: string; filename: string; size: number }[];
};

function ProgressForm({ task }: { task: TTask }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [progress, setProgress] = useState<number>(task.progress);
  const [status, setStatus] = useState<'in_progress' | 'done'>('in_progress');
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useMutation({
    mutationFn: async () => {
      const attachmentIds = await uploadFiles(files);
      return post<{ updates: Update[] }>(`/api/tasks/${task.id}/progress`, {
        progress: status === 'done' ? 100 : progress,
        status,
        note,
        attachmentIds,
      });
    },
    onSuccess: async (r) => {
      const u = r.updates[0];
      notifyOk(u ? t('plans.progressRecorded', { progress: u.progress, unit: u.unit.name }) : t('app.saved'));
      setNote('');
      setFiles([]);
      await qc.invalidateQueries({ queryKey: ['tasks'] });
      await qc.invalidateQueries({ queryKey: ['plans'] });
    },
    onError: (err) => err instanceof ApiError && setErrors({ ...err.fieldMessages(), _: err.body.message }),
  });
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        setErrors({});
        submit.mutate();
      }}
    >
      <Stack>
        <Title order={5}>{t('plans.report')}</Title>
        {errors._ ? (
          <Text c="red" size="sm">
            {errors._}
          </Text>
        ) : null}
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          data={[
            { value: 'in_progress', label: t('plans.inProgress') },
            { value: 'done', label: t('plans.markDone') },
          ]}
        />
        {status === 'in_progress' ? (
          <NumberInput
            label={t('plans.percent')}
            value={progress}
            onChange={(x) => setProgress(Number(x) || 0)}
            min={0}
            max={100}
            error={errors.progress}
            w={160}
          />
        ) : null}
        <Textarea
          label={t('plans.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          required
          autosize
          minRows={3}
        />
        <FileInput
          label={t('plans.files')}
          multiple
          value={files}
          onChange={setFiles}
          leftSection={<IconPaperclip size={16} />}
          clearable
          error={errors.attachmentIds}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={submit.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function TaskPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const data = useQuery({ queryKey: ['tasks', 'one', id], queryFn: () => get<{ task: TTask; updates: Update[] }>(`/api/tasks/${id}`) });
  if (data.isLoading) return <Loading />;
  if (!data.data) return <ErrorAlert error={data.error} />;
  const { task, updates } = data.data;
  return (
    <>
      <PageHeader
        title={task.title}
        subtitle={
          <Anchor component={Link} to={`/plans/${task.planId}`}>
            ← {t('plans.title')} · {t('plans.item')} {task.itemLabel}
          </Anchor>
        }
        actions={<DueBadge state={task.dueState} />}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack>
          <Paper withBorder p="md">
            <Stack gap={4}>
              <Text size="sm">
                <b>{t('plans.leadUnit')}:</b> {task.leadUnit.name}
              </Text>
              <Text size="sm">
                <b>{t('plans.coUnits')}:</b> {task.coUnits.map((u) => u.name).join(', ') || '—'}
              </Text>
              <Text size="sm">
                <b>{t('plans.dueOn')}:</b> {formatDate(task.nextDueOn)}
                {task.recurrence
                  ? task.recurrence.kind === 'every_months'
                    ? ` (mỗi ${task.recurrence.months} tháng)`
                    : ` (trước ${task.recurrence.day}/${task.recurrence.month} hằng năm)`
                  : ''}
              </Text>
              <Text size="sm">
                <b>{t('plans.evidence')}:</b> {task.expectedEvidence ?? '—'}
              </Text>
              <ProgressBar value={task.progress} late={task.dueState === 'overdue'} label={task.title} w={260} />
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h5" mb={4}>
              {t('plans.unitProgressTitle')}
            </Title>
            <Text size="xs" c="dimmed" mb="sm">
              {t('plans.byUnitRule')}
            </Text>
            <Stack gap="xs">
              {task.unitProgress.map((u) => (
                <div key={u.unit.id}>
                  <Text size="sm">
                    {u.unit.name} ({t(u.role === 'lead' ? 'plans.roleLead' : 'plans.roleCo')})
                    {u.reportedOn ? ` · ${formatDate(u.reportedOn)}` : ` · ${t('plans.notReported')}`}
                  </Text>
                  <ProgressBar value={u.progress ?? 0} label={`${task.title} — ${u.unit.name}`} w={260} />
                </div>
              ))}
            </Stack>
          </Paper>
          {task.abilities.report ? <ProgressForm task={task} /> : null}
        </Stack>
        <Paper withBorder p="md">
          <Title order={5} mb="sm">
            {t('plans.updates')}
          </Title>
          {updates.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('plans.noUpdates')}
            </Text>
          ) : null}
          <Timeline bulletSize={12}>
            {updates.map((u) => (
              <Timeline.Item key={u.id} title={`${formatDate(u.reportedOn)} · ${u.progress}%`}>
                <Text size="sm">{u.note}</Text>
                <Text size="xs" c="dimmed">
                  {u.unit.name} · {u.author}
                </Text>
                {u.attachments.map((f) => (
                  <Anchor key={f.id} href={`/api/files/${f.id}`} size="xs" display="block">
                    <IconPaperclip size={12} aria-hidden /> {f.filename}
                  </Anchor>
                ))}
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      </SimpleGrid>
    </>
  );
}
