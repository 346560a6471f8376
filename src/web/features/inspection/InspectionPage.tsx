/**
 * The People's Inspection Board (issue #11): the board and its term, the programme, inspections
 * and supervisions with their notice, findings and recommendations, documents requested from
 * the head, the suggestion box and the reports to the union. What each person may do comes from
 * the server (`can` on each record); the page only shows it.
 */
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type {
  TActivity,
  TBoardState,
  TFrontItem,
  TRecommendation,
  TTrainingCourse,
  TTrainingGaps,
  ZDocumentRequest,
  ZNoticeCheck,
  ZProgramme,
  ZSuggestion,
} from '../../../contracts/inspection';
import { DEFAULT_TRAINING_MONTHS, FRONT_KINDS, FRONT_ORGANISATIONS, TRAINING_KINDS, TRAINING_SKILLS } from '../../../contracts/inspection';
import { get, patch, post, put, qs } from '../../api';
import { useCan } from '../../session';
import { EmptyState, ErrorAlert, formErrorsOf, Loading, notifyError, notifyOk, PageHeader } from '../../ui/common';
import { uploadFiles, usePeople, useUnits } from '../../ui/data';
import { formatDate, todayIso } from '../../ui/format';
import { clean, type Field, FormModal, type Values } from './FormModal';

type Form = Omit<Parameters<typeof FormModal>[0], 'onClose' | 'onDone'>;
type Programme = z.infer<typeof ZProgramme>;
type DocRequest = z.infer<typeof ZDocumentRequest>;
type Suggestion = z.infer<typeof ZSuggestion>;

const REC_COLORS: Record<string, string> = { open: 'blue', overdue: 'red', answered: 'green', answered_late: 'orange' };
const ACT_COLORS: Record<string, string> = { planned: 'gray', notified: 'blue', concluded: 'green' };
const PERIODS = ['q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'year'] as const;

function NoticeHint({ startsOn }: { startsOn: string | null }) {
  const { t } = useTranslation();
  const check = useQuery({
    queryKey: ['inspection', 'notice', startsOn],
    queryFn: () => get<z.infer<typeof ZNoticeCheck>>(`/api/inspection/notice-check${qs({ startsOn })}`),
    enabled: !!startsOn,
  });
  if (!startsOn || !check.data)
    return (
      <Text size="sm" c="dimmed">
        {t('inspection.noticeRule')}
      </Text>
    );
  const d = check.data;
  return (
    <Alert color={d.lawful ? 'blue' : 'red'} role="status" title={t('inspection.noticeRule')}>
      {d.lawful
        ? t('inspection.noticeBy', { date: formatDate(d.notice.due) })
        : t('inspection.noticeLate', { date: formatDate(d.notice.due), earliest: formatDate(d.earliestStart) })}
    </Alert>
  );
}

function BoardTab({ state, open }: { state: TBoardState; open: (f: Form) => void }) {
  const { t } = useTranslation();
  const people = usePeople();
  const term = state.current;
  const peopleData = (people.data ?? []).map((p) => ({ value: p.id, label: `${p.fullName}${p.position ? ` — ${p.position}` : ''}` }));
  const election = () =>
    open({
      title: t('inspection.recordElection'),
      hint: t('inspection.electionHint'),
      submitLabel: t('app.save'),
      initial: {
        electedOn: todayIso(),
        startsOn: null,
        conferenceRef: '',
        chair: null,
        deputy: null,
        members: [],
        moreThanNineDecided: false,
      },
      fields: [
        { name: 'electedOn', label: t('inspection.electedOn'), kind: 'date', required: true },
        { name: 'startsOn', label: t('inspection.startsOnTerm'), kind: 'date' },
        { name: 'conferenceRef', label: t('inspection.conference'), kind: 'text' },
        { name: 'chair', label: t('inspection.chair'), kind: 'select', data: peopleData },
        { name: 'deputy', label: t('inspection.deputy'), kind: 'select', data: peopleData },
        { name: 'members', label: t('inspection.role_member'), kind: 'multiselect', data: peopleData },
        { name: 'moreThanNineDecided', label: t('inspection.moreThanNine'), kind: 'checkbox' },
      ],
      onSubmit: (v) => {
        const members = [
          ...(v.chair ? [{ userId: v.chair, role: 'chair' }] : []),
          ...(v.deputy ? [{ userId: v.deputy, role: 'deputy' }] : []),
          ...((v.members as string[]) ?? []).map((userId) => ({ userId, role: 'member' })),
        ];
        const { chair: _c, deputy: _d, members: _m, ...rest } = clean(v);
        return post('/api/inspection/terms', { ...rest, members });
      },
    });
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('inspection.staffCount', { n: state.staffCount })}
        </Text>
        {state.can.recordElection ? (
          <Button variant="light" onClick={election}>
            {t('inspection.recordElection')}
          </Button>
        ) : null}
      </Group>
      {!term ? (
        <EmptyState title={t('inspection.noTerm')} hint={t('inspection.noTermHint')} />
      ) : (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={3}>{t('inspection.termRange', { from: formatDate(term.startsOn), to: formatDate(term.endsOn) })}</Title>
              <Badge variant="dot" color={term.daysLeft < 90 ? 'orange' : 'blue'}>
                {t('inspection.daysLeft', { n: Math.max(0, term.daysLeft) })}
              </Badge>
            </Group>
            <Text size="sm">
              {t('inspection.electedOn')}: {formatDate(term.electedOn)}
              {term.conferenceRef ? ` — ${term.conferenceRef}` : ''}
            </Text>
            {term.recognisedOn ? (
              <Text size="sm">
                {t('inspection.recognisedOn')} {formatDate(term.recognisedOn)}
                {term.recognitionDecision ? ` (${term.recognitionDecision})` : ''}
              </Text>
            ) : (
              <Group>
                <Text size="sm" c="orange">
                  {t('inspection.notRecognised', { due: formatDate(term.recognitionDue.due) })}
                </Text>
                {term.can.recognise ? (
                  <Button
                    size="compact-sm"
                    onClick={() =>
                      open({
                        title: t('inspection.recognise'),
                        hint: term.recognitionDue.basis.join('; '),
                        submitLabel: t('inspection.recognise'),
                        initial: { recognisedOn: todayIso(), decision: '' },
                        fields: [
                          { name: 'recognisedOn', label: t('inspection.recognisedOn'), kind: 'date', required: true },
                          { name: 'decision', label: t('inspection.decision'), kind: 'text' },
                        ],
                        onSubmit: (v) => post(`/api/inspection/terms/${term.id}/recognise`, { ...clean(v), version: term.version }),
                      })
                    }
                  >
                    {t('inspection.recognise')}
                  </Button>
                ) : null}
              </Group>
            )}
            {term.warnings.map((w) => (
              <Alert key={w} color="orange" title={t('inspection.warnings')}>
                {w}
              </Alert>
            ))}
            <Table.ScrollContainer minWidth={560}>
              <Table striped aria-label={t('inspection.members')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('inspection.name')}</Table.Th>
                    <Table.Th>{t('inspection.position')}</Table.Th>
                    <Table.Th>{t('inspection.role')}</Table.Th>
                    <Table.Th>{t('inspection.leftOn')}</Table.Th>
                    {term.can.manageMembers ? <Table.Th>{t('app.actions')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {term.members.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{m.name}</Table.Td>
                      <Table.Td>{m.position}</Table.Td>
                      <Table.Td>{t(`inspection.role_${m.role}`)}</Table.Td>
                      <Table.Td>{m.leftOn ? `${formatDate(m.leftOn)} — ${m.leftReason ?? ''}` : ''}</Table.Td>
                      {term.can.manageMembers ? (
                        <Table.Td>
                          {!m.leftOn ? (
                            <Group gap={4}>
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                onClick={() =>
                                  open({
                                    title: `${t('inspection.role')}: ${m.name}`,
                                    submitLabel: t('app.save'),
                                    initial: { role: m.role },
                                    fields: [
                                      {
                                        name: 'role',
                                        label: t('inspection.role'),
                                        kind: 'select',
                                        required: true,
                                        data: (['chair', 'deputy', 'member'] as const).map((r) => ({
                                          value: r,
                                          label: t(`inspection.role_${r}`),
                                        })),
                                      },
                                    ],
                                    onSubmit: (v) => post(`/api/inspection/members/${m.id}/role`, v),
                                  })
                                }
                              >
                                {t('inspection.role')}
                              </Button>
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                color="red"
                                onClick={() =>
                                  open({
                                    title: `${t('inspection.leftOn')}: ${m.name}`,
                                    submitLabel: t('app.save'),
                                    initial: { leftOn: todayIso(), reason: '' },
                                    fields: [
                                      { name: 'leftOn', label: t('inspection.leftOn'), kind: 'date', required: true },
                                      { name: 'reason', label: t('inspection.content'), kind: 'text', required: true },
                                    ],
                                    onSubmit: (v) => post(`/api/inspection/members/${m.id}/leave`, v),
                                  })
                                }
                              >
                                {t('inspection.leftOn')}
                              </Button>
                            </Group>
                          ) : null}
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {term.can.manageMembers ? (
              <Group>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() =>
                    open({
                      title: t('app.add'),
                      hint: t('inspection.electionHint'),
                      submitLabel: t('app.save'),
                      initial: { userId: null, electedOn: todayIso(), role: 'member' },
                      fields: [
                        { name: 'userId', label: t('inspection.name'), kind: 'select', data: peopleData, required: true },
                        { name: 'electedOn', label: t('inspection.electedOn'), kind: 'date', required: true },
                      ],
                      onSubmit: (v) => post(`/api/inspection/terms/${term.id}/members`, clean(v)),
                    })
                  }
                >
                  {t('app.add')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Paper>
      )}
      <PastTerms past={state.past} />
      {state.can.work || state.can.answer || state.can.union ? (
        <Text size="sm">
          <Anchor component={Link} to="/cases/oversight">
            {t('inspection.caseAccess')}
          </Anchor>
        </Text>
      ) : null}
    </Stack>
  );
}

/** Earlier terms and what each handed over to the next board (Law 10/2022 Art. 60(3)). */
function PastTerms({ past }: { past: TBoardState['past'] }) {
  const { t } = useTranslation();
  if (!past.length) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3}>{t('inspection.pastTerms')}</Title>
        {past.map((p) => (
          <Stack key={p.id} gap={4}>
            <Text size="sm" fw={500}>
              {t('inspection.termRange', { from: formatDate(p.startsOn), to: formatDate(p.endsOn) })}
              {p.conferenceRef ? ` — ${p.conferenceRef}` : ''}
              {p.closedOn ? ` · ${t('inspection.closedOn', { date: formatDate(p.closedOn) })}` : ''}
            </Text>
            {p.handover ? (
              <>
                <Text size="sm">
                  {t('inspection.handover', {
                    activities: p.handover.activities.length,
                    recommendations: p.handover.recommendations.length,
                    documents: p.handover.documentRequests.length,
                    suggestions: p.handover.suggestions,
                  })}
                </Text>
                <List size="sm">
                  {p.handover.activities.map((a) => (
                    <List.Item key={a.id}>
                      {a.title} ({t(`inspection.status_${a.status}`)})
                    </List.Item>
                  ))}
                  {p.handover.recommendations.map((r) => (
                    <List.Item key={r.id}>
                      {r.title} ({t('inspection.dueOn')} {formatDate(r.dueOn)})
                    </List.Item>
                  ))}
                  {p.handover.documentRequests.map((d) => (
                    <List.Item key={d.id}>
                      {d.title} ({t('inspection.neededBy')} {formatDate(d.neededBy)})
                    </List.Item>
                  ))}
                </List>
              </>
            ) : null}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

function ProgrammeTab({ state, open }: { state: TBoardState; open: (f: Form) => void }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['inspection', 'programmes'], queryFn: () => get<Programme[]>('/api/inspection/programmes') });
  if (list.isLoading) return <Loading />;
  return (
    <Stack>
      {state.can.work ? (
        <Group>
          <Button
            onClick={() =>
              open({
                title: t('inspection.newProgramme'),
                submitLabel: t('app.save'),
                initial: { year: Number(todayIso().slice(0, 4)), period: 'year', title: '', content: '', reportedToUnionOn: null },
                fields: [
                  { name: 'year', label: t('inspection.year'), kind: 'number', required: true },
                  {
                    name: 'period',
                    label: t('inspection.period'),
                    kind: 'select',
                    required: true,
                    data: PERIODS.map((p) => ({ value: p, label: t(`inspection.period_${p}`) })),
                  },
                  { name: 'title', label: t('inspection.programme'), kind: 'text', required: true },
                  { name: 'content', label: t('inspection.content'), kind: 'textarea', required: true },
                  { name: 'reportedToUnionOn', label: t('inspection.reportedToUnion'), kind: 'date' },
                ],
                onSubmit: (v) => post('/api/inspection/programmes', clean(v)),
              })
            }
          >
            {t('inspection.newProgramme')}
          </Button>
        </Group>
      ) : null}
      {(list.data ?? []).length === 0 ? <EmptyState title={t('app.empty')} /> : null}
      {(list.data ?? []).map((p) => (
        <Paper key={p.id} withBorder p="md">
          <Group justify="space-between">
            <Text fw={600}>{p.title}</Text>
            <Badge variant="light">
              {t(`inspection.period_${p.period}`)} {p.year}
            </Badge>
          </Group>
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {p.content}
          </Text>
          {p.reportedToUnionOn ? (
            <Text size="xs" c="dimmed" mt="xs">
              {t('inspection.reportedToUnion')} {formatDate(p.reportedToUnionOn)}
            </Text>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}

function ActivitiesTab({ state, open }: { state: TBoardState; open: (f: Form) => void }) {
  const { t } = useTranslation();
  const units = useUnits();
  const list = useQuery({ queryKey: ['inspection', 'activities'], queryFn: () => get<TActivity[]>('/api/inspection/activities') });
  const programmes = useQuery({ queryKey: ['inspection', 'programmes'], queryFn: () => get<Programme[]>('/api/inspection/programmes') });
  if (list.isLoading) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const plan = () =>
    open({
      title: t('inspection.newActivity'),
      submitLabel: t('app.save'),
      initial: {
        kind: 'supervision',
        title: '',
        subject: '',
        subjectUnitId: null,
        content: '',
        source: 'programme',
        programmeId: null,
        startsOn: null,
        endsOn: null,
      },
      fields: [
        {
          name: 'kind',
          label: t('inspection.kind'),
          kind: 'select',
          required: true,
          data: (['supervision', 'inspection'] as const).map((k) => ({ value: k, label: t(`inspection.kind_${k}`) })),
        },
        { name: 'title', label: t('inspection.activityTitle'), kind: 'text', required: true },
        { name: 'subject', label: t('inspection.subject'), kind: 'text', required: true },
        {
          name: 'subjectUnitId',
          label: t('inspection.subjectUnit'),
          kind: 'select',
          data: (units.data ?? []).map((u) => ({ value: u.id, label: u.name })),
        },
        { name: 'content', label: t('inspection.content'), kind: 'textarea', required: true },
        {
          name: 'source',
          label: t('inspection.source'),
          kind: 'select',
          required: true,
          data: (['programme', 'staff_report', 'suggestion_box', 'leadership_documents', 'request'] as const).map((k) => ({
            value: k,
            label: t(`inspection.source_${k}`),
          })),
        },
        {
          name: 'programmeId',
          label: t('inspection.programme'),
          kind: 'select',
          data: (programmes.data ?? []).map((p) => ({ value: p.id, label: p.title })),
        },
        { name: 'startsOn', label: t('inspection.startsOn'), kind: 'date', required: true },
        { name: 'endsOn', label: t('inspection.endsOn'), kind: 'date' },
      ],
      live: (v) => <NoticeHint startsOn={(v.startsOn as string | null) ?? null} />,
      onSubmit: (v) => post('/api/inspection/activities', clean(v)),
    });
  return (
    <Stack>
      {state.can.work ? (
        <Group>
          <Button onClick={plan}>{t('inspection.newActivity')}</Button>
        </Group>
      ) : null}
      {(list.data ?? []).length === 0 ? <EmptyState title={t('inspection.noActivities')} /> : null}
      {(list.data ?? []).map((a) => (
        <Paper key={a.id} withBorder p="md" component="article" aria-label={a.title}>
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Text fw={600}>{a.title}</Text>
              <Text size="sm" c="dimmed">
                {t(`inspection.kind_${a.kind}`)} · {a.subject} · {t('inspection.startsOn')} {formatDate(a.startsOn)}
              </Text>
            </Stack>
            <Badge variant="dot" color={ACT_COLORS[a.status]}>
              {t(`inspection.status_${a.status}`)}
            </Badge>
          </Group>
          <Text size="sm" mt="xs">
            {a.notifiedOn
              ? `${t('inspection.notifiedOn')}: ${formatDate(a.notifiedOn)}`
              : t('inspection.noticeBy', { date: formatDate(a.notice.due) })}
          </Text>
          {a.findings ? (
            <Text size="sm" mt="xs">
              <b>{t('inspection.findings')}:</b> {a.findings}
              {a.votesFor !== null ? ` (${a.votesFor}/${a.sittingMembers})` : ''}
            </Text>
          ) : null}
          <Group gap="xs" mt="sm">
            {a.can.notify ? (
              <Button
                size="compact-sm"
                variant="light"
                onClick={() =>
                  open({
                    title: `${t('inspection.notify')}: ${a.title}`,
                    hint: `${t('inspection.noticeBy', { date: formatDate(a.notice.due) })}. ${t('inspection.noticeRule')}`,
                    submitLabel: t('inspection.notify'),
                    initial: { notifiedOn: todayIso(), reportedToUnionOn: null },
                    fields: [
                      { name: 'notifiedOn', label: t('inspection.notifiedOn'), kind: 'date', required: true },
                      { name: 'reportedToUnionOn', label: t('inspection.reportedToUnion'), kind: 'date' },
                    ],
                    onSubmit: (v) => post(`/api/inspection/activities/${a.id}/notify`, { ...clean(v), version: a.version }),
                  })
                }
              >
                {t('inspection.notify')}
              </Button>
            ) : null}
            {a.can.conclude ? (
              <Button
                size="compact-sm"
                variant="light"
                onClick={() =>
                  open({
                    title: `${t('inspection.conclude')}: ${a.title}`,
                    hint: t('inspection.majorityRule'),
                    submitLabel: t('app.save'),
                    initial: {
                      concludedOn: todayIso(),
                      minutes: '',
                      findings: '',
                      evidence: '',
                      votesFor: null,
                      votesAgainst: 0,
                      sentToRequesterOn: null,
                    },
                    fields: [
                      { name: 'concludedOn', label: t('inspection.concludedOn'), kind: 'date', required: true },
                      { name: 'minutes', label: t('inspection.minutes'), kind: 'textarea', required: true },
                      { name: 'findings', label: t('inspection.findings'), kind: 'textarea', required: true },
                      { name: 'evidence', label: t('inspection.evidence'), kind: 'text' },
                      { name: 'votesFor', label: t('inspection.votesFor'), kind: 'number', required: true },
                      { name: 'votesAgainst', label: t('inspection.votesAgainst'), kind: 'number', required: true },
                      { name: 'sentToRequesterOn', label: t('inspection.sentToRequester'), kind: 'date' },
                    ],
                    onSubmit: (v) => post(`/api/inspection/activities/${a.id}/conclude`, { ...clean(v), version: a.version }),
                  })
                }
              >
                {t('inspection.conclude')}
              </Button>
            ) : null}
            {a.can.recommend ? (
              <Button
                size="compact-sm"
                variant="light"
                onClick={() =>
                  open({
                    title: `${t('inspection.recommend')}: ${a.title}`,
                    hint: t('inspection.replyRule'),
                    submitLabel: t('inspection.recommend'),
                    initial: { title: '', content: a.findings ?? '', receivedOn: todayIso() },
                    fields: [
                      { name: 'title', label: t('inspection.recTitle'), kind: 'text', required: true },
                      { name: 'content', label: t('inspection.recContent'), kind: 'textarea', required: true },
                      { name: 'receivedOn', label: t('inspection.receivedOn'), kind: 'date', required: true },
                    ],
                    onSubmit: (v) => post('/api/inspection/recommendations', { ...clean(v), activityId: a.id }),
                  })
                }
              >
                {t('inspection.recommend')}
              </Button>
            ) : null}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function RecommendationsTab({ open }: { open: (f: Form) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['inspection', 'recommendations'],
    queryFn: () => get<TRecommendation[]>('/api/inspection/recommendations'),
  });
  const escalate = useMutation({
    mutationFn: (r: TRecommendation) =>
      post(`/api/inspection/recommendations/${r.id}/escalate`, { version: r.version, escalatedOn: todayIso() }),
    onSuccess: async () => {
      notifyOk(t('app.saved'));
      await qc.invalidateQueries({ queryKey: ['inspection'] });
    },
    onError: notifyError,
  });
  if (list.isLoading) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data?.length) return <EmptyState title={t('inspection.noRecommendations')} />;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('inspection.replyRule')}
      </Text>
      {list.data.map((r) => (
        <Paper key={r.id} withBorder p="md" component="article" aria-label={r.title}>
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Text fw={600}>{r.title}</Text>
              {r.activity ? (
                <Text size="xs" c="dimmed">
                  {r.activity.title}
                </Text>
              ) : null}
            </Stack>
            <Badge variant="dot" color={REC_COLORS[r.status]}>
              {t(`inspection.rec_${r.status}`)}
            </Badge>
          </Group>
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {r.content}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
            <Text size="sm">
              {t('inspection.receivedOn')}: {formatDate(r.receivedOn)}
            </Text>
            <Text size="sm" title={r.due.explanation.join('\n')}>
              {t('inspection.dueOn')}: {formatDate(r.dueOn)}
            </Text>
            {r.answeredOn ? (
              <Text size="sm">
                {t('inspection.answeredOn')}: {formatDate(r.answeredOn)}
                {r.answeredBy ? ` — ${r.answeredBy}` : ''}
              </Text>
            ) : null}
          </SimpleGrid>
          {r.answer ? (
            <Text size="sm" mt="xs">
              <b>{t('inspection.answerText')}:</b> {r.answer}
            </Text>
          ) : null}
          {r.escalatedOn ? (
            <Text size="sm" c="orange" mt="xs">
              {t('inspection.escalatedOn', { date: formatDate(r.escalatedOn) })}
            </Text>
          ) : null}
          <Group gap="xs" mt="sm">
            {r.can.answer ? (
              <Button
                size="compact-sm"
                onClick={() =>
                  open({
                    title: `${t('inspection.answer')}: ${r.title}`,
                    hint: `${t('inspection.dueOn')}: ${formatDate(r.dueOn)}. ${t('inspection.replyRule')}`,
                    submitLabel: t('inspection.answer'),
                    initial: { answeredOn: todayIso(), answer: '' },
                    fields: [
                      { name: 'answeredOn', label: t('inspection.answeredOn'), kind: 'date', required: true },
                      { name: 'answer', label: t('inspection.answerText'), kind: 'textarea', required: true },
                    ],
                    onSubmit: (v) => post(`/api/inspection/recommendations/${r.id}/answer`, { ...clean(v), version: r.version }),
                  })
                }
              >
                {t('inspection.answer')}
              </Button>
            ) : null}
            {r.can.escalate ? (
              <Button size="compact-sm" variant="light" color="orange" loading={escalate.isPending} onClick={() => escalate.mutate(r)}>
                {t('inspection.escalate')}
              </Button>
            ) : null}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function DocumentsTab({ state, open }: { state: TBoardState; open: (f: Form) => void }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['inspection', 'documents'], queryFn: () => get<DocRequest[]>('/api/inspection/document-requests') });
  if (list.isLoading) return <Loading />;
  return (
    <Stack>
      {state.can.work ? (
        <Group>
          <Button
            onClick={() =>
              open({
                title: t('inspection.requestDocuments'),
                submitLabel: t('app.save'),
                initial: { title: '', requestedOn: todayIso(), neededBy: null },
                fields: [
                  { name: 'title', label: t('inspection.docTitle'), kind: 'text', required: true },
                  { name: 'requestedOn', label: t('inspection.requestedOn'), kind: 'date', required: true },
                  { name: 'neededBy', label: t('inspection.neededBy'), kind: 'date', required: true },
                ],
                onSubmit: (v) => post('/api/inspection/document-requests', clean(v)),
              })
            }
          >
            {t('inspection.requestDocuments')}
          </Button>
        </Group>
      ) : null}
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label={t('inspection.tabDocuments')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inspection.docTitle')}</Table.Th>
              <Table.Th>{t('inspection.requestedOn')}</Table.Th>
              <Table.Th>{t('inspection.neededBy')}</Table.Th>
              <Table.Th>{t('inspection.providedOn')}</Table.Th>
              <Table.Th>{t('app.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  {d.title}
                  {d.reply ? (
                    <Text size="xs" c="dimmed">
                      {d.reply}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{formatDate(d.requestedOn)}</Table.Td>
                <Table.Td>
                  {formatDate(d.neededBy)}{' '}
                  {d.overdue ? (
                    <Badge variant="dot" color="red">
                      {t('inspection.overdue')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{formatDate(d.providedOn)}</Table.Td>
                <Table.Td>
                  {d.can.provide ? (
                    <Button
                      size="compact-xs"
                      onClick={() =>
                        open({
                          title: `${t('inspection.provide')}: ${d.title}`,
                          submitLabel: t('inspection.provide'),
                          initial: { providedOn: todayIso(), reply: '' },
                          fields: [
                            { name: 'providedOn', label: t('inspection.providedOn'), kind: 'date', required: true },
                            { name: 'reply', label: t('inspection.reply'), kind: 'textarea', required: true },
                          ],
                          onSubmit: (v) => post(`/api/inspection/document-requests/${d.id}/provide`, { ...clean(v), version: d.version }),
                        })
                      }
                    >
                      {t('inspection.provide')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function SuggestionForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [content, setContent] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const send = useMutation({
    mutationFn: () => post('/api/inspection/suggestions', { content, anonymous }),
    onSuccess: async () => {
      notifyOk(t('inspection.sent'));
      setContent('');
      await qc.invalidateQueries({ queryKey: ['inspection', 'suggestions'] });
    },
    onError: (e) => setError(formErrorsOf(e).content),
  });
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError(undefined);
          send.mutate();
        }}
      >
        <Stack>
          <Textarea
            label={t('inspection.suggestion')}
            description={t('inspection.suggestionHint')}
            value={content}
            onChange={(e) => setContent(e.currentTarget.value)}
            error={error}
            autosize
            minRows={3}
            required
          />
          <Checkbox label={t('inspection.anonymous')} checked={anonymous} onChange={(e) => setAnonymous(e.currentTarget.checked)} />
          <Group>
            <Button type="submit" loading={send.isPending}>
              {t('inspection.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function SuggestionsTab({ state }: { state: TBoardState }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['inspection', 'suggestions'],
    queryFn: () => get<Suggestion[]>('/api/inspection/suggestions'),
    enabled: state.can.work,
  });
  const mark = useMutation({
    mutationFn: (x: { id: string; status: 'taken_up' | 'closed' }) => patch(`/api/inspection/suggestions/${x.id}`, { status: x.status }),
    onSuccess: async () => qc.invalidateQueries({ queryKey: ['inspection', 'suggestions'] }),
    onError: notifyError,
  });
  return (
    <Stack>
      {state.can.suggest ? <SuggestionForm /> : null}
      {(list.data ?? []).map((s) => (
        <Paper key={s.id} withBorder p="md">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {formatDate(s.receivedOn)} · {s.anonymous ? t('inspection.anonymousAuthor') : s.author}
            </Text>
            <Badge variant="light">{t(`inspection.sugg_${s.status}`)}</Badge>
          </Group>
          <Text size="sm" mt="xs">
            {s.content}
          </Text>
          {s.status === 'new' ? (
            <Group gap="xs" mt="xs">
              <Button size="compact-xs" variant="light" onClick={() => mark.mutate({ id: s.id, status: 'taken_up' })}>
                {t('inspection.markTakenUp')}
              </Button>
              <Button size="compact-xs" variant="subtle" onClick={() => mark.mutate({ id: s.id, status: 'closed' })}>
                {t('inspection.markClosed')}
              </Button>
            </Group>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}

const FRONT_COLORS: Record<string, string> = {
  awaiting: 'blue',
  overdue: 'red',
  responded: 'green',
  responded_late: 'orange',
  none: 'gray',
};

function FrontTab({ open }: { open: (f: Form) => void }) {
  const { t } = useTranslation();
  const manage = useCan('front.manage');
  const list = useQuery({ queryKey: ['inspection', 'front'], queryFn: () => get<TFrontItem[]>('/api/front-items') });
  if (list.isLoading) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('inspection.frontHint')}
        </Text>
        {manage ? (
          <Button
            onClick={() =>
              open({
                title: t('inspection.newFront'),
                submitLabel: t('app.save'),
                initial: {
                  kind: 'supervision',
                  organisation: 'front',
                  direction: null,
                  title: '',
                  documentRef: '',
                  heldOn: todayIso(),
                  content: '',
                  responseDueOn: null,
                  reviewOn: null,
                },
                fields: [
                  {
                    name: 'kind',
                    label: t('inspection.kind'),
                    kind: 'select',
                    required: true,
                    data: FRONT_KINDS.map((k) => ({ value: k, label: t(`inspection.frontKind_${k}`) })),
                  },
                  {
                    name: 'organisation',
                    label: t('inspection.organisation'),
                    kind: 'select',
                    required: true,
                    data: FRONT_ORGANISATIONS.map((k) => ({ value: k, label: t(`inspection.org_${k}`) })),
                  },
                  {
                    name: 'direction',
                    label: t('inspection.direction'),
                    kind: 'select',
                    data: (['in', 'out'] as const).map((k) => ({ value: k, label: t(`inspection.direction_${k}`) })),
                  },
                  { name: 'title', label: t('inspection.content'), kind: 'text', required: true },
                  { name: 'documentRef', label: t('inspection.documentRef'), kind: 'text' },
                  { name: 'heldOn', label: t('inspection.heldOn'), kind: 'date', required: true },
                  { name: 'content', label: t('inspection.commentsReceived'), kind: 'textarea', required: true },
                  { name: 'responseDueOn', label: t('inspection.responseDueOn'), kind: 'date' },
                  { name: 'reviewOn', label: t('inspection.reviewOn'), kind: 'date' },
                ],
                onSubmit: (v) => post('/api/front-items', clean(v)),
              })
            }
          >
            {t('inspection.newFront')}
          </Button>
        ) : null}
      </Group>
      {(list.data ?? []).length === 0 ? <EmptyState title={t('app.empty')} /> : null}
      {(list.data ?? []).map((f) => (
        <Paper key={f.id} withBorder p="md" component="article" aria-label={f.title}>
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Text fw={600}>{f.title}</Text>
              <Text size="sm" c="dimmed">
                {t(`inspection.frontKind_${f.kind}`)} · {t(`inspection.org_${f.organisation}`)}
                {f.direction ? ` · ${t(`inspection.direction_${f.direction}`)}` : ''} · {formatDate(f.heldOn)}
                {f.documentRef ? ` · ${f.documentRef}` : ''}
              </Text>
            </Stack>
            <Badge variant="dot" color={FRONT_COLORS[f.state]}>
              {t(`inspection.front_${f.state}`)}
            </Badge>
          </Group>
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {f.content}
          </Text>
          {f.responseDueOn ? (
            <Text size="sm" mt="xs">
              {t('inspection.responseDueOn')}: {formatDate(f.responseDueOn)}
            </Text>
          ) : null}
          {f.response ? (
            <Text size="sm" mt="xs">
              <b>
                {t('inspection.response')} ({formatDate(f.respondedOn)}):
              </b>{' '}
              {f.response}
              {f.followUp ? ` — ${t('inspection.followUp')}: ${f.followUp}` : ''}
            </Text>
          ) : null}
          {f.reviewOn ? (
            <Text size="sm" mt="xs">
              {t('inspection.reviewOn')}: {formatDate(f.reviewOn)}
            </Text>
          ) : null}
          {f.can.respond ? (
            <Button
              size="compact-sm"
              mt="sm"
              onClick={() =>
                open({
                  title: `${t('inspection.respond')}: ${f.title}`,
                  submitLabel: t('inspection.respond'),
                  initial: { respondedOn: todayIso(), response: '', followUp: '' },
                  fields: [
                    { name: 'respondedOn', label: t('inspection.respondedOn'), kind: 'date', required: true },
                    { name: 'response', label: t('inspection.response'), kind: 'textarea', required: true },
                    { name: 'followUp', label: t('inspection.followUp'), kind: 'text' },
                  ],
                  onSubmit: (v) => post(`/api/front-items/${f.id}/respond`, { ...clean(v), version: f.version }),
                })
              }
            >
              {t('inspection.respond')}
            </Button>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}

/** Who among the staff dealing with citizens has not been trained in the last N months (plan II.9). */
function TrainingGaps() {
  const { t, i18n } = useTranslation();
  const [months, setMonths] = useState<number>(DEFAULT_TRAINING_MONTHS);
  const gaps = useQuery({
    queryKey: ['inspection', 'training', 'gaps', months],
    queryFn: () => get<TTrainingGaps>(`/api/training/gaps${qs({ months: String(months) })}`),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="training-gaps-title">
      <Group justify="space-between" align="flex-end">
        <Title order={3} fz="h4" id="training-gaps-title">
          {t('inspection.gapsTitle')}
        </Title>
        <NumberInput
          label={t('inspection.gapsMonths')}
          min={1}
          max={120}
          w={180}
          value={months}
          onChange={(x) => setMonths(typeof x === 'number' && x >= 1 && x <= 120 ? x : DEFAULT_TRAINING_MONTHS)}
        />
      </Group>
      {gaps.isLoading ? <Loading /> : null}
      {gaps.error ? <ErrorAlert error={gaps.error} /> : null}
      {gaps.data ? (
        <>
          <Text size="sm" c="dimmed" mt="xs">
            {i18n.language === 'en' ? gaps.data.how.en : gaps.data.how.vi}
          </Text>
          {gaps.data.untrained.length === 0 ? (
            <Text size="sm" mt="sm">
              {t('inspection.gapsNone', { n: gaps.data.months })}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table striped mt="sm" aria-label={t('inspection.gapsTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('inspection.name')}</Table.Th>
                    <Table.Th>{t('inspection.position')}</Table.Th>
                    <Table.Th>{t('inspection.lastTrainedOn')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {gaps.data.untrained.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.name}</Table.Td>
                      <Table.Td>{p.position ?? ''}</Table.Td>
                      <Table.Td>{p.lastTrainedOn ? formatDate(p.lastTrainedOn) : t('inspection.neverTrained')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      ) : null}
    </Paper>
  );
}

function TrainingTab({ open, overseer }: { open: (f: Form) => void; overseer: boolean }) {
  const { t } = useTranslation();
  const manage = useCan('training.manage');
  const people = usePeople();
  const list = useQuery({ queryKey: ['inspection', 'training'], queryFn: () => get<TTrainingCourse[]>('/api/training/courses') });
  const peopleData = (people.data ?? []).filter((p) => p.isActive).map((p) => ({ value: p.id, label: p.fullName }));
  if (list.isLoading) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('inspection.trainingHint')}
        </Text>
        {manage ? (
          <Button
            onClick={() =>
              open({
                title: t('inspection.newTraining'),
                submitLabel: t('app.save'),
                initial: {
                  kind: 'course',
                  title: '',
                  content: '',
                  heldOn: todayIso(),
                  trainers: '',
                  skills: [],
                  attendeeIds: [],
                  materials: [],
                },
                fields: [
                  {
                    name: 'kind',
                    label: t('inspection.kind'),
                    kind: 'select',
                    required: true,
                    data: TRAINING_KINDS.map((k) => ({ value: k, label: t(`inspection.trainingKind_${k}`) })),
                  },
                  { name: 'title', label: t('inspection.content'), kind: 'text', required: true },
                  { name: 'content', label: t('inspection.trainingContent'), kind: 'textarea', required: true },
                  { name: 'heldOn', label: t('inspection.heldOn'), kind: 'date', required: true },
                  { name: 'trainers', label: t('inspection.trainers'), kind: 'text', required: true },
                  {
                    name: 'skills',
                    label: t('inspection.skills'),
                    kind: 'multiselect',
                    required: true,
                    data: TRAINING_SKILLS.map((k) => ({ value: k, label: t(`inspection.skill_${k}`) })),
                  },
                  { name: 'attendeeIds', label: t('inspection.attendees'), kind: 'multiselect', data: peopleData },
                  { name: 'materials', label: t('inspection.materials'), kind: 'files' },
                ],
                onSubmit: async (v) => {
                  const { materials, ...rest } = v;
                  return post('/api/training/courses', {
                    ...clean(rest),
                    attachmentIds: await uploadFiles((materials as File[] | null) ?? []),
                  });
                },
              })
            }
          >
            {t('inspection.newTraining')}
          </Button>
        ) : null}
      </Group>
      {manage || overseer ? <TrainingGaps /> : null}
      {(list.data ?? []).length === 0 ? <EmptyState title={t('app.empty')} /> : null}
      {(list.data ?? []).map((c) => (
        <Paper key={c.id} withBorder p="md" component="article" aria-label={c.title}>
          <Text fw={600}>{c.title}</Text>
          <Text size="sm" c="dimmed">
            {t(`inspection.trainingKind_${c.kind}`)} · {formatDate(c.heldOn)} · {t('inspection.trainers')}: {c.trainers}
          </Text>
          <Group gap="xs" mt="xs">
            {c.skills.map((k) => (
              <Badge key={k} variant="light">
                {t(`inspection.skill_${k}`)}
              </Badge>
            ))}
          </Group>
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {c.content}
          </Text>
          {c.materials.length ? (
            <Text size="sm" mt="xs">
              {t('inspection.materials')}:{' '}
              {c.materials.map((f, i) => (
                <span key={f.id}>
                  {i ? ', ' : ''}
                  <Anchor href={`/api/files/${f.id}`}>{f.filename}</Anchor>
                </span>
              ))}
            </Text>
          ) : null}
          <Text size="sm" mt="xs">
            {t('inspection.attendeesCount', { n: c.attendees.length })}
            {c.attendees.length ? `: ${c.attendees.map((a) => a.name).join(', ')}` : ''}
          </Text>
          {c.can.edit ? (
            <Button
              size="compact-sm"
              mt="sm"
              variant="light"
              onClick={() =>
                open({
                  title: `${t('inspection.editAttendance')}: ${c.title}`,
                  submitLabel: t('app.save'),
                  initial: { attendeeIds: c.attendees.map((a) => a.id) },
                  fields: [{ name: 'attendeeIds', label: t('inspection.attendees'), kind: 'multiselect', data: peopleData }],
                  onSubmit: (v) =>
                    put(`/api/training/courses/${c.id}/attendance`, { attendeeIds: v.attendeeIds ?? [], version: c.version }),
                })
              }
            >
              {t('inspection.editAttendance')}
            </Button>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}

async function download(url: string, fallback: string) {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  }
  const star = /filename\*=UTF-8''([^;]+)/i.exec(res.headers.get('content-disposition') ?? '');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = star ? decodeURIComponent(star[1]!) : fallback;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function ReportsTab() {
  const { t } = useTranslation();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(String(thisYear));
  const [period, setPeriod] = useState<string>(`q${Math.floor((Number(todayIso().slice(5, 7)) - 1) / 3) + 1}`);
  const [busy, setBusy] = useState(false);
  return (
    <Paper withBorder p="md">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('inspection.reportHint')}
        </Text>
        <Group align="flex-end">
          <Select
            label={t('inspection.year')}
            data={[thisYear - 1, thisYear, thisYear + 1].map(String)}
            value={year}
            onChange={(x) => setYear(x ?? String(thisYear))}
            allowDeselect={false}
            w={120}
          />
          <Select
            label={t('inspection.period')}
            data={[...PERIODS, 'term', 'conference'].map((p) => ({ value: p, label: t(`inspection.period_${p}`) }))}
            value={period}
            onChange={(x) => setPeriod(x ?? 'year')}
            allowDeselect={false}
            w={320}
          />
          <Button
            loading={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await download(`/api/inspection/report.docx${qs({ year, period })}`, 'bao-cao-bttnd.docx');
              } catch (e) {
                notifyError(e);
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('inspection.downloadReport')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function InspectionPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const state = useQuery({ queryKey: ['inspection', 'board'], queryFn: () => get<TBoardState>('/api/inspection/board') });
  const initialTab = new URLSearchParams(window.location.search).get('tab') ?? 'board';
  const [tab, setTab] = useState<string | null>(initialTab);
  const [form, setForm] = useState<Form | null>(null);
  const frontReader = useCan('front.read');
  if (state.isLoading) return <Loading />;
  if (state.error || !state.data) return <ErrorAlert error={state.error} />;
  const s = state.data;
  const overseer = s.can.work || s.can.answer || s.can.union;
  return (
    <>
      <PageHeader title={t('inspection.title')} subtitle={t('inspection.subtitle')} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="board">{t('inspection.tabBoard')}</Tabs.Tab>
          <Tabs.Tab value="programme">{t('inspection.tabProgramme')}</Tabs.Tab>
          {overseer ? <Tabs.Tab value="activities">{t('inspection.tabActivities')}</Tabs.Tab> : null}
          {overseer ? <Tabs.Tab value="recommendations">{t('inspection.tabRecommendations')}</Tabs.Tab> : null}
          {overseer ? <Tabs.Tab value="documents">{t('inspection.tabDocuments')}</Tabs.Tab> : null}
          {s.can.suggest || s.can.work ? <Tabs.Tab value="suggestions">{t('inspection.tabSuggestions')}</Tabs.Tab> : null}
          {overseer ? <Tabs.Tab value="reports">{t('inspection.tabReports')}</Tabs.Tab> : null}
          {frontReader ? <Tabs.Tab value="front">{t('inspection.tabFront')}</Tabs.Tab> : null}
          <Tabs.Tab value="training">{t('inspection.tabTraining')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="board">
          <BoardTab state={s} open={setForm} />
        </Tabs.Panel>
        <Tabs.Panel value="programme">
          <ProgrammeTab state={s} open={setForm} />
        </Tabs.Panel>
        {overseer ? (
          <>
            <Tabs.Panel value="activities">
              <ActivitiesTab state={s} open={setForm} />
            </Tabs.Panel>
            <Tabs.Panel value="recommendations">
              <RecommendationsTab open={setForm} />
            </Tabs.Panel>
            <Tabs.Panel value="documents">
              <DocumentsTab state={s} open={setForm} />
            </Tabs.Panel>
            <Tabs.Panel value="reports">
              <ReportsTab />
            </Tabs.Panel>
          </>
        ) : null}
        {frontReader ? (
          <Tabs.Panel value="front">
            <FrontTab open={setForm} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="suggestions">
          <SuggestionsTab state={s} />
        </Tabs.Panel>
        <Tabs.Panel value="training">
          <TrainingTab open={setForm} overseer={overseer} />
        </Tabs.Panel>
      </Tabs>
      {form ? (
        <FormModal
          {...form}
          onClose={() => setForm(null)}
          onDone={async () => {
            setForm(null);
            await qc.invalidateQueries({ queryKey: ['inspection'] });
          }}
        />
      ) : null}
    </>
  );
}

export type { Field, Values };
