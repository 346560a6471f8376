/**
 * `/surveys/$id`: one survey. Results (the overall index, elements and criteria with valid-answer
 * counts and 95 % intervals, by unit with drill-down, by service and by month, answer counts per
 * question, how it is computed), the questions, the channels (public link and QR code, paper
 * entry, invitations), and for an internal survey the anonymous answer form.
 */
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { IconDownload, IconEdit, IconLock, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TAnswers, TSurvey, TSurveyResults } from '../../../contracts/surveys';
import { get, post, qs } from '../../api';
import { DmyDateInput, ErrorAlert, Loading, notifyError, notifyOk, PageHeader, usePhone } from '../../ui/common';
import { formatDate, todayIso } from '../../ui/format';
import { fieldErrors, SurveyForm } from './SurveyForm';
import { pct, STATUS_COLORS } from './SurveysPage';

type Detail = TSurvey & { answered: boolean; link: string };
type Filter = { unitId?: string; service?: string; from?: string; to?: string };

export function SurveyPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['surveys', id], queryFn: () => get<Detail>(`/api/surveys/${id}`) });
  const status = useMutation({
    mutationFn: (s: 'open' | 'closed') => post(`/api/surveys/${id}/status`, { status: s, version: q.data!.version }),
    onSuccess: async () => {
      notifyOk(t('app.saved'));
      await qc.invalidateQueries({ queryKey: ['surveys'] });
    },
    onError: notifyError,
  });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const s = q.data;
  const reader = s.canRead;
  const isInternalForMe = s.audience === 'staff' && s.status === 'open';
  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to="/surveys" size="sm">
            ← {t('surveys.title')}
          </Anchor>
        }
        title={s.title}
        subtitle={
          <Group gap="xs" component="span">
            <Badge color={STATUS_COLORS[s.status]} variant="light">
              {t(`surveys.status.${s.status}`)}
            </Badge>
            <span>
              {formatDate(s.opensOn)} – {formatDate(s.closesOn)}
            </span>
          </Group>
        }
        actions={
          <>
            {s.canManage ? (
              <Button component={Link} to={`/surveys/${id}/edit`} variant="default" leftSection={<IconEdit size={16} />}>
                {t('surveys.edit')}
              </Button>
            ) : null}
            {s.canManage && s.status !== 'open' ? (
              <Button onClick={() => status.mutate('open')} leftSection={<IconPlayerPlay size={16} />} loading={status.isPending}>
                {s.status === 'draft' ? t('surveys.open') : t('surveys.reopen')}
              </Button>
            ) : null}
            {s.canManage && s.status === 'open' ? (
              <Button
                color="red"
                variant="light"
                onClick={() => status.mutate('closed')}
                leftSection={<IconPlayerStop size={16} />}
                loading={status.isPending}
              >
                {t('surveys.close')}
              </Button>
            ) : null}
            {reader ? (
              <Button component="a" href={`/api/surveys/${id}/export.xlsx`} variant="default" leftSection={<IconDownload size={16} />}>
                {t('surveys.export')}
              </Button>
            ) : null}
          </>
        }
      />
      <Alert color="gray" icon={<IconLock size={18} />} mb="md">
        <Text size="sm">{t('surveys.privacy')}</Text>
      </Alert>
      <Tabs defaultValue={reader ? 'results' : 'answer'} keepMounted={false}>
        <Tabs.List mb="md">
          {reader ? <Tabs.Tab value="results">{t('surveys.results')}</Tabs.Tab> : null}
          <Tabs.Tab value="questions">{t('surveys.questions')}</Tabs.Tab>
          {s.audience === 'public' && (s.canManage || s.canEnter) ? <Tabs.Tab value="channels">{t('surveys.channels')}</Tabs.Tab> : null}
          {isInternalForMe ? <Tabs.Tab value="answer">{t('surveys.answer')}</Tabs.Tab> : null}
        </Tabs.List>
        {reader ? (
          <Tabs.Panel value="results">
            <Results survey={s} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="questions">
          <Questions survey={s} />
        </Tabs.Panel>
        <Tabs.Panel value="channels">
          <Channels survey={s} />
        </Tabs.Panel>
        <Tabs.Panel value="answer">
          <StaffAnswer survey={s} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Interval({ i }: { i: { low: number; high: number } | null }) {
  const { i18n } = useTranslation();
  if (!i) return <>—</>;
  return (
    <>
      {pct(i.low, i18n.language).replace(' %', '')}–{pct(i.high, i18n.language)}
    </>
  );
}

function Results({ survey }: { survey: Detail }) {
  const { t, i18n } = useTranslation();
  const phone = usePhone();
  // A drill-down from the dashboard by pillar opens the page on one unit (`?unitId=`).
  const [f, setF] = useState<Filter>(() => {
    const unitId = new URLSearchParams(window.location.search).get('unitId');
    return unitId ? { unitId } : {};
  });
  const q = useQuery({
    queryKey: ['surveys', survey.id, 'results', f],
    queryFn: () => get<TSurveyResults>(`/api/surveys/${survey.id}/results${qs(f)}`),
  });
  const units = useQuery({
    queryKey: ['surveys', survey.id, 'results', {}],
    queryFn: () => get<TSurveyResults>(`/api/surveys/${survey.id}/results`),
  });
  const r = q.data;
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('surveys.unit')}
          placeholder={t('surveys.allUnits')}
          clearable
          data={(units.data?.byUnit ?? []).filter((u) => u.unitId).map((u) => ({ value: u.unitId!, label: u.unitName }))}
          value={f.unitId ?? null}
          onChange={(v) => setF({ ...f, unitId: v ?? undefined })}
          w={260}
        />
        {survey.definition.services.length ? (
          <Select
            label={t('surveys.service')}
            placeholder={t('surveys.allServices')}
            clearable
            data={survey.definition.services.map((s) => ({ value: s.code, label: s.name }))}
            value={f.service ?? null}
            onChange={(v) => setF({ ...f, service: v ?? undefined })}
            w={300}
          />
        ) : null}
        <DmyDateInput label={t('surveys.from')} value={f.from ?? null} onChange={(v) => setF({ ...f, from: v ?? undefined })} w={150} />
        <DmyDateInput label={t('surveys.to')} value={f.to ?? null} onChange={(v) => setF({ ...f, to: v ?? undefined })} w={150} />
      </Group>
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {!r ? <Loading /> : null}
      {r ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                {t('surveys.overall')}
              </Text>
              <Text fz={32} fw={700} data-testid="overall-index">
                {pct(r.overall, i18n.language)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('surveys.interval')}: <Interval i={r.overallInterval} />
              </Text>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                {t('surveys.responses')}
              </Text>
              <Text fz={32} fw={700} data-testid="responses">
                {r.responses}
              </Text>
              <Text size="xs" c="dimmed">
                {Object.entries(survey.byChannel)
                  .map(([c, n]) => `${t(`surveys.channel.${c}`)}: ${n}`)
                  .join(' · ')}
              </Text>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                {t('surveys.method')}
              </Text>
              <Text fw={600}>{r.method?.name ?? t('surveys.noMethod')}</Text>
              <Text size="xs" c="dimmed">
                {r.method?.basis}
              </Text>
            </Card>
          </SimpleGrid>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
            {t('surveys.how')}: {r.how.split('\n')[i18n.language === 'en' ? 1 : 0]}
          </Text>
          {survey.quotaProgress.length ? (
            <Paper withBorder p="md" data-testid="quota-progress">
              <Title order={3} fz="h5" mb="sm">
                {t('surveys.quotaProgress')}
              </Title>
              <Stack gap="xs">
                {survey.quotaProgress.map((p) => (
                  <div key={`${p.kind}|${p.question ?? ''}|${p.value}`}>
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Text size="sm" lineClamp={2}>
                        {p.kind === 'total' ? t('surveys.quotaTotal') : `${t(`surveys.quotaKinds.${p.kind}`)}: ${p.label}`}
                      </Text>
                      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {p.count}/{p.target}
                        {p.full ? ` · ${t('surveys.quotaFull')}` : ''}
                      </Text>
                    </Group>
                    <Progress
                      value={Math.min(100, (100 * p.count) / p.target)}
                      color={p.full ? 'green' : 'blue'}
                      aria-label={`${p.label}: ${p.count}/${p.target}`}
                    />
                  </div>
                ))}
              </Stack>
            </Paper>
          ) : null}
          {r.elements.length ? (
            <Paper withBorder p="md">
              <Table.ScrollContainer minWidth={phone ? 0 : 640}>
                <Table fz="sm" verticalSpacing={6}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>
                        {t('surveys.element')} / {t('surveys.criterion')}
                      </Table.Th>
                      <Table.Th ta="right">{t('surveys.index')}</Table.Th>
                      {phone ? null : <Table.Th ta="right">{t('surveys.valid')}</Table.Th>}
                      {phone ? null : <Table.Th ta="right">{t('surveys.interval')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.elements.map((e) => [
                      <Table.Tr key={e.code} bg="gray.0">
                        <Table.Td fw={600}>
                          {e.code}. {e.name}
                        </Table.Td>
                        <Table.Td ta="right" fw={600}>
                          {pct(e.index, i18n.language)}
                        </Table.Td>
                        {phone ? null : <Table.Td ta="right">{e.valid}</Table.Td>}
                        {phone ? null : (
                          <Table.Td ta="right">
                            <Interval i={e.interval} />
                          </Table.Td>
                        )}
                      </Table.Tr>,
                      ...r.criteria
                        .filter((c) => c.element === e.code)
                        .map((c) => (
                          <Table.Tr key={`${e.code}-${c.code}`}>
                            <Table.Td pl="lg">
                              {c.code} {c.name}
                            </Table.Td>
                            <Table.Td ta="right">{pct(c.index, i18n.language)}</Table.Td>
                            {phone ? null : <Table.Td ta="right">{c.valid}</Table.Td>}
                            {phone ? null : (
                              <Table.Td ta="right">
                                <Interval i={c.interval} />
                              </Table.Td>
                            )}
                          </Table.Tr>
                        )),
                    ])}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          ) : null}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Paper withBorder p="md">
              <Title order={3} fz="h5" mb="sm">
                {t('surveys.byUnit')}
              </Title>
              <Table fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('surveys.unit')}</Table.Th>
                    <Table.Th ta="right">{t('surveys.responses')}</Table.Th>
                    <Table.Th ta="right">{t('surveys.index')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.byUnit.map((u) => (
                    <Table.Tr key={u.unitId ?? 'none'}>
                      <Table.Td>
                        {u.unitId ? (
                          <Anchor component="button" type="button" size="sm" onClick={() => setF({ ...f, unitId: u.unitId! })}>
                            {u.unitName}
                          </Anchor>
                        ) : (
                          t('surveys.noUnit')
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{u.responses}</Table.Td>
                      <Table.Td ta="right">
                        {pct(u.overall, i18n.language)}
                        {u.interval ? (
                          <Text span size="xs" c="dimmed" display="block">
                            <Interval i={u.interval} />
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            {r.byMonth.length > 0 && r.method ? (
              <Paper withBorder p="md">
                <Title order={3} fz="h5" mb="sm">
                  {t('surveys.byMonth')}
                </Title>
                <BarChart
                  h={220}
                  data={r.byMonth.map((m) => ({
                    month: `${m.month.slice(5)}/${m.month.slice(0, 4)}`,
                    [t('surveys.index')]: m.overall ?? 0,
                    n: m.responses,
                  }))}
                  dataKey="month"
                  series={[{ name: t('surveys.index'), color: 'danchu.6' }]}
                  yAxisProps={{ domain: [0, 100] }}
                />
              </Paper>
            ) : null}
          </SimpleGrid>
          <Paper withBorder p="md">
            <Title order={3} fz="h5" mb="sm">
              {t('surveys.questions')}
            </Title>
            <Stack gap="xs">
              {r.questions
                .filter((x) => x.type !== 'scale5' || !r.method)
                .map((x) => (
                  <div key={x.id}>
                    <Text size="sm" fw={500}>
                      {x.text}{' '}
                      <Text span size="xs" c="dimmed">
                        ({x.answered} {t('surveys.answered')})
                      </Text>
                    </Text>
                    {x.counts.length ? (
                      <Text size="xs" c="dimmed">
                        {x.counts.map((c) => `${c.label}: ${c.count}`).join(' · ')}
                      </Text>
                    ) : null}
                  </div>
                ))}
            </Stack>
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}

function Questions({ survey }: { survey: Detail }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('surveys.versions')}: {survey.versions.map((v) => t('surveys.versionN', { n: v.number, count: v.responses })).join(' · ')}
      </Text>
      {survey.definition.sections.map((s) => (
        <Paper key={s.id} withBorder p="md">
          <Title order={3} fz="h5" mb="xs">
            {s.title}
          </Title>
          <Stack gap={4}>
            {s.questions.map((q) => (
              <Text key={q.id} size="sm">
                <Badge size="xs" variant="light" mr={6}>
                  {t(`surveys.type.${q.type}`)}
                </Badge>
                {q.text}
                {q.criterion ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({t('surveys.criterion')} {q.criterion})
                  </Text>
                ) : null}
                {q.showIf ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    — {t('surveys.showIf')} {q.showIf.question} {t('surveys.showIfAny')} {q.showIf.anyOf.join(', ')}
                  </Text>
                ) : null}
              </Text>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function Channels({ survey }: { survey: Detail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [answers, setAnswers] = useState<TAnswers>({});
  const [service, setService] = useState<string | null>(null);
  const [day, setDay] = useState<string | null>(todayIso());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [labels, setLabels] = useState('');
  const [made, setMade] = useState<{ label: string; link: string }[]>([]);
  const paper = useMutation({
    mutationFn: () => post(`/api/surveys/${survey.id}/paper-responses`, { answeredOn: day, service, answers }),
    onSuccess: async () => {
      notifyOk(t('surveys.saved'));
      setAnswers({});
      setErrors({});
      await qc.invalidateQueries({ queryKey: ['surveys'] });
    },
    onError: (e) => {
      setErrors(fieldErrors(e));
      notifyError(e);
    },
  });
  const invite = useMutation({
    mutationFn: () =>
      post<{ label: string; token: string; link: string }[]>(`/api/surveys/${survey.id}/invitations`, {
        labels: labels
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      }),
    onSuccess: (r) => {
      setMade(r);
      setLabels('');
    },
    onError: notifyError,
  });
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Group align="flex-start" gap="lg" wrap="wrap">
          <Image src={`/api/surveys/${survey.id}/qr.svg`} alt={t('surveys.qrAlt')} w={180} h={180} />
          <Stack gap={6} style={{ flex: 1, minWidth: 240 }}>
            <Title order={3} fz="h5">
              {t('surveys.publicLink')}
            </Title>
            <Anchor href={survey.link} target="_blank" style={{ overflowWrap: 'anywhere' }} data-testid="public-link">
              {survey.link}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('surveys.qrHint')}
            </Text>
          </Stack>
        </Group>
      </Paper>
      {survey.canEnter && survey.status !== 'draft' ? (
        <Paper withBorder p="md">
          <Title order={3} fz="h5">
            {t('surveys.paperEntry')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('surveys.paperHint')}
          </Text>
          <DmyDateInput label={t('surveys.answeredOn')} value={day} onChange={setDay} w={180} mb="sm" error={errors.answeredOn} required />
          <SurveyForm
            definition={survey.definition}
            answers={answers}
            onChange={setAnswers}
            service={service}
            onService={setService}
            errors={errors}
          />
          <Button mt="md" onClick={() => paper.mutate()} loading={paper.isPending}>
            {t('surveys.saveResponse')}
          </Button>
        </Paper>
      ) : null}
      {survey.canManage ? (
        <Paper withBorder p="md">
          <Title order={3} fz="h5">
            {t('surveys.invitations')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('surveys.invitationsHint')}
          </Text>
          <Textarea
            label={t('surveys.invitationLabels')}
            autosize
            minRows={3}
            value={labels}
            onChange={(e) => setLabels(e.currentTarget.value)}
          />
          <Button mt="sm" onClick={() => invite.mutate()} loading={invite.isPending} disabled={!labels.trim()}>
            {t('surveys.createInvitations')}
          </Button>
          {made.length ? (
            <Table mt="sm" fz="sm">
              <Table.Tbody>
                {made.map((m) => (
                  <Table.Tr key={m.link}>
                    <Table.Td>{m.label}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.link}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Paper>
      ) : null}
    </Stack>
  );
}

function StaffAnswer({ survey }: { survey: Detail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [answers, setAnswers] = useState<TAnswers>({});
  const [service, setService] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = useMutation({
    mutationFn: () => post(`/api/surveys/${survey.id}/staff-response`, { service, answers }),
    onSuccess: async () => {
      notifyOk(t('surveys.thanks'));
      await qc.invalidateQueries({ queryKey: ['surveys'] });
    },
    onError: (e) => {
      setErrors(fieldErrors(e));
      notifyError(e);
    },
  });
  if (survey.answered) return <Alert color="green">{t('surveys.alreadyAnswered')}</Alert>;
  return (
    <Stack>
      <SurveyForm
        definition={survey.definition}
        answers={answers}
        onChange={setAnswers}
        service={service}
        onService={setService}
        errors={errors}
      />
      <Group>
        <Button onClick={() => send.mutate()} loading={send.isPending}>
          {t('surveys.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
