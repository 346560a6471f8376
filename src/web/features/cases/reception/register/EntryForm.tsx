/** Writing a line of the register book (Law 42/2013 Art. 25): the visitors, what they said, and the cases it opens. */
import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseKind, TIdentity } from '../../../../../contracts/cases';
import type { TReceptionEntry } from '../../../../../contracts/reception';
import { get, post } from '../../../../api';
import { DmyDateInput, FormAlert, formErrorsOf, notifyOk, useModalSize, type FormErrors } from '../../../../ui/common';
import { formatDate, todayIso } from '../../../../ui/format';
import { CasePicker, cleanIdentity, emptyIdentity, focusFirstError, IdentityFields, kindOptions } from '../../common';
import type { SessionsData } from '../shared';

export type Part = {
  kind: CaseKind | null;
  subject: string;
  content: string;
  knowledgeOn: string | null;
  firstInstanceCaseId: string | null;
};

const emptyPart = (): Part => ({ kind: null, subject: '', content: '', knowledgeOn: null, firstInstanceCaseId: null });

export function EntryForm({ year, sessionId, onClose }: { year: number; sessionId: string | null; onClose: () => void }) {
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
  // Every line says what it is (Law 42/2013 Art. 25): one part at least, each becoming a case.
  const [parts, setParts] = useState<Part[]>([emptyPart()]);
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
        parts: parts.map((p, i) => ({
          kind: p.kind,
          subject: p.subject,
          // The first part's content is the line's own unless it was narrowed.
          content: p.content.trim() || (i === 0 ? v.content : ''),
          knowledgeOn: p.kind === 'complaint' ? p.knowledgeOn : null,
          firstInstanceCaseId: p.kind === 'complaint' ? p.firstInstanceCaseId : null,
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
                    {parts.length > 1 ? (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('app.delete')}: ${t('reception.part')} ${i + 1}`}
                        onClick={() => setParts((ps) => ps.filter((_, j) => j !== i))}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    ) : null}
                  </Group>
                  <Stack gap="xs">
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                      <Select
                        label={t('cases.kind')}
                        placeholder={t('reception.pickKind')}
                        data={kindOptions()}
                        value={p.kind}
                        onChange={(x) => setPart(i, { kind: (x as CaseKind | null) ?? null })}
                        allowDeselect={false}
                        required
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
                    {p.kind === 'complaint' ? (
                      <CasePicker
                        label={t('reception.secondComplaintOf')}
                        description={t('reception.secondComplaintHint')}
                        kind="complaint"
                        value={p.firstInstanceCaseId}
                        onChange={(x) => setPart(i, { firstInstanceCaseId: x })}
                        error={errors[`parts.${i}.firstInstanceCaseId`]}
                      />
                    ) : null}
                    <Textarea
                      label={t('cases.content')}
                      description={i === 0 ? t('reception.partContentHint') : undefined}
                      placeholder={i === 0 ? v.content.slice(0, 200) : undefined}
                      value={p.content}
                      onChange={(e) => setPart(i, { content: e.currentTarget.value })}
                      error={errors[`parts.${i}.content`]}
                      required={i > 0}
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
                onClick={() => setParts((ps) => [...ps, emptyPart()])}
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
