import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TUnitRating } from '../../../contracts/ratings';
import { ApiError, get, post, put } from '../../api';
import { ErrorAlert, Loading, notifyOk, PageHeader } from '../../ui/common';
import { uploadFiles } from '../../ui/data';
import { formatDate } from '../../ui/format';
import { RatingStatus } from './RatingsPage';

type Edit = { self: number | null; note: string; attachmentIds: string[]; files: File[]; appraised: number | null; reason: string };
type Item = TUnitRating['groups'][number]['items'][number];

const num = (v: string | number) => (v === '' ? null : Number(v));

function Totals({ label, s }: { label: string; s: TUnitRating['self'] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={label}>
        {s.total} — {s.band ?? '—'}
      </Text>
      <Text size="xs" c="dimmed">
        {t('ratings.base')} {s.base} − {t('ratings.deductions')} {s.deductions} + {t('ratings.bonus')} {s.bonus}
      </Text>
    </Paper>
  );
}

export function RatingSheetPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { year, unitId } = useParams({ strict: false }) as { year: string; unitId: string };
  const url = `/api/ratings/${year}/units/${unitId}`;
  const data = useQuery({ queryKey: ['ratings', 'sheet', year, unitId], queryFn: () => get<TUnitRating>(url) });
  const [edit, setEdit] = useState<Record<string, Edit>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [answer, setAnswer] = useState('');
  const [appeal, setAppeal] = useState('');
  useEffect(() => {
    if (!data.data) return;
    setEdit(
      Object.fromEntries(
        data.data.groups.flatMap((g) =>
          g.items.map((i) => [
            i.code,
            { self: i.self, note: i.note, attachmentIds: i.files.map((f) => f.id), files: [], appraised: i.appraised, reason: i.reason },
          ]),
        ),
      ),
    );
  }, [data.data]);
  const done = async () => {
    notifyOk(t('app.saved'));
    setErrors({});
    await qc.invalidateQueries({ queryKey: ['ratings'] });
  };
  const fail = (err: unknown) => err instanceof ApiError && setErrors({ ...err.fieldMessages(), _: err.body.message });
  const selfSave = useMutation({
    mutationFn: async (submit: boolean) => {
      const items: Record<string, { self: number | null; note: string; attachmentIds: string[] }> = {};
      for (const [code, e] of Object.entries(edit))
        items[code] = { self: e.self, note: e.note, attachmentIds: [...e.attachmentIds, ...(await uploadFiles(e.files))] };
      return put<TUnitRating>(`${url}/self`, { version: data.data!.version, items, submit });
    },
    onSuccess: done,
    onError: fail,
  });
  const appraise = useMutation({
    mutationFn: () =>
      post<TUnitRating>(`${url}/appraise`, {
        version: data.data!.version,
        items: Object.fromEntries(Object.entries(edit).map(([code, e]) => [code, { appraised: e.appraised, reason: e.reason }])),
        answer: answer || undefined,
      }),
    onSuccess: done,
    onError: fail,
  });
  const sendAppeal = useMutation({
    mutationFn: () => post<TUnitRating>(`${url}/appeal`, { version: data.data!.version, reason: appeal }),
    onSuccess: done,
    onError: fail,
  });
  if (data.isLoading) return <Loading />;
  if (!data.data) return <ErrorAlert error={data.error} />;
  const r = data.data;
  const set = (code: string, patch: Partial<Edit>) => setEdit({ ...edit, [code]: { ...edit[code]!, ...patch } });
  const showAppraisal = r.can.appraise || r.appraised !== null;
  const row = (i: Item) => {
    const e = edit[i.code];
    if (!e) return null;
    return (
      <Table.Tr key={i.code}>
        <Table.Td>
          <Text size="sm">
            {i.code}. {i.title}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`ratings.kind_${i.kind}`)} · {t('ratings.max')} {i.max}
          </Text>
        </Table.Td>
        <Table.Td>
          {i.pulled ? (
            i.pulled.available ? (
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {i.pulled.value}
                  {i.pulled.suggested !== null ? ` → ${t('ratings.suggested')} ${i.pulled.suggested}` : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {i.pulled.how}
                </Text>
              </Stack>
            ) : (
              <Text size="xs" c="dimmed">
                {t('ratings.notAvailable')}
              </Text>
            )
          ) : null}
        </Table.Td>
        <Table.Td>
          {r.can.selfAssess ? (
            <Stack gap={4}>
              <NumberInput
                aria-label={`${t('ratings.selfScore')} ${i.code}`}
                value={e.self ?? ''}
                onChange={(v) => set(i.code, { self: num(v) })}
                min={0}
                max={i.max}
                decimalScale={2}
                w={90}
                error={errors[`items.${i.code}.self`]}
              />
              <Textarea
                aria-label={`${t('ratings.note')} ${i.code}`}
                placeholder={t('ratings.note')}
                value={e.note}
                onChange={(x) => set(i.code, { note: x.currentTarget.value })}
                autosize
                minRows={1}
              />
              <FileInput
                aria-label={`${t('ratings.files')} ${i.code}`}
                multiple
                value={e.files}
                onChange={(f) => set(i.code, { files: f })}
                leftSection={<IconPaperclip size={14} />}
                size="xs"
              />
            </Stack>
          ) : (
            <Text size="sm">{i.self ?? '—'}</Text>
          )}
          {!r.can.selfAssess && i.note ? (
            <Text size="xs" c="dimmed">
              {i.note}
            </Text>
          ) : null}
          {i.files.map((f) => (
            <Anchor key={f.id} href={`/api/files/${f.id}`} size="xs" display="block">
              📎 {f.filename}
            </Anchor>
          ))}
        </Table.Td>
        {showAppraisal ? (
          <Table.Td>
            {r.can.appraise ? (
              <Stack gap={4}>
                <NumberInput
                  aria-label={`${t('ratings.appraised')} ${i.code}`}
                  value={e.appraised ?? ''}
                  onChange={(v) => set(i.code, { appraised: num(v) })}
                  min={0}
                  max={i.max}
                  decimalScale={2}
                  w={90}
                  error={errors[`items.${i.code}.appraised`]}
                />
                <TextInput
                  aria-label={`${t('ratings.reason')} ${i.code}`}
                  placeholder={t('ratings.reason')}
                  value={e.reason}
                  onChange={(x) => set(i.code, { reason: x.currentTarget.value })}
                  error={errors[`items.${i.code}.reason`]}
                />
              </Stack>
            ) : (
              <>
                <Text size="sm">{i.appraised ?? i.self ?? '—'}</Text>
                {i.reason ? (
                  <Text size="xs" c="dimmed">
                    {i.reason}
                  </Text>
                ) : null}
              </>
            )}
          </Table.Td>
        ) : null}
      </Table.Tr>
    );
  };
  return (
    <>
      <PageHeader
        title={`${t('ratings.sheet')} ${r.year} — ${r.unitName}`}
        subtitle={
          <Anchor component={Link} to="/ratings">
            ← {t('ratings.title')}
          </Anchor>
        }
        actions={
          <>
            <RatingStatus status={r.status} />
            {r.id ? (
              <Button component="a" variant="default" href={`${url}/sheet.docx`}>
                {t('app.download')} .docx
              </Button>
            ) : null}
          </>
        }
      />
      <Text size="sm" mb="sm">
        <b>{t('ratings.criteriaSet')}:</b> {r.criteriaSet.name} ({t('ratings.effectiveFrom')} {formatDate(r.criteriaSet.effectiveFrom)}) ·{' '}
        <b>{t('ratings.basis')}:</b> {r.criteriaSet.basis}
      </Text>
      {errors._ ? (
        <Alert color="red" mb="sm" role="alert">
          {errors._}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
        <Totals label={t('ratings.totalSelf')} s={r.self} />
        {r.appraised ? <Totals label={t('ratings.totalAppraised')} s={r.appraised} /> : null}
      </SimpleGrid>
      {r.appealReason ? (
        <Alert color="orange" mb="sm" title={t('ratings.appealOf')}>
          {r.appealReason}
          {r.appealAnswer ? (
            <Text size="sm" mt={4}>
              <b>{t('ratings.answerOf')}:</b> {r.appealAnswer}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={900}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ratings.item')}</Table.Th>
                <Table.Th w={260}>{t('ratings.pulled')}</Table.Th>
                <Table.Th w={240}>{t('ratings.selfScore')}</Table.Th>
                {showAppraisal ? <Table.Th w={220}>{t('ratings.appraised')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.groups.flatMap((g) => [
                <Table.Tr key={`g-${g.code}`}>
                  <Table.Td colSpan={showAppraisal ? 4 : 3}>
                    <Text fw={700} size="sm">
                      {g.code}. {g.title}
                    </Text>
                  </Table.Td>
                </Table.Tr>,
                ...g.items.map(row),
              ])}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Group justify="flex-end" mt="md">
        {r.can.selfAssess ? (
          <>
            <Button variant="default" loading={selfSave.isPending} onClick={() => selfSave.mutate(false)}>
              {t('ratings.saveDraft')}
            </Button>
            <Button loading={selfSave.isPending} onClick={() => selfSave.mutate(true)}>
              {t('ratings.submit')}
            </Button>
          </>
        ) : null}
      </Group>
      {r.can.appraise ? (
        <Paper withBorder p="md" mt="md">
          <Stack>
            {r.status === 'appealed' ? (
              <Textarea
                label={t('ratings.answer')}
                value={answer}
                onChange={(e) => setAnswer(e.currentTarget.value)}
                error={errors.answer}
                required
                autosize
                minRows={2}
              />
            ) : null}
            <Group justify="flex-end">
              <Button loading={appraise.isPending} onClick={() => appraise.mutate()}>
                {t('ratings.saveAppraisal')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      {r.can.appeal ? (
        <Paper withBorder p="md" mt="md">
          <Title order={5} mb="xs">
            {t('ratings.appeal')} ({t('ratings.appealUntil')} {formatDate(r.appealUntil)})
          </Title>
          <Stack>
            <Textarea
              label={t('ratings.appealReason')}
              value={appeal}
              onChange={(e) => setAppeal(e.currentTarget.value)}
              error={errors.reason}
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button color="orange" loading={sendAppeal.isPending} onClick={() => sendAppeal.mutate()}>
                {t('ratings.appeal')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
    </>
  );
}
