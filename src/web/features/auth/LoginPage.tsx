// The log-in page loads without `ui/page-setup.ts` (the rest of Mantine's styles, dayjs: issue
// #17, the first screen ≤ 200 kB gzip): the sheets of the components it shows are in main.tsx, in
// Mantine's order. A component added here needs its sheet there.
import { useState } from 'react';
import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconLanguage } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../api';
import { setLanguage } from '../../i18n';

/** The demo agency's accounts (this is the demo build: keep the hint). */
const DEMO = ['admin', 'lanhdao', 'vanphong', 'truongphong', 'canbo', 'thanhtra', 'congdoan'] as const;

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await post('/api/auth/login', { username, password });
      await qc.invalidateQueries({ queryKey: ['me'] });
      await navigate({ to: '/' });
    } catch (err) {
      setError(err instanceof ApiError ? err.body.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  const other = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Stack w={420} maw="100%" gap="md">
        <Group justify="flex-end">
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
        <Stack gap={4} align="center">
          <img src="/favicon.svg" alt="" width={52} height={52} />
          <Title order={1} ta="center" fz={26}>
            danchu
          </Title>
          <Text c="dimmed" size="sm" ta="center">
            {t('app.tagline')}
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="lg" radius="md" component="form" onSubmit={submit} aria-labelledby="login-title">
          <Stack>
            <Title order={2} fz="lg" id="login-title">
              {t('auth.title')}
            </Title>
            {error ? (
              <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
                {error}
              </Alert>
            ) : null}
            <TextInput
              label={t('auth.username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              autoFocus
            />
            <PasswordInput
              label={t('auth.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              required
            />
            <Button type="submit" loading={busy} size="md">
              {t('auth.submit')}
            </Button>
          </Stack>
        </Paper>
        <Anchor component={Link} to="/portal" size="sm" ta="center">
          {t('portal.loginLink')}
        </Anchor>
        <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-danchu-0)">
          <Text size="sm" fw={600}>
            {t('auth.demoTitle')}
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            {t('auth.demoHint')}
          </Text>
          {/* A plain table: Mantine's brings its ScrollArea (≈ 20 kB gzip) into the first screen. */}
          <table className="danchu-demo-accounts">
            <tbody>
              {DEMO.map((u) => (
                <tr key={u}>
                  <td>
                    <Anchor
                      component="button"
                      type="button"
                      size="xs"
                      ff="monospace"
                      onClick={() => {
                        setUsername(u);
                        setPassword('danchu-demo');
                      }}
                      aria-label={t('auth.demoUse', { username: u })}
                    >
                      {u}
                    </Anchor>
                  </td>
                  <td>{t(`auth.demo_${u}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Paper>
      </Stack>
    </Center>
  );
}
