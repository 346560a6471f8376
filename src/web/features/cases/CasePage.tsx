/** One case: summary, statutory deadlines, parties (protected ones masked), timeline and actions. */
import { useState } from 'react';
import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconDownload, IconEye, IconLock, IconPaperclip, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  CASE_CHANNEL_LABELS,
  EVENT_TYPE_LABELS,
  NOT_ACCEPTED_REASONS,
  PARTY_ROLE_LABELS,
  PARTY_ROLES,
  PROTECTED_PARTY_ROLES,
  type CaseActionName,
  type PartyRole,
  type TCase,
  type TCaseDeadline,
  type TIdentity,
  type TParty,
  type TRevealedParty,
} from '../../../contracts/cases';
import { COMPLEXITY_CRITERIA } from '../../../domain/deadlines/rules';
import { get, patch, post } from '../../api';
import { label } from '../../i18n';
import {
  ErrorAlert,
  FormAlert,
  formErrorsOf,
  isStale,
  Loading,
  notifyOk,
  PageHeader,
  useModalSize,
  type FormErrors,
} from '../../ui/common';
import { formatDate, formatDateTime, todayIso } from '../../ui/format';
import { CASE_ACTIONS, CaseActionForm, PendingAssignment } from './CaseActionForm';
import {
  CaseDueBadge,
  CaseStatusBadge,
  cleanIdentity,
  daysBetween,
  deadlineState,
  emptyIdentity,
  ExplainToggle,
  Explanation,
  focusFirstError,
  IdentityFields,
  IdentityView,
  KindBadge,
  MaskedNote,
  RevealModal,
} from './common';

const DEADLINE_STATUS_COLORS: Record<TCaseDeadline['status'], string> = { open: 'blue', met: 'green', missed: 'red', stopped: 'yellow' };
const PRIMARY: CaseActionName[] = ['accept', 'assign', 'approve_assignment', 'decide'];
const DANGER: CaseActionName[] = ['not_accept', 'terminate'];

function Field({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Text size="sm" c="dimmed" w={170} style={{ flexShrink: 0 }}>
        {name}
      </Text>
      <div style={{ minWidth: 0, flex: 1, fontSize: 'var(--mantine-font-size-sm)' }}>{children}</div>
    </Group>
  );
}

function Summary({ c }: { c: TCase }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={3} fz="h4" mb="sm">
        {t('cases.summary')}
      </Title>
      <Stack gap={6}>
        <Field name={t('cases.channel')}>
          {label(CASE_CHANNEL_LABELS[c.channel])}
          {c.sourceBody ? ` — ${c.sourceBody}` : ''}
        </Field>
        <Field name={t('cases.receivedOn')}>{formatDate(c.receivedOn)}</Field>
        {c.trackingCode ? (
          <Field name={t('cases.trackingCode')}>
            <Text ff="monospace" size="sm">
              {c.trackingCode}
            </Text>
          </Field>
        ) : null}
        {c.receptionEntry ? (
          <Field name={t('cases.fromReception')}>
            <Anchor component={Link} to="/reception" search={{ tab: 'register' } as never} size="sm">
              {t('cases.receptionEntryNo', { no: c.receptionEntry.seqNo, year: c.receptionEntry.year })}
            </Anchor>
          </Field>
        ) : null}
        {c.firstInstance ? (
          <Field name={t('cases.firstInstanceCase')}>
            <Anchor component={Link} to={`/cases/${c.firstInstance.id}`} size="sm" ff="monospace">
              {c.firstInstance.code}
            </Anchor>
          </Field>
        ) : null}
        {c.attachments.length || c.attachmentsHidden ? (
          <Field name={t('cases.attachments')}>
            <Stack gap={2}>
              {c.attachments.map((f) => (
                <Anchor key={f.id} href={`/api/files/${f.id}`} size="sm">
                  {f.filename}
                </Anchor>
              ))}
              {c.attachmentsHidden ? (
                <Text size="xs" c="dimmed">
                  {t('cases.attachmentsHidden', { count: c.attachmentsHidden })}
                </Text>
              ) : null}
            </Stack>
          </Field>
        ) : null}
        {c.kind === 'complaint' ? <Field name={t('cases.knowledgeOn')}>{formatDate(c.knowledgeOn)}</Field> : null}
        {c.limitation ? (
          <Field name={t('cases.limitation')}>
            <Group gap={6}>
              {c.limitation.due ? (
                <>
                  <Text size="sm">{formatDate(c.limitation.due)}</Text>
                  <Badge color={c.limitation.expired ? 'red' : 'green'} variant="light" tt="none">
                    {c.limitation.expired ? t('cases.limitationExpired') : t('cases.limitationOk')}
                  </Badge>
                </>
              ) : (
                <Text size="sm">{t('cases.limitationUnknown')}</Text>
              )}
            </Group>
            <ExplainToggle lines={c.limitation.explanation} />
          </Field>
        ) : null}
        <Field name={t('cases.unit')}>{c.unit?.name ?? '—'}</Field>
        <Field name={t('cases.handler')}>{c.handler?.name ?? '—'}</Field>
        <Field name={t('cases.decisionMaker')}>{c.decisionMaker?.name ?? '—'}</Field>
        {c.acceptedOn ? <Field name={t('cases.acceptedOn')}>{formatDate(c.acceptedOn)}</Field> : null}
        {c.remote ? <Field name={t('cases.remoteShort')}>{t('app.yes')}</Field> : null}
        {c.aboutRegulation ? <Field name={t('cases.aboutRegulationShort')}>{t('app.yes')}</Field> : null}
        {c.complexity.criteria.length ? (
          <Field name={t('cases.complexityLevel')}>
            <Tooltip
              multiline
              maw={360}
              label={c.complexity.criteria.map((k) => {
                const cr = COMPLEXITY_CRITERIA.find((x) => x.key === k);
                return cr ? `${k}) ${i18n.language === 'en' ? cr.textEn : cr.text}. ` : k;
              })}
            >
              <Badge color={c.complexity.level === 'especially_complex' ? 'red' : 'orange'} variant="light" tt="none">
                {t(`cases.level_${c.complexity.level}`)} ({c.complexity.criteria.join(', ')})
              </Badge>
            </Tooltip>
          </Field>
        ) : null}
        {c.extensions ? <Field name={t('cases.extensions')}>{c.extensions}</Field> : null}
        {c.forwardedTo ? <Field name={t('cases.forwardTo')}>{c.forwardedTo}</Field> : null}
        {c.notAcceptedReasons.length ? (
          <Field name={t('cases.notAcceptReasons')}>
            <Stack gap={4}>
              {c.notAcceptedReasons.map((r) => (
                <div key={r}>
                  <Text size="sm">{i18n.language === 'en' ? NOT_ACCEPTED_REASONS[r].en : NOT_ACCEPTED_REASONS[r].vi}</Text>
                  <Text size="xs" c="dimmed">
                    {NOT_ACCEPTED_REASONS[r].basis}
                  </Text>
                </div>
              ))}
            </Stack>
          </Field>
        ) : null}
        {c.decidedOn ? <Field name={t('cases.decidedOn')}>{formatDate(c.decidedOn)}</Field> : null}
        {c.outcome ? (
          <Field name={t('cases.outcome')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.outcome}
            </Text>
          </Field>
        ) : null}
        {c.publicAnswer ? (
          <Field name={t('cases.publicAnswer')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.publicAnswer}
            </Text>
          </Field>
        ) : null}
      </Stack>
      <Text size="sm" fw={600} mt="md" mb={4}>
        {t('cases.content')}
      </Text>
      {c.content === null ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t('cases.contentHidden')}
        </Text>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.content}
        </Text>
      )}
    </Paper>
  );
}

function Deadlines({ c }: { c: TCase }) {
  const { t, i18n } = useTranslation();
  const sorted = [...c.deadlines].sort((a, b) => a.due.localeCompare(b.due));
  return (
    <Paper withBorder p="md">
      <Title order={3} fz="h4" mb="sm">
        {t('cases.deadlines')}
      </Title>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.noDeadlines')}
        </Text>
      ) : (
        <Accordion variant="contained" multiple chevronPosition="left">
          {sorted.map((d) => {
            const state = deadlineState(d);
            return (
              <Accordion.Item key={`${d.ruleId}-${d.trigger}-${d.due}`} value={`${d.ruleId}-${d.trigger}-${d.due}`}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={500}>
                        {i18n.language === 'en' ? d.titleEn : d.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {`${i18n.language === 'en' ? d.triggerLabelEn : d.triggerLabel}: ${formatDate(d.trigger)}`}
                        {d.metOn ? ` · ${t('cases.metOn', { date: formatDate(d.metOn) })}` : ''}
                      </Text>
                    </Stack>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600} c={state === 'overdue' ? 'red.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(d.due)}
                      </Text>
                      <Badge color={DEADLINE_STATUS_COLORS[d.status]} variant={d.status === 'missed' ? 'filled' : 'light'} tt="none">
                        {t(`cases.dl_${d.status}`)}
                      </Badge>
                      {d.status === 'open' && (state === 'overdue' || state === 'due_soon') ? (
                        <CaseDueBadge state={state} days={state === 'overdue' ? daysBetween(d.due, todayIso()) : undefined} />
                      ) : null}
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Text size="xs" fw={600} mb={4}>
                    {t('cases.howComputed')}
                  </Text>
                  <Explanation lines={d.explanation} basis={d.basis} />
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('cases.ruleVersion', { id: d.ruleId, version: d.ruleVersion })}
                  </Text>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Paper>
  );
}

function PartyForm({ c, onClose }: { c: TCase; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const modal = useModalSize('lg');
  const [role, setRole] = useState<PartyRole>('related');
  const [identity, setIdentity] = useState<TIdentity>(emptyIdentity);
  const [errors, setErrors] = useState<FormErrors>({});
  const [stale, setStale] = useState(false);
  const save = useMutation({
    mutationFn: () => post<TCase>(`/api/cases/${c.id}/parties`, { version: c.version, role, identity: cleanIdentity(identity) }),
    onSuccess: (fresh) => {
      notifyOk(t('app.saved'));
      qc.setQueryData(['cases', 'one', c.id], fresh);
      onClose();
    },
    onError: (err) => {
      setStale(isStale(err));
      setErrors(formErrorsOf(err));
      focusFirstError();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      title={<Text fw={600}>{t('cases.addParty')}</Text>}
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
          <FormAlert
            errors={errors}
            stale={stale}
            onReload={() =>
              void qc.invalidateQueries({ queryKey: ['cases', 'one', c.id] }).then(() => {
                setErrors({});
                setStale(false);
              })
            }
          />
          <Select
            label={t('cases.partyRole')}
            data={PARTY_ROLES.map((r) => ({ value: r, label: label(PARTY_ROLE_LABELS[r]) }))}
            value={role}
            onChange={(x) => setRole((x ?? 'related') as PartyRole)}
            allowDeselect={false}
            error={errors.role}
          />
          {c.kind === 'denunciation' && PROTECTED_PARTY_ROLES.includes(role) ? (
            <Alert color="orange" icon={<IconLock size={18} />} p="xs">
              <Text size="xs">{t('cases.protectedWarn')}</Text>
            </Alert>
          ) : null}
          <IdentityFields
            legend={label(PARTY_ROLE_LABELS[role])}
            value={identity}
            onChange={setIdentity}
            errors={errors}
            errorsAt="identity"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function EditCaseForm({ c, onClose }: { c: TCase; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const modal = useModalSize('lg');
  const [v, setV] = useState({ subject: c.subject, content: c.content ?? '', remote: c.remote, aboutRegulation: c.aboutRegulation });
  const [errors, setErrors] = useState<FormErrors>({});
  const [stale, setStale] = useState(false);
  const save = useMutation({
    mutationFn: () => patch<TCase>(`/api/cases/${c.id}`, { version: c.version, ...v }),
    onSuccess: async (fresh) => {
      notifyOk(t('app.saved'));
      qc.setQueryData(['cases', 'one', c.id], fresh);
      await qc.invalidateQueries({ queryKey: ['cases'], predicate: (q) => q.queryKey[1] !== 'one' });
      onClose();
    },
    onError: (err) => {
      setStale(isStale(err));
      setErrors(formErrorsOf(err));
      focusFirstError();
    },
  });
  const reload = async () => {
    const fresh = await qc.fetchQuery({ queryKey: ['cases', 'one', c.id], queryFn: () => get<TCase>(`/api/cases/${c.id}`), staleTime: 0 });
    setV({ subject: fresh.subject, content: fresh.content ?? '', remote: fresh.remote, aboutRegulation: fresh.aboutRegulation });
    setErrors({});
    setStale(false);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      title={<Text fw={600}>{`${t('cases.editIntake')} · ${c.code}`}</Text>}
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
          <FormAlert errors={errors} stale={stale} onReload={() => void reload()} />
          <TextInput
            label={t('cases.subject')}
            description={t('cases.subjectHint')}
            value={v.subject}
            onChange={(e) => setV({ ...v, subject: e.currentTarget.value })}
            error={errors.subject}
            required
            maxLength={300}
          />
          <Textarea
            label={t('cases.content')}
            value={v.content}
            onChange={(e) => setV({ ...v, content: e.currentTarget.value })}
            error={errors.content}
            required
            autosize
            minRows={4}
            maxRows={14}
          />
          {c.kind === 'complaint' ? (
            <Checkbox
              label={t('cases.remote')}
              description={t('cases.remoteHint')}
              checked={v.remote}
              onChange={(e) => setV({ ...v, remote: e.currentTarget.checked })}
            />
          ) : null}
          {c.kind === 'petition' || c.kind === 'feedback' ? (
            <Checkbox
              label={t('cases.aboutRegulation')}
              description={t('cases.aboutRegulationHint')}
              checked={v.aboutRegulation}
              onChange={(e) => setV({ ...v, aboutRegulation: e.currentTarget.checked })}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Parties({ c }: { c: TCase }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [revealing, setRevealing] = useState<TParty | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="h4">
          {t('cases.parties')}
        </Title>
        {c.can.edit ? (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
            {t('cases.addParty')}
          </Button>
        ) : null}
      </Group>
      {c.parties.length === 0 ? (
        <Text size="sm" c="dimmed">
          {c.anonymous ? t('cases.anonymousNoParties') : t('cases.noParties')}
        </Text>
      ) : null}
      <Stack gap="sm">
        {c.parties.map((p) => (
          <Paper key={p.id} withBorder p="xs" bg={p.masked ? 'gray.0' : undefined}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Group gap={6}>
                  <Badge
                    variant="outline"
                    tt="none"
                    color={PROTECTED_PARTY_ROLES.includes(p.role) && c.kind === 'denunciation' ? 'orange' : 'gray'}
                  >
                    {label(PARTY_ROLE_LABELS[p.role])}
                  </Badge>
                  {p.masked ? (
                    <Text size="sm" fw={600}>
                      {p.label}
                    </Text>
                  ) : null}
                </Group>
                {p.masked ? <MaskedNote /> : p.identity ? <IdentityView identity={p.identity} /> : null}
              </Stack>
              {p.masked && p.canReveal ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  color="orange"
                  leftSection={<IconEye size={14} />}
                  onClick={() => setRevealing(p)}
                >
                  {t('cases.reveal')}
                </Button>
              ) : null}
            </Group>
          </Paper>
        ))}
      </Stack>
      {revealing ? (
        <RevealModal<TRevealedParty>
          url={`/api/cases/${c.id}/parties/${revealing.id}/reveal`}
          title={`${t('cases.reveal')}: ${revealing.label}`}
          onClose={() => setRevealing(null)}
          onRevealed={() => void qc.invalidateQueries({ queryKey: ['cases', 'one', c.id] })}
          render={(d) => <IdentityView identity={d.identity} />}
        />
      ) : null}
      {adding ? <PartyForm c={c} onClose={() => setAdding(false)} /> : null}
    </Paper>
  );
}

function Events({ c }: { c: TCase }) {
  const { t } = useTranslation();
  const events = [...c.events].sort((a, b) => a.on.localeCompare(b.on) || a.at.localeCompare(b.at));
  return (
    <Paper withBorder p="md">
      <Title order={3} fz="h4" mb="sm">
        {t('cases.timeline')}
      </Title>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('app.empty')}
        </Text>
      ) : null}
      <Timeline bulletSize={12} lineWidth={2} active={events.length - 1}>
        {events.map((e) => (
          <Timeline.Item
            key={e.id}
            color={e.type === 'identity_revealed' ? 'orange' : e.type === 'not_accepted' || e.type === 'terminated' ? 'red' : undefined}
            title={
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {label(EVENT_TYPE_LABELS[e.type])}
                </Text>
                {e.decisionNo ? (
                  <Badge size="xs" variant="outline" tt="none">
                    {t('cases.decisionNoShort')} {e.decisionNo}
                  </Badge>
                ) : null}
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              <Tooltip label={`${t('cases.recordedAt')}: ${formatDateTime(e.at)}`}>
                <span>{formatDate(e.on)}</span>
              </Tooltip>
              {' · '}
              {e.actorName}
            </Text>
            {e.summary && e.summary !== label(EVENT_TYPE_LABELS[e.type]) ? <Text size="sm">{e.summary}</Text> : null}
            {e.note ? (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {e.note}
              </Text>
            ) : null}
            {e.attachment ? (
              <Anchor href={`/api/files/${e.attachment.id}`} size="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
                <IconPaperclip size={12} /> {e.attachment.filename}
              </Anchor>
            ) : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

function Links({ c }: { c: TCase }) {
  const { t } = useTranslation();
  if (!c.links.length && !c.linksHidden) return null;
  return (
    <Paper withBorder p="md">
      <Title order={3} fz="h4" mb="sm">
        {t('cases.links')}
      </Title>
      <Stack gap="xs">
        {c.links.map((l) => (
          <Group key={`${l.id}-${l.relation}`} gap="xs" wrap="nowrap" align="flex-start">
            <Badge variant="outline" tt="none" color="gray">
              {t(`cases.relation_${l.relation}`, { defaultValue: l.relation })}
            </Badge>
            <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
              <Anchor component={Link} to={`/cases/${l.id}`} size="sm" ff="monospace" fw={600}>
                {l.code}
              </Anchor>
              <Text size="xs" c="dimmed" lineClamp={2}>
                {l.subject}
              </Text>
            </Stack>
            <CaseStatusBadge status={l.status} />
          </Group>
        ))}
        {c.linksHidden ? (
          <Text size="xs" c="dimmed">
            {t('cases.linksHidden', { count: c.linksHidden })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const [action, setAction] = useState<CaseActionName | null>(null);
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ['cases', 'one', id], queryFn: () => get<TCase>(`/api/cases/${id}`) });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const c = q.data;
  const allowed = CASE_ACTIONS.filter((a) => c.can[a]);
  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to="/cases" size="sm">
            ← {t('cases.title')}
          </Anchor>
        }
        title={c.code}
        subtitle={
          <Stack gap={6} component="span">
            <Text span size="md" c="dark" fw={500}>
              {c.subject}
            </Text>
            <Group gap={6} component="span">
              <KindBadge kind={c.kind} />
              <CaseStatusBadge status={c.status} />
              {c.kind === 'complaint' ? (
                <Badge variant="outline" tt="none">
                  {c.instance === 2 ? t('cases.instance2') : t('cases.instance1')}
                </Badge>
              ) : null}
              {c.anonymous ? (
                <Badge variant="outline" color="gray" tt="none">
                  {t('cases.anonymousShort')}
                </Badge>
              ) : null}
              {c.overdue ? (
                <Badge color="red" variant="filled" tt="none">
                  {t('cases.due_overdue')}
                </Badge>
              ) : null}
            </Group>
          </Stack>
        }
        actions={
          <>
            {c.can.edit ? (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {t('cases.editIntake')}
              </Button>
            ) : null}
            <Button component="a" href={`/api/cases/${c.id}/file.docx`} variant="default" leftSection={<IconDownload size={16} />}>
              {t('cases.downloadFile')}
            </Button>
          </>
        }
      />
      <ErrorAlert error={q.error} />
      {allowed.length ? (
        <Paper withBorder p="sm" mb="md">
          <Text size="sm" fw={600} mb={6}>
            {t('cases.actions')}
          </Text>
          <Group gap="xs">
            {allowed.map((a) => (
              <Button
                key={a}
                size="xs"
                variant={PRIMARY.includes(a) ? 'filled' : 'light'}
                color={DANGER.includes(a) ? 'red' : undefined}
                onClick={() => setAction(a)}
              >
                {t(`cases.action_${a}`)}
              </Button>
            ))}
          </Group>
        </Paper>
      ) : null}
      {c.pendingAssignment ? <PendingAssignment c={c} /> : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Summary c={c} />
            <Deadlines c={c} />
            <Parties c={c} />
            <Links c={c} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Events c={c} />
        </Grid.Col>
      </Grid>
      {editing ? <EditCaseForm c={c} onClose={() => setEditing(false)} /> : null}
      {action ? <CaseActionForm key={action} c={c} action={action} onClose={() => setAction(null)} onReload={() => q.refetch()} /> : null}
    </>
  );
}
