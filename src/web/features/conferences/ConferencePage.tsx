import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  FileInput,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { uploadFiles, usePeople } from '../../ui/data';
import { Tone } from './Tone';
import type { TConference } from '../../../contracts/conferences';
import { del, get, post, put } from '../../api';
import { DmyDateInput, ErrorAlert, FormAlert, type FormErrors, formErrorsOf, Loading, notifyError, PageHeader } from '../../ui/common';
import { formatDate, todayIso } from '../../ui/format';

type Item = TConference['resolutions'][number];

export function ConferencePage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const key = ['conferences', id];
  const q = useQuery({ queryKey: key, queryFn: () => get<TConference>(`/api/conferences/${id}`) });
  const set = (c: TConference) => {
    qc.setQueryData(key, c);
    void qc.invalidateQueries({ queryKey: ['conferences'], exact: true });
  };
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const c = q.data;
  return (
    <>
      <PageHeader
        title={c.title}
        subtitle={`${t(`conferences.kind_${c.kind}`)} · ${c.heldOn ? `${t('conferences.heldOn')} ${formatDate(c.heldOn)}` : `${t('conferences.scheduledOn')} ${formatDate(c.scheduledOn)}`}${c.dueOn ? ` · ${t('conferences.due')} ${formatDate(c.dueOn)}` : ''}`}
        actions={
          c.resolutions.length ? (
            <Button
              variant="light"
              leftSection={<IconDownload size={16} />}
              component="a"
              href={`/api/conferences/${c.id}/resolution.docx`}
              download
            >
              {t('conferences.downloadDocx')}
            </Button>
          ) : null
        }
      />
      <Stack>
        {c.adoptedOn ? (
          <Alert color="green">{`${t('conferences.adopted', { date: formatDate(c.adoptedOn) })}${c.resolutionNumber ? ` · ${c.resolutionNumber}` : ''}`}</Alert>
        ) : null}
        {c.onTime === false ? <Alert color="red">{c.dueExplanation.join(' ')}</Alert> : null}
        <Documents c={c} onChange={set} />
        <Convened c={c} onChange={set} />
        <Attendance c={c} onChange={set} />
        <Agenda c={c} onChange={set} />
        <Votes c={c} onChange={set} />
        {c.abilities.manage && c.quorumMet && c.resolutions.length && c.resolutions.every((r) => r.passed !== null) ? (
          <Adopt c={c} onChange={set} />
        ) : null}
        {c.adoptedOn ? <Reviews c={c} onChange={set} /> : null}
        <Election c={c} onChange={set} />
      </Stack>
    </>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Documents circulated before the conference (Art. 51): every staff member opens them before the date. */
function Documents({ c, onChange }: { c: TConference; onChange: (c: TConference) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [circulatedOn, setCirculatedOn] = useState<string | null>(todayIso());
  const [errors, setErrors] = useState<FormErrors>({});
  const add = useMutation({
    mutationFn: async () => {
      const [fileId] = file ? await uploadFiles([file]) : [];
      return post<TConference>(`/api/conferences/${c.id}/documents`, { title, fileId: fileId ?? '', circulatedOn });
    },
    onSuccess: (r) => {
      setErrors({});
      setTitle('');
      setFile(null);
      onChange(r);
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  const remove = useMutation({
    mutationFn: (docId: string) => del<TConference>(`/api/conferences/${c.id}/documents/${docId}`),
    onSuccess: onChange,
    onError: notifyError,
  });
  if (!c.documents.length && !c.abilities.manage) return null;
  return (
    <Section title={t('conferences.documents')}>
      <Text size="xs" c="dimmed" mb="xs">
        {t('conferences.documentsHint')}
      </Text>
      {c.documents.length ? (
        <Table data-testid="conference-documents">
          <Table.Tbody>
            {c.documents.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Anchor href={`/api/files/${d.fileId}`} size="sm">
                    {d.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {d.filename}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t('conferences.circulatedOn', { date: formatDate(d.circulatedOn) })}</Text>
                  <Text size="xs" c="dimmed">
                    {d.daysBefore >= 0 ? t('conferences.daysBefore', { n: d.daysBefore }) : t('conferences.afterMeeting')}
                  </Text>
                </Table.Td>
                {c.abilities.manage ? (
                  <Table.Td w={40}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('conferences.removeDocument')} ${d.title}`}
                      loading={remove.isPending}
                      onClick={() => remove.mutate(d.id)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          {t('conferences.noDocuments')}
        </Text>
      )}
      {c.abilities.manage ? (
        <Group align="flex-end" mt="sm">
          <TextInput
            label={t('conferences.documentTitle')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={errors.title}
            style={{ flex: 1 }}
          />
          <FileInput label={t('conferences.documentFile')} value={file} onChange={setFile} error={errors.fileId} clearable w={220} />
          <DmyDateInput label={t('conferences.circulated')} value={circulatedOn} onChange={setCirculatedOn} error={errors.circulatedOn} />
          <Button loading={add.isPending} onClick={() => add.mutate()}>
            {t('conferences.circulate')}
          </Button>
        </Group>
      ) : null}
      <FormAlert errors={errors} />
    </Section>
  );
}

/** Who is convened (Art. 51(2)): all staff below 100, else the delegates agreed with the union, by name. */
function Convened({ c, onChange }: { c: TConference; onChange: (c: TConference) => void }) {
  const { t } = useTranslation();
  const people = usePeople();
  const l = c.convenedList;
  const [ids, setIds] = useState<string[]>(l.mode === 'delegates' ? l.people.map((p) => p.id) : []);
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useMutation({
    mutationFn: () => put<TConference>(`/api/conferences/${c.id}/delegates`, { delegateIds: ids, version: c.version }),
    onSuccess: (r) => {
      setErrors({});
      onChange(r);
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  const data = (people.data ?? []).map((p) => ({ value: p.id, label: `${p.fullName}${p.position ? ` — ${p.position}` : ''}` }));
  return (
    <Section title={t('conferences.convenedList')}>
      <Text size="sm" mb="xs">
        {l.mode === 'all'
          ? t('conferences.convenedAll', { n: c.convened })
          : t('conferences.convenedDelegates', { named: l.named, n: c.convened })}
        {c.optional ? ` ${t('conferences.optional')}` : ''}
      </Text>
      {l.people.length ? (
        <Text size="sm" c="dimmed" data-testid="convened-people">
          {l.people.map((p) => p.name).join(', ')}
        </Text>
      ) : null}
      {l.mode === 'delegates' && c.abilities.manage && c.present === null ? (
        <Group align="flex-end" mt="sm">
          <MultiSelect
            label={t('conferences.delegateNames')}
            data={data}
            value={ids}
            onChange={setIds}
            searchable
            error={errors.delegateIds}
            style={{ flex: 1 }}
          />
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t('app.save')}
          </Button>
        </Group>
      ) : null}
      <FormAlert errors={errors} />
    </Section>
  );
}

function Attendance({ c, onChange }: { c: TConference; onChange: (c: TConference) => void }) {
  const { t } = useTranslation();
  const [heldOn, setHeldOn] = useState<string | null>(c.heldOn ?? todayIso());
  const [present, setPresent] = useState<number | ''>(c.present ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const ballot = c.writtenBallotAllowed && c.format !== 'written_ballot';
  const save = useMutation({
    mutationFn: () =>
      ballot
        ? post<TConference>(`/api/conferences/${c.id}/written-ballot`, {
            heldOn,
            returned: present === '' ? 0 : present,
            version: c.version,
          })
        : post<TConference>(`/api/conferences/${c.id}/attendance`, { heldOn, present: present === '' ? 0 : present, version: c.version }),
    onSuccess: (r) => {
      setErrors({});
      onChange(r);
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  const voted = c.resolutions.some((r) => r.passed !== null);
  return (
    <Section title={`${t('conferences.attendance')} · ${t('conferences.convening')}`}>
      <Group gap="lg" mb="sm">
        <Text size="sm">
          {t('conferences.staffTotal')}: <b>{c.staffTotal}</b>
        </Text>
        <Text size="sm">
          {t('conferences.convened')}: <b>{c.convened}</b>
        </Text>
        <Text size="sm">
          {t('conferences.present')}: <b>{c.present ?? '—'}</b>
        </Text>
        <Tone color={c.quorumMet ? 'green' : 'red'} variant="light">
          {c.quorumMet ? t('conferences.quorum') : t('conferences.noQuorum')}
        </Tone>
        {c.format === 'written_ballot' ? <Tone color="grape">{t('conferences.format_written_ballot')}</Tone> : null}
      </Group>
      <Text size="xs" c="dimmed">
        {c.conveningBasis}. {t('conferences.quorumNeeded', { n: c.quorum })}. {c.optional ? t('conferences.optional') : ''}
      </Text>
      {c.failedConvocations ? (
        <Text size="sm" c="orange" mt={4}>
          {t('conferences.failedConvocations', { n: c.failedConvocations })}
        </Text>
      ) : null}
      {ballot ? (
        <Alert color="grape" mt="sm" title={t('conferences.writtenBallot')}>
          {t('conferences.writtenBallotHint')}
        </Alert>
      ) : null}
      {c.abilities.manage && !voted && c.format !== 'written_ballot' ? (
        <Group align="flex-end" mt="sm">
          <DmyDateInput label={t('conferences.heldOn')} value={heldOn} onChange={setHeldOn} error={errors.heldOn} />
          <NumberInput
            label={ballot ? t('conferences.returned') : t('conferences.present')}
            min={0}
            value={present}
            onChange={(v) => setPresent(v === '' ? '' : Number(v))}
            error={errors.present ?? errors.returned}
          />
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {ballot ? t('conferences.writtenBallot') : t('conferences.recordAttendance')}
          </Button>
        </Group>
      ) : null}
      <FormAlert errors={errors} />
    </Section>
  );
}

function Agenda({ c, onChange }: { c: TConference; onChange: (c: TConference) => void }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string[]>(c.agenda.filter((a) => a.done).map((a) => a.key));
  const save = useMutation({
    mutationFn: () => put<TConference>(`/api/conferences/${c.id}/agenda`, { done, version: c.version }),
    onSuccess: onChange,
    onError: notifyError,
  });
  return (
    <Section title={t('conferences.agenda')}>
      <Stack gap={6}>
        {c.agenda.map((a) => (
          <Checkbox
            key={a.key}
            label={a.title}
            checked={done.includes(a.key)}
            disabled={!c.abilities.manage}
            onChange={(e) => setDone(e.currentTarget.checked ? [...done, a.key] : done.filter((k) => k !== a.key))}
          />
        ))}
      </Stack>
      {c.abilities.manage ? (
        <Group justify="flex-end" mt="sm">
          <Button size="xs" variant="light" loading={save.isPending} onClick={() => save.mutate()}>
            {t('conferences.saveAgenda')}
          </Button>
        </Group>
      ) : null}
    </Section>
  );
}

function Votes({ c, onChange }: { c: TConference; onChange: (c: TConference) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const add = useMutation({
    mutationFn: () => post<TConference>(`/api/conferences/${c.id}/items`, { title }),
    onSuccess: (r) => {
      setTitle('');
      setErrors({});
      onChange(r);
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  return (
    <Section title={t('conferences.resolutions')}>
      <Text size="xs" c="dimmed" mb="xs">
        {t('conferences.voteRule')}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('conferences.itemTitle')}</Table.Th>
              <Table.Th>{t('conferences.yes')}</Table.Th>
              <Table.Th>{t('conferences.no')}</Table.Th>
              <Table.Th>{t('conferences.abstain')}</Table.Th>
              <Table.Th>{t('app.status')}</Table.Th>
              {c.abilities.manage && c.quorumMet ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.resolutions.map((r) => (
              <VoteRow key={r.id} c={c} r={r} onChange={onChange} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {c.abilities.manage ? (
        <Group align="flex-end" mt="sm">
          <TextInput
            style={{ flex: 1 }}
            label={t('conferences.itemTitle')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={errors.title}
          />
          <Button variant="light" loading={add.isPending} onClick={() => add.mutate()}>
            {t('conferences.addItem')}
          </Button>
        </Group>
      ) : null}
    </Section>
  );
}

function VoteRow({ c, r, onChange }: { c: TConference; r: Item; onChange: (c: TConference) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ yes: r.yes ?? 0, no: r.no ?? 0, abstain: r.abstain ?? 0 });
  const save = useMutation({
    mutationFn: () => put<TConference>(`/api/conferences/${c.id}/items/${r.id}/vote`, v),
    onSuccess: onChange,
    onError: notifyError,
  });
  const editable = c.abilities.manage && c.quorumMet;
  const cell = (k: 'yes' | 'no' | 'abstain') =>
    editable ? (
      <NumberInput
        size="xs"
        w={90}
        min={0}
        aria-label={`${t(`conferences.${k}`)}: ${r.title}`}
        value={v[k]}
        onChange={(x) => setV({ ...v, [k]: Number(x) || 0 })}
      />
    ) : (
      (r[k] ?? '—')
    );
  return (
    <Table.Tr>
      <Table.Td>{r.title}</Table.Td>
      <Table.Td>{cell('yes')}</Table.Td>
      <Table.Td>{cell('no')}</Table.Td>
      <Table.Td>{cell('abstain')}</Table.Td>
      <Table.Td>
        <Tone variant="light" color={r.passed === null ? 'gray' : r.passed ? 'green' : 'red'}>
          {r.passed === null ? t('conferences.notVoted') : r.passed ? t('conferences.passed') : t('conferences.failed')}
        </Tone>
      </Table.Td>
      {editable ? (
        <Table.Td>
          <Button
            size="xs"
            variant="light"
            loading={save.isPending}
            onClick={() => save.mutate()}
            aria-label={`${t('conferences.vote')}: ${r.title}`}
          >
            {t('conferences.vote')}
          </Button>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

function Adopt({ c, onChange }: { c: TConference; onChange: (c: TConference) => void }) {
  const { t } = useTranslation();
  const [adoptedOn, setAdoptedOn] = useState<string | null>(c.heldOn);
  const [number, setNumber] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useMutation({
    mutationFn: () =>
      post<TConference>(`/api/conferences/${c.id}/adopt`, { adoptedOn, resolutionNumber: number || null, version: c.version }),
    onSuccess: onChange,
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  return (
    <Section title={t('conferences.adopt')}>
      <Group align="flex-end">
        <DmyDateInput label={t('conferences.adoptedOn')} value={adoptedOn} onChange={setAdoptedOn} error={errors.adoptedOn} />
        <TextInput
          label={t('conferences.resolutionNumber')}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          placeholder="01/NQ-HNCBCCVC"
        />
        <Button loading={save.isPending} onClick={() => save.mutate()}>
          {t('conferences.adopt')}
        </Button>
      </Group>
      <FormAlert errors={errors} />
    </Section>
  );
}

function Reviews({ c, onChange }: { c: TConference; onChange: (c: TConference) => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({ reviewedOn: todayIso() as string | null, staffInformedOn: null as string | null, summary: '' });
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useMutation({
    mutationFn: () => post<TConference>(`/api/conferences/${c.id}/reviews`, f),
    onSuccess: (r) => {
      setErrors({});
      setF({ ...f, summary: '' });
      onChange(r);
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  return (
    <Section title={t('conferences.reviews')}>
      {c.nextReview ? (
        <Tone color={c.nextReview.overdue ? 'red' : 'blue'} variant="light" mb="sm">
          {t('conferences.nextReview', { n: c.nextReview.occurrence, date: formatDate(c.nextReview.dueOn) })}
        </Tone>
      ) : null}
      <Stack gap="xs">
        {c.reviews.map((r) => (
          <Paper key={r.id} withBorder p="sm">
            <Text size="sm" fw={600}>
              {t('conferences.occurrence')} {r.occurrence}: {formatDate(r.reviewedOn)} ({t('conferences.reviewDue')} {formatDate(r.dueOn)})
              {r.staffInformedOn ? ` · ${t('conferences.staffInformedOn')} ${formatDate(r.staffInformedOn)}` : ''}
            </Text>
            <Text size="sm">{r.summary}</Text>
          </Paper>
        ))}
      </Stack>
      {c.abilities.review ? (
        <Stack gap="xs" mt="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DmyDateInput
              label={t('conferences.reviewedOn')}
              value={f.reviewedOn}
              onChange={(v) => setF({ ...f, reviewedOn: v })}
              error={errors.reviewedOn}
            />
            <DmyDateInput
              label={t('conferences.staffInformedOn')}
              value={f.staffInformedOn}
              onChange={(v) => setF({ ...f, staffInformedOn: v })}
              error={errors.staffInformedOn}
            />
          </SimpleGrid>
          <Textarea
            label={t('conferences.summary')}
            autosize
            minRows={2}
            value={f.summary}
            onChange={(e) => setF({ ...f, summary: e.target.value })}
            error={errors.summary}
          />
          <FormAlert errors={errors} />
          <Group justify="flex-end">
            <Button variant="light" loading={save.isPending} onClick={() => save.mutate()}>
              {t('conferences.recordReview')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Section>
  );
}

function Election({ c, onChange }: { c: TConference; onChange: (c: TConference) => void }) {
  const { t } = useTranslation();
  const people = usePeople();
  // The election day defaults to the day the conference met, known only once attendance is recorded.
  const [chosenOn, setElectedOn] = useState<string | null>(null);
  const electedOn = chosenOn ?? c.heldOn;
  const [chair, setChair] = useState<string | null>(null);
  const [deputies, setDeputies] = useState<string[]>([]);
  const [members, setMembers] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormErrors>({});
  const data = (people.data ?? []).map((p) => ({ value: p.id, label: `${p.fullName}${p.position ? ` — ${p.position}` : ''}` }));
  const picked = [
    ...(chair ? [{ userId: chair, position: 'chair' as const }] : []),
    ...deputies.map((userId) => ({ userId, position: 'deputy' as const })),
    ...members.map((userId) => ({ userId, position: 'member' as const })),
  ];
  const save = useMutation({
    mutationFn: () => put<TConference>(`/api/conferences/${c.id}/election`, { electedOn, members: picked, version: c.version }),
    onSuccess: (r) => {
      setErrors({});
      onChange(r);
      notifications.show({ color: 'green', message: t('conferences.electionOpened') });
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  const manage = c.abilities.manage;
  if (!c.boardElection && !manage) return null;
  // A member's own error (members.2.userId: not eligible) is shown on the list it came from.
  const memberError = Object.entries(errors).find(([k]) => k.startsWith('members'))?.[1];
  return (
    <Section title={t('conferences.election')}>
      {c.boardElection ? (
        <>
          <Text size="sm" mb={4}>
            {t('conferences.electedOn')}: {formatDate(c.boardElection.electedOn)} ·{' '}
            {t('conferences.recognizeBy', { date: formatDate(c.boardElection.recognizeBy) })}
          </Text>
          <Group gap="xs" mb="sm">
            {c.boardElection.members.map((m) => (
              <Tone
                key={m.userId ?? m.name}
                variant="light"
                color={m.position === 'chair' ? 'blue' : m.position === 'deputy' ? 'cyan' : 'gray'}
              >
                {m.name} · {t(`conferences.position_${m.position}`)}
              </Tone>
            ))}
          </Group>
        </>
      ) : manage ? (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('conferences.electionHint')}
          </Text>
          <DmyDateInput label={t('conferences.electedOn')} value={electedOn} onChange={setElectedOn} error={errors.electedOn} />
          <Select label={t('conferences.chair')} data={data} value={chair} onChange={setChair} searchable clearable />
          <MultiSelect label={t('conferences.deputies')} data={data} value={deputies} onChange={setDeputies} searchable maxValues={2} />
          <MultiSelect label={t('conferences.members')} data={data} value={members} onChange={setMembers} searchable error={memberError} />
          <FormAlert errors={errors} />
          <Group justify="flex-end">
            <Button variant="light" loading={save.isPending} onClick={() => save.mutate()}>
              {t('conferences.saveElection')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Section>
  );
}
