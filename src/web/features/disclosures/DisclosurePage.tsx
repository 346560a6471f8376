/**
 * One disclosure item (issue #10): its source, publish-by and posting period with how they were
 * computed; the Office posts or withdraws it; staff acknowledge it; the Office, leadership and the
 * union see who has not read it; withdrawn items are requested and answered (Art. 48(4)).
 */
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  AUDIENCE_LABELS,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  type DisclosureCategory,
  type TDisclosure,
} from '../../../contracts/disclosures';
import { get, post } from '../../api';
import { label } from '../../i18n';
import {
  DmyDateInput,
  ErrorAlert,
  FormAlert,
  formErrorsOf,
  Loading,
  notifyError,
  notifyOk,
  PageHeader,
  type FormErrors,
} from '../../ui/common';
import { formatDate, formatDateTime } from '../../ui/format';
import { StatusBadges } from './DisclosuresPage';

function Field({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {name}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function TextAction({
  title,
  fieldLabel,
  submit,
  onSubmit,
  onClose,
  withDate,
}: {
  title: string;
  fieldLabel: string;
  submit: string;
  onSubmit: (text: string, date: string | null) => Promise<unknown>;
  onClose: () => void;
  withDate?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [date, setDate] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const m = useMutation({ mutationFn: () => onSubmit(text, date), onSuccess: onClose, onError: (e) => setErrors(formErrorsOf(e)) });
  return (
    <Modal opened onClose={onClose} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          m.mutate();
        }}
      >
        <Stack>
          <FormAlert errors={errors} />
          {withDate ? (
            <DmyDateInput
              label={t('disclosures.postedUntil')}
              description={t('disclosures.postedUntilHint')}
              value={date}
              onChange={setDate}
              error={errors.postedUntil}
            />
          ) : (
            <Textarea
              label={fieldLabel}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={errors.reason ?? errors.answer}
              autosize
              minRows={3}
              required
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={m.isPending}>
              {submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function DisclosurePage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { id } = useParams({ strict: false }) as { id: string };
  const [dialog, setDialog] = useState<{ kind: 'post' | 'withdraw' | 'request' } | { kind: 'answer'; requestId: string } | null>(null);
  const q = useQuery({ queryKey: ['disclosures', id], queryFn: () => get<TDisclosure>(`/api/disclosures/${id}`) });
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['disclosures'] });
    await qc.invalidateQueries({ queryKey: ['dashboard'] });
  };
  const ack = useMutation({
    mutationFn: () => post(`/api/disclosures/${id}/acknowledge`),
    onSuccess: async () => {
      notifyOk(t('disclosures.acknowledged'));
      await refresh();
    },
    onError: notifyError,
  });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const act = (url: string, body: unknown, ok: string) => async () => {
    await post(url, body);
    notifyOk(ok);
    await refresh();
  };
  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to="/disclosures" size="sm">
            ← {t('disclosures.title')}
          </Anchor>
        }
        title={d.title}
        subtitle={`${d.category}. ${label(CATEGORY_LABELS[d.category as DisclosureCategory])}`}
        actions={
          <>
            <StatusBadges item={d} />
            {d.abilities.acknowledge ? (
              <Button leftSection={<IconCheck size={16} />} onClick={() => ack.mutate()} loading={ack.isPending}>
                {t('disclosures.acknowledge')}
              </Button>
            ) : d.acknowledged ? (
              <Badge color="green" variant="light" size="lg">
                {t('disclosures.acknowledged')}
              </Badge>
            ) : null}
            {d.abilities.manage && d.status === 'draft' ? (
              <Button onClick={() => setDialog({ kind: 'post' })}>{t('disclosures.post')}</Button>
            ) : null}
            {d.abilities.manage && d.status === 'posted' ? (
              <Button variant="default" color="red" onClick={() => setDialog({ kind: 'withdraw' })}>
                {t('disclosures.withdraw')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field name={t('disclosures.source')}>
              {d.sourceRef}
              {d.sourceDocument ? (
                <Text size="xs" c={d.sourceDocument.status === 'replaced' || d.sourceDocument.status === 'expired' ? 'red' : 'dimmed'}>
                  {d.sourceDocument.symbol}
                  {d.sourceDocument.replacedBy ? ` → ${d.sourceDocument.replacedBy}` : ''}
                </Text>
              ) : null}
            </Field>
            <Field name={t('disclosures.decidedOn')}>{formatDate(d.decidedOn)}</Field>
            <Field name={t('disclosures.audience')}>
              {label(AUDIENCE_LABELS[d.audience])}
              {d.unit ? `: ${d.unit.name}` : ''}
            </Field>
            <Field name={t('disclosures.publishBy')}>{formatDate(d.publishBy)}</Field>
            <Field name={t('disclosures.postedOn')}>{formatDate(d.postedOn) || '—'}</Field>
            <Field name={t('disclosures.postedUntil')}>
              {d.postedOn ? (d.keepPosted ? t('disclosures.untilReplaced') : formatDate(d.postedUntil)) : '—'}
            </Field>
            <Field name={t('disclosures.channels')}>{d.channels.map((c) => label(CHANNEL_LABELS[c])).join('; ')}</Field>
            {d.sourceFile ? (
              <Field name={t('disclosures.sourceFile')}>
                {d.abilities.downloadSource ? (
                  <Anchor href={`/api/files/${d.sourceFile.id}`}>
                    <IconDownload size={14} /> {d.sourceFile.filename}
                  </Anchor>
                ) : (
                  d.sourceFile.filename
                )}
              </Field>
            ) : null}
            {d.withdrawnOn ? <Field name={t('disclosures.withdrawnOn')}>{formatDate(d.withdrawnOn)}</Field> : null}
            {d.origin ? <Field name={t('disclosures.origin')}>{d.origin.module}</Field> : null}
          </SimpleGrid>
          {d.summary ? (
            <Text mt="sm" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {d.summary}
            </Text>
          ) : null}
          {d.withdrawReason ? (
            <Alert mt="sm" color="gray" title={t('disclosures.withdrawReason')}>
              {d.withdrawReason}
            </Alert>
          ) : null}
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t('disclosures.howComputed')}
          </Title>
          <List size="sm" spacing={2}>
            {[...d.publishByExplanation, ...d.postedUntilExplanation].map((line, i) => (
              <List.Item key={i}>{line}</List.Item>
            ))}
          </List>
        </Paper>
        {d.receipts ? (
          <Paper withBorder p="md">
            <Title order={4} mb="xs">
              {t('disclosures.receipts')}: {t('disclosures.receiptsOf', { read: d.receipts.read.length, total: d.receipts.addressed })}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <div>
                <Text fw={600} size="sm">
                  {t('disclosures.notReadBy')} ({d.receipts.notRead.length})
                </Text>
                <List size="sm">
                  {d.receipts.notRead.map((p) => (
                    <List.Item key={p.userId}>{p.name}</List.Item>
                  ))}
                </List>
              </div>
              <div>
                <Text fw={600} size="sm">
                  {t('disclosures.readBy')} ({d.receipts.read.length})
                </Text>
                <List size="sm">
                  {d.receipts.read.map((p) => (
                    <List.Item key={p.userId}>
                      {p.name} · {formatDateTime(p.readAt)}
                    </List.Item>
                  ))}
                </List>
              </div>
            </SimpleGrid>
          </Paper>
        ) : null}
        {d.status !== 'posted' && (d.requests.length || d.abilities.request) ? (
          <Paper withBorder p="md">
            <Group justify="space-between" mb="xs">
              <Title order={4}>{t('disclosures.requests')}</Title>
              {d.abilities.request ? (
                <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'request' })}>
                  {t('disclosures.request')}
                </Button>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed" mb="xs">
              {t('disclosures.requestHint')}
            </Text>
            <Stack gap="xs">
              {d.requests.map((r) => (
                <Paper key={r.id} withBorder p="xs">
                  <Text size="sm">
                    <b>{r.requestedBy}</b> · {formatDateTime(r.requestedAt)}: {r.reason}
                  </Text>
                  {r.answer ? (
                    <Text size="sm" c="green.8">
                      ↳ {r.answeredBy} · {formatDateTime(r.answeredAt)}: {r.answer}
                    </Text>
                  ) : d.abilities.answer ? (
                    <Button size="compact-xs" variant="light" mt={4} onClick={() => setDialog({ kind: 'answer', requestId: r.id })}>
                      {t('disclosures.answer')}
                    </Button>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('disclosures.awaitingAnswer')}
                    </Text>
                  )}
                </Paper>
              ))}
            </Stack>
          </Paper>
        ) : null}
      </Stack>
      {dialog?.kind === 'post' ? (
        <TextAction
          title={t('disclosures.postTitle')}
          fieldLabel=""
          submit={t('disclosures.post')}
          withDate
          onSubmit={(_text, date) =>
            act(`/api/disclosures/${id}/post`, { version: d.version, postedUntil: date }, t('disclosures.posted'))()
          }
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'withdraw' ? (
        <TextAction
          title={t('disclosures.withdraw')}
          fieldLabel={t('disclosures.withdrawReason')}
          submit={t('disclosures.withdraw')}
          onSubmit={(text) => act(`/api/disclosures/${id}/withdraw`, { version: d.version, reason: text }, t('app.saved'))()}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'request' ? (
        <TextAction
          title={t('disclosures.request')}
          fieldLabel={t('disclosures.requestReason')}
          submit={t('disclosures.request')}
          onSubmit={(text) => act(`/api/disclosures/${id}/requests`, { reason: text }, t('app.saved'))()}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'answer' ? (
        <TextAction
          title={t('disclosures.answer')}
          fieldLabel={t('disclosures.answerText')}
          submit={t('disclosures.answer')}
          onSubmit={(text) => act(`/api/disclosure-requests/${dialog.requestId}/answer`, { answer: text }, t('app.saved'))()}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}
