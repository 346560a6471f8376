/**
 * `/portal/$agency/surveys/$code`: the survey form a citizen opens from the QR code or the link,
 * without an account, sized for a phone. One answer per device: the browser keeps a random key
 * for this survey (localStorage) that the server checks as a keyed hash, no third party involved.
 * A personal invitation (`?invitation=…`) is used instead when present. No cookie is sent.
 */
import { useState } from 'react';
import { Alert, Box, Button, Container, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconLanguage, IconLock } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TAnswers, TPublicSurvey } from '../../../contracts/surveys';
import { setLanguage } from '../../i18n';
import { errorMessage } from '../../ui/notify';
import { fieldErrors, SurveyForm } from './SurveyForm';

/** The portal's fetch: no session cookie, so a staff member on the same browser answers as a citizen. */
async function publicFetch<T>(method: 'GET' | 'POST', url: string, body?: unknown, lang = 'vi'): Promise<T> {
  const { ApiError } = await import('../../api');
  const res = await fetch(url, {
    method,
    credentials: 'omit',
    cache: 'no-store',
    headers: { 'x-locale': lang, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    const e = (await res.json().catch(() => null)) as { error?: ConstructorParameters<typeof ApiError>[1] } | null;
    throw new ApiError(
      res.status,
      e?.error ?? {
        code: 'HTTP',
        message: `HTTP ${res.status}`,
        vi: `Lỗi ${res.status}`,
        en: `HTTP ${res.status}`,
        fields: [],
        requestId: '',
      },
    );
  }
  return (await res.json()) as T;
}

/** The random key this browser keeps for one survey. */
function deviceKey(code: string): string {
  const k = `danchu.survey.${code}`;
  let v = localStorage.getItem(k);
  if (!v) {
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    v = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    localStorage.setItem(k, v);
  }
  return v;
}

export function PublicSurveyPage() {
  const { t, i18n } = useTranslation();
  const { agency, code } = useParams({ strict: false }) as { agency: string; code: string };
  const invitation = new URLSearchParams(window.location.search).get('invitation');
  const base = `/api/public/${encodeURIComponent(agency)}/surveys/${encodeURIComponent(code)}`;
  const q = useQuery({
    queryKey: ['public-survey', agency, code],
    queryFn: () => publicFetch<TPublicSurvey & { accepting: boolean }>('GET', base),
  });
  const [answers, setAnswers] = useState<TAnswers>({});
  const [service, setService] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      publicFetch(
        'POST',
        `${base}/responses`,
        { service, answers, ...(invitation ? { invitation } : { deviceKey: deviceKey(code) }) },
        i18n.language === 'en' ? 'en' : 'vi',
      ),
    onSuccess: () => {
      setDone(true);
      window.scrollTo(0, 0);
    },
    onError: (e) => setErrors({ ...fieldErrors(e), _: errorMessage(e) }),
  });
  const other = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="sm" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <img src="/favicon.svg" alt="" width={32} height={32} />
              <Text fw={700}>{t('portal.title')}</Text>
            </Group>
            <Button
              variant="subtle"
              color="gray"
              size="compact-sm"
              leftSection={<IconLanguage size={16} />}
              onClick={() => setLanguage(other)}
              lang={other}
            >
              {other === 'en' ? 'English' : 'Tiếng Việt'}
            </Button>
          </Group>
        </Container>
      </Box>
      <Container size="sm" py="md" px="sm" component="main">
        {q.isLoading ? <Loader /> : null}
        {q.error ? (
          <Alert color="red" role="alert">
            {errorMessage(q.error)}
          </Alert>
        ) : null}
        {q.data ? (
          done ? (
            <Stack align="center" gap="sm" py="xl" role="status">
              <ThemeIcon size={56} radius="xl" color="green">
                <IconCircleCheck size={36} />
              </ThemeIcon>
              <Title order={1} fz={22} ta="center">
                {t('surveys.thanks')}
              </Title>
              <Text c="dimmed" ta="center">
                {t('surveys.thanksHint')}
              </Text>
            </Stack>
          ) : (
            <Stack gap="md">
              <div>
                <Title order={1} fz={22}>
                  {q.data.title}
                </Title>
                {q.data.description ? (
                  <Text size="sm" c="dimmed" mt={4} style={{ whiteSpace: 'pre-line' }}>
                    {q.data.description}
                  </Text>
                ) : null}
              </div>
              <Alert color="gray" icon={<IconLock size={18} />} p="xs">
                <Text size="xs">{t('surveys.privacy')}</Text>
              </Alert>
              {q.data.accepting ? (
                <>
                  <SurveyForm
                    definition={q.data.definition}
                    answers={answers}
                    onChange={setAnswers}
                    service={service}
                    onService={setService}
                    errors={errors}
                  />
                  {errors._ ? (
                    <Alert color="red" role="alert">
                      {errors._}
                    </Alert>
                  ) : null}
                  <Button size="md" fullWidth onClick={() => send.mutate()} loading={send.isPending}>
                    {t('surveys.submit')}
                  </Button>
                </>
              ) : (
                <Alert color="yellow">{t('surveys.closedNow')}</Alert>
              )}
            </Stack>
          )
        ) : null}
      </Container>
    </Box>
  );
}
