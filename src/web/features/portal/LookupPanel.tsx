/** Look a submission up by its tracking code: status, public steps with dates, next due date, public answer. */
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { IconAlertCircle, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CASE_KIND_LABELS, type CaseStatus, normalizeTrackingCode, type TPortalStatus } from '../../../contracts/cases';
import { ApiError } from '../../api';
import { label } from '../../i18n';
import { formatDate } from '../../ui/format';
import { agencyPath, NetworkError, portalFetch } from './portal-api';

const CODE_RE = /^[A-Z0-9-]{8,40}$/i;
const STATUS_COLORS: Partial<Record<CaseStatus, string>> = {
  received: 'blue',
  accepted: 'indigo',
  suspended: 'yellow',
  resolved: 'green',
  terminated: 'dark',
};

/** The look-up form and the status it finds; `initialCode` is looked up at once. */
export function LookupPanel({ agency, initialCode }: { agency: string; initialCode?: string | null }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(initialCode ?? '');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [status, setStatus] = useState<TPortalStatus | null>(null);

  async function look(raw: string) {
    const c = normalizeTrackingCode(raw);
    setError(null);
    setFieldError(null);
    setStatus(null);
    if (!CODE_RE.test(c)) {
      setFieldError(t('portal.codeInvalid'));
      return;
    }
    setLoading(true);
    try {
      setStatus(await portalFetch<TPortalStatus>('GET', `${agencyPath(agency)}/cases/${encodeURIComponent(c)}`));
    } catch (err) {
      if (err instanceof NetworkError) setError(t('portal.networkErrorLookup'));
      else if (err instanceof ApiError) {
        const f = err.fieldMessages().code;
        if (f) setFieldError(f);
        else setError(err.body.message);
      } else setError(String(err));
    } finally {
      setLoading(false);
    }
  }

  // Opened from "Tra cứu ngay" after a submission, or from a link with ?code=: look it up at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new code starts a look-up; `look` is recreated on every render.
  useEffect(() => {
    if (initialCode) {
      setCode(initialCode);
      void look(initialCode);
    }
  }, [initialCode]);

  return (
    <Stack gap="md">
      <Paper
        withBorder
        p={{ base: 'md', sm: 'lg' }}
        radius="md"
        component="form"
        onSubmit={(e: React.FormEvent) => {
          e.preventDefault();
          void look(code);
        }}
        aria-labelledby="portal-lookup-title"
      >
        <Stack gap="sm">
          <Title order={2} fz="lg" id="portal-lookup-title">
            {t('portal.lookupTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('portal.lookupHint')}
          </Text>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label={t('portal.trackingCode')}
              placeholder={t('portal.codePlaceholder')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
              onBlur={() => setCode((c) => normalizeTrackingCode(c))}
              error={fieldError}
              maxLength={60}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              ff="monospace"
              style={{ flex: '1 1 240px' }}
              required
            />
            <Button type="submit" mt={{ base: 0, xs: 25 }} loading={loading} leftSection={<IconSearch size={16} />}>
              {t('portal.lookup')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {error ? (
        <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
          {error}
        </Alert>
      ) : null}
      {status ? <StatusView status={status} /> : null}
    </Stack>
  );
}

function StatusView({ status }: { status: TPortalStatus }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" aria-live="polite">
      <Stack gap="md">
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color="gray">
            {label(CASE_KIND_LABELS[status.kind])}
          </Badge>
          <Badge color={STATUS_COLORS[status.status] ?? 'gray'} size="lg">
            {label(status.statusLabel)}
          </Badge>
          <Text ff="monospace" size="sm" c="dimmed">
            {status.trackingCode}
          </Text>
        </Group>
        <Title order={3} fz="lg">
          {status.subject}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Field name={t('portal.receivedOn')} value={formatDate(status.receivedOn)} />
          <Field name={t('portal.currentStatus')} value={label(status.statusLabel)} />
          <Field name={t('portal.nextDue')} value={status.nextDue ? formatDate(status.nextDue) : t('portal.noDue')} />
        </SimpleGrid>
        <div>
          <Text fw={600} size="sm" mb="xs">
            {t('portal.steps')}
          </Text>
          {status.steps.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('portal.noSteps')}
            </Text>
          ) : (
            <Timeline active={status.steps.length - 1} bulletSize={14} lineWidth={2}>
              {status.steps.map((s, i) => (
                <Timeline.Item key={i} title={label(s.label)}>
                  <Text size="xs" c="dimmed">
                    {formatDate(s.on)}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </div>
        {status.publicAnswer ? (
          <div>
            <Text fw={600} size="sm" mb="xs">
              {t('portal.publicAnswer')}
            </Text>
            <Paper bg="gray.0" p="md" radius="sm">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {status.publicAnswer}
              </Text>
            </Paper>
          </div>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Field({ name, value }: { name: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {name}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
}
