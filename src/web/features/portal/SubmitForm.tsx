/**
 * The portal's submission form: kind, subject, content, the sender (required for complaints and
 * denunciations), a honeypot, then the anti-spam proof of work and the post. The form's
 * idempotency key is made once and kept in sessionStorage: pressing "Gửi" again after a network
 * error cannot file the same submission twice.
 */
import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  CopyButton,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconCheck, IconCircleCheck, IconCopy, IconSearch, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CASE_KIND_LABELS, type CaseKind, type TPortalChallenge } from '../../../contracts/cases';
import { ApiError } from '../../api';
import { label } from '../../i18n';
import { DmyDateInput } from '../../ui/common';
import { formatNumber } from '../../ui/format';
import { agencyPath, formKey, NetworkError, portalFetch, resetFormKey } from './portal-api';
import { SolveAbortedError, solveChallenge } from './solve';

/** Order shown to citizens: the everyday kinds first. */
const KINDS: CaseKind[] = ['feedback', 'petition', 'complaint', 'denunciation'];
const SUBJECT_MAX = 300;
const CONTENT_MAX = 10_000;

type Phase = { step: 'idle' } | { step: 'solving'; fraction: number } | { step: 'sending' };
type Result = { trackingCode: string; duplicate: boolean };

const strictKind = (k: CaseKind) => k === 'complaint' || k === 'denunciation';

/** The form, then the tracking code once received; `onLookup` opens the look-up tab on that code. */
export function SubmitForm({ agency, onLookup }: { agency: string; onLookup: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const [key, setKey] = useState(() => formKey(agency));
  const [kind, setKind] = useState<CaseKind>('feedback');
  const [subject, setSubject] = useState('');
  const [content, setContent] = useState('');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [knowledgeOn, setKnowledgeOn] = useState<string | null>(null);
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [result, setResult] = useState<Result | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  useEffect(() => () => abortRef.current?.abort(), []);

  const strict = strictKind(kind);
  const busy = phase.step !== 'idle';

  function validate(): Record<string, string> {
    const e: Record<string, string> = {};
    if (!subject.trim()) e.subject = t('portal.required');
    if (!content.trim()) e.content = t('portal.required');
    if (strict) {
      if (!name.trim()) e['identity.name'] = t('portal.requiredForKind');
      if (!address.trim()) e['identity.address'] = t('portal.requiredForKind');
      if (!phone.trim()) e['identity.phone'] = t('portal.requiredForKind');
    } else if (!name.trim() && (address.trim() || phone.trim() || email.trim())) {
      e['identity.name'] = t('portal.nameWithContact');
    }
    if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) e['identity.email'] = t('portal.emailInvalid');
    return e;
  }

  async function sendOnce(signal: AbortSignal): Promise<Result> {
    setPhase({ step: 'solving', fraction: 0 });
    const challenge = await portalFetch<TPortalChallenge>('GET', `${agencyPath(agency)}/challenge`);
    const solved = await solveChallenge(challenge, { signal, onProgress: (p) => setPhase({ step: 'solving', fraction: p.fraction }) });
    setPhase({ step: 'sending' });
    const blank = (s: string) => (s.trim() ? s.trim() : null);
    const anyIdentity = [name, address, phone, email].some((s) => s.trim());
    return portalFetch<Result>('POST', `${agencyPath(agency)}/cases`, {
      kind,
      subject: subject.trim(),
      content: content.trim(),
      identity: anyIdentity ? { name: blank(name), address: blank(address), phone: blank(phone), email: blank(email) } : null,
      knowledgeOn: kind === 'complaint' ? knowledgeOn : null,
      idempotencyKey: key,
      challenge: solved,
      website,
    });
  }

  async function submit(ev: React.FormEvent) {
    ev.preventDefault();
    if (busy) return;
    const e = validate();
    setErrors(e);
    setGeneral(null);
    if (Object.keys(e).length > 0) return;
    abortRef.current?.abort();
    const ac = new AbortController();
    abortRef.current = ac;
    try {
      let res: Result;
      try {
        res = await sendOnce(ac.signal);
      } catch (err) {
        // An expired or already spent check (e.g. the page stayed open for long): one fresh try.
        if (err instanceof ApiError && err.body.code === 'PORTAL_CHALLENGE_INVALID') res = await sendOnce(ac.signal);
        else throw err;
      }
      setResult(res);
      setKey(resetFormKey(agency));
      setSubject('');
      setContent('');
      setName('');
      setAddress('');
      setPhone('');
      setEmail('');
      setKnowledgeOn(null);
    } catch (err) {
      if (err instanceof SolveAbortedError) return;
      if (err instanceof NetworkError) setGeneral(t('portal.networkError'));
      else if (err instanceof ApiError) {
        setErrors(err.fieldMessages());
        setGeneral(err.body.message);
      } else setGeneral(err instanceof Error ? err.message : String(err));
    } finally {
      if (!ac.signal.aborted) setPhase({ step: 'idle' });
    }
  }

  if (result) {
    return (
      <Paper withBorder p="lg" radius="md">
        <Stack align="center" gap="sm">
          <ThemeIcon color="green" size={56} radius="xl" variant="light">
            <IconCircleCheck size={36} />
          </ThemeIcon>
          <Title order={2} fz="xl" ta="center">
            {t('portal.receivedTitle')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('portal.trackingCode')}
          </Text>
          <Group gap="sm" justify="center" wrap="wrap">
            <Text
              ff="monospace"
              fw={700}
              fz={{ base: 21, xs: 26, sm: 36 }}
              style={{ letterSpacing: '0.04em', whiteSpace: 'nowrap' }}
              data-testid="portal-tracking-code"
              aria-live="polite"
            >
              {result.trackingCode}
            </Text>
            <CopyButton value={result.trackingCode}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'filled' : 'light'}
                  color={copied ? 'green' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? t('portal.copied') : t('portal.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />} w="100%" title={t('portal.keepCodeTitle')}>
            {t('portal.keepCode')}
          </Alert>
          {result.duplicate ? (
            <Alert color="blue" w="100%">
              {t('portal.duplicateNote')}
            </Alert>
          ) : null}
          <Group justify="center">
            <Button leftSection={<IconSearch size={16} />} onClick={() => onLookup(result.trackingCode)}>
              {t('portal.lookupNow')}
            </Button>
            <Button variant="default" onClick={() => setResult(null)}>
              {t('portal.sendAnother')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }

  const err = (field: string) => errors[field];
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="portal-submit-title"
    >
      <Stack gap="md">
        <Title order={2} fz="lg" id="portal-submit-title">
          {t('portal.submitTitle')}
        </Title>
        {general ? (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {general}
          </Alert>
        ) : null}
        <Select
          label={t('portal.kind')}
          data={KINDS.map((k) => ({ value: k, label: label(CASE_KIND_LABELS[k]) }))}
          value={kind}
          onChange={(v) => v && setKind(v as CaseKind)}
          allowDeselect={false}
          description={t(`portal.kindHint_${kind}`)}
          disabled={busy}
          required
        />
        {kind === 'denunciation' ? (
          <Alert color="blue" icon={<IconShieldLock size={18} />} title={t('portal.protectionTitle')}>
            <Text size="sm">{t('portal.protection')}</Text>
          </Alert>
        ) : null}
        {kind === 'complaint' ? (
          <Alert color="gray" variant="light">
            <Text size="sm">{t('portal.complaintNote')}</Text>
          </Alert>
        ) : null}

        <Box component="fieldset" style={{ border: 0, padding: 0, margin: 0 }} disabled={busy}>
          <Text component="legend" fw={600} size="sm" mb={4}>
            {strict ? t('portal.sender') : t('portal.contactOptional')}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {strict ? t('portal.senderHint') : t('portal.contactOptionalHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('portal.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={err('identity.name')}
              required={strict}
              maxLength={200}
              autoComplete="name"
            />
            <TextInput
              label={t('portal.phone')}
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              error={err('identity.phone')}
              required={strict}
              maxLength={30}
              autoComplete="tel"
              type="tel"
              inputMode="tel"
            />
            <TextInput
              label={t('portal.address')}
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              error={err('identity.address')}
              required={strict}
              maxLength={500}
              autoComplete="street-address"
            />
            <TextInput
              label={t('portal.email')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={err('identity.email')}
              maxLength={200}
              autoComplete="email"
              type="email"
            />
          </SimpleGrid>
        </Box>

        {kind === 'complaint' ? (
          <DmyDateInput
            label={t('portal.knowledgeOn')}
            description={t('portal.knowledgeOnHint')}
            value={knowledgeOn}
            onChange={setKnowledgeOn}
            error={err('knowledgeOn')}
            maxDate={new Date()}
            disabled={busy}
          />
        ) : null}

        <TextInput
          label={t('portal.subject')}
          description={t('portal.subjectHint')}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={err('subject')}
          maxLength={SUBJECT_MAX}
          required
          disabled={busy}
        />
        <Textarea
          label={t('portal.content')}
          description={t('portal.contentHint')}
          value={content}
          onChange={(e) => setContent(e.currentTarget.value)}
          error={err('content')}
          maxLength={CONTENT_MAX}
          autosize
          minRows={6}
          maxRows={20}
          required
          disabled={busy}
        />
        <Text size="xs" c="dimmed" ta="right" mt={-8} aria-live="polite">
          {t('portal.characters', { n: formatNumber(content.length, i18n.language), max: formatNumber(CONTENT_MAX, i18n.language) })}
        </Text>

        {/* Honeypot: hidden from people and from assistive technology; robots fill it in. */}
        <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', top: 'auto', width: 1, height: 1, overflow: 'hidden' }}>
          <label>
            {t('portal.honeypot')}
            <input
              type="text"
              name="website"
              tabIndex={-1}
              autoComplete="off"
              value={website}
              onChange={(e) => setWebsite(e.currentTarget.value)}
            />
          </label>
        </div>

        {err('challenge') ? (
          <Text size="sm" c="red">
            {err('challenge')}
          </Text>
        ) : null}
        {phase.step === 'solving' ? (
          <Stack gap={4} role="status" aria-live="polite">
            <Text size="sm" fw={500}>
              {t('portal.verifying')}
            </Text>
            <Progress value={Math.round(phase.fraction * 100)} animated striped aria-label={t('portal.verifying')} />
            <Text size="xs" c="dimmed">
              {t('portal.verifyingHint')}
            </Text>
          </Stack>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={busy} loaderProps={{ type: 'dots' }}>
            {t('portal.send')}
          </Button>
        </Group>
        {phase.step === 'sending' ? (
          <Text size="sm" c="dimmed" ta="right" role="status">
            {t('portal.sending')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
