import { useState } from 'react';
import { Alert, Button, Center, Code, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../api';

const DEMO = [
  ['admin', 'Quản trị hệ thống'],
  ['lanhdao', 'Lãnh đạo Sở'],
  ['vanphong', 'Văn phòng Sở'],
  ['truongphong', 'Trưởng phòng'],
  ['canbo', 'Chuyên viên'],
  ['thanhtra', 'Ban Thanh tra nhân dân'],
  ['congdoan', 'Công đoàn cơ sở'],
];

export function LoginPage() {
  const { t } = useTranslation();
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
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Stack w={400} maw="100%">
        <Stack gap={4} align="center">
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Title order={3} ta="center">danchu</Title>
          <Text c="dimmed" size="sm" ta="center">{t('app.tagline')}</Text>
        </Stack>
        <Paper withBorder shadow="sm" p="lg" radius="md" component="form" onSubmit={submit}>
          <Stack>
            <Title order={4}>{t('auth.title')}</Title>
            {error ? <Alert color="red">{error}</Alert> : null}
            <TextInput label={t('auth.username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoComplete="username" required autoFocus />
            <PasswordInput label={t('auth.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" required />
            <Button type="submit" loading={busy} color="red.8">{t('auth.submit')}</Button>
          </Stack>
        </Paper>
        <Paper withBorder p="sm" radius="md">
          <Text size="sm" fw={600}>{t('auth.demoTitle')}</Text>
          <Text size="xs" c="dimmed" mb={4}>{t('auth.demoHint')}</Text>
          <Table fz="xs" verticalSpacing={2}>
            <Table.Tbody>
              {DEMO.map(([u, r]) => (
                <Table.Tr key={u}>
                  <Table.Td><Code>{u}</Code></Table.Td>
                  <Table.Td>{r}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>
    </Center>
  );
}
