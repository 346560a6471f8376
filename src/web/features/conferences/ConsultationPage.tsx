import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconBell, IconMessagePlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tone } from './Tone';
import type { TComment, TConsultation, TParticipation } from '../../../contracts/conferences';
import { CONSULTATION_MATTERS } from '../../../domain/conference';
import { get, post, put } from '../../api';
import {
  DmyDateInput,
  ErrorAlert,
  FormAlert,
  type FormErrors,
  formErrorsOf,
  Loading,
  notifyError,
  notifyOk,
  PageHeader,
} from '../../ui/common';
import { formatDate } from '../../ui/format';
import { STATUS_COLORS } from './ConsultationsPage';

const OUTCOME_COLORS: Record<string, string> = { accepted: 'green', partly: 'yellow', rejected: 'gray' };

export function ConsultationPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const key = ['consultations', id];
  const q = useQuery({ queryKey: key, queryFn: () => get<TConsultation>(`/api/consultations/${id}`) });
  const [paragraph, setParagraph] = useState<number | null | undefined>(undefined);
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const refresh = (c: TConsultation) => {
    qc.setQueryData(key, c);
    void qc.invalidateQueries({ queryKey: ['consultations'], exact: true });
  };
  const send = useMutation({
    mutationFn: () => post<TConsultation>(`/api/consultations/${id}/comments`, { paragraph, body, anonymous }),
    onSuccess: (c) => {
      refresh(c);
      setBody('');
      setParagraph(undefined);
      setErrors({});
      notifyOk(t('consultations.sent'));
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  const remind = useMutation({
    mutationFn: () => post<{ reminded: number }>(`/api/consultations/${id}/remind`),
    onSuccess: (r) => notifyOk(t('consultations.reminded', { n: r.reminded })),
    onError: notifyError,
  });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const c = q.data;
  const m = CONSULTATION_MATTERS[c.matter - 1];
  const byParagraph = (n: number | null) => c.commentList.filter((x) => x.paragraph === n);
  return (
    <>
      <PageHeader
        title={c.title}
        subtitle={`${m ? (i18n.language === 'en' ? m.en : m.vi) : ''} · ${formatDate(c.opensOn)} – ${formatDate(c.closesOn)}`}
        actions={
          <Group>
            <Tone size="lg" variant="light" color={STATUS_COLORS[c.status]}>
              {t(`consultations.status_${c.status}`)}
            </Tone>
            {(c.abilities.manage || c.abilities.monitor) && c.status === 'open' ? (
              <Button variant="light" leftSection={<IconBell size={16} />} loading={remind.isPending} onClick={() => remind.mutate()}>
                {t('consultations.remind')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <Stack>
        <Group gap="xs">
          {c.forms.map((f) => (
            <Tone key={f} variant="outline">
              {t(`consultations.form_${f}`)}
            </Tone>
          ))}
          <Tone variant="outline" color="grape">
            {t(`consultations.audience_${c.audience}`)}
            {c.unit ? `: ${c.unit.name}` : ''}
          </Tone>
          <Text size="sm" c="dimmed">
            {t('consultations.participation', { responded: c.responded, consulted: c.consulted })}
          </Text>
        </Group>
        {c.explanationPublishedOn ? (
          <Alert
            color="green"
            title={`${t('consultations.explanation')} — ${t('consultations.publishedOn', { date: formatDate(c.explanationPublishedOn) })}`}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.explanation}
            </Text>
          </Alert>
        ) : null}
        {c.issued ? (
          <Alert color="teal" data-testid="issued-version">
            <Text size="sm">
              {t('consultations.issuedAs', {
                title: c.issued.title,
                n: c.issued.number,
                ref: c.issued.decisionRef,
                date: formatDate(c.issued.issuedOn),
              })}
            </Text>
            {c.issued.disclosureId ? (
              <Anchor component={Link} to={`/disclosures/${c.issued.disclosureId}`} size="sm">
                {t('consultations.disclosure')}
              </Anchor>
            ) : null}
          </Alert>
        ) : null}
        {c.abilities.issue ? <Issue c={c} onDone={refresh} /> : null}
        {!c.abilities.classify && !c.abilities.monitor && c.commentList.every((x) => x.mine) ? (
          <Text size="sm" c="dimmed">
            {t('consultations.myOnly')}
          </Text>
        ) : null}
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t('consultations.draftTitle')}
          </Title>
          <Stack gap="xs">
            {c.paragraphs.map((p, i) => {
              const n = i + 1;
              return (
                <div key={n}>
                  <Group align="flex-start" wrap="nowrap" gap="xs">
                    <Text size="xs" c="dimmed" w={56} style={{ flexShrink: 0 }}>
                      {t('consultations.passage', { n })}
                    </Text>
                    <Text size="sm" style={{ flex: 1 }}>
                      {p}
                    </Text>
                    {c.abilities.comment ? (
                      <ActionIcon variant="subtle" aria-label={`${t('consultations.commentOn')} ${n}`} onClick={() => setParagraph(n)}>
                        <IconMessagePlus size={16} />
                      </ActionIcon>
                    ) : null}
                  </Group>
                  {byParagraph(n).map((x) => (
                    <CommentCard key={x.id} x={x} c={c} onChange={refresh} />
                  ))}
                  {paragraph === n ? composer() : null}
                </div>
              );
            })}
          </Stack>
        </Paper>
        {byParagraph(null).length || (c.abilities.comment && paragraph === null) ? (
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="sm">
              {t('consultations.general')}
            </Title>
            {byParagraph(null).map((x) => (
              <CommentCard key={x.id} x={x} c={c} onChange={refresh} />
            ))}
            {paragraph === null ? composer() : null}
          </Paper>
        ) : null}
        {c.abilities.comment && paragraph === undefined ? (
          <Group>
            <Button variant="light" onClick={() => setParagraph(null)}>
              {t('consultations.general')}
            </Button>
          </Group>
        ) : null}
        {c.abilities.closeEarly ? <CloseEarly c={c} onDone={refresh} /> : null}
        {c.closedEarlyOn && c.status !== 'open' ? (
          <Text size="sm" c="dimmed">
            {t('consultations.closedEarly', { date: formatDate(c.closedEarlyOn) })}
          </Text>
        ) : null}
        {c.abilities.manage && c.status === 'closed' ? <Explain c={c} onDone={refresh} /> : null}
        {c.abilities.monitor ? <Monitor id={c.id} /> : null}
      </Stack>
    </>
  );

  function composer() {
    return (
      <Paper withBorder p="sm" ml={64} mt="xs" bg="var(--mantine-color-gray-0)">
        <Stack gap="xs">
          <Textarea
            label={`${t('consultations.yourComment')}${paragraph ? ` — ${t('consultations.passage', { n: paragraph })}` : ''}`}
            autosize
            minRows={2}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={errors.body ?? errors.paragraph}
            data-autofocus
          />
          {c.allowAnonymous ? (
            <Checkbox label={t('consultations.anonymous')} checked={anonymous} onChange={(e) => setAnonymous(e.currentTarget.checked)} />
          ) : null}
          <FormAlert errors={errors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setParagraph(undefined)}>
              {t('app.cancel')}
            </Button>
            <Button loading={send.isPending} onClick={() => send.mutate()}>
              {t('consultations.send')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }
}

function CommentCard({ x, c, onChange }: { x: TComment; c: TConsultation; onChange: (c: TConsultation) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<string>(x.outcome ?? 'accepted');
  const [reason, setReason] = useState(x.reason ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useMutation({
    mutationFn: () => put<TConsultation>(`/api/consultations/${c.id}/comments/${x.id}/outcome`, { outcome, reason: reason || null }),
    onSuccess: (r) => {
      setErrors({});
      onChange(r);
      notifyOk(t('app.saved'));
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  return (
    <Paper withBorder p="sm" ml={64} mt="xs" data-testid="comment">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {x.author ?? t('consultations.anonymousAuthor')}
          {x.mine ? ` · ${t('consultations.mine')}` : ''}
          {x.anonymous && x.author ? ` (${t('consultations.anonymousAuthor').toLowerCase()})` : ''}
        </Text>
        <Tone variant="light" color={x.outcome ? OUTCOME_COLORS[x.outcome] : 'red'}>
          {x.outcome ? t(`consultations.${x.outcome}`) : t('consultations.unclassified')}
        </Tone>
      </Group>
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
        {x.body}
      </Text>
      {x.reason ? (
        <Text size="xs" c="dimmed" mt={4}>
          {x.reason}
        </Text>
      ) : null}
      {c.abilities.classify ? (
        <Stack gap="xs" mt="xs">
          <SegmentedControl
            size="xs"
            value={outcome}
            onChange={setOutcome}
            data={['accepted', 'partly', 'rejected'].map((o) => ({ value: o, label: t(`consultations.${o}`) }))}
          />
          {outcome !== 'accepted' ? (
            <Textarea
              size="xs"
              label={t('consultations.reason')}
              autosize
              minRows={1}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={errors.reason}
            />
          ) : null}
          <Group justify="flex-end">
            <Button size="xs" variant="light" loading={save.isPending} onClick={() => save.mutate()}>
              {t('consultations.classify')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Paper>
  );
}

/** Everyone consulted has answered: the Office may end the consultation before its date (Art. 55). */
function CloseEarly({ c, onDone }: { c: TConsultation; onDone: (c: TConsultation) => void }) {
  const { t } = useTranslation();
  const close = useMutation({
    mutationFn: () => post<TConsultation>(`/api/consultations/${c.id}/close`, { version: c.version }),
    onSuccess: onDone,
    onError: notifyError,
  });
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{t('consultations.closeEarlyHint', { n: c.consulted, date: formatDate(c.closesOn) })}</Text>
        <Button variant="light" loading={close.isPending} onClick={() => close.mutate()} style={{ flexShrink: 0 }}>
          {t('consultations.closeEarly')}
        </Button>
      </Group>
    </Paper>
  );
}

function Explain({ c, onDone }: { c: TConsultation; onDone: (c: TConsultation) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useMutation({
    mutationFn: () => post<TConsultation>(`/api/consultations/${c.id}/explanation`, { explanation: text, version: c.version }),
    onSuccess: onDone,
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Textarea
          label={t('consultations.explanation')}
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={errors.explanation}
        />
        <FormAlert errors={errors} />
        <Group justify="flex-end">
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t('consultations.publish')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Art. 59: the Office issues the regulation once the explanation is published; the new version is disclosed. */
function Issue({ c, onDone }: { c: TConsultation; onDone: (c: TConsultation) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [issuedOn, setIssuedOn] = useState<string | null>(null);
  const [decisionRef, setDecisionRef] = useState('');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useMutation({
    mutationFn: () =>
      post<TConsultation>(`/api/consultations/${c.id}/issue`, { issuedOn, decisionRef, title: title || null, version: c.version }),
    onSuccess: (x) => {
      onDone(x);
      void qc.invalidateQueries({ queryKey: ['regulations'] });
      notifyOk(t('consultations.issuedOk', { n: x.issued?.number ?? '' }));
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        {t('consultations.issueTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('consultations.issueHint')}
      </Text>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DmyDateInput label={t('consultations.issuedOn')} required value={issuedOn} onChange={setIssuedOn} error={errors.issuedOn} />
          <TextInput
            label={t('consultations.decisionRef')}
            required
            value={decisionRef}
            onChange={(e) => setDecisionRef(e.target.value)}
            error={errors.decisionRef}
          />
        </SimpleGrid>
        <TextInput label={t('consultations.issuedTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
        <FormAlert errors={errors} />
        <Group justify="flex-end">
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t('consultations.issue')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Monitor({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['consultations', id, 'participation'],
    queryFn: () => get<TParticipation>(`/api/consultations/${id}/participation`),
  });
  if (!q.data) return <ErrorAlert error={q.error} />;
  const p = q.data;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        {t('consultations.monitor')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="sm">
        <div>
          <Text size="sm">{t('consultations.participation', { responded: p.responded, consulted: p.consulted })}</Text>
          <Progress value={p.consulted ? (p.responded * 100) / p.consulted : 0} aria-label={t('consultations.monitor')} />
        </div>
        <Text size="sm">{t('consultations.anonymousCount', { n: p.anonymousComments })}</Text>
      </SimpleGrid>
      <Table.ScrollContainer minWidth={400}>
        <Table>
          <Table.Tbody>
            {p.people.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>{x.name}</Table.Td>
                <Table.Td>{x.unit ?? ''}</Table.Td>
                <Table.Td>
                  <Tone size="sm" variant="light" color={x.responded ? 'green' : 'gray'}>
                    {x.responded ? t('consultations.responded') : t('consultations.notResponded')}
                  </Tone>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
